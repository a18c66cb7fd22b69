//! The matching ladder for social handles, on the platform the input names (or on every
//! platform when it names none):
//!
//! 1. the platform's key is an official handle → official;
//! 2. the same name is official on another platform but not listed here → `unknown` with a
//!    note (a name on one platform says nothing about who holds it on another), unless the
//!    brand has no account on this platform at all → `brand_mention`; a case-sensitive code
//!    in other letter case → `homoglyph`;
//! 3. the same visual key: separators only added at the ends → `handle_affix`, else
//!    `homoglyph`;
//! 4. an official handle or a brand name with affixes (`_support`, `official`, `bot`, `客服`,
//!    digits) → `handle_affix`; a brand name alone on a platform → `unknown` with a note (or
//!    `brand_mention` where the brand has no account on that platform, or no platform is
//!    named);
//! 5. a near miss of an official handle → `typo` / `transposition`.
//!
//! Invites and links to content that do not name an account are official only when listed.

use crate::input::handle::{self, Form, Handle, Platform};
use crate::matching::distance;
use crate::matching::index::{ChannelLoc, HandleEntry, Index, Strength};
use crate::matching::lookalike::lookalike_changes;
use crate::matching::toolkit::{
    brand_with_words, channel_ref, edits_finding, typo_budget, typo_match,
};
use crate::matching::Outcome;
use crate::normalize::visual_key;
use crate::registry::{ChannelKind, Registry};
use crate::verdict::{Change, CharInfo, Detail, Finding, Note, Technique};

pub(crate) fn judge(index: &Index, registry: &Registry, h: &Handle) -> Outcome {
    let mut out = ladder(index, registry, h);
    if let Some((loc, _)) = out.official {
        let channel = &registry.brands()[loc.brand].channels[loc.channel];
        let brand = registry.brands()[loc.brand].display_name().to_owned();
        let platform = Platform::of_kind(channel.kind).map_or("", Platform::name);
        if h.form() == Form::Post {
            // The link names the account, but the platform shows the post whoever wrote it.
            out.official = None;
            out.notes.push(Note::new(Detail::PostLink {
                account: channel.value.clone(),
                platform: platform.to_owned(),
            }));
        } else if h.platform().is_none() {
            // A bare name is official only where the platform is known.
            out.official = None;
            out.notes.push(Note::new(Detail::OfficialOn {
                brand,
                platforms: official_platforms(index, h),
            }));
        }
    }
    // An imitation of a brand on a platform where the brand has no account at all (MetaMask
    // on Telegram) says that first.
    if let Some(p) = h.platform() {
        let imitated = out
            .findings
            .iter()
            .find_map(|f| f.target.as_ref())
            .and_then(|t| registry.brand(&t.brand));
        if let Some(brand) = imitated.filter(|b| b.lacks(p.kind())) {
            if !out
                .findings
                .iter()
                .any(|f| f.technique == Technique::NoSuchChannel)
            {
                out.findings
                    .insert(0, crate::matching::no_such_channel(brand, p.kind()));
            }
        }
    }
    if !h.lookalike_delimiters().is_empty() {
        // What the link shows is not what the platform opens: never that account.
        let target = out
            .official
            .take()
            .map(|(loc, _)| channel_ref(registry, loc))
            .or_else(|| out.findings.iter().find_map(|f| f.target.clone()));
        let chars = h
            .lookalike_delimiters()
            .iter()
            .map(|c| CharInfo::of(&c.to_string()))
            .collect();
        out.findings.insert(
            0,
            Finding::new(
                Technique::LookalikeDelimiter,
                target,
                Detail::Delimiter {
                    chars,
                    shown: h.name().to_owned(),
                    real: h.raw().trim().to_owned(),
                },
            ),
        );
    }
    out
}

