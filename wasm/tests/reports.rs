//! The page's reports, natively: for every scan text of `tests/data/scan` and each language,
//! the report the page shows is the library's report (the same parts, the spans converted to
//! the UTF-16 offsets JavaScript uses), and the copy text is the CLI's text.

use std::path::Path;

use contactguard::i18n::{locale_region, report_regions, Language};
use contactguard::report::{self, Style};
use contactguard::{Checker, Status};
use contactguard_wasm::Page;
use serde_json::Value;

#[test]
fn the_page_reports_what_the_library_reports() {
    let page = Page::new().map_err(|e| e.message).expect("the page starts");
    let checker = Checker::builtin().expect("the built-in registry verifies");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/scan");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the scan texts")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() > 50, "{} scan texts", files.len());
    let mut impersonations = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a scan text");
        for (locale, language, tag) in [
            ("zh-CN", Language::Zh, "zh-Hans"),
            ("zh-Hant-TW", Language::ZhHant, "zh-Hant"),
            ("en-GB", Language::En, "en"),
        ] {
            let got: Value = serde_json::from_str(&page.report(&text, locale, 0.0)).expect("JSON");
            let scan = checker.scan(&text);
            let lang = language.registry_lang();
            let mut want = report::scan(&text, &scan, lang, Style::plain(), false);
            if scan.status == Some(Status::Impersonation) {
                impersonations += 1;
                let registry = checker.registry();
                let brands: Vec<_> = report::imitated(&scan)
                    .iter()
                    .filter_map(|id| registry.brand(id))
                    .collect();
                let regions = report_regions(language, locale_region(locale).as_deref());
                want.append(report::aftercare(
                    registry,
                    &brands,
                    &regions,
                    lang,
                    Style::plain(),
                ));
            }
            let want = want.in_language(language);
            let name = file.display();
            assert_eq!(got["language"], tag, "{name}");
            assert_eq!(
                got["status"],
                serde_json::to_value(scan.status).expect("a status"),
                "{name}"
            );
            assert_eq!(
                got["text"].as_str(),
                Some(want.to_string().trim_start_matches('\n')),
                "{name} {locale}: the copy text is the CLI's report"
            );
            let parts = got["parts"].as_array().expect("parts");
            assert_eq!(parts.len(), want.parts().len(), "{name}");
            for (g, w) in parts.iter().zip(want.parts()) {
                assert_eq!(g["text"].as_str(), Some(w.text.trim()), "{name}");
                let span = w.span.as_ref().map(|s| {
                    let utf16 = |b: usize| text[..b].encode_utf16().count();
                    serde_json::json!([utf16(s.start), utf16(s.end)])
                });
                assert_eq!(g.get("span"), span.as_ref(), "{name}: {}", w.text);
            }
        }
    }
    assert!(
        impersonations > 100,
        "{impersonations} impersonating reports"
    );
}

#[test]
fn an_empty_text_has_no_verdict_and_names_the_list() {
    let page = Page::new().map_err(|e| e.message).expect("the page starts");
    let got: Value = serde_json::from_str(&page.report("", "en", 0.0)).expect("JSON");
    assert_eq!(got["status"], Value::Null);
    assert!(got["list"]["version"].as_u64().is_some_and(|v| v >= 1));
    assert!(got["list"]["brands"].as_u64().is_some_and(|n| n >= 30));
    assert_eq!(got["list"]["old"], false);
}

#[test]
fn the_reader_clock_only_says_whether_the_list_is_old() {
    let page = Page::new().map_err(|e| e.message).expect("the page starts");
    let at = |ms: f64| -> Value {
        serde_json::from_str(&page.report("tokenp0cket.pro", "en", ms)).expect("JSON")
    };
    let (unset, far) = (at(0.0), at(4.0e12)); // 0: not given; 4e12 ms: the year 2096
    assert_eq!(unset["list"]["old"], false);
    assert_eq!(far["list"]["old"], true);
    assert_eq!(unset["parts"], far["parts"]);
}
