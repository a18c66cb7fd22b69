//! The support team's workflow through the binary, end to end, with throwaway keys:
//! keygen ×3 → root init → root sign 2 of 3 → channel add → bump → sign 2 of 3 → publish →
//! an app's store accepts the update → the old file replayed is rejected.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use contactguard::trust::store::{
    load_trusted, update, Anchor, Freshness, MemoryStore, UpdateOutcome,
};
use contactguard::trust::time::Timestamp;
use contactguard::trust::verify::VerifyError;
use contactguard::{Checker, Status};

/// The binary with `args`, run in `dir`.
fn command(dir: &Path, args: &[&str]) -> Command {
    let mut command = common::contactguard();
    command.args(args).current_dir(dir);
    command
}

fn bin(dir: &Path, args: &[&str]) -> Output {
    command(dir, args).output().expect("the binary runs")
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let o = bin(dir, args);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        o.status.success(),
        "{args:?} failed:\n{out}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

fn fail(dir: &Path, args: &[&str]) -> String {
    let o = bin(dir, args);
    assert!(!o.status.success(), "{args:?} should fail");
    String::from_utf8_lossy(&o.stderr).into_owned() + &String::from_utf8_lossy(&o.stdout)
}

use common::fresh_dir as tempdir;
use common::PAYLOAD;

#[test]
fn support_team_workflow_end_to_end() {
    let dir = tempdir("workflow");
    let keys = dir.join("keys");
    std::fs::create_dir_all(&keys).expect("keys dir");
    for name in ["root-a", "root-b", "root-c", "reg-a", "reg-b", "reg-c"] {
        let out = ok(
            &dir,
            &["registry", "keygen", "--name", name, "--dir", "keys"],
        );
        assert!(
            out.contains("key id") && !out.contains("PRIVATE KEY"),
            "keygen never prints the secret: {out}"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(keys.join("reg-a.key.pem"))
            .expect("key")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "secret keys are created 0600");
    }
    // A secret key is never overwritten.
    assert!(fail(
        &dir,
        &["registry", "keygen", "--name", "reg-a", "--dir", "keys"]
    )
    .contains("never overwritten"));

    std::fs::write(dir.join("registry.json"), PAYLOAD).expect("payload");
    ok(
        &dir,
        &[
            "registry",
            "root",
            "init",
            "--root-key",
            "keys/root-a.pub.pem",
            "--root-key",
            "keys/root-b.pub.pem",
            "--root-key",
            "keys/root-c.pub.pem",
            "--root-threshold",
            "2",
            "--registry-key",
            "keys/reg-a.pub.pem",
            "--registry-key",
            "keys/reg-b.pub.pem",
            "--registry-key",
            "keys/reg-c.pub.pem",
            "--registry-threshold",
            "2",
        ],
    );
    // A registry key cannot sign a root.
    assert!(fail(
        &dir,
        &["registry", "root", "sign", "--key", "keys/reg-a.key.pem"]
    )
    .contains("cannot sign it"));
    ok(
        &dir,
        &["registry", "root", "sign", "--key", "keys/root-a.key.pem"],
    );
    ok(
        &dir,
        &["registry", "root", "sign", "--key", "keys/root-b.key.pem"],
    );
    assert!(ok(&dir, &["registry", "root", "status"]).contains("2/2 own root signatures"));

    // Version 1: signed 2 of 3, published.
    ok(
        &dir,
        &["registry", "sign", "--yes", "--key", "keys/reg-a.key.pem"],
    );
    assert!(
        fail(&dir, &["registry", "publish"]).contains("would not verify"),
        "1 of 2 signatures is not enough"
    );
    ok(
        &dir,
        &["registry", "sign", "--yes", "--key", "keys/reg-b.key.pem"],
    );
    ok(&dir, &["registry", "publish"]);
    let v1 = std::fs::read(dir.join("dist/registry.signed.json")).expect("v1");

    // Version 2: a new channel (normalized, with a lookalike warning), bumped, signed, published.
    let o = bin(
        &dir,
        &[
            "registry",
            "channel",
            "add",
            "--brand",
            "acme",
            "--kind",
            "x",
            "--value",
            "@AcmeWallet",
            "--source",
            "pages: https://acme-wallet.com/contact",
        ],
    );
    assert!(o.status.success());
    let o = bin(
        &dir,
        &[
            "registry",
            "channel",
            "add",
            "--brand",
            "acme",
            "--kind",
            "domain",
            "--value",
            "https://tokenp0cket.net/",
            "--source",
            "pages: https://acme-wallet.com/",
        ],
    );
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("looks like tokenpocket") || o.status.success(),
        "added; cross-brand warnings need another brand"
    );
    assert!(fail(
        &dir,
        &[
            "registry",
            "channel",
            "add",
            "--brand",
            "acme",
            "--kind",
            "phone",
            "--value",
            "12",
            "--source",
            "pages: https://acme-wallet.com/"
        ]
    )
    .contains("not valid"));
    // A source in neither form is refused, saying the forms; the day the source was read is a
    // calendar day.
    for (extra, refusal) in [
        (
            &["--source", "their website"][..],
            "'owner/repo:path@commit' or 'pages: URL'",
        ),
        (
            &[
                "--source",
                "pages: https://acme-wallet.com/",
                "--checked",
                "2026-02-30",
            ][..],
            "not a day written YYYY-MM-DD",
        ),
    ] {
        let mut args = vec![
            "registry", "channel", "add", "--brand", "acme", "--kind", "x", "--value", "Acme",
        ];
        args.extend_from_slice(extra);
        assert!(fail(&dir, &args).contains(refusal), "{extra:?}");
    }
    assert!(
        fail(
            &dir,
            &["registry", "sign", "--yes", "--key", "keys/reg-a.key.pem"]
        )
        .contains("bump"),
        "same version as published"
    );
    ok(&dir, &["registry", "bump", "--expires", "90d"]);
    assert!(fail(&dir, &["registry", "bump", "--expires", "400d"]).contains("maximum"));
    // The new lookalike of TokenPocket's site is flagged and nothing is signed, until each
    // signer accepts it explicitly.
    let refused = fail(
        &dir,
        &["registry", "sign", "--yes", "--key", "keys/reg-c.key.pem"],
    );
    assert!(
        refused.contains("nothing was signed")
            && refused.contains("acme domain 'tokenp0cket.net' looks like TokenPocket's"),
        "{refused}"
    );
    let signed = ok(
        &dir,
        &[
            "registry",
            "sign",
            "--yes",
            "--accept-lookalikes",
            "--key",
            "keys/reg-c.key.pem",
        ],
    );
    assert!(
        signed.contains("+ acme") && signed.contains("x AcmeWallet"),
        "sign shows the semantic diff: {signed}"
    );
    ok(
        &dir,
        &[
            "registry",
            "sign",
            "--yes",
            "--accept-lookalikes",
            "--key",
            "keys/reg-a.key.pem",
        ],
    );
    assert!(ok(&dir, &["registry", "status"]).contains("signatures 2/2"));
    // What a publish killed mid-write leaves in dist/ is cleared by the next one.
    let stale = dir.join("dist/.registry.signed.json.cg-4242-17.tmp");
    std::fs::write(&stale, "half a file").expect("a stale temporary file");
    ok(&dir, &["registry", "publish"]);
    assert!(
        !stale.exists(),
        "publish clears a killed publish's temporary file"
    );
    let v2 = std::fs::read(dir.join("dist/registry.signed.json")).expect("v2");
    let diff = ok(
        &dir,
        &[
            "registry",
            "diff",
            "--json",
            "registry.json",
            "dist/registry.signed.json",
        ],
    );
    assert!(diff.contains("\"changes\": []"), "{diff}");
    assert!(ok(
        &dir,
        &["registry", "verify", "--anchor", "root/1.root.json"]
    )
    .contains("OK"));
    assert!(ok(
        &dir,
        &[
            "registry",
            "check-expiry",
            "--within",
            "30",
            "--anchor",
            "root/1.root.json"
        ]
    )
    .contains("registry expires"));
    assert_eq!(
        bin(
            &dir,
            &[
                "registry",
                "check-expiry",
                "--within",
                "120",
                "--anchor",
                "root/1.root.json"
            ]
        )
        .status
        .code(),
        Some(1)
    );

    // check --registry uses the verified file.
    let o = bin(
        &dir,
        &[
            "check",
            "--registry",
            "dist/registry.signed.json",
            "--anchor",
            "root/1.root.json",
            "acme-wallet.com",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // Against the compiled-in root it does not verify.
    assert_eq!(
        bin(
            &dir,
            &[
                "check",
                "--registry",
                "dist/registry.signed.json",
                "acme-wallet.com"
            ]
        )
        .status
        .code(),
        Some(2)
    );

    // The CLI keeps what it accepted in its trust store, across runs: after v2, the v1 file is
    // a rollback, and `check` without --registry uses v2 from the store.
    std::fs::write(dir.join("v1.signed.json"), &v1).expect("v1 file");
    let store = dir.join("store");
    let with_store = |args: &[&str]| {
        let mut all = vec!["check", "--store", "store", "--anchor", "root/1.root.json"];
        all.extend_from_slice(args);
        bin(&dir, &all)
    };
    let accepted = with_store(&[
        "--registry",
        "dist/registry.signed.json",
        "x.com/AcmeWallet",
    ]);
    assert_eq!(accepted.status.code(), Some(0), "v2 accepted and official");
    let replayed = with_store(&["--registry", "v1.signed.json", "acme-wallet.com"]);
    assert_eq!(replayed.status.code(), Some(2));
    let said = String::from_utf8_lossy(&replayed.stderr);
    assert!(
        said.contains("v1.signed.json was not accepted")
            && said.contains("version 1 is older than the trusted version 2"),
        "{said}"
    );
    let remembered = with_store(&["x.com/AcmeWallet"]);
    assert_eq!(remembered.status.code(), Some(0), "the store's v2 is used");
    assert!(std::fs::read_dir(&store).expect("the store folder").count() == 1);

    // The app: trusts root 1, updates to v1 then v2; replaying v1 is rejected.
    let anchor_bytes = std::fs::read(dir.join("root/1.root.json")).expect("anchor");
    let anchor = Anchor::root(&anchor_bytes);
    let mut store = MemoryStore::default();
    let now = Timestamp::parse(common::NOW).expect("time");
    assert_eq!(
        update(&anchor, &v1, &mut store, now),
        Ok(UpdateOutcome::Updated { from: 0, to: 1 })
    );
    assert_eq!(
        update(&anchor, &v2, &mut store, now),
        Ok(UpdateOutcome::Updated { from: 1, to: 2 })
    );
    assert_eq!(
        update(&anchor, &v2, &mut store, now),
        Ok(UpdateOutcome::Unchanged)
    );
    assert_eq!(
        update(&anchor, &v1, &mut store, now),
        Err(VerifyError::Rollback {
            trusted: 2,
            found: 1
        })
    );
    let (trusted, freshness) = load_trusted(&anchor, &store, now).expect("stored update loads");
    assert_eq!(freshness, Freshness::Fresh);
    assert_eq!(trusted.registry().version(), 2);
    let checker = Checker::new(trusted);
    assert_eq!(
        checker.check("https://x.com/AcmeWallet").status,
        Status::Official
    );
    assert_eq!(
        checker.check("acme-wallet-support.com").status,
        Status::Impersonation
    );

    // Keys readable by others are refused.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            keys.join("reg-b.key.pem"),
            std::fs::Permissions::from_mode(0o644),
        )
        .expect("chmod");
        assert!(fail(
            &dir,
            &["registry", "sign", "--yes", "--key", "keys/reg-b.key.pem"]
        )
        .contains("chmod 600"));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn channel_add(dir: &Path, value: &str) -> Command {
    let mut command = command(
        dir,
        &[
            "registry", "channel", "add", "--brand", "acme", "--kind", "email",
        ],
    );
    command
        .args([
            "--value",
            value,
            "--source",
            "pages: https://acme-wallet.com/",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    command
}

fn emails(dir: &Path) -> Vec<String> {
    let bytes = std::fs::read(dir.join("registry.json")).expect("registry.json is there");
    let registry = contactguard::Registry::from_json(&bytes).expect("registry.json loads");
    let mut values: Vec<String> = registry.data().brands[0]
        .channels
        .iter()
        .filter(|c| c.kind.as_str() == "email")
        .map(|c| c.value.clone())
        .collect();
    values.sort();
    values
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

/// Eight edits started at once all land: the lock makes each wait for the one before, so no
/// edit reads a registry another is about to replace.
#[test]
fn concurrent_edits_wait_for_the_lock_and_all_land() {
    let dir = tempdir("concurrent");
    std::fs::write(dir.join("registry.json"), PAYLOAD).expect("payload");
    let children: Vec<_> = (0..8)
        .map(|i| {
            channel_add(&dir, &format!("help{i}@acme-wallet.com"))
                .spawn()
                .expect("spawn")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let expected: Vec<String> = (0..8).map(|i| format!("help{i}@acme-wallet.com")).collect();
    assert_eq!(emails(&dir), expected, "no edit was lost");
    assert!(leftovers(&dir).is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

/// An edit killed at any moment leaves the registry as it was before or after the edit, whole
/// and loadable; the next command is not blocked by the dead one's lock and clears its
/// temporary file.
#[test]
fn a_killed_edit_leaves_the_registry_whole() {
    let dir = tempdir("killed");
    std::fs::write(dir.join("registry.json"), PAYLOAD).expect("payload");
    let mut landed = Vec::new();
    let mut mid_write = 0;
    for i in 0..80u64 {
        let value = format!("kill{i:02}@acme-wallet.com");
        let mut child = channel_add(&dir, &value).spawn().expect("spawn");
        std::thread::sleep(std::time::Duration::from_micros(i * 100));
        let _ = child.kill();
        let _ = child.wait();
        mid_write += usize::from(!leftovers(&dir).is_empty());
        let now = emails(&dir);
        if now.contains(&value) {
            landed.push(value);
        }
        assert_eq!(now, landed, "after a kill at {} µs", i * 100);
    }
    eprintln!(
        "{} of 80 killed edits landed; {mid_write} left a temporary file",
        landed.len()
    );
    let o = channel_add(&dir, "after@acme-wallet.com")
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(emails(&dir).contains(&"after@acme-wallet.com".to_string()));
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    let _ = std::fs::remove_dir_all(&dir);
}

/// keygen killed at any moment never leaves a secret key without its public half, and the next
/// keygen in the folder clears the temporary copies of secrets a killed one left.
#[test]
fn a_killed_keygen_leaves_no_lone_secret_and_no_copy_of_one() {
    let dir = tempdir("killed-keygen");
    let keys = dir.join("keys");
    std::fs::create_dir_all(&keys).expect("keys dir");
    let mut copies = 0;
    for i in 0..60u64 {
        let name = format!("k{i:02}");
        let mut child = command(
            &dir,
            &["registry", "keygen", "--name", &name, "--dir", "keys"],
        )
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
        std::thread::sleep(std::time::Duration::from_micros(i * 150));
        let _ = child.kill();
        let _ = child.wait();
        copies += usize::from(!leftovers(&keys).is_empty());
        let secret = keys.join(format!("{name}.key.pem")).exists();
        let public = keys.join(format!("{name}.pub.pem")).exists();
        assert!(
            !secret || public,
            "{name}: a secret key without its public half"
        );
    }
    eprintln!("{copies} of 60 killed keygens left a temporary file");
    ok(
        &dir,
        &["registry", "keygen", "--name", "after", "--dir", "keys"],
    );
    assert!(leftovers(&keys).is_empty(), "{:?}", leftovers(&keys));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `bump` at the largest version refuses instead of wrapping round to 0.
#[test]
fn bump_at_the_largest_version_refuses() {
    let dir = tempdir("bump-max");
    let payload = PAYLOAD.replace("\"version\": 1,", &format!("\"version\": {},", u64::MAX));
    std::fs::write(dir.join("registry.json"), &payload).expect("payload");
    let said = fail(&dir, &["registry", "bump"]);
    assert!(
        said.contains(&format!("version {}, the largest there is", u64::MAX)),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("registry.json")).expect("payload"),
        payload,
        "nothing changed"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lint_and_verify_report_problems() {
    let dir = tempdir("lint");
    std::fs::write(
        dir.join("bad.json"),
        r#"{"spec_version":1,"version":1,"issued_at":"x","expires":"y","brands":[],"oops":1}"#,
    )
    .expect("file");
    let o = bin(&dir, &["registry", "lint", "bad.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("unknown field 'oops'"));
    std::fs::write(dir.join("junk.json"), "{}").expect("file");
    let o = bin(&dir, &["registry", "verify", "junk.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("INVALID"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A new team, as the README walks it: `registry init` makes a working signing folder in one
/// command; a channel is added, the version bumped, signed and published; a reader accepts it
/// with `update` and checks with it. The errors a new team meets say what is wrong.
#[test]
fn a_new_team_starts_with_init_and_is_told_what_is_wrong() {
    let dir = tempdir("new-team");
    let out = ok(
        &dir,
        &[
            "registry", "init", "--dir", "team", "--keys", "keys", "--name", "alice",
        ],
    );
    assert!(out.contains("A signing folder is ready in team"), "{out}");
    assert!(dir.join("team/dist/registry.signed.json").exists());
    assert!(fail(
        &dir,
        &["registry", "init", "--dir", "team", "--keys", "keys2"]
    )
    .contains("already a signing folder"));
    let team = dir.join("team");
    ok(
        &team,
        &[
            "registry",
            "brand",
            "add",
            "--id",
            "acme",
            "--name",
            "Acme Wallet",
        ],
    );
    ok(
        &team,
        &[
            "registry",
            "channel",
            "add",
            "--brand",
            "acme",
            "--kind",
            "domain",
            "--value",
            "acme-wallet.com",
            "--confidence",
            "high",
            "--source",
            "pages: https://acme-wallet.com/",
        ],
    );
    ok(&team, &["registry", "bump"]);
    // Signing with the public half says so.
    assert!(fail(
        &team,
        &[
            "registry",
            "sign",
            "--yes",
            "--key",
            "../keys/alice-registry.pub.pem"
        ]
    )
    .contains("is a public key: signing needs the secret half"));
    ok(
        &team,
        &[
            "registry",
            "sign",
            "--yes",
            "--key",
            "../keys/alice-registry.key.pem",
        ],
    );
    ok(&team, &["registry", "publish"]);
    // Without the team's root, a reader is told to pass it.
    let o = bin(&team, &["registry", "verify", "dist/registry.signed.json"]);
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("pass its root with --anchor"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(fail(
        &team,
        &[
            "registry",
            "check-expiry",
            "--within",
            "400",
            "--anchor",
            "root/1.root.json"
        ]
    )
    .contains("start a new version (`registry bump`)"));
    // A reader accepts version 2 and checks with it.
    let out = ok(
        &team,
        &[
            "update",
            "--store",
            "../store",
            "--anchor",
            "root/1.root.json",
            "--from",
            "dist/registry.signed.json",
        ],
    );
    assert!(out.contains("Updated: registry version 0 → 2"), "{out}");
    let out = ok(
        &team,
        &[
            "check",
            "--store",
            "../store",
            "--anchor",
            "root/1.root.json",
            "acme-wallet.com",
        ],
    );
    assert!(out.contains("OFFICIAL"), "{out}");
}

/// `publish` with too few signatures names whose are missing.
#[test]
fn publish_names_the_missing_signers() {
    let dir = tempdir("missing-signers");
    std::fs::create_dir_all(dir.join("k")).expect("keys");
    for name in ["r1", "ann", "ben"] {
        ok(&dir, &["registry", "keygen", "--name", name, "--dir", "k"]);
    }
    std::fs::write(dir.join("registry.json"), PAYLOAD).expect("payload");
    ok(
        &dir,
        &[
            "registry",
            "root",
            "init",
            "--root-key",
            "k/r1.pub.pem",
            "--root-threshold",
            "1",
            "--registry-key",
            "k/ann.pub.pem",
            "--registry-key",
            "k/ben.pub.pem",
            "--registry-threshold",
            "2",
        ],
    );
    ok(&dir, &["registry", "root", "sign", "--key", "k/r1.key.pem"]);
    ok(
        &dir,
        &["registry", "sign", "--yes", "--key", "k/ann.key.pem"],
    );
    let refused = fail(&dir, &["registry", "publish"]);
    assert!(
        refused.contains("1 of the 2 signatures needed")
            && refused.contains("Not yet signed by: ben"),
        "{refused}"
    );
}
