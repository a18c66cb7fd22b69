//! The matching ladder for links and domains (`DESIGN.md`, "Matching"):
//!
//! 1. the host is an official domain, or inside one whose scope covers subdomains → official;
//! 2. the registrable label has the visual key of a brand key → homoglyph, or, when it is the
//!    very label, `tld_swap` (a brand domain's label) or `brand_mention` (a brand name);
//! 3. its visual key is within OSA distance 1 (keys ≤ 8) or 2 of a distinctive key → typo or
//!    transposition, with Chromium's false-positive filters for short keys;
//! 4. it holds a brand key and other words → combosquat;
//!
//! and, around the ladder: free-hosting suffixes, brand keys in subdomains, official domains in
//! paths and user information, IP hosts, shorteners, hidden characters and script mixing.

use unicode_script::{Script, UnicodeScript};
use unicode_security::{RestrictionLevel, RestrictionLevelDetection};

use crate::input::url::{DomainName, Link, LinkHost, SuffixKind};
use crate::matching::distance;
use crate::matching::index::{BrandKey, ChannelLoc, Index, Origin, Strength};
use crate::matching::lookalike::lookalike_changes;
use crate::matching::Outcome;
use crate::normalize::visual::visual_key_spans;
use crate::normalize::visual_key;
use crate::registry::Registry;
use crate::verdict::{ChannelRef, CharInfo, Detail, Finding, Technique};

/// Hosts of link shorteners: the destination cannot be known offline.
const SHORTENERS: &[&str] = &[
    "bit.ly",
    "buff.ly",
    "cutt.ly",
    "dwz.cn",
    "goo.gl",
    "is.gd",
    "ow.ly",
    "rb.gy",
    "rebrand.ly",
    "s.id",
    "shorturl.at",
    "suo.im",
    "t.cn",
    "t.co",
    "t.ly",
    "tiny.cc",
    "tinyurl.com",
    "url.cn",
    "v.gd",
    "w.url.cn",
    "lnkd.in",
    "bl.ink",
    "shorturl.asia",
    "u.nu",
    "x.gd",
];