/// The ladder on the handle as a reader sees it.
fn ladder(index: &Index, registry: &Registry, h: &Handle) -> Outcome {
    let mut out = Outcome::default();
    if h.form() == Form::Opaque {
        return out;
    }
    let platforms: Vec<Platform> = h
        .platform()
        .map_or_else(|| Platform::ALL.to_vec(), |p| vec![p]);
    let on = |e: &&HandleEntry| platforms.contains(&e.platform);

    // 1. Exact: the input's key on each platform, in the form of the entry it would match.
    let entry = |i: u32| &index.handles[i as usize];
    let mut exact: Option<u32> = None;
    for &p in &platforms {
        for form in [Form::Name, Form::Invite, Form::ChannelId, Form::Opaque] {
            let key = handle::key(p, h.name(), exact_form(h.form(), form));
            for &i in index.handle_keys.get(&key).into_iter().flatten() {
                let e = entry(i);
                if e.form == form && e.platform == p && exact.is_none_or(|x| i < x) {
                    exact = Some(i);
                }
            }
        }
    }
    if let Some(i) = exact {
        out.official = Some((entry(i).loc, true));
        return out;
    }
    let target = |e: &HandleEntry| Some(channel_ref(registry, e.loc));
    let name_lower = h.name().to_lowercase();

    // 2. Official elsewhere, or a case-sensitive code in other case.
    if let Some(p) = h.platform() {
        if let Some(e) = index
            .handle_lower
            .get(&(p, name_lower.clone()))
            .map(|&i| entry(i))
        {
            let changes = case_changes(&e.name, h.name());
            out.findings.push(Finding::new(
                Technique::Homoglyph,
                target(e),
                Detail::Lookalike { changes },
            ));
            return out;
        }
        let own_key = h.key(p);
        if let Some(e) = index
            .handle_names
            .get(&name_lower.replace('-', "."))
            .into_iter()
            .flatten()
            .map(|&i| entry(i))
            .find(|e| e.platform != p && handle::key(p, &e.name, Form::Name) == own_key)
        {
            // The same name on another platform is evidence of nothing, unless the brand
            // says it has no account on this one at all.
            let brand = &registry.brands()[e.loc.brand];
            if brand.lacks(p.kind()) {
                out.findings.push(Finding::new(
                    Technique::BrandMention,
                    target(e),
                    Detail::Name {
                        name: h.name().to_owned(),
                    },
                ));
            } else {
                out.notes.push(Note::new(Detail::OtherPlatform {
                    brand: brand.display_name().to_owned(),
                    name: e.name.clone(),
                    official_on: e.platform.name().to_owned(),
                    used_on: p.name().to_owned(),
                    listed: listed(registry, e.loc.brand, p),
                }));
            }
            return out;
        }
    }
    if h.form() == Form::Invite && h.platform() == Some(Platform::Telegram) {
        return out; // an unlisted private invite: nobody can tell offline where it leads
    }

    // 3. The same look.
    let vk = visual_key(h.name());
    if let Some(e) = index
        .handle_visual
        .get(&vk)
        .into_iter()
        .flatten()
        .map(|&i| entry(i))
        .filter(on)
        .find(|e| e.form != Form::ChannelId)
    {
        let changes = lookalike_changes(&e.name, h.name());
        let at_ends = !changes.is_empty()
            && changes.iter().all(|c| matches!(c, Change::Inserted { found } if matches!(found.text.as_str(), "_" | "-" | ".")))
            && (h.name().starts_with(['_', '-', '.']) || h.name().ends_with(['_', '-', '.']));
        let technique = if at_ends {
            Technique::HandleAffix
        } else {
            Technique::Homoglyph
        };
        out.findings.push(Finding::new(
            technique,
            target(e),
            Detail::Lookalike { changes },
        ));
        return out;
    }

    // A brand's own domain used as a name (`instagram.com/trezor.io`) is how brands name
    // accounts, not a brand plus words: like the brand's name alone, it says nothing either way.
    if let Some((loc, _)) = index.hosts.get(&h.name().to_ascii_lowercase()) {
        let brand = &registry.brands()[loc.brand];
        if let Some(p) = h.platform() {
            out.notes.push(Note::new(Detail::UnlistedName {
                brand: brand.display_name().to_owned(),
                platform: p.name().to_owned(),
                listed: listed(registry, loc.brand, p),
            }));
        }
        return out;
    }

    // 4. An official handle, or a brand name, with affixes: the first handle (in registry
    // order) whose visual key stands in the input's with only keywords or digits around it.
    let mut affixed: Option<(u32, String)> = None;
    if let Some(ac) = &index.handle_ac {
        let mut seen = std::collections::HashSet::new();
        for m in ac.find_overlapping_iter(vk.as_str()) {
            let i = index.handle_affixable[m.pattern().as_usize()];
            // Only a handle's first occurrence counts, as a plain search would find it.
            if !seen.insert(i) || affixed.as_ref().is_some_and(|(x, _)| *x < i) || !on(&entry(i)) {
                continue;
            }
            let rest = format!("{}{}", &vk[..m.start()], &vk[m.end()..]);
            let rest = rest.trim_matches(|c: char| c.is_ascii_digit());
            if rest.is_empty() || index.is_keywords(rest) {
                affixed = Some((i, rest.to_owned()));
            }
        }
    }
    if let Some((i, rest)) = affixed {
        let e = entry(i);
        // The words as written where the name shows the handle plainly (`BinanceHelpDesk`),
        // else as compared.
        let lower = h.name().to_lowercase();
        let rest = match lower.find(&e.name.to_lowercase()) {
            Some(at) if lower.is_char_boundary(at) => {
                let end = at + e.name.to_lowercase().len();
                let mut shown = String::new();
                shown.push_str(h.name().get(..at).unwrap_or_default());
                shown.push_str(h.name().get(end..).unwrap_or_default());
                shown
                    .trim_matches(|c: char| c.is_ascii_digit() || matches!(c, '_' | '-' | '.'))
                    .to_owned()
            }
            _ => rest,
        };
        let extra = Some(rest).into_iter().filter(|r| !r.is_empty()).collect();
        out.findings.push(Finding::new(
            Technique::HandleAffix,
            target(e),
            Detail::Words {
                brand_part: e.name.clone(),
                extra,
            },
        ));
        return out;
    }
    // 5. A brand name with known affixes (`tokenpocket_cs`, `MetaMaskSupportBot`).
    let brand_hit = brand_with_words(index, h.name(), None);
    if let Some(hit) = brand_hit
        .as_ref()
        .filter(|hit| !hit.near_miss && hit.extra.iter().all(|w| index.is_keywords(&visual_key(w))))
    {
        let loc = brand_channel(registry, hit.key.target, &platforms);
        out.findings.push(Finding::new(
            Technique::HandleAffix,
            Some(channel_ref(registry, loc)),
            Detail::Words {
                brand_part: hit.brand_part.clone(),
                extra: hit.extra.clone(),
            },
        ));
        return out;
    }

    // 5b. A brand's short form with support words (`tp_kefu_cn`, `TPsupport88`): two letters
    // name the brand only next to such words.
    if let Some((b, stem)) = short_form_with_words(index, registry, h.name()) {
        let loc = brand_channel(
            registry,
            ChannelLoc {
                brand: b,
                channel: 0,
            },
            &platforms,
        );
        let extra = vec![h.name()[stem.len()..]
            .trim_matches(|c: char| c.is_ascii_digit() || matches!(c, '_' | '-' | '.'))
            .to_owned()];
        out.findings.push(Finding::new(
            Technique::HandleAffix,
            Some(channel_ref(registry, loc)),
            Detail::Words {
                brand_part: h.name()[..stem.len()].to_owned(),
                extra,
            },
        ));
        return out;
    }

    // 6. A near miss of an official handle.
    let len = h.name().chars().count();
    let mut candidates = Vec::new();
    if len >= 5 {
        index.handle_typos.candidates(&vk, &mut candidates);
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut best: Option<(usize, &HandleEntry)> = None;
    for e in candidates.iter().map(|&i| entry(i)).filter(on) {
        let budget = typo_budget(e.name.chars().count());
        if let Some(d) = distance::osa(&e.visual, &vk, budget) {
            if d > 0 && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, e));
            }
        }
    }
    if let Some((_, e)) = best {
        out.findings
            .push(edits_finding(target(e), &e.name, h.name()));
        return out;
    }
    // 7. A brand name with other words, or alone, or nearly.
    if let Some(hit) = brand_hit {
        let loc = brand_channel(registry, hit.key.target, &platforms);
        out.findings.push(Finding::new(
            Technique::HandleAffix,
            Some(channel_ref(registry, loc)),
            Detail::Words {
                brand_part: hit.brand_part,
                extra: hit.extra,
            },
        ));
        return out;
    }
    if let Some(key) = index.by_visual.get(&vk).and_then(|keys| {
        keys.iter()
            .map(|&k| &index.keys[k])
            .find(|k| k.strength == Strength::Distinctive)
    }) {
        let brand = &registry.brands()[key.target.brand];
        match h.platform().filter(|p| !brand.lacks(p.kind())) {
            // The brand's name alone, on a platform where the registry lists no such account
            // of the brand: brands hold more accounts than any registry lists, so this says
            // nothing either way.
            Some(p) => out.notes.push(Note::new(Detail::UnlistedName {
                brand: brand.display_name().to_owned(),
                platform: p.name().to_owned(),
                listed: listed(registry, key.target.brand, p),
            })),
            None => {
                let loc = brand_channel(registry, key.target, &platforms);
                out.findings.push(Finding::new(
                    Technique::BrandMention,
                    Some(channel_ref(registry, loc)),
                    Detail::Name {
                        name: h.name().to_owned(),
                    },
                ));
            }
        }
        return out;
    }

    if let Some(key) = typo_match(index, h.name(), None) {
        let loc = brand_channel(registry, key.target, &platforms);
        let changes = lookalike_changes(&key.shown, h.name());
        out.findings.push(Finding::new(
            Technique::Typo,
            Some(channel_ref(registry, loc)),
            Detail::Edits { changes },
        ));
    }
    out
}

