//! The lookup structures built once per registry.
//!
//! - `hosts`: every official domain or host, for exact and in-scope matches;
//! - `keys`: the brand keys that lookalikes are measured against: the registrable label of
//!   every brand-owned domain (`tokenpocket` from `tokenpocket.pro`) and every Latin-script
//!   brand name without spaces (`tpwallet` from "TP Wallet"), each with its visual key and a
//!   [`Strength`] that decides which rungs of the ladder may use it;
//! - `by_visual`: keys by visual key, for homoglyph matches in one lookup;
//! - `domains`: the brand-owned registrable domains, to find them embedded in subdomains,
//!   paths and user information.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

use crate::input::email;
use crate::input::handle::{self, Form, Platform};
use crate::input::phone::Phone;
use crate::input::url::DomainName;
use crate::normalize::{plain, visual_key};
use crate::registry::{ChannelKind, Registry, Scope};

use super::deletions::DeletionIndex;
use super::domain::typo_budget;

/// Where a channel is in the registry: brand index and channel index.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub(crate) struct ChannelLoc {
    pub brand: usize,
    pub channel: usize,
}

/// How freely a brand key may be matched.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Strength {
    /// Five or more characters and not an ordinary word: every rung.
    Distinctive,
    /// Under five characters (`okx`): lookalikes of the whole label, and combinations with
    /// crypto keywords only.
    Short,
    /// An ordinary word the registry lists in `common_words` (`ledger`, `trust`): as
    /// [`Strength::Short`].
    Common,
}

/// Where a brand key comes from.
#[derive(Clone, Debug, Eq, PartialEq)]
pub(crate) enum Origin {
    /// The registrable label of an official domain, with that domain's suffix.
    Domain { suffix: String },
    /// A brand name.
    Name { name: String },
}

/// One brand key.
#[derive(Clone, Debug)]
pub(crate) struct BrandKey {
    /// The label as a host holds it (`tokenpocket`, `tpwallet`, `xn--tp-…` for `tp钱包`).
    pub label: String,
    /// The label as a person reads it (`tp钱包`).
    pub shown: String,
    /// Its visual key.
    pub visual: String,
    /// Characters in `label`: the typo budget and Chromium's filters go by the length a
    /// person reads, not the expanded key.
    pub len: usize,
    pub strength: Strength,
    pub origin: Origin,
    /// The channel a match targets (for names: the brand's first domain).
    pub target: ChannelLoc,
}

/// An official handle.
#[derive(Clone, Debug)]
pub(crate) struct HandleEntry {
    pub platform: Platform,
    /// As in the registry.
    pub name: String,
    /// `handle::key` of it.
    pub key: String,
    /// Visual key of the name.
    pub visual: String,
    pub form: Form,
    pub loc: ChannelLoc,
}

/// An official phone number, split for lookalike checks.
#[derive(Clone, Debug)]
pub(crate) struct PhoneEntry {
    pub key: String,
    pub country_code: u16,
    pub national: String,
    pub loc: ChannelLoc,
}

/// A brand name as it may appear in text that claims a contact for the brand.
#[derive(Clone, Debug)]
pub(crate) struct ClaimName {
    /// Lowercase, without spaces or separators.
    pub text: String,
    pub brand: usize,
    /// An ordinary word: a claim only next to a support word.
    pub common: bool,
}