/// Runs the ladder on a parsed link.
pub(crate) fn judge(index: &Index, registry: &Registry, link: &Link) -> Outcome {
    let mut out = Outcome::default();
    let target = |loc: ChannelLoc| channel_ref(registry, loc);
    match link.host() {
        LinkHost::Ip(ip) => out.findings.push(Finding::new(
            Technique::IpHost,
            None,
            Detail::IpAddress {
                host: ip.to_string(),
            },
        )),
        LinkHost::Domain(d) => {
            out.official = index.official_host(d.ascii());
            if out.official.is_none() {
                if let Some(host) = SHORTENERS
                    .iter()
                    .find(|s| d.ascii() == **s || d.ascii().ends_with(&format!(".{s}")))
                {
                    out.findings.push(Finding::new(
                        Technique::Shortener,
                        None,
                        Detail::Shortened {
                            host: (*host).to_owned(),
                        },
                    ));
                } else {
                    out.findings.extend(label_findings(index, registry, d));
                    out.findings.extend(subdomain_findings(index, registry, d));
                }
            }
        }
    }

    if let Some(userinfo) = link.userinfo() {
        // A link with user information is never official, whatever its host: the text before
        // '@' is what a reader takes for the host (and, pasted into a mail client, the input
        // is an address at another domain).
        out.official = None;
        // What a reader takes the link for: the text before '@' as the host, with the path
        // after it (`t.me@evil.example/tokenpocket_en` shows TokenPocket's Telegram).
        let shown = format!("{userinfo}{}", &link.url()[url::Position::BeforePath..]);
        let loc = official_domain_in(index, &userinfo.to_lowercase())
            .or_else(|| embedded_profile(index, registry, &shown))
            .or_else(|| distinctive_key_in(index, &userinfo));
        let host = match link.host() {
            LinkHost::Domain(d) => d.unicode().to_owned(),
            LinkHost::Ip(ip) => ip.to_string(),
        };
        out.findings.insert(
            0,
            Finding::new(
                Technique::Userinfo,
                loc.map(target),
                Detail::RealHost { userinfo, host },
            ),
        );
    }

    if out.official.is_none() && !out.findings.iter().any(|f| f.target.is_some()) {
        // A platform's host in the subdomain, followed by an account's path
        // (`x.com.evil.example/TokenPocket_TP`), shows that account.
        if let LinkHost::Domain(d) = link.host() {
            let sub = d.subdomain().strip_prefix("www.").unwrap_or(d.subdomain());
            let shown = format!("{sub}{}", &link.url()[url::Position::BeforePath..]);
            if let Some(loc) = (!sub.is_empty())
                .then(|| embedded_profile(index, registry, &shown))
                .flatten()
            {
                out.findings.push(Finding::new(
                    Technique::SubdomainEmbedding,
                    Some(target(loc)),
                    Detail::Embedded {
                        part: shown,
                        real: d.registrable().unwrap_or(d.ascii()).to_owned(),
                    },
                ));
            }
        }
    }

    if out.official.is_none() {
        let rest = link.rest_lowercase();
        // An official domain, or a platform's profile link of an official account, in the path.
        let in_path = official_domain_in(index, &rest).or_else(|| {
            let path = &link.url()[url::Position::BeforePath..];
            embedded_profile(index, registry, path.trim_start_matches('/'))
        });
        if let Some(loc) = in_path {
            let real = match link.host() {
                LinkHost::Domain(d) => d.registrable().unwrap_or(d.ascii()).to_owned(),
                LinkHost::Ip(ip) => ip.to_string(),
            };
            out.findings.push(Finding::new(
                Technique::PathEmbedding,
                Some(target(loc)),
                Detail::Embedded { part: rest, real },
            ));
        }
    }

    if let LinkHost::Domain(d) = link.host() {
        out.findings.extend(script_findings(d, first_target(&out)));
    }

    if let Some(folded) = link.folded() {
        // Read with its look-alike punctuation taken at face value, the link shows another host
        // than the one a browser opens: whatever it shows, it is not that.
        let shown = folded.host_str().unwrap_or_default().to_owned();
        let loc = index
            .official_host(&shown)
            .map(|(loc, _)| loc)
            .or_else(|| official_domain_in(index, &shown))
            .or_else(|| distinctive_key_in(index, &shown));
        let real = match link.host() {
            LinkHost::Domain(d) => d.unicode().to_owned(),
            LinkHost::Ip(ip) => ip.to_string(),
        };
        let chars = link
            .lookalike_delimiters()
            .iter()
            .map(|c| CharInfo::of(&c.to_string()))
            .collect();
        let target = loc.map(target).or_else(|| first_target(&out));
        out.findings.insert(
            0,
            Finding::new(
                Technique::LookalikeDelimiter,
                target,
                Detail::Delimiter { chars, shown, real },
            ),
        );
    }

    if !link.hidden().is_empty() {
        let behind_rlo = brand_behind_rlo(index, registry, link.raw());
        crate::matching::hidden_findings(registry, link.hidden(), &mut out, behind_rlo);
    }
    out
}

/// The target of the first finding that has one, else the official channel.
fn first_target(j: &Outcome) -> Option<ChannelRef> {
    j.findings.iter().find_map(|f| f.target.clone())
}

pub(crate) fn channel_ref(registry: &Registry, loc: ChannelLoc) -> ChannelRef {
    let brand = &registry.brands()[loc.brand];
    let channel = &brand.channels[loc.channel];
    ChannelRef {
        brand: brand.id.clone(),
        kind: channel.kind,
        value: channel.value.clone(),
        note: channel.note.clone(),
    }
}

/// Steps 2–4 of the ladder on the registrable label, plus free hosting.
fn label_findings(index: &Index, registry: &Registry, d: &DomainName) -> Vec<Finding> {
    let (Some(label), Some(registrable)) = (d.label(), d.registrable()) else {
        return Vec::new();
    };
    let (shown, _) = idna::domain_to_unicode(label);
    let mut found = rung_same_look(index, registry, label, &shown, d.suffix())
        .or_else(|| rung_typo(index, registry, &shown))
        .or_else(|| rung_combo(index, registry, &shown))
        .or_else(|| rung_split_name(index, registry, d))
        .unwrap_or_default();
    if d.suffix_kind() == SuffixKind::Private && !found.is_empty() {
        let tgt = found.iter().find_map(|f| f.target.clone());
        found.retain(|f| f.technique != Technique::TldSwap);
        let suffix = registrable
            .get(label.len() + 1..)
            .unwrap_or(d.suffix())
            .to_owned();
        found.insert(
            0,
            Finding::new(Technique::FreeHosting, tgt, Detail::FreeHost { suffix }),
        );
    }
    found
}

