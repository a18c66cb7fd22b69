//! Editing a registry payload through the typed model: every value is normalized the way the
//! matcher reads it (domains through IDNA, phones to E.164, handles by platform rules,
//! addresses lowercased), and a new channel that looks like another brand's is reported.
//! Output is deterministic, so reviews see minimal diffs.

use crate::input::email::Email;
use crate::input::handle::{Form, Handle, Platform};
use crate::input::phone::Phone;
use crate::input::url::{Link, LinkHost};
use crate::normalize::visual_key;
use crate::registry::{Brand, Channel, ChannelKind, Confidence, RegistryData, Role, Scope};

/// Why an edit is refused.
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum EditError {
    /// A brand id that is not `[a-z0-9_]{2,32}`.
    #[error("'{0}' is not a brand id: use 2 to 32 of a-z, 0-9 and _")]
    BadId(String),
    /// The brand exists already.
    #[error("brand '{0}' already exists")]
    BrandExists(String),
    /// No such brand.
    #[error("no brand '{0}'; see `contactguard brands`")]
    NoBrand(String),
    /// A value that is not valid for its kind.
    #[error("{kind} '{value}' is not valid: {reason}")]
    BadValue {
        /// The kind.
        kind: ChannelKind,
        /// The value given.
        value: String,
        /// Why.
        reason: String,
    },
    /// The channel is listed already.
    #[error("{kind} '{value}' is already listed by brand '{brand}'")]
    Duplicate {
        /// The kind.
        kind: ChannelKind,
        /// The normalized value.
        value: String,
        /// Who lists it.
        brand: String,
    },
    /// No such channel.
    #[error("brand '{brand}' has no {kind} '{value}'")]
    NoChannel {
        /// The brand.
        brand: String,
        /// The kind.
        kind: ChannelKind,
        /// The value.
        value: String,
    },
    /// A channel without a source.
    #[error("every channel needs --source: where the brand published it")]
    NoSource,
    /// A source in neither form ([`crate::registry::lint::check_source`]).
    #[error("{0}")]
    BadSource(String),
    /// A date that is not a calendar day written `YYYY-MM-DD`.
    #[error("{0}")]
    BadDate(String),
}

/// The value of `kind` in its registry form.
///
/// ```
/// use contactguard::registry::edit::normalize_value;
/// use contactguard::registry::ChannelKind;
///
/// assert_eq!(normalize_value(ChannelKind::Domain, "https://WWW.Example.COM/x", None), Ok("example.com".into()));
/// assert_eq!(normalize_value(ChannelKind::Phone, "+1 (888) 908-7930", None), Ok("+18889087930".into()));
/// assert_eq!(normalize_value(ChannelKind::X, "@TokenPocket_TP", None), Ok("TokenPocket_TP".into()));
/// assert!(normalize_value(ChannelKind::X, "@way_too_long_for_x_handles", None).is_err());
/// ```
///
/// # Errors
/// [`EditError::BadValue`] with the reason.
pub fn normalize_value(
    kind: ChannelKind,
    value: &str,
    region: Option<&str>,
) -> Result<String, EditError> {
    let bad = |reason: String| EditError::BadValue {
        kind,
        value: value.to_owned(),
        reason,
    };
    let value = value.trim();
    match kind {
        ChannelKind::Domain => {
            let link = Link::parse(value).map_err(|e| bad(e.to_string()))?;
            match link.host() {
                LinkHost::Domain(d) => Ok(d
                    .ascii()
                    .strip_prefix("www.")
                    .unwrap_or(d.ascii())
                    .to_owned()),
                LinkHost::Ip(_) => Err(bad("an IP address is not a domain".into())),
            }
        }
        ChannelKind::Phone => {
            let phone =
                Phone::parse(value, region.unwrap_or("US")).map_err(|e| bad(e.to_string()))?;
            // Without the `phone` feature validity is not known: only the international
            // form, whose E.164 key is read the same either way, is accepted.
            let placed = match cfg!(feature = "phone") {
                true => phone.is_valid(),
                false => value.starts_with('+'),
            };
            if phone.is_short_code() || !placed {
                return Err(bad(
                    "not a valid international number; write it with + and the country code".into(),
                ));
            }
            Ok(phone.key().to_owned())
        }
        ChannelKind::Email => {
            if let Some(domain) = value.strip_prefix("*@") {
                return normalize_value(ChannelKind::Domain, domain, None)
                    .map(|d| format!("*@{d}"));
            }
            let email = Email::parse(value).map_err(|e| bad(e.to_string()))?;
            Ok(format!(
                "{}@{}",
                email.local().to_lowercase(),
                email.domain()
            ))
        }
        account => {
            let platform =
                Platform::of_kind(account).ok_or_else(|| bad("unsupported kind".into()))?;
            // A profile or invite link names its account as the platform reads it.
            let handle = Handle::parse(value, Some(platform)).map_err(|e| bad(e.to_string()))?;
            if handle.platform() != Some(platform) || handle.form() == Form::Opaque {
                return Err(bad(format!(
                    "a {} link or name was expected",
                    platform.name()
                )));
            }
            platform
                .descriptor()
                .registry_value(handle.name())
                .map_err(|rule| bad(rule.to_owned()))
        }
    }
}

