//! `contactguard update`: fetches the signed distribution file (`registry.signed.json`) from
//! where the deployment publishes it, accepts it through the trust store (signatures, rollback,
//! expiry), and remembers where it came from. `check`, `scan` and `batch` then use the newest
//! registry the store trusts.
//!
//! The source is given once (`--from URL|FILE`) and kept in the store's folder, with the
//! server's `ETag` and `Last-Modified` for conditional requests. HTTPS uses rustls with the
//! Mozilla roots; plain HTTP is refused except on this machine's own address (tests, a local
//! mirror). There is no default host: a deployment publishes the file on any static host.

use std::path::{Path, PathBuf};
use std::time::Duration;

use contactguard::trust::file_store::FileStore;
use contactguard::trust::store::{load_update, Anchor, UpdateOutcome};
use contactguard::trust::verify::MAX_BUNDLE_BYTES;

use super::files;
use super::Failure;

/// What `update` was given.
#[derive(Debug, clap::Args)]
pub struct UpdateArgs {
    /// Where the deployment publishes `registry.signed.json`: an `https://` address, or a file.
    /// Remembered for the next `update` [default: the one given last time].
    #[arg(long, value_name = "URL|FILE")]
    from: Option<String>,
    /// Give up on a server that has not answered in full after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    timeout: u64,
    /// The root to verify registries from, for a deployment with a root of its own
    /// [default: the one compiled into contactguard].
    #[arg(long, value_name = "FILE")]
    anchor: Option<PathBuf>,
    /// The trust store's folder [default: $XDG_DATA_HOME/contactguard, or the platform's
    /// equivalent].
    #[arg(long, value_name = "DIR")]
    store: Option<PathBuf>,
}

/// The files beside the trust store that remember the source.
struct Remembered {
    source: PathBuf,
    etag: PathBuf,
    modified: PathBuf,
}

impl Remembered {
    fn in_dir(dir: &Path) -> Remembered {
        Remembered {
            source: dir.join("update-source"),
            etag: dir.join("update-etag"),
            modified: dir.join("update-last-modified"),
        }
    }

    fn read(path: &Path) -> Option<String> {
        std::fs::read_to_string(path)
            .ok()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    }

    fn forget_validators(&self) {
        let _ = std::fs::remove_file(&self.etag);
        let _ = std::fs::remove_file(&self.modified);
    }
}

/// What a fetch gave.
enum Fetched {
    /// The server says the file has not changed since the validators were saved.
    NotModified,
    /// The file, and the server's validators for next time.
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
        modified: Option<String>,
    },
}

/// Runs `update`; returns the lines to print.
pub fn run(args: &UpdateArgs) -> Result<String, Failure> {
    let now = files::now()?;
    let anchor_bytes = files::anchor(args.anchor.as_deref())?;
    let anchor = match args.anchor {
        Some(_) => Anchor::root(&anchor_bytes),
        None => Anchor::builtin(),
    };
    let dir = match &args.store {
        Some(dir) => dir.clone(),
        None => files::store_dir()?,
    };
    let mut store = FileStore::open(&dir, &anchor).map_err(|e| {
        Failure(format!(
            "cannot open the trust store {}: {e}; pass --store DIR to keep it elsewhere",
            dir.display()
        ))
    })?;
    let kept = Remembered::in_dir(&dir);
    let source = match &args.from {
        Some(from) => from.trim().to_owned(),
        None => Remembered::read(&kept.source).ok_or_else(|| {
            Failure(
                "no source yet: pass --from with the https:// address (or the file) where your deployment publishes registry.signed.json; it is remembered for the next update".into(),
            )
        })?,
    };
    let changed_source = Remembered::read(&kept.source).as_deref() != Some(source.as_str());
    if changed_source {
        kept.forget_validators();
    }
    let fetched = fetch(&source, &kept, Duration::from_secs(args.timeout.max(1)))
        .map_err(|e| Failure(format!("{e} {}", still_using(&anchor, &store, now))))?;
    let (bytes, etag, modified) = match fetched {
        Fetched::NotModified => {
            return Ok(format!(
                "No change: {source} has not changed since the last update. {}\n",
                still_using(&anchor, &store, now)
            ))
        }
        Fetched::Body {
            bytes,
            etag,
            modified,
        } => (bytes, etag, modified),
    };
    let (trusted, outcome) = match load_update(&anchor, &bytes, &mut store, now) {
        Ok(accepted) => accepted,
        // A refused file changes nothing: the store still holds what it held.
        Err(e) => {
            return Err(Failure(format!(
                "the file from {source} was not accepted: {}. Nothing was changed. {}",
                super::refused(&e),
                still_using(&anchor, &store, now)
            )))
        }
    };
    // The source and its validators only for a file that was accepted: a refused one is
    // fetched again next time, and a wrong address is not remembered.
    if changed_source {
        files::write_atomic(&kept.source, format!("{source}\n").as_bytes())?;
    }
    match etag {
        Some(e) => files::write_atomic(&kept.etag, format!("{e}\n").as_bytes())?,
        None => {
            let _ = std::fs::remove_file(&kept.etag);
        }
    }
    match modified {
        Some(m) => files::write_atomic(&kept.modified, format!("{m}\n").as_bytes())?,
        None => {
            let _ = std::fs::remove_file(&kept.modified);
        }
    }
    let stamp = trusted.stamp();
    let issued = stamp.issued_at.get(..10).unwrap_or(&stamp.issued_at);
    let expires = trusted.expires().to_string();
    let expires = expires.get(..10).unwrap_or(&expires).to_owned();
    Ok(match outcome {
        UpdateOutcome::Updated { from, to } => format!(
            "Updated: registry version {from} → {to} (issued {issued}, expires {expires}), from {source}. check, scan and batch use it from now on.\n"
        ),
        _ => format!(
            "No change: version {} (issued {issued}, expires {expires}) is the newest at {source}.\n",
            stamp.version
        ),
    })
}

