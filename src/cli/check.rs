//! Human output of `check`: one block per verdict, readable at a glance.

use contactguard::registry::{ChannelKind, Lang};
use contactguard::{Checker, Detail, Kind, Status, Technique, Verdict};

use contactguard::report::say::{self as zh, say, Msg};
use contactguard::report::{shown, Style};

/// How many of the brand's channels to list before pointing at `brands ID`.
const SHOWN_CHANNELS: usize = 4;

/// The block for one verdict; `verbose` adds the technical detail (codes, provenance, the
/// registry, commands).
pub fn render(checker: &Checker, v: &Verdict, lang: Lang, style: Style, verbose: bool) -> String {
    let mut out = String::new();
    let (mark, word) = match v.status {
        Status::Official => (
            style.good("✓"),
            style.good(&say(lang, &Msg::Status(v.status))),
        ),
        Status::Impersonation => (
            style.bad("✗"),
            style.bad(&say(lang, &Msg::Status(v.status))),
        ),
        Status::Unknown => (
            style.warn("?"),
            style.warn(&say(lang, &Msg::Status(v.status))),
        ),
        _ => (
            style.warn("!"),
            style.warn(&say(lang, &Msg::Status(v.status))),
        ),
    };
    out.push_str(&format!(
        "{mark} {word}  {}\n",
        style.bold(&shown(&v.input))
    ));
    // The ASCII (punycode) form of a link is technical detail: only with --verbose.
    if let (Some(norm), Some(display), true) = (&v.normalized, &v.display, verbose) {
        out.push_str(&style.dim(&format!(
            "  {}{norm}\n  {}{display}\n",
            say(lang, &Msg::RealForm),
            say(lang, &Msg::ShownAs)
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
            say(lang, &Msg::Number),
            zh::number_type(info.number_type, lang),
            info.region
        )));
    }
    if v.kind == Kind::Handle && v.platform.is_none() && v.status != Status::Invalid {
        out.push_str(&style.dim(&say(lang, &Msg::NoPlatform)));
    }
    let primary = v.findings.first().map(|f| f.technique);
    match v.status {
        Status::Official => {
            if let Some(t) = target {
                let noun = zh::kind_noun(t.kind, lang);
                let (brand, value) = (brand_name, t.value.as_str());
                let line = match (primary, v.kind) {
                    (Some(Technique::OfficialSubdomain), Kind::Email) => Msg::OfficialMailDomain {
                        brand,
                        domain: value,
                    },
                    (Some(Technique::OfficialSubdomain), _) => {
                        Msg::OfficialInside { brand, site: value }
                    }
                    _ => Msg::OfficialIs {
                        brand,
                        noun,
                        value,
                        note: t.note.as_deref(),
                    },
                };
                let line = say(lang, &line);
                out.push_str(&line);
                if let Some(checked) = t.checked.as_deref().filter(|_| verbose) {
                    let source = &t.source;
                    out.push_str(&style.dim(&say(lang, &Msg::Provenance { source, checked })));
                }
                if let (true, Some(date)) = (verbose && t.old_source, t.source_date.as_deref()) {
                    out.push_str(&style.warn(&say(lang, &Msg::OldSource { date })));
                }
            }
        }
        Status::Impersonation => match target {
            Some(t) => {
                let noun = zh::kind_noun(t.kind, lang);
                out.push_str(&say(
                    lang,
                    &Msg::Imitates {
                        brand: brand_name,
                        noun,
                        value: &t.value,
                    },
                ));
            }
            None => {
                // The kind the brand says it lacks, else the kind of contact this is.
                let lacked = v.findings.iter().find_map(|f| match &f.detail {
                    Detail::NoChannel { kind, .. } => Some(*kind),
                    _ => None,
                });
                let only_at = v.findings.iter().find_map(|f| match &f.detail {
                    Detail::OnlyAt { kind, place, .. } => Some((*kind, place.as_str())),
                    _ => None,
                });
                let kind = lacked
                    .or_else(|| v.channel_kind())
                    .unwrap_or(ChannelKind::Domain);
                let noun = zh::kind_noun(kind, lang);
                let brand = brand_name;
                out.push_str(&say(
                    lang,
                    &match (lacked, only_at) {
                        (Some(_), _) => Msg::ClaimedNone { brand, noun },
                        (None, Some((kind, place))) => Msg::ClaimedOnlyAt {
                            brand,
                            noun: zh::kind_noun(kind, lang),
                            place,
                        },
                        (None, None) => Msg::ClaimedUnlisted { brand, noun },
                    },
                ));
            }
        },
        Status::Unknown => out.push_str(&say(lang, &Msg::NotInRegistry)),
        _ => {
            let error = match &v.problem {
                Some(p) => zh::problem(p, lang),
                None => v.error.clone().unwrap_or_default(),
            };
            out.push_str(&say(lang, &Msg::CannotCheck { error: &error }));
        }
    }
    for f in v
        .findings
        .iter()
        .filter(|f| !matches!(v.status, Status::Official) || f.target.is_none())
    {
        let line = say(
            lang,
            &Msg::Finding {
                technique: &style.bold(zh::technique(f.technique, lang)),
                code: if verbose { f.technique.as_str() } else { "" },
                detail: &zh::detail(&f.detail, lang),
            },
        );
        out.push_str(&line);
    }
    for note in &v.notes {
        out.push_str(&style.dim(&format!(
            "  {}{}\n",
            say(lang, &Msg::Note),
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
            let brand_name = brand.display_name();
            let heading = match kinds.first() {
                None => String::new(),
                Some(k) if one_kind => say(
                    lang,
                    &Msg::UseInsteadKind {
                        brand: brand_name,
                        heading: zh::kind_plural(*k, lang),
                    },
                ),
                Some(_) => say(lang, &Msg::UseInstead { brand: brand_name }),
            };
            out.push_str(&heading);
            for c in v.official_channels.iter().take(SHOWN_CHANNELS) {
                let label = if one_kind {
                    String::new()
                } else {
                    format!("{}  ", zh::kind_noun(c.kind, lang))
                };
                let note = c
                    .note
                    .as_deref()
                    .map_or_else(String::new, |note| zh::channel_note(lang, note, style));
                out.push_str(&format!("    {label}{}{note}\n", style.good(&c.value)));
            }
            if v.official_channels.len() > SHOWN_CHANNELS {
                let more = v.official_channels.len() - SHOWN_CHANNELS;
                let id = if verbose { brand.id.as_str() } else { "" };
                out.push_str(&say(lang, &Msg::AndMore { more, id }));
            }
            if let Some(url) = v.brand.as_ref().and_then(|b| b.verify_at.as_deref()) {
                out.push_str(&say(
                    lang,
                    &Msg::VerifyAt {
                        brand: brand_name,
                        url,
                    },
                ));
            }
            if let Some(s) = brand.statements.first() {
                out.push_str(&say(
                    lang,
                    &Msg::BrandSays {
                        brand: brand_name,
                        text: s.text(lang),
                    },
                ));
            }
        }
    }
    if let Some(stamp) = v.registry.as_ref().filter(|_| verbose) {
        out.push_str(&style.dim(&zh::registry_stamp(lang, stamp)));
    }
    out
}
