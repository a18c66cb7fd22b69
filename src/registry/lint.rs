//! The strict check that registry maintainers run before signing: every rule the tolerant
//! parser lets pass (unknown fields, duplicate keys, unknown kinds, duplicate channels,
//! values not in their kind's normal form, missing sources).

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::{Channel, ChannelKind, NoChannel, Registry, MAX_REGISTRY_BYTES, SPEC_VERSION};
use crate::input::platform::Platform;
use crate::input::url::{is_at_or_under, Link};

/// One problem found by [`lint`].
#[derive(Clone, Debug, Eq, PartialEq)]
#[non_exhaustive]
pub struct Problem {
    /// Where: a JSON path such as `brands[0].channels[3].value`.
    pub path: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Checks a registry payload strictly. An empty list means it is clean.
///
/// ```
/// use contactguard::registry::{lint::lint, BUILTIN_JSON};
///
/// assert_eq!(lint(BUILTIN_JSON), vec![]);
/// let bad = br#"{"spec_version":1,"version":1,"issued_at":"x","expires":"y","brands":[],"extra":1,"extra":2}"#;
/// assert!(lint(bad).iter().any(|p| p.message.contains("appears twice")));
/// ```
pub fn lint(bytes: &[u8]) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut problem = |path: &str, message: String| {
        out.push(Problem {
            path: path.to_owned(),
            message,
        })
    };
    if bytes.len() > MAX_REGISTRY_BYTES {
        problem(
            "$",
            format!(
                "{} bytes is over the {MAX_REGISTRY_BYTES}-byte limit",
                bytes.len()
            ),
        );
        return out;
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    if let Err(e) = (&mut de).deserialize_any(NoDuplicateKeys) {
        problem("$", e.to_string());
        return out;
    }
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            problem("$", format!("not JSON: {e}"));
            return out;
        }
    };
    check_fields(&value, &mut problem);
    let registry = match Registry::from_json(bytes) {
        Ok(r) => r,
        Err(e) => {
            problem("$", e.to_string());
            return out;
        }
    };
    if registry.data().spec_version != SPEC_VERSION {
        problem("spec_version", format!("must be {SPEC_VERSION}"));
    }
    check_names(registry.brands(), &mut problem);
    for (i, place) in registry.data().reporting.iter().enumerate() {
        let at = format!("reporting[{i}]");
        if place.region.len() != 2 || !place.region.chars().all(|c| c.is_ascii_uppercase()) {
            problem(
                &format!("{at}.region"),
                format!("'{}' must be a two-letter code such as CN", place.region),
            );
        }
        if place.en.trim().is_empty() || place.zh.trim().is_empty() {
            problem(&at, "say it in both en and zh".into());
        }
        if let Err(message) = check_source(&place.source) {
            problem(&format!("{at}.source"), message);
        }
    }
    let mut owners: HashMap<(ChannelKind, String), String> = HashMap::new();
    let raw_brands = value
        .get("brands")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let brands_all = registry.brands();
    for (b, (brand, raw)) in registry.brands().iter().zip(raw_brands).enumerate() {
        let at = format!("brands[{b}]");
        if brand.id.is_empty()
            || brand.id.len() > 32
            || !brand
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            problem(
                &format!("{at}.id"),
                format!("'{}' must be 2 to 32 of a-z, 0-9 and _", brand.id),
            );
        }
        if let Some(region) = &brand.region {
            if region.len() != 2
                || !crate::input::phone::is_region(region)
                || region.to_ascii_uppercase() != *region
            {
                problem(
                    &format!("{at}.region"),
                    format!("'{region}' must be an uppercase two-letter region such as US"),
                );
            }
        }
        if brand.names.is_empty() {
            problem(
                &format!("{at}.names"),
                "list at least the brand's display name".into(),
            );
        }
        for (w, word) in brand.common_words.iter().enumerate() {
            if word.is_empty()
                || !word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            {
                problem(
                    &format!("{at}.common_words[{w}]"),
                    format!("'{word}' must be lowercase ASCII letters and digits"),
                );
            }
        }
        // Entries are read one by one from the JSON, so that paths keep their own index even
        // where the tolerant parser skipped an entry.
        let entries = |field: &str| {
            raw.get(field)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        for (c, raw_channel) in entries("channels").into_iter().enumerate() {
            let at = format!("{at}.channels[{c}]");
            let Ok(channel) = serde_json::from_value::<Channel>(raw_channel) else {
                continue; // unknown kind or wrong shape: reported by check_fields
            };
            if channel.source.trim().is_empty() {
                problem(
                    &format!("{at}.source"),
                    "every channel names where the brand published it".into(),
                );
            } else if let Err(message) = check_source(&channel.source) {
                problem(&format!("{at}.source"), message);
            }
            check_dates(&channel, &registry.data().issued_at, &at, &mut problem);
            if let Some(Err(message)) = channel.note.as_deref().map(check_note) {
                problem(&format!("{at}.note"), message);
            }
            if channel.scope.is_some() && channel.kind != ChannelKind::Domain {
                problem(
                    &format!("{at}.scope"),
                    "scope applies to domain channels only; remove it".into(),
                );
            }
            if channel.kind == ChannelKind::Domain {
                if let Err(message) = check_scope(brand, &channel) {
                    problem(&format!("{at}.scope"), message);
                }
            }
            if let Err(message) = check_value(channel.kind, &channel.value) {
                problem(&format!("{at}.value"), message);
            }
            let key = (channel.kind, channel.value.to_lowercase());
            if let Some(owner) = owners.insert(key, brand.id.clone()) {
                let whose = if owner == brand.id {
                    "this brand".to_owned()
                } else {
                    format!("brand '{owner}'")
                };
                problem(
                    &format!("{at}.value"),
                    format!(
                        "{} '{}' is already listed by {whose}",
                        channel.kind, channel.value
                    ),
                );
            }
        }
        for (l, lookalike) in brand.lookalikes.iter().enumerate() {
            let at = format!("{at}.lookalikes[{l}]");
            if lookalike.source.trim().is_empty() || lookalike.holder.trim().is_empty() {
                problem(
                    &at,
                    "say who holds the domain (holder) and where they say so (source)".into(),
                );
            } else if let Err(message) = check_source(&lookalike.source) {
                problem(&format!("{at}.source"), message);
            }
            let name = crate::input::url::DomainName::from_ascii(&lookalike.domain);
            if let Err(message) = check_value(ChannelKind::Domain, &lookalike.domain) {
                problem(&format!("{at}.domain"), message);
            } else if name.registrable() != Some(lookalike.domain.as_str()) {
                problem(
                    &format!("{at}.domain"),
                    format!(
                        "'{}' must be a registrable domain (such as {}), which covers its subdomains",
                        lookalike.domain,
                        name.registrable().unwrap_or("example.com")
                    ),
                );
            }
            let official = brands_all.iter().any(|b| {
                b.channels.iter().any(|c| {
                    c.kind == ChannelKind::Domain && c.value.eq_ignore_ascii_case(&lookalike.domain)
                })
            });
            if official {
                problem(
                    &format!("{at}.domain"),
                    format!(
                        "'{}' is an official domain channel; a lookalike belongs to someone else",
                        lookalike.domain
                    ),
                );
            }
        }
        // A brand stands on at least one channel its own code or site publishes.
        let established = brand
            .channels
            .iter()
            .any(|c| c.former.is_none() && c.confidence == Some(super::Confidence::High));
        if !established {
            problem(
                &format!("{at}.channels"),
                "no current channel of high confidence: add one the brand's own repository or site publishes, or leave the brand out".into(),
            );
        }
        let mut seen = BTreeSet::new();
        for (n, raw_no) in entries("no_channels").into_iter().enumerate() {
            let at = format!("{at}.no_channels[{n}]");
            let Ok(no) = serde_json::from_value::<NoChannel>(raw_no) else {
                continue;
            };
            if no.source.trim().is_empty() {
                problem(
                    &format!("{at}.source"),
                    "say where the brand establishes this".into(),
                );
            } else if let Err(message) = check_source(&no.source) {
                problem(&format!("{at}.source"), message);
            }
            if !seen.insert(no.kind) {
                problem(
                    &format!("{at}.kind"),
                    format!("{} is listed twice", no.kind),
                );
            }
            if brand.channels.iter().any(|c| c.kind == no.kind) {
                problem(
                    &format!("{at}.kind"),
                    format!(
                        "the brand lists {} channels, so it cannot also have none",
                        no.kind
                    ),
                );
            }
        }
        for (o, only) in brand.only_at.iter().enumerate() {
            let at = format!("{at}.only_at[{o}]");
            if let Err(message) = check_source(&only.source) {
                problem(&format!("{at}.source"), message);
            }
            if let Err(message) = check_own_page(brand, &only.place) {
                problem(&format!("{at}.place"), message);
            }
            if brand.channels_of(only.kind).next().is_some() || brand.lacks(only.kind) {
                problem(
                    &format!("{at}.kind"),
                    format!(
                        "the brand lists {} channels or says it has none, so they are not shown in one place only",
                        only.kind
                    ),
                );
            }
        }
        if let Some(verification) = &brand.verification {
            let at = format!("{at}.verification");
            if let Err(message) = check_source(&verification.source) {
                problem(&format!("{at}.source"), message);
            }
            if let Err(message) = check_own_page(brand, &verification.url) {
                problem(&format!("{at}.url"), message);
            }
        }
        // A brand that says it has no channel of a kind says so in its own words: the
        // statement is in `statements`, from the same source.
        let said: BTreeSet<&str> = brand
            .statements
            .iter()
            .flat_map(|s| s.source.split(';').map(str::trim))
            .collect();
        for (n, no) in brand.no_channels.iter().enumerate() {
            if !no
                .source
                .split(';')
                .map(str::trim)
                .any(|p| said.contains(p))
            {
                problem(
                    &format!("{at}.no_channels[{n}].source"),
                    format!(
                        "quote the brand's words that it has no {}: add them to statements with the same source",
                        no.kind
                    ),
                );
            }
        }
        // The brand's words, about safety or about reporting scams: in both languages, sourced.
        for (field, list) in [
            ("statements", &brand.statements),
            ("report_scams", &brand.report_scams),
        ] {
            for (s, statement) in list.iter().enumerate() {
                let at = format!("{at}.{field}[{s}]");
                if statement.en.trim().is_empty() || statement.zh.trim().is_empty() {
                    problem(&at, "give the brand's words in both en and zh".into());
                }
                if statement.source.trim().is_empty() {
                    problem(
                        &format!("{at}.source"),
                        "say where the brand said it".into(),
                    );
                } else if let Err(message) = check_source(&statement.source) {
                    problem(&format!("{at}.source"), message);
                }
            }
        }
    }
    out
}

