//! Human output of `scan`: the verdict on the whole text, each contact with where it was
//! found, the false claims, then what to do instead.

use contactguard::input::handle::Platform;
use contactguard::registry::{ChannelKind, Lang};
use contactguard::scan::{Advice, Basis, ScanReport};
use contactguard::{Status, Technique};

use super::check::shown;
use super::say::{self as zh, say, Msg};
use super::style::Style;

/// How many channels of one kind to list under "what to do".
const SHOWN_PER_KIND: usize = 2;

/// How many of a brand's safety statements to quote.
const SHOWN_STATEMENTS: usize = 3;

/// The kinds of channel worth listing as a way to reach support, in order: e-mail, websites,
/// the platforms whose rows say people reach support there, and phone numbers last.
fn support_kinds() -> impl Iterator<Item = ChannelKind> {
    [ChannelKind::Email, ChannelKind::Domain]
        .into_iter()
        .chain(
            Platform::ALL
                .iter()
                .filter(|p| p.descriptor().support)
                .map(|p| p.kind()),
        )
        .chain([ChannelKind::Phone])
}

pub fn render(input: &str, report: &ScanReport, lang: Lang, style: Style, verbose: bool) -> String {
    let mut out = String::new();
    if let Some(error) = &report.error {
        out.push_str(&say(lang, &Msg::CannotScan { error }));
        return out;
    }
    out.push_str(&summary(report, lang, style));
    if !report.items.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            style.bold(&say(lang, &Msg::ContactsFound))
        ));
    }
    for item in &report.items {
        let v = &item.verdict;
        let mark = mark(v.status, style);
        let line = line_of(input, item.span.start);
        let kind = match v.channel_kind() {
            Some(k) => zh::kind_noun(k, lang).to_owned(),
            None => say(lang, &Msg::Handle),
        };
        let location = say(lang, &Msg::Location { line, kind: &kind });
        out.push_str(&format!(
            "  {mark} {}  {}\n",
            style.bold(&shown(&item.text)),
            style.dim(&location)
        ));
        let brand = v
            .brand
            .as_ref()
            .map(|b| b.name.as_str())
            .unwrap_or_default();
        let explanation = match v.status {
            Status::Official => say(lang, &Msg::OfficialItem { brand, kind: &kind }),
            Status::Unknown => say(lang, &Msg::UnknownItem),
            _ => v
                .findings
                .first()
                .map(|f| {
                    let claimed = item
                        .claimed_for
                        .as_ref()
                        .filter(|_| {
                            matches!(
                                f.technique,
                                Technique::BrandMention | Technique::NoSuchChannel
                            )
                        })
                        .map(|b| {
                            // Where the brand is named, when it is not on the contact's line.
                            let far = item
                                .claim_reason
                                .as_ref()
                                .filter(|r| r.basis != Basis::Line);
                            say(
                                lang,
                                &match far {
                                    Some(r) => Msg::ClaimedFar {
                                        brand: &b.name,
                                        text: &r.text,
                                        line: line_of(input, r.span.start),
                                    },
                                    None => Msg::ClaimedHere { brand: &b.name },
                                },
                            )
                        })
                        .unwrap_or_default();
                    say(
                        lang,
                        &Msg::ItemFinding {
                            technique: zh::technique(f.technique, lang),
                            claimed: &claimed,
                            detail: &zh::detail(&f.detail, lang),
                        },
                    )
                })
                .unwrap_or_default(),
        };
        out.push_str(&format!("      {explanation}\n"));
    }
    if !report.claims.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            style.bold(&say(lang, &Msg::FalseClaims))
        ));
        for claim in &report.claims {
            let line = line_of(input, claim.span.start);
            out.push_str(&say(
                lang,
                &Msg::ClaimLine {
                    mark: &mark(Status::Impersonation, style),
                    line,
                    text: &claim.text,
                    detail: &zh::detail(&claim.finding.detail, lang),
                },
            ));
        }
    }
    // Each pair once: its first name, with the brand beside it.
    let pairs: Vec<_> = report
        .mentions
        .iter()
        .filter_map(|m| Some((m, m.paired_with.as_ref()?)))
        .filter(|(m, other)| {
            !report.mentions.iter().any(|n| {
                n.span.end <= m.span.start
                    && n.brand.id == other.id
                    && n.paired_with.as_ref().is_some_and(|p| p.id == m.brand.id)
            })
        })
        .collect();
    if !pairs.is_empty() {
        out.push('\n');
        for (m, other) in pairs {
            out.push_str(&style.warn(&say(
                lang,
                &Msg::TwoBrands {
                    text: &m.text,
                    first: &m.brand.name,
                    second: &other.name,
                },
            )));
        }
    }
    if !report.advice.is_empty() {
        out.push_str(&format!("\n{}\n", style.bold(&say(lang, &Msg::WhatToDo))));
        if report.status == Some(Status::Impersonation) {
            out.push_str(&say(lang, &Msg::DoNotPay));
        }
        for advice in &report.advice {
            out.push_str(&advise(advice, lang, style, verbose));
        }
    }
    out
}

