//! The verdict: what contactguard says about one input.
//!
//! Everything here serializes to JSON with the names in `ARCHITECTURE.md` ("The verdict JSON contract"); those names are a public
//! contract (values are added, never renamed).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::input::email::EmailError;
use crate::input::handle::HandleError;
use crate::input::phone::PhoneError;
use crate::input::url::LinkError;
use crate::kind::ChannelKind;
pub use crate::kind::Kind;

/// The answer for one input.
///
/// ```
/// use contactguard::{Checker, Status, Technique};
///
/// let checker = Checker::builtin()?;
/// let verdict = checker.check("tokenp0cket.pro");
/// assert_eq!(verdict.status, Status::Impersonation);
/// assert_eq!(verdict.brand.as_ref().map(|b| b.id.as_str()), Some("tokenpocket"));
/// assert_eq!(verdict.findings[0].technique, Technique::Homoglyph);
/// # Ok::<(), contactguard::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Verdict {
    /// The input exactly as given.
    pub input: String,
    /// What kind of contact the input was read as.
    pub kind: Kind,
    /// The overall answer.
    pub status: Status,
    /// The normalized form that was compared (ASCII/punycode host for links), when the input
    /// parsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub normalized: Option<String>,
    /// The form a person sees (Unicode host), when it differs from `normalized`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    /// The brand involved: the owner of an official channel, or the brand imitated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand: Option<BrandRef>,
    /// What was found, the most telling first. An `unknown` verdict may carry warnings
    /// (a shortener, an IP host) that target no brand.
    pub findings: Vec<Finding>,
    /// The brand's official channels of the same kind, to use instead.
    pub official_channels: Vec<ChannelRef>,
    /// For handles: the platform the input named (`x`, `telegram` …); absent when it named none
    /// and every platform was checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<ChannelKind>,
    /// For phone numbers: what is known of the number (its type and validity only with the
    /// `phone` feature).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<PhoneInfo>,
    /// Why the input is `invalid`, in English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Why the input is `invalid`, structured, for saying it in another language
    /// ([`Verdict::message_in`]). Not part of the JSON: `error` is.
    #[serde(skip)]
    pub problem: Option<Problem>,
    /// How the input was read, where that matters to the answer (a defanged link read as
    /// the link it stands for); not findings against it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// The registry that gave the answer: its version, date and signers. Set on every verdict
    /// a [`crate::Checker`] gives, except `invalid` ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry: Option<crate::trust::RegistryStamp>,
    /// The version of the JSON contract: [`SCHEMA_VERSION`].
    #[serde(default = "schema_version")]
    pub schema_version: u32,
}

/// The version of the JSON contract verdicts and scan reports are written in (their
/// `schema_version`): `1`. Fields and values are added without a new version; a field renamed or
/// removed, or a meaning changed, makes one (`docs/schema/` holds the schemas).
///
/// ```
/// use contactguard::{Checker, SCHEMA_VERSION};
///
/// let v = Checker::builtin()?.check("tokenpocket.pro");
/// assert_eq!(v.schema_version, SCHEMA_VERSION);
/// assert!(serde_json::to_string(&v)?.contains("\"schema_version\":1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const SCHEMA_VERSION: u32 = 1;

/// [`SCHEMA_VERSION`], for serde's defaults.
pub(crate) fn schema_version() -> u32 {
    SCHEMA_VERSION
}

/// Something about how an input was read that is worth saying, but is not a finding against
/// it: [`Verdict::notes`].
///
/// ```
/// use contactguard::{Checker, Detail, Status};
///
/// let v = Checker::builtin()?.check("hxxps://tokenpocket[.]pro/");
/// assert_eq!(v.status, Status::Official);
/// assert!(matches!(&v.notes[0].detail, Detail::Refanged { link } if link == "https://tokenpocket.pro/"));
/// # Ok::<(), contactguard::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Note {
    /// What was noted, structured (renderers localize it).
    pub detail: Detail,
    /// The same in one English sentence.
    pub message: String,
}

impl Note {
    pub(crate) fn new(detail: Detail) -> Self {
        let message = detail.to_string();
        Note { detail, message }
    }
}

