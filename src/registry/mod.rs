//! The registry of official channels: its model, parsing, and the trust boundary.
//!
//! [`Registry`] is parsed content that nobody vouches for yet: fine for listing and linting.
//! [`TrustedRegistry`] is a registry whose origin verified; only it can become a
//! [`crate::Checker`], so that `official` can only come from trusted data.

pub mod lint;
mod model;

use std::sync::Arc;

use sha2::{Digest, Sha256};

pub use model::{
    Brand, Channel, ChannelKind, Confidence, Lang, NoChannel, RegistryData, Scope, Statement,
};

use crate::Error;

/// The registry format version this library reads.
pub const SPEC_VERSION: u32 = 1;

/// The largest registry payload accepted, in bytes.
pub const MAX_REGISTRY_BYTES: usize = 4 * 1024 * 1024;

/// The registry compiled into the library: the reviewed payload in `data/registry.json`.
pub const BUILTIN_JSON: &[u8] = include_bytes!("../../data/registry.json");

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
    /// [`Error::TooLarge`], [`Error::Malformed`], [`Error::UnsupportedSpec`], or
    /// [`Error::Schema`] when brand ids repeat or are empty.
    pub fn from_json(bytes: &[u8]) -> Result<Registry, Error> {
        if bytes.len() > MAX_REGISTRY_BYTES {
            return Err(Error::TooLarge {
                size: bytes.len(),
                max: MAX_REGISTRY_BYTES,
            });
        }
        let data: RegistryData =
            serde_json::from_slice(bytes).map_err(|e| Error::Malformed(e.to_string()))?;
        if data.spec_version > SPEC_VERSION || data.spec_version == 0 {
            return Err(Error::UnsupportedSpec {
                found: data.spec_version,
                supported: SPEC_VERSION,
            });
        }
        let mut ids: Vec<&str> = data.brands.iter().map(|b| b.id.as_str()).collect();
        if ids.iter().any(|id| id.is_empty()) {
            return Err(Error::Schema("a brand has an empty id".into()));
        }
        ids.sort_unstable();
        if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(Error::Schema(format!("brand id '{}' appears twice", w[0])));
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

    /// The content version.
    pub fn version(&self) -> u64 {
        self.data.version
    }

    /// SHA-256 of the payload bytes, as lowercase hex.
    pub fn digest_hex(&self) -> String {
        self.digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// How a [`TrustedRegistry`] earned its trust.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
#[non_exhaustive]
pub enum Origin {
    /// Compiled into this library from the reviewed `data/registry.json`.
    Builtin,
}

/// A registry whose origin verified. The only input a [`crate::Checker`] accepts.
///
/// ```
/// use contactguard::registry::TrustedRegistry;
///
/// let trusted = TrustedRegistry::builtin()?;
/// assert!(trusted.registry().version() >= 1);
/// # Ok::<(), contactguard::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct TrustedRegistry {
    registry: Arc<Registry>,
    origin: Origin,
}

impl TrustedRegistry {
    /// The registry compiled into the library.
    ///
    /// # Errors
    /// Only if the embedded payload is broken, which the crate's own tests rule out.
    pub fn builtin() -> Result<TrustedRegistry, Error> {
        Ok(TrustedRegistry {
            registry: Arc::new(Registry::from_json(BUILTIN_JSON)?),
            origin: Origin::Builtin,
        })
    }

    /// The registry.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// How it was verified.
    pub fn origin(&self) -> Origin {
        self.origin
    }
}
