//! The registry's data model: brands, their official channels, the channel kinds they
//! explicitly do not offer, and their own safety statements.
//!
//! These types mirror `data/registry.json` (schema: `data/registry.schema.json`). Parsing is
//! tolerant: unknown fields are ignored so that an older library can read a newer registry.
//! [`crate::registry::lint`] is the strict path that registry maintainers run.

use std::fmt;

use serde::{Deserialize, Serialize};

pub use crate::kind::ChannelKind;

/// The whole registry payload: the bytes that are reviewed, signed and shipped.
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RegistryData {
    /// Version of this format. Readers refuse formats newer than they know.
    pub spec_version: u32,
    /// Monotonic version of the content; every published change increments it.
    pub version: u64,
    /// When this version was issued (RFC 3339, UTC).
    pub issued_at: String,
    /// When this version stops being fresh (RFC 3339, UTC).
    pub expires: String,
    /// The brands, in display order.
    pub brands: Vec<Brand>,
    /// Where people report a scam, by region: facts with sources, signed like the rest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reporting: Vec<ReportPlace>,
}

/// One place to report a scam in a region: [`RegistryData::reporting`].
///
/// ```
/// let checker = contactguard::Checker::builtin()?;
/// let places = checker.registry().report_places(&["CN"]);
/// assert!(places.iter().any(|p| p.en.contains("96110")));
/// # Ok::<(), contactguard::Error>(())
/// ```
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ReportPlace {
    /// The region it serves: a two-letter code (`CN`, `TW`, `HK`, `US`, `GB`, `EU`).
    pub region: String,
    /// What to do there, one English sentence for a victim.
    pub en: String,
    /// The same in Chinese.
    pub zh: String,
    /// Where the authority (or a page quoting it) says so.
    pub source: String,
}

impl ReportPlace {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// One brand and everything the registry knows about its official presence.
///
/// ```
/// use contactguard::registry::ChannelKind;
/// use contactguard::Checker;
///
/// let checker = Checker::builtin()?;
/// let brand = checker.registry().brand("tokenpocket").expect("shipped brand");
/// assert!(brand.lacks(ChannelKind::Phone)); // TokenPocket publishes no phone number
/// assert!(brand.channels_of(ChannelKind::Domain).any(|c| c.value == "tokenpocket.pro"));
/// # Ok::<(), contactguard::Error>(())
/// ```
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Brand {
    /// Stable identifier, `[a-z0-9_]`, e.g. `tokenpocket`.
    pub id: String,
    /// Every alias in any script; the first one is the display name.
    pub names: Vec<String>,
    /// Lowercase words among the brand's names or domain labels that are ordinary words
    /// (`ledger`, `phantom`): they only count as an imitation next to a crypto keyword.
    #[serde(default)]
    pub common_words: Vec<String>,
    /// The official channels, most important first. A channel of a kind this library does
    /// not know (from a newer registry) is skipped when parsing; `lint` reports it.
    #[serde(default, deserialize_with = "known_only")]
    pub channels: Vec<Channel>,
    /// Channel kinds the brand explicitly does not offer (for example `phone`).
    #[serde(default, deserialize_with = "known_only")]
    pub no_channels: Vec<NoChannel>,
    /// The brand's own safety statements, in English and Chinese.
    #[serde(default)]
    pub statements: Vec<Statement>,
    /// The region its phone numbers are read in when written without `+` (`US`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Domains that look like the brand's but are known to belong to someone else
    /// (`exodus.co.uk`, a travel company): checked before any lookalike rule, as MetaMask's
    /// detector checks its allowlist first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lookalikes: Vec<Lookalike>,
    /// Names people use for the brand that the brand does not use itself (`小狐狸` for
    /// MetaMask): a text naming one claims the brand as its names do, but it is never shown as
    /// the brand's name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub community_names: Vec<String>,
    /// Names that name this brand and another one too (a name both brands' users type): marked
    /// here on both brands, they are exempt from `lint`'s rule that no two brands share a name,
    /// and since they are not among the brand's names a text naming one claims nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_names: Vec<String>,
    /// How the brand asks people to report a scam that uses its name (an address, a form), in
    /// its own words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub report_scams: Vec<Statement>,
    /// Kinds of channel the brand offers but shows only in one place of its own (Kraken's phone
    /// number, at the bottom of support.kraken.com): a contact of that kind presented as the
    /// brand's is not called official, and the verdict says where the real one is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only_at: Vec<OnlyAt>,
    /// The brand's own page for checking whether a contact is really its own (OKX's "official
    /// accounts" search, Crypto.com Verify): reports send people there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
}

impl Brand {
    /// The display name: the first of [`Brand::names`], or the id when there is none.
    ///
    /// ```
    /// let checker = contactguard::Checker::builtin()?;
    /// let brand = checker.registry().brand("tokenpocket").expect("shipped brand");
    /// assert_eq!(brand.display_name(), "TokenPocket");
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn display_name(&self) -> &str {
        self.names.first().map_or(self.id.as_str(), String::as_str)
    }