/// No two brands share a name or community name (compared in lowercase, with Traditional
/// characters folded and spaces dropped): a name of two brands is marked ambiguous by listing
/// it in both brands' `shared_names` instead, where it claims nothing for either.
fn check_names(brands: &[super::Brand], problem: &mut impl FnMut(&str, String)) {
    let fold = |name: &str| -> String {
        name.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .map(crate::normalize::hant::to_simplified)
            .collect()
    };
    let mut owner: HashMap<String, usize> = HashMap::new();
    let mut shared: HashMap<String, usize> = HashMap::new();
    for (b, brand) in brands.iter().enumerate() {
        let own: BTreeSet<String> = brand
            .names
            .iter()
            .chain(&brand.community_names)
            .map(|n| fold(n))
            .collect();
        for (name, key) in brand
            .names
            .iter()
            .chain(&brand.community_names)
            .map(|n| (n, fold(n)))
        {
            match owner.get(&key) {
                Some(&other) if other != b => problem(
                    &format!("brands[{b}].names"),
                    format!(
                        "'{name}' is also a name of '{}': a name of two brands must not be assigned to either; move it to both brands' shared_names",
                        brands[other].id
                    ),
                ),
                _ => {
                    owner.insert(key, b);
                }
            }
        }
        for (s, name) in brand.shared_names.iter().enumerate() {
            let key = fold(name);
            if own.contains(&key) {
                problem(
                    &format!("brands[{b}].shared_names[{s}]"),
                    format!("'{name}' is among the brand's own names too; keep it in one list"),
                );
            }
            *shared.entry(key).or_default() += 1;
        }
    }
    for (b, brand) in brands.iter().enumerate() {
        for (s, name) in brand.shared_names.iter().enumerate() {
            if shared.get(&fold(name)).copied().unwrap_or(0) < 2 {
                problem(
                    &format!("brands[{b}].shared_names[{s}]"),
                    format!("'{name}' is shared with no other brand: list it in the other brand's shared_names too, or make it a name"),
                );
            }
        }
    }
}

