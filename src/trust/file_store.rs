//! A [`TrustStore`] in a folder: what an app or the CLI trusts between runs (the last accepted
//! distribution file, the rollback floor, the newest root, the latest time seen), in one file
//! per trust anchor, replaced atomically and readable by its owner only.
//!
//! ```
//! use contactguard::registry::BUILTIN_BUNDLE;
//! use contactguard::trust::file_store::FileStore;
//! use contactguard::trust::store::{load_trusted, update, Anchor, UpdateOutcome};
//! use contactguard::trust::time::Timestamp;
//!
//! let dir = std::env::temp_dir().join(format!("contactguard-doc-store-{}", std::process::id()));
//! let anchor = Anchor::builtin();
//! let mut store = FileStore::open(&dir, &anchor)?;
//! let now = Timestamp::parse("2026-12-07T00:00:00Z")?;
//! // The file shipped inside the library is not newer than itself:
//! assert_eq!(update(&anchor, BUILTIN_BUNDLE, &mut store, now)?, UpdateOutcome::Unchanged);
//! // At the next start, offline:
//! let (trusted, _) = load_trusted(&anchor, &store, now)?;
//! assert!(trusted.registry().version() >= 1);
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use base64ct::{Base64, Encoding};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::store::{Anchor, StoredTrust, TrustStore};
use super::verify::MAX_BUNDLE_BYTES;

/// The store file's format name.
const FORMAT: &str = "contactguard-trust-store/1";

/// A [`TrustStore`] kept in a folder. Everything in it is verified again when it is loaded, so
/// a damaged or edited file can only be refused, never trusted.
#[derive(Clone, Debug)]
pub struct FileStore {
    path: PathBuf,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OnDisk {
    format: String,
    floor: u64,
    root_version: u64,
    latest_known_time: i64,
    /// The distribution file, byte for byte, in base64.
    bundle: String,
}

impl FileStore {
    /// The store for `anchor`'s root in `dir`: the file `trust-<first 16 hex digits of the
    /// root's SHA-256>.json`, so that stores of different deployments never mix. Creates `dir`
    /// (readable by its owner only) when missing, and removes temporary files a killed write
    /// left there.
    ///
    /// # Errors
    /// When `dir` cannot be created.
    pub fn open(dir: &Path, anchor: &Anchor<'_>) -> io::Result<FileStore> {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(dir)?;
        crate::files::remove_stale_temps(dir);
        let id: String = Sha256::digest(anchor.root)
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok(FileStore {
            path: dir.join(format!("trust-{id}.json")),
        })
    }

    /// The file the store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl TrustStore for FileStore {
    fn load(&self) -> Result<Option<StoredTrust>, String> {
        let file = match std::fs::File::open(&self.path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("cannot read {}: {e}", self.path.display())),
        };
        // The bundle in base64 plus a little JSON; anything larger is not a store.
        let limit = MAX_BUNDLE_BYTES / 3 * 4 + 4096;
        let mut text = Vec::new();
        file.take(limit as u64 + 1)
            .read_to_end(&mut text)
            .map_err(|e| format!("cannot read {}: {e}", self.path.display()))?;
        if text.len() > limit {
            return Err(format!(
                "{} is too large to be a trust store",
                self.path.display()
            ));
        }
        let damaged = |why: String| {
            format!(
                "{} is damaged ({why}); delete it to start again from the built-in registry",
                self.path.display()
            )
        };
        let disk: OnDisk = serde_json::from_slice(&text).map_err(|e| damaged(e.to_string()))?;
        if disk.format != FORMAT {
            return Err(damaged(format!(
                "format '{}'",
                disk.format.chars().take(40).collect::<String>()
            )));
        }
        let bundle = Base64::decode_vec(&disk.bundle).map_err(|e| damaged(e.to_string()))?;
        Ok(Some(StoredTrust {
            bundle,
            floor: disk.floor,
            root_version: disk.root_version,
            latest_known_time: disk.latest_known_time,
        }))
    }

    fn save(&mut self, state: &StoredTrust) -> Result<(), String> {
        let disk = OnDisk {
            format: FORMAT.to_owned(),
            floor: state.floor,
            root_version: state.root_version,
            latest_known_time: state.latest_known_time,
            bundle: Base64::encode_string(&state.bundle),
        };
        let mut bytes = serde_json::to_vec_pretty(&disk).map_err(|e| e.to_string())?;
        bytes.push(b'\n');
        crate::files::write_atomic_private(&self.path, &bytes)
            .map_err(|e| format!("cannot write {}: {e}", self.path.display()))
    }
}
