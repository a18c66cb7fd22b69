//! The registry of official channels: its model and parsing. It knows nothing of signatures.
//!
//! [`Registry`] is parsed content that nobody vouches for yet: fine for listing and linting.
//! [`crate::trust::TrustedRegistry`] is a registry whose origin verified; only it can become a
//! [`crate::Checker`], so that `official` can only come from trusted data.

pub mod diff;
pub mod edit;
pub mod lint;
mod model;

use sha2::{Digest, Sha256};

pub use model::{
    Brand, Channel, ChannelKind, Confidence, Lang, Lookalike, NoChannel, OnlyAt, RegistryData,
    ReportPlace, Role, Scope, Statement, Verification,
};

/// The registry format version this library reads.
pub const SPEC_VERSION: u32 = 1;

/// The largest registry payload accepted, in bytes.
pub const MAX_REGISTRY_BYTES: usize = 4 * 1024 * 1024;

/// The reviewed registry payload, `data/registry.json`: exactly the bytes signed in
/// [`BUILTIN_BUNDLE`].
pub const BUILTIN_JSON: &[u8] = include_bytes!("../../data/registry.json");

/// The distribution file compiled into the library, `data/registry.signed.json`: every root
/// version and the registry envelope, signed with the project's release keys.
pub const BUILTIN_BUNDLE: &[u8] = include_bytes!("../../data/registry.signed.json");

/// The trust anchor compiled into the library, `data/root-1.json`: the first root envelope.
/// Every distribution file is verified by walking from it.
pub const BUILTIN_ANCHOR: &[u8] = include_bytes!("../../data/root-1.json");

/// Why bytes are not a registry. Each message says what to do next.
///
/// ```
/// use contactguard::registry::{Registry, RegistryError};
///
/// let err = Registry::from_json(b"{\"spec_version\": 99}").unwrap_err();
/// assert!(matches!(err, RegistryError::Malformed(_) | RegistryError::UnsupportedSpec { .. }));
/// ```
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum RegistryError {
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
    /// JSON of the right shape whose content breaks a rule (duplicate brand ids …).
    #[error("the registry breaks a rule: {0}; run `contactguard registry lint FILE` to see every problem")]
    Schema(String),
}

/// A parsed registry whose origin has not been established.
///
/// ```
/// use contactguard::registry::{Registry, BUILTIN_JSON};
///
/// let registry = Registry::from_json(BUILTIN_JSON)?;
/// assert!(registry.brand("tokenpocket").is_some());
/// # Ok::<(), contactguard::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Registry {
    data: RegistryData,
    digest: [u8; 32],
}

impl Registry {
    /// Parses a registry payload. Unknown fields and unknown channel kinds are ignored (a
    /// newer registry stays readable); [`lint::lint`] is the strict check.
    ///
    /// # Errors
    /// [`RegistryError::TooLarge`], [`RegistryError::Malformed`], [`RegistryError::UnsupportedSpec`], or
    /// [`RegistryError::Schema`] when brand ids repeat or are empty.
    pub fn from_json(bytes: &[u8]) -> Result<Registry, RegistryError> {
        if bytes.len() > MAX_REGISTRY_BYTES {
            return Err(RegistryError::TooLarge {
                size: bytes.len(),
                max: MAX_REGISTRY_BYTES,
            });
        }
        let data: RegistryData =
            serde_json::from_slice(bytes).map_err(|e| RegistryError::Malformed(e.to_string()))?;
        if data.spec_version > SPEC_VERSION || data.spec_version == 0 {
            return Err(RegistryError::UnsupportedSpec {
                found: data.spec_version,
                supported: SPEC_VERSION,
            });
        }
        let mut ids: Vec<&str> = data.brands.iter().map(|b| b.id.as_str()).collect();
        if ids.iter().any(|id| id.is_empty()) {
            return Err(RegistryError::Schema("a brand has an empty id".into()));
        }
        ids.sort_unstable();
        if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(RegistryError::Schema(format!(
                "brand id '{}' appears twice",
                w[0]
            )));
        }
        Ok(Registry {
            digest: Sha256::digest(bytes).into(),
            data,
        })
    }

    /// The whole payload.
    pub fn data(&self) -> &RegistryData {
        &self.data
    }

    /// The brands, in registry order.
    pub fn brands(&self) -> &[Brand] {
        &self.data.brands
    }

    /// One brand by id.
    pub fn brand(&self, id: &str) -> Option<&Brand> {
        self.data.brands.iter().find(|b| b.id == id)
    }

    /// The places to report a scam in any of `regions`, in the order of `regions`, then of the
    /// registry. See [`crate::i18n::report_regions`] for the regions of a reader.
    pub fn report_places(&self, regions: &[&str]) -> Vec<&ReportPlace> {
        regions
            .iter()
            .flat_map(|r| self.data.reporting.iter().filter(move |p| p.region == *r))
            .collect()
    }

    /// The content version.
    pub fn version(&self) -> u64 {
        self.data.version
    }

    /// SHA-256 of the payload bytes, as lowercase hex.
    pub fn digest_hex(&self) -> String {
        self.digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}
