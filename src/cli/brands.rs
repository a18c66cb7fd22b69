//! Human output of `brands`.

use contactguard::registry::{Brand, ChannelKind, Lang, Registry};

use super::style::Style;
use super::zh::{self, pick};

pub fn list(registry: &Registry, lang: Lang, style: Style) -> String {
    let mut out = String::new();
    let width = registry
        .brands()
        .iter()
        .map(|b| b.id.len())
        .max()
        .unwrap_or(0);
    for b in registry.brands() {
        let mut notes = vec![format!(
            "{} {}",
            b.channels.len(),
            pick(lang, "channels", "个渠道")
        )];
        for no in &b.no_channels {
            notes.push(match lang {
                Lang::Zh => format!("没有{}", zh::kind_noun(no.kind, lang)),
                _ => format!("no {}", zh::kind_noun(no.kind, lang)),
            });
        }
        out.push_str(&format!(
            "{:width$}  {}  {}\n",
            b.id,
            style.bold(&b.names.join(" / ")),
            style.dim(&notes.join(", "))
        ));
    }
    out.push_str(&match lang {
        Lang::Zh => format!(
            "\n共 {} 个品牌，登记册版本 {}。查看某个品牌：contactguard brands ID\n",
            registry.brands().len(),
            registry.version()
        ),
        _ => format!(
            "\n{} brands, registry version {}. One brand's channels: contactguard brands ID\n",
            registry.brands().len(),
            registry.version()
        ),
    });
    out
}

pub fn show(brand: &Brand, lang: Lang, style: Style, sources: bool) -> String {
    let mut out = format!(
        "{}  ({})\n",
        style.bold(brand.display_name()),
        brand.names.join(" / ")
    );
    for &kind in ChannelKind::ALL {
        let channels: Vec<_> = brand.channels_of(kind).collect();
        if channels.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n  {}\n",
            style.bold(zh::kind_plural(kind, lang))
        ));
        for c in channels {
            let note = match (lang, &c.note) {
                (Lang::En, Some(n)) => style.dim(&format!("  ({n})")),
                _ => String::new(),
            };
            out.push_str(&format!("    {}{note}\n", style.good(&c.value)));
            if sources {
                out.push_str(&style.dim(&format!(
                    "      {}: {}\n",
                    pick(lang, "source", "来源"),
                    c.source
                )));
            }
        }
    }
    for no in &brand.no_channels {
        let noun = zh::kind_noun(no.kind, lang);
        out.push_str(&match lang {
            Lang::Zh => format!(
                "\n  {} {}没有公布任何{noun}。自称 {} {noun}的都是骗子。\n",
                style.bad("!"),
                brand.display_name(),
                brand.display_name()
            ),
            _ => format!(
                "\n  {} {} publishes no {noun}. Any \"{} {noun}\" is a scam.\n",
                style.bad("!"),
                brand.display_name(),
                brand.display_name()
            ),
        });
        if sources {
            out.push_str(&style.dim(&format!(
                "      {}: {}\n",
                pick(lang, "source", "来源"),
                no.source
            )));
        }
    }
    if !brand.statements.is_empty() {
        out.push_str(&format!(
            "\n  {}\n",
            style.bold(pick(lang, "What the brand says", "品牌的安全提醒"))
        ));
        for s in &brand.statements {
            out.push_str(&format!("    • {}\n", s.text(lang)));
            if sources {
                out.push_str(&style.dim(&format!(
                    "      {}: {}\n",
                    pick(lang, "source", "来源"),
                    s.source
                )));
            }
        }
    }
    out
}