/// Adds a brand.
///
/// # Errors
/// [`EditError::BadId`] or [`EditError::BrandExists`].
pub fn add_brand(data: &mut RegistryData, id: &str, names: &[String]) -> Result<(), EditError> {
    if !(2..=32).contains(&id.len())
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(EditError::BadId(id.to_owned()));
    }
    if data.brands.iter().any(|b| b.id == id) {
        return Err(EditError::BrandExists(id.to_owned()));
    }
    let names = if names.is_empty() {
        vec![id.to_owned()]
    } else {
        names.to_vec()
    };
    data.brands.push(Brand {
        id: id.to_owned(),
        names,
        common_words: Vec::new(),
        lookalikes: Vec::new(),
        channels: Vec::new(),
        no_channels: Vec::new(),
        statements: Vec::new(),
        region: None,
        community_names: Vec::new(),
        only_at: Vec::new(),
        verification: None,
        shared_names: Vec::new(),
        report_scams: Vec::new(),
    });
    Ok(())
}

/// Removes a brand and everything it lists.
///
/// # Errors
/// [`EditError::NoBrand`].
pub fn remove_brand(data: &mut RegistryData, id: &str) -> Result<Brand, EditError> {
    let i = data
        .brands
        .iter()
        .position(|b| b.id == id)
        .ok_or_else(|| EditError::NoBrand(id.to_owned()))?;
    Ok(data.brands.remove(i))
}

/// A channel to add.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct NewChannel {
    /// Its kind.
    pub kind: ChannelKind,
    /// Its value, in any form people write it.
    pub value: String,
    /// Where the brand published it.
    pub source: String,
    /// Domain scope.
    pub scope: Option<Scope>,
    /// Confidence.
    pub confidence: Option<Confidence>,
    /// A note for the people checking a contact ([`Channel::note`]).
    pub note: Option<String>,
    /// What the sources say, for reviewers ([`Channel::evidence`]).
    pub evidence: Option<String>,
    /// What it is for.
    pub role: Option<Role>,
    /// The day the source was read, `YYYY-MM-DD` ([`Channel::checked`]).
    pub checked: Option<String>,
    /// The date of the newest source, `YYYY-MM-DD`, when known ([`Channel::source_date`]).
    pub source_date: Option<String>,
}

impl NewChannel {
    /// A channel of `kind` with `value` published at `source`.
    pub fn new(kind: ChannelKind, value: &str, source: &str) -> NewChannel {
        NewChannel {
            kind,
            value: value.to_owned(),
            source: source.to_owned(),
            scope: None,
            confidence: None,
            note: None,
            evidence: None,
            role: None,
            checked: None,
            source_date: None,
        }
    }
}

/// Adds a channel to `brand`, normalized; returns the stored value and warnings (the value
/// looks like a channel of another brand).
///
/// # Errors
/// An [`EditError`].
pub fn add_channel(
    data: &mut RegistryData,
    brand: &str,
    new: NewChannel,
) -> Result<(String, Vec<String>), EditError> {
    if new.source.trim().is_empty() {
        return Err(EditError::NoSource);
    }
    super::lint::check_source(new.source.trim()).map_err(EditError::BadSource)?;
    for (field, date) in [("checked", &new.checked), ("source_date", &new.source_date)] {
        if let Some(date) = date {
            super::lint::check_date(field, date).map_err(EditError::BadDate)?;
        }
    }
    let b = data
        .brands
        .iter()
        .position(|x| x.id == brand)
        .ok_or_else(|| EditError::NoBrand(brand.to_owned()))?;
    let region = data.brands[b].region.clone();
    let value = normalize_value(new.kind, &new.value, region.as_deref())?;
    let fold = |v: &str| v.to_lowercase();
    for other in &data.brands {
        if other
            .channels
            .iter()
            .any(|c| c.kind == new.kind && fold(&c.value) == fold(&value))
        {
            return Err(EditError::Duplicate {
                kind: new.kind,
                value,
                brand: other.id.clone(),
            });
        }
    }
    let key = visual_key(label_of(new.kind, &value));
    let warnings = data
        .brands
        .iter()
        .filter(|other| other.id != brand)
        .flat_map(|other| other.channels.iter().map(move |c| (other, c)))
        .filter(|(_, c)| visual_key(label_of(c.kind, &c.value)) == key && key.chars().count() >= 3)
        .map(|(other, c)| {
            format!(
                "{} '{value}' looks like {}'s {} '{}'",
                new.kind, other.id, c.kind, c.value
            )
        })
        .collect();
    // A domain the brand registered covers its subdomains; a host on someone else's domain or
    // on a shared platform covers itself only (as `lint` requires).
    let scope = match new.kind {
        ChannelKind::Domain => Some(new.scope.unwrap_or_else(|| {
            let name = crate::input::url::DomainName::from_ascii(&value);
            let registrable = name.registrable() == Some(value.as_str());
            if registrable && name.suffix_kind() == crate::input::url::SuffixKind::Icann {
                Scope::Subdomains
            } else {
                Scope::Host
            }
        })),
        _ => None,
    };
    data.brands[b].channels.push(Channel {
        kind: new.kind,
        value: value.clone(),
        scope,
        source: new.source.trim().to_owned(),
        checked: new.checked,
        source_date: new.source_date,
        confidence: new.confidence,
        note: new.note,
        evidence: new.evidence,
        role: new.role,
        former: None,
    });
    Ok((value, warnings))
}

