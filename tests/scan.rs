//! The scan corpus (tests/data/scan/, format in its README) and the golden human reports
//! (tests/data/scan-golden/).
//!
//! Set `UPDATE_GOLDEN=1` to rewrite the golden files after a deliberate wording change, then
//! review the diff.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use contactguard::Checker;

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/scan");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/data/scan exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "html")))
        .collect();
    files.sort();
    files
}

#[derive(Default)]
struct Expected {
    status: String,
    items: Vec<[String; 5]>,
    claims: BTreeSet<(String, String)>,
    mentions: BTreeSet<String>,
}

fn expected(path: &Path) -> Expected {
    let text = fs::read_to_string(path.with_extension("expect"))
        .unwrap_or_else(|e| panic!("{}: no .expect file: {e}", path.display()));
    let mut out = Expected::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        match cols.as_slice() {
            ["status", s] => out.status = (*s).to_owned(),
            ["item", text, kind, status, technique, brand] => out
                .items
                .push([text, kind, status, technique, brand].map(|s| (*s).to_owned())),
            ["claim", kind, brand] => {
                out.claims.insert(((*kind).to_owned(), (*brand).to_owned()));
            }
            ["mention", brand] => {
                out.mentions.insert((*brand).to_owned());
            }
            _ => panic!(
                "{}.expect line {}: cannot read {line:?}",
                path.display(),
                n + 1
            ),
        }
    }
    out
}