/// Rung 2: the same visual key.
fn rung_same_look(
    index: &Index,
    registry: &Registry,
    label: &str,
    shown: &str,
    suffix: &str,
) -> Option<Vec<Finding>> {
    let keys = index.by_visual.get(&visual_key(shown))?;
    // Domain-origin keys first: they name the channel imitated most precisely.
    let key = keys
        .iter()
        .map(|&k| &index.keys[k])
        .min_by_key(|k| (matches!(k.origin, Origin::Name { .. }), k.label != label))?;
    let target = channel_ref(registry, key.target);
    if let Origin::Name { .. } = key.origin {
        // A name made of a brand domain's label and keywords ("Ledger Live", "OKX Wallet")
        // reads best as that label plus words.
        if let Some(combo) = rung_combo(index, registry, shown) {
            if combo
                .iter()
                .any(|f| f.target.as_ref().is_some_and(|t| t.brand == target.brand))
            {
                return Some(combo);
            }
        }
    }
    let mut out = Vec::new();
    if key.label == label {
        if key.strength == Strength::Common {
            return None;
        }
        match &key.origin {
            Origin::Domain { suffix: official } => {
                if official == suffix {
                    // Same registrable domain as a host-scoped channel: not ours to judge.
                    return None;
                }
                out.push(Finding::new(
                    Technique::TldSwap,
                    Some(target),
                    Detail::Suffix {
                        found: suffix.to_owned(),
                        expected: official.clone(),
                    },
                ));
            }
            Origin::Name { name } => out.push(Finding::new(
                Technique::BrandMention,
                Some(target),
                Detail::Name { name: name.clone() },
            )),
        }
    } else {
        let changes = lookalike_changes(&key.shown, shown);
        out.push(Finding::new(
            Technique::Homoglyph,
            Some(target.clone()),
            Detail::Lookalike { changes },
        ));
        if let Origin::Domain { suffix: official } = &key.origin {
            if official != suffix && key.strength != Strength::Common {
                out.push(Finding::new(
                    Technique::TldSwap,
                    Some(target),
                    Detail::Suffix {
                        found: suffix.to_owned(),
                        expected: official.clone(),
                    },
                ));
            }
        }
    }
    Some(out)
}

/// A name cut by dots into subdomain and label (`token.pocket.pro`): the last subdomain
/// labels joined to the registrable label look like a brand key.
fn rung_split_name(index: &Index, registry: &Registry, d: &DomainName) -> Option<Vec<Finding>> {
    let label = d.label()?;
    let subs: Vec<&str> = d.subdomain_labels().collect();
    let start = usize::from(subs.first() == Some(&"www"));
    (start..subs.len()).rev().find_map(|i| {
        let joined = format!("{}.{label}", subs[i..].join("."));
        let (shown, _) = idna::domain_to_unicode(&joined);
        rung_same_look(index, registry, &joined, &shown, d.suffix())
            .or_else(|| rung_typo(index, registry, &shown))
    })
}

/// The largest OSA distance that still counts as a typo of a key (a domain label, a brand
/// name, a handle) of this many characters.
pub(crate) fn typo_budget(key_len: usize) -> usize {
    if key_len <= 8 {
        1
    } else {
        2
    }
}

/// Rung 3: a near miss of a distinctive key.
fn rung_typo(index: &Index, registry: &Registry, shown: &str) -> Option<Vec<Finding>> {
    let key = typo_match(index, shown)?;
    Some(vec![typo_finding(registry, key, shown)])
}

/// The closest distinctive key within its typo budget, after the false-positive filters.
pub(crate) fn typo_match<'a>(index: &'a Index, shown: &str) -> Option<&'a BrandKey> {
    let vk = visual_key(shown);
    let len = vk.chars().count();
    if len < crate::matching::index::MIN_DISTINCTIVE_LEN {
        return None;
    }
    // Keys within two edits share a deletion variant with the input; confirm each.
    let mut candidates = Vec::new();
    index.typos.candidates(&vk, &mut candidates);
    candidates.sort_unstable();
    candidates.dedup();
    let mut best: Option<(usize, &BrandKey)> = None;
    for key in candidates
        .iter()
        .filter_map(|&k| index.keys.get(k as usize))
    {
        let budget = typo_budget(key.len);
        let Some(dist) = distance::osa(&key.visual, &vk, budget) else {
            continue;
        };
        if dist == 0 || (key.len <= 8 && chromium_filtered(&key.visual, &vk)) {
            continue;
        }
        if best.is_none_or(|(b, _)| dist < b) {
            best = Some((dist, key));
        }
    }
    best.map(|(_, k)| k)
}

