//! contactguard tells whether a link, domain, phone number, social handle or e-mail address
//! really belongs to a brand's official support.
//!
//! Search results are full of pages listing "customer-service hotlines" for crypto wallets
//! that publish no phone number at all; whoever answers asks for the seed phrase. contactguard
//! holds a registry of the real channels and checks whatever a person pastes against it, with
//! homoglyph and lookalike detection.
//!
//! # Quick start
//!
//! ```
//! use contactguard::{Checker, Status};
//!
//! let checker = Checker::builtin()?;
//! let verdict = checker.check("tokenp0cket.pro");
//! assert_eq!(verdict.status, Status::Impersonation);
//! println!("{}", verdict.findings[0].message); // '0' (DIGIT ZERO) in place of 'o'
//! for channel in &verdict.official_channels {
//!     println!("use instead: {}", channel.value);
//! }
//! # Ok::<(), contactguard::Error>(())
//! ```
//!
//! The answer is never "safe": a contact that matches nothing is [`Status::Unknown`], and
//! [`Status::Official`] only comes from an exact match in a [`TrustedRegistry`].
//!
//! # Design
//!
//! input → [`input`] (parse and normalize, one module per kind) → [`matching`] (the index and
//! the ladder: exact, same look, near miss, brand plus words) → [`Verdict`]. The library does
//! no I/O; the CLI (feature `cli`) is a thin layer over it.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The public interface is:
pub use checker::{CheckOptions, Checker};
pub use error::Error;
pub use registry::{Registry, TrustedRegistry};
pub use scan::{ScanItem, ScanReport};
pub use verdict::{
    BrandRef, Change, ChannelRef, CharInfo, Detail, Finding, Kind, Status, Technique, Verdict,
};

/// The README's examples are compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

// Modules, one concern each.
mod checker;
mod error;
pub mod input;
pub mod matching;
pub mod normalize;
pub mod registry;
pub mod scan;
pub mod trust;
mod verdict;
