//! A wallet app's chat screen: every message is checked before it is shown.
//!
//! Each link, handle, phone number and e-mail address in a message gets a numbered mark in
//! the text and a line under it: a warning for an impersonation, with the brand's real
//! channels instead; "official" for a brand's own channel; "unverified" for everything else.
//! Nothing is ever called "safe": the registry can only vouch for the channels it lists.
//!
//! `cargo run --example wallet_guard` shows three sample messages;
//! `cargo run --example wallet_guard -- "TP钱包客服热线 400-888-2345"` checks your own.

use contactguard::registry::ChannelKind;
use contactguard::{Checker, ScanItem, Status, Verdict};

/// What the chat screen does with one contact.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Decision {
    /// A brand's own channel: shown with the brand's name.
    Official,
    /// It imitates a brand: marked, not tappable, with the real channels instead.
    Warn,
    /// Nothing known about it: shown as unverified.
    Unverified,
}

/// The decision for one contact of a message.
pub fn decide(item: &ScanItem) -> Decision {
    match item.verdict.status {
        Status::Official => Decision::Official,
        Status::Impersonation => Decision::Warn,
        _ => Decision::Unverified,
    }
}

/// The message as the chat screen shows it: the text with a mark after each contact
/// (`⚠1`, `✓2`, `?3`), then one line per contact.
pub fn render(checker: &Checker, message: &str) -> String {
    let report = checker.scan(message);
    let mut shown = String::new();
    let mut notes = String::new();
    let mut at = 0;
    for (n, item) in report.items.iter().enumerate() {
        let n = n + 1;
        // Spans are byte ranges on character boundaries; `get` keeps this panic-free anyway.
        shown += message.get(at..item.span.end).unwrap_or_default();
        at = item.span.end.max(at);
        let decision = decide(item);
        let mark = match decision {
            Decision::Official => "✓",
            Decision::Warn => "⚠",
            Decision::Unverified => "?",
        };
        shown += &format!(" {mark}{n}");
        notes += &format!(
            "  {mark}{n} {}: {}\n",
            item.text,
            explain(&item.verdict, decision)
        );
        if decision == Decision::Warn {
            if let Some(brand) = &item.verdict.brand {
                notes += &format!(
                    "      reach {} only through: {}\n",
                    brand.name,
                    channels(&item.verdict)
                );
            }
        }
    }
    shown += message.get(at..).unwrap_or_default();
    if let Some(error) = &report.error {
        notes += &format!("  not checked: {error}\n");
    }
    format!("│ {shown}\n{notes}")
}

/// One line on a contact, in the app's words.
fn explain(verdict: &Verdict, decision: Decision) -> String {
    let brand = verdict
        .brand
        .as_ref()
        .map_or("a brand", |b| b.name.as_str());
    match decision {
        Decision::Official => {
            // The channel matched: a bare `@name` names no platform, its match does.
            let matched = verdict.findings.first().and_then(|f| f.target.as_ref());
            let kind = matched.map(|t| t.kind).or(verdict.channel_kind());
            format!("official {brand} {}", kind.map_or("channel", kind_name))
        }
        Decision::Warn => {
            let why = verdict.findings.first().map_or("", |f| f.message.as_str());
            format!("WARNING, not {brand}: {why}. Do not call, pay or share your seed phrase.")
        }
        Decision::Unverified => {
            "unverified: not in the registry, nobody can vouch for it".to_owned()
        }
    }
}

/// The brand's real channels for this contact, the first three.
fn channels(verdict: &Verdict) -> String {
    let all = &verdict.official_channels;
    let first: Vec<&str> = all.iter().take(3).map(|c| c.value.as_str()).collect();
    match all.len().saturating_sub(first.len()) {
        0 => first.join(", "),
        more => format!("{} (+{more} more)", first.join(", ")),
    }
}

fn kind_name(kind: ChannelKind) -> &'static str {
    match kind {
        ChannelKind::Domain => "website",
        ChannelKind::Phone => "phone number",
        ChannelKind::Email => "e-mail address",
        ChannelKind::X => "X account",
        ChannelKind::Telegram => "Telegram account",
        _ => "account",
    }
}

/// Three messages as a wallet user might receive them.
pub const SAMPLES: &[&str] = &[
    "Hi, this is TokenPocket support. Your wallet is locked: call our hotline 400-888-2345 \
     or verify at https://tokenp0cket.pro/verify. Telegram: @TokenPocket_Support. \
     Official site: https://tokenpocket.pro",
    "Lunch at 12:30? The menu is at https://bakery-menu.net/today, or call me on +44 20 7946 0958",
    "MetaMask's help centre is https://support.metamask.io and their X is @MetaMask",
];

fn main() -> Result<(), contactguard::Error> {
    let checker = Checker::builtin()?;
    let own: Vec<String> = std::env::args().skip(1).collect();
    let messages: Vec<&str> = if own.is_empty() {
        SAMPLES.to_vec()
    } else {
        own.iter().map(String::as_str).collect()
    };
    for message in messages {
        println!("{}", render(&checker, message));
    }
    Ok(())
}