#[test]
fn corpus_items_spans_claims_and_mentions() {
    let checker = Checker::builtin().expect("embedded registry");
    let files = corpus();
    assert!(files.len() >= 30, "the corpus has {} texts", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let input = fs::read_to_string(path).expect("UTF-8 corpus file");
        let want = expected(path);
        let report = checker.scan(&input);

        let status = report.status.map_or("none", |s| s.as_str());
        if status != want.status {
            failures.push(format!("{name}: status {status}, expected {}", want.status));
        }
        let got: Vec<[String; 5]> = report
            .items
            .iter()
            .map(|i| {
                let v = &i.verdict;
                [
                    input[i.span.clone()].to_owned(),
                    v.kind.as_str().to_owned(),
                    v.status.as_str().to_owned(),
                    v.findings
                        .first()
                        .map_or("-".to_owned(), |f| f.technique.as_str().to_owned()),
                    v.brand.as_ref().map_or("-".to_owned(), |b| b.id.clone()),
                ]
            })
            .collect();
        for item in &report.items {
            assert_eq!(
                input[item.span.clone()],
                item.text,
                "{name}: span and text agree"
            );
        }
        if got != want.items {
            let show = |items: &[[String; 5]]| {
                items
                    .iter()
                    .map(|i| format!("    {}", i.join(" | ")))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            failures.push(format!(
                "{name}: items differ\n  got:\n{}\n  expected:\n{}",
                show(&got),
                show(&want.items)
            ));
        }
        let claims: BTreeSet<(String, String)> = report
            .claims
            .iter()
            .map(|c| (c.kind.as_str().to_owned(), c.brand.id.clone()))
            .collect();
        if claims != want.claims {
            failures.push(format!(
                "{name}: claims {claims:?}, expected {:?}",
                want.claims
            ));
        }
        let mentions: BTreeSet<String> =
            report.mentions.iter().map(|m| m.brand.id.clone()).collect();
        if mentions != want.mentions {
            failures.push(format!(
                "{name}: mentions {mentions:?}, expected {:?}",
                want.mentions
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} checks failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn golden_human_reports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let golden = root.join("tests/data/scan-golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut checked = 0;
    let mut entries: Vec<PathBuf> = fs::read_dir(&golden)
        .expect("tests/data/scan-golden exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "out"))
        .collect();
    entries.sort();
    for out in entries {
        // NAME.LANG.out reports on tests/data/scan/NAME.{txt,html}.
        let stem = out.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let (name, lang) = stem.rsplit_once('.').expect("NAME.LANG.out");
        let source = ["txt", "html"]
            .iter()
            .map(|ext| root.join(format!("tests/data/scan/{name}.{ext}")))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("{}: no corpus text {name}", out.display()));
        let run = common::contactguard()
            .args(["scan", "--color", "never", "--lang", lang])
            .arg(&source)
            .output()
            .expect("run contactguard");
        let text = String::from_utf8(run.stdout).expect("UTF-8 output");
        if update {
            fs::write(&out, &text).expect("write golden file");
        } else {
            let want = fs::read_to_string(&out).expect("golden file");
            assert_eq!(
                text,
                want,
                "{} differs (UPDATE_GOLDEN=1 rewrites it)",
                out.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} golden reports");
}

#[test]
fn hostile_text_gives_a_report_and_oversize_an_error() {
    let checker = Checker::builtin().expect("embedded registry");
    // A quarter of a mebibyte each keeps the debug-build test fast; the release timings on
    // 4 MiB inputs are in the README.
    let mib = 256 * 1024;
    let hostile = [
        "<".repeat(mib),
        "1-".repeat(mib / 2),
        "@a".repeat(mib / 2),
        "&#x40;".repeat(mib / 6),
        "http://".repeat(mib / 7),
        "TP钱包客服热线电话官网".repeat(mib / 30),
        "\u{202E}\u{200B}tokenpocket.pro ".repeat(mib / 24),
        "微信 ".repeat(mib / 7),
        "a.".repeat(mib / 2),
    ];
    for text in &hostile {
        let report = checker.scan(text);
        assert!(report.error.is_none());
        for item in &report.items {
            assert_eq!(text[item.span.clone()], item.text);
        }
    }
    let rtl = checker.scan(&hostile[6]);
    assert!(rtl
        .items
        .iter()
        .all(|i| i.verdict.status == contactguard::Status::Impersonation));

    let big = "a".repeat(contactguard::scan::MAX_SCAN_LEN + 1);
    let report = checker.scan(&big);
    assert!(report.items.is_empty());
    assert!(report
        .error
        .as_deref()
        .is_some_and(|e| e.contains("split it")));
    assert_eq!(report.exit_code(), 4);
}

/// Victims read these reports: no jargon in any language. Every scan text's whole report (with
/// the steps and places to report) in English, Simplified and Traditional Chinese is free of the
/// words the project keeps for `--verbose` and for developers.
#[test]
fn reports_to_victims_use_plain_words() {
    use contactguard::i18n::{report_regions, Language};
    use contactguard::report::{self, Style};
    use contactguard::Status;

    const JARGON_EN: &[&str] = &[
        "registry",
        "handle",
        "homoglyph",
        "punycode",
        "combosquat",
        "userinfo",
        "typosquat",
    ];
    const JARGON_ZH: &[&str] = &[
        "登记册",
        "登記冊",
        "渠道声称",
        "渠道聲稱",
        "注册表",
        "LATIN ",
        "DIGIT ",
        "CYRILLIC ",
    ];
    let checker = Checker::builtin().expect("the built-in registry verifies");
    let registry = checker.registry();
    for path in corpus() {
        let text = fs::read_to_string(&path).expect("readable");
        let scan = checker.scan(&text);
        for language in Language::ALL.iter().copied() {
            let lang = language.registry_lang();
            let mut out = report::scan(&text, &scan, lang, Style::plain(), false);
            if scan.status == Some(Status::Impersonation) {
                let brands: Vec<_> = report::imitated(&scan)
                    .iter()
                    .filter_map(|id| registry.brand(id))
                    .collect();
                let regions = report_regions(language, None);
                out.append(report::aftercare(
                    registry,
                    &brands,
                    &regions,
                    lang,
                    Style::plain(),
                ));
            }
            // The words the report itself adds: the scanned text's own words (echoed
            // contacts, quoted claims) are the scammer's, not ours.
            for part in out.in_language(language).parts() {
                let own = part.text.replace(text.as_str(), "");
                let lower = own.to_lowercase();
                let jargon = match language {
                    Language::En => JARGON_EN,
                    _ => JARGON_ZH,
                };
                for word in jargon {
                    let quoted = |w: &str| text.to_lowercase().contains(w);
                    assert!(
                        !lower.contains(&word.to_lowercase()) || quoted(&word.to_lowercase()),
                        "{} ({language:?}): '{word}' in: {}",
                        path.display(),
                        part.text
                    );
                }
            }
        }
    }
}
