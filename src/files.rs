//! Files written whole or not at all, for the persistent trust store and the registry tools
//! (checking contacts never touches a file).
//!
//! A write goes to a temporary file beside the target, is flushed to disk, then renamed over
//! the target, and the folder is flushed: whatever step fails (a full disk, a read-only folder,
//! a crash), the file at the target is the old one, whole, and a failed write removes its
//! temporary file. A process killed mid-write can leave one; [`remove_stale_temps`] clears
//! them, and every writer in this crate calls it before writing in a folder. Secret files are
//! created `0600` and never over an existing file.
//!
//! ```
//! use contactguard::files::write_atomic;
//!
//! let dir = std::env::temp_dir().join(format!("contactguard-doc-files-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! let path = dir.join("state.json");
//! write_atomic(&path, b"{\"version\": 1}\n")?;
//! write_atomic(&path, b"{\"version\": 2}\n")?; // readers see version 1 or 2, never a mix
//! assert_eq!(std::fs::read(&path)?, b"{\"version\": 2}\n");
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), std::io::Error>(())
//! ```

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The steps of a write, in order. Tests make each one fail in turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Create,
    Write,
    SyncFile,
    Rename,
    SyncDir,
}

#[cfg(test)]
thread_local! {
    /// The step that fails next, and how (tests only).
    static FAULT: std::cell::Cell<Option<(Step, io::ErrorKind)>> = const { std::cell::Cell::new(None) };
}

/// Passes, unless a test injected a failure at `step`.
fn step(step: Step) -> io::Result<()> {
    #[cfg(test)]
    if let Some((at, kind)) = FAULT.get() {
        if at == step {
            return Err(io::Error::from(kind));
        }
    }
    let _ = step;
    Ok(())
}

/// The mark in every temporary file name this crate writes: `.NAME.cg-PID-NANOS.tmp`.
const TEMP_MARK: &str = ".cg-";

/// A temporary path next to `path`, unique to this process and moment.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    path.with_file_name(format!(
        ".{name}{TEMP_MARK}{}-{nanos}.tmp",
        std::process::id()
    ))
}

/// Whether `name` is a temporary file name of this crate's writers.
fn is_temp_name(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    rest.rsplit_once(TEMP_MARK).is_some_and(|(_, id)| {
        id.split_once('-').is_some_and(|(pid, nanos)| {
            !pid.is_empty()
                && !nanos.is_empty()
                && pid.bytes().all(|b| b.is_ascii_digit())
                && nanos.bytes().all(|b| b.is_ascii_digit())
        })
    })
}

/// Removes the temporary files a killed writer left in `dir` (only files named as this
/// crate's writers name them); returns how many. Call it while no other writer works in
/// `dir` (the registry tools hold the folder's lock).
pub fn remove_stale_temps(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|e| is_temp_name(&e.file_name().to_string_lossy()))
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

fn open_new(path: &Path, secret: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(if secret { 0o600 } else { 0o644 });
    }
    #[cfg(not(unix))]
    let _ = secret;
    options.open(path)
}

/// Flushes the folder entry of a rename. Some file systems cannot sync a folder; the rename
/// itself has happened, so a failure here is not reported.
fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = File::open(dir) {
            let _ = step(Step::SyncDir).and_then(|()| d.sync_all());
        }
    }
}

/// Writes `bytes` to a new temporary file beside `path`, flushed; removed again on failure.
fn write_temp(path: &Path, bytes: &[u8], secret: bool) -> io::Result<PathBuf> {
    let tmp = temp_path(path);
    let result = step(Step::Create)
        .and_then(|()| open_new(&tmp, secret))
        .and_then(|mut f| {
            if let Err(e) = step(Step::Write) {
                // A disk that fills up mid-way leaves half a file: so does this.
                f.write_all(&bytes[..bytes.len() / 2])?;
                return Err(e);
            }
            f.write_all(bytes)?;
            step(Step::SyncFile)?;
            f.sync_all()
        });
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Replaces `path` with `bytes` atomically: a reader sees the old or the new file, never a
/// part of it. On error nothing changed.
///
/// # Errors
/// The failed step's I/O error.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_replacing(path, bytes, false)
}

/// [`write_atomic`] for a file only its owner may read (`0600`), such as a trust store.
///
/// # Errors
/// The failed step's I/O error.
pub fn write_atomic_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_replacing(path, bytes, true)
}

fn write_replacing(path: &Path, bytes: &[u8], private: bool) -> io::Result<()> {
    let tmp = write_temp(path, bytes, private)?;
    if let Err(e) = step(Step::Rename).and_then(|()| fs::rename(&tmp, path)) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(path);
    Ok(())
}