/// The brand and short form that `name` opens with, when only support words and digits
/// follow it (`tp_kefu_cn` → TokenPocket's `TP`).
fn short_form_with_words<'r>(
    index: &Index,
    registry: &'r Registry,
    name: &str,
) -> Option<(usize, &'r str)> {
    registry.brands().iter().enumerate().find_map(|(b, brand)| {
        brand.short_forms().find_map(|stem| {
            let head = name.get(..stem.len())?;
            if !head.eq_ignore_ascii_case(stem) {
                return None;
            }
            let words = visual_key(&name[stem.len()..]);
            let words = words.trim_matches(|c: char| c.is_ascii_digit());
            (!words.is_empty() && index.is_keywords(words)).then_some((b, stem))
        })
    })
}

/// The brand's official account on `platform`, written as the platform shows it (the first
/// one the registry lists).
fn listed(registry: &Registry, brand: usize, platform: Platform) -> Option<String> {
    registry.brands()[brand]
        .channels
        .iter()
        .find(|c| c.former.is_none() && c.kind == platform.kind())
        .map(|c| c.value.clone())
}

/// The platforms on which `h`'s name is an official account, in the registry's order.
fn official_platforms(index: &Index, h: &Handle) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &p in Platform::ALL {
        for form in [Form::Name, Form::Invite, Form::ChannelId] {
            let key = handle::key(p, h.name(), form);
            for &i in index.handle_keys.get(&key).into_iter().flatten() {
                let e = &index.handles[i as usize];
                if e.platform == p && e.form == form && !out.iter().any(|n| n == p.name()) {
                    out.push(p.name().to_owned());
                }
            }
        }
    }
    out
}

