//! Checkers from signed distribution files: verified before use, refused with a code and a
//! message that says what to do when they do not verify.

use std::path::{Path, PathBuf};
use std::ptr;

use serde_json::{json, Value};

use contactguard::registry::{Registry, BUILTIN_ANCHOR, BUILTIN_BUNDLE, BUILTIN_JSON};
use contactguard::trust::envelope::{Envelope, REGISTRY_TYPE, ROOT_TYPE};
use contactguard::trust::keys::SecretKey;
use contactguard::trust::time::Timestamp;
use contactguard::trust::verify::bundle;
use contactguard_ffi::*;

use crate::util::{check, take_error};

/// A day after the embedded registry was issued: inside its validity.
fn issue_day() -> Timestamp {
    let registry = Registry::from_json(BUILTIN_JSON).expect("the embedded registry parses");
    Timestamp::parse(&registry.data().issued_at)
        .expect("issued_at is a time")
        .plus_days(1)
}

/// A new, empty trust-store folder, one per call (tests run in parallel).
fn fresh_store(name: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "contactguard-abi-{name}-{}-{n}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// `cg_checker_new_signed` with a fresh store: the checker, or the error's code and message.
fn signed(
    file: &[u8],
    anchor: Option<&[u8]>,
    now: Timestamp,
) -> Result<*mut cg_checker, (cg_code, String)> {
    signed_in(&fresh_store("signed"), file, anchor, now)
}

/// `cg_checker_new_signed` through the store in `store`.
fn signed_in(
    store: &Path,
    file: &[u8],
    anchor: Option<&[u8]>,
    now: Timestamp,
) -> Result<*mut cg_checker, (cg_code, String)> {
    let (anchor_ptr, anchor_len) = anchor.map_or((ptr::null(), 0), |a| (a.as_ptr(), a.len()));
    let dir = store.to_str().expect("a UTF-8 temp path");
    let mut checker = ptr::null_mut();
    let mut error = ptr::null_mut();
    // SAFETY: the buffers are readable for their lengths; the out-parameters are valid.
    let code = unsafe {
        cg_checker_new_signed(
            file.as_ptr(),
            file.len(),
            anchor_ptr,
            anchor_len,
            dir.as_ptr().cast(),
            dir.len(),
            now.unix(),
            &mut checker,
            &mut error,
        )
    };
    outcome(code, checker, error)
}

/// `cg_checker_new_stored` on the store in `store`.
fn stored(
    store: &Path,
    anchor: Option<&[u8]>,
    now: Timestamp,
) -> Result<*mut cg_checker, (cg_code, String)> {
    let (anchor_ptr, anchor_len) = anchor.map_or((ptr::null(), 0), |a| (a.as_ptr(), a.len()));
    let dir = store.to_str().expect("a UTF-8 temp path");
    let mut checker = ptr::null_mut();
    let mut error = ptr::null_mut();
    // SAFETY: as in `signed_in`.
    let code = unsafe {
        cg_checker_new_stored(
            anchor_ptr,
            anchor_len,
            dir.as_ptr().cast(),
            dir.len(),
            now.unix(),
            &mut checker,
            &mut error,
        )
    };
    outcome(code, checker, error)
}

fn outcome(
    code: cg_code,
    checker: *mut cg_checker,
    error: *mut cg_error,
) -> Result<*mut cg_checker, (cg_code, String)> {
    if code == cg_code::Ok {
        assert!(error.is_null());
        Ok(checker)
    } else {
        assert!(checker.is_null(), "no checker on failure");
        let (error_code, message) = take_error(error);
        assert_eq!(error_code, code);
        Err((code, message))
    }
}

fn free(checker: *mut cg_checker) {
    // SAFETY: from `signed`, freed once.
    unsafe { cg_checker_free(checker) };
}

#[test]
fn embedded_file_verifies_from_the_compiled_in_root() {
    for anchor in [None, Some(BUILTIN_ANCHOR)] {
        let checker = signed(BUILTIN_BUNDLE, anchor, issue_day()).expect("verifies");
        let embedded = Registry::from_json(BUILTIN_JSON).expect("parses").version();
        // SAFETY: a live checker.
        assert_eq!(unsafe { cg_checker_registry_version(checker) }, embedded);
        let v = check(checker, b"tokenpocket.pro").expect("checks");
        assert_eq!(v.status, cg_status::Official);
        free(checker);
    }
}

#[test]
fn a_file_that_is_no_registry_is_refused_with_what_to_do() {
    let (code, message) = signed(b"not a registry", None, issue_day()).expect_err("refused");
    assert_eq!(code, cg_code::VerifyFailed);
    assert!(message.contains("the file is malformed"), "{message}");
    assert!(
        message.contains("contactguard registry publish"),
        "{message}"
    );
    assert!(
        message.contains("keep using the checker you have"),
        "{message}"
    );
}

#[test]
fn a_tampered_payload_is_refused() {
    let mut file: Value = serde_json::from_slice(BUILTIN_BUNDLE).expect("JSON");
    let mut envelope = Envelope::from_value(file["registry"].clone()).expect("an envelope");
    let payload = String::from_utf8(envelope.payload).expect("UTF-8 payload");
    assert!(payload.contains("\"tokenpocket.pro\""));
    envelope.payload = payload
        .replacen("\"tokenpocket.pro\"", "\"tokenpocket.pw\"", 1)
        .into_bytes();
    file["registry"] = envelope.to_value();
    let tampered = serde_json::to_vec(&file).expect("JSON");

    let (code, message) = signed(&tampered, None, issue_day()).expect_err("refused");
    assert_eq!(code, cg_code::VerifyFailed);
    assert!(message.contains("0 valid signature(s)"), "{message}");
}

#[test]
fn a_flipped_signature_byte_is_refused() {
    let text = std::str::from_utf8(BUILTIN_BUNDLE).expect("UTF-8");
    let at = text.find("\"sig\"").expect("a signature") + 12;
    let mut flipped = BUILTIN_BUNDLE.to_vec();
    flipped[at] = if flipped[at] == b'A' { b'B' } else { b'A' };
    let (code, _) = signed(&flipped, None, issue_day()).expect_err("refused");
    assert_eq!(code, cg_code::VerifyFailed);
}

#[test]
fn an_expired_or_future_file_is_refused_as_expired() {
    let long_after = issue_day().plus_days(3650);
    let (code, message) = signed(BUILTIN_BUNDLE, None, long_after).expect_err("expired");
    assert_eq!(code, cg_code::Expired);
    assert!(message.contains("expired"), "{message}");
    assert!(
        message.contains("download a newer registry file"),
        "{message}"
    );

    let (code, message) =
        signed(BUILTIN_BUNDLE, None, Timestamp::from_unix(0)).expect_err("not yet valid");
    assert_eq!(code, cg_code::Expired);
    assert!(message.contains("check the clock"), "{message}");
}

#[test]
fn a_file_from_another_root_is_refused_by_the_compiled_in_anchor() {
    let own = OwnRoot::new();
    let (code, message) = signed(&own.file, None, issue_day()).expect_err("refused");
    assert_eq!(code, cg_code::VerifyFailed);
    assert!(message.contains("did not verify"), "{message}");

    let (code, _) = signed(BUILTIN_BUNDLE, Some(&own.anchor), issue_day()).expect_err("refused");
    assert_eq!(code, cg_code::VerifyFailed);
    let (code, _) = signed(BUILTIN_BUNDLE, Some(b"{}"), issue_day()).expect_err("refused");
    assert_eq!(code, cg_code::VerifyFailed);
}

#[test]
fn a_deployment_root_anchors_its_own_registry() {
    let own = OwnRoot::new();
    let checker = signed(&own.file, Some(&own.anchor), issue_day()).expect("verifies");
    // SAFETY: a live checker.
    assert_eq!(unsafe { cg_checker_registry_version(checker) }, 7);
    let v = check(checker, b"acme-wallet.com").expect("checks");
    assert_eq!(v.status, cg_status::Official);
    assert_eq!(v.brand_id.as_deref(), Some("acme"));
    let v = check(checker, b"acme-wa11et.com").expect("checks");
    assert_eq!(v.status, cg_status::Impersonation);
    assert_eq!(v.official_channel.as_deref(), Some("acme-wallet.com"));
    let v = check(checker, b"tokenpocket.pro").expect("checks");
    assert_eq!(
        v.status,
        cg_status::Unknown,
        "only the deployment's registry counts"
    );
    free(checker);
}

#[test]
fn the_store_remembers_the_newest_version_across_restarts() {
    let own = OwnRoot::new();
    let store = fresh_store("rollback");
    let newer = own.version(9, "acme-wallet.com");
    let checker = signed_in(&store, &newer, Some(&own.anchor), issue_day()).expect("newer");
    // SAFETY: a live checker.
    assert_eq!(unsafe { cg_checker_registry_version(checker) }, 9);
    free(checker);
    // A restart: the store holds version 9.
    let checker = stored(&store, Some(&own.anchor), issue_day()).expect("loads");
    // SAFETY: a live checker.
    assert_eq!(unsafe { cg_checker_registry_version(checker) }, 9);
    free(checker);
    // The older file (version 7, signed by the same keys) replayed after the restart.
    let (code, message) =
        signed_in(&store, &own.file, Some(&own.anchor), issue_day()).expect_err("rollback");
    assert_eq!(code, cg_code::VerifyFailed);
    assert!(
        message.contains("version 7 is older than the trusted version 9"),
        "{message}"
    );
    // A tampered store is refused, not trusted.
    for entry in std::fs::read_dir(&store).expect("the store folder") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("the store file");
        std::fs::write(&path, text.replace("\"floor\": 9", "\"floor\": 99")).expect("edit");
    }
    let (code, _) = stored(&store, Some(&own.anchor), issue_day()).expect_err("tampered");
    assert_eq!(code, cg_code::VerifyFailed);
    let _ = std::fs::remove_dir_all(&store);
}

