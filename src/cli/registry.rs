//! `contactguard registry …`: the support team's tools. A signing folder holds
//! `registry.json` (the reviewed payload), `registry.dsse.json` (its envelope, signatures
//! accumulate), `root/N.root.json` (root envelopes, never deleted) and, after `publish`,
//! `dist/registry.signed.json` (the distribution file apps embed and download).

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use contactguard::registry::diff::diff;
use contactguard::registry::edit::{self, NewChannel};
use contactguard::registry::{lint, ChannelKind, Confidence, Registry, RegistryData, Scope};
use contactguard::trust::envelope::{Envelope, REGISTRY_TYPE, ROOT_TYPE};
use contactguard::trust::keys::{PublicKey, SecretKey};
use contactguard::trust::root::{Root, RootSpec};
use contactguard::trust::time::Timestamp;
use contactguard::trust::verify::{self, root_of, Checks, Expiry};

use super::files::{self, Lock};
use super::Failure;

mod init;
mod review;

/// Where `publish` writes the distribution file, relative to the signing folder; also the
/// default file of `verify` and `check-expiry`.
const DIST_FILE: &str = "dist/registry.signed.json";

/// The longest registry validity `bump` allows, in days.
const MAX_REGISTRY_DAYS: i64 = 180;

#[derive(Debug, Subcommand)]
pub enum RegistryCommand {
    /// Start a signing folder: two key pairs, root version 1, registry version 1 signed and
    /// published (empty, or --from-shipped).
    Init(init::InitArgs),
    /// Create a key pair: NAME.key.pem (secret, 0600, never overwritten) and NAME.pub.pem.
    Keygen(KeygenArgs),
    /// Show a key file's id and public key (never the secret).
    Key {
        #[command(subcommand)]
        command: KeyCommand,
    },
    /// Create, rotate, sign and inspect root versions.
    Root {
        #[command(subcommand)]
        command: RootCommand,
    },
    /// Add or remove a brand in registry.json.
    Brand {
        #[command(subcommand)]
        command: BrandCommand,
    },
    /// Add or remove an official channel in registry.json.
    Channel {
        #[command(subcommand)]
        command: ChannelCommand,
    },
    /// Start a new version: version + 1, issued now, expiring after --expires.
    Bump(BumpArgs),
    /// Sign registry.json (its exact bytes) with one registry key.
    Sign(SignArgs),
    /// Verify a distribution file with the library's own code path.
    Verify(VerifyArgs),
    /// Version, expiry and signatures of the signing folder.
    Status(DirArgs),
    /// Brands and channels added, removed or changed between two registries.
    Diff(DiffArgs),
    /// Check registry.json strictly (unknown fields, duplicates, normal forms, sources).
    Lint(LintArgs),
    /// Build dist/registry.signed.json from the roots and the signed registry, then verify it.
    Publish(PublishArgs),
    /// Fail when the root or the registry expires within DAYS (for CI).
    CheckExpiry(CheckExpiryArgs),
}

