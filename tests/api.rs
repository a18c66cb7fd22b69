//! The shape of the public API for apps that embed the library: what can be shared between
//! threads, what is cheap to clone, and what phone matching gives with and without the
//! `phone` feature (`cargo test --no-default-features --test api` runs the fallback).

use std::sync::Arc;

use contactguard::input::phone::{NumberType, Phone};
use contactguard::registry::ChannelKind;
use contactguard::trust::store::{Anchor, MemoryStore, StoredTrust, TrustStore};
use contactguard::trust::verify::VerifyError;
use contactguard::{
    CheckOptions, Checker, Error, Kind, PhoneInfo, ScanReport, Status, Technique, TrustedRegistry,
    Verdict,
};

/// Compiles only if `T` can be shared between threads.
fn send_sync<T: Send + Sync>() {}

#[test]
fn shared_types_are_send_and_sync() {
    send_sync::<Checker>();
    send_sync::<TrustedRegistry>();
    send_sync::<Verdict>();
    send_sync::<ScanReport>();
    send_sync::<PhoneInfo>();
    send_sync::<Error>();
    send_sync::<VerifyError>();
    send_sync::<MemoryStore>();
    send_sync::<StoredTrust>();
    send_sync::<Anchor<'static>>();
    // A store an app shares between threads behind a lock stays usable as a `TrustStore`.
    fn store<T: TrustStore + Send>() {}
    store::<MemoryStore>();
}

#[test]
fn checker_clones_share_one_index() -> Result<(), Error> {
    let checker = Checker::builtin()?;
    let clone = checker.clone();
    assert!(std::ptr::eq(checker.registry(), clone.registry()));
    // `builtin` verifies and indexes once per process; later calls share that checker.
    assert!(std::ptr::eq(
        checker.registry(),
        Checker::builtin()?.registry()
    ));
    // So does a `TrustedRegistry` (its registry is behind an `Arc`).
    let trusted = TrustedRegistry::builtin()?;
    assert!(std::ptr::eq(trusted.registry(), trusted.clone().registry()));
    assert!(std::ptr::eq(checker.trusted(), clone.trusted()));
    Ok(())
}

#[test]
fn one_checker_serves_many_threads() -> Result<(), Error> {
    let checker = Arc::new(Checker::builtin()?);
    let inputs = [
        "tokenpocket.pro",
        "tokenp0cket.pro",
        "example.org",
        "+1 888 908 7930",
    ];
    let handles: Vec<_> = inputs
        .iter()
        .map(|input| {
            let checker = Arc::clone(&checker);
            let input = (*input).to_owned();
            std::thread::spawn(move || checker.check(&input).status)
        })
        .collect();
    let statuses: Vec<Option<Status>> = handles.into_iter().map(|h| h.join().ok()).collect();
    assert_eq!(
        statuses,
        [
            Some(Status::Official),
            Some(Status::Impersonation),
            Some(Status::Unknown),
            Some(Status::Official)
        ]
    );
    Ok(())
}

