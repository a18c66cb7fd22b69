//! The library's error type. Input that is not a valid contact is not an error: it gets an
//! `invalid` [`crate::Verdict`]. Errors are about registries.

/// What can go wrong loading a registry. Each message says what to do next.
///
/// ```
/// use contactguard::registry::Registry;
/// use contactguard::Error;
///
/// let err = Registry::from_json(b"{\"spec_version\": 99}").unwrap_err();
/// assert!(matches!(err, Error::Malformed(_) | Error::UnsupportedSpec { .. }));
/// println!("{err}");
/// ```
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The registry is larger than [`crate::registry::MAX_REGISTRY_BYTES`].
    #[error("the registry is {size} bytes, over the {max}-byte limit; this is not a contactguard registry")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// Not JSON of the registry format.
    #[error("the registry is not valid registry JSON ({0}); run `contactguard registry lint FILE` to see every problem")]
    Malformed(String),
    /// A format newer than this library knows.
    #[error("the registry uses format {found}, but this contactguard reads format {supported}; update contactguard")]
    UnsupportedSpec {
        /// The registry's `spec_version`.
        found: u32,
        /// The newest this library reads.
        supported: u32,
    },
    /// A signed registry that did not verify.
    #[error("the signed registry did not verify: {0}")]
    Verify(crate::trust::verify::VerifyError),
    /// JSON of the right shape whose content breaks a rule (duplicate brand ids …).
    #[error("the registry breaks a rule: {0}; run `contactguard registry lint FILE` to see every problem")]
    Schema(String),
}
