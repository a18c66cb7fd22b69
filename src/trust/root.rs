//! The `root` role's payload: which keys exist, which of them may sign roots and registries,
//! and how many signatures each needs.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::keys::{KeyId, PublicKey};
use super::time::Timestamp;

/// The root format this library reads.
pub const ROOT_SPEC_VERSION: u32 = 1;

/// A key listed in a root.
#[derive(Clone, Debug, Deserialize, Eq, PartialEq, Serialize)]
#[non_exhaustive]
pub struct KeyEntry {
    /// Always `ed25519`.
    pub keytype: String,
    /// Base64 of the raw 32-byte public key.
    pub public: String,
    /// Who holds it (free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

/// A role: the keys that may sign for it and how many must.
#[derive(Clone, Debug, Deserialize, Eq, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Role {
    /// Key ids allowed to sign.
    pub keyids: Vec<KeyId>,
    /// Distinct valid signatures required.
    pub threshold: usize,
}

/// The two roles.
#[derive(Clone, Debug, Deserialize, Eq, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Roles {
    /// Signs root versions (offline keys).
    pub root: Role,
    /// Signs registry versions (support-team keys).
    pub registry: Role,
}

/// A root payload, as signed.
#[derive(Clone, Debug, Deserialize, Eq, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RootData {
    /// Always `root`.
    #[serde(rename = "_type")]
    pub kind: String,
    /// Format version.
    pub spec_version: u32,
    /// Root version; each rotation adds exactly one.
    pub version: u64,
    /// When this root stops being trusted for new updates (`YYYY-MM-DDTHH:MM:SSZ`).
    pub expires: String,
    /// Every key, by id.
    pub keys: BTreeMap<KeyId, KeyEntry>,
    /// Who signs what.
    pub roles: Roles,
    /// The registry version floor to restart from when the registry keys change.
    #[serde(default)]
    pub registry_version_floor: u64,
}

/// What a new root says, for [`Root::build`]: the keys of each role with who holds them.
#[derive(Clone, Debug)]
pub struct RootSpec {
    /// Root version (1 for the first root; [`Root::successor`] counts on from there).
    pub version: u64,
    /// When it stops being trusted for new updates.
    pub expires: Timestamp,
    /// Keys that may sign roots, with their holders.
    pub root_keys: Vec<(PublicKey, String)>,
    /// Signatures a root needs.
    pub root_threshold: usize,
    /// Keys that may sign registries, with their holders.
    pub registry_keys: Vec<(PublicKey, String)>,
    /// Signatures a registry needs.
    pub registry_threshold: usize,
    /// The registry version floor clients restart from when this root rotates registry keys out.
    pub registry_version_floor: u64,
}

impl RootSpec {
    /// A spec of version 1 with floor 0 (a first root).
    pub fn first(
        expires: Timestamp,
        root_keys: Vec<(PublicKey, String)>,
        root_threshold: usize,
        registry_keys: Vec<(PublicKey, String)>,
        registry_threshold: usize,
    ) -> RootSpec {
        RootSpec {
            version: 1,
            expires,
            root_keys,
            root_threshold,
            registry_keys,
            registry_threshold,
            registry_version_floor: 0,
        }
    }
}

/// A root that passed validation, with its keys decoded.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Root {
    data: RootData,
    expires: Timestamp,
    root_keys: Vec<(KeyId, PublicKey)>,
    registry_keys: Vec<(KeyId, PublicKey)>,
}

