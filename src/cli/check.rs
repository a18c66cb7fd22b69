//! Human output of `check`: one block per verdict, readable at a glance.

use contactguard::registry::{ChannelKind, Lang};
use contactguard::{Checker, Status, Verdict};

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
    out.push_str(&format!("{mark} {word}  {}\n", style.bold(&v.input)));
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
    match v.status {
        Status::Official => {
            if let Some(t) = target {
                let noun = zh::kind_noun(t.kind, lang);
                let line = match lang {
                    Lang::Zh => format!("  这是 {brand_name} 的{noun} {}。\n", t.value),
                    _ => {
                        let note = t.note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
                        format!("  This is {brand_name}'s {noun} {}{note}.\n", t.value)
                    }
                };
                out.push_str(&line);
            }
        }
        Status::Impersonation => {
            if let Some(t) = target {
                let noun = zh::kind_noun(t.kind, lang);
                out.push_str(&match lang {
                    Lang::Zh => format!("  它在冒充 {brand_name} 的{noun} {}。\n", t.value),
                    _ => format!("  It imitates {brand_name}'s {noun} {}.\n", t.value),
                });
            }
        }
        Status::Unknown => out.push_str(pick(
            lang,
            "  It is not in the registry: nobody here can vouch for it. That does not make it safe.\n",
            "  它不在登记册中：我们无法为它担保，这并不表示它是安全的。\n",
        )),
        _ => {
            let error = v.error.as_deref().unwrap_or_default();
            out.push_str(&match lang {
                Lang::Zh => format!("  这不是可以检查的链接或域名（{error}）。\n"),
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
    if v.status == Status::Impersonation {
        if let Some(brand) = v
            .brand
            .as_ref()
            .and_then(|b| checker.registry().brand(&b.id))
        {
            let kind = target.map_or(ChannelKind::Domain, |t| t.kind);
            let channels: Vec<_> = brand.channels_of(kind).collect();
            out.push_str(&match lang {
                Lang::Zh => format!(
                    "  请不要使用它。{} 真正的{}：\n",
                    brand.display_name(),
                    zh::kind_plural(kind, lang)
                ),
                _ => format!(
                    "  Do not use it. {}'s real {}:\n",
                    brand.display_name(),
                    zh::kind_plural(kind, lang)
                ),
            });
            for c in channels.iter().take(SHOWN_CHANNELS) {
                let note = match (lang, &c.note) {
                    (Lang::En, Some(n)) => style.dim(&format!("  ({n})")),
                    _ => String::new(),
                };
                out.push_str(&format!("    {}{note}\n", style.good(&c.value)));
            }
            if channels.len() > SHOWN_CHANNELS {
                let more = channels.len() - SHOWN_CHANNELS;
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
