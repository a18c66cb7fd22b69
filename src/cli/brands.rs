//! Human output of `brands`.

use contactguard::registry::{Brand, Channel, ChannelKind, Lang, Registry};
use contactguard::trust::RegistryStamp;

use contactguard::report::say::{self as zh, say, Msg};
use contactguard::report::Style;

pub fn list(registry: &Registry, lang: Lang, style: Style) -> String {
    let mut out = String::new();
    let width = registry
        .brands()
        .iter()
        .map(|b| b.id.len())
        .max()
        .unwrap_or(0);
    for b in registry.brands() {
        let mut notes = vec![say(
            lang,
            &Msg::ChannelCount {
                count: b.channels.len(),
            },
        )];
        for no in &b.no_channels {
            let noun = zh::kind_noun(no.kind, lang);
            notes.push(say(lang, &Msg::NoKind { noun }));
        }
        out.push_str(&format!(
            "{:width$}  {}  {}\n",
            b.id,
            style.bold(&b.names.join(" / ")),
            style.dim(&notes.join(", "))
        ));
    }
    out.push_str(&say(
        lang,
        &Msg::BrandsFooter {
            count: registry.brands().len(),
            version: registry.version(),
        },
    ));
    out
}

pub fn show(
    brand: &Brand,
    stamp: &RegistryStamp,
    lang: Lang,
    style: Style,
    sources: bool,
) -> String {
    let mut out = format!(
        "{}  ({})\n",
        style.bold(brand.display_name()),
        brand.names.join(" / ")
    );
    out.push_str(&style.dim(&zh::registry_stamp(lang, stamp)));
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
            let note = c
                .note
                .as_deref()
                .map_or_else(String::new, |note| zh::channel_note(lang, note, style));
            let old = match c.source_date.as_deref() {
                Some(date) if c.source_is_old(&stamp.issued_at) => {
                    style.warn(&say(lang, &Msg::OldSourceShort { date }))
                }
                _ => String::new(),
            };
            out.push_str(&format!("    {}{note}{old}\n", style.good(&c.value)));
            if sources {
                out.push_str(&channel_source_line(lang, style, c));
            }
        }
    }
    let former: Vec<_> = brand.former_channels().collect();
    if !former.is_empty() {
        out.push_str(&format!(
            "\n  {}\n",
            style.bold(&say(lang, &Msg::FormerHeading))
        ));
        for c in former {
            let until = c.former.as_ref().map_or("unknown", |f| f.until.as_str());
            out.push_str(&say(
                lang,
                &Msg::FormerRow {
                    noun: zh::kind_noun(c.kind, lang),
                    value: &style.dim(&c.value),
                    until,
                },
            ));
            if sources {
                out.push_str(&channel_source_line(lang, style, c));
            }
        }
    }
    for no in &brand.no_channels {
        let noun = zh::kind_noun(no.kind, lang);
        out.push_str(&say(
            lang,
            &Msg::PublishesNo {
                mark: &style.bad("!"),
                brand: brand.display_name(),
                noun,
            },
        ));
        if sources {
            out.push_str(&source_line(lang, style, &no.source));
        }
    }
    for only in &brand.only_at {
        out.push_str(&say(
            lang,
            &Msg::OnlyAtRow {
                mark: &style.warn("!"),
                brand: brand.display_name(),
                noun: zh::kind_noun(only.kind, lang),
                place: &only.place,
            },
        ));
        if sources {
            out.push_str(&source_line(lang, style, &only.source));
        }
    }
    if let Some(verification) = &brand.verification {
        out.push('\n');
        out.push_str(&say(
            lang,
            &Msg::VerifyAt {
                brand: brand.display_name(),
                url: &verification.url,
            },
        ));
        if sources {
            out.push_str(&source_line(lang, style, &verification.source));
        }
    }
    if !brand.statements.is_empty() {
        out.push_str(&format!(
            "\n  {}\n",
            style.bold(&say(lang, &Msg::WhatTheBrandSays))
        ));
        for s in &brand.statements {
            out.push_str(&format!("    • {}\n", s.text(lang)));
            if sources {
                out.push_str(&source_line(lang, style, &s.source));
            }
        }
    }
    out
}

/// The line under a channel that says where the brand published it and when that was read
/// (`--sources`).
fn channel_source_line(lang: Lang, style: Style, c: &Channel) -> String {
    match c.checked.as_deref() {
        Some(day) => {
            let checked = say(lang, &Msg::Checked { day });
            style.dim(&format!(
                "      {}: {} ({checked})\n",
                say(lang, &Msg::Source),
                c.source
            ))
        }
        None => source_line(lang, style, &c.source),
    }
}

/// The line under an entry that says where the brand published it (`--sources`).
fn source_line(lang: Lang, style: Style, source: &str) -> String {
    style.dim(&format!("      {}: {source}\n", say(lang, &Msg::Source)))
}
