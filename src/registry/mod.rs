//! The registry of official channels: its model, parsing, and the trust boundary.
//!
//! [`Registry`] is parsed content that nobody vouches for yet: fine for listing and linting.
//! [`TrustedRegistry`] is a registry whose origin verified; only it can become a
//! [`crate::Checker`], so that `official` can only come from trusted data.

pub mod diff;
pub mod edit;
pub mod lint;
mod model;

use std::sync::Arc;

use sha2::{Digest, Sha256};

pub use model::{
    Brand, Channel, ChannelKind, Confidence, Lang, Lookalike, NoChannel, RegistryData, Role, Scope,
    Statement,
};

use crate::trust::store::Freshness;
use crate::trust::time::Timestamp;
use crate::trust::verify::{verify, Checks, Expiry, Verified};
use crate::Error;

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
///
/// ```
/// use contactguard::registry::{Origin, TrustedRegistry};
///
/// assert_eq!(TrustedRegistry::builtin()?.origin(), Origin::Builtin);
/// # Ok::<(), contactguard::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
#[non_exhaustive]
pub enum Origin {
    /// The distribution file compiled into the library, verified against the compiled-in root.
    Builtin,
    /// A downloaded distribution file accepted by [`crate::trust::store::update`] and verified
    /// again at load.
    Update,
}

/// A registry whose signatures verified against the compiled-in root, and that is the newest
/// the app trusts: the embedded one, or an update accepted through a
/// [`crate::trust::store::TrustStore`] (which keeps the rollback floor and the newest root
/// across restarts). The only input a [`crate::Checker`] accepts.
///
/// ```
/// use contactguard::registry::TrustedRegistry;
/// use contactguard::trust::store::Freshness;
/// use contactguard::trust::time::Timestamp;
///
/// let trusted = TrustedRegistry::builtin()?;
/// assert!(trusted.registry().version() >= 1);
/// let long_ago = Timestamp::parse("2000-01-01T00:00:00Z").expect("a valid time");
/// assert_eq!(trusted.freshness(long_ago), Freshness::Fresh);
/// # Ok::<(), contactguard::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct TrustedRegistry {
    registry: Arc<Registry>,
    origin: Origin,
    issued_at: Timestamp,
    expires: Timestamp,
    root_version: u64,
}

impl TrustedRegistry {
    /// The registry compiled into the library, verified against the compiled-in root. It is
    /// never refused for age: ask [`TrustedRegistry::freshness`].
    ///
    /// # Errors
    /// Only if the embedded file does not verify, which the crate's own tests rule out.
    pub fn builtin() -> Result<TrustedRegistry, Error> {
        let checks = Checks::at(Timestamp::from_unix(0), Expiry::Report);
        let verified = verify(BUILTIN_BUNDLE, BUILTIN_ANCHOR, &checks).map_err(Error::Verify)?;
        Ok(TrustedRegistry::from_verified(verified, Origin::Builtin))
    }

    pub(crate) fn from_verified(v: Verified, origin: Origin) -> TrustedRegistry {
        TrustedRegistry {
            root_version: v.root.version(),
            issued_at: v.issued_at,
            expires: v.expires,
            registry: Arc::new(v.registry),
            origin,
        }
    }

    /// The registry.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// How it was verified.
    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// When it was issued.
    pub fn issued_at(&self) -> Timestamp {
        self.issued_at
    }

    /// When it expires.
    pub fn expires(&self) -> Timestamp {
        self.expires
    }

    /// The version of the root it was verified under.
    pub fn root_version(&self) -> u64 {
        self.root_version
    }

    /// How current it is at `now`.
    pub fn freshness(&self, now: Timestamp) -> Freshness {
        Freshness::at(self.expires, now)
    }
}
