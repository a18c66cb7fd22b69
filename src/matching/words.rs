//! The words a label may be made of besides a brand name: English words (SCOWL's
//! levels up to 35, `data/words/english.txt`) and the vocabulary of fake-support and
//! phishing names (`data/words/vocabulary.txt`: support, login, airdrop, kefu, 客服 …).
//!
//! A label such as `aboutokx` or `okx-airdrop` is the brand `okx` with words; `bookxcess` is
//! not, because `bo` and `cess` are no words. Brand names that are ordinary words (`ledger`)
//! count only with the vocabulary (`ledger-support`, not `clarionledger`).

use foldhash::HashSet;
use std::sync::OnceLock;

/// SCOWL levels 10, 20 and 35: English words of three letters or more (`data/words/README.md`).
const ENGLISH: &str = include_str!("../../data/words/english.txt");
/// The vocabulary of fake-support and phishing names.
const VOCABULARY: &str = include_str!("../../data/words/vocabulary.txt");

/// The shortest word a label is split into (`lo`, `an`, `de` glue to anything); shorter
/// words count only standing alone.
const MIN_WORD: usize = 3;

/// How many top bits of a word's hash pick its slot in [`ENGLISH_TABLE`].
const TABLE_BITS: u32 = 16;

/// The English words as a hash table worked out while compiling (nothing to build or hash at
/// start-up): slot → 1 + the byte offset in [`ENGLISH`] of the word in it, 0 when empty;
/// linear probing, 38,000 words in 65,536 slots. (Working it out runs longer than
/// the lint below expects of a constant.)
#[allow(long_running_const_eval)]
static ENGLISH_TABLE: [u32; 1 << TABLE_BITS] = english_table(ENGLISH.as_bytes());

/// FNV-1a of `bytes[from..to]`, mixed so that its top bits pick the slot.
const fn word_hash(bytes: &[u8], from: usize, to: usize) -> u32 {
    let mut h: u32 = 0x811C_9DC5;
    let mut i = from;
    while i < to {
        h ^= bytes[i] as u32;
        h = h.wrapping_mul(0x0100_0193);
        i += 1;
    }
    h.wrapping_mul(0x9E37_79B1)
}

/// The slot where probing for a word of this hash starts.
const fn first_slot(hash: u32) -> usize {
    (hash >> (32 - TABLE_BITS)) as usize
}

/// Places every line of `text` in the table.
const fn english_table(text: &[u8]) -> [u32; 1 << TABLE_BITS] {
    let mask = (1 << TABLE_BITS) - 1;
    let mut table = [0u32; 1 << TABLE_BITS];
    let mut start = 0;
    let mut i = 0;
    while i <= text.len() {
        if i == text.len() || text[i] == b'\n' {
            if i > start {
                let mut slot = first_slot(word_hash(text, start, i));
                while table[slot] != 0 {
                    slot = (slot + 1) & mask;
                }
                table[slot] = start as u32 + 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    table
}

fn vocabulary_set() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        VOCABULARY
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
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
    vocabulary_set().iter().copied()
}

/// Whether `word` (lowercase) is in the vocabulary of fake-support and phishing names.
pub(crate) fn is_vocabulary(word: &str) -> bool {
    vocabulary_set().contains(word)
}

/// Whether `word` (lowercase) is an English word (the list holds plurals and verb forms:
/// `lodgers`, `phantoms`).
pub(crate) fn is_english(word: &str) -> bool {
    let text = ENGLISH.as_bytes();
    let word = word.as_bytes();
    let mut slot = first_slot(word_hash(word, 0, word.len()));
    while let Some(&entry) = ENGLISH_TABLE.get(slot) {
        let Some(start) = (entry as usize).checked_sub(1) else {
            return false; // an empty slot ends the probe
        };
        let end = start + word.len();
        if text.get(start..end) == Some(word) && matches!(text.get(end), None | Some(b'\n')) {
            return true;
        }
        slot = (slot + 1) % ENGLISH_TABLE.len();
    }
    false
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
                _ => is_vocabulary(w) || is_english(w),
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
    fn every_english_word_is_found_and_nothing_else() {
        let words: Vec<&str> = ENGLISH.lines().collect();
        assert!(words.iter().all(|w| !w.is_empty() && w.trim() == *w));
        assert!(words.iter().all(|w| is_english(w)));
        for w in [
            "",
            "tokenpocket",
            "aardvarkz",
            "aardvar",
            "zzzz",
            "a",
            "Token",
            "客服",
        ] {
            assert!(!is_english(w), "{w}");
        }
    }

    #[test]
    fn english_with_endings() {
        assert!(is_english("token"));
        assert!(is_english("tokens"));
        assert!(!is_english("tokenpocket"));
    }
}
