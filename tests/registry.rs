//! The shipped registry: it loads, passes the strict lint, and holds what the README promises.

use contactguard::registry::{lint, ChannelKind, Registry, BUILTIN_JSON};

fn registry() -> Registry {
    Registry::from_json(BUILTIN_JSON).expect("the shipped registry parses")
}

#[test]
fn shipped_registry_passes_the_strict_lint() {
    let problems = lint::lint(BUILTIN_JSON);
    assert!(
        problems.is_empty(),
        "{}",
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The brands victims search for, each with a website and words on how it does (or does not)
/// offer support; every alias a scam page types resolves to its brand.
#[test]
fn the_registry_holds_the_brands_scams_name() {
    let registry = registry();
    assert!(
        registry.brands().len() >= 35,
        "{} brands",
        registry.brands().len()
    );
    for b in registry.brands() {
        assert!(
            b.channels_of(ChannelKind::Domain).next().is_some(),
            "{} has no official website",
            b.id
        );
        assert!(
            !b.statements.is_empty(),
            "{} has no statement of how it does or does not offer support",
            b.id
        );
    }
    let checker = contactguard::Checker::builtin().expect("the embedded registry loads");
    for (alias, id) in [
        ("小狐狸钱包", "metamask"),
        ("欧易", "okx"),
        ("歐易", "okx"),
        ("火币", "htx"),
        ("火幣", "htx"),
        ("Huobi", "htx"),
        ("比特派", "bitpie"),
        ("芝麻开门", "gate"),
        ("波宝钱包", "tronlink"),
        ("麦子钱包", "mathwallet"),
        ("BG钱包", "bitget"),
        ("幣安", "binance"),
    ] {
        let report = checker.scan(&format!("{alias}官方客服微信：kefu8888888"));
        let brands: Vec<&str> = report
            .items
            .iter()
            .filter_map(|i| i.verdict.brand.as_ref().map(|b| b.id.as_str()))
            .collect();
        assert_eq!(brands, [id], "{alias}");
        // One contact pasted with its words into `check` is judged the same way.
        let v = checker.check(&format!("{alias}官方客服微信：kefu8888888"));
        assert_eq!(v.brand.map(|b| b.id), Some(id.to_owned()), "{alias}");
    }
    // Two brands in one name are named, not chosen between.
    let report = checker.scan("TP钱包 (Trust Wallet) 官方客服微信：kefu8888888");
    assert_eq!(report.items[0].verdict.brand, None);
    let pair = report.mentions[0]
        .paired_with
        .as_ref()
        .map(|b| b.id.as_str());
    assert_eq!(pair, Some("trustwallet"));
}

#[test]
fn every_entry_names_its_source() {
    for brand in registry().brands() {
        assert!(!brand.names.is_empty(), "{}", brand.id);
        for c in &brand.channels {
            assert!(
                c.source.len() > 10,
                "{} {} {}: source '{}'",
                brand.id,
                c.kind,
                c.value,
                c.source
            );
        }
        for n in &brand.no_channels {
            assert!(n.source.len() > 10, "{} no {}", brand.id, n.kind);
        }
        for s in &brand.statements {
            assert!(
                !s.en.is_empty() && !s.zh.is_empty() && !s.source.is_empty(),
                "{}",
                brand.id
            );
        }
    }
}

#[test]
fn tokenpocket_is_complete() {
    let registry = registry();
    let tp = registry
        .brand("tokenpocket")
        .expect("TokenPocket is in the registry");
    let has = |kind: ChannelKind, value: &str| tp.channels_of(kind).any(|c| c.value == value);
    for domain in [
        "tokenpocket.pro",
        "tpwallet.io",
        "help.tokenpocket.pro",
        "help.tpwallet.io",
        "tphelp.gitbook.io",
    ] {
        assert!(has(ChannelKind::Domain, domain), "{domain}");
    }
    assert!(has(ChannelKind::Email, "service@tokenpocket.pro"));
    assert!(has(ChannelKind::X, "TokenPocket_TP"));
    for tg in ["tokenpocket_en", "tokenPocket_cn", "tokenpocket_kor"] {
        assert!(has(ChannelKind::Telegram, tg), "{tg}");
    }
    // Its Discord invite is gone from its site footer: a former channel, never official.
    assert!(tp.channels_of(ChannelKind::Discord).next().is_none());
    assert!(tp
        .former_channels()
        .any(|c| c.kind == ChannelKind::Discord && c.value == "NKPM8TXFQk"));
    assert!(tp
        .former_channels()
        .any(|c| c.value == "tpglobalwallet.net"));
    for kind in [
        ChannelKind::Youtube,
        ChannelKind::Medium,
        ChannelKind::Github,
        ChannelKind::AndroidApp,
        ChannelKind::IosApp,
    ] {
        assert!(tp.channels_of(kind).next().is_some(), "{kind}");
    }
    assert!(
        tp.lacks(ChannelKind::Phone),
        "TokenPocket publishes no phone number"
    );
    assert!(tp.channels_of(ChannelKind::Phone).next().is_none());
    assert!(tp.names.iter().any(|n| n == "TP钱包"));
    assert!(!tp.statements.is_empty());
}

#[test]
fn brands_without_phone_support_are_recorded() {
    let registry = registry();
    for id in ["tokenpocket", "metamask", "trustwallet", "phantom"] {
        assert!(
            registry
                .brand(id)
                .is_some_and(|b| b.lacks(ChannelKind::Phone)),
            "{id}"
        );
    }
    let coinbase = registry.brand("coinbase").expect("Coinbase");
    assert!(coinbase
        .channels_of(ChannelKind::Phone)
        .any(|c| c.value == "+18889087930"));
}

#[test]
fn strict_lint_catches_what_the_tolerant_parser_allows() {
    let text = r#"{"spec_version":1,"version":1,"issued_at":"2026-01-01T00:00:00Z","expires":"2026-06-01T00:00:00Z",
      "brands":[{"id":"acme","names":["Acme"],"surprise":true,
        "channels":[{"kind":"domain","value":"WWW.Acme.com","source":"x"},
                    {"kind":"fax","value":"123","source":"x"},
                    {"kind":"phone","value":"400-123","source":""}]}]}"#;
    // The tolerant parser reads it (skipping the unknown kind)...
    let parsed = Registry::from_json(text.as_bytes()).expect("tolerant parse");
    assert_eq!(parsed.brands()[0].channels.len(), 2);
    // ...and the lint names every problem.
    let (_, all) = lint_problems(text);
    assert!(all.contains("unknown field 'surprise'"), "{all}");
    assert!(all.contains("unknown kind 'fax'"), "{all}");
    assert!(
        all.contains("write 'WWW.Acme.com' as 'www.acme.com'"),
        "{all}"
    );
    assert!(all.contains("must be E.164"), "{all}");
    assert!(all.contains("channels[2].source"), "{all}");
    assert!(
        all.contains("channels[2].value: '400-123' must be E.164"),
        "{all}"
    );
    assert!(
        all.contains("channels[0].source: 'x' is not a source"),
        "{all}"
    );
    assert!(
        all.contains("no current channel of high confidence"),
        "{all}"
    );
}

#[test]
fn lint_holds_lookalikes_to_sources_and_registrable_names() {
    let text = r#"{"spec_version":1,"version":1,"issued_at":"2026-01-01T00:00:00Z","expires":"2026-06-01T00:00:00Z",
      "brands":[{"id":"acme","names":["Acme"],"common_words":[],"no_channels":[],"statements":[],
        "channels":[{"kind":"domain","value":"acme.com","scope":"subdomains","source":"x","confidence":"high"}],
        "lookalikes":[{"domain":"acme.co.uk","holder":"Acme Travel","source":"pages: https://acme.co.uk/about"},
                      {"domain":"shop.acme.fr","holder":"Acme Shop","source":"x"},
                      {"domain":"acme.com","holder":"Acme itself","source":"x"},
                      {"domain":"acme.de","holder":"","source":""}]}]}"#;
    let (_, all) = lint_problems(text);
    assert!(!all.contains("lookalikes[0]"), "{all}");
    assert!(
        all.contains(
            "lookalikes[1].domain: 'shop.acme.fr' must be a registrable domain (such as acme.fr)"
        ),
        "{all}"
    );
    assert!(
        all.contains("lookalikes[2].domain: 'acme.com' is an official domain channel"),
        "{all}"
    );
    assert!(
        all.contains("lookalikes[3]: say who holds the domain"),
        "{all}"
    );
}

