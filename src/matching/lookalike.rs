//! Naming the characters that make a lookalike: which characters of the input stand where
//! the original has others.

use crate::matching::distance;
use crate::normalize::visual::visual_key_spans;
use crate::verdict::{Change, CharInfo};

/// The changes between `original` and a `found` string with the same visual key: each group
/// of characters that renders like a group of the original but is not the same text.
/// Falls back to an edit script when the visual keys differ.
///
/// ```
/// use contactguard::matching::lookalike::lookalike_changes;
/// use contactguard::Change;
///
/// let c = lookalike_changes("metamask", "rnetamask");
/// assert!(matches!(&c[..], [Change::Replaced { found, expected }] if found.text == "rn" && expected == "m"));
/// let c = lookalike_changes("tokenpocket", "token-pocket");
/// assert!(matches!(&c[..], [Change::Inserted { found }] if found.text == "-"));
/// ```
pub fn lookalike_changes(original: &str, found: &str) -> Vec<Change> {
    let (ko, so) = visual_key_spans(original);
    let (kf, sf) = visual_key_spans(found);
    if ko != kf {
        return distance::changes(&original.to_lowercase(), &found.to_lowercase());
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < so.len() || j < sf.len() {
        // The same separator on both sides is no change.
        if i < so.len()
            && j < sf.len()
            && so[i].1.is_empty()
            && sf[j].1.is_empty()
            && so[i].0 == sf[j].0
        {
            i += 1;
            j += 1;
            continue;
        }
        if j < sf.len() && sf[j].1.is_empty() {
            out.push(Change::Inserted {
                found: CharInfo::of(&sf[j].0.to_string()),
            });
            j += 1;
            continue;
        }
        if i < so.len() && so[i].1.is_empty() {
            out.push(Change::Missing {
                expected: so[i].0.to_string(),
            });
            i += 1;
            continue;
        }
        if i >= so.len() || j >= sf.len() {
            break;
        }
        let (gi, gj) = (i, j);
        let (mut eo, mut ef) = (so[i].1.end, sf[j].1.end);
        i += 1;
        j += 1;
        while eo != ef {
            if eo < ef && i < so.len() {
                eo = so[i].1.end;
                i += 1;
            } else if ef < eo && j < sf.len() {
                ef = sf[j].1.end;
                j += 1;
            } else {
                break;
            }
        }
        let expected: String = so[gi..i].iter().map(|(c, _)| *c).collect();
        let got: String = sf[gj..j].iter().map(|(c, _)| *c).collect();
        if expected.to_lowercase() != got.to_lowercase() {
            out.push(Change::Replaced {
                found: CharInfo::of(&got),
                expected,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cyrillic_and_digits() {
        let c = lookalike_changes("tokenpocket", "t0kenpоcket");
        assert_eq!(c.len(), 2);
        assert!(
            matches!(&c[0], Change::Replaced { found, expected } if found.names == "DIGIT ZERO" && expected == "o")
        );
        assert!(
            matches!(&c[1], Change::Replaced { found, expected } if found.names == "CYRILLIC SMALL LETTER O" && expected == "o")
        );
    }

    #[test]
    fn case_alone_is_no_change() {
        assert!(lookalike_changes("tokenpocket", "TokenPocket").is_empty());
    }

    #[test]
    fn shared_separators_are_no_change() {
        let c = lookalike_changes("TokenPocket_TP", "TokenPocket_TP_");
        assert!(
            matches!(&c[..], [Change::Inserted { found }] if found.text == "_"),
            "{c:?}"
        );
    }

    #[test]
    fn multi_character_glyphs() {
        let c = lookalike_changes("wallet", "vvallet");
        assert!(
            matches!(&c[..], [Change::Replaced { found, expected }] if found.text == "vv" && expected == "w")
        );
    }
}
