//! Verifying a distribution file, in the order of `docs/signing.md` §4 (which maps its step numbers to the comments below): size, wrapper, the
//! root chain from the compiled-in anchor, root expiry, the registry envelope's type and
//! threshold, its payload, rollback, and freshness. One code path for the app's load, the
//! app's update and `contactguard registry verify`.

use serde::Deserialize;

use super::envelope::{Envelope, EnvelopeError, REGISTRY_TYPE, ROOT_TYPE};
use super::keys::KeyId;
use super::root::{Root, RootData};
use super::time::Timestamp;
use crate::registry::Registry;

/// The distribution file's format name.
pub const FORMAT: &str = "contactguard-signed-registry/1";
/// The largest distribution file accepted.
pub const MAX_BUNDLE_BYTES: usize = 8 * 1024 * 1024;
/// The most root versions one file may carry.
pub const MAX_ROOTS: usize = 64;
/// Clock skew tolerated on expiry and issue times, in seconds.
pub const SLACK_SECONDS: i64 = 300;

/// Which signatures were missing.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
#[non_exhaustive]
pub enum Signers {
    /// The root role of the root trusted before a rotation.
    PreviousRoot,
    /// The root role of the new root in a rotation.
    NewRoot,
    /// The registry role.
    Registry,
}

/// Why a distribution file is refused. Each variant is one check of the design.
///
/// ```
/// use contactguard::registry::{BUILTIN_ANCHOR, BUILTIN_BUNDLE};
/// use contactguard::trust::time::Timestamp;
/// use contactguard::trust::verify::{verify, Checks, Expiry, VerifyError};
///
/// let far_future = Timestamp::parse("2099-01-01T00:00:00Z")?;
/// let refused = verify(BUILTIN_BUNDLE, BUILTIN_ANCHOR, &Checks::at(far_future, Expiry::Enforce));
/// assert!(matches!(refused, Err(VerifyError::RootExpired { .. } | VerifyError::Expired { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// Larger than [`MAX_BUNDLE_BYTES`], or more than [`MAX_ROOTS`] roots.
    #[error("the file is too large ({0}); it is not a registry this version accepts")]
    TooLarge(String),
    /// Not JSON of the expected shape.
    #[error("the file is malformed: {0}")]
    Malformed(String),
    /// A `format` this library does not read.
    #[error("unknown format '{0}'; update contactguard")]
    UnsupportedFormat(String),
    /// An envelope of the wrong type where a root or registry belongs.
    #[error("an envelope of type '{found}' stands where '{expected}' belongs")]
    WrongPayloadType {
        /// The type that belongs there.
        expected: &'static str,
        /// The type found.
        found: String,
    },
    /// A root that does not validate, or contradicts the trusted one.
    #[error("root version {version} is invalid: {reason}")]
    InvalidRoot {
        /// The root's version.
        version: u64,
        /// Why.
        reason: String,
    },
    /// A root that is not the trusted root of the same version: the file was made for another
    /// root (another deployment's, whose root must then be the anchor, or an altered one).
    #[error("the file's root version {version} is not the trusted root of that version: the file was made for another root (another deployment's, or an altered one)")]
    OtherRoot {
        /// The root's version.
        version: u64,
    },
    /// A root version that skips one.
    #[error("root version {found} does not follow the trusted version {trusted}")]
    RootVersionGap {
        /// The trusted version.
        trusted: u64,
        /// The version found.
        found: u64,
    },
    /// Too few distinct valid signatures.
    #[error("{valid} valid signature(s) from the {role:?} keys, {required} required")]
    ThresholdNotMet {
        /// Whose signatures.
        role: Signers,
        /// The threshold.
        required: usize,
        /// Distinct valid signatures found.
        valid: usize,
    },
    /// The newest root has expired.
    #[error("the root expired at {expires} (now {now}); a newer root is needed")]
    RootExpired {
        /// Its expiry.
        expires: String,
        /// The time used.
        now: String,
    },
    /// Older than what is already trusted.
    #[error("version {found} is older than the trusted version {trusted}")]
    Rollback {
        /// The trusted version (or root version).
        trusted: u64,
        /// The version found.
        found: u64,
    },
    /// The trusted version number with different content.
    #[error("version {0} is already trusted with different content")]
    VersionConflict(u64),
    /// The registry has expired.
    #[error("the registry expired at {expires} (now {now})")]
    Expired {
        /// Its expiry.
        expires: String,
        /// The time used.
        now: String,
    },
    /// Issued in the future: this clock is behind.
    #[error("the registry is issued at {issued_at}, after now ({now}); check the clock")]
    NotYetValid {
        /// Its issue time.
        issued_at: String,
        /// The time used.
        now: String,
    },
    /// The signed payload breaks the registry format.
    #[error("the signed registry is invalid: {0}")]
    Schema(String),
    /// The trust store failed.
    #[error("the trust store failed: {0}")]
    Store(String),
}

