//! Human output of `scan`: the verdict on the whole text, each contact with where it was
//! found, the false claims, then what to do instead.

use contactguard::input::handle::Platform;
use contactguard::registry::{ChannelKind, Lang};
use contactguard::scan::{Advice, Basis, ScanReport};
use contactguard::{Status, Technique};

use super::check::shown;
use super::style::Style;
use super::zh::{self, pick};

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

pub fn render(input: &str, report: &ScanReport, lang: Lang, style: Style) -> String {
    let mut out = String::new();
    if let Some(error) = &report.error {
        out.push_str(&match lang {
            Lang::Zh => format!("无法扫描：{error}\n"),
            _ => format!("Cannot scan: {error}\n"),
        });
        return out;
    }
    out.push_str(&summary(report, lang, style));
    if !report.items.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            style.bold(pick(lang, "Contacts found:", "发现的联系方式："))
        ));
    }
    for item in &report.items {
        let v = &item.verdict;
        let mark = mark(v.status, style);
        let line = line_of(input, item.span.start);
        let kind = match v.channel_kind() {
            Some(k) => zh::kind_noun(k, lang),
            None => pick(lang, "handle", "账号"),
        };
        let location = match lang {
            Lang::Zh => format!("第 {line} 行 · {kind}"),
            _ => format!("line {line} · {kind}"),
        };
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
            Status::Official => match lang {
                Lang::Zh => format!("{brand} 的官方{}", kind.trim_start_matches("官方")),
                _ => format!("{brand}'s official {kind}"),
            },
            Status::Unknown => pick(
                lang,
                "not in the registry: nobody here can vouch for it",
                "不在登记册中：无法为它担保",
            )
            .to_owned(),
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
                            match (lang, far) {
                                (Lang::Zh, Some(r)) => format!(
                                    "（第 {} 行“{}”称其为 {} 的）",
                                    line_of(input, r.span.start),
                                    r.text,
                                    b.name
                                ),
                                (Lang::Zh, None) => format!("（文中称其为 {} 的）", b.name),
                                (_, Some(r)) => format!(
                                    " (presented as {}'s: \"{}\" on line {})",
                                    b.name,
                                    r.text,
                                    line_of(input, r.span.start)
                                ),
                                (_, None) => format!(" (presented as {}'s)", b.name),
                            }
                        })
                        .unwrap_or_default();
                    match lang {
                        Lang::Zh => format!(
                            "{}{claimed}：{}",
                            zh::technique(f.technique, lang),
                            zh::detail(&f.detail, lang)
                        ),
                        _ => format!(
                            "{}{claimed}: {}",
                            zh::technique(f.technique, lang),
                            zh::detail(&f.detail, lang)
                        ),
                    }
                })
                .unwrap_or_default(),
        };
        out.push_str(&format!("      {explanation}\n"));
    }
    if !report.claims.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            style.bold(pick(lang, "False claims:", "虚假声称："))
        ));
        for claim in &report.claims {
            let line = line_of(input, claim.span.start);
            out.push_str(&match lang {
                Lang::Zh => format!(
                    "  {} 第 {line} 行「{}」：{}\n",
                    mark(Status::Impersonation, style),
                    claim.text,
                    zh::detail(&claim.finding.detail, lang)
                ),
                _ => format!(
                    "  {} line {line} \"{}\": {}\n",
                    mark(Status::Impersonation, style),
                    claim.text,
                    zh::detail(&claim.finding.detail, lang)
                ),
            });
        }
    }
    if !report.advice.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            style.bold(pick(lang, "What to do:", "怎么办："))
        ));
        if report.status == Some(Status::Impersonation) {
            out.push_str(pick(
                lang,
                "  Do not call, message or pay anyone listed above as support. Never tell anyone your seed phrase or private key.\n",
                "  不要拨打、联系或转账给上面被标为仿冒的任何“客服”。任何时候都不要把助记词或私钥告诉任何人。\n",
            ));
        }
        for advice in &report.advice {
            out.push_str(&advise(advice, lang, style));
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
    match (report.status, lang) {
        (None, Lang::Zh) => format!(
            "{} 没有发现联系方式或渠道声称。\n",
            mark(Status::Unknown, style)
        ),
        (None, _) => format!(
            "{} No contacts and no channel claims found.\n",
            mark(Status::Unknown, style)
        ),
        (Some(Status::Impersonation), Lang::Zh) => {
            let mut parts = Vec::new();
            if total > 0 {
                parts.push(format!(
                    "{total} 个联系方式中 {bad} 个仿冒，{unknown} 个未知，{good} 个官方"
                ));
            }
            if claims > 0 {
                parts.push(format!("虚假声称 {claims} 处"));
            }
            format!(
                "{} {}：这段文字在冒充 {}（{}）\n",
                mark(Status::Impersonation, style),
                style.bad("仿冒"),
                brands.join("、"),
                parts.join("；")
            )
        }
        (Some(Status::Impersonation), _) => {
            let mut parts = Vec::new();
            if total > 0 {
                parts.push(format!(
                    "{bad} of {total} contacts impersonate, {unknown} unknown, {good} official"
                ));
            }
            if claims > 0 {
                parts.push(format!(
                    "{claims} false claim{}",
                    if claims == 1 { "" } else { "s" }
                ));
            }
            format!(
                "{} {}: this text impersonates {} ({})\n",
                mark(Status::Impersonation, style),
                style.bad("IMPERSONATION"),
                brands.join(", "),
                parts.join("; ")
            )
        }
        (Some(Status::Official), Lang::Zh) => format!(
            "{} {}：全部 {total} 个联系方式都是登记在册的官方渠道\n",
            mark(Status::Official, style),
            style.good("官方")
        ),
        (Some(Status::Official), _) => format!(
            "{} {}: all {total} contacts are official channels in the registry\n",
            mark(Status::Official, style),
            style.good("OFFICIAL")
        ),
        (Some(_), Lang::Zh) => format!(
            "{} {}：{total} 个联系方式中 {unknown} 个无法核实，{good} 个官方\n",
            mark(Status::Unknown, style),
            style.warn("未知")
        ),
        (Some(_), _) => format!(
            "{} {}: {unknown} of {total} contacts cannot be vouched for, {good} official\n",
            mark(Status::Unknown, style),
            style.warn("UNKNOWN")
        ),
    }
}

/// A brand's real channels and its statements.
fn advise(advice: &Advice, lang: Lang, style: Style) -> String {
    let name = &advice.brand.name;
    let mut out = match lang {
        Lang::Zh => format!("  {name} 的官方渠道（只认这些）：\n"),
        _ => format!("  {name}'s official channels (only these):\n"),
    };
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
        out.push_str(&match lang {
            Lang::Zh => format!("    {label}：{values}\n"),
            _ => format!("    {label:<18} {values}\n"),
        });
    }
    out.push_str(&match lang {
        Lang::Zh => format!("    全部渠道：contactguard brands {}\n", advice.brand.id),
        _ => format!(
            "    every channel: contactguard brands {}\n",
            advice.brand.id
        ),
    });
    for s in advice.statements.iter().take(SHOWN_STATEMENTS) {
        out.push_str(&match lang {
            Lang::Zh => format!("  {name} 提醒：{}\n", s.text(lang)),
            _ => format!("  {name} says: {}\n", s.text(lang)),
        });
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
