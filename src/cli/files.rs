//! Files the CLI reads and writes: writes go through [`contactguard::files`] (atomic, secret
//! keys 0600 and never over an existing file) with errors that say what to do; a lock so that
//! two registry commands cannot interleave their writes; and the CLI's clock.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use contactguard::trust::time::Timestamp;

use super::Failure;

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

/// Replaces `path` with `bytes` atomically ([`contactguard::files::write_atomic`]); a failure
/// names the cause and what to do.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    contactguard::files::write_atomic(path, bytes).map_err(|e| {
        Failure(format!(
            "cannot write {}: {e}; {}. Nothing was changed",
            path.display(),
            advice(&e, path)
        ))
    })
}

/// Creates `path` with `bytes`, readable by the owner only, refusing if it exists. The file
/// appears whole or not at all.
pub fn write_secret_new(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    create_new(path, bytes, true, "a secret key is never overwritten")
}

/// Creates a public file, refusing if it exists.
pub fn write_public_new(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    create_new(path, bytes, false, "a key file is never overwritten")
}

fn create_new(path: &Path, bytes: &[u8], secret: bool, why: &str) -> Result<(), Failure> {
    contactguard::files::create_new(path, bytes, secret).map_err(|e| match e.kind() {
        io::ErrorKind::AlreadyExists => Failure(format!(
            "{} exists; {why}. Choose another --name or folder",
            path.display()
        )),
        _ => Failure(format!(
            "cannot create {}: {e}; {}",
            path.display(),
            advice(&e, path)
        )),
    })
}

/// The largest file the registry tools read (registries, roots, keys, distribution files):
/// twice the largest distribution file.
const MAX_FILE: usize = 2 * contactguard::trust::verify::MAX_BUNDLE_BYTES;

/// Reads a file of the registry tools (at most 16 MiB, a regular file), or says which one could
/// not be read and why.
pub fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    read_capped(path, MAX_FILE, "check that it is the right file")
}

/// Reads a secret key file, refusing one that others can read unless `insecure` is set.
/// Errors never include the file's content.
pub fn read_secret(path: &Path, insecure: bool) -> Result<zeroize::Zeroizing<String>, Failure> {
    let bytes = zeroize::Zeroizing::new(read(path)?);
    if bytes
        .windows(b"BEGIN PUBLIC KEY".len())
        .any(|w| w == b"BEGIN PUBLIC KEY")
    {
        let secret = path.to_string_lossy().replace(".pub.pem", ".key.pem");
        return Err(Failure(format!(
            "{} is a public key: signing needs the secret half ({secret}, the file keygen made beside it)",
            path.display()
        )));
    }
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
        contactguard::files::remove_stale_temps(dir);
        Ok(Lock(file))
    }
}

/// Reads a regular file of at most `limit` bytes: a FIFO, a device or anything larger is
/// refused before a byte is read (a named pipe would block, `/dev/zero` never ends).
pub fn read_capped(path: &Path, limit: usize, advice: &str) -> Result<Vec<u8>, Failure> {
    let meta = regular_file(path, advice)?;
    if meta.len() > limit as u64 {
        return Err(Failure(format!(
            "{} is {} bytes, over the {limit}-byte limit for this input; {advice}",
            path.display(),
            meta.len()
        )));
    }
    let mut buf = Vec::new();
    File::open(path)
        .and_then(|f| io::Read::read_to_end(&mut io::Read::take(f, limit as u64 + 1), &mut buf))
        .map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?;
    if buf.len() > limit {
        return Err(Failure(format!(
            "{} grew past the {limit}-byte limit while it was read",
            path.display()
        )));
    }
    Ok(buf)
}

/// The metadata of `path`, which must be a regular file: a folder, a named pipe (it would block
/// until some other program writes) or a device (`/dev/zero` never ends) is refused before it is
/// opened, with `advice`.
pub fn regular_file(path: &Path, advice: &str) -> Result<fs::Metadata, Failure> {
    let meta =
        fs::metadata(path).map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?;
    if meta.is_file() {
        Ok(meta)
    } else {
        Err(Failure(format!(
            "{} is not a regular file (a folder, a pipe or a device); {advice}",
            path.display()
        )))
    }
}

/// The trust store's folder when `--store` is not given: `$XDG_DATA_HOME/contactguard`, else
/// the platform's data folder (`~/.local/share`, `~/Library/Application Support`,
/// `%APPDATA%`).
pub fn store_dir() -> Result<PathBuf, Failure> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        var("APPDATA")
    } else if let Some(xdg) = var("XDG_DATA_HOME") {
        Some(xdg)
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        var("HOME").map(|h| h.join(".local/share"))
    };
    base.map(|b| b.join("contactguard")).ok_or_else(|| {
        Failure(
            "no home folder to keep the trust store in (HOME is not set); pass --store DIR".into(),
        )
    })
}

/// The root to verify from: `path`, or the one compiled into contactguard.
pub fn anchor(path: Option<&Path>) -> Result<Vec<u8>, Failure> {
    match path {
        Some(p) => read(p),
        None => Ok(contactguard::registry::BUILTIN_ANCHOR.to_vec()),
    }
}

/// The environment variable that sets the CLI's clock (`2026-12-07T00:00:00Z`): for tests,
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

    fn folder(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("contactguard-files-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    /// Each cause of a failed write gets its own advice (the write itself is tested in
    /// `contactguard::files`).
    #[test]
    fn a_failed_write_says_what_to_do() {
        let path = Path::new("signing/registry.json");
        for (cause, expected) in [
            (
                io::ErrorKind::StorageFull,
                "the disk is full: free some space",
            ),
            (
                io::ErrorKind::ReadOnlyFilesystem,
                "read-only file system: copy the folder",
            ),
            (
                io::ErrorKind::PermissionDenied,
                "you may not write in signing",
            ),
            (io::ErrorKind::NotFound, "signing does not exist: create it"),
            (io::ErrorKind::Interrupted, "check that the folder exists"),
        ] {
            let message = advice(&io::Error::from(cause), path);
            assert!(message.contains(expected), "{cause:?}: {message}");
        }
    }

    #[test]
    fn a_missing_folder_is_named() {
        let dir = folder("missing");
        let path = dir.join("no-such-folder").join("registry.json");
        let Err(Failure(message)) = write_atomic(&path, b"{}") else {
            panic!("wrote into a missing folder");
        };
        assert!(message.contains("does not exist: create it"), "{message}");
        assert!(message.contains("Nothing was changed"), "{message}");
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
