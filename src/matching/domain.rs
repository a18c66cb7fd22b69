//! The matching ladder for links and domains (`docs/matching.md` §2.3–§2.4; each step in order in `ARCHITECTURE.md`):
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

use crate::input::url::{is_at_or_under, DomainName, Link, LinkHost, SuffixKind};
use crate::matching::index::{BrandKey, ChannelLoc, Ending, Index, KeySource, Strength};
use crate::matching::lookalike::lookalike_changes;
use crate::matching::toolkit::{brand_with_words, channel_ref, typo_finding, typo_match};
use crate::matching::Outcome;
use crate::normalize::visual::typed_key;
use crate::normalize::visual_key;
use crate::registry::Registry;
use crate::verdict::{ChannelRef, CharInfo, Detail, Finding, Note, Technique};

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

/// Second-level labels under which only public institutions register (`gov.rs`, `ac.id`,
/// `gouv.ci`): a treasury's `trezor.gov.rs` or a university's `unisap.ac.id` is not a phishing
/// site's name, whatever it resembles.
const INSTITUTIONAL: &[&str] = &[
    "ac", "edu", "go", "gob", "gouv", "gov", "govt", "gub", "gv", "mil",
];

/// Whether the public suffix of `d` is one of the [`INSTITUTIONAL`] ones.
fn is_institutional(d: &DomainName) -> bool {
    let mut labels = d.suffix().rsplit('.');
    labels.next(); // the top-level domain itself (`ac` is Ascension Island)
    labels.any(|l| INSTITUTIONAL.contains(&l))
}

