//! The words a label may be made of besides a brand name: English words (SCOWL's
//! levels up to 35, `data/words/english.txt`) and the vocabulary of fake-support and
//! phishing names (`data/words/vocabulary.txt`: support, login, airdrop, kefu, 客服 …).
//!
//! A label such as `aboutokx` or `okx-airdrop` is the brand `okx` with words; `bookxcess` is
//! not, because `bo` and `cess` are no words. Brand names that are ordinary words (`ledger`)
//! count only with the vocabulary (`ledger-support`, not `clarionledger`).

use std::collections::HashSet;
use std::sync::OnceLock;

/// SCOWL levels 10, 20 and 35: English words of three letters or more (`data/words/README.md`).
const ENGLISH: &str = include_str!("../../data/words/english.txt");
/// The vocabulary of fake-support and phishing names.
const VOCABULARY: &str = include_str!("../../data/words/vocabulary.txt");

/// The shortest word a label is split into (`lo`, `an`, `de` glue to anything); shorter
/// words count only standing alone.
const MIN_WORD: usize = 3;

struct Lists {
    english: HashSet<&'static str>,
    vocabulary: HashSet<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let read = |text: &'static str| -> HashSet<&'static str> {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        };
        Lists {
            english: read(ENGLISH),
            vocabulary: read(VOCABULARY),
        }
    })
}

/// Which words may stand next to a brand name, from the most to the least permissive (the
/// greater of two is the stricter).
#[derive(Clone, Copy, Debug, Eq, Ord, PartialEq, PartialOrd)]
pub(crate) enum Glue {
    /// Any letters: a distinctive brand name (`metamask`) is the brand whatever is glued to it.
    Any,
    /// English words, the vocabulary and digits: a short brand name (`okx`).
    Words,
    /// The vocabulary and digits only: a brand name that is an ordinary word (`ledger`).
    Vocabulary,
}

/// The vocabulary of fake-support and phishing names, word by word.
pub(crate) fn vocabulary() -> impl Iterator<Item = &'static str> {
    lists().vocabulary.iter().copied()
}

/// Whether `word` (lowercase) is in the vocabulary of fake-support and phishing names.
pub(crate) fn is_vocabulary(word: &str) -> bool {
    lists().vocabulary.contains(word)
}

/// Whether `word` (lowercase) is an English word (the list holds plurals and verb forms:
/// `lodgers`, `phantoms`).
pub(crate) fn is_english(word: &str) -> bool {
    lists().english.contains(word)
}

/// Whether `text` (lowercase; separators already split off) is made wholly of words `glue`
/// allows and runs of digits. Empty text is not.
pub(crate) fn made_of(text: &str, glue: Glue) -> bool {
    if text.is_empty() {
        return false;
    }
    if glue == Glue::Any {
        return true;
    }
    // A Latin word of one or two letters (`de`, `us`, `id`) only stands alone: glued to others
    // it makes too many names (`webdesign` is no `web`, `de`, `sign`). Chinese words are
    // mostly two characters (`官方`, `客服`).
    if text.chars().count() < MIN_WORD {
        return is_vocabulary(text) || text.bytes().all(|b| b.is_ascii_digit());
    }
    let word = |w: &str| {
        (w.chars().count() >= MIN_WORD || !w.is_ascii())
            && match glue {
                Glue::Vocabulary => is_vocabulary(w),
                _ => is_vocabulary(w) || lists().english.contains(w),
            }
    };
    // reachable[i]: text[..i] splits into allowed pieces.
    let mut reachable = vec![false; text.len() + 1];
    reachable[0] = true;
    for i in 0..text.len() {
        if !reachable[i] || !text.is_char_boundary(i) {
            continue;
        }
        let rest = &text[i..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            reachable[i + digits] = true;
        }
        for (end, _) in rest.char_indices().skip(1).chain([(rest.len(), ' ')]) {
            if word(&rest[..end]) {
                reachable[i + end] = true;
            }
        }
    }
    reachable[text.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_split_into_allowed_words() {
        assert!(made_of("about", Glue::Words));
        assert!(made_of("accountsupport", Glue::Words));
        assert!(made_of("2024", Glue::Vocabulary));
        assert!(made_of("airdrop2024", Glue::Vocabulary));
        assert!(made_of("客服", Glue::Vocabulary));
        assert!(!made_of("bo", Glue::Words));
        assert!(!made_of("cess", Glue::Words));
        assert!(made_of("de", Glue::Vocabulary)); // standing alone: `de-ledger`
        assert!(!made_of("webdesign", Glue::Vocabulary)); // not `web` + `de` + `sign`
        assert!(made_of("官方客服", Glue::Vocabulary));
        assert!(!made_of("clarion", Glue::Vocabulary));
        assert!(made_of("anything", Glue::Any));
        assert!(!made_of("", Glue::Any));
    }

    #[test]
    fn english_with_endings() {
        assert!(is_english("token"));
        assert!(is_english("tokens"));
        assert!(!is_english("tokenpocket"));
    }
}