#[test]
fn shipped_distribution_file_verifies_against_the_compiled_in_root() {
    use contactguard::registry::{BUILTIN_ANCHOR, BUILTIN_BUNDLE};
    use contactguard::trust::time::Timestamp;
    use contactguard::trust::verify::{verify, Checks, Expiry};

    // At the instant the shipped version was issued, read from the payload itself.
    let data: serde_json::Value = serde_json::from_slice(BUILTIN_JSON).expect("json");
    let issued = Timestamp::parse(data["issued_at"].as_str().expect("issued_at")).expect("time");
    let v = verify(
        BUILTIN_BUNDLE,
        BUILTIN_ANCHOR,
        &Checks::at(issued, Expiry::Enforce),
    )
    .expect("the shipped file verifies");
    assert_eq!(v.root.version(), 1);
    assert_eq!(v.root.registry_threshold(), 2);
    assert_eq!(v.root.root_threshold(), 2);
    // The reviewed payload in data/ is exactly what was signed.
    assert!(
        v.payload == BUILTIN_JSON,
        "data/registry.json differs from the signed payload: re-sign and publish"
    );
    // And the checker's registry is that payload.
    let checker = contactguard::Checker::builtin().expect("builtin");
    assert_eq!(checker.registry().version(), v.registry.version());
}