/// What is known of a phone number: [`Verdict::phone`].
///
/// ```
/// use contactguard::Checker;
///
/// let v = Checker::builtin()?.check("+1 (888) 908-7930 ext. 12");
/// let phone = v.phone.as_ref().expect("a phone verdict has phone info");
/// assert_eq!(phone.region, "US");
/// assert_eq!(phone.extension.as_deref(), Some("12"));
/// # #[cfg(feature = "phone")]
/// assert!(phone.valid); // known only with the `phone` feature
/// # Ok::<(), contactguard::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PhoneInfo {
    /// The region the number belongs to (or, when that is unknown, the one it was read in).
    pub region: String,
    /// The number type (`shared_cost` for China's 400 numbers, `toll_free` …); `unknown`
    /// for every number but short codes without the `phone` feature.
    pub number_type: crate::input::phone::NumberType,
    /// Whether the number is valid in its region (or a short code); `false` (not known) for
    /// every number but short codes without the `phone` feature.
    pub valid: bool,
    /// The extension, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension: Option<String>,
}

impl Verdict {
    /// Leaves out what is the same on every verdict of a bulk run or is for a person reading
    /// one answer: the registry's stamp and where each cited channel was published (source,
    /// dates). `contactguard batch` and the Python module's `check_many` give lean verdicts;
    /// `contactguard brands ID --format json` has the provenance.
    ///
    /// ```
    /// use contactguard::Checker;
    ///
    /// let mut v = Checker::builtin()?.check("tokenp0cket.pro");
    /// assert!(v.registry.is_some() && !v.official_channels[0].source.is_empty());
    /// v.lean();
    /// assert!(v.registry.is_none() && v.official_channels[0].source.is_empty());
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn lean(&mut self) {
        self.registry = None;
        let cited = self
            .findings
            .iter_mut()
            .filter_map(|f| f.target.as_mut())
            .chain(self.official_channels.iter_mut());
        for c in cited {
            c.source.clear();
            c.checked = None;
            c.source_date = None;
            c.old_source = false;
        }
    }

    /// An `invalid` verdict with the reason: for input that never reached a check (a line
    /// that is not UTF-8, an empty line in a feed).
    ///
    /// ```
    /// use contactguard::{Kind, Status, Verdict};
    ///
    /// let v = Verdict::invalid("", Kind::Domain, "an empty line");
    /// assert_eq!(v.status, Status::Invalid);
    /// assert_eq!(v.error.as_deref(), Some("an empty line"));
    /// ```
    pub fn invalid(input: &str, kind: Kind, problem: impl Into<Problem>) -> Verdict {
        let problem = problem.into();
        Verdict {
            schema_version: crate::verdict::SCHEMA_VERSION,
            input: input.to_owned(),
            kind,
            status: Status::Invalid,
            normalized: None,
            display: None,
            brand: None,
            findings: Vec::new(),
            official_channels: Vec::new(),
            platform: None,
            phone: None,
            error: Some(problem.to_string()),
            problem: Some(problem),
            registry: None,
            notes: Vec::new(),
        }
    }

    /// The kind of registry channel this verdict is about (`None` for a handle on no
    /// named platform).
    ///
    /// ```
    /// use contactguard::registry::ChannelKind;
    /// use contactguard::Checker;
    ///
    /// let checker = Checker::builtin()?;
    /// assert_eq!(checker.check("https://t.me/tokenpocket_en").channel_kind(), Some(ChannelKind::Telegram));
    /// assert_eq!(checker.check("@someone").channel_kind(), None);
    /// assert_eq!(checker.check("tokenpocket.pro").channel_kind(), Some(ChannelKind::Domain));
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn channel_kind(&self) -> Option<ChannelKind> {
        match self.kind {
            Kind::Phone => Some(ChannelKind::Phone),
            Kind::Email => Some(ChannelKind::Email),
            Kind::Handle => self.platform,
            Kind::Text => None,
            _ => Some(ChannelKind::Domain),
        }
    }

    /// The first finding that targets an official channel, if any: what an app shows as
    /// "it imitates …".
    ///
    /// ```
    /// use contactguard::{Checker, Technique};
    ///
    /// let checker = Checker::builtin()?;
    /// let v = checker.check("tokenpocket-support.com");
    /// let primary = v.primary().expect("an impersonation targets a channel");
    /// assert_eq!(primary.technique, Technique::Combosquat);
    /// assert_eq!(primary.target.as_ref().map(|t| t.value.as_str()), Some("tokenpocket.pro"));
    /// assert!(checker.check("example.org").primary().is_none());
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn primary(&self) -> Option<&Finding> {
        self.findings.iter().find(|f| f.target.is_some())
    }
}