#[test]
fn an_update_without_a_store_is_refused() {
    let mut checker = ptr::null_mut();
    let mut error = ptr::null_mut();
    // SAFETY: NULL `store_dir`, the rest valid.
    let code = unsafe {
        cg_checker_new_signed(
            BUILTIN_BUNDLE.as_ptr(),
            BUILTIN_BUNDLE.len(),
            ptr::null(),
            0,
            ptr::null(),
            0,
            issue_day().unix(),
            &mut checker,
            &mut error,
        )
    };
    assert_eq!(code, cg_code::NullArgument);
    assert!(checker.is_null());
    let (_, message) = take_error(error);
    assert!(message.contains("`store_dir` is NULL"), "{message}");
    assert!(message.contains("replayed"), "{message}");
}

/// A deployment's own root (one throwaway key per role) and a registry it signed: version 7,
/// one brand, `acme-wallet.com`; [`OwnRoot::version`] signs others.
struct OwnRoot {
    anchor: Vec<u8>,
    file: Vec<u8>,
    root: Envelope,
    registry_key: SecretKey,
}

impl OwnRoot {
    /// The same root's registry at `version`, listing `domain`.
    fn version(&self, version: u64, domain: &str) -> Vec<u8> {
        let now = issue_day();
        let registry = json!({
            "spec_version": 1,
            "version": version,
            "issued_at": now.plus_days(-1).to_string(),
            "expires": now.plus_days(90).to_string(),
            "brands": [{
                "id": "acme",
                "names": ["Acme"],
                "channels": [{"kind": "domain", "value": domain, "scope": "subdomains", "source": "test"}],
            }],
        });
        let mut registry =
            Envelope::new(REGISTRY_TYPE, serde_json::to_vec(&registry).expect("JSON"));
        registry.sign(&self.registry_key);
        bundle(std::slice::from_ref(&self.root), &registry)
    }

