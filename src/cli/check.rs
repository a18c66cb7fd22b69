//! Human output of `check`: one block per verdict, readable at a glance.

use contactguard::registry::{ChannelKind, Lang};
use contactguard::{Checker, Detail, Kind, Status, Technique, Verdict};

use super::style::Style;
use super::zh::{self, pick};

/// How many of the brand's channels to list before pointing at `brands ID`.
const SHOWN_CHANNELS: usize = 4;

pub fn render(checker: &Checker, v: &Verdict, lang: Lang, style: Style) -> String {
    let mut out = String::new();
    let (mark, word) = match v.status {
        Status::Official => (style.good("✓"), style.good(pick(lang, "OFFICIAL", "官方"))),
        Status::Impersonation => (
            style.bad("✗"),
            style.bad(pick(lang, "IMPERSONATION", "仿冒")),
        ),
        Status::Unknown => (style.warn("?"), style.warn(pick(lang, "UNKNOWN", "未知"))),
        _ => (style.warn("!"), style.warn(pick(lang, "INVALID", "无效"))),
    };
    out.push_str(&format!(
        "{mark} {word}  {}\n",
        style.bold(&shown(&v.input))
    ));
    if let (Some(norm), Some(display)) = (&v.normalized, &v.display) {
        out.push_str(&style.dim(&format!(
            "  {}{norm}\n  {}{display}\n",
            pick(lang, "real form:  ", "真实形式："),
            pick(lang, "shown as:   ", "显示为：  ")
        )));
    }
    let brand_name = v
        .brand
        .as_ref()
        .map(|b| b.name.as_str())
        .unwrap_or_default();
    let target = v.findings.iter().find_map(|f| f.target.as_ref());
    if let Some(info) = &v.phone {
        let ext = info
            .extension
            .as_deref()
            .map(|e| format!(" · ext {e}"))
            .unwrap_or_default();
        let number = v.normalized.as_deref().unwrap_or_default();
        out.push_str(&style.dim(&format!(
            "  {}{number} · {} · {}{ext}\n",
            pick(lang, "number: ", "号码："),
            zh::number_type(info.number_type, lang),
            info.region
        )));
    }
    if v.kind == Kind::Handle && v.platform.is_none() && v.status != Status::Invalid {
        out.push_str(&style.dim(pick(
            lang,
            "  (no platform given: checked against every platform)\n",
            "  （未指明平台：已与所有平台的官方账号比对）\n",
        )));
    }
    let primary = v.findings.first().map(|f| f.technique);
    match v.status {
        Status::Official => {
            if let Some(t) = target {
                let noun = zh::kind_noun(t.kind, lang);
                let line = match (lang, primary, v.kind) {
                    (Lang::Zh, Some(Technique::OfficialSubdomain), Kind::Email) => {
                        format!("  这是 {brand_name} 自有域名 {} 下的邮箱，只有 {brand_name} 能收到发往这里的邮件。\n", t.value)
                    }
                    (_, Some(Technique::OfficialSubdomain), Kind::Email) => {
                        format!("  This is an address at {brand_name}'s own domain {}: only {brand_name} receives mail there.\n", t.value)
                    }
                    (Lang::Zh, Some(Technique::OfficialSubdomain), _) => format!("  这是 {brand_name} 官方网站 {} 下的子域名。\n", t.value),
                    (_, Some(Technique::OfficialSubdomain), _) => {
                        format!("  This is inside {brand_name}'s website {}: every subdomain of it is {brand_name}'s.\n", t.value)
                    }
                    (Lang::Zh, _, _) => format!("  这是 {brand_name} 的{noun} {}。\n", t.value),
                    _ => {
                        let note = t.note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
                        format!("  This is {brand_name}'s {noun} {}{note}.\n", t.value)
                    }
                };
                out.push_str(&line);
            }
        }
        Status::Impersonation => match target {
            Some(t) => {
                let noun = zh::kind_noun(t.kind, lang);
                out.push_str(&match lang {
                    Lang::Zh => format!("  它在冒充 {brand_name} 的{noun} {}。\n", t.value),
                    _ => format!("  It imitates {brand_name}'s {noun} {}.\n", t.value),
                });
            }
            None => {
                // The kind the brand says it lacks, else the kind of contact this is.
                let lacked = v.findings.iter().find_map(|f| match &f.detail {
                    Detail::NoChannel { kind, .. } => Some(*kind),
                    _ => None,
                });
                let kind = lacked
                    .or_else(|| v.channel_kind())
                    .unwrap_or(ChannelKind::Domain);
                let noun = zh::kind_noun(kind, lang);
                out.push_str(&match (lang, lacked.is_some()) {
                    (Lang::Zh, true) => format!("  它自称是 {brand_name} 的{noun}，但 {brand_name} 根本没有{noun}。\n"),
                    (Lang::Zh, false) => format!("  它自称是 {brand_name} 的{noun}，但它不在 {brand_name} 公布的渠道中。\n"),
                    (_, true) => format!("  It is presented as {brand_name}'s {noun}, but {brand_name} has none.\n"),
                    (_, false) => format!("  It is presented as {brand_name}'s {noun}, but it is not one of {brand_name}'s channels.\n"),
                });
            }
        },
        Status::Unknown => out.push_str(pick(
            lang,
            "  It is not in the registry: nobody here can vouch for it. That does not make it safe.\n",
            "  它不在登记册中：我们无法为它担保，这并不表示它是安全的。\n",
        )),
        _ => {
            let error = v.error.as_deref().unwrap_or_default();
            out.push_str(&match lang {
                Lang::Zh => format!("  无法检查这个输入（{error}）。\n"),
                _ => format!("  {error}\n"),
            });
        }
    }
    for f in v
        .findings
        .iter()
        .filter(|f| !matches!(v.status, Status::Official) || f.target.is_none())
    {
        let line = match lang {
            Lang::Zh => format!(
                "  • {}：{}\n",
                style.bold(zh::technique(f.technique, lang)),
                zh::detail(&f.detail, lang)
            ),
            _ => format!(
                "  • {} ({}): {}\n",
                style.bold(zh::technique(f.technique, lang)),
                f.technique,
                zh::detail(&f.detail, lang)
            ),
        };
        out.push_str(&line);
    }
    for note in &v.notes {
        out.push_str(&style.dim(&format!(
            "  {}{}\n",
            pick(lang, "note: ", "说明："),
            zh::detail(&note.detail, lang)
        )));
    }
    if v.status == Status::Impersonation {
        if let Some(brand) = v
            .brand
            .as_ref()
            .and_then(|b| checker.registry().brand(&b.id))
        {
            let kinds: Vec<ChannelKind> = v.official_channels.iter().map(|c| c.kind).collect();
            let one_kind = kinds.windows(2).all(|w| w[0] == w[1]);
            let heading = match (lang, kinds.first()) {
                (_, None) => String::new(),
                (Lang::Zh, Some(k)) if one_kind => format!(
                    "  请不要使用它。{} 真正的{}：\n",
                    brand.display_name(),
                    zh::kind_plural(*k, lang)
                ),
                (_, Some(k)) if one_kind => format!(
                    "  Do not use it. {}'s real {}:\n",
                    brand.display_name(),
                    zh::kind_plural(*k, lang)
                ),
                (Lang::Zh, _) => format!(
                    "  请不要使用它。请只通过以下官方渠道联系 {}：\n",
                    brand.display_name()
                ),
                _ => format!(
                    "  Do not use it. Reach {} only through:\n",
                    brand.display_name()
                ),
            };
            out.push_str(&heading);
            for c in v.official_channels.iter().take(SHOWN_CHANNELS) {
                let label = if one_kind {
                    String::new()
                } else {
                    format!("{}  ", zh::kind_noun(c.kind, lang))
                };
                let note = match (lang, &c.note) {
                    (Lang::En, Some(n)) => style.dim(&format!("  ({n})")),
                    _ => String::new(),
                };
                out.push_str(&format!("    {label}{}{note}\n", style.good(&c.value)));
            }
            if v.official_channels.len() > SHOWN_CHANNELS {
                let more = v.official_channels.len() - SHOWN_CHANNELS;
                out.push_str(&match lang {
                    Lang::Zh => format!("    ……还有 {more} 个：contactguard brands {}\n", brand.id),
                    _ => format!("    … and {more} more: contactguard brands {}\n", brand.id),
                });
            }
            if let Some(s) = brand.statements.first() {
                out.push_str(&match lang {
                    Lang::Zh => format!("  {} 提醒：{}\n", brand.display_name(), s.text(lang)),
                    _ => format!("  {} says: {}\n", brand.display_name(), s.text(lang)),
                });
            }
        }
    }
    out
}

/// The most characters of an input echoed back; longer inputs are cut with `…`.
const SHOWN_INPUT: usize = 120;

/// `input` as echoed in a report: one line, at most [`SHOWN_INPUT`] characters.
pub(super) fn shown(input: &str) -> String {
    let mut out: String = input
        .chars()
        .take(SHOWN_INPUT)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if input.chars().nth(SHOWN_INPUT).is_some() {
        out.push('…');
    }
    out
}
