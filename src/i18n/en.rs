//! The English catalogue: every sentence and name the library reports, one exhaustive `match`
//! per kind of message. `Display` of [`Detail`], [`Change`] and [`CharInfo`] is this text.

use std::fmt;

use crate::input::phone::NumberType;
use crate::registry::ChannelKind;
use crate::{Change, CharInfo, Detail, Problem, Technique};

/// The short name of a technique, as a reader would say it.
pub(super) fn technique(t: Technique) -> &'static str {
    match t {
        Technique::Exact => "exact match",
        Technique::OfficialSubdomain => "official subdomain",
        Technique::Homoglyph => "lookalike characters",
        Technique::MixedScript => "mixed scripts",
        Technique::WholeScript => "foreign letters that look Latin",
        Technique::Typo => "misspelling",
        Technique::Transposition => "swapped letters",
        Technique::Combosquat => "brand name plus words",
        Technique::TldSwap => "other domain ending",
        Technique::SubdomainEmbedding => "brand hidden in a subdomain",
        Technique::PathEmbedding => "brand hidden in the path",
        Technique::Userinfo => "fake host before '@'",
        Technique::IpHost => "bare IP address",
        Technique::InvisibleChars => "invisible characters",
        Technique::BidiControl => "text-direction characters",
        Technique::Shortener => "link shortener",
        Technique::FreeHosting => "free hosting",
        Technique::HandleAffix => "account name with added words",
        Technique::DigitLookalike => "letters for digits",
        Technique::PrefixSwap => "other number prefix",
        Technique::NoSuchChannel => "channel the brand does not have",
        Technique::BrandMention => "brand name used",
        Technique::LookalikeDelimiter => "look-alike punctuation",
        Technique::ExtraRecipient => "hidden extra recipient",
        Technique::DeceptiveLinkText => "link text that lies",
    }
}

/// What a channel of this kind is called.
pub(super) fn kind_noun(kind: ChannelKind) -> &'static str {
    match kind {
        ChannelKind::Domain => "website",
        ChannelKind::Phone => "phone number",
        ChannelKind::Email => "e-mail address",
        account => super::nouns(account).map_or(account.as_str(), |n| n.en.one),
    }
}

/// The heading over a brand's channels of a kind.
pub(super) fn kind_plural(kind: ChannelKind) -> &'static str {
    match kind {
        ChannelKind::Domain => "websites",
        ChannelKind::Phone => "phone numbers",
        ChannelKind::Email => "e-mail addresses",
        account => super::nouns(account).map_or(account.as_str(), |n| n.en.heading),
    }
}

/// The finding's detail in one sentence.
pub(super) fn detail(d: &Detail) -> String {
    d.to_string()
}

/// The type of a phone number.
pub(super) fn number_type(t: NumberType) -> &'static str {
    use NumberType as T;
    match t {
        T::FixedLine => "landline",
        T::Mobile => "mobile",
        T::FixedLineOrMobile => "landline or mobile",
        T::TollFree => "toll-free",
        T::PremiumRate => "premium rate",
        T::SharedCost => "shared cost (400-type)",
        T::Voip => "internet (VoIP)",
        T::PersonalNumber => "personal number",
        T::Pager => "pager",
        T::Uan => "universal access number",
        T::Voicemail => "voicemail",
        T::ShortCode => "short service code",
        T::Unknown => "not a valid number in its region",
    }
}

impl fmt::Display for CharInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let visible = self
            .text
            .chars()
            .all(|c| !c.is_control() && !crate::normalize::is_hidden(c));
        if visible && !self.text.is_empty() {
            write!(f, "'{}' ({})", self.text, self.names)
        } else {
            write!(f, "{} ({})", self.codepoints, self.names)
        }
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Replaced { found, expected } => write!(f, "{found} in place of '{expected}'"),
            Change::Inserted { found } => write!(f, "{found} added"),
            Change::Missing { expected } => write!(f, "'{expected}' left out"),
            Change::Swapped { first, second } => write!(f, "'{first}' and '{second}' swapped"),
        }
    }
}