/// A channel's dates: when it was checked (required, not after the registry's issue), and its
/// source's date (optional, not after the check).
fn check_dates(
    channel: &Channel,
    issued_at: &str,
    at: &str,
    problem: &mut impl FnMut(&str, String),
) {
    let issued = issued_at.get(..10).unwrap_or(issued_at);
    match channel.checked.as_deref() {
        None => problem(
            &format!("{at}.checked"),
            "say on which day the source was read (checked: YYYY-MM-DD)".into(),
        ),
        Some(day) => {
            if let Err(message) = check_date("checked", day) {
                problem(&format!("{at}.checked"), message);
            } else if day > issued {
                problem(
                    &format!("{at}.checked"),
                    format!(
                        "{day} is after the registry's issue date {issued}: a new version is issued with `contactguard registry bump`"
                    ),
                );
            }
        }
    }
    if let Some(day) = channel.source_date.as_deref() {
        if let Err(message) = check_date("source_date", day) {
            problem(&format!("{at}.source_date"), message);
        } else if channel.checked.as_deref().is_some_and(|c| day > c) {
            problem(
                &format!("{at}.source_date"),
                format!("{day} is after the day the source was checked"),
            );
        }
    }
}

/// Whether `day` is a calendar day written `YYYY-MM-DD`; `field` names it in the message.
///
/// ```
/// use contactguard::registry::lint::check_date;
///
/// assert!(check_date("checked", "2026-12-07").is_ok());
/// assert!(check_date("checked", "2026-02-30").is_err());
/// assert!(check_date("checked", "2028-02-29").is_ok());
/// assert!(check_date("checked", "7 Dec 2026").is_err());
/// ```
///
/// # Errors
/// What is wrong, in a sentence that names `field`.
pub fn check_date(field: &str, day: &str) -> Result<(), String> {
    let shaped = day.len() == 10
        && day.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let number = |range: std::ops::Range<usize>| day.get(range).and_then(|t| t.parse::<u32>().ok());
    let real = shaped
        && match (number(0..4), number(5..7), number(8..10)) {
            (Some(year), Some(month), Some(d)) => {
                let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
                let days = match month {
                    1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                    4 | 6 | 9 | 11 => 30,
                    2 if leap => 29,
                    2 => 28,
                    _ => 0,
                };
                (1..=days).contains(&d)
            }
            _ => false,
        };
    if real {
        Ok(())
    } else {
        Err(format!(
            "{field} '{day}' is not a day written YYYY-MM-DD (for example 2026-12-07)"
        ))
    }
}