/// The overall answer. Never "safe": a contact that matches nothing is [`Status::Unknown`].
///
/// ```
/// use contactguard::{Checker, Status};
///
/// let checker = Checker::builtin()?;
/// let worst = ["tokenpocket.pro", "example.org", "tokenp0cket.pro"]
///     .iter()
///     .map(|input| checker.check(input).status)
///     .max_by_key(|s| s.severity());
/// assert_eq!(worst, Some(Status::Impersonation));
/// assert_eq!(Status::Unknown.to_string(), "unknown");
/// # Ok::<(), contactguard::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Deserialize, Eq, Hash, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// Exactly an official channel of a brand, in a registry whose origin verified.
    Official,
    /// It imitates a brand: a lookalike of an official channel, a brand name in a foreign
    /// host, or a channel kind the brand does not use.
    Impersonation,
    /// Related to no brand in the registry: nobody can vouch for it.
    Unknown,
    /// Not a parseable contact of the kind asked for.
    Invalid,
}

impl Status {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Official => "official",
            Status::Impersonation => "impersonation",
            Status::Unknown => "unknown",
            Status::Invalid => "invalid",
        }
    }

    /// The process exit code the CLI gives when this is the worst status: 0 official,
    /// 1 unknown, 3 impersonation, 4 invalid input. (2 is kept for usage and I/O errors, and
    /// `scan` exits 5 when it finds nothing: [`crate::ScanReport::exit_code`].)
    ///
    /// ```
    /// use contactguard::Status;
    ///
    /// assert_eq!(Status::Official.exit_code(), 0);
    /// assert_eq!(Status::Impersonation.exit_code(), 3);
    /// assert_eq!(Status::Invalid.exit_code(), 4);
    /// ```
    pub fn exit_code(self) -> u8 {
        match self {
            Status::Official => 0,
            Status::Unknown => 1,
            Status::Impersonation => 3,
            Status::Invalid => 4,
        }
    }

    /// How bad the status is for "worst input wins": official < invalid < unknown <
    /// impersonation. An input that is no contact says nothing about the others; one nobody
    /// can vouch for does.
    ///
    /// ```
    /// use contactguard::Status;
    ///
    /// assert!(Status::Unknown.severity() > Status::Invalid.severity());
    /// ```
    pub fn severity(self) -> u8 {
        match self {
            Status::Official => 0,
            Status::Invalid => 1,
            Status::Unknown => 2,
            Status::Impersonation => 3,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A brand, by id and display name.
///
/// ```
/// use contactguard::Checker;
///
/// let v = Checker::builtin()?.check("metamask-support.io");
/// let brand = v.brand.expect("an impersonation names the brand");
/// assert_eq!((brand.id.as_str(), brand.name.as_str()), ("metamask", "MetaMask"));
/// # Ok::<(), contactguard::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, Eq, Hash, PartialEq, Serialize)]
#[non_exhaustive]
pub struct BrandRef {
    /// The registry id (`tokenpocket`).
    pub id: String,
    /// The display name (`TokenPocket`).
    pub name: String,
    /// The brand's own page for checking whether a contact is really its own, when it has one
    /// ([`crate::registry::Brand::verification`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verify_at: Option<String>,
}

impl BrandRef {
    /// The reference to `brand`.
    pub(crate) fn of(brand: &crate::registry::Brand) -> BrandRef {
        BrandRef {
            id: brand.id.clone(),
            name: brand.display_name().to_owned(),
            verify_at: brand.verification.as_ref().map(|v| v.url.clone()),
        }
    }
}

/// One official channel, as shown in verdicts.
///
/// ```
/// use contactguard::registry::ChannelKind;
/// use contactguard::Checker;
///
/// let v = Checker::builtin()?.check("tokenp0cket.pro");
/// for channel in &v.official_channels {
///     assert_eq!((channel.brand.as_str(), channel.kind), ("tokenpocket", ChannelKind::Domain));
///     assert!(!channel.source.is_empty()); // where the brand published it
///     println!("{}  {}", channel.value, channel.note.as_deref().unwrap_or(""));
/// }
/// # Ok::<(), contactguard::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, Eq, Hash, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ChannelRef {
    /// The owning brand's id.
    pub brand: String,
    /// The channel kind.
    pub kind: ChannelKind,
    /// The channel value in the registry's convention.
    pub value: String,
    /// The registry's note on it ("help centre").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the brand published it ([`crate::registry::Channel::source`]); empty in the
    /// lines of `contactguard batch`, which leave provenance out.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// The day the registry's maintainers last read it there, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    /// The date of its newest source, `YYYY-MM-DD`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_date: Option<String>,
    /// Set when that source was more than two years old when the registry was issued
    /// ([`crate::registry::Channel::source_is_old`]): the brand may have left the channel since.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub old_source: bool,
}

impl ChannelRef {
    /// The reference to `channel` of `brand`, with its provenance; `issued_at` is the
    /// registry's date, against which the source's age is measured.
    pub(crate) fn of(
        brand: &crate::registry::Brand,
        channel: &crate::registry::Channel,
        issued_at: &str,
    ) -> ChannelRef {
        ChannelRef {
            brand: brand.id.clone(),
            kind: channel.kind,
            value: channel.value.clone(),
            note: channel.note.clone(),
            source: channel.source.clone(),
            checked: channel.checked.clone(),
            source_date: channel.source_date.clone(),
            old_source: channel.source_is_old(issued_at),
        }
    }
}

/// One thing found about an input: the technique, the channel it targets, the structured
/// detail for renderers and the same as an English sentence.
///
/// ```
/// use contactguard::{Change, Checker, Detail, Technique};
///
/// let v = Checker::builtin()?.check("tokenp0cket.pro");
/// let finding = &v.findings[0];
/// assert_eq!(finding.technique, Technique::Homoglyph);
/// let Detail::Lookalike { changes } = &finding.detail else { panic!("a lookalike detail") };
/// assert!(matches!(&changes[0], Change::Replaced { expected, .. } if expected == "o"));
/// assert_eq!(finding.message, "looks the same but is not: '0' (DIGIT ZERO) in place of 'o'");
/// # Ok::<(), contactguard::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Finding {
    /// How the input relates to the target.
    pub technique: Technique,
    /// The official channel imitated or matched; `None` for warnings about no brand.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<ChannelRef>,
    /// What exactly was seen, structured (renderers localize it).
    pub detail: Detail,
    /// The same in one English sentence.
    pub message: String,
}

