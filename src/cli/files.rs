//! Files the CLI writes: atomically (temporary file, fsync, rename, fsync of the folder), secret
//! keys created 0600 and never over an existing file, and a lock so that two registry commands
//! cannot interleave their writes.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::Failure;

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

fn open_new(path: &Path, secret: bool) -> std::io::Result<File> {
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

fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

fn write_temp(path: &Path, bytes: &[u8], secret: bool) -> Result<PathBuf, Failure> {
    let tmp = temp_path(path);
    let result = open_new(&tmp, secret).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(Failure(format!("cannot write {}: {e}; check that the folder exists, is writable and has free space", path.display())))
        }
    }
}

/// Replaces `path` with `bytes` atomically: a reader sees the old or the new file, never a
/// part of it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let tmp = write_temp(path, bytes, false)?;
    if let Err(e) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(Failure(format!("cannot replace {}: {e}", path.display())));
    }
    sync_dir(path);
    Ok(())
}

/// Creates `path` with `bytes`, readable by the owner only, refusing if it exists. The file
/// appears whole or not at all.
pub fn write_secret_new(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let tmp = write_temp(path, bytes, true)?;
    let linked = fs::hard_link(&tmp, path);
    let _ = fs::remove_file(&tmp);
    match linked {
        Ok(()) => {
            sync_dir(path);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Failure(format!(
            "{} exists; a secret key is never overwritten. Choose another --name or folder",
            path.display()
        ))),
        Err(e) => Err(Failure(format!("cannot create {}: {e}", path.display()))),
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

/// A lock on a signing folder, released when dropped.
pub struct Lock(PathBuf);

impl Lock {
    /// Takes the lock on `dir`, or says who holds it.
    pub fn take(dir: &Path) -> Result<Lock, Failure> {
        let path = dir.join(".contactguard.lock");
        match open_new(&path, false) {
            Ok(mut f) => {
                let _ = writeln!(f, "{}", std::process::id());
                Ok(Lock(path))
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Failure(format!(
                "another contactguard registry command is working in {} (lock file {}); wait for it, or remove the lock file if no such command is running",
                dir.display(),
                path.display()
            ))),
            Err(e) => Err(Failure(format!("cannot lock {}: {e}", dir.display()))),
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

/// The root to verify from: `path`, or the one compiled into contactguard.
pub fn anchor(path: Option<&Path>) -> Result<Vec<u8>, Failure> {
    match path {
        Some(p) => read(p),
        None => Ok(contactguard::registry::BUILTIN_ANCHOR.to_vec()),
    }
}

/// The current time, for the commands that need one (the library has no clock).
pub fn now() -> contactguard::trust::time::Timestamp {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    contactguard::trust::time::Timestamp::from_unix(i64::try_from(secs).unwrap_or(i64::MAX))
}