/// Chromium's filters for edit-distance matches of short names (`lookalike_url_util.cc`):
/// only trailing digits differ, or only the first character differs.
fn chromium_filtered(key: &str, candidate: &str) -> bool {
    let trim = |s: &str| {
        s.trim_end_matches(|c: char| c.is_ascii_digit() || c == 'o' || c == 'l')
            .to_owned()
    };
    let ends_digitish = |s: &str| s.ends_with(|c: char| c.is_ascii_digit());
    if ends_digitish(candidate) && trim(key) == trim(candidate) {
        return true;
    }
    let tail = |s: &str| s.chars().skip(1).collect::<String>();
    tail(key) == tail(candidate) || tail(key) == candidate
}

pub(crate) fn typo_finding(registry: &Registry, key: &BrandKey, shown: &str) -> Finding {
    edits_finding(Some(channel_ref(registry, key.target)), &key.shown, shown)
}

/// A near miss of `original`: `transposition` when two adjacent characters are swapped, else
/// `typo`, with the changes.
pub(crate) fn edits_finding(target: Option<ChannelRef>, original: &str, found: &str) -> Finding {
    let changes = lookalike_changes(original, found);
    let technique = if matches!(&changes[..], [crate::verdict::Change::Swapped { .. }]) {
        Technique::Transposition
    } else {
        Technique::Typo
    };
    Finding::new(technique, target, Detail::Edits { changes })
}

/// Rung 4: a brand key with other words.
fn rung_combo(index: &Index, registry: &Registry, shown: &str) -> Option<Vec<Finding>> {
    let hit = brand_with_words(index, shown)?;
    let mut out = combo_findings(registry, hit.key, &hit.brand_part, hit.extra);
    if hit.near_miss {
        out.push(typo_finding(registry, hit.key, &hit.brand_part));
    }
    Some(out)
}

/// A brand key found inside a name, with the other words around it.
pub(crate) struct BrandHit<'a> {
    pub key: &'a BrandKey,
    /// The brand part as written.
    pub brand_part: String,
    /// The other words.
    pub extra: Vec<String>,
    /// The brand part is a near miss of the key, not the key itself.
    pub near_miss: bool,
}

