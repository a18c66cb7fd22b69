//! Parsing each kind of input, one module per kind.
//!
//! - [`url`]: links and bare domains.

pub mod url;
