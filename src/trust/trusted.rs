//! The trust boundary: a [`TrustedRegistry`] is a [`Registry`] whose signatures verified, the
//! only input a [`crate::Checker`] accepts.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::registry::{Registry, BUILTIN_ANCHOR, BUILTIN_BUNDLE};
use crate::trust::store::Freshness;
use crate::trust::time::Timestamp;
use crate::trust::verify::{verify, Checks, Expiry, Verified, VerifyError};

/// How a [`TrustedRegistry`] earned its trust.
///
/// ```
/// use contactguard::trust::{Origin, TrustedRegistry};
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
/// use contactguard::trust::TrustedRegistry;
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
    stamp: Arc<RegistryStamp>,
}

/// Which registry gave an answer: its version and date, and the keys whose signatures on it
/// verified. Every verdict from a [`crate::Checker`] carries it
/// ([`crate::Verdict::registry`]), so that an answer can be traced to the data behind it.
///
/// ```
/// use contactguard::Checker;
///
/// let v = Checker::builtin()?.check("tokenpocket.pro");
/// let stamp = v.registry.as_ref().expect("a checked contact names its registry");
/// assert!(stamp.version >= 10);
/// assert!(stamp.signers.len() >= 2); // the shipped registry needs two of three keys
/// assert!(stamp.signers.iter().all(|s| s.key_id.len() == 64));
/// # Ok::<(), contactguard::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, Eq, Hash, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RegistryStamp {
    /// The registry's content version.
    pub version: u64,
    /// When it was issued (RFC 3339, UTC).
    pub issued_at: String,
    /// The keys whose signatures verified, in key-id order.
    pub signers: Vec<Signer>,
}

/// One key that signed the registry: [`RegistryStamp::signers`].
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, Eq, Hash, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Signer {
    /// The key id (SHA-256 of the public key, hex).
    pub key_id: String,
    /// Who holds the key, as the root names them (`registry-1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

impl TrustedRegistry {
    /// The registry compiled into the library, verified against the compiled-in root. It is
    /// never refused for age: ask [`TrustedRegistry::freshness`].
    ///
    /// # Errors
    /// Only if the embedded file does not verify, which the crate's own tests rule out.
    pub fn builtin() -> Result<TrustedRegistry, VerifyError> {
        let checks = Checks::at(Timestamp::from_unix(0), Expiry::Report);
        let verified = verify(BUILTIN_BUNDLE, BUILTIN_ANCHOR, &checks)?;
        Ok(TrustedRegistry::from_verified(verified, Origin::Builtin))
    }

    pub(crate) fn from_verified(v: Verified, origin: Origin) -> TrustedRegistry {
        let keys = &v.root.data().keys;
        let signers = v
            .signers
            .iter()
            .map(|id| Signer {
                key_id: id.as_str().to_owned(),
                owner: keys.get(id).and_then(|k| k.owner.clone()),
            })
            .collect();
        let stamp = RegistryStamp {
            version: v.registry.version(),
            issued_at: v.registry.data().issued_at.clone(),
            signers,
        };
        TrustedRegistry {
            stamp: Arc::new(stamp),
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

    /// Its version, date and the keys that signed it, as verdicts cite them.
    pub fn stamp(&self) -> &RegistryStamp {
        &self.stamp
    }

    /// How current it is at `now`.
    pub fn freshness(&self, now: Timestamp) -> Freshness {
        Freshness::at(self.expires, now)
    }
}
