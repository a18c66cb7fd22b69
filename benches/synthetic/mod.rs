//! Deterministic synthetic registries for the `scale` bench and the `rss_10k` example: the
//! embedded registry plus N made-up brands with pronounceable names (`zorvanex`, `kelmipay`),
//! each with 2–4 domains, an e-mail address, an X handle and a Telegram handle, every channel
//! with a source. The payload is signed with throwaway Ed25519 keys (root and registry roles,
//! as `tests/trust.rs` does) and verified into a [`TrustedRegistry`].
//!
//! Included with `#[path = "…/synthetic/mod.rs"] mod synthetic;` (a `benches/*.rs` file would be
//! built as a bench target of its own). No `rand`: a xorshift generator with fixed seeds.

use std::collections::HashSet;

use serde_json::{json, Value};

use contactguard::registry::{ChannelKind, Registry, MAX_REGISTRY_BYTES};
use contactguard::trust::envelope::{Envelope, REGISTRY_TYPE, ROOT_TYPE};
use contactguard::trust::keys::{PublicKey, SecretKey};
use contactguard::trust::store::{load_update, Anchor, MemoryStore};
use contactguard::trust::time::Timestamp;
use contactguard::trust::verify::bundle;
use contactguard::trust::TrustedRegistry;
use contactguard::Checker;

/// xorshift64: small, fast and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// One of `items`.
    pub fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())].clone()
    }
}

const ONSETS: &[&str] = &[
    "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "kr", "tr", "dr",
    "pl", "qu", "x", "sh", "th", "gr",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "io", "ea"];
const CODAS: &[&str] = &["", "", "", "n", "r", "x", "l", "m", "s"];
const SUFFIXES: &[&str] = &["pay", "fi", "dex", "nex", "ium", "ora", "chain", "coin"];
const BRAND_TLDS: &[&str] = &[
    "io", "com", "app", "finance", "org", "net", "xyz", "exchange",
];
const RANDOM_TLDS: &[&str] = &[
    "com", "net", "org", "io", "us", "pl", "de", "app", "shop", "xyz", "info", "co",
];
/// Every synthetic channel's source (short: the payload limit is 4 MiB).
const SOURCE: &str = "bench";
const COMBO_WORDS: &[&str] = &[
    "support", "help", "wallet", "login", "app", "service", "verify",
];

/// The time the synthetic registry is verified at (it is valid from 2026-11-22 for 180 days).
pub fn now() -> Timestamp {
    Timestamp::parse("2026-12-07T00:00:00Z").expect("a valid time")
}

/// One pronounceable word of 2–3 syllables.
fn word(rng: &mut Rng) -> String {
    let syllables = 2 + rng.below(2);
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(rng.pick(ONSETS));
        w.push_str(rng.pick(VOWELS));
        w.push_str(rng.pick(CODAS));
    }
    w
}

