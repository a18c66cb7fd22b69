//! The signed registry: a cut-down TUF with a `root` role (offline keys, threshold, rotated
//! N→N+1) and a `registry` role (support-team keys, threshold), DSSE v1 envelopes over the
//! exact payload bytes, Ed25519 verified strictly, and one distribution file holding every root
//! version and the registry envelope.
//!
//! - [`time`]: the one timestamp format;
//! - [`keys`]: Ed25519 keys in RFC 8410 PEM, key ids;
//! - [`envelope`]: DSSE envelopes and threshold counting;
//! - [`root`]: the root role's payload;
//! - [`verify`]: checking a distribution file, in order;
//! - [`store`]: updates and offline loads through an app-supplied store;
//! - [`file_store`]: that store in a folder, for the CLI and for apps that want one.

pub mod envelope;
pub mod file_store;
pub mod keys;
pub mod root;
pub mod store;
pub mod time;
mod trusted;
pub mod verify;

pub use trusted::{Origin, RegistryStamp, Signer, TrustedRegistry};
