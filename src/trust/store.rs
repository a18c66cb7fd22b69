//! Updating and loading the registry through a store the app supplies (the library does no
//! I/O): [`update`] accepts only a newer, unexpired, properly signed registry and persists the
//! rollback floor; [`load_trusted`] re-verifies what the store holds at an offline start and
//! reports its [`Freshness`] instead of failing for age.

use super::time::Timestamp;
use super::verify::{verify, Checks, Expiry, Verified, VerifyError};
use crate::registry::{BUILTIN_ANCHOR, BUILTIN_BUNDLE};
use crate::trust::{Origin, TrustedRegistry};

/// What an app trusts out of band: the first root (compiled in) and, optionally, the
/// distribution file it ships with (its version is the rollback floor from the first run).
///
/// ```
/// use contactguard::registry::{BUILTIN_ANCHOR, BUILTIN_BUNDLE};
/// use contactguard::trust::store::Anchor;
///
/// let shipped = Anchor::builtin(); // the project's root and the registry compiled in
/// assert_eq!(shipped.embedded, Some(BUILTIN_BUNDLE));
/// let download_only = Anchor::root(BUILTIN_ANCHOR); // a root, and registries only downloaded
/// assert_eq!(download_only.embedded, None);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Anchor<'a> {
    /// The root envelope every chain starts from.
    pub root: &'a [u8],
    /// The distribution file shipped with the app, if any.
    pub embedded: Option<&'a [u8]>,
}

impl Anchor<'static> {
    /// The project's root and registry, compiled into the library.
    pub fn builtin() -> Anchor<'static> {
        Anchor {
            root: BUILTIN_ANCHOR,
            embedded: Some(BUILTIN_BUNDLE),
        }
    }
}

impl<'a> Anchor<'a> {
    /// A deployment's own root, with nothing embedded.
    pub fn root(root: &'a [u8]) -> Anchor<'a> {
        Anchor {
            root,
            embedded: None,
        }
    }
}

/// What an app keeps between runs. The store is untrusted input: everything in it is verified
/// again on load.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
#[non_exhaustive]
pub struct StoredTrust {
    /// The last accepted distribution file, byte for byte.
    pub bundle: Vec<u8>,
    /// The lowest registry version acceptable from now on.
    pub floor: u64,
    /// The newest root version accepted.
    pub root_version: u64,
    /// The latest time seen (seconds since the epoch): a clock set back cannot move before it.
    pub latest_known_time: i64,
}

/// Where an app keeps [`StoredTrust`]: a file, a database row, the keychain. `save` must be
/// atomic (all or nothing: for a file, write a temporary file, sync it and rename it over the
/// old one); `load` returns `Ok(None)` before the first save. `examples/registry_update.rs`
/// is a complete file-backed store.
///
/// ```
/// use contactguard::trust::store::{StoredTrust, TrustStore};
///
/// /// A store in one slot of the app's own key-value storage.
/// struct Slot(Option<StoredTrust>);
///
/// impl TrustStore for Slot {
///     fn load(&self) -> Result<Option<StoredTrust>, String> {
///         Ok(self.0.clone())
///     }
///
///     fn save(&mut self, state: &StoredTrust) -> Result<(), String> {
///         self.0 = Some(state.clone()); // one assignment: all or nothing
///         Ok(())
///     }
/// }
/// ```
pub trait TrustStore {
    /// What was saved last, if anything.
    ///
    /// # Errors
    /// A description of the failure.
    fn load(&self) -> Result<Option<StoredTrust>, String>;