/// What a value looks like for confusable checks: a domain's first label, else the value.
fn label_of(kind: ChannelKind, value: &str) -> &str {
    match kind {
        ChannelKind::Domain => value.split('.').next().unwrap_or(value),
        ChannelKind::Email => value.split('@').next().unwrap_or(value),
        _ => value,
    }
}

/// Removes a channel (the value in any form people write it).
///
/// # Errors
/// [`EditError::NoBrand`] or [`EditError::NoChannel`].
pub fn remove_channel(
    data: &mut RegistryData,
    brand: &str,
    kind: ChannelKind,
    value: &str,
) -> Result<Channel, EditError> {
    let b = data
        .brands
        .iter_mut()
        .find(|x| x.id == brand)
        .ok_or_else(|| EditError::NoBrand(brand.to_owned()))?;
    let region = b.region.clone();
    let wanted = normalize_value(kind, value, region.as_deref())
        .unwrap_or_else(|_| value.trim().to_owned())
        .to_lowercase();
    let i = b
        .channels
        .iter()
        .position(|c| c.kind == kind && c.value.to_lowercase() == wanted)
        .ok_or_else(|| EditError::NoChannel {
            brand: brand.to_owned(),
            kind,
            value: value.to_owned(),
        })?;
    Ok(b.channels.remove(i))
}

/// The payload as written to `registry.json`: pretty JSON, two-space indent, non-ASCII kept,
/// a final newline.
pub fn to_json(data: &RegistryData) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(data).unwrap_or_default();
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{Registry, BUILTIN_JSON};

    #[test]
    fn shipped_payload_is_in_canonical_form() {
        let registry = Registry::from_json(BUILTIN_JSON).unwrap();
        assert!(
            to_json(registry.data()) == BUILTIN_JSON,
            "data/registry.json is not in the form the editor writes"
        );
    }

    #[test]
    fn add_and_remove() {
        let mut data = Registry::from_json(BUILTIN_JSON).unwrap().data().clone();
        add_brand(&mut data, "acme", &["Acme".into()]).unwrap();
        assert_eq!(
            add_brand(&mut data, "acme", &[]),
            Err(EditError::BrandExists("acme".into()))
        );
        let (value, warnings) = add_channel(
            &mut data,
            "acme",
            NewChannel::new(
                ChannelKind::Domain,
                "HTTPS://Acme.Example/",
                "pages: https://acme.example/",
            ),
        )
        .unwrap();
        assert_eq!(value, "acme.example");
        assert!(warnings.is_empty());
        let (_, warnings) = add_channel(
            &mut data,
            "acme",
            NewChannel::new(
                ChannelKind::Domain,
                "tokenp0cket.net",
                "pages: https://tokenp0cket.net/",
            ),
        )
        .unwrap();
        assert!(
            warnings.iter().any(|w| w.contains("tokenpocket")),
            "{warnings:?}"
        );
        assert!(matches!(
            add_channel(
                &mut data,
                "acme",
                NewChannel::new(
                    ChannelKind::Domain,
                    "tokenpocket.pro",
                    "pages: https://tokenpocket.pro/"
                )
            ),
            Err(EditError::Duplicate { .. })
        ));
        assert_eq!(
            add_channel(
                &mut data,
                "acme",
                NewChannel::new(ChannelKind::Domain, "x.example", " ")
            ),
            Err(EditError::NoSource)
        );
        remove_channel(&mut data, "acme", ChannelKind::Domain, "acme.example").unwrap();
        remove_brand(&mut data, "acme").unwrap();
        assert_eq!(
            remove_brand(&mut data, "acme"),
            Err(EditError::NoBrand("acme".into()))
        );
    }
}