/// The brand's channel a handle imitation targets: its handle on the platform, else its X
/// handle, else the brand key's own channel (a domain).
fn brand_channel(registry: &Registry, fallback: ChannelLoc, platforms: &[Platform]) -> ChannelLoc {
    let brand = &registry.brands()[fallback.brand];
    let find = |kind: ChannelKind| {
        brand
            .channels
            .iter()
            .position(|c| c.former.is_none() && c.kind == kind)
            .map(|channel| ChannelLoc {
                brand: fallback.brand,
                channel,
            })
    };
    let on_platform = match platforms {
        [p] => find(p.kind()),
        _ => None,
    };
    on_platform
        .or_else(|| find(ChannelKind::X))
        .unwrap_or(fallback)
}

/// The form to compare a name in with an official entry: a name without a platform may be
/// any form the entry has (a bare YouTube channel id, a bare Discord code).
fn exact_form(input: Form, entry: Form) -> Form {
    match input {
        Form::Name => entry,
        Form::Post => Form::Name,
        other => other,
    }
}

/// The letters whose case differs, for codes where case matters.
fn case_changes(official: &str, found: &str) -> Vec<Change> {
    official
        .chars()
        .zip(found.chars())
        .filter(|(a, b)| a != b)
        .map(|(a, b)| Change::Replaced {
            found: CharInfo::of(&b.to_string()),
            expected: a.to_string(),
        })
        .collect()
}
