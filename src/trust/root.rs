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
