//! The CLI's sentences in English.

use crate::Status;

use super::Msg;

/// The sentence `msg` in English.
pub fn say(msg: &Msg<'_>) -> String {
    match msg {
        Msg::Status(status) => match status {
            Status::Official => "OFFICIAL",
            Status::Impersonation => "IMPERSONATION",
            Status::Unknown => "UNKNOWN",
            _ => "INVALID",
        }
        .to_owned(),
        Msg::RealForm => "real form:  ".to_owned(),
        Msg::ShownAs => "shown as:   ".to_owned(),
        Msg::Number => "number: ".to_owned(),
        Msg::NoPlatform => "  (no platform given: checked against every platform)\n".to_owned(),
        Msg::OfficialMailDomain { brand, domain } => format!(
            "  This is an address at {brand}'s own domain {domain}: only {brand} receives mail there.\n"
        ),
        Msg::OfficialInside { brand, site } => format!(
            "  This is inside {brand}'s website {site}: every subdomain of it is {brand}'s.\n"
        ),
        Msg::OfficialIs { brand, noun, value, note } => {
            let note = note.map(|n| format!(" ({n})")).unwrap_or_default();
            format!("  This is {brand}'s {noun} {value}{note}.\n")
        }
        Msg::Imitates { brand, noun, value } => format!("  It imitates {brand}'s {noun} {value}.\n"),
        Msg::ClaimedNone { brand, noun } => {
            format!("  It is presented as {brand}'s {noun}, but {brand} has none.\n")
        }
        Msg::ClaimedOnlyAt { brand, noun, place } => format!(
            "  It is presented as {brand}'s {noun}. {brand} shows its {noun} only at {place}: any other is not {brand}'s.\n"
        ),
        Msg::VerifyAt { brand, url } => {
            format!("  Check any contact claiming to be {brand} at {brand}'s own page: {url}\n")
        }
        Msg::ClaimedUnlisted { brand, noun } => format!(
            "  It is presented as {brand}'s {noun}, but it is not one of {brand}'s channels.\n"
        ),
        Msg::NotInRegistry => "  It is not in our list of official channels: nobody here can vouch for it. That does not make it safe.\n".to_owned(),
        Msg::CannotCheck { error } => format!("  {error}\n"),
        Msg::Finding { technique, code: "", detail } => format!("  • {technique}: {detail}\n"),
        Msg::Finding { technique, code, detail } => format!("  • {technique} ({code}): {detail}\n"),
        Msg::Note => "note: ".to_owned(),
        Msg::UseInsteadKind { brand, heading } => format!("  Do not use it. {brand}'s real {heading}:\n"),
        Msg::UseInstead { brand } => format!("  Do not use it. Reach {brand} only through:\n"),
        Msg::ChannelNote { note } => format!("  ({note})"),
        Msg::AndMore { more, id: "" } => format!("    … and {more} more.\n"),
        Msg::AndMore { more, id } => format!("    … and {more} more: contactguard brands {id}\n"),
        Msg::BrandSays { brand, text } => format!("  {brand} says: {text}\n"),
        Msg::CannotScan { error } => format!("Cannot scan: {error}\n"),
        Msg::ContactsFound => "Contacts found:".to_owned(),
        Msg::Handle => "account".to_owned(),
        Msg::Location { line, kind } => format!("line {line} · {kind}"),
        Msg::OfficialItem { brand, kind } => format!("{brand}'s official {kind}"),
        Msg::UnknownItem => "not in our list of official channels: nobody here can vouch for it".to_owned(),
        Msg::ClaimedFar { brand, text, line } => {
            format!(" (presented as {brand}'s: \"{text}\" on line {line})")
        }
        Msg::ClaimedHere { brand } => format!(" (presented as {brand}'s)"),
        Msg::ItemFinding { technique, claimed, detail } => format!("{technique}{claimed}: {detail}"),
        Msg::FalseClaims => "False claims:".to_owned(),
        Msg::ClaimLine { mark, line, text, detail } => format!("  {mark} line {line} \"{text}\": {detail}\n"),
        Msg::WhatToDo => "What to do:".to_owned(),
        Msg::DoNotPay => "  Do not call, message or pay anyone listed above as support. Never tell anyone your seed phrase or private key.\n".to_owned(),
        Msg::SummaryNone { mark } => format!("{mark} No contact found, and nothing claiming to be a brand's support.\n"),
        Msg::ImpersonatingCounts { bad, total, unknown, good } => {
            format!("{bad} of {total} contacts impersonate, {unknown} unknown, {good} official")
        }
        Msg::FalseClaimCount { claims } => {
            format!("{claims} false claim{}", if *claims == 1 { "" } else { "s" })
        }
        Msg::SummaryImpersonation { mark, word, brands, parts } => format!(
            "{mark} {word}: this text impersonates {} ({})\n",
            brands.join(", "),
            parts.join("; ")
        ),
        Msg::SummaryOfficial { mark, word, total } => {
            format!("{mark} {word}: all {total} contacts are official channels\n")
        }
        Msg::SummaryUnknown { mark, word, total, unknown, good } => format!(
            "{mark} {word}: {unknown} of {total} contacts cannot be vouched for, {good} official\n"
        ),
        Msg::OfficialChannelsOf { brand } => format!("  {brand}'s official channels (only these):\n"),
        Msg::ChannelRow { heading, values } => format!("    {heading:<18} {values}\n"),
        Msg::EveryChannel { id } => format!("    every channel: contactguard brands {id}\n"),
        Msg::ChannelCount { count } => format!("{count} channels"),
        Msg::NoKind { noun } => format!("no {noun}"),
        Msg::BrandsFooter { count, version } => format!(
            "\n{count} brands, list version {version}. One brand's channels: contactguard brands ID\n"
        ),
        Msg::Source => "source".to_owned(),
        Msg::Checked { day } => format!("checked {day}"),
        Msg::OldSourceShort { date } => format!(" · source from {date}, over two years old"),
        Msg::Provenance { source, checked } => {
            format!("  Where the brand published it: {source} (checked {checked}).\n")
        }
        Msg::OldSource { date } => format!(
            "  Its newest source is from {date}, more than two years before this list: the brand may have stopped using it.\n"
        ),
        Msg::RegistryStamp { version, issued, signers } => {
            format!("  List of official channels: version {version} of {issued}, signed by {signers}.\n")
        }
        Msg::PublishesNo { mark, brand, noun } => {
            format!("\n  {mark} {brand} publishes no {noun}. Any \"{brand} {noun}\" is a scam.\n")
        }
        Msg::OnlyAtRow { mark, brand, noun, place } => format!(
            "\n  {mark} {brand} shows its {noun} only at {place}. Any other \"{brand} {noun}\" is not {brand}'s.\n"
        ),
        Msg::TwoBrands { text, first, second } => format!(
            "  \"{text}\" names two brands, {first} and {second}: the contacts next to it are not taken as either's.\n"
        ),
        Msg::AlreadyHeading => {
            "Already called, paid, or shared your recovery phrase?".to_owned()
        }
        Msg::StepNewWallet => "Whoever has your recovery phrase can empty your wallet at any time: create a new wallet on a phone or computer the scammers never touched, and move what is left into it now.".to_owned(),
        Msg::StepApprovals => "If you connected your wallet to a site they sent, take back the permissions you gave it (the token approvals) in your wallet.".to_owned(),
        Msg::StepRecoveryScam => "Nobody can get the money back for a fee: anyone who offers to \"recover\" it is a second scam.".to_owned(),
        Msg::ReportIt => "Report it:".to_owned(),
        Msg::BrandReport { brand, text } => format!("{brand}: {text}"),
        Msg::WhatTheBrandSays => "What the brand says".to_owned(),
        Msg::FormerHeading => {
            "No longer the brand's (never official: whoever holds them now is not known)".to_owned()
        }
        Msg::FormerRow { noun, value, until } => match *until {
            "unknown" => format!("    {noun} {value}, formerly\n"),
            date => format!("    {noun} {value}, until {date}\n"),
        },
    }
}