/// Exact and near-miss matching of numbers against the registry's phone channels is the
/// same in every build: Coinbase's +18889087930 is the registry's one number.
#[test]
fn phone_matching_without_or_with_metadata() -> Result<(), Error> {
    let checker = Checker::builtin()?;
    let cases: &[(&str, CheckOptions, Status, Technique)] = &[
        (
            "+1 (888) 908-7930",
            CheckOptions::default(),
            Status::Official,
            Technique::Exact,
        ),
        (
            "0018889087930",
            CheckOptions::default(),
            Status::Official,
            Technique::Exact,
        ),
        (
            "＋１ ８８８ ９０８ ７９３０",
            CheckOptions::default(),
            Status::Official,
            Technique::Exact,
        ),
        (
            "1-888-908-7930",
            CheckOptions::default().region("US"),
            Status::Official,
            Technique::Exact,
        ),
        (
            "(888) 908-7930",
            CheckOptions::default().brand("coinbase"),
            Status::Official,
            Technique::Exact,
        ),
        (
            "+1 888 908 7903",
            CheckOptions::default(),
            Status::Impersonation,
            Technique::Transposition,
        ),
        (
            "+1 888 908 7931",
            CheckOptions::default(),
            Status::Impersonation,
            Technique::Typo,
        ),
        (
            "+1 800 908 7930",
            CheckOptions::default(),
            Status::Impersonation,
            Technique::PrefixSwap,
        ),
        (
            "+1 888 9O8 793O",
            CheckOptions::default(),
            Status::Impersonation,
            Technique::DigitLookalike,
        ),
        (
            "400-123-4567",
            CheckOptions::default().brand("tokenpocket"),
            Status::Impersonation,
            Technique::NoSuchChannel,
        ),
        (
            "+1 415 555 0134",
            CheckOptions::default().brand("coinbase"),
            Status::Impersonation,
            Technique::BrandMention,
        ),
    ];
    for (input, options, status, technique) in cases {
        let v = checker.check_with(input, options);
        assert_eq!((v.kind, v.status), (Kind::Phone, *status), "{input}");
        assert_eq!(
            v.findings.first().map(|f| f.technique),
            Some(*technique),
            "{input}"
        );
        if *status == Status::Impersonation && *technique != Technique::NoSuchChannel {
            assert_eq!(v.official_channels[0].value, "+18889087930", "{input}");
            assert_eq!(v.official_channels[0].kind, ChannelKind::Phone, "{input}");
        }
    }
    // Never official by default: an unrelated number is unknown.
    assert_eq!(checker.check("+44 20 7946 0958").status, Status::Unknown);
    Ok(())
}

/// What the `phone` feature adds: the number type and validity. Without it they are not
/// known, and say so.
#[test]
fn number_type_needs_the_phone_feature() -> Result<(), Box<dyn std::error::Error>> {
    let phone = Phone::parse("+86 400 123 4567", "CN")?;
    assert_eq!(phone.key(), "+864001234567");
    let info = Checker::builtin()?
        .check("+1 888 908 7930")
        .phone
        .ok_or("a phone verdict carries phone info")?;
    assert_eq!(info.region, "US");
    if cfg!(feature = "phone") {
        assert_eq!(phone.number_type(), NumberType::SharedCost);
        assert_eq!((info.number_type, info.valid), (NumberType::TollFree, true));
    } else {
        assert_eq!(phone.number_type(), NumberType::Unknown);
        assert_eq!((info.number_type, info.valid), (NumberType::Unknown, false));
    }
    // Short service codes are the same in both builds.
    let short = Phone::parse("95588", "CN")?;
    assert_eq!(
        (short.key(), short.number_type()),
        ("short:CN:95588", NumberType::ShortCode)
    );
    Ok(())
}

