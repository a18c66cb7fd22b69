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
    for kind in [
        ChannelKind::Discord,
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
    let problems: Vec<String> = lint::lint(text.as_bytes())
        .iter()
        .map(ToString::to_string)
        .collect();
    let all = problems.join("\n");
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
}
