//! Every sentence of a report about verdicts, scans and brands, by key: [`Msg`] names the
//! sentence and carries what goes into it, and each language is one file (`en.rs`, `zh.rs`)
//! with one exhaustive `match` over [`Msg`] and no catch-all arm, so a sentence without words
//! in a language does not compile. Traditional Chinese is the Simplified text converted when the
//! report is printed (`--lang zh-hant`). The library's own words (techniques, details, kinds)
//! come from [`crate::i18n`].

mod en;
mod zh;

use crate::registry::Lang;
use crate::Status;

pub use crate::i18n::{detail, kind_noun, kind_plural, number_type, problem, technique};

/// One sentence or label of a report, with what goes into it. Values that are styled (marks,
/// status words, bold names) arrive styled. Each field is named for the words it puts into the
/// sentence (`brand`: the brand's name, `noun`: the name of a kind of channel, `line`: a line
/// number…).
///
/// ```
/// use contactguard::report::say::{say, Msg};
/// use contactguard::registry::Lang;
///
/// let msg = Msg::ClaimedNone { brand: "TokenPocket", noun: "phone number" };
/// assert!(say(Lang::En, &msg).contains("but TokenPocket has none"));
/// assert!(say(Lang::Zh, &msg).contains("TokenPocket"));
/// ```
#[allow(missing_docs)] // the fields: see above
#[derive(Clone, Debug)]
pub enum Msg<'a> {
    // check
    /// The status word (`OFFICIAL`, `仿冒`).
    Status(Status),
    /// Label before an input's real form.
    RealForm,
    /// Label before an input as it is shown.
    ShownAs,
    /// Label before a phone number.
    Number,
    /// A handle checked against every platform.
    NoPlatform,
    /// An address at the brand's own domain.
    OfficialMailDomain { brand: &'a str, domain: &'a str },
    /// A host inside the brand's website.
    OfficialInside { brand: &'a str, site: &'a str },
    /// Exactly one of the brand's channels.
    OfficialIs {
        brand: &'a str,
        noun: &'a str,
        value: &'a str,
        note: Option<&'a str>,
    },
    /// What an impersonation imitates.
    Imitates {
        brand: &'a str,
        noun: &'a str,
        value: &'a str,
    },
    /// Presented as a kind of channel the brand does not have.
    ClaimedNone { brand: &'a str, noun: &'a str },
    /// Presented as the brand's, but not one of its channels.
    ClaimedUnlisted { brand: &'a str, noun: &'a str },
    /// Presented as the brand's, of a kind the brand shows in one place only.
    ClaimedOnlyAt {
        brand: &'a str,
        noun: &'a str,
        place: &'a str,
    },
    /// The brand's own page for checking a contact.
    VerifyAt { brand: &'a str, url: &'a str },
    /// Not in the registry.
    NotInRegistry,
    /// Why an input could not be checked.
    CannotCheck { error: &'a str },
    /// One finding: the technique (styled), its JSON name, the detail.
    Finding {
        technique: &'a str,
        code: &'a str,
        detail: &'a str,
    },
    /// Label before a note.
    Note,
    /// Heading over the brand's real channels of one kind.
    UseInsteadKind { brand: &'a str, heading: &'a str },
    /// Heading over the brand's real channels of several kinds.
    UseInstead { brand: &'a str },
    /// A registry note after a channel (registry notes are written in English).
    ChannelNote { note: &'a str },
    /// How many more channels `brands ID` lists.
    AndMore { more: usize, id: &'a str },
    /// A brand's statement.
    BrandSays { brand: &'a str, text: &'a str },
    /// Where the brand published the channel matched, and when that was read.
    Provenance { source: &'a str, checked: &'a str },
    /// The channel's newest source is more than two years older than the registry.
    OldSource { date: &'a str },
    /// Which registry answered: version, issue day, the keys that signed it.
    RegistryStamp {
        version: u64,
        issued: &'a str,
        signers: &'a str,
    },
    // scan
    /// Why a text could not be scanned.
    CannotScan { error: &'a str },
    /// Heading over the contacts found.
    ContactsFound,
    /// What a contact of no known platform is.
    Handle,
    /// Where a contact is.
    Location { line: usize, kind: &'a str },
    /// An official contact.
    OfficialItem { brand: &'a str, kind: &'a str },
    /// A contact nobody can vouch for.
    UnknownItem,
    /// The brand a contact is presented as, named on another line.
    ClaimedFar {
        brand: &'a str,
        text: &'a str,
        line: usize,
    },
    /// The brand a contact is presented as.
    ClaimedHere { brand: &'a str },
    /// A contact's first finding: technique, who it is claimed for, detail.
    ItemFinding {
        technique: &'a str,
        claimed: &'a str,
        detail: &'a str,
    },
    /// Heading over false claims.
    FalseClaims,
    /// One false claim.
    ClaimLine {
        mark: &'a str,
        line: usize,
        text: &'a str,
        detail: &'a str,
    },
    /// Heading over the advice.
    WhatToDo,
    /// The advice when a text impersonates.
    DoNotPay,
    /// A text with no contacts and no claims.
    SummaryNone { mark: &'a str },
    /// Counts of an impersonating text's contacts.
    ImpersonatingCounts {
        bad: usize,
        total: usize,
        unknown: usize,
        good: usize,
    },
    /// How many false claims.
    FalseClaimCount { claims: usize },
    /// A text that impersonates brands.
    SummaryImpersonation {
        mark: &'a str,
        word: &'a str,
        brands: &'a [&'a str],
        parts: &'a [String],
    },
    /// A text whose contacts are all official.
    SummaryOfficial {
        mark: &'a str,
        word: &'a str,
        total: usize,
    },
    /// A text with contacts nobody can vouch for.
    SummaryUnknown {
        mark: &'a str,
        word: &'a str,
        total: usize,
        unknown: usize,
        good: usize,
    },
    /// Heading over a brand's official channels.
    OfficialChannelsOf { brand: &'a str },
    /// One row of a brand's channels of a kind.
    ChannelRow { heading: &'a str, values: &'a str },
    /// Where every channel is listed.
    EveryChannel { id: &'a str },
    // brands
    /// How many channels a brand has.
    ChannelCount { count: usize },
    /// A kind of channel a brand does not have.
    NoKind { noun: &'a str },
    /// The end of the brand list.
    BrandsFooter { count: usize, version: u64 },
    /// Label before a source.
    Source,
    /// When a source was read.
    Checked { day: &'a str },
    /// After a channel whose newest source is more than two years older than the registry.
    OldSourceShort { date: &'a str },
    /// A kind of channel a brand publishes none of.
    PublishesNo {
        mark: &'a str,
        brand: &'a str,
        noun: &'a str,
    },
    /// A kind of channel a brand shows in one place only.
    OnlyAtRow {
        mark: &'a str,
        brand: &'a str,
        noun: &'a str,
        place: &'a str,
    },
    /// A name that names two brands at once, so nothing near it is assigned.
    TwoBrands {
        text: &'a str,
        first: &'a str,
        second: &'a str,
    },
    /// Heading over what to do after calling, paying or sharing a recovery phrase.
    AlreadyHeading,
    /// Move what is left to a new wallet.
    StepNewWallet,
    /// Take back the approvals given.
    StepApprovals,
    /// "Recovery" offers are a second scam.
    StepRecoveryScam,
    /// Heading over the places to report.
    ReportIt,
    /// How a brand asks to be told of a scam.
    BrandReport { brand: &'a str, text: &'a str },
    /// Heading over a brand's statements.
    WhatTheBrandSays,
    /// Heading over the channels a brand no longer uses.
    FormerHeading,
    /// One channel the brand no longer uses, and until when it did (`unknown` when not known).
    FormerRow {
        noun: &'a str,
        value: &'a str,
        until: &'a str,
    },
}

/// The sentence `msg` in `lang`.
pub fn say(lang: Lang, msg: &Msg<'_>) -> String {
    match lang {
        Lang::En => en::say(msg),
        Lang::Zh => zh::say(msg),
    }
}

/// The line that names the registry behind an answer: version, issue day and signers (the
/// keys' holders as the root names them, else the start of the key id).
pub fn registry_stamp(lang: Lang, stamp: &crate::trust::RegistryStamp) -> String {
    let mut signers: Vec<&str> = stamp
        .signers
        .iter()
        .map(|s| {
            s.owner
                .as_deref()
                .unwrap_or_else(|| s.key_id.get(..12).unwrap_or(&s.key_id))
        })
        .collect();
    signers.sort_unstable();
    say(
        lang,
        &Msg::RegistryStamp {
            version: stamp.version,
            issued: stamp.issued_at.get(..10).unwrap_or(&stamp.issued_at),
            signers: &signers.join(", "),
        },
    )
}

/// A registry note after a channel, dimmed; nothing in a language the notes are not written in.
pub fn channel_note(lang: Lang, note: &str, style: super::Style) -> String {
    let text = say(lang, &Msg::ChannelNote { note });
    if text.is_empty() {
        text
    } else {
        style.dim(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message has words in every language, and the Chinese is Chinese.
    #[test]
    fn every_message_is_said_in_every_language() {
        let parts = ["x".to_owned()];
        let samples = [
            Msg::Status(Status::Official),
            Msg::RealForm,
            Msg::ShownAs,
            Msg::Number,
            Msg::NoPlatform,
            Msg::NotInRegistry,
            Msg::Note,
            Msg::ContactsFound,
            Msg::Handle,
            Msg::UnknownItem,
            Msg::FalseClaims,
            Msg::WhatToDo,
            Msg::DoNotPay,
            Msg::Source,
            Msg::WhatTheBrandSays,
            Msg::FormerHeading,
            Msg::AlreadyHeading,
            Msg::StepNewWallet,
            Msg::StepApprovals,
            Msg::StepRecoveryScam,
            Msg::ReportIt,
            Msg::BrandReport {
                brand: "B",
                text: "举报",
            },
            Msg::ClaimedOnlyAt {
                brand: "B",
                noun: "n",
                place: "p",
            },
            Msg::VerifyAt {
                brand: "B",
                url: "u",
            },
            Msg::TwoBrands {
                text: "t",
                first: "A",
                second: "B",
            },
            Msg::Provenance {
                source: "s",
                checked: "d",
            },
            Msg::OldSource { date: "d" },
            Msg::RegistryStamp {
                version: 1,
                issued: "d",
                signers: "k",
            },
            Msg::Checked { day: "d" },
            Msg::OldSourceShort { date: "d" },
            Msg::ClaimedNone {
                brand: "B",
                noun: "n",
            },
            Msg::SummaryImpersonation {
                mark: "✗",
                word: "w",
                brands: &["B"],
                parts: &parts,
            },
        ];
        for m in &samples {
            let (en, zh) = (say(Lang::En, m), say(Lang::Zh, m));
            assert!(!en.trim().is_empty(), "{m:?}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{m:?} has no Chinese: {zh}"
            );
        }
    }
}