/// The note for a domain the registry lists as someone else's ([`crate::registry::Lookalike`]),
/// checked before any lookalike rule.
fn known_lookalike(index: &Index, registry: &Registry, d: &DomainName) -> Option<Note> {
    let &(b, l) = index.lookalikes.get(d.registrable()?)?;
    let brand = registry.brands().get(b)?;
    let lookalike = brand.lookalikes.get(l)?;
    Some(Note::new(Detail::KnownLookalike {
        domain: lookalike.domain.clone(),
        holder: lookalike.holder.clone(),
        brand: brand.display_name().to_owned(),
    }))
}

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
                if let Some(host) = SHORTENERS.iter().find(|s| is_at_or_under(d.ascii(), s)) {
                    out.findings.push(Finding::new(
                        Technique::Shortener,
                        None,
                        Detail::Shortened {
                            host: (*host).to_owned(),
                        },
                    ));
                } else if let Some(note) = known_lookalike(index, registry, d) {
                    out.notes.push(note);
                } else if !is_institutional(d) {
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

/// Steps 2–4 of the ladder on the registrable label, plus free hosting.
fn label_findings(index: &Index, registry: &Registry, d: &DomainName) -> Vec<Finding> {
    let (Some(label), Some(registrable)) = (d.label(), d.registrable()) else {
        return Vec::new();
    };
    let (shown, _) = idna::domain_to_unicode(label);
    let ending = Ending::of(d);
    let mut found = rung_same_look(index, registry, label, &shown, ending)
        .or_else(|| rung_typo(index, registry, &shown, Some(ending)))
        .or_else(|| rung_domain_as_label(index, registry, d))
        .or_else(|| rung_combo(index, registry, &shown, Some(ending)))
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
    ending: Ending,
) -> Option<Vec<Finding>> {
    let suffix = ending.suffix;
    let keys = index.by_visual.get(&visual_key(shown))?;
    // Domain-origin keys first: they name the channel imitated most precisely.
    let key = keys
        .iter()
        .map(|&k| &index.keys[k])
        .min_by_key(|k| (matches!(k.origin, KeySource::Name { .. }), k.label != label))?;
    let target = channel_ref(registry, key.target);
    if let KeySource::Name { .. } = key.origin {
        // A name made of a brand domain's label and keywords ("Ledger Live", "OKX Wallet")
        // reads best as that label plus words.
        if let Some(combo) = rung_combo(index, registry, shown, Some(ending)) {
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
        // An ordinary word under another ending is somebody else's unless it is a registered
        // label of six letters or more (`ledger.tips`, not `token.com`).
        if key.strength == Strength::Common && !key.typo_target() {
            return None;
        }
        match &key.origin {
            KeySource::Domain { suffix: official } => {
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
            KeySource::Name { name } => out.push(Finding::new(
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
        if let KeySource::Domain { suffix: official } = &key.origin {
            if official != suffix
                && (key.strength != Strength::Common || key.typo_target_on(Some(ending)))
            {
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

/// An official domain written as one label, its dots dropped or made dashes (`tokenim.com`,
/// `token-im.com` for `token.im`, `metamask-io.net`).
fn rung_domain_as_label(
    index: &Index,
    registry: &Registry,
    d: &DomainName,
) -> Option<Vec<Finding>> {
    let label = d.label()?;
    let loc = *index.dotless.get(&typed_key(label))?;
    Some(vec![Finding::new(
        Technique::Combosquat,
        Some(channel_ref(registry, loc)),
        Detail::Embedded {
            part: label.to_owned(),
            real: d.registrable()?.to_owned(),
        },
    )])
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
        rung_same_look(index, registry, &joined, &shown, Ending::of(d))
            .or_else(|| rung_typo(index, registry, &shown, Some(Ending::of(d))))
    })
}

/// Rung 3: a near miss of a distinctive key. A near miss of a key that holds another brand's
/// key whole (`binanceus`, Binance.US, holds `binance`) is left to rung 4 when the label holds
/// that shorter key whole too (`binance-cn`): the brand with words, not a misspelling of the
/// longer name.
fn rung_typo(
    index: &Index,
    registry: &Registry,
    shown: &str,
    ending: Option<Ending>,
) -> Option<Vec<Finding>> {
    let key = typo_match(index, shown, ending)?;
    let inner = brand_with_words(index, shown, ending).filter(|hit| {
        !hit.near_miss
            && hit.key.visual.len() < key.visual.len()
            && key.visual.contains(hit.key.visual.as_str())
    });
    if inner.is_some() {
        return None;
    }
    Some(vec![typo_finding(registry, key, shown)])
}

/// Rung 4: a brand key with other words.
fn rung_combo(
    index: &Index,
    registry: &Registry,
    shown: &str,
    ending: Option<Ending>,
) -> Option<Vec<Finding>> {
    let hit = brand_with_words(index, shown, ending)?;
    let mut out = combo_findings(registry, hit.key, &hit.brand_part, hit.extra);
    if hit.near_miss {
        out.push(typo_finding(registry, hit.key, &hit.brand_part));
    }
    Some(out)
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

/// The shortest key whose near misses count in a subdomain (`blockchaln.` for
/// `blockchain`, `myetherrwallet.` for `myetherwallet`).
const MIN_SUBDOMAIN_TYPO_LEN: usize = 9;

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
        .or_else(|| domain_glued(index, d.ascii()))
        .or_else(|| {
            // Brand names, and near misses of long ones only: a near miss of a short name in a
            // subdomain is mostly somebody else's word (`ewallet.`, `trevor.`, `keypay.`).
            shown_sub.split('.').find_map(|label| {
                distinctive_key_in(index, label).or_else(|| {
                    typo_match(index, label, None)
                        .filter(|k| k.len >= MIN_SUBDOMAIN_TYPO_LEN)
                        .map(|k| k.target)
                })
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

/// An official domain written whole at the start of a host label and glued to the rest with a
/// dash or digits (`ledger.com-verify.support`, `metamask.io-login.net`,
/// `ledger.com401.support`): the host reads as the brand's domain followed by words.
fn domain_glued(index: &Index, host: &str) -> Option<ChannelLoc> {
    let ac = index.domain_ac.as_ref()?;
    ac.find_overlapping_iter(host)
        .filter(|m| m.pattern().as_usize() % 3 == 2)
        .find(|m| {
            let starts = m.start() == 0 || host.as_bytes().get(m.start() - 1) == Some(&b'.');
            starts
                && host
                    .as_bytes()
                    .get(m.end())
                    .is_some_and(|&b| b == b'-' || b.is_ascii_digit())
        })
        .map(|m| index.domains[m.pattern().as_usize() / 3].1)
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
