//! `contactguard registry init`: a working signing folder in one command, for a team starting
//! out: two key pairs in a folder of their own (a root key and a registry key), root version 1
//! (one key each, one signature needed), `registry.json` (empty, or the registry contactguard
//! ships), version 1 signed and published. The team adds people and keys later (`root rotate`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use contactguard::registry::{RegistryData, BUILTIN_JSON};

use super::{
    files, keygen, publish, root_dir, root_init, root_sign, say, sign, write_payload, DirArgs,
    Failure, KeygenArgs, PublishArgs, RootInitArgs, RootSignArgs, SignArgs,
};

/// What `registry init` was given.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to keep the two secret keys (created 0600, never overwritten): a folder outside the
    /// signing folder, such as ~/contactguard-keys; keep it offline.
    #[arg(long, value_name = "DIR")]
    keys: PathBuf,
    /// The holder's name, for the key files and the root (`alice`: alice-root, alice-registry).
    #[arg(long, default_value = "owner")]
    name: String,
    /// Start from the registry contactguard ships (every brand and channel, with sources)
    /// instead of an empty one.
    #[arg(long)]
    from_shipped: bool,
    /// How long version 1 is valid (`90d`, at most 180d).
    #[arg(long, default_value = "90d")]
    expires: String,
    #[command(flatten)]
    dir: DirArgs,
}

/// Runs `registry init`.
pub fn init(a: &InitArgs) -> Result<ExitCode, Failure> {
    let dir = &a.dir.dir;
    if dir.join("registry.json").exists() || root_dir(dir).exists() {
        return Err(Failure(format!(
            "{} is already a signing folder (it has registry.json or root/); nothing was changed. Use `registry status` there",
            dir.display()
        )));
    }
    if a.keys.starts_with(dir) && a.keys != Path::new(".") && dir != Path::new(".") {
        super::warn("the keys are inside the signing folder: move them somewhere offline before you share the folder");
    }
    let days = super::days(&a.expires)?;
    if days > super::MAX_REGISTRY_DAYS {
        return Err(Failure(format!(
            "--expires {} is over the maximum of {}d",
            a.expires,
            super::MAX_REGISTRY_DAYS
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        Failure(format!(
            "cannot create the signing folder {}: {e}",
            dir.display()
        ))
    })?;
    std::fs::create_dir_all(&a.keys)
        .map_err(|e| Failure(format!("cannot create {}: {e}", a.keys.display())))?;
    let key = |role: &str, half: &str| a.keys.join(format!("{}-{role}.{half}.pem", a.name));
    for role in ["root", "registry"] {
        keygen(&KeygenArgs {
            name: format!("{}-{role}", a.name),
            dir: a.keys.clone(),
        })?;
    }
    let now = files::now()?;
    let mut data = first_version(a.from_shipped)?;
    data.version = 1;
    data.issued_at = now.to_string();
    data.expires = now.plus_days(days).to_string();
    write_payload(dir, &data)?;
    let dir_args = || DirArgs { dir: dir.clone() };
    root_init(&RootInitArgs {
        root_keys: vec![key("root", "pub")],
        root_threshold: 1,
        registry_keys: vec![key("registry", "pub")],
        registry_threshold: 1,
        expires: "365d".into(),
        dir: dir_args(),
    })?;
    root_sign(&RootSignArgs {
        key: key("root", "key"),
        version: None,
        insecure_permissions: false,
        dir: dir_args(),
    })?;
    sign(&SignArgs {
        key: key("registry", "key"),
        yes: true,
        accept_lookalikes: false,
        insecure_permissions: false,
        dir: dir_args(),
    })?;
    publish(&PublishArgs {
        out: None,
        dir: dir_args(),
    })?;
    let root: PathBuf = root_dir(dir).join("1.root.json");
    say(&format!(
        "\nA signing folder is ready in {dir}: version 1 is signed and published.\n\
         Next:\n  \
         contactguard registry channel add --dir {dir} --brand ID --kind domain --value … --source \"pages: https://…\"\n  \
         contactguard registry bump --dir {dir}\n  \
         contactguard registry sign --dir {dir} --key {reg}\n  \
         contactguard registry publish --dir {dir}\n\
         Put {dist} on a static host; readers verify it against {root}:\n  \
         contactguard update --anchor {root} --from https://…/registry.signed.json\n\
         Add people and keys (more signatures needed) with `registry root rotate`.",
        dir = dir.display(),
        reg = key("registry", "key").display(),
        dist = dir.join(super::DIST_FILE).display(),
        root = root.display(),
    ));
    Ok(ExitCode::SUCCESS)
}

/// The payload to start from: empty, or the shipped registry.
fn first_version(from_shipped: bool) -> Result<RegistryData, Failure> {
    let text: &[u8] = if from_shipped {
        BUILTIN_JSON
    } else {
        br#"{"spec_version":1,"version":1,"issued_at":"2026-01-01T00:00:00Z","expires":"2026-02-01T00:00:00Z","brands":[]}"#
    };
    serde_json::from_slice(text).map_err(|e| {
        Failure(format!(
            "the starting registry did not load ({e}); please report this bug"
        ))
    })
}