fn join<T: fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Detail::Exact => f.write_str("exactly an official channel"),
            Detail::InsideScope { domain } => write!(f, "a host inside the official domain {domain}"),
            Detail::Lookalike { changes } => write!(f, "looks the same but is not: {}", join(changes)),
            Detail::Edits { changes } => write!(f, "a near miss: {}", join(changes)),
            Detail::Suffix { found, expected } => {
                write!(f, "the same name under .{found} instead of .{expected}")
            }
            Detail::Words { brand_part, extra } => {
                write!(f, "the name '{brand_part}' with the words {}", extra.iter().map(|w| format!("'{w}'")).collect::<Vec<_>>().join(", "))
            }
            Detail::Embedded { part, real } => {
                write!(f, "the brand appears in '{part}', but the link leads to {real}")
            }
            Detail::RealHost { userinfo, host } => write!(
                f,
                "'{userinfo}@' is only decoration: the real host is {host}"
            ),
            Detail::IpAddress { host } => write!(f, "the link leads to the bare IP address {host}"),
            Detail::Hidden { chars, count, .. } => {
                if *count > chars.len() {
                    write!(f, "{count} hidden characters: {}", join(chars))
                } else {
                    write!(f, "hidden characters: {}", join(chars))
                }
            }
            Detail::Scripts { scripts } => write!(f, "written in {}", scripts.join(" + ")),
            Detail::Shortened { host } => write!(
                f,
                "{host} is a link shortener: where it leads cannot be checked offline; do not open it"
            ),
            Detail::FreeHost { suffix } => write!(
                f,
                "hosted on {suffix}, a shared hosting service where anyone can create a site"
            ),
            Detail::Name { name } => write!(f, "uses the name '{name}' where the brand does not list it"),
            Detail::NoChannel { brand, kind } => write!(
                f,
                "{brand} publishes no {} at all: whoever answers is not {brand}",
                kind_noun(*kind)
            ),
            Detail::Prefix { found, expected } => {
                write!(f, "the official number's digits behind the prefix {found} instead of {expected}")
            }
            Detail::Claimed { brand } => write!(f, "presented as {brand}'s, but it is not one of {brand}'s channels"),
            Detail::OnlyAt { brand, kind, place } => {
                let noun = crate::i18n::kind_noun(*kind, crate::registry::Lang::En);
                write!(f, "{brand} shows its {noun} only at {place}; any other is not {brand}'s")
            }
            Detail::OtherPlatform {
                brand,
                name,
                official_on,
                used_on,
                listed,
            } => {
                write!(f, "{brand}'s {official_on} account is {name}; ")?;
                match listed {
                    Some(l) => write!(f, "its {used_on} account is {l}, and this one is not in our list of official channels"),
                    None => write!(f, "its {used_on} account is not in our list of official channels"),
                }?;
                write!(f, ": a name on one platform says nothing about who holds it on another")
            }
            Detail::UnlistedName {
                brand,
                platform,
                listed,
            } => match listed {
                Some(l) => write!(
                    f,
                    "this is {brand}'s name, but {brand}'s {platform} account in our list of official channels is {l}: this one may belong to anyone"
                ),
                None => write!(
                    f,
                    "this is {brand}'s name, but our list of official channels has no {platform} account of {brand}: this one may belong to anyone"
                ),
            },
            Detail::OtherBrand { owner, claimed } => write!(
                f,
                "this is {owner}'s, not {claimed}'s: the text presents it as {claimed}'s"
            ),
            Detail::Delimiter { chars, shown, real } => write!(
                f,
                "{} only looks like punctuation of a link: it reads as {shown}, but a browser opens {real}",
                join(chars)
            ),
            Detail::Unopenable { chars, reads_as } => {
                if chars.is_empty() {
                    write!(f, "no browser or mail client opens this as written; it reads as {reads_as}")
                } else {
                    write!(
                        f,
                        "no browser or mail client opens this as written: {} only looks like punctuation; it reads as {reads_as}",
                        join(chars)
                    )
                }
            }
            Detail::Recipients { shown, others } => write!(
                f,
                "besides {shown}, the mail also goes to {}",
                others.join(", ")
            ),
            Detail::Keypad { written, dialled } => write!(
                f,
                "the letters of {written} are dialled as on a phone keypad: {dialled}"
            ),
            Detail::OfficialOn { brand, platforms } => write!(
                f,
                "this name is {brand}'s official account on {} only; on any other platform anyone may hold it: say which platform it is on",
                platforms.join(", ")
            ),
            Detail::KnownLookalike {
                domain,
                holder,
                brand,
            } => write!(
                f,
                "{domain} looks like {brand}'s but belongs to someone else: {holder}. It is not one of {brand}'s channels"
            ),
            Detail::LinkText { shown, opens } => write!(
                f,
                "the link shows {shown}, but clicking it opens {opens}"
            ),
            Detail::NoneUseService { service, brands } => write!(
                f,
                "none of the {brands} wallets and exchanges in this list offers support on a Chinese {service} number"
            ),
            Detail::Numerals { written, dialled } => write!(
                f,
                "{written} is written in Chinese numerals; as digits it dials {dialled}"
            ),
            Detail::InText { contact, others } => {
                write!(f, "read as a message: the contact in it is {contact}")?;
                match others {
                    0 => Ok(()),
                    1 => write!(f, "; it holds one more contact: scan the whole text to see it"),
                    n => write!(f, "; it holds {n} more contacts: scan the whole text to see them"),
                }
            }
            Detail::PostLink { account, platform } => write!(
                f,
                "{platform} shows the post at this link whoever wrote it: the link naming {account} does not make the post {account}'s; check the author on the page"
            ),
            Detail::Refanged { link } => write!(
                f,
                "written defanged, as threat reports write links; read as {link}"
            ),
            Detail::DisplayName { name, mailbox } => {
                write!(f, "the name shown is '{name}', but the mail goes to {mailbox}")
            }
            Detail::Former { brand, kind, until } => {
                let noun = kind_noun(*kind);
                match until.as_str() {
                    "unknown" => write!(f, "formerly {brand}'s {noun}; who holds it today is not known: use {brand}'s current channels"),
                    date => write!(f, "{brand}'s {noun} until {date}, no longer; who holds it today is not known: use {brand}'s current channels"),
                }
            }
            Detail::Mailbox { local, domain, free_provider } => {
                if *free_provider {
                    write!(f, "the brand's name as the mailbox '{local}' at {domain}, where anyone can open a mailbox")
                } else {
                    write!(f, "the brand's name as the mailbox '{local}' at {domain}, a domain the brand does not list")
                }
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Link(e) => write!(f, "{e}"),
            Problem::Phone(e) => write!(f, "{e}"),
            Problem::Handle(e) => write!(f, "{e}"),
            Problem::Email(e) => write!(f, "{e}"),
            Problem::NoBrand(id) => write!(f, "no brand '{id}' in the registry; `contactguard brands` lists them"),
            Problem::Control { code, at } => write!(
                f,
                "the input holds the control character U+{code:04X} at byte {at}; paste the contact as plain text"
            ),
            Problem::Words => f.write_str(
                "these are words, not a contact: there is no phone number, link, account or e-mail address in them; to check a whole message, scan it",
            ),
            Problem::Other(text) => f.write_str(text),
        }
    }
}

/// Why an input is invalid.
pub(super) fn problem(p: &Problem) -> String {
    p.to_string()
}