/// The index over one registry.
#[derive(Debug, Default)]
pub(crate) struct Index {
    /// Official hosts, each with how far it reaches.
    pub hosts: HashMap<String, (ChannelLoc, Scope)>,
    pub keys: Vec<BrandKey>,
    pub by_visual: HashMap<String, Vec<usize>>,
    pub domains: Vec<(String, ChannelLoc)>,
    pub keywords: Vec<String>,
    pub handles: Vec<HandleEntry>,
    /// Canonical mailbox → channel.
    pub mailboxes: HashMap<String, ChannelLoc>,
    /// `*@domain` channels.
    pub mail_domains: Vec<(String, ChannelLoc)>,
    /// Official numbers; parsed on the first phone check so that the phone metadata never
    /// loads for other kinds.
    pub phones: OnceLock<Vec<PhoneEntry>>,
    pub claim_names: Vec<ClaimName>,
    /// Phone channel values, to parse lazily.
    phone_values: Vec<(String, ChannelLoc)>,
    /// Distinctive keys by their deletion variants, for near misses in time independent of
    /// the number of brands.
    pub typos: DeletionIndex,
    /// One automaton over the visual keys of distinctive keys, for brands inside names;
    /// pattern `i` is key `distinct[i]`.
    pub distinct_ac: Option<AhoCorasick>,
    pub distinct: Vec<usize>,
    /// Keys that are not distinctive (short, ordinary words).
    pub weak: Vec<usize>,
    /// One automaton over `.domain.`, `domain-with-dashes` and `domain` of every brand domain,
    /// for domains inside subdomains, paths and user information; pattern `i` is
    /// `domains[i / 3]`, of form `i % 3`.
    pub domain_ac: Option<AhoCorasick>,
    /// Official handles by `handle::key`.
    pub handle_keys: HashMap<String, Vec<u32>>,
    /// Official handles by platform and lowercase name.
    pub handle_lower: HashMap<(Platform, String), u32>,
    /// Name-form handles by lowercase name with `-` read as `.` (a name official on one
    /// platform, reused on another).
    pub handle_names: HashMap<String, Vec<u32>>,
    /// Official handles by visual key.
    pub handle_visual: HashMap<String, Vec<u32>>,
    /// One automaton over the visual keys of name-form handles of four or more characters;
    /// pattern `i` is handle `handle_affixable[i]`.
    pub handle_ac: Option<AhoCorasick>,
    pub handle_affixable: Vec<u32>,
    /// Name-form handles of five or more characters by deletion variants.
    pub handle_typos: DeletionIndex,
    /// Registrable domains already in `domains`, and keys already pushed.
    seen_domains: HashSet<String>,
    seen_keys: HashSet<(usize, String, String)>,
}

/// The shortest key that typo and substring matches may use.
pub(crate) const MIN_DISTINCTIVE_LEN: usize = 5;

/// Words that, added to a brand name, make a typical phishing or fake-support domain
/// (`ledger-wallet`, `phantom-support`). Combinations of ordinary-word brands count only
/// with these.
pub(crate) const KEYWORDS: &[&str] = &[
    "account",
    "airdrop",
    "app",
    "apps",
    "auth",
    "bonus",
    "care",
    "chat",
    "claim",
    "cn",
    "com",
    "connect",
    "contact",
    "customer",
    "dapp",
    "defi",
    "desk",
    "download",
    "extension",
    "fix",
    "global",
    "help",
    "helpdesk",
    "hk",
    "io",
    "kefu",
    "live",
    "login",
    "net",
    "nft",
    "official",
    "online",
    "org",
    "pro",
    "recover",
    "recovery",
    "restore",
    "reward",
    "rewards",
    "secure",
    "security",
    "service",
    "signin",
    "staff",
    "support",
    "swap",
    "sync",
    "team",
    "token",
    "unlock",
    "update",
    "validate",
    "verify",
    "vip",
    "wallet",
    "wallets",
    "web",
    "web3",
    // Affixes of fake support handles.
    "admin",
    "agent",
    "bot",
    "cs",
    "helper",
    "hq",
    "mod",
    "real",
    // The words of Chinese fake-support sites: customer service, official (site), download,
    // wallet, human agent, phone, hotline, online.
    "客服",
    "官网",
    "官方",
    "下载",
    "钱包",
    "人工",
    "电话",
    "热线",
    "在线",
];

