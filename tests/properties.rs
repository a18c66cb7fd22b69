//! Property tests (proptest) for the normalizers, the matching ladder and the registry editor.

use contactguard::normalize::{clean, visual_key};
use contactguard::registry::edit::{add_channel, remove_channel, to_json, NewChannel};
use contactguard::registry::{ChannelKind, Registry};
use contactguard::{Checker, Status};
use proptest::prelude::*;

fn checker() -> &'static Checker {
    static CHECKER: std::sync::OnceLock<Checker> = std::sync::OnceLock::new();
    CHECKER.get_or_init(|| Checker::builtin().expect("embedded registry"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Cleaning removes what it reports and is idempotent.
    #[test]
    fn clean_is_idempotent(s in "\\PC{0,40}") {
        let once = clean(&s);
        prop_assert_eq!(clean(&once.text).text, once.text.clone());
        prop_assert!(clean(&once.text).hidden.is_empty());
    }

    /// Visual keys of lowercase ASCII labels are fixed points: folding twice changes nothing.
    #[test]
    fn visual_key_is_idempotent_on_ascii(s in "[a-z0-9-]{0,30}") {
        let k = visual_key(&s);
        prop_assert_eq!(visual_key(&k), k);
    }

    /// Case never changes a domain's verdict, and a random label is never official.
    #[test]
    fn ladder_ignores_case_and_never_invents_official(label in "[a-z]{3,14}", tld in "(com|org|net|io|pro|xyz)") {
        let domain = format!("{label}.{tld}");
        let lower = checker().check(&domain);
        let upper = checker().check(&domain.to_uppercase());
        prop_assert_eq!(lower.status, upper.status);
        if lower.status == Status::Official {
            let exact = checker().registry().brands().iter().any(|b| {
                b.channels.iter().any(|c| c.kind == ChannelKind::Domain && (c.value == domain || domain.ends_with(&format!(".{}", c.value))))
            });
            prop_assert!(exact, "{} official without being a registry domain", domain);
        }
    }

    /// Adding a channel and removing it again gives back the same registry bytes, and the
    /// added channel survives a write and a read.
    #[test]
    fn editor_add_then_remove_round_trips(label in "[a-z]{6,12}") {
        let original = Registry::from_json(contactguard::registry::BUILTIN_JSON).expect("parses");
        let mut data = original.data().clone();
        let domain = format!("{label}-example.org");
        let added = add_channel(&mut data, "tokenpocket", NewChannel::new(ChannelKind::Domain, &domain, "pages: https://example.org/source"));
        prop_assume!(added.is_ok());
        let written = to_json(&data);
        let reread = Registry::from_json(&written).expect("written registry parses");
        prop_assert!(reread.brand("tokenpocket").expect("brand").channels.iter().any(|c| c.value == domain));
        remove_channel(&mut data, "tokenpocket", ChannelKind::Domain, &domain).expect("removes");
        prop_assert_eq!(to_json(&data), to_json(original.data()));
    }
}