impl Finding {
    pub(crate) fn new(technique: Technique, target: Option<ChannelRef>, detail: Detail) -> Self {
        let message = detail.to_string();
        Finding {
            technique,
            target,
            detail,
            message,
        }
    }
}

macro_rules! techniques {
    ($($variant:ident => $name:literal, $doc:literal;)*) => {
        /// How an input relates to an official channel. The JSON names are fixed; new
        /// techniques are added, never renamed.
        ///
        /// ```
        /// use contactguard::Technique;
        ///
        /// assert_eq!(Technique::NoSuchChannel.as_str(), "no_such_channel");
        /// assert!(Technique::ALL.contains(&Technique::Homoglyph));
        /// ```
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[derive(Clone, Copy, Debug, Deserialize, Eq, Hash, PartialEq, Serialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Technique {
            $(#[doc = $doc] $variant,)*
        }

        impl Technique {
            /// Every technique.
            pub const ALL: &'static [Technique] = &[$(Technique::$variant,)*];

            /// The JSON name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Technique::$variant => $name,)*
                }
            }
        }
    };
}

techniques! {
    Exact => "exact", "Exactly an official channel.";
    OfficialSubdomain => "official_subdomain", "A host inside an official domain's scope.";
    Homoglyph => "homoglyph", "Looks the same as an official channel but is not (0 for o, Cyrillic letters, rn for m).";
    MixedScript => "mixed_script", "Mixes scripts, such as Latin with Cyrillic, in one label.";
    WholeScript => "whole_script", "Written wholly in another script that looks Latin.";
    Typo => "typo", "One or two characters changed, added or dropped.";
    Transposition => "transposition", "Two adjacent characters swapped.";
    Combosquat => "combosquat", "A brand name plus other words.";
    TldSwap => "tld_swap", "The brand's name under another top-level domain.";
    SubdomainEmbedding => "subdomain_embedding", "The brand's name or domain inside a subdomain of a foreign host.";
    PathEmbedding => "path_embedding", "The brand's domain in the path or query of a foreign link.";
    Userinfo => "userinfo", "Text before '@' in a link that hides the real host.";
    IpHost => "ip_host", "A link to a bare IP address.";
    InvisibleChars => "invisible_chars", "Invisible characters hidden in the input.";
    BidiControl => "bidi_control", "Characters that reorder how text is displayed.";
    Shortener => "shortener", "A link shortener: where it leads cannot be checked offline.";
    FreeHosting => "free_hosting", "A brand name on a free hosting service anyone can use.";
    HandleAffix => "handle_affix", "An official handle with words added (support, official, 客服).";
    DigitLookalike => "digit_lookalike", "Letters in place of digits in a number (O for 0, l for 1).";
    PrefixSwap => "prefix_swap", "The same number behind another service prefix.";
    NoSuchChannel => "no_such_channel", "A kind of channel the brand does not offer at all.";
    BrandMention => "brand_mention", "The brand's name used where the brand is not.";
    ExtraRecipient => "extra_recipient", "A mail link or list that also sends to an address that is not the brand's (a hidden cc or bcc).";
    LookalikeDelimiter => "lookalike_delimiter", "A character that looks like a link's '/', '#', '?', '@' or ':' but is not one, so the link opens another host than the one it shows.";
    DeceptiveLinkText => "deceptive_link_text", "A link whose text shows one contact (an official website) while it opens another.";
}

impl Technique {
    /// Whether a finding of this technique makes an impersonation even without naming the
    /// channel it imitates: a channel the brand does not have at all, or a link whose
    /// punctuation lies about its host.
    ///
    /// ```
    /// use contactguard::Technique;
    ///
    /// assert!(Technique::LookalikeDelimiter.imitates_alone());
    /// assert!(!Technique::Shortener.imitates_alone()); // a warning, not an imitation
    /// ```
    pub fn imitates_alone(self) -> bool {
        matches!(
            self,
            Technique::NoSuchChannel
                | Technique::LookalikeDelimiter
                | Technique::ExtraRecipient
                | Technique::DeceptiveLinkText
        )
    }
}

impl fmt::Display for Technique {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A character, with its Unicode name, as shown to people.
///
/// ```
/// use contactguard::{Change, Checker, Detail};
///
/// let v = Checker::builtin()?.check("tokenpоcket.pro"); // Cyrillic о
/// let Detail::Lookalike { changes } = &v.findings[0].detail else { panic!("a lookalike") };
/// let Change::Replaced { found, .. } = &changes[0] else { panic!("a replacement") };
/// assert_eq!(found.codepoints, "U+043E");
/// assert_eq!(found.to_string(), "'о' (CYRILLIC SMALL LETTER O)");
/// # Ok::<(), contactguard::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, Eq, Hash, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CharInfo {
    /// The character (or characters).
    pub text: String,
    /// Code points as `U+XXXX`, space separated.
    pub codepoints: String,
    /// Unicode names, `; ` separated.
    pub names: String,
}

impl CharInfo {
    pub(crate) fn of(text: &str) -> CharInfo {
        let codepoints = text
            .chars()
            .map(|c| format!("U+{:04X}", u32::from(c)))
            .collect::<Vec<_>>()
            .join(" ");
        let names = text
            .chars()
            .map(crate::normalize::char_name)
            .collect::<Vec<_>>()
            .join("; ");
        CharInfo {
            text: text.to_owned(),
            codepoints,
            names,
        }
    }
}

/// One difference between a lookalike and the original it imitates.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, Eq, Hash, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Change {
    /// `found` stands where the original has `expected`.
    Replaced {
        /// What the input has.
        found: CharInfo,
        /// What the original has.
        expected: String,
    },
    /// `found` was added.
    Inserted {
        /// What the input has in addition.
        found: CharInfo,
    },
    /// `expected` was left out.
    Missing {
        /// What the original has.
        expected: String,
    },
    /// Two adjacent characters swapped places.
    Swapped {
        /// The first of the two in the original.
        first: String,
        /// The second of the two in the original.
        second: String,
    },
}