/// A brand key standing in `shown` next to other words (`tokenpocket-support`,
/// `metamaskwallet`, `ledger_wallet`, `tokenpockett-help`). `extra_words` widens the
/// keywords that ordinary-word and short keys may stand next to (handle affixes).
pub(crate) fn brand_with_words<'a>(index: &'a Index, shown: &str) -> Option<BrandHit<'a>> {
    let (vk, spans) = visual_key_spans(shown);
    // The raw characters before, inside and after the visual range.
    let raw_of = |range: std::ops::Range<usize>| -> (String, String, String) {
        let mut before = String::new();
        let mut inside = String::new();
        let mut after = String::new();
        for (c, r) in &spans {
            if r.start < range.start || (r.is_empty() && r.start <= range.start) {
                before.push(*c);
            } else if r.start < range.end {
                inside.push(*c);
            } else {
                after.push(*c);
            }
        }
        (before, inside, after)
    };
    let words = |before: &str, after: &str| -> Vec<String> {
        before
            .split(['-', '_', '.'])
            .chain(after.split(['-', '_', '.']))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let hit = |key: &'a BrandKey, inside: String, extra: Vec<String>| BrandHit {
        key,
        brand_part: inside.trim_matches(['-', '_', '.']).to_owned(),
        extra,
        near_miss: false,
    };
    // Distinctive keys anywhere; the longest key wins (`tokenpocket` over `pocket`).
    let mut best: Option<(usize, usize)> = None; // (key, first position)
    if let Some(ac) = &index.distinct_ac {
        for m in ac.find_overlapping_iter(vk.as_str()) {
            let k = index.distinct[m.pattern().as_usize()];
            let len = index.keys[k].visual.len();
            if len >= vk.len() {
                continue;
            }
            let better = match best {
                None => true,
                Some((b, _)) => {
                    let blen = index.keys[b].visual.len();
                    len > blen || len == blen && k < b
                }
            };
            if better {
                best = Some((k, m.start()));
            }
        }
    }
    let best = best.map(|(k, pos)| (&index.keys[k], pos));
    if let Some((key, pos)) = best {
        let (before, inside, after) = raw_of(pos..pos + key.visual.len());
        let glued_after = after
            .split(['-', '_', '.'])
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let glued_before = before
            .rsplit(['-', '_', '.'])
            .next()
            .unwrap_or_default()
            .to_lowercase();
        // Names of up to eight letters must stand as words of their own: glued only to
        // keywords or digits (`metamaskio`, `binance2`, not `uniswapex`, `myetpwallet`).
        let stands_alone = |glued: &str| {
            glued.is_empty()
                || glued.bytes().all(|b| b.is_ascii_digit())
                || index.is_keywords(&visual_key(glued))
        };
        let bounded = if key.len <= 8 {
            stands_alone(&glued_before) && stands_alone(&glued_after)
        } else {
            !Index::is_word_ending(&glued_after)
        };
        let extra = words(&before, &after);
        if !extra.is_empty() && bounded {
            return Some(hit(key, inside, extra));
        }
    }
    // Short and ordinary-word keys: only at the start or end, next to crypto keywords.
    for key in index
        .weak
        .iter()
        .map(|&k| &index.keys[k])
        .filter(|k| k.visual.len() < vk.len())
    {
        let at = if vk.starts_with(key.visual.as_str())
            && index.is_keywords(
                vk[key.visual.len()..].trim_start_matches(|c: char| c.is_ascii_digit()),
            ) {
            Some(0)
        } else if vk.ends_with(key.visual.as_str())
            && index.is_keywords(&vk[..vk.len() - key.visual.len()])
        {
            Some(vk.len() - key.visual.len())
        } else {
            None
        };
        if let Some(pos) = at {
            let (before, inside, after) = raw_of(pos..pos + key.visual.len());
            let extra = words(&before, &after);
            if !extra.is_empty() {
                return Some(hit(key, inside, extra));
            }
        }
    }
    // A near miss of a distinctive key as one of several words (`tokenpockett-support`).
    let tokens: Vec<&str> = shown.split(['-', '_']).filter(|t| !t.is_empty()).collect();
    if tokens.len() > 1 {
        for (i, token) in tokens.iter().enumerate() {
            if let Some(key) = typo_match(index, token) {
                let extra = tokens
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, t)| (*t).to_owned())
                    .collect();
                return Some(BrandHit {
                    key,
                    brand_part: (*token).to_owned(),
                    extra,
                    near_miss: true,
                });
            }
        }
    }
    None
}

fn combo_findings(
    registry: &Registry,
    key: &BrandKey,
    inside: &str,
    extra: Vec<String>,
) -> Vec<Finding> {
    let target = channel_ref(registry, key.target);
    let brand_part = inside.trim_matches(['-', '_', '.']).to_owned();
    let mut out = vec![Finding::new(
        Technique::Combosquat,
        Some(target.clone()),
        Detail::Words {
            brand_part: brand_part.clone(),
            extra,
        },
    )];
    if visual_key(&brand_part) == key.visual && brand_part.to_lowercase() != key.shown {
        let changes = lookalike_changes(&key.shown, &brand_part);
        if !changes.iter().all(|c| matches!(c, crate::verdict::Change::Inserted { found } if found.text == "-" || found.text == "_")) {
            out.push(Finding::new(Technique::Homoglyph, Some(target), Detail::Lookalike { changes }));
        }
    }
    out
}

/// Brand keys or official domains inside the subdomain part of a foreign host.
fn subdomain_findings(index: &Index, registry: &Registry, d: &DomainName) -> Vec<Finding> {
    let sub = d.subdomain();
    if sub.is_empty() {
        return Vec::new();
    }
    let real = d.registrable().unwrap_or(d.ascii()).to_owned();
    let (shown_sub, _) = idna::domain_to_unicode(sub);
    let dotted = format!(".{sub}.");
    let loc = index
        .domain_ac
        .as_ref()
        .and_then(|ac| {
            ac.find_overlapping_iter(dotted.as_str())
                .find(|m| m.pattern().as_usize() % 3 != 2)
        })
        .map(|m| index.domains[m.pattern().as_usize() / 3].1)
        .or_else(|| {
            shown_sub.split('.').find_map(|label| {
                distinctive_key_in(index, label)
                    .or_else(|| typo_match(index, label).map(|k| k.target))
            })
        });
    match loc {
        Some(loc) => vec![Finding::new(
            Technique::SubdomainEmbedding,
            Some(channel_ref(registry, loc)),
            Detail::Embedded {
                part: shown_sub,
                real,
            },
        )],
        None => Vec::new(),
    }
}

