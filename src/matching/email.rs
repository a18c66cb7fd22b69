//! The matching ladder for e-mail addresses:
//!
//! 1. the canonical mailbox is listed, or its domain is a `*@domain` channel → official;
//! 2. an unlisted mailbox at a brand's official domain → official (`official_subdomain`):
//!    only the brand can receive mail there;
//! 3. the domain imitates a brand domain → the domain's findings;
//! 4. a brand name as the mailbox name (`tokenpocket.service@gmail.com`) → `brand_mention`.

use crate::input::email::Email;
use crate::input::url::LinkHost;
use crate::matching::domain;
use crate::matching::index::{ChannelLoc, Index, Strength};
use crate::matching::toolkit::{brand_with_words, channel_ref};
use crate::matching::Outcome;
use crate::normalize::visual_key;
use crate::registry::{ChannelKind, Registry};
use crate::verdict::{Detail, Finding, Technique};

pub(crate) fn judge(index: &Index, registry: &Registry, email: &Email) -> Outcome {
    let mut out = Outcome::default();
    if let Some(&loc) = index.mailboxes.get(email.canonical()) {
        out.official = Some((loc, true));
        return out;
    }
    let domain = email.domain();
    if let Some((_, loc)) = index.mail_domains.iter().find(|(d, _)| d == domain) {
        out.official = Some((*loc, true));
        return out;
    }
    let judged = domain::judge(index, registry, email.domain_link());
    if let Some((loc, _)) = judged.official {
        out.official = Some((loc, false));
        return out;
    }
    if judged.imitates() {
        return judged;
    }
    if let Some(loc) = brand_in_mailbox(index, email.local()) {
        out.findings.push(Finding::new(
            Technique::BrandMention,
            Some(channel_ref(registry, brand_email(registry, loc))),
            Detail::Mailbox {
                local: email.local().to_owned(),
                domain: domain.to_owned(),
                free_provider: email.is_free_provider(),
            },
        ));
    }
    // A display name that shows a brand, in front of a mailbox that is not the brand's.
    if out.findings.is_empty() {
        if let Some(name) = email.display_name() {
            if let Some(loc) =
                brand_in_mailbox(index, name).or_else(|| domain::distinctive_key_in(index, name))
            {
                out.findings.push(Finding::new(
                    Technique::BrandMention,
                    Some(channel_ref(registry, brand_email(registry, loc))),
                    Detail::DisplayName {
                        name: name.to_owned(),
                        mailbox: email.canonical().to_owned(),
                    },
                ));
            }
        }
    }
    // Keep the domain's own warnings (a shortener cannot be a mail domain, but a mixed-script
    // label can).
    out.findings.extend(judged.findings);
    if let LinkHost::Ip(_) = email.domain_link().host() {
        out.findings.clear();
    }
    out
}

/// The brand's first e-mail channel, else the channel at `loc`.
fn brand_email(registry: &Registry, loc: ChannelLoc) -> ChannelLoc {
    registry.brands()[loc.brand]
        .channels
        .iter()
        .position(|c| c.former.is_none() && c.kind == ChannelKind::Email)
        .map_or(loc, |channel| ChannelLoc {
            brand: loc.brand,
            channel,
        })
}

/// The brand whose name stands in a mailbox name, as a word of its own or with keywords, or
/// whose domain stands in it (`"service@token.im#"@evil.example`).
fn brand_in_mailbox(index: &Index, local: &str) -> Option<ChannelLoc> {
    if let Some(loc) = domain::official_domain_in(index, &local.to_lowercase()) {
        return Some(loc);
    }
    let local = local.split('+').next().unwrap_or(local);
    if let Some(hit) = brand_with_words(index, local, None) {
        return Some(hit.key.target);
    }
    let vk = visual_key(local);
    index
        .by_visual
        .get(&vk)?
        .iter()
        .map(|&k| &index.keys[k])
        .find(|k| k.strength == Strength::Distinctive)
        .map(|k| k.target)
}