/// A verdict that cites a registry channel says where the brand published it, when that was
/// read and whether the source is old; the verdict and a scan name the registry and its
/// signers. Every channel of the shipped registry is checked, not a chosen few.
#[test]
fn verdicts_carry_the_provenance_of_what_they_cite() -> Result<(), Error> {
    let checker = Checker::builtin()?;
    let registry = checker.registry();
    let issued = registry.data().issued_at.clone();
    let mut old = 0;
    for brand in registry.brands() {
        for channel in brand.channels_of(ChannelKind::Domain) {
            let v = checker.check(&channel.value);
            assert_eq!(v.status, Status::Official, "{}", channel.value);
            let cited = v.findings[0]
                .target
                .as_ref()
                .expect("an official verdict cites");
            // The channel cited (a site on a platform may be cited as the brand's account).
            let listed = registry
                .brand(&cited.brand)
                .and_then(|b| {
                    b.channels
                        .iter()
                        .find(|c| c.kind == cited.kind && c.value == cited.value)
                })
                .expect("the cited channel is in the registry");
            assert_eq!(cited.source, listed.source);
            assert_eq!(cited.checked, listed.checked);
            assert_eq!(cited.source_date, listed.source_date);
            assert!(cited.checked.is_some(), "{} has no check date", cited.value);
            assert_eq!(cited.old_source, listed.source_is_old(&issued));
            old += usize::from(cited.old_source);
            let stamp = v.registry.as_ref().expect("a verdict names its registry");
            assert_eq!(stamp.version, registry.version());
            assert_eq!(stamp.issued_at, issued);
            assert!(stamp.signers.len() >= 2, "{stamp:?}");
        }
    }
    // Some shipped sources are old; the flag is not constant.
    assert!(old > 0);
    // Channels offered instead carry their sources too.
    let v = checker.check("tokenp0cket.pro");
    assert!(v
        .official_channels
        .iter()
        .all(|c| !c.source.is_empty() && c.checked.is_some()));
    // A scan names the registry once, not in every contact; an invalid verdict names none.
    let report = checker.scan("官网 https://tokenpocket.pro 客服 400-123-4567");
    assert_eq!(
        report.registry.as_ref().map(|s| s.version),
        Some(registry.version())
    );
    assert!(report.items.iter().all(|i| i.verdict.registry.is_none()));
    assert!(checker.check("").registry.is_none());
    let json = serde_json::to_value(&v).expect("a verdict is JSON");
    assert!(
        json["registry"]["signers"][0]["key_id"].is_string(),
        "{json}"
    );
    assert!(json["official_channels"][0]["source"].is_string(), "{json}");
    Ok(())
}

/// What a verdict offers instead is where people in need may go: never a brand's business,
/// security, developer or infrastructure channel, for any brand.
#[test]
fn channels_offered_instead_are_for_people() -> Result<(), Error> {
    let checker = Checker::builtin()?;
    let registry = checker.registry();
    let mut offered = 0;
    for brand in registry.brands() {
        let v = checker.check_with("+1 415 555 0134", &CheckOptions::default().brand(&brand.id));
        assert_eq!(v.status, Status::Impersonation, "{}", brand.id);
        for c in &v.official_channels {
            let listed = brand
                .channels
                .iter()
                .find(|x| x.kind == c.kind && x.value == c.value)
                .expect("offered channels are the brand's");
            assert!(
                listed.role.is_none_or(|r| r.serves_users()),
                "{} offers {} ({:?})",
                brand.id,
                c.value,
                listed.role
            );
            offered += 1;
        }
        let report = checker.scan(&format!("{} 客服 400-123-4567", brand.display_name()));
        for advice in &report.advice {
            let b = registry
                .brand(&advice.brand.id)
                .expect("advice names a brand");
            assert!(advice.channels.iter().all(|c| b
                .channels
                .iter()
                .any(|x| x.value == c.value && x.role.is_none_or(|r| r.serves_users()))));
        }
    }
    assert!(offered > registry.brands().len());
    Ok(())
}

/// A bare Chinese 400/800 number that matches nothing says what is true of every brand at
/// once, counted from the registry; a number claimed for a brand is judged for that brand.
#[test]
fn a_bare_400_number_is_said_to_be_nobodys_support_line() -> Result<(), Error> {
    let checker = Checker::builtin()?;
    let brands = checker.registry().brands().len();
    let v = checker.check("400-888-1234");
    assert_eq!(v.status, Status::Unknown);
    assert!(v.notes.iter().any(|n| matches!(
        &n.detail,
        contactguard::Detail::NoneUseService { service, brands: b } if service == "400" && *b == brands
    )));
    assert!(v.notes[0]
        .message
        .contains(&format!("none of the {brands} wallets")));
    let claimed = checker.check("TP钱包客服 400-888-1234");
    assert_eq!(claimed.status, Status::Impersonation);
    assert!(!checker
        .check("+1 415 555 0134")
        .notes
        .iter()
        .any(|n| matches!(n.detail, contactguard::Detail::NoneUseService { .. })));
    Ok(())
}
