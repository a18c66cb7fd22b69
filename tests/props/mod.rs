//! Properties that must hold for any input, shared by the fuzz targets (`fuzz/`) and by
//! `tests/fuzz_replay.rs`, which replays the committed corpora and every crash ever found as an
//! ordinary test. Each function takes raw bytes and panics when a property fails.

#![allow(dead_code)]

use std::sync::OnceLock;

use contactguard::input::handle::Platform;
use contactguard::registry::{Registry, BUILTIN_ANCHOR};
use contactguard::trust::keys::{PublicKey, SecretKey};
use contactguard::trust::store::{load_update, Anchor, MemoryStore};
use contactguard::trust::time::Timestamp;
use contactguard::trust::TrustedRegistry;
use contactguard::{CheckOptions, Checker, Kind, Status, Technique, Verdict};

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| Checker::builtin().expect("the embedded registry verifies"))
}

/// `official` only for an exact channel (or a host inside an official domain) of the brand.
fn official_is_earned(v: &Verdict) {
    if v.status != Status::Official {
        return;
    }
    let first = v.findings.first().expect("an official verdict says why");
    assert!(
        matches!(
            first.technique,
            Technique::Exact | Technique::OfficialSubdomain
        ),
        "official by {:?} for {:?}",
        first.technique,
        v.input
    );
    let target = first
        .target
        .as_ref()
        .expect("an official verdict names its channel");
    let brand = checker()
        .registry()
        .brand(&target.brand)
        .expect("the target brand is in the registry");
    assert!(
        brand
            .channels
            .iter()
            .any(|c| c.kind == target.kind && c.value == target.value),
        "official target {target:?} is not a registry channel"
    );
}

/// Any bytes as every kind of contact: a verdict, no panic; `official` only when earned;
/// cleaning is idempotent.
pub fn check_bytes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let c = checker();
    official_is_earned(&c.check(text));
    for kind in [
        Kind::Url,
        Kind::Domain,
        Kind::Phone,
        Kind::Handle,
        Kind::Email,
    ] {
        official_is_earned(&c.check_with(text, &CheckOptions::default().kind(kind)));
    }
    official_is_earned(
        &c.check_with(
            text,
            &CheckOptions::default()
                .kind(Kind::Handle)
                .platform(Platform::Telegram),
        ),
    );
    official_is_earned(&c.check_with(text, &CheckOptions::default().brand("tokenpocket")));
    let once = contactguard::normalize::clean(text).text;
    let twice = contactguard::normalize::clean(&once).text;
    assert_eq!(once, twice, "clean is not idempotent on {text:?}");
}

/// Any text or HTML: a report whose spans lie on character boundaries and hold the items'
/// text; `official` only when earned.
pub fn scan_bytes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let report = checker().scan(text);
    for item in &report.items {
        assert!(item.span.start < item.span.end && item.span.end <= text.len());
        assert_eq!(text.get(item.span.clone()), Some(item.text.as_str()));
        official_is_earned(&item.verdict);
    }
    for m in &report.mentions {
        assert_eq!(text.get(m.span.clone()), Some(m.text.as_str()));
    }
    for c in &report.claims {
        assert_eq!(text.get(c.span.clone()), Some(c.text.as_str()));
    }
}

/// Any bytes as a registry payload: parsed or refused, and linted, without a panic.
pub fn registry_bytes(data: &[u8]) {
    let parsed = Registry::from_json(data);
    let problems = contactguard::registry::lint::lint(data);
    if parsed.is_err() {
        assert!(
            !problems.is_empty(),
            "lint passes a payload the parser refuses"
        );
    }
}

/// Any bytes as a distribution file: verification from the compiled-in root either fails or
/// yields exactly the shipped registry (the only file signed with the release keys).
pub fn bundle_bytes(data: &[u8]) {
    // A time inside the shipped file's validity.
    let now = Timestamp::from_unix(1_795_000_000);
    let mut store = MemoryStore::default();
    if let Ok((trusted, _)) = load_update(&Anchor::root(BUILTIN_ANCHOR), data, &mut store, now) {
        let shipped = TrustedRegistry::builtin().expect("the embedded registry verifies");
        assert_eq!(
            trusted.registry().digest_hex(),
            shipped.registry().digest_hex(),
            "a different payload verified"
        );
    }
}

/// Any bytes as PEM keys: parsed or refused without a panic; a parsed key round-trips.
pub fn pem_bytes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(key) = PublicKey::from_pem(text) {
        let again = PublicKey::from_pem(&key.to_pem()).expect("a written key reads back");
        assert_eq!(again.key_id(), key.key_id());
    }
    if let Ok(key) = SecretKey::from_pem(text) {
        let again = SecretKey::from_pem(&key.to_pem()).expect("a written key reads back");
        assert_eq!(again.public().key_id(), key.public().key_id());
    }
}
