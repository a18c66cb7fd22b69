//! The matching ladder for phone numbers:
//!
//! 1. the E.164 key is an official number → official (unless letters stood in for digits);
//! 2. the same subscriber digits (last seven) behind another service prefix → `prefix_swap`;
//! 3. one digit changed → `typo`; two adjacent digits swapped → `transposition`;
//! 4. a number claimed for a brand: with no phone line at all → `no_such_channel`; with phone
//!    lines, but not this one → `brand_mention`.

use crate::input::phone::Phone;
use crate::matching::index::{ChannelLoc, Index};
use crate::matching::toolkit::channel_ref;
use crate::matching::Outcome;
use crate::registry::{ChannelKind, Registry};
use crate::verdict::{Change, CharInfo, Detail, Finding, Technique};

/// Digits that identify the subscriber; what comes before them is the service prefix.
const SUBSCRIBER_DIGITS: usize = 7;

pub(crate) fn judge(
    index: &Index,
    registry: &Registry,
    phone: &Phone,
    claimed: Option<usize>,
) -> Outcome {
    let mut out = Outcome {
        claimed,
        ..Outcome::default()
    };
    let letters: Vec<Change> = phone
        .letters_for_digits()
        .iter()
        .map(|(letter, digit)| Change::Replaced {
            found: CharInfo::of(&letter.to_string()),
            expected: digit.to_string(),
        })
        .collect();
    let mut matched: Option<ChannelLoc> = None;
    if let Some(entry) = index.phones().iter().find(|e| e.key == phone.key()) {
        matched = Some(entry.loc);
        if letters.is_empty() {
            out.official = Some((entry.loc, true));
        }
    } else if !phone.is_short_code() {
        for entry in index
            .phones()
            .iter()
            .filter(|e| e.country_code == phone.country_code())
        {
            if let Some(finding) = lookalike(registry, entry.loc, &entry.national, phone.national())
            {
                matched = Some(entry.loc);
                out.findings.push(finding);
                break;
            }
        }
    }
    if !letters.is_empty() {
        let target = matched.map(|loc| channel_ref(registry, loc));
        out.findings.insert(
            0,
            Finding::new(
                Technique::DigitLookalike,
                target,
                Detail::Lookalike { changes: letters },
            ),
        );
    }
    if let Some(b) = claimed {
        let brand = &registry.brands()[b];
        let matched_brand = matched.map(|loc| loc.brand);
        if brand.lacks(ChannelKind::Phone) {
            out.official = None;
            out.findings
                .insert(0, super::no_such_channel(brand, ChannelKind::Phone));
        } else if matched_brand != Some(b) {
            if let Some(c) = brand
                .channels
                .iter()
                .position(|c| c.former.is_none() && c.kind == ChannelKind::Phone)
            {
                out.official = None;
                out.findings.insert(
                    0,
                    Finding::new(
                        Technique::BrandMention,
                        Some(channel_ref(
                            registry,
                            ChannelLoc {
                                brand: b,
                                channel: c,
                            },
                        )),
                        Detail::Claimed {
                            brand: brand.display_name().to_owned(),
                        },
                    ),
                );
            }
        }
    }
    out
}

/// A prefix swap, one changed digit, or one swap of adjacent digits.
fn lookalike(registry: &Registry, loc: ChannelLoc, official: &str, found: &str) -> Option<Finding> {
    if official.len() != found.len() {
        return None;
    }
    let target = Some(channel_ref(registry, loc));
    let cut = official.len().checked_sub(SUBSCRIBER_DIGITS)?;
    if cut > 0 && official[cut..] == found[cut..] && official[..cut] != found[..cut] {
        return Some(Finding::new(
            Technique::PrefixSwap,
            target,
            Detail::Prefix {
                found: found[..cut].to_owned(),
                expected: official[..cut].to_owned(),
            },
        ));
    }
    let diffs: Vec<usize> = official
        .bytes()
        .zip(found.bytes())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, _)| i)
        .collect();
    let changes = crate::matching::distance::changes(official, found);
    match diffs.as_slice() {
        [_] => Some(Finding::new(
            Technique::Typo,
            target,
            Detail::Edits { changes },
        )),
        [i, j]
            if *j == i + 1
                && official.as_bytes()[*i] == found.as_bytes()[*j]
                && official.as_bytes()[*j] == found.as_bytes()[*i] =>
        {
            Some(Finding::new(
                Technique::Transposition,
                target,
                Detail::Edits { changes },
            ))
        }
        _ => None,
    }
}