/// A channel's note is read by the people checking a contact: plain words, no record of how
/// the entry was sourced (quotes of code, commits, "source:"), which belongs in `evidence`.
fn check_note(note: &str) -> Result<(), String> {
    const RECORDS: &[&str] = &[
        "source:",
        "commit ",
        "HEAD ",
        " = '",
        "stored copy",
        "README",
    ];
    match RECORDS.iter().find(|r| note.contains(*r)) {
        Some(r) => Err(format!(
            "'{}' is read by the people checking a contact: move what the source says ('{r}' …) to evidence and keep the note to plain words",
            note.chars().take(60).collect::<String>()
        )),
        None => Ok(()),
    }
}

/// Whether a source is written in one of the two forms (`data/SOURCES.md`), several joined with
/// `; `: `owner/repo:path@commit` (a file of a repository at a commit, 7 to 40 hex digits) or
/// `pages: URL` (a stored page). Remarks belong in `note`, not in the source.
///
/// ```
/// use contactguard::registry::lint::check_source;
///
/// assert!(check_source("TP-Lab/tokens:README.md@a41d374; pages: https://help.tpwallet.io/en/").is_ok());
/// assert!(check_source("TP-Lab/tokens:README.md@a41d374 (2023-06)").is_err());
/// assert!(check_source("the TokenPocket website").is_err());
/// ```
///
/// # Errors
/// The first part that is in neither form, and the forms.
pub fn check_source(source: &str) -> Result<(), String> {
    let file = |part: &str| {
        let Some((place, commit)) = part.rsplit_once('@') else {
            return false;
        };
        let Some((repo, path)) = place.split_once(':') else {
            return false;
        };
        let name = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        };
        repo.split_once('/')
            .is_some_and(|(owner, name_part)| name(owner) && name(name_part))
            && !path.is_empty()
            && !path.contains(char::is_whitespace)
            && (7..=40).contains(&commit.len())
            && commit.bytes().all(|b| b.is_ascii_hexdigit())
    };
    let page = |part: &str| {
        part.strip_prefix("pages: ").is_some_and(|url| {
            (url.starts_with("https://") || url.starts_with("http://"))
                && !url.contains(char::is_whitespace)
        })
    };
    match source.split("; ").find(|part| !file(part) && !page(part)) {
        None => Ok(()),
        Some(part) => Err(format!(
            "'{part}' is not a source: write 'owner/repo:path@commit' or 'pages: URL', several joined with '; ', and put remarks in note"
        )),
    }
}