/// What exactly was seen, structured so that renderers can say it in any language.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Detail {
    /// Exactly the official channel.
    Exact,
    /// A host inside the official domain `domain`.
    InsideScope {
        /// The official domain whose scope covers the host.
        domain: String,
    },
    /// Characters that look alike (or separators) stand in for the original's.
    Lookalike {
        /// The differences, in order.
        changes: Vec<Change>,
    },
    /// Characters changed, added, dropped or swapped.
    Edits {
        /// The differences, in order.
        changes: Vec<Change>,
    },
    /// The same name under another suffix.
    Suffix {
        /// The suffix of the input.
        found: String,
        /// The official suffix.
        expected: String,
    },
    /// The brand's name with other words.
    Words {
        /// The brand part as written in the input.
        brand_part: String,
        /// The other words.
        extra: Vec<String>,
    },
    /// The brand appears in a part of a link that does not decide where it leads.
    Embedded {
        /// The part holding the brand (a subdomain, a path).
        part: String,
        /// The registrable domain (or host) the link really leads to.
        real: String,
    },
    /// User information before `@` hides the real host.
    RealHost {
        /// The text before `@`.
        userinfo: String,
        /// The host the link really leads to.
        host: String,
    },
    /// The host is an IP address.
    IpAddress {
        /// The address as parsed.
        host: String,
    },
    /// Hidden characters were found in the input.
    Hidden {
        /// Each hidden character once, in order of first appearance.
        chars: Vec<CharInfo>,
        /// How many hidden characters there are in all (a character may repeat).
        #[serde(default)]
        count: usize,
        /// Byte offsets of the first few of them ([`MAX_HIDDEN_POSITIONS`]) in the input.
        #[serde(default)]
        positions: Vec<usize>,
    },
    /// The scripts a label is written in.
    Scripts {
        /// Script names (`Latin`, `Cyrillic`).
        scripts: Vec<String>,
    },
    /// A known link shortener.
    Shortened {
        /// The shortener's host.
        host: String,
    },
    /// A brand name on a shared hosting suffix.
    FreeHost {
        /// The hosting suffix (`github.io`).
        suffix: String,
    },
    /// The brand's name used as a domain label.
    Name {
        /// The name as it appears.
        name: String,
    },
    /// The brand shows its channels of this kind in one place only, and this is presented as
    /// one of them without being listed: the real one is at `place`.
    OnlyAt {
        /// The brand's display name.
        brand: String,
        /// The kind.
        kind: ChannelKind,
        /// The page that shows the real one.
        place: String,
    },
    /// The brand does not offer this kind of channel at all.
    NoChannel {
        /// The brand's display name.
        brand: String,
        /// The kind it does not offer.
        kind: ChannelKind,
    },
    /// The same subscriber digits behind another service prefix.
    Prefix {
        /// The prefix of the input.
        found: String,
        /// The official prefix.
        expected: String,
    },
    /// Claimed for a brand, but not one of its channels.
    Claimed {
        /// The brand's display name.
        brand: String,
    },
    /// A brand's official name on another platform, used on one where the registry does not
    /// list it: evidence of nothing, either way.
    OtherPlatform {
        /// The brand's display name.
        brand: String,
        /// The name as written.
        name: String,
        /// Where the name is official.
        official_on: String,
        /// Where the input uses it.
        used_on: String,
        /// The brand's account there, if the registry lists one.
        listed: Option<String>,
    },
    /// A brand's name alone, as an account on a platform where the registry lists no account
    /// of that name for the brand.
    UnlistedName {
        /// The brand's display name.
        brand: String,
        /// The platform.
        platform: String,
        /// The brand's account there, if the registry lists one.
        listed: Option<String>,
    },
    /// A contact official for one brand, presented in a text as another brand's.
    OtherBrand {
        /// Whose channel it is.
        owner: String,
        /// The brand the text presents it for.
        claimed: String,
    },
    /// Characters that look like URL delimiters make the link read as one host while a browser
    /// opens another.
    Delimiter {
        /// The look-alike characters, each once.
        chars: Vec<CharInfo>,
        /// The host a reader sees.
        shown: String,
        /// The host a browser opens.
        real: String,
    },
    /// No browser or mail client opens it as written: it only reads as a link or address once
    /// its look-alike punctuation (`：` `／` `＠`) is taken for the real thing.
    Unopenable {
        /// The look-alike characters, each once.
        chars: Vec<CharInfo>,
        /// What it reads as.
        reads_as: String,
    },
    /// A mail link or list sends to more mailboxes than the one it shows.
    Recipients {
        /// The first mailbox, the one a reader sees.
        shown: String,
        /// The other mailboxes that are not official.
        others: Vec<String>,
    },
    /// Letters of a vanity number, read as a phone keypad dials them.
    Keypad {
        /// The number as written (`1-888-COINBASE`).
        written: String,
        /// What a phone dials (`+18882646227`).
        dialled: String,
    },
    /// A bare name (no platform given) that is an official account on some platforms only.
    OfficialOn {
        /// The brand whose account it is.
        brand: String,
        /// The platforms where it is official (`Telegram`).
        platforms: Vec<String>,
    },
    /// A domain the registry knows belongs to someone else than the brand it resembles
    /// ([`crate::registry::Lookalike`]).
    KnownLookalike {
        /// The registrable domain.
        domain: String,
        /// Who holds it.
        holder: String,
        /// The brand it resembles (display name).
        brand: String,
    },
    /// A link that shows one contact and opens another.
    LinkText {
        /// What the link's text shows.
        shown: String,
        /// Where the link really goes.
        opens: String,
    },
    /// A Chinese 400 or 800 number that no brand of the registry uses: none of them offers
    /// support on such a number.
    NoneUseService {
        /// The service prefix (`400`, `800`).
        service: String,
        /// How many brands the registry holds.
        brands: usize,
    },
    /// A number written in Chinese numerals (`四零零八八八二三四五`), read as digits.
    Numerals {
        /// As written.
        written: String,
        /// What is dialled.
        dialled: String,
    },
    /// Words checked as a text: the contact read from them, and how many more they hold.
    InText {
        /// The contact judged, as written.
        contact: String,
        /// Further contacts in the text, not judged here.
        others: usize,
    },
    /// A link to a post whose path names an official account the platform does not check.
    PostLink {
        /// The account the link names.
        account: String,
        /// The platform (`X`).
        platform: String,
    },
    /// A defanged indicator (`hxxps://example[.]com`) was read as the link it stands for.
    Refanged {
        /// The link it stands for.
        link: String,
    },
    /// A display name that shows a brand, in front of a mailbox that is not the brand's.
    DisplayName {
        /// The display name.
        name: String,
        /// Where the mail really goes.
        mailbox: String,
    },
    /// A brand name chosen as a mailbox name.
    Mailbox {
        /// The part before `@`.
        local: String,
        /// The mail domain.
        domain: String,
        /// Whether anyone can open a mailbox there.
        free_provider: bool,
    },
    /// A channel the brand used before and no longer does: whoever holds it now is not known.
    Former {
        /// The brand's display name.
        brand: String,
        /// The kind of channel it was.
        kind: ChannelKind,
        /// The last day it was the brand's (`YYYY-MM-DD`), or `unknown`.
        until: String,
    },
}