/// `n` distinct brand names, 6 to 10 lowercase letters, none containing a real brand's id.
pub fn brand_names(n: usize, taken: &[String]) -> Vec<String> {
    let mut rng = Rng::new(0x5eed_b4a2_d5c0_ffee);
    let mut seen: HashSet<String> = taken.iter().cloned().collect();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let mut name = word(&mut rng);
        if rng.below(4) == 0 {
            name.push_str(rng.pick(SUFFIXES));
        }
        if !(6..=10).contains(&name.len()) || taken.iter().any(|t| name.contains(t.as_str())) {
            continue;
        }
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// A synthetic brand as registry JSON.
fn brand(name: &str, rng: &mut Rng) -> Value {
    let first_tld = rng.pick(BRAND_TLDS);
    let mut second_tld = rng.pick(BRAND_TLDS);
    while second_tld == first_tld {
        second_tld = rng.pick(BRAND_TLDS);
    }
    let candidates = [
        format!("{name}.{first_tld}"),
        format!("{name}wallet.com"),
        format!("{name}.{second_tld}"),
        format!("get{name}.com"),
    ];
    let domains = &candidates[..2 + rng.below(3)];
    let mut channels: Vec<Value> = domains
        .iter()
        .map(|d| json!({"kind": "domain", "value": d, "source": SOURCE}))
        .collect();
    channels.push(json!({
        "kind": "email",
        "value": format!("help@{}", domains[0]),
        "source": SOURCE,
    }));
    channels.push(json!({"kind": "x", "value": capitalized(name), "source": SOURCE}));
    channels.push(json!({"kind": "telegram", "value": name, "source": SOURCE}));
    // `common_words`, `no_channels` and `statements` are left out (the parser defaults them
    // to empty): 10,000 brands must fit the 4 MiB payload limit.
    json!({"id": name, "names": [capitalized(name)], "channels": channels})
}

/// The embedded registry's payload plus `n` synthetic brands, as compact JSON (the payload
/// limit is [`MAX_REGISTRY_BYTES`]).
pub fn payload(n: usize) -> Vec<u8> {
    let builtin = Checker::builtin().expect("embedded registry");
    let mut data = serde_json::to_value(builtin.registry().data()).expect("serializes");
    let taken: Vec<String> = builtin
        .registry()
        .brands()
        .iter()
        .map(|b| b.id.clone())
        .collect();
    let mut rng = Rng::new(0x0b5e_55ed_1234_5678);
    let brands = data["brands"].as_array_mut().expect("brands");
    for name in brand_names(n, &taken) {
        brands.push(brand(&name, &mut rng));
    }
    data["version"] = json!(2);
    data["issued_at"] = json!("2026-11-22T00:00:00Z");
    data["expires"] = json!("2027-05-21T00:00:00Z");
    let bytes = serde_json::to_vec(&data).expect("serializes");
    assert!(
        bytes.len() <= MAX_REGISTRY_BYTES,
        "{n} synthetic brands: {} bytes, over the {MAX_REGISTRY_BYTES}-byte payload limit",
        bytes.len()
    );
    bytes
}

fn keygen(n: usize) -> Vec<SecretKey> {
    (0..n)
        .map(|_| SecretKey::generate().expect("OS randomness"))
        .collect()
}

/// A root payload for the given keys, threshold 2 of 3 for both roles.
fn root_payload(root: &[PublicKey], registry: &[PublicKey]) -> Vec<u8> {
    let mut keys = serde_json::Map::new();
    for (i, k) in root.iter().chain(registry).enumerate() {
        keys.insert(
            k.key_id().to_string(),
            json!({"keytype": "ed25519", "public": k.to_base64(), "owner": format!("signer{i}")}),
        );
    }
    let ids = |ks: &[PublicKey]| {
        ks.iter()
            .map(|k| k.key_id().to_string())
            .collect::<Vec<_>>()
    };
    serde_json::to_vec_pretty(&json!({
        "_type": "root",
        "spec_version": 1,
        "version": 1,
        "expires": now().plus_days(365).to_string(),
        "keys": keys,
        "roles": {
            "root": {"keyids": ids(root), "threshold": 2},
            "registry": {"keyids": ids(registry), "threshold": 2},
        },
        "registry_version_floor": 0,
    }))
    .expect("serializes")
}

/// A signed distribution file over `payload` and its anchor (the root envelope), with fresh
/// throwaway keys.
pub fn signed(payload: Vec<u8>) -> (Vec<u8>, Vec<u8>) {
    let root_keys = keygen(3);
    let reg_keys = keygen(3);
    let publics = |ks: &[SecretKey]| ks.iter().map(SecretKey::public).collect::<Vec<_>>();
    let mut root = Envelope::new(
        ROOT_TYPE,
        root_payload(&publics(&root_keys), &publics(&reg_keys)),
    );
    root.sign(&root_keys[0]);
    root.sign(&root_keys[1]);
    let mut registry = Envelope::new(REGISTRY_TYPE, payload);
    registry.sign(&reg_keys[0]);
    registry.sign(&reg_keys[1]);
    let anchor = serde_json::to_vec(&root.to_value()).expect("serializes");
    (anchor, bundle(&[root], &registry))
}

/// The embedded registry plus `n` synthetic brands, signed and verified.
#[allow(dead_code)] // `rss_10k` takes the steps one by one, to time them
pub fn trusted(n: usize) -> TrustedRegistry {
    let (anchor, file) = signed(payload(n));
    let mut store = MemoryStore::default();
    load_update(&Anchor::root(&anchor), &file, &mut store, now())
        .map(|(trusted, _)| trusted)
        .expect("the synthetic registry verifies")
}

/// Every domain channel of the registry.
pub fn official_domains(registry: &Registry) -> Vec<String> {
    registry
        .brands()
        .iter()
        .flat_map(|b| b.channels_of(ChannelKind::Domain))
        .map(|c| c.value.clone())
        .collect()
}

/// A lookalike of `domain`: a homoglyph, a typo, a swap, a brand name plus a word, or
/// another TLD.
fn lookalike(domain: &str, rng: &mut Rng) -> String {
    let (label, tld) = domain.split_once('.').unwrap_or((domain, "com"));
    let chars: Vec<char> = label.chars().collect();
    match rng.below(5) {
        0 => {
            let swapped: String = chars
                .iter()
                .map(|&c| match c {
                    'o' => '0',
                    'l' => '1',
                    'i' => '1',
                    'e' => '3',
                    c => c,
                })
                .collect();
            format!("{swapped}.{tld}")
        }
        1 if chars.len() > 3 => {
            let mut cs = chars.clone();
            let i = 1 + rng.below(cs.len() - 2);
            cs.swap(i, i + 1);
            format!("{}.{tld}", cs.into_iter().collect::<String>())
        }
        2 if chars.len() > 3 => {
            let mut cs = chars.clone();
            cs.remove(1 + rng.below(cs.len() - 2));
            format!("{}.{tld}", cs.into_iter().collect::<String>())
        }
        3 => format!(
            "{label}-{}.{}",
            rng.pick(COMBO_WORDS),
            rng.pick(RANDOM_TLDS)
        ),
        _ => format!("{label}.{}", rng.pick(RANDOM_TLDS)),
    }
}

/// `n` domains: 30 % official (of `registry`), 30 % lookalikes of official ones, 40 % random
/// pronounceable names (`canalescape.us`, `drimo-trax.shop`).
pub fn domains(registry: &Registry, n: usize, seed: u64) -> Vec<String> {
    let official = official_domains(registry);
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| match rng.below(10) {
            0..=2 => rng.pick(&official),
            3..=5 => {
                let d = rng.pick(&official);
                lookalike(&d, &mut rng)
            }
            _ => {
                let mut label = word(&mut rng);
                match rng.below(4) {
                    0 => {
                        label.push('-');
                        label.push_str(&word(&mut rng));
                    }
                    1 => label.push_str(&rng.below(1000).to_string()),
                    _ => {}
                }
                format!("{label}.{}", rng.pick(RANDOM_TLDS))
            }
        })
        .collect()
}