    /// The official channels of one kind, in registry order: channels the brand no longer
    /// uses ([`Channel::former`]) are not among them.
    pub fn channels_of(&self, kind: ChannelKind) -> impl Iterator<Item = &Channel> + '_ {
        self.channels
            .iter()
            .filter(move |c| c.kind == kind && c.former.is_none())
    }

    /// The channels the brand no longer uses, in registry order.
    pub fn former_channels(&self) -> impl Iterator<Item = &Channel> + '_ {
        self.channels.iter().filter(|c| c.former.is_some())
    }

    /// Whether the registry says this brand does not offer channels of `kind` at all.
    pub fn lacks(&self, kind: ChannelKind) -> bool {
        self.no_channels.iter().any(|n| n.kind == kind)
    }

    /// Where the brand shows its channels of `kind`, when it shows them in one place only
    /// ([`Brand::only_at`]).
    ///
    /// ```
    /// use contactguard::registry::ChannelKind;
    ///
    /// let checker = contactguard::Checker::builtin()?;
    /// let kraken = checker.registry().brand("kraken").expect("shipped brand");
    /// let phone = kraken.only_at(ChannelKind::Phone).expect("Kraken's number is in its help centre");
    /// assert!(phone.place.starts_with("https://support.kraken.com"));
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn only_at(&self, kind: ChannelKind) -> Option<&OnlyAt> {
        self.only_at.iter().find(|o| o.kind == kind)
    }

    /// The short forms of its names: the Latin letters of a `…钱包` name (`TP` of `TP钱包`).
    /// Two letters name nothing alone; they name the brand next to a support word
    /// (`TP官方客服`, `tp_kefu`).
    ///
    /// ```
    /// let checker = contactguard::Checker::builtin()?;
    /// let brand = checker.registry().brand("tokenpocket").expect("shipped brand");
    /// assert!(brand.short_forms().any(|s| s == "TP"));
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn short_forms(&self) -> impl Iterator<Item = &str> + '_ {
        self.names.iter().filter_map(|name| {
            let stem = name.strip_suffix("钱包")?.trim();
            (stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_alphabetic())).then_some(stem)
        })
    }
}

/// One official channel, with where the brand published it.
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Channel {
    /// What kind of contact this is.
    pub kind: ChannelKind,
    /// The value in the kind's convention (see the README's registry section).
    pub value: String,
    /// For domains: whether subdomains are official too. Every domain channel of a registry
    /// states it (`registry lint` refuses one without); a reader that meets none assumes
    /// [`Scope::Host`], the narrower. Meaningless for other kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Where the brand published this channel (repository path at a commit, or a page).
    pub source: String,
    /// The day the registry's maintainers last read the channel at its source, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    /// The date of the newest source that shows the channel (the commit's date, or the date a
    /// page bears), `YYYY-MM-DD`, when known: how recent the brand's own word is. See
    /// [`Channel::source_is_old`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_date: Option<String>,
    /// How sure the sources are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// A short note for the people checking a contact ("main site", "help centre"): plain
    /// words, shown beside the channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What the sources say, for whoever reviews the entry (quotes, commits, code); never shown
    /// in a report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// What the channel is for. Absent means an official channel people may use; a role this
    /// library does not know (from a newer registry) is read as absent.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "known_role"
    )]
    pub role: Option<Role>,
    /// Set when the brand no longer uses the channel: never `official` (its holder may have
    /// changed), and a verdict on it says whose it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub former: Option<Former>,
}

/// When and how a channel stopped being the brand's: [`Channel::former`].
///
/// ```
/// use contactguard::registry::Registry;
///
/// let registry = Registry::from_json(contactguard::registry::BUILTIN_JSON)?;
/// let tp = registry.brand("tokenpocket").expect("TokenPocket");
/// assert!(tp.channels.iter().any(|c| c.value == "tpglobalwallet.net" && c.former.is_some()));
/// # Ok::<(), contactguard::registry::RegistryError>(())
/// ```
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Former {
    /// The last day it was the brand's, `YYYY-MM-DD`, or `unknown`.
    pub until: String,
    /// What shows it was the brand's and that it no longer is.
    pub evidence: String,
}