/// The most byte offsets a [`Detail::Hidden`] lists: a verdict's size does not grow with the
/// number of hidden characters.
pub const MAX_HIDDEN_POSITIONS: usize = 8;

/// Why an input is `invalid`, structured so that it can be said in any language
/// ([`crate::i18n`] has the words; `Display` is the English).
///
/// ```
/// use contactguard::{Checker, Problem};
///
/// let v = Checker::builtin()?.check("telegram: ab");
/// assert!(matches!(v.problem, Some(Problem::Handle(_))));
/// # Ok::<(), contactguard::Error>(())
/// ```
#[derive(Clone, Debug, Eq, PartialEq)]
#[non_exhaustive]
pub enum Problem {
    /// Not a link or domain a browser opens.
    Link(LinkError),
    /// Not a phone number.
    Phone(PhoneError),
    /// Not a handle of the platform.
    Handle(HandleError),
    /// Not an e-mail address a mail client sends to.
    Email(EmailError),
    /// `--brand ID` names no brand of the registry.
    NoBrand(String),
    /// A control character in the input.
    Control {
        /// The code point.
        code: u32,
        /// Its byte offset.
        at: usize,
    },
    /// Words with no contact and no claim in them.
    Words,
    /// Anything else, in English (a tool's own message).
    Other(String),
}

macro_rules! problem_from {
    ($($error:ident => $variant:ident),*) => {$(
        impl From<$error> for Problem {
            fn from(e: $error) -> Problem {
                Problem::$variant(e)
            }
        }
        impl From<&$error> for Problem {
            fn from(e: &$error) -> Problem {
                Problem::$variant(e.clone())
            }
        }
    )*};
}

problem_from!(LinkError => Link, PhoneError => Phone, HandleError => Handle, EmailError => Email);

impl From<String> for Problem {
    fn from(text: String) -> Problem {
        Problem::Other(text)
    }
}

impl From<&str> for Problem {
    fn from(text: &str) -> Problem {
        Problem::Other(text.to_owned())
    }
}