/// Whether `value` is in the normal form of its kind.
fn check_value(kind: ChannelKind, value: &str) -> Result<(), String> {
    if value.trim() != value || value.is_empty() {
        return Err("empty, or white space around the value".into());
    }
    match kind {
        ChannelKind::Domain => check_domain(value),
        ChannelKind::Email => {
            let (local, domain) = value
                .rsplit_once('@')
                .ok_or_else(|| format!("'{value}' has no '@'"))?;
            if local.is_empty() || value != value.to_lowercase() {
                return Err(format!(
                    "write the address in lowercase, or '*@domain' for a whole domain: '{value}'"
                ));
            }
            check_domain(domain)
        }
        ChannelKind::Phone => {
            let digits = value
                .strip_prefix('+')
                .ok_or_else(|| format!("'{value}' must be E.164, like +18889087930"))?;
            if (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
                Ok(())
            } else {
                Err(format!("'{value}' must be E.164: '+' and 8 to 15 digits"))
            }
        }
        account => match Platform::of_kind(account) {
            // The platform's row: the value is its registry form, by the platform's rule.
            Some(p) => match p.descriptor().registry_value(value) {
                Ok(written) if written == value => Ok(()),
                Ok(written) => Err(format!(
                    "write '{value}' as the registry keeps it: '{written}' (without '@', a link or spaces)"
                )),
                Err(rule) => Err(format!("'{value}' cannot be a {} name: {rule}", p.name())),
            },
            None => Ok(()),
        },
    }
}

/// Every domain channel says how far it reaches, and reaches only as far as the brand owns:
/// `subdomains` for a registrable domain the brand holds (or a host below one it lists with
/// `subdomains`), `host` for a host on someone else's domain or on a shared platform.
fn check_scope(brand: &super::Brand, channel: &Channel) -> Result<(), String> {
    use crate::input::url::{DomainName, SuffixKind};
    let Some(scope) = channel.scope else {
        return Err(format!(
            "say how far '{}' reaches: \"scope\": \"subdomains\" when the brand owns the domain and every name below it, \"host\" for this host only",
            channel.value
        ));
    };
    if scope == super::Scope::Host {
        return Ok(());
    }
    let name = DomainName::from_ascii(&channel.value);
    if name.suffix_kind() == SuffixKind::Private {
        return Err(format!(
            "'{}' is on the shared platform .{}, whose operator gives out the names below it: use \"scope\": \"host\"",
            channel.value,
            name.suffix()
        ));
    }
    let registrable = name.registrable().unwrap_or(&channel.value);
    let owned = registrable == channel.value
        || brand.channels.iter().any(|c| {
            c.kind == ChannelKind::Domain
                && c.value == registrable
                && c.scope == Some(super::Scope::Subdomains)
        });
    if owned {
        Ok(())
    } else {
        Err(format!(
            "'{}' is a host on {registrable}, which the brand does not list as its own: use \"scope\": \"host\"",
            channel.value
        ))
    }
}

/// Whether `url` is an `https` page on one of the brand's current domain channels.
fn check_own_page(brand: &super::Brand, url: &str) -> Result<(), String> {
    let link = Link::parse(url).map_err(|e| format!("'{url}' is not a link: {e}"))?;
    let crate::input::url::LinkHost::Domain(domain) = link.host() else {
        return Err(format!("'{url}' is not on a domain"));
    };
    let host = domain.ascii();
    let host = host.strip_prefix("www.").unwrap_or(host);
    let own = brand.channels_of(ChannelKind::Domain).any(|c| {
        host == c.value || (c.scope() == super::Scope::Subdomains && is_at_or_under(host, &c.value))
    });
    if !url.starts_with("https://") {
        Err(format!("'{url}' must be an https:// link"))
    } else if own {
        Ok(())
    } else {
        Err(format!(
            "'{url}' is not on one of the brand's own domains; list the domain first"
        ))
    }
}

