//! An app that keeps its registry up to date with signed files it downloads itself.
//!
//! The library does no I/O: the app fetches the distribution file and hands over the bytes,
//! and it supplies the store where the accepted file and the rollback floor live. Here the
//! store is one file, written atomically (a temporary file, synced, then renamed over the old
//! one), so a crash leaves either the old state or the new one.
//!
//! The demonstration applies the shipped `data/registry.signed.json` as if just downloaded,
//! replays it, offers a tampered copy, then starts again from the store, offline.
//!
//! `cargo run --example registry_update -- [STORE_DIR] [DOWNLOADED_FILE]`

use std::error::Error;
use std::fs::{self, File};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use contactguard::registry::BUILTIN_ANCHOR;
use contactguard::trust::store::{
    load_trusted, update, Anchor, StoredTrust, TrustStore, UpdateOutcome,
};
use contactguard::trust::time::Timestamp;
use contactguard::Checker;

/// A [`TrustStore`] in one file: a header line with the numbers, then the accepted
/// distribution file byte for byte.
pub struct FileStore {
    path: PathBuf,
}

/// The first word of the store file.
const FORMAT: &str = "contactguard-trust-store/1";

impl FileStore {
    /// The store at `path` (created on the first save).
    pub fn new(path: impl Into<PathBuf>) -> FileStore {
        FileStore { path: path.into() }
    }
}

impl TrustStore for FileStore {
    fn load(&self) -> Result<Option<StoredTrust>, String> {
        match fs::read(&self.path) {
            Ok(bytes) => decode(&bytes).map(Some),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("cannot read {}: {e}", self.path.display())),
        }
    }

    fn save(&mut self, state: &StoredTrust) -> Result<(), String> {
        let fail = |e: std::io::Error| format!("cannot write {}: {e}", self.path.display());
        let tmp = self.path.with_extension("tmp");
        let mut file = File::create(&tmp).map_err(fail)?;
        file.write_all(&encode(state)).map_err(fail)?;
        file.sync_all().map_err(fail)?;
        drop(file);
        fs::rename(&tmp, &self.path).map_err(fail)?;
        // The rename itself is durable once the directory is synced (Unix).
        #[cfg(unix)]
        if let Some(dir) = self.path.parent() {
            File::open(dir).and_then(|d| d.sync_all()).map_err(fail)?;
        }
        Ok(())
    }
}

fn encode(state: &StoredTrust) -> Vec<u8> {
    let header = format!(
        "{FORMAT} floor={} root_version={} latest_known_time={}\n",
        state.floor, state.root_version, state.latest_known_time
    );
    [header.as_bytes(), &state.bundle].concat()
}

/// Reads a store file. The store is untrusted input: a damaged file is an error, never a
/// panic (and `load_trusted` verifies the bundle in it again).
fn decode(bytes: &[u8]) -> Result<StoredTrust, String> {
    let damaged =
        |why: &str| format!("the trust store is damaged ({why}); delete it to start over");
    let newline = bytes
        .iter()
        .position(|&b| b == b'\n')
        .ok_or_else(|| damaged("no header"))?;
    let (header, rest) = bytes.split_at(newline);
    let header = std::str::from_utf8(header).map_err(|_| damaged("header"))?;
    let mut words = header.split(' ');
    if words.next() != Some(FORMAT) {
        return Err(damaged("unknown format"));
    }
    let mut field = |name: &str| {
        words
            .next()
            .and_then(|w| w.strip_prefix(name))
            .and_then(|w| w.strip_prefix('='))
            .ok_or_else(|| damaged(name))
    };
    let mut state = StoredTrust::default();
    state.floor = field("floor")?.parse().map_err(|_| damaged("floor"))?;
    state.root_version = field("root_version")?
        .parse()
        .map_err(|_| damaged("root_version"))?;
    state.latest_known_time = field("latest_known_time")?
        .parse()
        .map_err(|_| damaged("latest_known_time"))?;
    state.bundle = rest.get(1..).unwrap_or_default().to_vec();
    Ok(state)
}

/// The same file with one character of the signed registry payload changed: still valid
/// base64 and JSON, but no longer what was signed.
pub fn tamper(bundle: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(bundle).ok()?;
    let registry = text.find("\"registry\"")?;
    let payload = registry + text[registry..].find("\"payload\": \"")? + "\"payload\": \"".len();
    let at = payload + 100;
    let mut out = bundle.to_vec();
    let byte = out.get_mut(at)?;
    *byte = if *byte == b'A' { b'B' } else { b'A' };
    Some(out)
}

/// What the app says about an update it did.
fn said(outcome: UpdateOutcome) -> String {
    match outcome {
        UpdateOutcome::Updated { from, to } => format!("accepted, registry version {from} -> {to}"),
        UpdateOutcome::Unchanged => "not applied, this version is already trusted".to_owned(),
        other => format!("{other:?}"),
    }
}

/// Runs the demonstration with the store in `dir`, at `now`; returns what the app reports.
pub fn demo(dir: &Path, downloaded: &[u8], now: Timestamp) -> Result<String, Box<dyn Error>> {
    let mut log = String::new();
    // This app ships the root of trust only and downloads every registry. (With
    // `Anchor::builtin()` the shipped registry is trusted from the start, and downloading
    // that same file changes nothing.)
    let anchor = Anchor::root(BUILTIN_ANCHOR);
    let path = dir.join("trust.store");
    let mut store = FileStore::new(&path);

    // 1. A downloaded registry: verified, then stored.
    let outcome = update(&anchor, downloaded, &mut store, now)?;
    log += &format!("download: {}\n", said(outcome));

    // 2. The same file again (a replay, or a mirror that is behind): nothing new.
    let before = fs::read(&path)?;
    let outcome = update(&anchor, downloaded, &mut store, now)?;
    let untouched = fs::read(&path)? == before;
    log += &format!("replay: {}; store untouched: {untouched}\n", said(outcome));

    // 3. A tampered file: refused, and the store keeps what it had.
    let tampered = tamper(downloaded).ok_or("the file has no registry payload to tamper with")?;
    match update(&anchor, &tampered, &mut store, now) {
        Ok(outcome) => log += &format!("tampered: ACCEPTED ({outcome:?})\n"),
        Err(refused) => log += &format!("tampered: rejected: {refused}\n"),
    }
    log += &format!("store untouched: {}\n", fs::read(&path)? == before);

    // 4. The next start, offline: what the store holds, verified again.
    let (trusted, freshness) = load_trusted(&anchor, &FileStore::new(&path), now)?;
    log += &format!(
        "restart: registry version {} from {:?}, {freshness:?}\n",
        trusted.registry().version(),
        trusted.origin()
    );
    let checker = Checker::new(trusted);
    log += &format!(
        "tokenpocket.pro: {}\n",
        checker.check("tokenpocket.pro").status
    );
    Ok(log)
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map_or_else(
        || std::env::temp_dir().join("contactguard-registry-update"),
        PathBuf::from,
    );
    fs::create_dir_all(&dir)?;
    let file = args.next().map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/registry.signed.json"
            ))
        },
        PathBuf::from,
    );
    let downloaded = fs::read(&file)?;
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs();
    let now = Timestamp::from_unix(i64::try_from(seconds)?);
    print!("{}", demo(&dir, &downloaded, now)?);
    Ok(())
}