impl Root {
    /// Validates a root payload: thresholds between 1 and the number of keys, every key id
    /// the hash of its key, no key listed twice, no weak key, a known format.
    ///
    /// # Errors
    /// The reason, in words.
    pub fn from_data(data: RootData) -> Result<Root, String> {
        if data.kind != "root" {
            return Err(format!("_type is '{}', not 'root'", data.kind));
        }
        if data.spec_version != ROOT_SPEC_VERSION {
            return Err(format!(
                "root format {} is not {ROOT_SPEC_VERSION}",
                data.spec_version
            ));
        }
        let expires = Timestamp::parse(&data.expires).map_err(|e| e.to_string())?;
        let mut seen = BTreeSet::new();
        let mut decoded = BTreeMap::new();
        for (id, entry) in &data.keys {
            if entry.keytype != "ed25519" {
                return Err(format!(
                    "key {id} has type '{}'; only ed25519 is accepted",
                    entry.keytype
                ));
            }
            let key =
                PublicKey::from_base64(&entry.public).map_err(|e| format!("key {id}: {e}"))?;
            if key.key_id() != *id {
                return Err(format!("key id {id} is not the SHA-256 of its key"));
            }
            if !seen.insert(key.to_base64()) {
                return Err(format!("key {id} is listed twice"));
            }
            decoded.insert(id.clone(), key);
        }
        let role_keys = |name: &str, role: &Role| -> Result<Vec<(KeyId, PublicKey)>, String> {
            let ids: BTreeSet<&KeyId> = role.keyids.iter().collect();
            if ids.len() != role.keyids.len() {
                return Err(format!("the {name} role lists a key twice"));
            }
            if role.threshold == 0 || role.threshold > ids.len() {
                return Err(format!(
                    "the {name} threshold {} is not between 1 and its {} keys",
                    role.threshold,
                    ids.len()
                ));
            }
            ids.into_iter()
                .map(|id| {
                    decoded
                        .get(id)
                        .map(|k| (id.clone(), *k))
                        .ok_or_else(|| format!("the {name} role names unknown key {id}"))
                })
                .collect()
        };
        Ok(Root {
            root_keys: role_keys("root", &data.roles.root)?,
            registry_keys: role_keys("registry", &data.roles.registry)?,
            expires,
            data,
        })
    }

    /// Builds and validates a root from typed parts, as [`Root::from_data`] would read it back.
    ///
    /// ```
    /// use contactguard::trust::keys::SecretKey;
    /// use contactguard::trust::root::{Root, RootSpec};
    /// use contactguard::trust::time::Timestamp;
    ///
    /// let key = |name: &str| (SecretKey::generate().expect("randomness").public(), name.to_owned());
    /// let expires = Timestamp::parse("2030-01-01T00:00:00Z").expect("a time");
    /// let spec = RootSpec::first(expires, vec![key("ana")], 1, vec![key("bo"), key("cy")], 1);
    /// let root = Root::build(&spec)?;
    /// let again = Root::from_json(&root.to_json()).expect("reads back");
    /// assert_eq!(again, root);
    /// # Ok::<(), String>(())
    /// ```
    ///
    /// # Errors
    /// The reason, in words (a threshold out of range, a key listed twice …).
    pub fn build(spec: &RootSpec) -> Result<Root, String> {
        let mut keys = BTreeMap::new();
        let entry = |(k, owner): &(PublicKey, String)| {
            (
                k.key_id(),
                KeyEntry {
                    keytype: "ed25519".to_owned(),
                    public: k.to_base64(),
                    owner: Some(owner.clone()).filter(|o| !o.is_empty()),
                },
            )
        };
        for (id, e) in spec.root_keys.iter().chain(&spec.registry_keys).map(entry) {
            if keys.insert(id.clone(), e).is_some() {
                return Err(format!(
                    "key {id} is given twice; each role needs keys of its own, each listed once"
                ));
            }
        }
        let ids = |ks: &[(PublicKey, String)]| ks.iter().map(|(k, _)| k.key_id()).collect();
        Root::from_data(RootData {
            kind: "root".to_owned(),
            spec_version: ROOT_SPEC_VERSION,
            version: spec.version,
            expires: spec.expires.to_string(),
            keys,
            roles: Roles {
                root: Role {
                    keyids: ids(&spec.root_keys),
                    threshold: spec.root_threshold,
                },
                registry: Role {
                    keyids: ids(&spec.registry_keys),
                    threshold: spec.registry_threshold,
                },
            },
            registry_version_floor: spec.registry_version_floor,
        })
    }