    /// Saves atomically (all or nothing).
    ///
    /// # Errors
    /// A description of the failure.
    fn save(&mut self, state: &StoredTrust) -> Result<(), String>;
}

/// A store in memory, for tests and for apps that persist elsewhere.
///
/// ```
/// use contactguard::trust::store::{load_trusted, Anchor, MemoryStore};
/// use contactguard::trust::time::Timestamp;
///
/// let store = MemoryStore::default(); // empty: the embedded registry is used
/// let now = Timestamp::parse("2026-12-07T00:00:00Z")?;
/// let (trusted, _) = load_trusted(&Anchor::builtin(), &store, now)?;
/// assert!(trusted.registry().version() >= 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct MemoryStore(pub Option<StoredTrust>);

impl TrustStore for MemoryStore {
    fn load(&self) -> Result<Option<StoredTrust>, String> {
        Ok(self.0.clone())
    }

    fn save(&mut self, state: &StoredTrust) -> Result<(), String> {
        self.0 = Some(state.clone());
        Ok(())
    }
}

/// What an update did: [`update`]. A refused update is an `Err` instead.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
#[non_exhaustive]
pub enum UpdateOutcome {
    /// A newer registry was accepted and stored.
    Updated {
        /// The version trusted before.
        from: u64,
        /// The version trusted now.
        to: u64,
    },
    /// The same registry as the one trusted.
    Unchanged,
}

/// How current a trusted registry is: [`crate::TrustedRegistry::freshness`]. An expired
/// registry is still used (it is the best data there is); the app asks for an update.
///
/// ```
/// use contactguard::trust::store::Freshness;
/// use contactguard::trust::time::Timestamp;
///
/// let expires = Timestamp::parse("2027-05-22T00:00:00Z")?;
/// let at = |t: &str| Timestamp::parse(t).map(|now| Freshness::at(expires, now));
/// assert_eq!(at("2026-12-07T00:00:00Z")?, Freshness::Fresh);
/// assert_eq!(at("2027-05-12T00:00:00Z")?, Freshness::ExpiringSoon { days: 10 });
/// assert_eq!(at("2027-06-01T00:00:00Z")?, Freshness::Expired { days: 10 });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
#[non_exhaustive]
pub enum Freshness {
    /// Not near its expiry.
    Fresh,
    /// Expires within [`EXPIRING_SOON_DAYS`] days.
    ExpiringSoon {
        /// Whole days left.
        days: i64,
    },
    /// Past its expiry: still the best data there is, but ask for an update.
    Expired {
        /// Whole days since it expired.
        days: i64,
    },
}

/// How close to expiry counts as [`Freshness::ExpiringSoon`].
pub const EXPIRING_SOON_DAYS: i64 = 14;

impl Freshness {
    /// The freshness at `now` of data that expires at `expires`.
    pub fn at(expires: Timestamp, now: Timestamp) -> Freshness {
        let left = now.days_until(expires);
        if expires <= now {
            Freshness::Expired {
                days: expires.days_until(now),
            }
        } else if left < EXPIRING_SOON_DAYS {
            Freshness::ExpiringSoon { days: left }
        } else {
            Freshness::Fresh
        }
    }
}

/// The embedded registry, verified against the anchor (never refused for age).
fn embedded(anchor: &Anchor<'_>) -> Result<Option<Verified>, VerifyError> {
    anchor
        .embedded
        .map(|bundle| {
            verify(
                bundle,
                anchor.root,
                &Checks::at(Timestamp::from_unix(0), Expiry::Report),
            )
        })
        .transpose()
}

/// What the store holds, verified again: its chain must reach the newest root trusted out of
/// band (the embedded file's) through that root's exact bytes. A stored state that does not
/// (a fork signed by keys rotated out since, or a file from before the rotation) is dropped,
/// floor included, and the embedded registry takes over.
fn stored_state(
    anchor: &Anchor<'_>,
    embedded: Option<&Verified>,
    store: &dyn TrustStore,
    now: Timestamp,
) -> Result<Option<(StoredTrust, Verified)>, VerifyError> {
    let Some(state) = store.load().map_err(VerifyError::Store)? else {
        return Ok(None);
    };
    // A store that does not verify on its own was corrupted or tampered with: say so.
    let own = Checks {
        root_floor: state.root_version,
        ..Checks::at(now, Expiry::Report)
    };
    let verified = verify(&state.bundle, anchor.root, &own)?;
    // One that verifies but does not descend from the embedded root is left behind.
    if let Some(e) = embedded {
        let through_embedded = Checks {
            root_floor: e.root.version(),
            trusted_root: Some(e.root_payload.as_slice()),
            ..own
        };
        if verify(&state.bundle, anchor.root, &through_embedded).is_err() {
            return Ok(None);
        }
    }
    Ok(Some((state, verified)))
}

/// Verifies `bundle` (downloaded by the app) and, if it is a newer, unexpired, properly signed
/// registry, stores it.
///
/// ```
/// use contactguard::trust::store::{update, Anchor, MemoryStore, UpdateOutcome};
/// use contactguard::trust::time::Timestamp;
/// use contactguard::registry::BUILTIN_BUNDLE;
///
/// let mut store = MemoryStore::default();
/// let now = Timestamp::parse("2026-12-07T00:00:00Z")?;
/// // The file shipped with the app is not newer than itself:
/// assert_eq!(update(&Anchor::builtin(), BUILTIN_BUNDLE, &mut store, now), Ok(UpdateOutcome::Unchanged));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// The failed check as a [`VerifyError`]; nothing is stored then.
pub fn update(
    anchor: &Anchor<'_>,
    bundle: &[u8],
    store: &mut dyn TrustStore,
    now: Timestamp,
) -> Result<UpdateOutcome, VerifyError> {
    let embedded = embedded(anchor)?;
    let stored_pair = stored_state(anchor, embedded.as_ref(), store, now)?;
    let (stored, stored_verified) = match stored_pair {
        Some((s, v)) => (Some(s), Some(v)),
        None => (None, None),
    };
    let embedded_version = embedded.as_ref().map_or(0, |e| e.registry.version());
    let (floor, latest) = match &stored {
        Some(s) => (s.floor.max(embedded_version), s.latest_known_time),
        None => (embedded_version, i64::MIN),
    };
    // The newest root trusted so far, stored or embedded: the chain must pass through it.
    let newest_root = [stored_verified.as_ref(), embedded.as_ref()]
        .into_iter()
        .flatten()
        .max_by_key(|v| v.root.version());
    // The registry trusted now: the stored one unless the embedded one is newer.
    let current = match (&stored_verified, &embedded) {
        (Some(v), Some(e)) if v.registry.version() < e.registry.version() => Some(e),
        (Some(v), _) => Some(v),
        (None, e) => e.as_ref(),
    };
    let now = Timestamp::from_unix(now.unix().max(latest));
    let checks = Checks {
        now,
        expiry: Expiry::Enforce,
        floor,
        root_floor: newest_root.map_or(0, |v| v.root.version()),
        trusted_payload: current
            .filter(|c| c.registry.version() == floor)
            .map(|c| c.payload.as_slice()),
        trusted_root: newest_root.map(|v| v.root_payload.as_slice()),
    };
    let verified = verify(bundle, anchor.root, &checks)?;
    if verified.unchanged && verified.root.version() <= checks.root_floor {
        return Ok(UpdateOutcome::Unchanged);
    }
    let to = verified.registry.version();
    // Saved also when only the root advanced, so that a rotation is never forgotten.
    store
        .save(&StoredTrust {
            bundle: bundle.to_vec(),
            floor: to,
            root_version: verified.root.version(),
            latest_known_time: now.unix().max(verified.issued_at.unix()),
        })
        .map_err(VerifyError::Store)?;
    if verified.unchanged {
        return Ok(UpdateOutcome::Unchanged);
    }
    Ok(UpdateOutcome::Updated {
        from: current.map_or(0, |c| c.registry.version()),
        to,
    })
}

/// Accepts a downloaded distribution file through the store ([`update`]), then loads the
/// registry the app now trusts ([`load_trusted`]): the one call for "use this file". A file
/// that is older than what the store trusts, signed by keys rotated out since, or expired is
/// refused, and nothing is stored.
///
/// ```
/// use contactguard::registry::{BUILTIN_ANCHOR, BUILTIN_BUNDLE};
/// use contactguard::trust::store::{load_update, Anchor, MemoryStore};
/// use contactguard::trust::time::Timestamp;
/// use contactguard::Checker;
///
/// let mut store = MemoryStore::default(); // a FileStore in a real app
/// let now = Timestamp::parse("2026-12-07T00:00:00Z")?;
/// let (trusted, _outcome) = load_update(&Anchor::root(BUILTIN_ANCHOR), BUILTIN_BUNDLE, &mut store, now)?;
/// let checker = Checker::new(trusted);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// The failed check as a [`VerifyError`].
pub fn load_update(
    anchor: &Anchor<'_>,
    bundle: &[u8],
    store: &mut dyn TrustStore,
    now: Timestamp,
) -> Result<(TrustedRegistry, UpdateOutcome), VerifyError> {
    let outcome = update(anchor, bundle, store, now)?;
    let (trusted, _) = load_trusted(anchor, store, now)?;
    Ok((trusted, outcome))
}

/// The registry to use at an offline start: what the store holds, verified again, or the
/// embedded one when the store is empty or older; with its freshness at `now`. Age never makes
/// it fail.
///
/// ```
/// use contactguard::registry::{BUILTIN_ANCHOR, BUILTIN_BUNDLE};
/// use contactguard::trust::Origin;
/// use contactguard::trust::store::{load_trusted, update, Anchor, MemoryStore, UpdateOutcome};
/// use contactguard::trust::time::Timestamp;
/// use contactguard::Checker;
///
/// // An app that ships the root only, and downloads every registry.
/// let anchor = Anchor::root(BUILTIN_ANCHOR);
/// let now = Timestamp::parse("2026-12-07T00:00:00Z")?;
/// let mut store = MemoryStore::default();
/// let downloaded = BUILTIN_BUNDLE; // the bytes the app fetched
/// let outcome = update(&anchor, downloaded, &mut store, now)?;
/// assert!(matches!(outcome, UpdateOutcome::Updated { from: 0, .. }));
/// // At every start, offline:
/// let (trusted, freshness) = load_trusted(&anchor, &store, now)?;
/// println!("registry {} ({freshness:?})", trusted.registry().version());
/// assert_eq!(trusted.origin(), Origin::Update);
/// let checker = Checker::new(trusted);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// When the stored file no longer verifies (the store was tampered with or corrupted); the
/// app can fall back to [`TrustedRegistry::builtin`].
pub fn load_trusted(
    anchor: &Anchor<'_>,
    store: &dyn TrustStore,
    now: Timestamp,
) -> Result<(TrustedRegistry, Freshness), VerifyError> {
    let embedded = embedded(anchor)?;
    let stored = match stored_state(anchor, embedded.as_ref(), store, now)? {
        Some((state, v)) => {
            if v.registry.version() < state.floor {
                return Err(VerifyError::Rollback {
                    trusted: state.floor,
                    found: v.registry.version(),
                });
            }
            Some(v)
        }
        None => None,
    };
    // The stored registry wins unless the embedded one is newer, or comes under a newer root
    // (a release that rotated keys out outranks whatever they signed before).
    let chosen = match (stored, embedded) {
        (Some(v), Some(e))
            if v.registry.version() < e.registry.version()
                || v.root.version() < e.root.version() =>
        {
            (e, Origin::Builtin)
        }
        (Some(v), _) => (v, Origin::Update),
        (None, Some(e)) => (e, Origin::Builtin),
        (None, None) => {
            return Err(VerifyError::Store(
                "the store is empty and nothing is embedded".into(),
            ))
        }
    };
    let trusted = TrustedRegistry::from_verified(chosen.0, chosen.1);
    let freshness = trusted.freshness(now);
    Ok((trusted, freshness))
}
