//! Files the CLI writes: atomically (temporary file, fsync, rename, fsync of the folder), secret
//! keys created 0600 and never over an existing file, and a lock so that two registry commands
//! cannot interleave their writes.
//!
//! Every step of a write can fail (a full disk, a read-only folder, a crash): whatever step
//! fails, the file at `path` is the old one, whole, and no temporary file is left behind. The
//! tests at the end of this file inject a failure at each step to show it.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use contactguard::trust::time::Timestamp;

use super::Failure;

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
    path.with_file_name(format!(".{name}.{}-{nanos}.tmp", std::process::id()))
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

/// What to do about a failed write, by its cause.
fn advice(e: &io::Error, path: &Path) -> String {
    let folder = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match e.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "the disk is full: free some space and run the command again".to_string()
        }
        io::ErrorKind::ReadOnlyFilesystem => format!(
            "{} is on a read-only file system: copy the folder somewhere writable and work there",
            folder.display()
        ),
        io::ErrorKind::PermissionDenied => format!(
            "you may not write in {}: run as its owner, or copy the folder somewhere writable",
            folder.display()
        ),
        io::ErrorKind::NotFound => format!(
            "{} does not exist: create it, or pass the right --dir",
            folder.display()
        ),
        _ => "check that the folder exists, is writable and has free space".to_string(),
    }
}

fn write_temp(path: &Path, bytes: &[u8], secret: bool) -> Result<PathBuf, Failure> {
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
            Err(Failure(format!(
                "cannot write {}: {e}; {}. Nothing was changed",
                path.display(),
                advice(&e, path)
            )))
        }
    }
}

/// Replaces `path` with `bytes` atomically: a reader sees the old or the new file, never a
/// part of it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let tmp = write_temp(path, bytes, false)?;
    if let Err(e) = step(Step::Rename).and_then(|()| fs::rename(&tmp, path)) {
        let _ = fs::remove_file(&tmp);
        return Err(Failure(format!(
            "cannot replace {}: {e}; {}. Nothing was changed",
            path.display(),
            advice(&e, path)
        )));
    }
    sync_dir(path);
    Ok(())
}

/// Creates `path` with `bytes`, readable by the owner only, refusing if it exists. The file
/// appears whole or not at all.
pub fn write_secret_new(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let tmp = write_temp(path, bytes, true)?;
    let linked = step(Step::Rename).and_then(|()| fs::hard_link(&tmp, path));
    let _ = fs::remove_file(&tmp);
    match linked {
        Ok(()) => {
            sync_dir(path);
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(Failure(format!(
            "{} exists; a secret key is never overwritten. Choose another --name or folder",
            path.display()
        ))),
        Err(e) => Err(Failure(format!(
            "cannot create {}: {e}; {}",
            path.display(),
            advice(&e, path)
        ))),
    }
}

/// Creates a public file, refusing if it exists.
pub fn write_public_new(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if path.exists() {
        return Err(Failure(format!(
            "{} exists; choose another --name or folder",
            path.display()
        )));
    }
    write_atomic(path, bytes)
}

/// Reads a file, or says which one could not be read and why.
pub fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    fs::read(path).map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))
}

/// Reads a secret key file, refusing one that others can read unless `insecure` is set.
/// Errors never include the file's content.
pub fn read_secret(path: &Path, insecure: bool) -> Result<zeroize::Zeroizing<String>, Failure> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path)
            .map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?
            .permissions()
            .mode();
        if mode & 0o077 != 0 && !insecure {
            return Err(Failure(format!(
                "{} can be read by other users (mode {:o}); run `chmod 600 {}` (or pass --insecure-permissions)",
                path.display(),
                mode & 0o777,
                path.display()
            )));
        }
    }
    #[cfg(not(unix))]
    let _ = insecure;
    let bytes = zeroize::Zeroizing::new(read(path)?);
    String::from_utf8(bytes.to_vec())
        .map(zeroize::Zeroizing::new)
        .map_err(|_| Failure(format!("{} is not a PEM text file", path.display())))
}

/// A lock on a signing folder, held until dropped.
///
/// It is an operating-system lock on `.contactguard.lock` (`flock` on Unix, `LockFileEx` on
/// Windows): a command that is killed releases it with its last breath, so a crash never
/// leaves the folder locked. The file itself stays; removing it would let two commands lock
/// two different files.
pub struct Lock(#[allow(dead_code)] File);

impl Lock {
    /// Takes the lock on `dir`, waiting (and saying so) while another command holds it.
    pub fn take(dir: &Path) -> Result<Lock, Failure> {
        let path = dir.join(".contactguard.lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| {
                Failure(format!(
                    "cannot lock {}: {e}; {}",
                    dir.display(),
                    advice(&e, &path)
                ))
            })?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                eprintln!(
                    "waiting for another contactguard registry command working in {} …",
                    dir.display()
                );
                file.lock()
                    .map_err(|e| Failure(format!("cannot lock {}: {e}", path.display())))?;
            }
            Err(fs::TryLockError::Error(e)) => {
                return Err(Failure(format!(
                "cannot lock {}: {e}; the file system may not support locks: work on a local disk",
                path.display()
            )))
            }
        }
        remove_stale_temps(dir);
        Ok(Lock(file))
    }
}