/// Which registry the other commands still use (the store's, verified again, else the built-in
/// one), named for a message that says nothing was changed; verified only when such a message
/// is written.
fn still_using(
    anchor: &Anchor<'_>,
    store: &FileStore,
    now: contactguard::trust::time::Timestamp,
) -> String {
    match contactguard::trust::store::load_trusted(anchor, store, now) {
        Ok((trusted, _)) => {
            let s = trusted.stamp();
            format!(
                "Still using the registry version {} of {}.",
                s.version,
                s.issued_at.get(..10).unwrap_or(&s.issued_at)
            )
        }
        Err(_) => String::new(),
    }
}

/// The file at `source`: a local file, or over HTTPS (HTTP on a loopback address only), with a
/// conditional request when validators were kept.
fn fetch(source: &str, kept: &Remembered, timeout: Duration) -> Result<Fetched, String> {
    let Ok(url) = url::Url::parse(source) else {
        return read_file(Path::new(source));
    };
    match url.scheme() {
        "file" => {
            let path = url
                .to_file_path()
                .map_err(|_| format!("{source} is not a file path this machine can open."))?;
            read_file(&path)
        }
        "https" => get(&url, kept, timeout),
        "http" if is_loopback(&url) => get(&url, kept, timeout),
        "http" => Err(format!(
            "{source} is plain http: use its https:// address (plain http is accepted only on this machine's own address)."
        )),
        // A Windows path such as C:\registry.signed.json parses with the scheme "c".
        s if s.len() == 1 => read_file(Path::new(source)),
        other => Err(format!(
            "{source}: the scheme '{other}' is not supported; give an https:// address or a file."
        )),
    }
}

fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

fn read_file(path: &Path) -> Result<Fetched, String> {
    files::read_capped(
        path,
        MAX_BUNDLE_BYTES,
        "use a distribution file published by `contactguard registry publish`",
    )
    .map(|bytes| Fetched::Body {
        bytes,
        etag: None,
        modified: None,
    })
    .map_err(|e| e.0)
}

fn get(url: &url::Url, kept: &Remembered, timeout: Duration) -> Result<Fetched, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .user_agent(concat!("contactguard/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut request = agent.get(url.as_str());
    if let Some(etag) = Remembered::read(&kept.etag) {
        request = request.header("If-None-Match", etag);
    }
    if let Some(modified) = Remembered::read(&kept.modified) {
        request = request.header("If-Modified-Since", modified);
    }
    let mut response = request.call().map_err(|e| match e {
        ureq::Error::Timeout(_) => format!(
            "{url} did not answer in full within {} seconds (--timeout).",
            timeout.as_secs()
        ),
        other => format!("cannot reach {url}: {other}."),
    })?;
    let status = response.status();
    if status.as_u16() == 304 {
        return Ok(Fetched::NotModified);
    }
    if !status.is_success() {
        return Err(format!(
            "{url} answered {status}: check the address where the file is published."
        ));
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (etag, modified) = (header("etag"), header("last-modified"));
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_BUNDLE_BYTES as u64)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => format!(
                "{url} sent more than {MAX_BUNDLE_BYTES} bytes, more than any distribution file: it was not read further."
            ),
            ureq::Error::Timeout(_) => format!(
                "{url} did not answer in full within {} seconds (--timeout).",
                timeout.as_secs()
            ),
            other => format!("the download from {url} broke off: {other}."),
        })?;
    Ok(Fetched::Body {
        bytes,
        etag,
        modified,
    })
}