impl Index {
    /// Builds the index. Channels whose value does not parse are skipped (lint reports them).
    pub fn build(registry: &Registry) -> Index {
        let mut index = Index {
            keywords: KEYWORDS.iter().map(|k| visual_key(k)).collect(),
            ..Index::default()
        };
        for (b, brand) in registry.brands().iter().enumerate() {
            // Pages and profiles of the brand's own accounts on shared hosts are theirs.
            for (c, channel) in brand.channels.iter().enumerate() {
                let loc = ChannelLoc {
                    brand: b,
                    channel: c,
                };
                let name = channel.value.trim().to_ascii_lowercase();
                let host = match channel.kind {
                    ChannelKind::Github => format!("{name}.github.io"),
                    ChannelKind::Medium => format!("{}.medium.com", name.replace('.', "-")),
                    _ => continue,
                };
                // A page host derived from an account is that host only: the platform, not
                // the brand, decides who gets the names below it.
                index.hosts.entry(host).or_insert((loc, Scope::Host));
            }
            for (c, channel) in brand.channels.iter().enumerate() {
                let loc = ChannelLoc {
                    brand: b,
                    channel: c,
                };
                let value = channel.value.trim();
                if let Some(platform) = Platform::of_kind(channel.kind) {
                    let form = handle::registry_form(platform, value);
                    let name = value.trim_start_matches('@').to_owned();
                    index.handles.push(HandleEntry {
                        platform,
                        key: handle::key(platform, &name, form),
                        visual: visual_key(&name),
                        name,
                        form,
                        loc,
                    });
                } else if channel.kind == ChannelKind::Email {
                    match value.strip_prefix("*@") {
                        Some(domain) => index.mail_domains.push((domain.to_ascii_lowercase(), loc)),
                        None => {
                            if let Some((local, domain)) = value.rsplit_once('@') {
                                index
                                    .mailboxes
                                    .entry(email::canonical(local, &domain.to_ascii_lowercase()))
                                    .or_insert(loc);
                            }
                        }
                    }
                } else if channel.kind == ChannelKind::Phone {
                    index.phone_values.push((value.to_owned(), loc));
                }
            }
            for name in &brand.names {
                let text = plain(name);
                if text.chars().count() >= 2 {
                    let common = brand.common_words.contains(&text);
                    index.claim_names.push(ClaimName {
                        text,
                        brand: b,
                        common,
                    });
                }
            }
            let common: Vec<String> = brand.common_words.iter().map(|w| visual_key(w)).collect();
            let strength = |visual: &str| {
                if common.iter().any(|c| c == visual) {
                    Strength::Common
                } else if visual.chars().count() < MIN_DISTINCTIVE_LEN {
                    Strength::Short
                } else {
                    Strength::Distinctive
                }
            };
            let mut first_domain = None;
            for (c, channel) in brand.channels.iter().enumerate() {
                if channel.kind != ChannelKind::Domain {
                    continue;
                }
                let loc = ChannelLoc {
                    brand: b,
                    channel: c,
                };
                let host = channel
                    .value
                    .trim()
                    .trim_end_matches('.')
                    .to_ascii_lowercase();
                if host.is_empty() {
                    continue;
                }
                first_domain.get_or_insert(loc);
                index
                    .hosts
                    .entry(host.clone())
                    .or_insert((loc, channel.scope()));
                let name = DomainName::from_ascii(&host);
                let owned = channel.scope() == Scope::Subdomains
                    || name.registrable() == Some(host.as_str());
                let (Some(registrable), Some(label), true) =
                    (name.registrable(), name.label(), owned)
                else {
                    continue;
                };
                if index.seen_domains.insert(registrable.to_owned()) {
                    index.domains.push((registrable.to_owned(), loc));
                }
                let visual = visual_key(label);
                let (shown, _) = idna::domain_to_unicode(label);
                index.push_key(BrandKey {
                    len: shown.chars().count(),
                    shown,
                    label: label.to_owned(),
                    strength: strength(&visual),
                    visual,
                    origin: Origin::Domain {
                        suffix: name.suffix().to_owned(),
                    },
                    target: loc,
                });
            }
            let Some(target) = first_domain else { continue };
            for name in &brand.names {
                // The name as a domain label would write it: no spaces or separators.
                let shown = plain(name);
                let Ok(label) = idna::domain_to_ascii(&shown) else {
                    continue;
                };
                if label.is_empty()
                    || label.contains('.')
                    || index
                        .keys
                        .iter()
                        .any(|k| k.target.brand == b && k.label == label)
                {
                    continue;
                }
                let visual = visual_key(&shown);
                index.push_key(BrandKey {
                    len: shown.chars().count(),
                    shown,
                    label,
                    strength: strength(&visual),
                    visual,
                    origin: Origin::Name { name: name.clone() },
                    target,
                });
            }
        }
        index.finish();
        index
    }

