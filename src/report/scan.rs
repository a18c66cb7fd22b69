//! The report on a scanned text: the verdict on the whole text, each contact with where it
//! was found, the false claims, then what to do instead.

use crate::input::handle::Platform;
use crate::registry::{ChannelKind, Lang};
use crate::scan::{Advice, Basis, ScanReport};
use crate::{Status, Technique};

use super::say::{self as zh, say, Msg};
use super::{shown, Part, Report, Role, Style};

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

/// The report on `scan`, the scan of `input`, in `lang`; `verbose` adds where every channel
/// is listed.
///
/// ```
/// use contactguard::report::{self, Role, Style};
/// use contactguard::registry::Lang;
/// use contactguard::{Checker, Status};
///
/// let checker = Checker::builtin()?;
/// let text = "Call TokenPocket support: +1 888 555 0100";
/// let out = report::scan(text, &checker.scan(text), Lang::En, Style::plain(), false);
/// let contact = out.parts().iter().find(|p| p.role == Role::Contact).unwrap();
/// assert_eq!(contact.status, Some(Status::Impersonation));
/// assert_eq!(&text[contact.span.clone().unwrap()], "+1 888 555 0100");
/// # Ok::<(), contactguard::Error>(())
/// ```
pub fn scan(input: &str, report: &ScanReport, lang: Lang, style: Style, verbose: bool) -> Report {
    let mut out = Report::default();
    if let Some(error) = &report.error {
        out.push(Role::Summary, say(lang, &Msg::CannotScan { error }));
        return out;
    }
    out.push_part(Part {
        status: report.status,
        ..Part::new(Role::Summary, summary(report, lang, style))
    });
    if !report.items.is_empty() {
        out.push(
            Role::Heading,
            format!("\n{}\n", style.bold(&say(lang, &Msg::ContactsFound))),
        );
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
        out.push_part(Part {
            status: Some(v.status),
            span: Some(item.span.clone()),
            ..Part::new(
                Role::Contact,
                format!(
                    "  {mark} {}  {}\n",
                    style.bold(&shown(&item.text)),
                    style.dim(&location)
                ),
            )
        });
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
        out.push(Role::Explanation, format!("      {explanation}\n"));
    }
    if !report.claims.is_empty() {
        out.push(
            Role::Heading,
            format!("\n{}\n", style.bold(&say(lang, &Msg::FalseClaims))),
        );
        for claim in &report.claims {
            let line = line_of(input, claim.span.start);
            let text = say(
                lang,
                &Msg::ClaimLine {
                    mark: &mark(Status::Impersonation, style),
                    line,
                    text: &claim.text,
                    detail: &zh::detail(&claim.finding.detail, lang),
                },
            );
            out.push_part(Part {
                status: Some(Status::Impersonation),
                span: Some(claim.span.clone()),
                ..Part::new(Role::Claim, text)
            });
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
        for (i, (m, other)) in pairs.into_iter().enumerate() {
            let text = style.warn(&say(
                lang,
                &Msg::TwoBrands {
                    text: &m.text,
                    first: &m.brand.name,
                    second: &other.name,
                },
            ));
            let gap = if i == 0 { "\n" } else { "" };
            out.push(Role::Warning, format!("{gap}{text}"));
        }
    }
    if !report.advice.is_empty() {
        out.push(
            Role::Heading,
            format!("\n{}\n", style.bold(&say(lang, &Msg::WhatToDo))),
        );
        if report.status == Some(Status::Impersonation) {
            out.push(Role::Advice, say(lang, &Msg::DoNotPay));
        }
        for advice in &report.advice {
            out.append(advise(advice, lang, style, verbose));
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
///
/// ```
/// use contactguard::report::imitated;
/// use contactguard::Checker;
///
/// let scan = Checker::builtin()?.scan("imToken客服热线 400-800-1234，官网 tokenp0cket.pro");
/// assert_eq!(imitated(&scan), ["imtoken", "tokenpocket"]);
/// # Ok::<(), contactguard::Error>(())
/// ```
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
fn advise(advice: &Advice, lang: Lang, style: Style, verbose: bool) -> Report {
    let name = &advice.brand.name;
    let mut out = Report::default();
    out.push(
        Role::Brand,
        say(lang, &Msg::OfficialChannelsOf { brand: name }),
    );
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
        out.push(
            Role::Channels,
            say(
                lang,
                &Msg::ChannelRow {
                    heading: label,
                    values: &values,
                },
            ),
        );
    }
    if verbose {
        out.push(
            Role::Detail,
            say(
                lang,
                &Msg::EveryChannel {
                    id: &advice.brand.id,
                },
            ),
        );
    }
    if let Some(url) = advice.brand.verify_at.as_deref() {
        out.push(
            Role::Statement,
            say(lang, &Msg::VerifyAt { brand: name, url }),
        );
    }
    for s in advice.statements.iter().take(SHOWN_STATEMENTS) {
        out.push(
            Role::Statement,
            say(
                lang,
                &Msg::BrandSays {
                    brand: name,
                    text: s.text(lang),
                },
            ),
        );
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