#[derive(Debug, Args)]
pub struct DirArgs {
    /// The signing folder.
    #[arg(long, default_value = ".")]
    dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct KeygenArgs {
    /// The key's name (file names and owner).
    #[arg(long)]
    name: String,
    /// Where to write the two files.
    #[arg(long, default_value = ".")]
    dir: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Print the key id and public key of a .pub.pem or .key.pem file.
    Show {
        /// The key file.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum RootCommand {
    /// Write root/1.root.json (unsigned) from public key files.
    Init(RootInitArgs),
    /// Write root/N+1.root.json (unsigned) with keys added or removed.
    Rotate(RootRotateArgs),
    /// Add a signature to a root version (default: the newest).
    Sign(RootSignArgs),
    /// The signatures each root version has and needs.
    Status(DirArgs),
}

#[derive(Debug, Args)]
pub struct RootInitArgs {
    /// A root-role public key file (repeat).
    #[arg(long = "root-key", required = true)]
    root_keys: Vec<PathBuf>,
    /// Signatures a new root needs.
    #[arg(long)]
    root_threshold: usize,
    /// A registry-role public key file (repeat).
    #[arg(long = "registry-key", required = true)]
    registry_keys: Vec<PathBuf>,
    /// Signatures a registry needs.
    #[arg(long)]
    registry_threshold: usize,
    /// How long the root is valid (`365d`).
    #[arg(long, default_value = "365d")]
    expires: String,
    #[command(flatten)]
    dir: DirArgs,
}

#[derive(Debug, Args)]
pub struct RootRotateArgs {
    /// Add a root-role public key file.
    #[arg(long)]
    add_root_key: Vec<PathBuf>,
    /// Remove a root-role key (its id, or its public key file).
    #[arg(long)]
    remove_root_key: Vec<String>,
    /// Add a registry-role public key file.
    #[arg(long)]
    add_registry_key: Vec<PathBuf>,
    /// Remove a registry-role key (its id, or its public key file).
    #[arg(long)]
    remove_registry_key: Vec<String>,
    /// New root threshold.
    #[arg(long)]
    root_threshold: Option<usize>,
    /// New registry threshold.
    #[arg(long)]
    registry_threshold: Option<usize>,
    /// How long the new root is valid (`365d`).
    #[arg(long, default_value = "365d")]
    expires: String,
    #[command(flatten)]
    dir: DirArgs,
}

#[derive(Debug, Args)]
pub struct RootSignArgs {
    /// The secret key file.
    #[arg(long)]
    key: PathBuf,
    /// The root version to sign [default: the newest].
    #[arg(long)]
    version: Option<u64>,
    /// Accept a secret key file that others can read.
    #[arg(long)]
    insecure_permissions: bool,
    #[command(flatten)]
    dir: DirArgs,
}

#[derive(Debug, Subcommand)]
pub enum BrandCommand {
    /// Add a brand.
    Add {
        /// The brand id (a-z, 0-9, _).
        #[arg(long)]
        id: String,
        /// A name or alias (repeat; the first is the display name).
        #[arg(long = "name")]
        names: Vec<String>,
        #[command(flatten)]
        dir: DirArgs,
    },
    /// Remove a brand and all it lists.
    Remove {
        /// The brand id.
        #[arg(long)]
        id: String,
        #[command(flatten)]
        dir: DirArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum ChannelCommand {
    /// Add a channel; the value is normalized and checked for its kind.
    Add(ChannelAddArgs),
    /// Remove a channel.
    Remove(ChannelRemoveArgs),
}

#[derive(Debug, Args)]
pub struct ChannelAddArgs {
    /// The brand id.
    #[arg(long)]
    brand: String,
    /// The kind of channel.
    #[arg(long, value_parser = kind_names())]
    kind: String,
    /// The value, in any usual form (a link, +1 (888) …, @name).
    #[arg(long)]
    value: String,
    /// Where the brand published it (repository:path@commit, or a page).
    #[arg(long)]
    source: String,
    /// The day you read the source, YYYY-MM-DD (default: today, by the CLI's clock).
    #[arg(long)]
    checked: Option<String>,
    /// The date of the newest source (the commit's date, or the date the page bears),
    /// YYYY-MM-DD: sources more than two years older than the registry are shown as old.
    #[arg(long)]
    source_date: Option<String>,
    /// Domains: `subdomains` (the default for a domain the brand registered) or `host` (the
    /// default for a host on someone else's domain or on a shared platform).
    #[arg(long)]
    scope: Option<String>,
    /// What it is for: support, business, security, developer, community, press, or owned (the
    /// brand owns it but it is no way to reach the brand: infrastructure, a CDN).
    #[arg(long)]
    role: Option<String>,
    /// high, medium or low.
    #[arg(long)]
    confidence: Option<String>,
    /// A short note in plain words, shown beside the channel ("help centre").
    #[arg(long)]
    note: Option<String>,
    /// What the source says (a quote, a commit, a line of code), for reviewers; never shown in
    /// a report.
    #[arg(long)]
    evidence: Option<String>,
    #[command(flatten)]
    dir: DirArgs,
}

#[derive(Debug, Args)]
pub struct ChannelRemoveArgs {
    /// The brand id.
    #[arg(long)]
    brand: String,
    /// The kind.
    #[arg(long)]
    kind: String,
    /// The value.
    #[arg(long)]
    value: String,
    #[command(flatten)]
    dir: DirArgs,
}

#[derive(Debug, Args)]
pub struct BumpArgs {
    /// How long the new version is valid (`90d`, at most 180d).
    #[arg(long, default_value = "90d")]
    expires: String,
    #[command(flatten)]
    dir: DirArgs,
}

#[derive(Debug, Args)]
pub struct SignArgs {
    /// The secret key file.
    #[arg(long)]
    key: PathBuf,
    /// Sign without asking (the diff is still shown).
    #[arg(long)]
    yes: bool,
    /// Sign even when a new channel looks like a brand's official channel (review says which).
    #[arg(long)]
    accept_lookalikes: bool,
    /// Accept a secret key file that others can read.
    #[arg(long)]
    insecure_permissions: bool,
    #[command(flatten)]
    dir: DirArgs,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The distribution file [default: dist/registry.signed.json].
    file: Option<PathBuf>,
    /// The trusted root to start from [default: the one compiled into contactguard].
    #[arg(long)]
    anchor: Option<PathBuf>,
    /// Verify as of this time (`2026-11-22T00:00:00Z`) instead of now.
    #[arg(long)]
    at: Option<String>,
    /// Accept expired data (exit code 3 then).
    #[arg(long)]
    allow_expired: bool,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old registry: a payload (registry.json) or a distribution file.
    old: PathBuf,
    /// The new registry.
    new: PathBuf,
    /// JSON output.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// The payload [default: registry.json].
    file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// Where to write [default: dist/registry.signed.json].
    #[arg(long)]
    out: Option<PathBuf>,
    #[command(flatten)]
    dir: DirArgs,
}

#[derive(Debug, Args)]
pub struct CheckExpiryArgs {
    /// Fail when anything expires within this many days.
    #[arg(long)]
    within: i64,
    /// The distribution file [default: dist/registry.signed.json].
    file: Option<PathBuf>,
    /// The trusted root to start from [default: the one compiled into contactguard].
    #[arg(long)]
    anchor: Option<PathBuf>,
}

pub fn run(command: RegistryCommand) -> Result<ExitCode, Failure> {
    match command {
        RegistryCommand::Init(a) => init::init(&a),
        RegistryCommand::Keygen(a) => keygen(&a),
        RegistryCommand::Key {
            command: KeyCommand::Show { file },
        } => key_show(&file),
        RegistryCommand::Root { command } => match command {
            RootCommand::Init(a) => root_init(&a),
            RootCommand::Rotate(a) => root_rotate(&a),
            RootCommand::Sign(a) => root_sign(&a),
            RootCommand::Status(a) => root_status(&a.dir),
        },
        RegistryCommand::Brand { command } => brand(command),
        RegistryCommand::Channel { command } => channel(command),
        RegistryCommand::Bump(a) => bump(&a),
        RegistryCommand::Sign(a) => sign(&a),
        RegistryCommand::Verify(a) => verify_file(&a),
        RegistryCommand::Status(a) => status(&a.dir),
        RegistryCommand::Diff(a) => diff_files(&a),
        RegistryCommand::Lint(a) => lint_file(&a),
        RegistryCommand::Publish(a) => publish(&a),
        RegistryCommand::CheckExpiry(a) => check_expiry(&a),
    }
}

/// `90d` → 90.
fn days(text: &str) -> Result<i64, Failure> {
    text.strip_suffix('d')
        .and_then(|n| n.parse::<i64>().ok())
        .filter(|n| *n > 0 && *n <= 3650)
        .ok_or_else(|| {
            Failure(format!(
                "'{text}' is not a duration; write a number of days such as 90d"
            ))
        })
}

fn say(text: &str) {
    let _ = writeln!(io::stdout(), "{text}");
}

fn warn(text: &str) {
    let _ = writeln!(io::stderr(), "warning: {text}");
}

// --- keys ---

fn keygen(a: &KeygenArgs) -> Result<ExitCode, Failure> {
    if a.name.is_empty()
        || !a
            .name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(Failure(format!(
            "'{}' is not a key name; use letters, digits, -, _ and .",
            a.name
        )));
    }
    let secret = SecretKey::generate()
        .map_err(|e| Failure(format!("the system random source failed: {e}")))?;
    let public = secret.public();
    let secret_path = a.dir.join(format!("{}.key.pem", a.name));
    let public_path = a.dir.join(format!("{}.pub.pem", a.name));
    if secret_path.exists() {
        return Err(Failure(format!(
            "{} exists; a secret key is never overwritten. Choose another --name or folder",
            secret_path.display()
        )));
    }
    if public_path.exists() {
        return Err(Failure(format!(
            "{} exists without its secret half (a keygen that was interrupted leaves that); remove it, or choose another --name or folder",
            public_path.display()
        )));
    }
    // The folder's lock clears what a killed keygen left (temporary copies of a secret), and
    // the public half is written first: a keygen killed in between leaves a public key alone,
    // never a secret without its public half. A secret that cannot be written takes its public
    // half with it.
    let _lock = Lock::take(&a.dir)?;
    files::write_public_new(&public_path, public.to_pem().as_bytes())?;
    if let Err(e) = files::write_secret_new(&secret_path, secret.to_pem().as_bytes()) {
        let _ = std::fs::remove_file(&public_path);
        return Err(e);
    }
    say(&format!("key id      {}", public.key_id()));
    say(&format!(
        "secret key  {} (mode 0600; keep it offline, never commit it)",
        secret_path.display()
    ));
    say(&format!("public key  {}", public_path.display()));
    say(public.to_pem().trim_end());
    Ok(ExitCode::SUCCESS)
}

fn load_public(path: &Path) -> Result<PublicKey, Failure> {
    let text = String::from_utf8(files::read(path)?)
        .map_err(|_| Failure(format!("{} is not a PEM text file", path.display())))?;
    PublicKey::from_pem(&text).map_err(|e| Failure(format!("{}: {e}", path.display())))
}

fn load_secret(path: &Path, insecure: bool) -> Result<SecretKey, Failure> {
    let text = files::read_secret(path, insecure)?;
    SecretKey::from_pem(&text).map_err(|e| Failure(format!("{}: {e}", path.display())))
}

fn key_show(file: &Path) -> Result<ExitCode, Failure> {
    let text = String::from_utf8(files::read(file)?)
        .map_err(|_| Failure(format!("{} is not a PEM text file", file.display())))?;
    let public = if text.contains("PRIVATE KEY") {
        SecretKey::from_pem(&text)
            .map_err(|e| Failure(format!("{}: {e}", file.display())))?
            .public()
    } else {
        PublicKey::from_pem(&text).map_err(|e| Failure(format!("{}: {e}", file.display())))?
    };
    say(&format!("key id  {}", public.key_id()));
    say(public.to_pem().trim_end());
    Ok(ExitCode::SUCCESS)
}

// --- roots ---

fn root_dir(dir: &Path) -> PathBuf {
    dir.join("root")
}

/// Every root envelope in the folder, oldest first, with its file.
fn roots(dir: &Path) -> Result<Vec<(PathBuf, Envelope, Root)>, Failure> {
    let rd = root_dir(dir);
    let entries = std::fs::read_dir(&rd).map_err(|e| {
        Failure(format!(
            "cannot read {}: {e}; run `contactguard registry root init` first",
            rd.display()
        ))
    })?;
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !name.ends_with(".root.json") {
            continue;
        }
        let envelope = Envelope::from_json(&files::read(&path)?)
            .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        let root = root_of(&envelope).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        out.push((path, envelope, root));
    }
    out.sort_by_key(|(_, _, r)| r.version());
    if out.is_empty() {
        return Err(Failure(format!(
            "no root in {}; run `contactguard registry root init` first",
            rd.display()
        )));
    }
    for (i, (path, _, r)) in out.iter().enumerate() {
        if r.version() != i as u64 + 1 {
            return Err(Failure(format!(
                "{} has root version {}, expected {}",
                path.display(),
                r.version(),
                i + 1
            )));
        }
    }
    Ok(out)
}

fn envelope_json(e: &Envelope) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(&e.to_value()).unwrap_or_default();
    out.push(b'\n');
    out
}

/// The signed bytes of a root built from `spec`, or why it would not verify.
fn root_payload(root: Result<Root, String>) -> Result<Vec<u8>, Failure> {
    root.map(|r| r.to_json())
        .map_err(|e| Failure(format!("the root would be invalid: {e}")))
}

fn owner_of(path: &Path) -> String {
    path.file_name()
        .map(|n| {
            n.to_string_lossy()
                .trim_end_matches(".pem")
                .trim_end_matches(".pub")
                .to_owned()
        })
        .unwrap_or_default()
}

fn root_init(a: &RootInitArgs) -> Result<ExitCode, Failure> {
    let dir = &a.dir.dir;
    let _lock = Lock::take(dir)?;
    let path = root_dir(dir).join("1.root.json");
    if path.exists() {
        return Err(Failure(format!(
            "{} exists; use `contactguard registry root rotate` to change keys",
            path.display()
        )));
    }
    let load = |paths: &[PathBuf]| {
        paths
            .iter()
            .map(|p| Ok((load_public(p)?, owner_of(p))))
            .collect::<Result<Vec<_>, Failure>>()
    };
    let expires = files::now()?.plus_days(days(&a.expires)?);
    let payload = root_payload(Root::build(&RootSpec::first(
        expires,
        load(&a.root_keys)?,
        a.root_threshold,
        load(&a.registry_keys)?,
        a.registry_threshold,
    )))?;
    std::fs::create_dir_all(root_dir(dir))
        .map_err(|e| Failure(format!("cannot create {}: {e}", root_dir(dir).display())))?;
    files::write_atomic(&path, &envelope_json(&Envelope::new(ROOT_TYPE, payload)))?;
    say(&format!("wrote {} (root version 1, expires {expires}); it needs {} root signatures: `contactguard registry root sign --key …`", path.display(), a.root_threshold));
    Ok(ExitCode::SUCCESS)
}

fn root_rotate(a: &RootRotateArgs) -> Result<ExitCode, Failure> {
    let dir = &a.dir.dir;
    let _lock = Lock::take(dir)?;
    let all = roots(dir)?;
    let (_, _, latest) = all.last().ok_or_else(|| Failure("no root".into()))?;
    let data = latest.data();
    let owner = |id: &contactguard::trust::keys::KeyId| {
        data.keys
            .get(id)
            .and_then(|k| k.owner.clone())
            .unwrap_or_default()
    };
    let mut root_keys: Vec<(PublicKey, String)> = latest
        .root_keys()
        .iter()
        .map(|(id, k)| (*k, owner(id)))
        .collect();
    let mut registry_keys: Vec<(PublicKey, String)> = latest
        .registry_keys()
        .iter()
        .map(|(id, k)| (*k, owner(id)))
        .collect();
    let remove = |keys: &mut Vec<(PublicKey, String)>, spec: &str| -> Result<(), Failure> {
        let id = if Path::new(spec).exists() {
            load_public(Path::new(spec))?.key_id().to_string()
        } else {
            spec.to_owned()
        };
        let before = keys.len();
        keys.retain(|(k, _)| k.key_id().as_str() != id);
        if keys.len() == before {
            return Err(Failure(format!("key {id} is not in that role")));
        }
        Ok(())
    };
    for spec in &a.remove_root_key {
        remove(&mut root_keys, spec)?;
    }
    for spec in &a.remove_registry_key {
        remove(&mut registry_keys, spec)?;
    }
    for p in &a.add_root_key {
        root_keys.push((load_public(p)?, owner_of(p)));
    }
    for p in &a.add_registry_key {
        registry_keys.push((load_public(p)?, owner_of(p)));
    }
    // The library decides the version and whether the registry floor restarts (a rotation
    // that takes registry keys out restarts it at the registry version current now).
    let registry_version = Registry::from_json(&files::read(&dir.join("registry.json"))?)
        .map(|r| r.version())
        .unwrap_or(data.registry_version_floor);
    let spec = RootSpec {
        expires: files::now()?.plus_days(days(&a.expires)?),
        root_threshold: a.root_threshold.unwrap_or(data.roles.root.threshold),
        registry_threshold: a
            .registry_threshold
            .unwrap_or(data.roles.registry.threshold),
        ..RootSpec::first(files::now()?, root_keys, 1, registry_keys, 1)
    };
    let next = latest.successor(&spec, registry_version);
    let version = latest.version() + 1;
    let payload = root_payload(next)?;
    let path = root_dir(dir).join(format!("{version}.root.json"));
    files::write_atomic(&path, &envelope_json(&Envelope::new(ROOT_TYPE, payload)))?;
    say(&format!(
        "wrote {} (root version {version}); it needs {} signatures from the keys of version {} and {} from its own: `contactguard registry root sign --key …`",
        path.display(),
        latest.root_threshold(),
        latest.version(),
        a.root_threshold.unwrap_or(data.roles.root.threshold)
    ));
    Ok(ExitCode::SUCCESS)
}

fn root_sign(a: &RootSignArgs) -> Result<ExitCode, Failure> {
    let dir = &a.dir.dir;
    let _lock = Lock::take(dir)?;
    let all = roots(dir)?;
    let index = match a.version {
        Some(v) => all
            .iter()
            .position(|(_, _, r)| r.version() == v)
            .ok_or_else(|| {
                Failure(format!(
                    "no root version {v} in {}",
                    root_dir(dir).display()
                ))
            })?,
        None => all.len() - 1,
    };
    let (path, envelope, root) = &all[index];
    let key = load_secret(&a.key, a.insecure_permissions)?;
    let id = key.public().key_id();
    let in_new = root.root_keys().iter().any(|(k, _)| *k == id);
    let in_old = index > 0 && all[index - 1].2.root_keys().iter().any(|(k, _)| *k == id);
    if !in_new && !in_old {
        return Err(Failure(format!("key {id} is a root key of neither root version {} nor the one before; it cannot sign it", root.version())));
    }
    let mut envelope = envelope.clone();
    envelope.sign(&key);
    files::write_atomic(path, &envelope_json(&envelope))?;
    say(&format!(
        "signed root version {} with key {id}",
        root.version()
    ));
    root_status(dir)?;
    Ok(ExitCode::SUCCESS)
}

fn root_status(dir: &Path) -> Result<ExitCode, Failure> {
    let all = roots(dir)?;
    let mut complete = true;
    for (i, (path, envelope, root)) in all.iter().enumerate() {
        let own = envelope.valid_signers(root.root_keys()).len();
        let mut line = format!(
            "root {} ({}), expires {}: {own}/{} own root signatures",
            root.version(),
            path.display(),
            root.expires(),
            root.root_threshold()
        );
        complete &= own >= root.root_threshold();
        if i > 0 {
            let previous = &all[i - 1].2;
            let old = envelope.valid_signers(previous.root_keys()).len();
            line.push_str(&format!(
                ", {old}/{} from root {}",
                previous.root_threshold(),
                previous.version()
            ));
            complete &= old >= previous.root_threshold();
        }
        say(&line);
    }
    Ok(if complete {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

// --- the payload ---

fn read_payload(dir: &Path) -> Result<(Vec<u8>, RegistryData), Failure> {
    let path = dir.join("registry.json");
    let bytes = files::read(&path)?;
    let registry =
        Registry::from_json(&bytes).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    Ok((bytes, registry.data().clone()))
}

fn write_payload(dir: &Path, data: &RegistryData) -> Result<(), Failure> {
    files::write_atomic(&dir.join("registry.json"), &edit::to_json(data))?;
    let envelope = dir.join("registry.dsse.json");
    if envelope.exists() {
        warn(&format!("registry.json changed: the signatures in {} no longer apply and will be dropped at the next `sign`", envelope.display()));
    }
    Ok(())
}

fn brand(command: BrandCommand) -> Result<ExitCode, Failure> {
    match command {
        BrandCommand::Add { id, names, dir } => {
            let _lock = Lock::take(&dir.dir)?;
            let (_, mut data) = read_payload(&dir.dir)?;
            edit::add_brand(&mut data, &id, &names).map_err(|e| Failure(e.to_string()))?;
            write_payload(&dir.dir, &data)?;
            say(&format!("added brand {id}; add its channels with `contactguard registry channel add --brand {id} …`"));
        }
        BrandCommand::Remove { id, dir } => {
            let _lock = Lock::take(&dir.dir)?;
            let (_, mut data) = read_payload(&dir.dir)?;
            let removed = edit::remove_brand(&mut data, &id).map_err(|e| Failure(e.to_string()))?;
            write_payload(&dir.dir, &data)?;
            say(&format!(
                "removed brand {id} and its {} channels",
                removed.channels.len()
            ));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Every channel kind's name, for `--kind`'s help and checking.
fn kind_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(ChannelKind::ALL.iter().map(|k| k.as_str()))
}

fn kind_of(text: &str) -> Result<ChannelKind, Failure> {
    ChannelKind::ALL
        .iter()
        .copied()
        .find(|k| k.as_str() == text)
        .ok_or_else(|| {
            Failure(format!(
                "'{text}' is not a channel kind; use one of: {}",
                ChannelKind::ALL
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
}

fn channel(command: ChannelCommand) -> Result<ExitCode, Failure> {
    match command {
        ChannelCommand::Add(a) => {
            let _lock = Lock::take(&a.dir.dir)?;
            let (_, mut data) = read_payload(&a.dir.dir)?;
            let mut new = NewChannel::new(kind_of(&a.kind)?, &a.value, &a.source);
            new.checked = Some(match a.checked.clone() {
                Some(day) => day,
                None => files::now()?.to_string().chars().take(10).collect(),
            });
            new.source_date = a.source_date.clone();
            new.scope = match a.scope.as_deref() {
                None => None,
                Some("subdomains") => Some(Scope::Subdomains),
                Some("host") => Some(Scope::Host),
                Some(other) => {
                    return Err(Failure(format!(
                        "--scope is subdomains or host, not '{other}'"
                    )))
                }
            };
            new.confidence = match a.confidence.as_deref() {
                None => None,
                Some("high") => Some(Confidence::High),
                Some("medium") => Some(Confidence::Medium),
                Some("low") => Some(Confidence::Low),
                Some(other) => {
                    return Err(Failure(format!(
                        "--confidence is high, medium or low, not '{other}'"
                    )))
                }
            };
            new.note = a.note.clone();
            new.evidence = a.evidence.clone();
            new.role = match a.role.as_deref() {
                None => None,
                Some(text) => Some(
                    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(
                        |_| {
                            Failure(format!(
                                "--role is support, business, security, developer, community, press or owned, not '{text}'"
                            ))
                        },
                    )?,
                ),
            };
            let (value, warnings) =
                edit::add_channel(&mut data, &a.brand, new).map_err(|e| Failure(e.to_string()))?;
            for w in &warnings {
                warn(&format!("{w}; make sure this is not a lookalike"));
            }
            write_payload(&a.dir.dir, &data)?;
            say(&format!("added {} {value} to {}", a.kind, a.brand));
        }
        ChannelCommand::Remove(a) => {
            let _lock = Lock::take(&a.dir.dir)?;
            let (_, mut data) = read_payload(&a.dir.dir)?;
            let removed = edit::remove_channel(&mut data, &a.brand, kind_of(&a.kind)?, &a.value)
                .map_err(|e| Failure(e.to_string()))?;
            write_payload(&a.dir.dir, &data)?;
            say(&format!(
                "removed {} {} from {}",
                removed.kind, removed.value, a.brand
            ));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn bump(a: &BumpArgs) -> Result<ExitCode, Failure> {
    let window = days(&a.expires)?;
    if window > MAX_REGISTRY_DAYS {
        return Err(Failure(format!("--expires {window}d is over the {MAX_REGISTRY_DAYS}-day maximum: a registry must be re-signed at least that often")));
    }
    let _lock = Lock::take(&a.dir.dir)?;
    let (_, mut data) = read_payload(&a.dir.dir)?;
    let now = files::now()?;
    data.version = data.version.checked_add(1).ok_or_else(|| {
        Failure(format!(
            "the registry is at version {}, the largest there is: it cannot be bumped. Keep this version, or start a new deployment",
            data.version
        ))
    })?;
    data.issued_at = now.to_string();
    data.expires = now.plus_days(window).to_string();
    write_payload(&a.dir.dir, &data)?;
    say(&format!(
        "version {}, issued {}, expires {}",
        data.version, data.issued_at, data.expires
    ));
    Ok(ExitCode::SUCCESS)
}

/// The published distribution file's payload, if there is one.
fn published(dir: &Path) -> Result<Option<Vec<u8>>, Failure> {
    let path = dir.join(DIST_FILE);
    if !path.exists() {
        return Ok(None);
    }
    let anchor = files::read(&root_dir(dir).join("1.root.json"))?;
    let checks = Checks::at(files::now()?, Expiry::AllowExpiredForInspection);
    verify::verify(&files::read(&path)?, &anchor, &checks)
        .map(|v| Some(v.payload))
        .map_err(|e| Failure(format!("{} does not verify: {e}", path.display())))
}

fn sign(a: &SignArgs) -> Result<ExitCode, Failure> {
    let dir = &a.dir.dir;
    let _lock = Lock::take(dir)?;
    let (bytes, data) = read_payload(dir)?;
    let problems = lint::lint(&bytes);
    if !problems.is_empty() {
        return Err(Failure(format!(
            "registry.json has {} problem(s); fix them first:\n{}",
            problems.len(),
            problems
                .iter()
                .map(|p| format!("  {p}"))
                .collect::<Vec<_>>()
                .join("\n")
        )));
    }
    let expires = Timestamp::parse(&data.expires).map_err(|e| Failure(format!("expires: {e}")))?;
    if expires <= files::now()? {
        return Err(Failure(format!(
            "registry.json expired at {expires}; run `contactguard registry bump` first"
        )));
    }
    let all = roots(dir)?;
    let root = &all[all.len() - 1].2;
    let key = load_secret(&a.key, a.insecure_permissions)?;
    let id = key.public().key_id();
    if !root.registry_keys().iter().any(|(k, _)| *k == id) {
        return Err(Failure(format!(
            "key {id} is not a registry key of root version {}; it cannot sign the registry",
            root.version()
        )));
    }
    let published_data = match published(dir)? {
        Some(old) => Some(Registry::from_json(&old).map_err(|e| Failure(e.to_string()))?),
        None => None,
    };
    let flagged = review::flagged(published_data.as_ref().map(|r| r.data()), &data);
    if !flagged.is_empty() {
        let list = flagged
            .iter()
            .map(|f| format!("  ! {f}"))
            .collect::<Vec<_>>()
            .join("\n");
        if !a.accept_lookalikes {
            return Err(Failure(format!(
                "nothing was signed: {} new channel(s) look like a brand's official channel:\n{list}\nCorrect registry.json (`registry channel remove`), or sign with --accept-lookalikes if each is right",
                flagged.len()
            )));
        }
        warn(&format!(
            "signing with {} new channel(s) that look like a brand's official channel (--accept-lookalikes):\n{list}",
            flagged.len()
        ));
    }
    match published(dir)? {
        Some(old) if old == bytes => {
            say("registry.json is the published version; adding a signature")
        }
        Some(old) => {
            let old = Registry::from_json(&old).map_err(|e| Failure(e.to_string()))?;
            if data.version <= old.version() {
                return Err(Failure(format!("version {} is not newer than the published version {}; run `contactguard registry bump`", data.version, old.version())));
            }
            say(&format!(
                "changes since the published version:\n{}",
                diff(old.data(), &data)
            ));
        }
        None => say(&format!(
            "first published version: {} brands",
            data.brands.len()
        )),
    }
    if !a.yes {
        if !io::stdin().is_terminal() {
            return Err(Failure(
                "review the changes above, then run again with --yes to sign".into(),
            ));
        }
        let _ = write!(
            io::stdout(),
            "sign version {} with key {id}? [y/N] ",
            data.version
        );
        let _ = io::stdout().flush();
        let mut answer = String::new();
        let _ = io::stdin().lock().read_line(&mut answer);
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            say("not signed");
            return Ok(ExitCode::from(1));
        }
    }
    let path = dir.join("registry.dsse.json");
    let mut envelope = match path.exists() {
        true => Envelope::from_json(&files::read(&path)?)
            .map_err(|e| Failure(format!("{}: {e}", path.display())))?,
        false => Envelope::new(REGISTRY_TYPE, bytes.clone()),
    };
    if envelope.payload != bytes || envelope.payload_type != REGISTRY_TYPE {
        if !envelope.signatures.is_empty() {
            warn(&format!(
                "registry.json changed since the last signature: dropping {} stale signature(s)",
                envelope.signatures.len()
            ));
        }
        envelope = Envelope::new(REGISTRY_TYPE, bytes.clone());
    }
    envelope.sign(&key);
    files::write_atomic(&path, &envelope_json(&envelope))?;
    let valid = envelope.valid_signers(root.registry_keys()).len();
    say(&format!(
        "signed version {} with key {id}: {valid}/{} signatures",
        data.version,
        root.registry_threshold()
    ));
    Ok(ExitCode::SUCCESS)
}

fn verify_file(a: &VerifyArgs) -> Result<ExitCode, Failure> {
    let file = a.file.clone().unwrap_or_else(|| PathBuf::from(DIST_FILE));
    let bundle = files::read(&file)?;
    let anchor = files::anchor(a.anchor.as_deref())?;
    let at = match &a.at {
        Some(t) => Timestamp::parse(t).map_err(|e| Failure(e.to_string()))?,
        None => files::now()?,
    };
    let expiry = if a.allow_expired {
        Expiry::AllowExpiredForInspection
    } else {
        Expiry::Enforce
    };
    match verify::verify(&bundle, &anchor, &Checks::at(at, expiry)) {
        Ok(v) => {
            say(&format!(
                "OK {}: registry version {} ({} brands), root version {}, issued {}, expires {}",
                file.display(),
                v.registry.version(),
                v.registry.brands().len(),
                v.root.version(),
                v.issued_at,
                v.expires
            ));
            if v.expires <= at || v.root.expires() <= at {
                say("EXPIRED: accepted for inspection only; publish a new version");
                return Ok(ExitCode::from(3));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            say(&format!(
                "INVALID {}: {}",
                file.display(),
                super::refused(&e)
            ));
            Ok(ExitCode::from(1))
        }
    }
}

fn status(dir: &Path) -> Result<ExitCode, Failure> {
    let (bytes, data) = read_payload(dir)?;
    let now = files::now()?;
    let expires = Timestamp::parse(&data.expires).map_err(|e| Failure(format!("expires: {e}")))?;
    say(&format!(
        "registry version {}, {} brands, issued {}, expires {} ({} days)",
        data.version,
        data.brands.len(),
        data.issued_at,
        expires,
        now.days_until(expires)
    ));
    let all = roots(dir)?;
    let (_, _, root) = &all[all.len() - 1];
    say(&format!(
        "root version {}, expires {} ({} days)",
        root.version(),
        root.expires(),
        now.days_until(root.expires())
    ));
    let path = dir.join("registry.dsse.json");
    let envelope = if path.exists() {
        Some(
            Envelope::from_json(&files::read(&path)?)
                .map_err(|e| Failure(format!("{}: {e}", path.display())))?,
        )
    } else {
        None
    };
    let signed = envelope.filter(|e| e.payload == bytes);
    let signers = signed
        .as_ref()
        .map(|e| e.valid_signers(root.registry_keys()))
        .unwrap_or_default();
    say(&format!(
        "signatures {}/{}",
        signers.len(),
        root.registry_threshold()
    ));
    for (id, _) in root.registry_keys() {
        let owner = root
            .data()
            .keys
            .get(id)
            .and_then(|k| k.owner.clone())
            .unwrap_or_default();
        let mark = if signers.contains(id) {
            "signed "
        } else {
            "missing"
        };
        say(&format!("  {mark}  {id}  {owner}"));
    }
    Ok(if signers.len() >= root.registry_threshold() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// A payload from a payload file or a distribution file (not verified: diff is for review).
fn payload_of(path: &Path) -> Result<RegistryData, Failure> {
    let bytes = files::read(path)?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    let payload = match value.get("registry") {
        Some(envelope) => {
            Envelope::from_value(envelope.clone())
                .map_err(|e| Failure(format!("{}: {e}", path.display())))?
                .payload
        }
        None => bytes,
    };
    Registry::from_json(&payload)
        .map(|r| r.data().clone())
        .map_err(|e| Failure(format!("{}: {e}", path.display())))
}

fn diff_files(a: &DiffArgs) -> Result<ExitCode, Failure> {
    let d = diff(&payload_of(&a.old)?, &payload_of(&a.new)?);
    if a.json {
        say(&serde_json::to_string_pretty(&d).map_err(|e| Failure(e.to_string()))?);
    } else {
        let _ = write!(io::stdout(), "{d}");
    }
    Ok(ExitCode::SUCCESS)
}

fn lint_file(a: &LintArgs) -> Result<ExitCode, Failure> {
    let path = a
        .file
        .clone()
        .unwrap_or_else(|| PathBuf::from("registry.json"));
    let problems = lint::lint(&files::read(&path)?);
    for p in &problems {
        say(&format!("{}: {p}", path.display()));
    }
    if problems.is_empty() {
        say(&format!("{}: no problems", path.display()));
        Ok(ExitCode::SUCCESS)
    } else {
        say(&format!("{} problem(s)", problems.len()));
        Ok(ExitCode::from(1))
    }
}

fn publish(a: &PublishArgs) -> Result<ExitCode, Failure> {
    let dir = &a.dir.dir;
    let _lock = Lock::take(dir)?;
    let (bytes, _) = read_payload(dir)?;
    let all = roots(dir)?;
    let path = dir.join("registry.dsse.json");
    let envelope = Envelope::from_json(&files::read(&path)?)
        .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    if envelope.payload != bytes {
        return Err(Failure(format!(
            "{} does not sign the current registry.json; run `contactguard registry sign`",
            path.display()
        )));
    }
    // Too few signatures: say whose are missing, before building anything.
    if let Some((_, _, root)) = all.last() {
        let signers = envelope.valid_signers(root.registry_keys());
        if signers.len() < root.registry_threshold() {
            let missing: Vec<String> = root
                .registry_keys()
                .iter()
                .filter(|(id, _)| !signers.contains(id))
                .map(|(id, _)| {
                    let owner = root.data().keys.get(id).and_then(|k| k.owner.clone());
                    let short = id.as_str().get(..16).unwrap_or(id.as_str());
                    match owner {
                        Some(o) => format!("{o} (key {short}…)"),
                        None => format!("key {short}…"),
                    }
                })
                .collect();
            return Err(Failure(format!(
                "the distribution file would not verify: {} of the {} signatures needed. Not yet signed by: {}. Each runs `contactguard registry sign --key THEIR.key.pem` in this folder",
                signers.len(),
                root.registry_threshold(),
                missing.join(", ")
            )));
        }
    }
    let roots: Vec<Envelope> = all.iter().map(|(_, e, _)| e.clone()).collect();
    let bundle = verify::bundle(&roots, &envelope);
    let anchor = envelope_json(&roots[0]);
    let v = verify::verify(
        &bundle,
        &anchor,
        &Checks::at(files::now()?, Expiry::Enforce),
    )
    .map_err(|e| Failure(format!("the distribution file would not verify: {e}")))?;
    let out = a.out.clone().unwrap_or_else(|| dir.join(DIST_FILE));
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| Failure(format!("cannot create {}: {e}", parent.display())))?;
        // What a publish killed mid-write left there (the signing folder's lock is held).
        contactguard::files::remove_stale_temps(parent);
    }
    files::write_atomic(&out, &bundle)?;
    say(&format!(
        "wrote {}: registry version {}, {} root version(s), verified",
        out.display(),
        v.registry.version(),
        roots.len()
    ));
    Ok(ExitCode::SUCCESS)
}

fn check_expiry(a: &CheckExpiryArgs) -> Result<ExitCode, Failure> {
    let file = a.file.clone().unwrap_or_else(|| PathBuf::from(DIST_FILE));
    let anchor = files::anchor(a.anchor.as_deref())?;
    let now = files::now()?;
    let v = verify::verify(
        &files::read(&file)?,
        &anchor,
        &Checks::at(now, Expiry::AllowExpiredForInspection),
    )
    .map_err(|e| Failure(format!("{}: {}", file.display(), super::refused(&e))))?;
    let limit = now.plus_days(a.within);
    let mut ok = true;
    for (what, when, todo) in [
        (
            "registry",
            v.expires,
            "start a new version (`registry bump`), sign it and publish it",
        ),
        (
            "root",
            v.root.expires(),
            "make the next root version (`registry root rotate`, with the same keys if none change), have it signed and publish",
        ),
    ] {
        if when <= limit {
            ok = false;
            say(&format!(
                "{what} expires {when}, within {} days: {todo}",
                a.within
            ));
        } else {
            say(&format!(
                "{what} expires {when} ({} days)",
                now.days_until(when)
            ));
        }
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