impl From<EnvelopeError> for VerifyError {
    fn from(e: EnvelopeError) -> Self {
        VerifyError::Malformed(e.to_string())
    }
}

/// How expiry is treated.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
#[non_exhaustive]
pub enum Expiry {
    /// Expired roots and registries, and registries issued in the future, are refused. Updates
    /// use this.
    #[default]
    Enforce,
    /// Nothing is refused for age; freshness is reported instead. Loading data that was
    /// already accepted (the embedded registry, a stored update) uses this.
    Report,
    /// **CAUTION:** accept expired data, for inspection tools only (`registry verify
    /// --allow-expired`). Never use it to decide what is official.
    AllowExpiredForInspection,
}

/// What verification is measured against.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Checks<'a> {
    /// The time, fixed once by the caller.
    pub now: Timestamp,
    /// How expiry is treated.
    pub expiry: Expiry,
    /// The lowest registry version acceptable.
    pub floor: u64,
    /// The lowest root version acceptable (the newest root already trusted).
    pub root_floor: u64,
    /// The registry payload trusted at `floor`, to tell an unchanged file from a conflict.
    pub trusted_payload: Option<&'a [u8]>,
    /// The payload of the root trusted at `root_floor`: the chain must pass through exactly
    /// this root, so a fork of a trusted version (signed by keys rotated out since) is refused.
    pub trusted_root: Option<&'a [u8]>,
}

impl Checks<'_> {
    /// Checks at `now` with nothing trusted beyond the anchor.
    pub fn at(now: Timestamp, expiry: Expiry) -> Checks<'static> {
        Checks {
            now,
            expiry,
            floor: 0,
            root_floor: 0,
            trusted_payload: None,
            trusted_root: None,
        }
    }
}

/// A distribution file whose signatures verified.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Verified {
    /// The registry.
    pub registry: Registry,
    /// The signed payload bytes.
    pub payload: Vec<u8>,
    /// The newest root.
    pub root: Root,
    /// The newest root's payload bytes.
    pub root_payload: Vec<u8>,
    /// When the registry was issued.
    pub issued_at: Timestamp,
    /// When it expires.
    pub expires: Timestamp,
    /// The registry keys whose signatures on it verified, in key-id order.
    pub signers: Vec<KeyId>,
    /// The registry version floor after the root chain (reset when registry keys change).
    pub floor: u64,
    /// Whether this is exactly the payload already trusted.
    pub unchanged: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Wrapper {
    format: String,
    roots: Vec<serde_json::Value>,
    registry: serde_json::Value,
}

#[derive(Deserialize)]
struct VersionPeek {
    version: u64,
}

/// Parses and validates a root envelope's payload (no signature check).
pub fn root_of(envelope: &Envelope) -> Result<Root, VerifyError> {
    if envelope.payload_type != ROOT_TYPE {
        return Err(VerifyError::WrongPayloadType {
            expected: ROOT_TYPE,
            found: envelope.payload_type.clone(),
        });
    }
    if let Some(duplicate) = crate::registry::lint::duplicate_key(&envelope.payload) {
        return Err(VerifyError::InvalidRoot {
            version: 0,
            reason: duplicate,
        });
    }
    let data: RootData =
        serde_json::from_slice(&envelope.payload).map_err(|e| VerifyError::InvalidRoot {
            version: 0,
            reason: e.to_string(),
        })?;
    let version = data.version;
    Root::from_data(data).map_err(|reason| VerifyError::InvalidRoot { version, reason })
}

