//! Runs the examples in `examples/` and checks what they print: each example keeps `main`
//! thin and exposes the function that does the work, included here as a module.

mod common;

use std::fs;
use std::path::PathBuf;

use contactguard::registry::BUILTIN_BUNDLE;
use contactguard::trust::store::TrustStore;
use contactguard::trust::time::Timestamp;
use contactguard::Checker;

// Each example's `main` is only called when it runs on its own.
#[allow(dead_code)]
#[path = "../examples/check_link.rs"]
mod check_link;
#[allow(dead_code)]
#[path = "../examples/registry_update.rs"]
mod registry_update;
#[allow(dead_code)]
#[path = "../examples/wallet_guard.rs"]
mod wallet_guard;

use wallet_guard::Decision;

#[test]
fn check_link_prints_the_verdict() -> Result<(), contactguard::Error> {
    assert_eq!(
        check_link::describe("https://tokenp0cket.pro/login")?,
        "https://tokenp0cket.pro/login: impersonation\n\
         \x20 homoglyph: looks the same but is not: '0' (DIGIT ZERO) in place of 'o'\n\
         \x20 use instead: tokenpocket.pro\n\
         \x20 use instead: tpwallet.io\n\
         \x20 use instead: help.tokenpocket.pro\n"
    );
    assert_eq!(
        check_link::describe("https://tokenpocket.pro")?,
        "https://tokenpocket.pro: official\n  exact: exactly an official channel\n"
    );
    assert_eq!(
        check_link::describe("example.org")?,
        "example.org: unknown\n"
    );
    Ok(())
}

/// The message itself, with the marks the guard added taken out again.
fn unmarked(shown: &str) -> String {
    let mut text = shown.trim_start_matches("│ ").to_owned();
    for n in (1..10).rev() {
        for mark in ["⚠", "✓", "?"] {
            text = text.replace(&format!(" {mark}{n}"), "");
        }
    }
    text
}

#[test]
fn wallet_guard_warns_about_every_impersonation() -> Result<(), contactguard::Error> {
    let checker = Checker::builtin()?;
    let scam = wallet_guard::SAMPLES[0];
    let decisions: Vec<Decision> = checker
        .scan(scam)
        .items
        .iter()
        .map(wallet_guard::decide)
        .collect();
    assert_eq!(
        decisions,
        [
            Decision::Warn,
            Decision::Warn,
            Decision::Warn,
            Decision::Official
        ]
    );

    let shown = wallet_guard::render(&checker, scam);
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(unmarked(lines[0]), scam, "the message is shown whole");
    assert!(lines[0].contains("hotline 400-888-2345 ⚠1 or"), "{shown}");
    assert!(lines[0].ends_with("https://tokenpocket.pro ✓4"), "{shown}");
    let expected = [
        "  ⚠1 400-888-2345: WARNING, not TokenPocket: TokenPocket publishes no phone number at all: \
         whoever answers is not TokenPocket. Do not call, pay or share your seed phrase.",
        "      reach TokenPocket only through: service@tokenpocket.pro, tokenpocket.pro, \
         tpwallet.io (+11 more)",
        "  ⚠2 https://tokenp0cket.pro/verify: WARNING, not TokenPocket: looks the same but is not: \
         '0' (DIGIT ZERO) in place of 'o'. Do not call, pay or share your seed phrase.",
        "      reach TokenPocket only through: tokenpocket.pro, tpwallet.io, help.tokenpocket.pro \
         (+10 more)",
        "  ⚠3 @TokenPocket_Support: WARNING, not TokenPocket: the name 'TokenPocket' with the words \
         'Support'. Do not call, pay or share your seed phrase.",
        "      reach TokenPocket only through: tokenpocket_en, tokenPocket_cn, tokenpocket_kor",
        "  ✓4 https://tokenpocket.pro: official TokenPocket website",
    ];
    assert_eq!(lines[1..], expected, "{shown}");
    Ok(())
}