    /// Builds the automata and the deletion index once every key is in.
    fn finish(&mut self) {
        for (i, e) in self.handles.iter().enumerate() {
            let id = i as u32;
            self.handle_keys.entry(e.key.clone()).or_default().push(id);
            self.handle_lower
                .entry((e.platform, e.name.to_lowercase()))
                .or_insert(id);
            self.handle_visual
                .entry(e.visual.clone())
                .or_default()
                .push(id);
            if e.form == Form::Name {
                self.handle_names
                    .entry(e.name.to_lowercase().replace('-', "."))
                    .or_default()
                    .push(id);
                if e.visual.chars().count() >= 4 {
                    self.handle_affixable.push(id);
                }
                let len = e.name.chars().count();
                if len >= 5 {
                    self.handle_typos.insert(&e.visual, id, typo_budget(len));
                }
            }
        }
        self.handle_typos.finish();
        let patterns: Vec<&str> = self
            .handle_affixable
            .iter()
            .map(|&i| self.handles[i as usize].visual.as_str())
            .collect();
        self.handle_ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        for (k, key) in self.keys.iter().enumerate() {
            if key.strength == Strength::Distinctive {
                self.distinct.push(k);
                self.typos
                    .insert(&key.visual, k as u32, typo_budget(key.len));
            } else {
                self.weak.push(k);
            }
        }
        self.typos.finish();
        let patterns: Vec<&str> = self
            .distinct
            .iter()
            .map(|&k| self.keys[k].visual.as_str())
            .collect();
        self.distinct_ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        let domain_patterns: Vec<String> = self
            .domains
            .iter()
            .flat_map(|(d, _)| [format!(".{d}."), d.replace('.', "-"), d.clone()])
            .collect();
        self.domain_ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&domain_patterns)
            .ok();
    }

    fn push_key(&mut self, key: BrandKey) {
        let origin = match &key.origin {
            Origin::Domain { suffix } => format!("d:{suffix}"),
            Origin::Name { name } => format!("n:{name}"),
        };
        if !self
            .seen_keys
            .insert((key.target.brand, key.label.clone(), origin))
        {
            return;
        }
        self.by_visual
            .entry(key.visual.clone())
            .or_default()
            .push(self.keys.len());
        self.keys.push(key);
    }

    /// The official numbers, parsed on first use.
    pub fn phones(&self) -> &[PhoneEntry] {
        self.phones.get_or_init(|| {
            self.phone_values
                .iter()
                .filter_map(|(value, loc)| {
                    let p = Phone::parse(value, "US").ok()?;
                    Some(PhoneEntry {
                        key: p.key().to_owned(),
                        country_code: p.country_code(),
                        national: p.national().to_owned(),
                        loc: *loc,
                    })
                })
                .collect()
        })
    }

    /// The brand that `text` presents a contact as belonging to ("TP钱包客服", "MetaMask
    /// support"): the longest brand name in it. Names that are ordinary words ("Trust",
    /// "Ledger") count only next to a support word.
    pub fn claimed_brand(&self, text: &str) -> Option<usize> {
        const SUPPORT: &[&str] = &[
            "support", "hotline", "service", "help", "customer", "helpline", "contact", "call",
            "客服", "热线", "熱線", "电话", "電話", "人工", "官方", "官网", "联系",
        ];
        let folded = plain(text);
        let supportive = SUPPORT.iter().any(|w| folded.contains(w));
        self.claim_names
            .iter()
            .filter(|n| folded.contains(n.text.as_str()) && (!n.common || supportive))
            .max_by_key(|n| n.text.len())
            .map(|n| n.brand)
    }

    /// Whether `tail` (the letters glued to the end of a brand name) is an English inflection
    /// that makes another word of it (`bitkeeper`, `ledgers`): then the name is not standing
    /// as a word of its own.
    pub fn is_word_ending(tail: &str) -> bool {
        const ENDINGS: &[&str] = &[
            "s", "es", "er", "ers", "ed", "ing", "ings", "y", "ly", "ish", "ism", "ist", "ists",
            "ian", "ness", "ment",
        ];
        ENDINGS.contains(&tail)
    }

    /// The official channel whose scope covers `host`, and whether it is the channel itself.
    pub fn official_host(&self, host: &str) -> Option<(ChannelLoc, bool)> {
        let bare = host.strip_prefix("www.").unwrap_or(host);
        if let Some(&(loc, _)) = self.hosts.get(bare) {
            return Some((loc, true));
        }
        let mut rest = bare;
        while let Some((_, parent)) = rest.split_once('.') {
            if let Some(&(loc, Scope::Subdomains)) = self.hosts.get(parent) {
                return Some((loc, false));
            }
            rest = parent;
        }
        None
    }

    /// Whether `visual` is made only of crypto keywords (`walletapp`, `support`).
    pub fn is_keywords(&self, visual: &str) -> bool {
        if visual.is_empty() {
            return false;
        }
        // reachable[i]: visual[..i] splits into keywords.
        let mut reachable = vec![false; visual.len() + 1];
        reachable[0] = true;
        for i in 0..visual.len() {
            if !reachable[i] || !visual.is_char_boundary(i) {
                continue;
            }
            for k in &self.keywords {
                if visual[i..].starts_with(k.as_str()) {
                    reachable[i + k.len()] = true;
                }
            }
        }
        reachable[visual.len()]
    }
}