/// Creates `path` with `bytes`, refusing ([`io::ErrorKind::AlreadyExists`]) if it exists:
/// readable by the owner only when `secret`. The file appears whole or not at all.
///
/// # Errors
/// The failed step's I/O error; `AlreadyExists` when `path` exists.
pub fn create_new(path: &Path, bytes: &[u8], secret: bool) -> io::Result<()> {
    let tmp = write_temp(path, bytes, secret)?;
    let linked = step(Step::Rename).and_then(|()| fs::hard_link(&tmp, path));
    let _ = fs::remove_file(&tmp);
    linked?;
    sync_dir(path);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const STEPS: [Step; 5] = [
        Step::Create,
        Step::Write,
        Step::SyncFile,
        Step::Rename,
        Step::SyncDir,
    ];
    const CAUSES: [io::ErrorKind; 4] = [
        io::ErrorKind::StorageFull,
        io::ErrorKind::ReadOnlyFilesystem,
        io::ErrorKind::PermissionDenied,
        io::ErrorKind::Interrupted,
    ];

    fn folder(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("contactguard-files-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    fn with_fault<T>(at: Step, cause: io::ErrorKind, f: impl FnOnce() -> T) -> T {
        FAULT.set(Some((at, cause)));
        let out = f();
        FAULT.set(None);
        out
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// A write that fails at any step, for any cause, leaves the old file whole and no
    /// temporary file; only a failed flush of the folder after the rename is not an error.
    #[test]
    fn a_write_failing_at_any_step_keeps_the_old_file() {
        let dir = folder("atomic");
        let path = dir.join("registry.json");
        let (old, new) = (b"{\"version\": 1}\n".as_slice(), b"{\"version\": 2}\n");
        for at in STEPS {
            for cause in CAUSES {
                fs::write(&path, old).expect("old file");
                let result = with_fault(at, cause, || write_atomic(&path, new));
                let now = fs::read(&path).expect("the file is still there");
                assert_eq!(names(&dir), ["registry.json"], "{at:?}/{cause:?}: no temp");
                if at == Step::SyncDir {
                    assert!(result.is_ok(), "{at:?}");
                    assert_eq!(now, new);
                    continue;
                }
                assert_eq!(result.map_err(|e| e.kind()), Err(cause), "{at:?}");
                assert_eq!(now, old, "{at:?}/{cause:?}: the old file is intact");
            }
        }
        let _ = fs::remove_dir_all(&dir);
    }

    /// A secret written with `create_new` appears whole or not at all, and never replaces a
    /// file.
    #[test]
    fn a_secret_appears_whole_or_not_at_all() {
        let dir = folder("secret");
        let path = dir.join("k.key.pem");
        for at in STEPS {
            let result = with_fault(at, io::ErrorKind::StorageFull, || {
                create_new(&path, b"stands in for a secret key\n", true)
            });
            if at == Step::SyncDir {
                assert!(result.is_ok());
                assert_eq!(names(&dir), ["k.key.pem"]);
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    let mode = fs::metadata(&path).expect("key").permissions().mode();
                    assert_eq!(mode & 0o777, 0o600);
                }
                let again = create_new(&path, b"another", true).map_err(|e| e.kind());
                assert_eq!(again, Err(io::ErrorKind::AlreadyExists));
                assert_eq!(
                    fs::read(&path).expect("key"),
                    b"stands in for a secret key\n"
                );
                fs::remove_file(&path).expect("remove");
                continue;
            }
            assert!(result.is_err(), "{at:?}");
            assert!(names(&dir).is_empty(), "{at:?}: {:?}", names(&dir));
        }
        let _ = fs::remove_dir_all(&dir);
    }

    /// Only this crate's temporary files are cleared.
    #[test]
    fn stale_temps_are_cleared_and_nothing_else() {
        let dir = folder("stale");
        let ours = temp_path(&dir.join("registry.json"));
        let key = temp_path(&dir.join("alice.key.pem"));
        for p in [&ours, &key] {
            fs::write(p, "left by a killed command").expect("temp");
        }
        for other in [
            ".registry.json.swp",
            ".hidden.tmp",
            "a.cg-1-2.tmp",
            ".x.cg-a-2.tmp",
        ] {
            fs::write(dir.join(other), "not ours").expect("other");
        }
        assert_eq!(remove_stale_temps(&dir), 2);
        assert_eq!(
            names(&dir),
            [
                ".hidden.tmp",
                ".registry.json.swp",
                ".x.cg-a-2.tmp",
                "a.cg-1-2.tmp"
            ]
        );
        let _ = fs::remove_dir_all(&dir);
    }
}