/// What a channel is for: [`Channel::role`].
///
/// ```
/// use contactguard::registry::Role;
///
/// assert_eq!(Role::Owned.as_str(), "owned");
/// assert!(!Role::Owned.is_contact());
/// assert!(Role::Support.is_contact());
/// ```
#[derive(Clone, Copy, Debug, Deserialize, Eq, Hash, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// Customer support: where a user in trouble should go.
    Support,
    /// Business, partnerships, listings.
    Business,
    /// Security reports and law enforcement.
    Security,
    /// Developers: APIs, code, documentation.
    Developer,
    /// Community: forums, fan groups the brand runs.
    Community,
    /// Press and announcements.
    Press,
    /// Owned by the brand, but no way to reach it: infrastructure, a CDN, a domain kept so that
    /// nobody else holds it. Official when matched exactly; never a template lookalikes are
    /// measured against.
    Owned,
}

impl Role {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Support => "support",
            Role::Business => "business",
            Role::Security => "security",
            Role::Developer => "developer",
            Role::Community => "community",
            Role::Press => "press",
            Role::Owned => "owned",
        }
    }

    /// Whether people reach the brand through a channel of this role.
    pub fn is_contact(self) -> bool {
        self != Role::Owned
    }

    /// Whether people who need help are sent to a channel of this role: support, community
    /// and press (announcements) are; business, security, developer and owned channels are
    /// official, but no place for a victim to ask.
    ///
    /// ```
    /// use contactguard::registry::Role;
    ///
    /// assert!(Role::Support.serves_users());
    /// assert!(!Role::Security.serves_users());
    /// ```
    pub fn serves_users(self) -> bool {
        matches!(self, Role::Support | Role::Community | Role::Press)
    }

    /// Whether the label of a domain of this role is a template lookalikes are measured
    /// against: where users are sent for help (support, community). A parent company's or a
    /// developer site's name (`consensys`) is official when matched exactly, but its near
    /// misses (`consensu.org`) are somebody else's.
    ///
    /// ```
    /// use contactguard::registry::Role;
    ///
    /// assert!(Role::Support.is_template());
    /// assert!(!Role::Business.is_template());
    /// assert!(!Role::Owned.is_template());
    /// ```
    pub fn is_template(self) -> bool {
        matches!(self, Role::Support | Role::Community)
    }
}

/// Reads a role, or `None` for one this library does not know.
fn known_role<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Role>, D::Error> {
    let text: Option<String> = Option::deserialize(deserializer)?;
    Ok(text.and_then(|t| serde_json::from_value(serde_json::Value::String(t)).ok()))
}

impl Channel {
    /// The effective scope of a domain channel: as stated, else [`Scope::Host`].
    pub fn scope(&self) -> Scope {
        self.scope.unwrap_or(Scope::Host)
    }

    /// Whether the newest source of the channel ([`Channel::source_date`]) was more than two
    /// years old on `issued_at`, the day the registry was issued (`YYYY-MM-DD…`): the brand
    /// may have left it since, and readers are told so. Measured against the registry's own
    /// date, not the clock, so that one registry gives one answer on any day; a registry
    /// expires within months. A channel with no known source date is not called old.
    ///
    /// ```
    /// use contactguard::registry::Registry;
    ///
    /// let registry = Registry::from_json(contactguard::registry::BUILTIN_JSON)?;
    /// let mut channel = registry.brand("tokenpocket").expect("TokenPocket").channels[0].clone();
    /// channel.source_date = Some("2024-12-07".into());
    /// assert!(!channel.source_is_old("2026-12-07T00:00:00Z"));
    /// channel.source_date = Some("2024-12-06".into());
    /// assert!(channel.source_is_old("2026-12-07T00:00:00Z"));
    /// # Ok::<(), contactguard::registry::RegistryError>(())
    /// ```
    pub fn source_is_old(&self, issued_at: &str) -> bool {
        let Some(date) = self.source_date.as_deref() else {
            return false;
        };
        two_years_before(issued_at).is_some_and(|limit| date.as_bytes() < &limit[..])
    }
}

