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
use crate::matching::index::{
    retrieval_keys, BrandKey, ChannelLoc, Ending, Index, Origin, Strength,
};
use crate::matching::lookalike::lookalike_changes;
use crate::matching::words::{self, Glue};
use crate::matching::Outcome;
use crate::normalize::visual::typed_key;
use crate::normalize::visual::visual_key_spans;
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
        .min_by_key(|k| (matches!(k.origin, Origin::Name { .. }), k.label != label))?;
    let target = channel_ref(registry, key.target);
    if let Origin::Name { .. } = key.origin {
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

/// The largest OSA distance that still counts as a typo of a handle of this many characters.
pub(crate) fn typo_budget(key_len: usize) -> usize {
    if key_len <= 8 {
        1
    } else {
        2
    }
}

/// Rung 3: a near miss of a distinctive key.
fn rung_typo(
    index: &Index,
    registry: &Registry,
    shown: &str,
    ending: Option<Ending>,
) -> Option<Vec<Finding>> {
    let key = typo_match(index, shown, ending)?;
    Some(vec![typo_finding(registry, key, shown)])
}

/// The closest key that `shown` (a name under `ending`, when it is a domain label) is a near
/// miss of: within [`BrandKey::typo_budget`] half edits of [`distance::lookalike_osa`] on typed
/// keys, a visually confusable change counting half. A near miss that keeps a key's generic
/// last words (`toruswallet` for `trustwallet`) must be a near miss of the name before it: one
/// edit up to six letters, two beyond, and for a name of up to three letters one letter added
/// or one look-alike letter, not making a word (`topwallet` is not `tpwallet`). A near miss
/// that is itself a common English word, or a word of the vocabulary, is that word (`finance`,
/// not `binance`).
pub(crate) fn typo_match<'a>(
    index: &'a Index,
    shown: &str,
    ending: Option<Ending>,
) -> Option<&'a BrandKey> {
    let typed = typed_key(shown);
    if typed.chars().count() < crate::matching::index::MIN_DISTINCTIVE_LEN
        || words::is_english(&typed)
        || words::is_vocabulary(&typed)
    {
        return None;
    }
    // Keys within the budget share a deletion variant with the input; confirm each.
    let mut candidates = Vec::new();
    let [plain, grouped] = retrieval_keys(&typed);
    index.typos.candidates(&plain, &mut candidates);
    if grouped != plain {
        index.typos.candidates(&grouped, &mut candidates);
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut best: Option<(usize, &BrandKey)> = None;
    for key in candidates
        .iter()
        .filter_map(|&k| index.keys.get(k as usize))
        .filter(|k| k.typo_target_on(ending))
    {
        // The longest ending of the key's generic words that the name keeps, if any.
        let kept = key
            .affix_tails
            .iter()
            .find(|t| typed.len() > t.len() && typed.ends_with(t.as_str()));
        let dist = match kept {
            Some(tail) => {
                let rest = &key.typed[..key.typed.len() - tail.len()];
                let found = &typed[..typed.len() - tail.len()];
                let rest_len = rest.chars().count();
                if rest_len <= 3 {
                    // A name of up to three letters (`tp`, `mew`, `okx`) is missed only by one
                    // letter added or one look-alike letter (`tpewallet`, `0kxwallet`): any
                    // other change makes somebody else's name (`xwallet`, `cptool`), and a
                    // word is its own (`topwallet`, `newwallet`).
                    let added = found.chars().count() == rest_len + 1
                        && distance::lookalike_osa(rest, found, 2).is_some();
                    if words::is_english(found)
                        || words::is_vocabulary(found)
                        || !(added || distance::lookalike_osa(rest, found, 1).is_some())
                    {
                        continue;
                    }
                    distance::lookalike_osa(rest, found, 2)
                } else {
                    // One edit for a name of up to six letters (`trust`, `ledger`), two beyond
                    // (`myether`), never more than the whole key allows.
                    let edits = if rest_len <= 6 { 1 } else { 2 };
                    distance::lookalike_osa(rest, found, key.typo_budget().min(2 * edits))
                }
            }
            None => distance::lookalike_osa(&key.typed, &typed, key.typo_budget()),
        };
        let Some(dist) = dist else { continue };
        if dist == 0 {
            continue; // the same letters: the same-look rung's to judge
        }
        if best.is_none_or(|(b, _)| dist < b) {
            best = Some((dist, key));
        }
    }
    best.map(|(_, k)| k)
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

/// A brand key standing in `shown` (a name under `ending`, when it is a domain label) next to
/// other words (`tokenpocket-support`, `metamaskrefund`, `aboutokx`, `ledger-wallet`,
/// `tokenpockett-help`), each key with the words its [`BrandKey::glue_on`] allows: any for a
/// distinctive name, English words, the vocabulary or digits for a short one, the vocabulary
/// or digits for an ordinary word. A name of up to eight letters written with look-alike
/// letters inside a longer name (`digitalkeypairing`, not `keypal`) needs the vocabulary
/// around it.
pub(crate) fn brand_with_words<'a>(
    index: &'a Index,
    shown: &str,
    ending: Option<Ending>,
) -> Option<BrandHit<'a>> {
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
    let separators = ['-', '_', '.'];
    let words = |before: &str, after: &str| -> Vec<String> {
        before
            .split(separators)
            .chain(after.split(separators))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    // Whether the words around a key are ones it may stand beside: every other word, and the
    // letters glued to the key, made of what `glue` allows.
    let allowed = |before: &str, after: &str, glue: Glue| -> bool {
        let lower = |w: &str| typed_key(w);
        let others = words(before, after);
        // One or two Latin letters glued to the name make another name (`enledger`), unless
        // they are digits; set apart by a separator they are a word of their own (`de-ledger`).
        let glued_short = |piece: &str| {
            !piece.is_empty()
                && piece.is_ascii()
                && piece.len() < 3
                && !piece.bytes().all(|b| b.is_ascii_digit())
        };
        let touching = (
            before.rsplit(separators).next().unwrap_or_default(),
            after.split(separators).next().unwrap_or_default(),
        );
        if glue != Glue::Any && (glued_short(touching.0) || glued_short(touching.1)) {
            return false;
        }
        !others.is_empty()
            && others.iter().all(|w| words::made_of(&lower(w), glue))
            && (glue != Glue::Any || !ends_a_word(after))
    };
    let hit = |key: &'a BrandKey, inside: String, extra: Vec<String>| BrandHit {
        key,
        brand_part: inside.trim_matches(separators).to_owned(),
        extra,
        near_miss: false,
    };
    // Distinctive keys anywhere; the longest key that stands with words it allows wins
    // (`tokenpocket` over `pocket`).
    let mut found: Vec<(usize, usize)> = Vec::new(); // (key, first position)
    if let Some(ac) = &index.distinct_ac {
        for m in ac.find_overlapping_iter(vk.as_str()) {
            let k = index.distinct[m.pattern().as_usize()];
            if index.keys[k].visual.len() < vk.len() && !found.iter().any(|&(f, _)| f == k) {
                found.push((k, m.start()));
            }
        }
    }
    found.sort_by_key(|&(k, _)| (std::cmp::Reverse(index.keys[k].visual.len()), k));
    for (k, pos) in found {
        let key = &index.keys[k];
        let (before, inside, after) = raw_of(pos..pos + key.visual.len());
        let mut glue = key.glue_on(ending).unwrap_or(Glue::Vocabulary);
        if typed_key(&inside) != key.typed && key.len <= 8 {
            glue = glue.max(Glue::Vocabulary);
        }
        if allowed(&before, &after, glue) {
            return Some(hit(key, inside, words(&before, &after)));
        }
    }
    // Short and ordinary-word keys: wherever they stand, with the words they allow.
    for key in index.weak.iter().map(|&k| &index.keys[k]) {
        let Some(glue) = key.glue_on(ending) else {
            continue;
        };
        if key.visual.len() >= vk.len() {
            continue;
        }
        for (pos, _) in vk.match_indices(key.visual.as_str()) {
            let (before, inside, after) = raw_of(pos..pos + key.visual.len());
            if allowed(&before, &after, glue) {
                return Some(hit(key, inside, words(&before, &after)));
            }
        }
    }
    // A near miss of a key as one of several words (`tokenpockett-support`,
    // `signin-blockchian`).
    let tokens: Vec<&str> = shown.split(['-', '_']).filter(|t| !t.is_empty()).collect();
    if tokens.len() > 1 {
        for (i, token) in tokens.iter().enumerate() {
            let Some(key) = typo_match(index, token, ending) else {
                continue;
            };
            let Some(glue) = key.glue_on(ending) else {
                continue;
            };
            let extra: Vec<String> = tokens
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, t)| (*t).to_owned())
                .collect();
            if extra.iter().all(|w| words::made_of(&typed_key(w), glue)) {
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

/// Whether the letters right after a brand name make another word of it with an English ending
/// (`bitkeeper`, `uniswapped`): then the name is not standing on its own. A plural is still the
/// brand (`metamasks`).
fn ends_a_word(after: &str) -> bool {
    let glued: String = after
        .split(['-', '_', '.'])
        .next()
        .unwrap_or_default()
        .to_lowercase();
    Index::is_word_ending(&glued)
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