/// The official account a platform link written inside another link stands for, or the one it
/// imitates (`x.com/TokenPocket_TP`, `t.me/tokenpocket_en`, `apps.apple.com/app/id…`):
/// `text` read as a profile link.
fn embedded_profile(index: &Index, registry: &Registry, text: &str) -> Option<ChannelLoc> {
    let lower = text.to_ascii_lowercase();
    if !lower.contains('.') || !lower.contains('/') {
        return None;
    }
    let handle = crate::input::handle::Handle::parse(text, None).ok()?;
    handle.platform()?;
    let judged = crate::matching::handle::judge(index, registry, &handle);
    judged.official.map(|(loc, _)| loc).or_else(|| {
        judged
            .findings
            .iter()
            .find_map(|f| f.target.as_ref())
            .and_then(|t| locate(registry, t))
    })
}

/// Where the channel `target` names is in the registry.
fn locate(registry: &Registry, target: &ChannelRef) -> Option<ChannelLoc> {
    let brand = registry
        .brands()
        .iter()
        .position(|b| b.id == target.brand)?;
    let channel = registry.brands()[brand]
        .channels
        .iter()
        .position(|c| c.kind == target.kind && c.value == target.value)?;
    Some(ChannelLoc { brand, channel })
}

/// An official registrable domain standing as a whole name in `text` (a path, a query, user
/// information): `evil.com/tokenpocket.pro/login`.
pub(crate) fn official_domain_in(index: &Index, text: &str) -> Option<ChannelLoc> {
    let is_name_char = |c: char| c.is_ascii_alphanumeric() || c == '-';
    let ac = index.domain_ac.as_ref()?;
    ac.find_overlapping_iter(text)
        .filter(|m| m.pattern().as_usize() % 3 == 2)
        .find(|m| {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            !before.is_some_and(is_name_char) && !after.is_some_and(is_name_char)
        })
        .map(|m| index.domains[m.pattern().as_usize() / 3].1)
}

/// A distinctive brand key anywhere in `text`, by visual key.
pub(crate) fn distinctive_key_in(index: &Index, text: &str) -> Option<ChannelLoc> {
    let vk = visual_key(text);
    let m = index.distinct_ac.as_ref()?.find(vk.as_str())?;
    Some(index.keys[index.distinct[m.pattern().as_usize()]].target)
}

/// Mixed-script and whole-script findings for the registrable label.
fn script_findings(d: &DomainName, target: Option<ChannelRef>) -> Vec<Finding> {
    let Some(label) = d.label() else {
        return Vec::new();
    };
    let (shown, _) = idna::domain_to_unicode(label);
    if shown.is_ascii() {
        return Vec::new();
    }
    let mut scripts: Vec<Script> = Vec::new();
    for c in shown.chars() {
        let s = c.script();
        if !matches!(s, Script::Common | Script::Inherited | Script::Unknown)
            && !scripts.contains(&s)
        {
            scripts.push(s);
        }
    }
    let names = || Detail::Scripts {
        scripts: scripts.iter().map(|s| s.full_name().to_owned()).collect(),
    };
    if shown.detect_restriction_level() > RestrictionLevel::HighlyRestrictive {
        return vec![Finding::new(Technique::MixedScript, target, names())];
    }
    let lookalike_script = matches!(scripts.as_slice(), [s] if matches!(s, Script::Cyrillic | Script::Greek | Script::Armenian | Script::Cherokee));
    if lookalike_script && visual_key(&shown).is_ascii() && target.is_some() {
        return vec![Finding::new(Technique::WholeScript, target, names())];
    }
    Vec::new()
}

/// The brand a reader sees after a right-to-left override: the rest of the text reversed.
fn brand_behind_rlo(index: &Index, registry: &Registry, raw: &str) -> Option<ChannelRef> {
    let start = raw.find('\u{202E}')? + '\u{202E}'.len_utf8();
    let reversed: String = raw[start..]
        .chars()
        .rev()
        .filter(|c| !crate::normalize::is_hidden(*c))
        .collect();
    distinctive_key_in(index, &reversed).map(|loc| channel_ref(registry, loc))
}