/// The first line: the verdict on the whole text and the counts behind it.
fn summary(report: &ScanReport, lang: Lang, style: Style) -> String {
    let count = |s: Status| {
        report
            .items
            .iter()
            .filter(|i| i.verdict.status == s)
            .count()
    };
    let (bad, unknown, good) = (
        count(Status::Impersonation),
        count(Status::Unknown),
        count(Status::Official),
    );
    let claims = report.claims.len();
    let brands: Vec<&str> = report
        .items
        .iter()
        .filter(|i| i.verdict.status == Status::Impersonation)
        .filter_map(|i| i.verdict.brand.as_ref())
        .chain(report.claims.iter().map(|c| &c.brand))
        .map(|b| b.name.as_str())
        .fold(Vec::new(), |mut acc, n| {
            if !acc.contains(&n) {
                acc.push(n);
            }
            acc
        });
    let total = report.items.len();
    let word = |status: Status| say(lang, &Msg::Status(status));
    match report.status {
        None => say(
            lang,
            &Msg::SummaryNone {
                mark: &mark(Status::Unknown, style),
            },
        ),
        Some(Status::Impersonation) => {
            let mut parts = Vec::new();
            if total > 0 {
                parts.push(say(
                    lang,
                    &Msg::ImpersonatingCounts {
                        bad,
                        total,
                        unknown,
                        good,
                    },
                ));
            }
            if claims > 0 {
                parts.push(say(lang, &Msg::FalseClaimCount { claims }));
            }
            say(
                lang,
                &Msg::SummaryImpersonation {
                    mark: &mark(Status::Impersonation, style),
                    word: &style.bad(&word(Status::Impersonation)),
                    brands: &brands,
                    parts: &parts,
                },
            )
        }
        Some(Status::Official) => say(
            lang,
            &Msg::SummaryOfficial {
                mark: &mark(Status::Official, style),
                word: &style.good(&word(Status::Official)),
                total,
            },
        ),
        Some(_) => say(
            lang,
            &Msg::SummaryUnknown {
                mark: &mark(Status::Unknown, style),
                word: &style.warn(&word(Status::Unknown)),
                total,
                unknown,
                good,
            },
        ),
    }
}

/// The ids of the brands the report's impersonations imitate, in order of appearance.
pub fn imitated(report: &ScanReport) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let items = report
        .items
        .iter()
        .filter(|i| i.verdict.status == Status::Impersonation)
        .filter_map(|i| i.verdict.brand.as_ref());
    for brand in items.chain(report.claims.iter().map(|c| &c.brand)) {
        if !ids.contains(&brand.id) {
            ids.push(brand.id.clone());
        }
    }
    ids
}

/// A brand's real channels and its statements.
fn advise(advice: &Advice, lang: Lang, style: Style, verbose: bool) -> String {
    let name = &advice.brand.name;
    let mut out = say(lang, &Msg::OfficialChannelsOf { brand: name });
    for kind in support_kinds() {
        let values: Vec<String> = advice
            .channels
            .iter()
            .filter(|c| c.kind == kind)
            .take(SHOWN_PER_KIND)
            .map(|c| match Platform::of_kind(c.kind) {
                Some(p) => p.descriptor().shown(&c.value),
                None => c.value.clone(),
            })
            .collect();
        if values.is_empty() {
            continue;
        }
        let values = style.good(&values.join("  "));
        let label = zh::kind_plural(kind, lang);
        out.push_str(&say(
            lang,
            &Msg::ChannelRow {
                heading: label,
                values: &values,
            },
        ));
    }
    if verbose {
        out.push_str(&say(
            lang,
            &Msg::EveryChannel {
                id: &advice.brand.id,
            },
        ));
    }
    if let Some(url) = advice.brand.verify_at.as_deref() {
        out.push_str(&say(lang, &Msg::VerifyAt { brand: name, url }));
    }
    for s in advice.statements.iter().take(SHOWN_STATEMENTS) {
        out.push_str(&say(
            lang,
            &Msg::BrandSays {
                brand: name,
                text: s.text(lang),
            },
        ));
    }
    out
}

fn mark(status: Status, style: Style) -> String {
    match status {
        Status::Official => style.good("✓"),
        Status::Impersonation => style.bad("✗"),
        _ => style.warn("?"),
    }
}

/// The 1-based line of byte offset `at`.
fn line_of(input: &str, at: usize) -> usize {
    input.get(..at).map_or(0, |s| s.matches('\n').count()) + 1
}