#[test]
fn wallet_guard_says_unverified_and_official_never_safe() -> Result<(), contactguard::Error> {
    let checker = Checker::builtin()?;
    assert_eq!(
        wallet_guard::render(&checker, wallet_guard::SAMPLES[1]),
        "│ Lunch at 12:30? The menu is at https://bakery-menu.net/today ?1, or call me on \
         +44 20 7946 0958 ?2\n\
         \x20 ?1 https://bakery-menu.net/today: unverified: not in the registry, nobody can vouch for it\n\
         \x20 ?2 +44 20 7946 0958: unverified: not in the registry, nobody can vouch for it\n"
    );
    assert_eq!(
        wallet_guard::render(&checker, wallet_guard::SAMPLES[2]),
        "│ MetaMask's help centre is https://support.metamask.io ✓1 and their X is @MetaMask ✓2\n\
         \x20 ✓1 https://support.metamask.io: official MetaMask website\n\
         \x20 ✓2 @MetaMask: official MetaMask X account\n"
    );
    for message in wallet_guard::SAMPLES
        .iter()
        .chain(&["TP钱包客服热线 400-888-2345", "hello"])
    {
        let shown = wallet_guard::render(&checker, message);
        assert!(!shown.to_lowercase().contains("safe"), "{shown}");
        assert_eq!(unmarked(shown.lines().next().unwrap_or_default()), *message);
    }
    Ok(())
}

/// A fresh directory for one test's store.
fn scratch(name: &str) -> Result<PathBuf, std::io::Error> {
    Ok(common::fresh_dir(name))
}

#[test]
fn registry_update_accepts_once_and_rejects_tampering() -> Result<(), Box<dyn std::error::Error>> {
    let dir = scratch("registry-update")?;
    let downloaded = fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/registry.signed.json"
    ))?;
    assert_eq!(
        downloaded, BUILTIN_BUNDLE,
        "the example applies the shipped file"
    );
    let now = Timestamp::parse("2026-12-07T00:00:00Z")?;

    let log = registry_update::demo(&dir, &downloaded, now)?;
    // The version of the shipped file, whichever it is.
    let version = contactguard::Checker::builtin()?.registry().version();
    assert_eq!(
        log,
        format!(
            "download: accepted, registry version 0 -> {version}\n\
             replay: not applied, this version is already trusted; store untouched: true\n\
             tampered: rejected: 0 valid signature(s) from the Registry keys, 2 required\n\
             store untouched: true\n\
             restart: registry version {version} from Update, Fresh\n\
             tokenpocket.pro: official\n"
        )
    );
    let stored = fs::read(dir.join("trust.store"))?;
    let head = format!("contactguard-trust-store/1 floor={version} root_version=1 ");
    assert!(stored.starts_with(head.as_bytes()));
    assert!(stored.ends_with(BUILTIN_BUNDLE));
    assert!(
        !dir.join("trust.tmp").exists(),
        "the temporary file was renamed"
    );

    // The store persists: a second run finds the version already trusted.
    let again = registry_update::demo(&dir, &downloaded, now)?;
    assert!(
        again.starts_with("download: not applied, this version is already trusted\n"),
        "{again}"
    );
    fs::remove_dir_all(&dir)?;
    Ok(())
}

#[test]
fn registry_update_store_refuses_damage() -> Result<(), Box<dyn std::error::Error>> {
    let dir = scratch("registry-store")?;
    let path = dir.join("trust.store");
    let store = registry_update::FileStore::new(&path);
    assert_eq!(store.load(), Ok(None), "no file yet: nothing stored");
    for damaged in [
        &b""[..],
        b"contactguard-trust-store/1 floor=x\n{}",
        b"other/1 floor=1\n",
        b"\xff\n",
    ] {
        fs::write(&path, damaged)?;
        let refused = store.load();
        assert!(
            matches!(&refused, Err(e) if e.contains("damaged")),
            "{refused:?}"
        );
    }
    let tampered = registry_update::tamper(BUILTIN_BUNDLE).ok_or("a payload to tamper with")?;
    assert_eq!(tampered.len(), BUILTIN_BUNDLE.len());
    assert_ne!(tampered, BUILTIN_BUNDLE);
    fs::remove_dir_all(&dir)?;
    Ok(())
}
