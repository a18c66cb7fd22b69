//! Replays every fuzz seed and every input that ever crashed a fuzz target (`fuzz/seeds/*`,
//! `fuzz/regressions/*`) through the same property checks the targets run, plus the test
//! vectors and scan texts as seeds, so CI checks the properties without a fuzzer.

mod props;

use std::fs;
use std::path::Path;

/// Runs `property` on every file under `fuzz/{seeds,regressions}/<target>/`; returns how many.
fn replay(target: &str, property: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in ["seeds", "regressions"] {
        let Ok(entries) = fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("readable entry").path();
            let data = fs::read(&path).expect("readable seed");
            property(&data);
            n += 1;
        }
    }
    n
}

/// Inputs of the test vectors (first column of every `tests/data/*.tsv`).
fn vector_inputs() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("tests/data") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "tsv") {
            let text = fs::read_to_string(&path).expect("UTF-8 vectors");
            out.extend(
                text.lines()
                    .filter(|l| !l.starts_with('#') && !l.is_empty())
                    .filter_map(|l| l.split('\t').next())
                    .map(str::to_owned),
            );
        }
    }
    out
}

#[test]
fn check_corpus_and_vectors() {
    let n = replay("check", props::check_bytes);
    for input in vector_inputs() {
        props::check_bytes(input.as_bytes());
    }
    assert!(n > 0, "no check seeds");
}

#[test]
fn scan_corpus_and_texts() {
    let n = replay("scan", props::scan_bytes);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/scan");
    for entry in fs::read_dir(dir).expect("tests/data/scan") {
        props::scan_bytes(&fs::read(entry.expect("entry").path()).expect("readable"));
    }
    assert!(n > 0, "no scan seeds");
}

#[test]
fn registry_corpus() {
    assert!(replay("registry", props::registry_bytes) > 0);
    props::registry_bytes(contactguard::registry::BUILTIN_JSON);
}

#[test]
fn bundle_corpus() {
    assert!(replay("bundle", props::bundle_bytes) > 0);
    props::bundle_bytes(contactguard::registry::BUILTIN_BUNDLE);
}

/// No secret key is committed, not even a seed: the replay makes its own, and the property
/// reads them too.
#[test]
fn pem_corpus() {
    assert!(replay("pem", props::pem_bytes) > 0);
    for _ in 0..4 {
        let key = contactguard::trust::keys::SecretKey::generate().expect("randomness");
        props::pem_bytes(key.to_pem().as_bytes());
        props::pem_bytes(key.public().to_pem().as_bytes());
    }
}