/// `YYYY-MM-DD` two years before the date that `stamp` starts with, or `None` when it does
/// not start with one. Compared as text, which orders dates in this form. (Written into a
/// buffer: every verdict that names a channel asks.)
fn two_years_before(stamp: &str) -> Option<[u8; 10]> {
    let year: u32 = stamp.get(..4)?.parse().ok()?;
    let rest = stamp.get(4..10)?;
    let year = year.checked_sub(2)?;
    let mut out = [0u8; 10];
    for (i, slot) in out[..4].iter_mut().enumerate() {
        let digit = year / 10u32.pow(3 - i as u32) % 10;
        *slot = b'0' + digit as u8;
    }
    out[4..].copy_from_slice(rest.as_bytes());
    Some(out)
}

/// A kind of channel the brand shows in one place of its own only: [`Brand::only_at`].
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct OnlyAt {
    /// The kind (`phone`).
    pub kind: ChannelKind,
    /// The page that shows it, on one of the brand's own domains (`https://support.kraken.com/`).
    pub place: String,
    /// Where the brand says so.
    pub source: String,
    /// A short human note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The brand's page for checking a contact: [`Brand::verification`].
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Verification {
    /// The page, on one of the brand's own domains.
    pub url: String,
    /// What the brand calls it (`Binance Verify`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Where the brand publishes it.
    pub source: String,
}

/// A channel kind that the brand explicitly does not offer.
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct NoChannel {
    /// The kind the brand does not offer.
    pub kind: ChannelKind,
    /// Where that is established.
    pub source: String,
    /// Why we know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A registrable domain that resembles a brand's but is known to belong to someone else:
/// [`Brand::lookalikes`].
///
/// ```
/// use contactguard::{Checker, Detail, Status};
///
/// let checker = Checker::builtin()?;
/// let exodus = checker.registry().brand("exodus").expect("shipped brand");
/// assert!(exodus.lookalikes.iter().any(|l| l.domain == "exodus.co.uk"));
/// let v = checker.check("https://www.exodus.co.uk/");
/// assert_eq!(v.status, Status::Unknown); // not Exodus's, and no imitation of it either
/// assert!(matches!(&v.notes[0].detail, Detail::KnownLookalike { holder, .. } if holder.contains("travel")));
/// # Ok::<(), contactguard::Error>(())
/// ```
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Lookalike {
    /// The registrable domain (`exodus.co.uk`); its subdomains are covered too.
    pub domain: String,
    /// Who holds it, in a few words (`Exodus Travels, a UK adventure-travel company`).
    pub holder: String,
    /// Where the holder says so.
    pub source: String,
}

/// A safety statement published by the brand, in both languages the tool speaks.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Statement {
    /// English text.
    pub en: String,
    /// Chinese text.
    pub zh: String,
    /// Where the brand said it.
    pub source: String,
}

impl Statement {
    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// The languages of human-facing text.
#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
#[non_exhaustive]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Chinese (simplified).
    Zh,
}

/// How far an official domain reaches.
#[derive(Clone, Copy, Debug, Deserialize, Eq, Hash, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Scope {
    /// This exact host only (and its `www.` form): a brand host on a shared platform.
    Host,
    /// The domain and every subdomain of it: a registrable domain the brand owns.
    Subdomains,
}

/// How well the sources establish a channel.
#[derive(Clone, Copy, Debug, Deserialize, Eq, Hash, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Confidence {
    /// The brand's own repository or site, or two independent sources that agree.
    High,
    /// A reputable integrator list, or an official source that is dated.
    Medium,
    /// A single third-party or historical source.
    Low,
}

/// Deserializes a list, skipping the entries that do not parse as `T` (forward
/// compatibility: a newer registry may hold channel kinds this version does not know).
fn known_only<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Entry<T> {
        Known(T),
        Other(serde::de::IgnoredAny),
    }
    let entries: Vec<Entry<T>> = Vec::deserialize(deserializer)?;
    Ok(entries
        .into_iter()
        .filter_map(|e| match e {
            Entry::Known(t) => Some(t),
            Entry::Other(_) => None,
        })
        .collect())
}

impl fmt::Display for ChannelKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::two_years_before;

    #[test]
    fn two_years_before_a_stamp() {
        let text = |s: &str| two_years_before(s).map(|d| String::from_utf8_lossy(&d).into_owned());
        assert_eq!(text("2026-12-07T00:00:00Z").as_deref(), Some("2024-12-07"));
        assert_eq!(text("2000-02-29").as_deref(), Some("1998-02-29"));
        assert_eq!(text("0002-01-01").as_deref(), Some("0000-01-01"));
        assert_eq!(text("0001-01-01"), None);
        assert_eq!(text("2026-12"), None);
        assert_eq!(text("soon"), None);
    }
}
