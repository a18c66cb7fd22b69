//! Review before signing: every channel a new version adds is run through the checker over the
//! registry contactguard ships, so a lookalike added by mistake (`tokenp0cket.pro`) or another
//! brand's official channel filed under the wrong brand is flagged before anything is signed.

use std::collections::HashSet;

use contactguard::input::handle::Platform;
use contactguard::registry::{ChannelKind, RegistryData};
use contactguard::{CheckOptions, Checker, Kind, Status};

/// The channels `new` adds to `old` (every channel of a first version) that the shipped
/// registry judges an impersonation, or official for another brand; one line each.
pub fn flagged(old: Option<&RegistryData>, new: &RegistryData) -> Vec<String> {
    let Ok(checker) = Checker::builtin() else {
        return Vec::new();
    };
    let before: HashSet<(String, ChannelKind, String)> = old
        .map(|o| {
            o.brands
                .iter()
                .flat_map(|b| {
                    b.channels
                        .iter()
                        .map(move |c| (b.id.clone(), c.kind, c.value.to_lowercase()))
                })
                .collect()
        })
        .unwrap_or_default();
    let mut out = Vec::new();
    for brand in &new.brands {
        for c in &brand.channels {
            if c.former.is_some()
                || before.contains(&(brand.id.clone(), c.kind, c.value.to_lowercase()))
            {
                continue;
            }
            let options = match c.kind {
                ChannelKind::Domain => CheckOptions::default().kind(Kind::Domain),
                ChannelKind::Phone => CheckOptions::default().kind(Kind::Phone),
                ChannelKind::Email => CheckOptions::default().kind(Kind::Email),
                kind => match Platform::of_kind(kind) {
                    Some(p) => CheckOptions::default().platform(p),
                    None => continue,
                },
            };
            let v = checker.check_with(&c.value, &options);
            let owner = v.brand.as_ref().map(|b| (b.id.as_str(), b.name.as_str()));
            let why = match (v.status, owner) {
                (Status::Impersonation, Some((_, name))) => {
                    let detail = v
                        .findings
                        .first()
                        .map(|f| f.message.as_str())
                        .unwrap_or_default();
                    Some(format!("looks like {name}'s: {detail}"))
                }
                (Status::Official, Some((id, name))) if id != brand.id => {
                    Some(format!("is {name}'s own channel, not {}'s", brand.id))
                }
                _ => None,
            };
            if let Some(why) = why {
                out.push(format!("{} {} '{}' {why}", brand.id, c.kind, c.value));
            }
        }
    }
    out
}