    fn new() -> OwnRoot {
        let root_key = SecretKey::generate().expect("OS randomness");
        let registry_key = SecretKey::generate().expect("OS randomness");
        let (root_public, registry_public) = (root_key.public(), registry_key.public());
        let now = issue_day();
        let root = json!({
            "_type": "root",
            "spec_version": 1,
            "version": 1,
            "expires": now.plus_days(365).to_string(),
            "keys": {
                root_public.key_id().to_string():
                    {"keytype": "ed25519", "public": root_public.to_base64(), "owner": "root"},
                registry_public.key_id().to_string():
                    {"keytype": "ed25519", "public": registry_public.to_base64(), "owner": "support"},
            },
            "roles": {
                "root": {"keyids": [root_public.key_id().to_string()], "threshold": 1},
                "registry": {"keyids": [registry_public.key_id().to_string()], "threshold": 1},
            },
            "registry_version_floor": 0,
        });
        let mut root = Envelope::new(ROOT_TYPE, serde_json::to_vec(&root).expect("JSON"));
        root.sign(&root_key);
        let registry = json!({
            "spec_version": 1,
            "version": 7,
            "issued_at": now.plus_days(-1).to_string(),
            "expires": now.plus_days(90).to_string(),
            "brands": [{
                "id": "acme",
                "names": ["Acme"],
                "channels": [{"kind": "domain", "value": "acme-wallet.com", "scope": "subdomains", "source": "test"}],
            }],
        });
        let mut registry =
            Envelope::new(REGISTRY_TYPE, serde_json::to_vec(&registry).expect("JSON"));
        registry.sign(&registry_key);
        OwnRoot {
            anchor: serde_json::to_vec(&root.to_value()).expect("JSON"),
            file: bundle(std::slice::from_ref(&root), &registry),
            root,
            registry_key,
        }
    }
}
