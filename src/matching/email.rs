//! The matching ladder for e-mail addresses:
//!
//! 1. the canonical mailbox is listed, or its domain is a `*@domain` channel → official;
//! 2. an unlisted mailbox at a brand's official domain → official (`official_subdomain`):
//!    only the brand can receive mail there;
//! 3. the domain imitates a brand domain → the domain's findings;
//! 4. a brand name as the mailbox name (`tokenpocket.service@gmail.com`) → `brand_mention`.

use crate::input::email::Email;
use crate::input::url::LinkHost;
use crate::matching::domain::{self, brand_with_words, channel_ref};
use crate::matching::index::{ChannelLoc, Index, Strength};
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
        let brand = &registry.brands()[loc.brand];
        let target = brand
            .channels
            .iter()
            .position(|c| c.kind == ChannelKind::Email)
            .map_or(loc, |channel| ChannelLoc {
                brand: loc.brand,
                channel,
            });
        out.findings.push(Finding::new(
            Technique::BrandMention,
            Some(channel_ref(registry, target)),
            Detail::Mailbox {
                local: email.local().to_owned(),
                domain: domain.to_owned(),
                free_provider: email.is_free_provider(),
            },
        ));
    }
    // Keep the domain's own warnings (a shortener cannot be a mail domain, but a mixed-script
    // label can).
    out.findings.extend(judged.findings);
    if let LinkHost::Ip(_) = email.domain_link().host() {
        out.findings.clear();
    }
    out
}

/// The brand whose name stands in a mailbox name, as a word of its own or with keywords.
fn brand_in_mailbox(index: &Index, local: &str) -> Option<ChannelLoc> {
    let local = local.split('+').next().unwrap_or(local);
    if let Some(hit) = brand_with_words(index, local) {
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