#[test]
fn shipped_anchor_is_the_first_root_of_the_shipped_file() {
    use contactguard::registry::{BUILTIN_ANCHOR, BUILTIN_BUNDLE};
    use contactguard::trust::envelope::Envelope;
    let wrapper: serde_json::Value = serde_json::from_slice(BUILTIN_BUNDLE).expect("JSON");
    let first = Envelope::from_value(wrapper["roots"][0].clone()).expect("a root envelope");
    let anchor = Envelope::from_json(BUILTIN_ANCHOR).expect("the anchor");
    assert_eq!(first, anchor);
    // Release keys: the root lists the project's 3 root and 3 registry keys (../shared/keys).
    let root = contactguard::trust::verify::root_of(&anchor).expect("valid root");
    assert_eq!(root.root_keys().len(), 3);
    assert_eq!(root.registry_keys().len(), 3);
}

/// The README's recipe: one signature of the shipped file checked by OpenSSL alone.
#[test]
fn openssl_recipe_verifies_the_shipped_file() {
    use contactguard::registry::BUILTIN_BUNDLE;
    use contactguard::trust::envelope::Envelope;
    use contactguard::trust::verify::root_of;

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let wrapper: serde_json::Value = serde_json::from_slice(BUILTIN_BUNDLE).expect("JSON");
    let registry = Envelope::from_value(wrapper["registry"].clone()).expect("envelope");
    let root_envelope = Envelope::from_value(wrapper["roots"][0].clone()).expect("root");
    let keys = root_of(&root_envelope)
        .expect("root")
        .registry_keys()
        .to_vec();
    let dir = std::env::temp_dir().join(format!("contactguard-openssl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (index, signature) in registry.signatures.iter().enumerate() {
        let (_, key) = keys
            .iter()
            .find(|(id, _)| id.as_str() == signature.keyid)
            .expect("a registry key signed");
        let pem = dir.join("signer.pub.pem");
        std::fs::write(&pem, key.to_pem()).expect("write key");
        let out = std::process::Command::new(root.join("scripts/verify-with-openssl"))
            .arg(root.join("data/registry.signed.json"))
            .arg(&pem)
            .arg(index.to_string())
            .output()
            .expect(
                "bash, python3 and openssl must be installed (apt-get install openssl python3)",
            );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && text.contains("Signature Verified Successfully"),
            "{text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn root_with_a_key_id_listed_twice_is_refused() {
    use contactguard::trust::envelope::{Envelope, ROOT_TYPE};
    use contactguard::trust::keys::SecretKey;
    use contactguard::trust::verify::{root_of, VerifyError};

    let a = SecretKey::generate().expect("rng").public();
    let b = SecretKey::generate().expect("rng").public();
    let (ida, idb) = (a.key_id(), b.key_id());
    // The same key id twice in "keys": serde would keep the second silently.
    let payload = format!(
        r#"{{"_type":"root","spec_version":1,"version":1,"expires":"2030-01-01T00:00:00Z",
        "keys":{{"{ida}":{{"keytype":"ed25519","public":"{}"}},"{idb}":{{"keytype":"ed25519","public":"{}"}},
                 "{ida}":{{"keytype":"ed25519","public":"{}"}}}},
        "roles":{{"root":{{"keyids":["{ida}"],"threshold":1}},"registry":{{"keyids":["{idb}"],"threshold":1}}}}}}"#,
        a.to_base64(),
        b.to_base64(),
        a.to_base64()
    );
    let envelope = Envelope::new(ROOT_TYPE, payload.into_bytes());
    assert!(
        matches!(root_of(&envelope), Err(VerifyError::InvalidRoot { reason, .. }) if reason.contains("appears twice"))
    );
}

