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
//! # Which call
//!
//! - One contact a person pasted, of any kind: [`Checker::check`]; with a claimed brand, a
//!   forced kind, a phone region or a handle's platform: [`Checker::check_with`] and
//!   [`CheckOptions`].
//! - A whole message or page (a chat message before it is shown, a search result):
//!   [`Checker::scan`], which gives every contact with its byte span, as a [`ScanReport`].
//! - The registry: [`Checker::builtin`] uses the signed registry compiled into the library.
//!   A registry the app downloads goes through [`trust::store::update`] (signatures,
//!   rollback, expiry) into a [`trust::store::TrustStore`] the app supplies, and
//!   [`trust::store::load_trusted`] gives the [`TrustedRegistry`] at each start, for
//!   [`Checker::new`].
//!
//! A [`Checker`] is an [`Arc`](std::sync::Arc) inside: clone it freely, and share it between
//! threads (it is `Send + Sync`). Building one (verifying signatures, indexing) takes about a
//! millisecond; checking takes microseconds and does no I/O.
//!
//! # Cargo features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `phone` | on | libphonenumber's metadata (the `phonenumber` crate): number types, validity and national formats. Without it, phone numbers are placed with a table of calling codes: exact and near-miss matching of numbers written with `+` or `00` is unchanged, and the type and validity are not known ([`input::phone::Phone::parse`] says exactly what changes). |
//! | `cli` | on | the `contactguard` binary (clap); implies `phone`. |
//!
//! An app that only needs the library turns both off, or keeps `phone`:
//!
//! ```toml
//! contactguard = { version = "0.1", default-features = false, features = ["phone"] }
//! ```
//!
//! # Design
//!
//! input → [`input`] (parse and normalize, one module per kind) → [`matching`] (the index and
//! the ladder: exact, same look, near miss, brand plus words) → [`Verdict`]. The library does
//! no I/O; the CLI (feature `cli`) is a thin layer over it.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The public interface is:
// - checking contacts and texts
pub use checker::{CheckOptions, Checker};
pub use scan::{ScanItem, ScanReport};
// - the answer
pub use verdict::{
    BrandRef, Change, ChannelRef, CharInfo, Detail, Finding, Kind, Note, PhoneInfo, Problem,
    Status, Technique, Verdict, MAX_HIDDEN_POSITIONS, SCHEMA_VERSION,
};
// - registries and their errors
pub use error::Error;
pub use registry::Registry;
pub use trust::TrustedRegistry;

/// The README's examples are compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

// Modules, one concern each.
mod checker;
mod error;
pub mod files;
pub mod i18n;
pub mod input;
mod kind;
pub mod matching;
pub mod normalize;
pub mod registry;
pub mod report;
pub mod scan;
pub mod trust;
mod verdict;