fn check_domain(value: &str) -> Result<(), String> {
    let host = match Link::parse(value).map(|l| l.host().clone()) {
        Ok(crate::input::url::LinkHost::Domain(d)) => d.ascii().to_owned(),
        Ok(_) => return Err(format!("'{value}' is an IP address, not a domain")),
        Err(e) => return Err(format!("'{value}' is not a domain: {e}")),
    };
    if host != value {
        return Err(format!(
            "write '{value}' as '{host}' (lowercase ASCII, no scheme, path or trailing dot)"
        ));
    }
    if value.starts_with("www.") {
        return Err(format!(
            "drop 'www.' from '{value}': it is matched automatically"
        ));
    }
    Ok(())
}

/// The fields each object may have, by where it is.
fn check_fields(value: &Value, problem: &mut impl FnMut(&str, String)) {
    const TOP: &[&str] = &[
        "spec_version",
        "version",
        "issued_at",
        "expires",
        "brands",
        "reporting",
    ];
    const REPORT_PLACE: &[&str] = &["region", "en", "zh", "source"];
    const BRAND: &[&str] = &[
        "id",
        "names",
        "common_words",
        "channels",
        "no_channels",
        "statements",
        "region",
        "lookalikes",
        "community_names",
        "only_at",
        "verification",
        "shared_names",
        "report_scams",
    ];
    const CHANNEL: &[&str] = &[
        "kind",
        "value",
        "scope",
        "source",
        "checked",
        "source_date",
        "confidence",
        "note",
        "evidence",
        "role",
        "former",
    ];
    const NO_CHANNEL: &[&str] = &["kind", "source", "note"];
    const STATEMENT: &[&str] = &["en", "zh", "source"];
    const LOOKALIKE: &[&str] = &["domain", "holder", "source"];
    const ONLY_AT: &[&str] = &["kind", "place", "source", "note"];
    const VERIFICATION: &[&str] = &["url", "name", "source"];
    fn only(v: &Value, allowed: &[&str], at: &str, problem: &mut impl FnMut(&str, String)) {
        if let Some(map) = v.as_object() {
            for key in map.keys().filter(|k| !allowed.contains(&k.as_str())) {
                problem(
                    at,
                    format!("unknown field '{key}'; allowed: {}", allowed.join(", ")),
                );
            }
        }
    }
    only(value, TOP, "$", problem);
    if let Some(places) = value.get("reporting").and_then(Value::as_array) {
        for (i, place) in places.iter().enumerate() {
            only(place, REPORT_PLACE, &format!("reporting[{i}]"), problem);
        }
    }
    let brands = value
        .get("brands")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    for (b, brand) in brands.iter().enumerate() {
        let at = format!("brands[{b}]");
        only(brand, BRAND, &at, problem);
        if let Some(verification) = brand.get("verification") {
            only(
                verification,
                VERIFICATION,
                &format!("{at}.verification"),
                problem,
            );
        }
        for (field, allowed) in [
            ("channels", CHANNEL),
            ("no_channels", NO_CHANNEL),
            ("statements", STATEMENT),
            ("report_scams", STATEMENT),
            ("lookalikes", LOOKALIKE),
            ("only_at", ONLY_AT),
        ] {
            let items = brand
                .get(field)
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default();
            for (i, item) in items.iter().enumerate() {
                let at = format!("{at}.{field}[{i}]");
                only(item, allowed, &at, problem);
                if let Some(kind) = item.get("kind").and_then(Value::as_str) {
                    if !ChannelKind::ALL.iter().any(|k| k.as_str() == kind) {
                        problem(&format!("{at}.kind"), format!("unknown kind '{kind}'"));
                    }
                }
            }
        }
    }
}

/// The first object key that appears twice in `bytes`, if any (serde_json keeps the last one
/// silently).
pub(crate) fn duplicate_key(bytes: &[u8]) -> Option<String> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    (&mut de)
        .deserialize_any(NoDuplicateKeys)
        .err()
        .map(|e| e.to_string())
}

/// Walks any JSON value and fails on an object key that appears twice (serde_json keeps the
/// last one silently).
struct NoDuplicateKeys;

impl<'de> de::Deserialize<'de> for NoDuplicateKeys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NoDuplicateKeys)
    }
}

impl<'de> Visitor<'de> for NoDuplicateKeys {
    type Value = NoDuplicateKeys;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(self)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(self)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(self)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(self)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(self)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<NoDuplicateKeys>()?.is_some() {}
        Ok(self)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut keys = BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !keys.insert(key.clone()) {
                return Err(de::Error::custom(format!(
                    "the key '{key}' appears twice in one object"
                )));
            }
            map.next_value::<NoDuplicateKeys>()?;
        }
        Ok(self)
    }
}
