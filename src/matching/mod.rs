//! Matching inputs against the registry: the index built once per registry, the distance and
//! lookalike primitives, and the ladder per input kind.

pub(crate) mod deletions;
pub mod distance;
pub(crate) mod domain;
pub(crate) mod email;
pub(crate) mod handle;
pub(crate) mod index;
pub mod lookalike;
pub(crate) mod names;
pub(crate) mod phone;
pub(crate) mod toolkit;
pub(crate) mod words;

use index::ChannelLoc;

use crate::normalize::{is_bidi_control, HiddenChar};
use crate::registry::{Brand, ChannelKind, Registry};
use crate::verdict::{
    ChannelRef, CharInfo, Detail, Finding, Note, Technique, MAX_HIDDEN_POSITIONS,
};

/// What a ladder found for one input.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// The official channel the input is (or is inside), and whether exactly.
    pub official: Option<(ChannelLoc, bool)>,
    /// The brand the input was claimed for, when no channel is targeted (a number offered as
    /// "TokenPocket's hotline").
    pub claimed: Option<usize>,
    /// Findings, the most telling first.
    pub findings: Vec<Finding>,
    /// How the input was read, where it matters.
    pub notes: Vec<Note>,
}

impl Outcome {
    /// Whether the findings show an imitation: a finding aimed at an official channel, or a
    /// channel the claimed brand does not have.
    pub fn imitates(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.target.is_some() || f.technique.imitates_alone())
    }
}

/// The finding for a channel of `kind` presented as `brand`'s, when the brand offers no
/// channel of that kind at all (a "TokenPocket hotline").
pub(crate) fn no_such_channel(brand: &Brand, kind: ChannelKind) -> Finding {
    Finding::new(
        Technique::NoSuchChannel,
        None,
        Detail::NoChannel {
            brand: brand.display_name().to_owned(),
            kind,
        },
    )
}

/// The finding for a contact of `kind` presented as `brand`'s when the brand shows its
/// channels of that kind in one place only ([`Brand::only_at`]) and this one is not listed;
/// `None` when the brand has no such place for `kind`.
pub(crate) fn only_at(brand: &Brand, kind: ChannelKind) -> Option<Finding> {
    let entry = brand.only_at(kind)?;
    Some(Finding::new(
        Technique::BrandMention,
        None,
        Detail::OnlyAt {
            brand: brand.display_name().to_owned(),
            kind,
            place: entry.place.clone(),
        },
    ))
}

/// Findings for hidden characters taken out of an input: they target what the rest of the
/// ladder found, or the official channel the cleaned input is (an official contact does not
/// come wrapped in invisible characters). `bidi_fallback` is what a bidi finding targets when
/// nothing else is targeted (for links: the brand a reader sees in the reversed text).
pub(crate) fn hidden_findings(
    registry: &Registry,
    hidden: &[HiddenChar],
    out: &mut Outcome,
    bidi_fallback: Option<ChannelRef>,
) {
    if hidden.is_empty() {
        return;
    }
    let target = out
        .findings
        .iter()
        .find_map(|f| f.target.clone())
        .or_else(|| {
            out.official
                .map(|(loc, _)| toolkit::channel_ref(registry, loc))
        });
    let (bidi, invisible): (Vec<&HiddenChar>, Vec<&HiddenChar>) =
        hidden.iter().partition(|h| is_bidi_control(h.ch));
    let bidi_target = target.clone().or(bidi_fallback);
    for (technique, found, target) in [
        (Technique::BidiControl, bidi, bidi_target),
        (Technique::InvisibleChars, invisible, target),
    ] {
        if !found.is_empty() {
            // Each character once: a line of ten thousand zero-width spaces is one finding
            // of one character, not ten thousand.
            let mut distinct: Vec<char> = Vec::new();
            for h in &found {
                if !distinct.contains(&h.ch) {
                    distinct.push(h.ch);
                }
            }
            let detail = Detail::Hidden {
                chars: distinct
                    .iter()
                    .map(|c| CharInfo::of(&c.to_string()))
                    .collect(),
                count: found.len(),
                positions: found
                    .iter()
                    .take(MAX_HIDDEN_POSITIONS)
                    .map(|h| h.offset)
                    .collect(),
            };
            out.findings
                .insert(0, Finding::new(technique, target, detail));
        }
    }
}