    /// The root that follows this one with the keys and thresholds of `spec` (whose version
    /// and floor are set here): version + 1, and, when it rotates registry keys out, the
    /// registry floor restarted at `registry_version`, the version current now (TUF
    /// §5.3.11, the rule [`crate::trust::verify::verify`] applies); otherwise this root's floor.
    ///
    /// # Errors
    /// The reason, in words.
    pub fn successor(&self, spec: &RootSpec, registry_version: u64) -> Result<Root, String> {
        let mut next = RootSpec {
            version: self.version() + 1,
            registry_version_floor: self.data.registry_version_floor,
            ..spec.clone()
        };
        if Root::build(&next)?.rotates_registry_keys(self) {
            next.registry_version_floor = registry_version.max(self.data.registry_version_floor);
        }
        Root::build(&next)
    }

    /// Reads a root payload (JSON bytes) and validates it.
    ///
    /// # Errors
    /// The reason, in words.
    pub fn from_json(bytes: &[u8]) -> Result<Root, String> {
        let data: RootData = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        Root::from_data(data)
    }

    /// The payload as the JSON bytes that are signed (pretty-printed, one final newline).
    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(&self.data).unwrap_or_default();
        out.push(b'\n');
        out
    }

    /// The payload.
    pub fn data(&self) -> &RootData {
        &self.data
    }

    /// The root version.
    pub fn version(&self) -> u64 {
        self.data.version
    }

    /// When it expires.
    pub fn expires(&self) -> Timestamp {
        self.expires
    }

    /// Keys of the root role.
    pub fn root_keys(&self) -> &[(KeyId, PublicKey)] {
        &self.root_keys
    }

    /// Keys of the registry role.
    pub fn registry_keys(&self) -> &[(KeyId, PublicKey)] {
        &self.registry_keys
    }

    /// Whether this root rotates registry keys out of `previous`: some key that could sign
    /// registries under `previous` cannot under this root. Only such a rotation restarts the
    /// registry version floor (TUF §5.3.11); adding keys or changing a threshold does not.
    pub fn rotates_registry_keys(&self, previous: &Root) -> bool {
        previous
            .registry_keys()
            .iter()
            .any(|(id, _)| !self.registry_keys.iter().any(|(own, _)| own == id))
    }

    /// Threshold of the root role.
    pub fn root_threshold(&self) -> usize {
        self.data.roles.root.threshold
    }

    /// Threshold of the registry role.
    pub fn registry_threshold(&self) -> usize {
        self.data.roles.registry.threshold
    }
}

#[cfg(test)]
mod successor_tests {
    use super::*;
    use crate::trust::keys::SecretKey;

    fn key(name: &str) -> (PublicKey, String) {
        let secret = SecretKey::generate().expect("randomness");
        (secret.public(), name.to_owned())
    }

    #[test]
    fn only_a_rotation_that_takes_registry_keys_out_restarts_the_floor() {
        let expires = Timestamp::parse("2030-01-01T00:00:00Z").expect("a time");
        let (a, b, c) = (key("a"), key("b"), key("c"));
        let first = Root::build(&RootSpec::first(
            expires,
            vec![a.clone()],
            1,
            vec![b.clone()],
            1,
        ))
        .expect("valid");
        // Adding a registry key keeps the floor.
        let added = RootSpec::first(expires, vec![a.clone()], 1, vec![b.clone(), c.clone()], 1);
        let second = first.successor(&added, 7).expect("valid");
        assert_eq!(second.version(), 2);
        assert_eq!(second.data().registry_version_floor, 0);
        // Taking one out restarts it at the registry version current now.
        let removed = RootSpec::first(expires, vec![a.clone()], 1, vec![c.clone()], 1);
        let third = second.successor(&removed, 9).expect("valid");
        assert_eq!(third.version(), 3);
        assert_eq!(third.data().registry_version_floor, 9);
        assert!(third.rotates_registry_keys(&second));
        // What is written reads back the same.
        assert_eq!(Root::from_json(&third.to_json()).as_ref(), Ok(&third));
        // A key in both roles is refused.
        let twice = RootSpec::first(expires, vec![a.clone()], 1, vec![a], 1);
        assert!(Root::build(&twice).is_err());
    }
}
