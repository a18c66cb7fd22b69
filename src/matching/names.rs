//! Brand names in free text, in any script and also disguised: `TP钱包`, `TP錢包`,
//! `T P 钱 包`, `T0kenPocket`, `tp wallet`, Cyrillic look-alike letters.
//!
//! Text and names are folded the same way (visual key: lowercase, look-alike characters
//! unified, spaces and separators dropped), and one Aho-Corasick automaton finds every name at
//! once. A hit counts only where it starts and ends a word, so `mew` is not found in
//! `some web`.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::normalize::is_cjk;
use crate::normalize::plain;
use crate::normalize::visual::push_fragment;
use crate::registry::Registry;

/// A brand name found in text.
#[derive(Clone, Debug, Eq, PartialEq)]
pub(crate) struct NameHit {
    /// Where it is in the segmented text.
    pub span: Range<usize>,
    /// The brand's index in the registry.
    pub brand: usize,
    /// The name is an ordinary word (`Trust`, `Ledger`): it names the brand only next to a
    /// support word.
    pub common: bool,
    /// Written differently from every name of the brand (spaced out, look-alike letters).
    pub disguised: bool,
}

/// Every brand name of a registry, ready to search.
#[derive(Debug)]
pub(crate) struct NameFinder {
    automaton: Option<AhoCorasick>,
    /// Per pattern: brand index, common word, and the name without separators, lowercase.
    names: Vec<(usize, bool, String)>,
    /// Per pattern: for a short form, the length of the name in the folded pattern (the
    /// support word after it is not part of the name).
    short: Vec<Option<usize>>,
}

/// Words after which the short form of a `…钱包` name (`TP` of `TP钱包`) names the brand:
/// `建议拨打TP官方客服热线`. Alone, two letters name nothing.
const SHORT_FORM_WORDS: &[&str] = &["官方", "客服", "人工", "热线", "官网", "电话"];

/// Folds one character the way names and text are compared.
fn fold(c: char, out: &mut String) {
    if is_cjk(c) {
        // Traditional and Simplified forms name the brand alike (`TP錢包`, `幣安`).
        out.push(crate::normalize::hant::to_simplified(c));
    } else if c == '\n' {
        out.push('\n');
    } else {
        push_fragment(c, out);
    }
}

impl NameFinder {
    /// Indexes every name of every brand in `registry`.
    pub fn new(registry: &Registry) -> NameFinder {
        let mut patterns = Vec::new();
        let mut names = Vec::new();
        let mut short = Vec::new();
        for (b, brand) in registry.brands().iter().enumerate() {
            for name in brand.names.iter().chain(&brand.community_names) {
                let mut key = String::new();
                name.chars().for_each(|c| fold(c, &mut key));
                let plain = plain(name);
                if key.chars().count() < 2 || plain.chars().count() < 2 {
                    continue;
                }
                let common = brand.common_words.contains(&plain);
                patterns.push(key);
                names.push((b, common, plain));
                short.push(None);
            }
            for stem in brand.short_forms() {
                let mut stem_key = String::new();
                stem.chars().for_each(|c| fold(c, &mut stem_key));
                for word in SHORT_FORM_WORDS {
                    patterns.push(format!("{stem_key}{word}"));
                    names.push((b, false, crate::normalize::plain(stem)));
                    short.push(Some(stem_key.len()));
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        NameFinder {
            automaton,
            names,
            short,
        }
    }

    /// Every brand name in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<NameHit> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut folded = String::with_capacity(text.len());
        // For each byte of `folded`, the character of `text` it came from.
        let mut origin: Vec<(u32, u32)> = Vec::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            let before = folded.len();
            fold(c, &mut folded);
            let pair = (i as u32, (i + c.len_utf8()) as u32);
            origin.extend(std::iter::repeat_n(pair, folded.len() - before));
        }
        let mut hits = Vec::new();
        for m in automaton.find_iter(&folded) {
            let short = self.short.get(m.pattern().as_usize()).copied().flatten();
            let end = short.map_or(m.end(), |len| m.start() + len);
            let (Some(first), Some(last)) = (origin.get(m.start()), origin.get(end - 1)) else {
                continue;
            };
            let span = first.0 as usize..last.1 as usize;
            // A hit must begin and end at whole characters and words.
            let starts_clean = m.start() == 0 || origin[m.start() - 1] != *first;
            let ends_clean = origin.get(end).is_none_or(|o| o != last);
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !is_cjk(c));
            let first_char = text[span.clone()].chars().next();
            let last_char = text[span.clone()].chars().next_back();
            let left_open = !(word(first_char) && word(text[..span.start].chars().next_back()));
            let right_open = !(word(last_char) && word(text[span.end..].chars().next()));
            if !(starts_clean && ends_clean && left_open && right_open) {
                continue;
            }
            let (brand, common, _) = &self.names[m.pattern().as_usize()];
            let written = &text[span.clone()];
            // A name that is also an ordinary word (`base`, `kraken`) names the brand only when
            // written as a name, with a capital: "knowledge base" is not Base.
            if *common && written.starts_with(|c: char| c.is_ascii_lowercase()) {
                continue;
            }
            let plain_written = plain(written);
            let spaced_out = written
                .split_whitespace()
                .filter(|w| w.chars().count() == 1)
                .count()
                >= 2;
            let disguised = short.is_none()
                && (spaced_out
                    || !self
                        .names
                        .iter()
                        .any(|(b, _, n)| b == brand && *n == plain_written));
            hits.push(NameHit {
                span,
                brand: *brand,
                common: *common,
                disguised,
            });
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trust::TrustedRegistry;

    fn found(text: &str) -> Vec<(String, String, bool)> {
        let trusted = TrustedRegistry::builtin().unwrap();
        let registry = trusted.registry();
        NameFinder::new(registry)
            .find(text)
            .into_iter()
            .map(|h| {
                (
                    text[h.span].to_owned(),
                    registry.brands()[h.brand].id.clone(),
                    h.disguised,
                )
            })
            .collect()
    }

    #[test]
    fn finds_names_in_any_script_and_disguise() {
        let hits = found("TP钱包官方客服 / T P 钱 包 / T0kenPocket / tp wallet / 币安 / imToken");
        let brands: Vec<&str> = hits.iter().map(|h| h.1.as_str()).collect();
        assert_eq!(
            brands,
            [
                "tokenpocket",
                "tokenpocket",
                "tokenpocket",
                "tokenpocket",
                "binance",
                "imtoken"
            ]
        );
        assert_eq!(hits[1].0, "T P 钱 包");
        assert!(hits[1].2 && hits[2].2);
        assert!(!hits[0].2 && !hits[3].2);
    }

    #[test]
    fn respects_word_boundaries() {
        assert!(found("some web pages").is_empty());
        assert!(found("tokenpockets").is_empty());
        assert_eq!(found("MEW wallet").len(), 1);
    }
}
