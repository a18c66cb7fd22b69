//! What every kind's ladder shares: the channel a finding targets, near misses of brand keys,
//! and brand names with other words. The domain ladder, the handle ladder, e-mail and phone
//! matching all build on it; none of them imports another's internals.

use crate::matching::distance;
use crate::matching::index::{retrieval_keys, BrandKey, ChannelLoc, Ending, Index, KeySource};
use crate::matching::lookalike::lookalike_changes;
use crate::matching::words::{self, Glue};
use crate::normalize::visual::typed_key;
use crate::normalize::visual::visual_key_spans;
use crate::registry::Registry;
use crate::verdict::{ChannelRef, Detail, Finding, Technique};

pub(crate) fn channel_ref(registry: &Registry, loc: ChannelLoc) -> ChannelRef {
    let brand = &registry.brands()[loc.brand];
    ChannelRef::of(
        brand,
        &brand.channels[loc.channel],
        &registry.data().issued_at,
    )
}

/// The largest OSA distance that still counts as a typo of a handle of this many characters.
pub(crate) fn typo_budget(key_len: usize) -> usize {
    if key_len <= 8 {
        1
    } else {
        2
    }
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
    let mut best: Option<((usize, bool), &BrandKey)> = None;
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
        // Fewest edits first; between keys as near, the one on the input's own ending
        // (`binnance.us` is a near miss of binance.us before binance.com).
        let other_ending = match (&key.origin, ending) {
            (KeySource::Domain { suffix }, Some(e)) => suffix.as_str() != e.suffix,
            _ => true,
        };
        let rank = (dist, other_ending);
        if best.is_none_or(|(b, _)| rank < b) {
            best = Some((rank, key));
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
    // Short and ordinary-word keys: wherever they stand, with the words they allow; key by
    // key in the index's order, each at its places from the left, not overlapping itself.
    for (key, pos) in weak_places(index, &vk) {
        let Some(glue) = key.glue_on(ending) else {
            continue;
        };
        let (before, inside, after) = raw_of(pos..pos + key.visual.len());
        if allowed(&before, &after, glue) {
            return Some(hit(key, inside, words(&before, &after)));
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

/// Where the weak keys shorter than `vk` (a visual key) stand in it, ordered by key (the
/// index's order) and then by position; a key's places do not overlap each other, as
/// `str::match_indices` finds them.
fn weak_places<'a>(index: &'a Index, vk: &str) -> Vec<(&'a BrandKey, usize)> {
    let Some(ac) = &index.weak_ac else {
        return Vec::new();
    };
    // (order among the weak keys, position)
    let mut places: Vec<(usize, usize)> = ac
        .find_overlapping_iter(vk)
        .map(|m| (m.pattern().as_usize(), m.start()))
        .collect();
    places.sort_unstable();
    let mut out = Vec::with_capacity(places.len());
    let mut free_from = (usize::MAX, 0); // (key, first position a next place may take)
    for (w, pos) in places {
        let Some(key) = index.weak.get(w).and_then(|&k| index.keys.get(k)) else {
            continue;
        };
        if key.visual.len() >= vk.len() || (free_from.0 == w && pos < free_from.1) {
            continue;
        }
        free_from = (w, pos + key.visual.len());
        out.push((key, pos));
    }
    out
}

/// Whether the letters right after a brand name make another word of it with an English ending
/// (`bitkeeper`, `uniswapped`): then the name is not standing on its own. A plural is still the
/// brand (`metamasks`).
pub(crate) fn ends_a_word(after: &str) -> bool {
    let glued: String = after
        .split(['-', '_', '.'])
        .next()
        .unwrap_or_default()
        .to_lowercase();
    Index::is_word_ending(&glued)
}