/// Removes the temporary files of a command that was killed mid-write. Every command that
/// writes a `.json` file in a signing folder holds the lock, so with the lock held, such a
/// file is nobody's.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') && name.contains(".json.") && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The root to verify from: `path`, or the one compiled into contactguard.
pub fn anchor(path: Option<&Path>) -> Result<Vec<u8>, Failure> {
    match path {
        Some(p) => read(p),
        None => Ok(contactguard::registry::BUILTIN_ANCHOR.to_vec()),
    }
}

/// The environment variable that sets the CLI's clock (`2026-12-01T00:00:00Z`): for tests,
/// for reproducing a verdict of the past, and for machines whose clock is wrong. It is read
/// here and nowhere else.
pub const CLOCK_VAR: &str = "CONTACTGUARD_NOW";

/// The current time, for the commands that need one (the library has no clock):
/// [`CLOCK_VAR`] when it is set, else the system clock.
pub fn now() -> Result<Timestamp, Failure> {
    if let Some(value) = std::env::var_os(CLOCK_VAR) {
        let value = value.to_string_lossy();
        return Timestamp::parse(value.trim()).map_err(|e| {
            Failure(format!(
                "{CLOCK_VAR} is set but {e}; set it to such a time, or unset it to use the system clock"
            ))
        });
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Ok(Timestamp::from_unix(
        i64::try_from(secs).unwrap_or(i64::MAX),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use contactguard::registry::BUILTIN_JSON;
    use contactguard::Registry;

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

    /// A registry edit that fails at any step leaves the old registry, whole and loadable, and
    /// no temporary file; the error names the cause and what to do.
    #[test]
    fn a_write_failing_at_any_step_keeps_the_old_registry() {
        let dir = folder("atomic");
        let path = dir.join("registry.json");
        let old = BUILTIN_JSON;
        let new = String::from_utf8_lossy(BUILTIN_JSON).replace("\"version\": ", "\"version\": 1");
        for at in STEPS {
            for cause in CAUSES {
                fs::write(&path, old).expect("old registry");
                let result = with_fault(at, cause, || write_atomic(&path, new.as_bytes()));
                let now = fs::read(&path).expect("the registry is still there");
                assert_eq!(
                    names(&dir),
                    ["registry.json"],
                    "{at:?}/{cause:?}: no temp file"
                );
                if at == Step::SyncDir {
                    // The rename happened; only its flush to the folder failed.
                    assert!(result.is_ok(), "{at:?}");
                    assert_eq!(now, new.as_bytes());
                    continue;
                }
                let Err(Failure(message)) = result else {
                    panic!("{at:?}/{cause:?} reported success");
                };
                assert_eq!(now, old, "{at:?}/{cause:?}: the old registry is intact");
                assert!(Registry::from_json(&now).is_ok(), "and loads");
                assert!(message.contains("Nothing was changed"), "{message}");
                let expected = match cause {
                    io::ErrorKind::StorageFull => "the disk is full: free some space",
                    io::ErrorKind::ReadOnlyFilesystem => "read-only file system: copy the folder",
                    io::ErrorKind::PermissionDenied => "you may not write in",
                    _ => "check that the folder exists",
                };
                assert!(message.contains(expected), "{at:?}/{cause:?}: {message}");
            }
        }
        let _ = fs::remove_dir_all(&dir);
    }

    /// A key write that fails at any step leaves no key and no temporary file behind.
    #[test]
    fn a_secret_key_appears_whole_or_not_at_all() {
        let dir = folder("secret");
        let path = dir.join("k.key.pem");
        for at in STEPS {
            let result = with_fault(at, io::ErrorKind::StorageFull, || {
                write_secret_new(&path, b"stands in for a secret key\n")
            });
            if at == Step::SyncDir {
                assert!(result.is_ok());
                assert_eq!(names(&dir), ["k.key.pem"]);
                fs::remove_file(&path).expect("remove");
                continue;
            }
            assert!(result.is_err(), "{at:?}");
            assert!(names(&dir).is_empty(), "{at:?}: {:?}", names(&dir));
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_folder_is_named() {
        let dir = folder("missing");
        let path = dir.join("no-such-folder").join("registry.json");
        let Err(Failure(message)) = write_atomic(&path, b"{}") else {
            panic!("wrote into a missing folder");
        };
        assert!(message.contains("does not exist: create it"), "{message}");
        let _ = fs::remove_dir_all(&dir);
    }

    /// The lock is the operating system's: a second holder waits, and a lock file left by a
    /// killed command does not block anyone.
    #[test]
    fn the_lock_is_exclusive_and_survives_no_crash() {
        let dir = folder("lock");
        fs::write(dir.join(".contactguard.lock"), "12345\n").expect("a stale lock file");
        let held = Lock::take(&dir).expect("a stale lock file does not block");
        let probe = File::options()
            .write(true)
            .open(dir.join(".contactguard.lock"))
            .expect("open");
        assert!(
            matches!(probe.try_lock(), Err(fs::TryLockError::WouldBlock)),
            "held while the Lock lives"
        );
        drop(held);
        assert!(probe.try_lock().is_ok(), "released when dropped");
        let _ = fs::remove_dir_all(&dir);
    }
}