/// Verifies a distribution file against `anchor`, the root envelope compiled into the app.
/// The one verification path: [`crate::trust::store::update`],
/// [`crate::trust::store::load_trusted`], the embedded registry and `contactguard registry
/// verify` all come here. Called directly it is for inspection: it keeps no rollback floor, and
/// what it returns is not a [`crate::TrustedRegistry`], so it can never become a
/// [`crate::Checker`].
///
/// ```
/// use contactguard::registry::{BUILTIN_ANCHOR, BUILTIN_BUNDLE};
/// use contactguard::trust::time::Timestamp;
/// use contactguard::trust::verify::{verify, Checks, Expiry};
///
/// let now = Timestamp::parse("2026-12-07T00:00:00Z")?;
/// let verified = verify(BUILTIN_BUNDLE, BUILTIN_ANCHOR, &Checks::at(now, Expiry::Enforce))?;
/// assert_eq!(verified.root.version(), 1);
/// assert!(verified.registry.brand("tokenpocket").is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// The first check that fails, as a [`VerifyError`].
pub fn verify(bundle: &[u8], anchor: &[u8], checks: &Checks<'_>) -> Result<Verified, VerifyError> {
    // 1. Size.
    if bundle.len() > MAX_BUNDLE_BYTES {
        return Err(VerifyError::TooLarge(format!(
            "{} bytes, over {MAX_BUNDLE_BYTES}",
            bundle.len()
        )));
    }
    // 2. Wrapper.
    let wrapper: Wrapper =
        serde_json::from_slice(bundle).map_err(|e| VerifyError::Malformed(e.to_string()))?;
    if wrapper.format != FORMAT {
        return Err(VerifyError::UnsupportedFormat(
            wrapper.format.chars().take(80).collect(),
        ));
    }
    if wrapper.roots.len() > MAX_ROOTS {
        return Err(VerifyError::TooLarge(format!(
            "{} roots, over {MAX_ROOTS}",
            wrapper.roots.len()
        )));
    }
    // 3. The root chain, from the anchor.
    let anchor_envelope = Envelope::from_json(anchor)?;
    let mut trusted = root_of(&anchor_envelope)?;
    let mut trusted_payload = anchor_envelope.payload.clone();
    let mut floor = checks.floor;
    for value in wrapper.roots {
        let envelope = Envelope::from_value(value)?;
        if envelope.payload_type != ROOT_TYPE {
            return Err(VerifyError::WrongPayloadType {
                expected: ROOT_TYPE,
                found: envelope.payload_type,
            });
        }
        let peek: VersionPeek =
            serde_json::from_slice(&envelope.payload).map_err(|e| VerifyError::InvalidRoot {
                version: 0,
                reason: e.to_string(),
            })?;
        if peek.version <= trusted.version() {
            if peek.version == trusted.version() && envelope.payload != trusted_payload {
                return Err(VerifyError::OtherRoot {
                    version: peek.version,
                });
            }
            continue;
        }
        if peek.version != trusted.version() + 1 {
            return Err(VerifyError::RootVersionGap {
                trusted: trusted.version(),
                found: peek.version,
            });
        }
        let previous = envelope.valid_signers(trusted.root_keys()).len();
        if previous < trusted.root_threshold() {
            return Err(VerifyError::ThresholdNotMet {
                role: Signers::PreviousRoot,
                required: trusted.root_threshold(),
                valid: previous,
            });
        }
        let next = root_of(&envelope)?;
        let own = envelope.valid_signers(next.root_keys()).len();
        if own < next.root_threshold() {
            return Err(VerifyError::ThresholdNotMet {
                role: Signers::NewRoot,
                required: next.root_threshold(),
                valid: own,
            });
        }
        if next.version() == checks.root_floor
            && checks
                .trusted_root
                .is_some_and(|t| t != envelope.payload.as_slice())
        {
            return Err(VerifyError::InvalidRoot {
                version: next.version(),
                reason: "differs from the root of that version already trusted".into(),
            });
        }
        // A root newly trusted that rotates registry keys out restarts the registry floor at
        // the value it signs (fast-forward recovery, TUF §5.3.11): versions signed by revoked
        // keys cannot verify any more. Adding keys rotates nothing, and roots trusted before
        // never move the floor again.
        if next.version() > checks.root_floor && next.rotates_registry_keys(&trusted) {
            floor = next.data().registry_version_floor;
        }
        trusted = next;
        trusted_payload = envelope.payload;
    }
    if trusted.version() < checks.root_floor {
        return Err(VerifyError::Rollback {
            trusted: checks.root_floor,
            found: trusted.version(),
        });
    }
    // 4. Root expiry.
    let stale = |t: Timestamp| t.unix() <= checks.now.unix() - SLACK_SECONDS;
    if checks.expiry == Expiry::Enforce && stale(trusted.expires()) {
        return Err(VerifyError::RootExpired {
            expires: trusted.expires().to_string(),
            now: checks.now.to_string(),
        });
    }
    // 5–6. The registry envelope: its type and threshold, before its payload is parsed.
    let envelope = Envelope::from_value(wrapper.registry)?;
    if envelope.payload_type != REGISTRY_TYPE {
        return Err(VerifyError::WrongPayloadType {
            expected: REGISTRY_TYPE,
            found: envelope.payload_type,
        });
    }
    let signers: Vec<KeyId> = envelope
        .valid_signers(trusted.registry_keys())
        .into_iter()
        .collect();
    let valid = signers.len();
    if valid < trusted.registry_threshold() {
        return Err(VerifyError::ThresholdNotMet {
            role: Signers::Registry,
            required: trusted.registry_threshold(),
            valid,
        });
    }
    // 7. The payload, parsed once from the verified bytes.
    let registry =
        Registry::from_json(&envelope.payload).map_err(|e| VerifyError::Schema(e.to_string()))?;
    let issued_at = Timestamp::parse(&registry.data().issued_at)
        .map_err(|e| VerifyError::Schema(format!("issued_at: {e}")))?;
    let expires = Timestamp::parse(&registry.data().expires)
        .map_err(|e| VerifyError::Schema(format!("expires: {e}")))?;
    // 8. Rollback.
    let version = registry.version();
    let mut unchanged = false;
    if version < floor {
        return Err(VerifyError::Rollback {
            trusted: floor,
            found: version,
        });
    }
    if version == floor {
        if let Some(previous) = checks.trusted_payload {
            if previous != envelope.payload.as_slice() {
                return Err(VerifyError::VersionConflict(version));
            }
            unchanged = true;
        }
    }
    // 9. Freeze.
    if checks.expiry == Expiry::Enforce {
        if stale(expires) {
            return Err(VerifyError::Expired {
                expires: expires.to_string(),
                now: checks.now.to_string(),
            });
        }
        if issued_at.unix() > checks.now.unix() + SLACK_SECONDS {
            return Err(VerifyError::NotYetValid {
                issued_at: issued_at.to_string(),
                now: checks.now.to_string(),
            });
        }
    }
    Ok(Verified {
        registry,
        payload: envelope.payload,
        root: trusted,
        root_payload: trusted_payload,
        issued_at,
        expires,
        signers,
        floor,
        unchanged,
    })
}

/// Builds a distribution file from root envelopes (oldest first) and a registry envelope.
pub fn bundle(roots: &[Envelope], registry: &Envelope) -> Vec<u8> {
    let value = serde_json::json!({
        "format": FORMAT,
        "roots": roots.iter().map(Envelope::to_value).collect::<Vec<_>>(),
        "registry": registry.to_value(),
    });
    let mut out = serde_json::to_vec_pretty(&value).unwrap_or_default();
    out.push(b'\n');
    out
}