/// The schema's list of kinds and each platform's value pattern come from the platforms' rows
/// (`src/input/platform.rs`): a new kind without them fails here. `UPDATE_SCHEMA=1` rewrites the
/// schema from the rows.
#[test]
fn schema_follows_the_platform_rows() {
    use contactguard::input::platform::Platform;
    use serde_json::{json, Value};

    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/registry.schema.json");
    let text = std::fs::read_to_string(path).expect("the schema is readable");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    let kinds: Vec<&str> = ChannelKind::ALL.iter().map(|k| k.as_str()).collect();
    let rule_of = |kind: &str| {
        json!({
            "if": {"properties": {"kind": {"const": kind}}},
            "then": {"properties": {"value": {}}}
        })
    };
    let mut expected = schema.clone();
    expected["$defs"]["kind"]["enum"] = json!(kinds);
    let all_of = expected["$defs"]["channel"]["allOf"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let platform_kind = |entry: &Value| {
        let kind = entry["if"]["properties"]["kind"]["const"].as_str()?;
        Platform::ALL
            .iter()
            .find(|p| p.kind().as_str() == kind)
            .copied()
    };
    // Entries for domains, phones and e-mail stay as written; one entry per platform, in table
    // order, after the value rule of e-mail addresses.
    let mut rebuilt: Vec<Value> = Vec::new();
    let known = |entry: &Value| {
        entry["if"]["properties"]["kind"]["const"]
            .as_str()
            .is_none_or(|k| kinds.contains(&k))
    };
    for entry in all_of
        .iter()
        .filter(|e| platform_kind(e).is_none() && known(e))
    {
        rebuilt.push(entry.clone());
        if entry["if"]["properties"]["kind"]["const"] == "email" {
            for p in Platform::ALL {
                let (pattern, description) = p.descriptor().schema;
                let mut rule = rule_of(p.kind().as_str());
                rule["then"]["properties"]["value"] =
                    json!({"pattern": pattern, "description": description});
                rebuilt.push(rule);
            }
        }
    }
    expected["$defs"]["channel"]["allOf"] = json!(rebuilt);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        let mut out = serde_json::to_string_pretty(&expected).expect("JSON");
        out.push('\n');
        std::fs::write(path, out).expect("the schema is writable");
        return;
    }
    assert!(
        schema == expected,
        "data/registry.schema.json does not follow the platform rows (UPDATE_SCHEMA=1 rewrites it)"
    );
}

/// Every channel says when its source was read; dates are calendar days, read no later than
/// the registry was issued, and a source is not dated after it was read.
#[test]
fn lint_holds_channels_to_their_dates() {
    let text = r#"{"spec_version":1,"version":1,"issued_at":"2026-01-01T00:00:00Z","expires":"2026-06-01T00:00:00Z",
      "brands":[{"id":"acme","names":["Acme"],"common_words":[],"no_channels":[],"statements":[],
        "channels":[{"kind":"domain","value":"acme.com","scope":"subdomains","source":"pages: https://acme.com/","checked":"2025-12-01","source_date":"2025-11-30","confidence":"high"},
                    {"kind":"domain","value":"acme.net","scope":"subdomains","source":"pages: https://acme.com/","confidence":"high"},
                    {"kind":"domain","value":"acme.org","scope":"subdomains","source":"pages: https://acme.com/","checked":"2025-02-29","confidence":"high"},
                    {"kind":"domain","value":"acme.io","scope":"subdomains","source":"pages: https://acme.com/","checked":"2026-01-02","confidence":"high"},
                    {"kind":"domain","value":"acme.dev","scope":"subdomains","source":"pages: https://acme.com/","checked":"2025-12-01","source_date":"2025-12-02","confidence":"high"}]}]}"#;
    let (problems, all) = lint_problems(text);
    assert!(!all.contains("channels[0]"), "{all}");
    assert!(
        all.contains("channels[1].checked: say on which day"),
        "{all}"
    );
    assert!(
        all.contains("channels[2].checked: checked '2025-02-29' is not a day"),
        "{all}"
    );
    assert!(
        all.contains("channels[3].checked: 2026-01-02 is after the registry's issue date"),
        "{all}"
    );
    assert!(
        all.contains("channels[4].source_date: 2025-12-02 is after the day the source was checked"),
        "{all}"
    );
    assert_eq!(problems.len(), 4, "{all}");
}

