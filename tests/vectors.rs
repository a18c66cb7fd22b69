//! Data-driven tests: each file in `tests/data/` is a table of inputs and the verdicts they
//! must get. One test per file; a failure lists every case that went wrong, with its line.

mod escapes;

use contactguard::input::handle::Platform;
use contactguard::normalize::visual_key;
use contactguard::{CheckOptions, Checker, Kind, Status, Verdict};

/// One expected outcome, as written in a vector file.
struct Case {
    line: usize,
    input: String,
    status: String,
    technique: String,
    target: String,
    options: CheckOptions,
}

/// Reads `input<TAB>status<TAB>technique<TAB>target<TAB>options<TAB>note` lines; `#` starts a
/// comment. `options` is `-` or space-separated `kind=`, `brand=`, `region=`, `platform=`.
fn cases(file: &str) -> Vec<Case> {
    let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(
            cols.len() >= 4,
            "{file}:{}: expected at least 4 tab-separated columns",
            i + 1
        );
        assert!(
            ["official", "impersonation", "unknown", "invalid"].contains(&cols[1]),
            "{file}:{}: unknown status '{}'",
            i + 1,
            cols[1]
        );
        out.push(Case {
            line: i + 1,
            input: String::from_utf8(escapes::unescape(cols[0])).expect("UTF-8 input"),
            status: cols[1].to_owned(),
            technique: cols[2].to_owned(),
            target: cols[3].to_owned(),
            options: options(cols[4]).unwrap_or_else(|e| panic!("{file}:{}: {e}", i + 1)),
        });
    }
    out
}

fn options(text: &str) -> Result<CheckOptions, String> {
    let mut o = CheckOptions::default();
    for pair in text.split_whitespace().filter(|p| *p != "-") {
        let (k, v) = pair
            .split_once('=')
            .ok_or_else(|| format!("option '{pair}' is not key=value"))?;
        o = match k {
            "kind" => o.kind(match v {
                "url" => Kind::Url,
                "domain" => Kind::Domain,
                "phone" => Kind::Phone,
                "handle" => Kind::Handle,
                "email" => Kind::Email,
                _ => return Err(format!("unknown kind '{v}'")),
            }),
            "brand" => o.brand(v),
            "region" => o.region(v),
            "platform" => o.platform(
                Platform::ALL
                    .iter()
                    .copied()
                    .find(|p| p.kind().as_str() == v)
                    .ok_or_else(|| format!("unknown platform '{v}'"))?,
            ),
            _ => return Err(format!("unknown option '{k}'")),
        };
    }
    Ok(o)
}

/// Why a verdict does not meet a case, if it does not.
fn mismatch(case: &Case, v: &Verdict) -> Option<String> {
    if v.status.as_str() != case.status {
        return Some(format!("status {} (expected {})", v.status, case.status));
    }
    if case.technique != "-" {
        let found = v.findings.iter().any(|f| {
            f.technique.as_str() == case.technique
                && match (&f.target, case.target.as_str()) {
                    (_, "-") => true,
                    (Some(t), want) => t.value == want,
                    (None, _) => false,
                }
        });
        if !found {
            return Some(format!(
                "no {} finding targeting {}",
                case.technique, case.target
            ));
        }
    } else if case.status == "unknown" {
        if let Some(f) = v.findings.iter().find(|f| f.target.is_some()) {
            return Some(format!("{} finding aimed at a brand", f.technique));
        }
    }
    if case.status == "official"
        && v.status == Status::Official
        && v.findings[0].target.as_ref().map(|t| t.value.as_str()) != Some(case.target.as_str())
        && case.target != "-"
    {
        return Some(format!("official for {:?}", v.findings[0].target));
    }
    None
}

fn run(file: &str) {
    let checker = Checker::builtin().expect("the embedded registry loads");
    let cases = cases(file);
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let v = checker.check_with(&case.input, &case.options);
            mismatch(case, &v).map(|why| {
                let got: Vec<String> = v
                    .findings
                    .iter()
                    .map(|f| {
                        format!(
                            "{}→{}",
                            f.technique,
                            f.target.as_ref().map_or("-", |t| t.value.as_str())
                        )
                    })
                    .collect();
                format!(
                    "  {file}:{} {:?}: {why}; got [{}] {}",
                    case.line,
                    case.input,
                    got.join(", "),
                    v.error.unwrap_or_default()
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn domains() {
    run("domains.tsv");
}

#[test]
fn phones() {
    run("phones.tsv");
}

#[test]
fn handles() {
    run("handles.tsv");
}

#[test]
fn emails() {
    run("emails.tsv");
}

/// `confusables.tsv`: every character that passes for a letter has the letter's visual key.
#[test]
fn confusables() {
    let path = format!("{}/tests/data/confusables.tsv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut wrong = Vec::new();
    let mut count = 0;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [code, glyph, letter, name] = cols[..] else {
            panic!("confusables.tsv:{}: four columns", i + 1);
        };
        count += 1;
        let (got, want) = (visual_key(glyph), visual_key(letter));
        if got != want {
            wrong.push(format!(
                "confusables.tsv:{} {code} {glyph} ({name}): {got:?}, expected {want:?} ({letter})",
                i + 1
            ));
        }
    }
    assert!(count >= 240, "{count} rows");
    assert!(
        wrong.is_empty(),
        "{} of {count}:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// `platforms.tsv`: the account each platform's links and labels name, and the form of it.
#[test]
fn platforms() {
    use contactguard::input::handle::{Form, Handle};
    let path = format!("{}/tests/data/platforms.tsv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let form_name = |f: Form| match f {
        Form::Name => "name",
        Form::Invite => "invite",
        Form::ChannelId => "channel_id",
        Form::Post => "post",
        Form::Opaque => "opaque",
        _ => "other",
    };
    let mut failures = Vec::new();
    let mut count = 0;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        count += 1;
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "platforms.tsv:{}: four columns", i + 1);
        let input = String::from_utf8(escapes::unescape(cols[0])).expect("UTF-8 input");
        let got = match Handle::parse(&input, None) {
            Err(_) => "invalid - -".to_owned(),
            Ok(h) => format!(
                "{} {} {}",
                h.platform().map_or("-", |p| p.kind().as_str()),
                if h.form() == Form::Opaque {
                    "-"
                } else {
                    h.name()
                },
                form_name(h.form())
            ),
        };
        let want = format!("{} {} {}", cols[1], cols[2], cols[3]);
        if got != want {
            failures.push(format!(
                "  platforms.tsv:{} {input:?}: got {got}, expected {want}",
                i + 1
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
