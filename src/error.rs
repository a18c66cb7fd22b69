//! The library's error type. Input that is not a valid contact is not an error: it gets an
//! `invalid` [`crate::Verdict`]. Errors are about registries.

/// What can go wrong loading a registry. Each message says what to do next.
///
/// ```
/// use contactguard::registry::Registry;
/// use contactguard::Error;
///
/// let err: Error = Registry::from_json(b"{\"spec_version\": 99}").unwrap_err().into();
/// assert!(matches!(err, Error::Registry(_)));
/// println!("{err}");
/// ```
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A registry that does not parse or breaks a rule of the format.
    #[error(transparent)]
    Registry(#[from] crate::registry::RegistryError),
    /// A signed registry that did not verify.
    #[error("the signed registry did not verify: {0}")]
    Verify(#[from] crate::trust::verify::VerifyError),
}