/// A note is read by the people checking a contact: the record of how a channel was sourced
/// (quoted code, commits, "source:") belongs in `evidence`, which may hold anything.
#[test]
fn lint_keeps_notes_plain_and_records_in_evidence() {
    let text = r#"{"spec_version":1,"version":1,"issued_at":"2026-01-01T00:00:00Z","expires":"2026-06-01T00:00:00Z",
      "brands":[{"id":"acme","names":["Acme"],"common_words":[],"no_channels":[],"statements":[],
        "channels":[{"kind":"domain","value":"acme.com","scope":"subdomains","source":"pages: https://acme.com/","checked":"2025-12-01","confidence":"high","note":"main site","evidence":"source: footer; commit 1234abc; url = 'https://acme.com'"},
                    {"kind":"domain","value":"acme.net","scope":"subdomains","source":"pages: https://acme.com/","checked":"2025-12-01","confidence":"high","note":"mirror; source: 2025-11-30"},
                    {"kind":"x","value":"acme","source":"pages: https://acme.com/","checked":"2025-12-01","confidence":"high","note":"ACME_X = 'https://x.com/acme'"}]}]}"#;
    let (problems, all) = lint_problems(text);
    assert!(!all.contains("channels[0]"), "{all}");
    assert!(all.contains("channels[1].note: 'mirror; source: 2025-11-30' is read by the people checking a contact"), "{all}");
    assert!(
        all.contains("channels[2].note:") && all.contains("move what the source says"),
        "{all}"
    );
    assert_eq!(problems.len(), 2, "{all}");
}

/// Names are one brand's each unless both brands mark them shared; a "no such channel" quotes
/// the brand; a place that shows a channel and a verification page are on the brand's domains.
#[test]
fn lint_holds_names_statements_and_pages_to_the_brand() {
    let channel = r#"{"kind":"domain","value":"DOMAIN","scope":"subdomains","source":"pages: https://DOMAIN/","checked":"2025-12-01","confidence":"high"}"#;
    let brand = |id: &str, names: &str, extra: &str| {
        format!(
            r#"{{"id":"{id}","names":{names},"common_words":[],"statements":[],"channels":[{}]{extra}}}"#,
            channel.replace("DOMAIN", &format!("{id}.com"))
        )
    };
    let text = format!(
        r#"{{"spec_version":1,"version":1,"issued_at":"2026-01-01T00:00:00Z","expires":"2026-06-01T00:00:00Z","brands":[{},{},{},{}]}}"#,
        brand(
            "acme",
            r#"["Acme","AC钱包"]"#,
            r#","shared_names":["Duo"],"no_channels":[{"kind":"phone","source":"pages: https://acme.com/contact"}]"#
        ),
        brand(
            "bolt",
            r#"["Bolt","ac 錢包"]"#,
            r#","shared_names":["duo"],"only_at":[{"kind":"phone","place":"https://help.bolt.com/","source":"pages: https://bolt.com/"}],"verification":{"url":"https://evil.example/verify","source":"pages: https://bolt.com/"}"#
        ),
        brand(
            "coda",
            r#"["Coda"]"#,
            r#","shared_names":["Solo"],"only_at":[{"kind":"phone","place":"http://coda.com/","source":"pages: https://coda.com/"}]"#
        ),
        brand(
            "dart",
            r#"["Dart"]"#,
            r#","verification":{"url":"https://verify.dart.com/","name":"Dart Verify","source":"pages: https://dart.com/"}"#
        ),
    );
    let (problems, all) = lint_problems(&text);
    let expected = [
        "brands[1].names: 'ac 錢包' is also a name of 'acme'",
        "brands[0].no_channels[0].source: quote the brand's words that it has no phone",
        "brands[1].verification.url: 'https://evil.example/verify' is not on one of the brand's own domains",
        "brands[2].only_at[0].place: 'http://coda.com/' must be an https:// link",
        "brands[2].shared_names[0]: 'Solo' is shared with no other brand",
    ];
    for e in expected {
        assert!(all.contains(e), "{e}\n{all}");
    }
    // Duo is marked on both brands; Bolt's help centre and Dart's page are their own.
    assert_eq!(problems.len(), expected.len(), "{all}");
}

/// The strict lint's problems on `text`, one string each and all joined by lines.
fn lint_problems(text: &str) -> (Vec<String>, String) {
    let problems: Vec<String> = lint::lint(text.as_bytes())
        .iter()
        .map(ToString::to_string)
        .collect();
    let all = problems.join("\n");
    (problems, all)
}
