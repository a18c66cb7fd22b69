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

use foldhash::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::OnceLock;

use crate::input::email;
use crate::input::handle::{self, Form, Platform};
use crate::input::phone::Phone;
use crate::input::url::{DomainName, SuffixKind};
use crate::normalize::visual::typed_key;
use crate::normalize::{plain, visual_key};
use crate::registry::{ChannelKind, Registry, Role, Scope};

use super::deletions::DeletionIndex;
use super::toolkit::typo_budget;

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
pub(crate) enum KeySource {
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
    /// Its typed key (one character a letter: near misses are measured on it).
    pub typed: String,
    /// Characters in the typed key: the typo budget goes by the length a person reads, not
    /// the expanded visual key.
    pub len: usize,
    /// The typed key without the generic words after the name ([`GENERIC_AFFIXES`]).
    pub core: String,
    /// The endings of the generic words after the name, longest first (`globalwallet`,
    /// `wallet` for `tpglobalwallet`).
    pub affix_tails: Vec<String>,
    pub strength: Strength,
    pub origin: KeySource,
    /// The channel a match targets (for names: the brand's first domain).
    pub target: ChannelLoc,
    /// A domain label that is an ordinary word of the trade (`crypto` of crypto.com), which
    /// thousands of honest domains are made of: its near misses and other endings are flagged
    /// only under the brand's own ending.
    pub trade_word: bool,
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

/// An automaton over `patterns`, every match reported. A contiguous NFA: building DFAs was
/// the largest part of the index build in a profile of a one-off check, and the names and
/// links searched here are a few dozen bytes long.
fn automaton<P: AsRef<[u8]>>(patterns: &[P]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
        .ok()
}

/// The index over one registry.
#[derive(Debug, Default)]
pub(crate) struct Index {
    /// Official hosts, each with how far it reaches.
    pub hosts: HashMap<String, (ChannelLoc, Scope)>,
    /// Known legitimate lookalikes: registrable domain → (brand, index in its `lookalikes`).
    pub lookalikes: HashMap<String, (usize, usize)>,
    pub keys: Vec<BrandKey>,
    pub by_visual: HashMap<String, Vec<usize>>,
    pub domains: Vec<(String, ChannelLoc)>,
    /// The typed key of every brand-owned registrable domain, its dots dropped (`tokenim` for
    /// `token.im`): a label written so is that domain.
    pub dotless: HashMap<String, ChannelLoc>,
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
    /// One automaton over the visual keys of the weak keys; pattern `i` is key `weak[i]`.
    pub weak_ac: Option<AhoCorasick>,
    /// One automaton over `.domain.`, `domain-with-dashes` and `domain` of every brand domain,
    /// for domains inside subdomains, paths and user information; pattern `i` is
    /// `domains[i / 3]`, of form `i % 3`.
    pub domain_ac: Option<AhoCorasick>,
    /// Official handles by `handle::key`.
    pub handle_keys: HashMap<String, Vec<u32>>,
    /// Channels the brands no longer use, by `kind:value` in the form their kind compares
    /// (`domain:tpglobalwallet.net`, `discord:NKPM8TXFQk`, `x:trustwalletapp`).
    pub former: HashMap<String, ChannelLoc>,
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

/// Generic words brands put after their name (`tpwallet`, `ledgerlive`, `okxwallet`): a near
/// miss of such a key that keeps the word must be a near miss of the name before it.
const GENERIC_AFFIXES: &[&str] = &[
    "wallets", "wallet", "apps", "app", "live", "labs", "global", "exchange", "official", "static",
    "tools", "tool",
];

/// Top-level domains that are ordinary words' homes everywhere: the brand's own ending under
/// them is no stronger a sign than any other.
const MASS_SUFFIXES: &[&str] = &["com", "net", "org"];

/// Two-letter endings that Google's search treats as generic rather than as a country
/// ("Domains that are treated as generic", Google Search Central): names under them are not
/// local words of one country.
const GENERIC_CCTLDS: &[&str] = &[
    "ad", "as", "bz", "cc", "cd", "co", "dj", "fm", "io", "la", "me", "ms", "nu", "sc", "sr", "su",
    "tk", "tv", "ws",
];

/// Two-letter endings read as generic besides [`GENERIC_CCTLDS`]: the ones given away free
/// of charge to anyone (Freenom's `cf`, `ga`, `gq`, `ml`) and the ones registered as a
/// mistyped `com` (`cm`, `om`).
const FREE_OR_MISTYPED_CCTLDS: &[&str] = &["cf", "cm", "ga", "gq", "ml", "om"];

/// The ending a name stands under: its public suffix, and whether that is a country's own
/// (an ICANN suffix ending in a country code that is not read as generic): an ordinary word
/// under a country's ending is most likely that country's word (`tresor.fr`, `leger.co.uk`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ending<'a> {
    pub suffix: &'a str,
    pub country: bool,
}

impl<'a> Ending<'a> {
    /// The ending of `d`.
    pub fn of(d: &'a DomainName) -> Ending<'a> {
        let suffix = d.suffix();
        let tld = suffix.rsplit('.').next().unwrap_or(suffix);
        let country = d.suffix_kind() == SuffixKind::Icann
            && tld.len() == 2
            && tld.is_ascii()
            && !GENERIC_CCTLDS.contains(&tld)
            && !FREE_OR_MISTYPED_CCTLDS.contains(&tld);
        Ending { suffix, country }
    }
}

/// The name part of a typed key and the generic words after it (`tp`, `wallet` for
/// `tpwallet`; `tp`, `globalwallet` for `tpglobalwallet`); the whole key and `""` for a key
/// without one.
fn split_affix(typed: &str) -> (String, String) {
    let mut core = typed;
    while let Some(rest) = GENERIC_AFFIXES
        .iter()
        .find_map(|a| core.strip_suffix(a).filter(|r| !r.is_empty()))
    {
        core = rest;
    }
    (core.to_owned(), typed[core.len()..].to_owned())
}

impl BrandKey {
    /// Makes a key of `typed` (its typed key) with everything derived from it.
    #[allow(clippy::too_many_arguments)]
    fn new(
        label: String,
        shown: String,
        visual: String,
        typed: String,
        strength: Strength,
        origin: KeySource,
        target: ChannelLoc,
    ) -> BrandKey {
        let (core, affix) = split_affix(&typed);
        let mut affix_tails = Vec::new();
        let mut tail = affix.as_str();
        while !tail.is_empty() {
            affix_tails.push(tail.to_owned());
            let Some(word) = GENERIC_AFFIXES.iter().find(|a| tail.starts_with(**a)) else {
                break;
            };
            tail = &tail[word.len()..];
        }
        BrandKey {
            len: typed.chars().count(),
            core,
            affix_tails,
            typed,
            label,
            shown,
            visual,
            strength,
            origin,
            target,
            trade_word: false,
        }
    }

    /// Whether near misses of this key are flagged: distinctive keys, and ordinary-word domain
    /// labels of six letters or more (`ledger`, `exodus`; a near miss that is itself a word,
    /// `lodger`, is not). Short keys (`okx`) are too close to too many names; ordinary words
    /// that are only names (`Trust`), or of five letters or fewer (`token`), too common.
    pub fn typo_target(&self) -> bool {
        if self.mixes_scripts() || self.trade_word {
            return false;
        }
        match self.strength {
            Strength::Distinctive => true,
            Strength::Short => false,
            Strength::Common => self.len >= 6 && matches!(self.origin, KeySource::Domain { .. }),
        }
    }

    /// Whether the key joins Latin letters to Chinese characters (`metamask钱包`, `tp钱包`): its
    /// look-alikes are caught (`tp钱包.com`), but a misspelling would be measured against the
    /// Chinese characters (`metamask-io` is two edits from `metamask钱包`), so it is no typo target.
    fn mixes_scripts(&self) -> bool {
        self.shown.chars().any(|c| c.is_ascii_alphabetic())
            && self.shown.chars().any(crate::normalize::is_cjk)
    }

    /// [`BrandKey::typo_target`] for a name under `ending`: an ordinary word is also a target
    /// under the brand's own uncommon ending (`tokem.im` for `token.im`), and never under a
    /// country's ending that is not the brand's (`leger.co.uk`, a word there).
    pub fn typo_target_on(&self, ending: Option<Ending>) -> bool {
        if self.strength != Strength::Common || self.mixes_scripts() {
            return self.typo_target();
        }
        if self.at_home(ending) {
            return true;
        }
        self.typo_target() && !ending.is_some_and(|e| e.country)
    }

    /// Whether this key may be a near-miss target under some ending: the deletion index holds
    /// these.
    pub fn may_be_typo_target(&self) -> bool {
        self.typo_target() || self.home_suffix().is_some()
    }

    /// The brand's own ending of an ordinary-word domain label, when it is not one of the mass
    /// endings (`im` for `token.im`, not `com` for `ledger.com`).
    fn home_suffix(&self) -> Option<&str> {
        match &self.origin {
            KeySource::Domain { suffix }
                if self.strength == Strength::Common
                    && !MASS_SUFFIXES.contains(&suffix.as_str()) =>
            {
                Some(suffix)
            }
            _ => None,
        }
    }

    /// Whether a name under `ending` is under this ordinary-word key's own uncommon ending.
    pub fn at_home(&self, ending: Option<Ending>) -> bool {
        ending.is_some() && self.home_suffix() == ending.map(|e| e.suffix)
    }

    /// The largest distance, in half edits ([`super::distance::lookalike_osa`]), at which a
    /// name is a near miss of this key: one edit up to eight letters, two up to twelve, three
    /// beyond.
    pub fn typo_budget(&self) -> usize {
        2 * match self.len {
            0..=8 => 1,
            9..=12 => 2,
            _ => 3,
        }
    }

    /// Whether this key, glued to or standing beside other words, makes a combosquat:
    /// distinctive keys with any words, short keys and short names before a generic word
    /// (`tpwallet`) with English words, the vocabulary or digits, ordinary-word domain labels
    /// of six letters or more (`ledger`) with the vocabulary or digits only; ordinary words of
    /// five letters or fewer (`token`) and ordinary words that are only names (`Trust`) never,
    /// except under the brand's own uncommon ending (`token-wallet.im`).
    pub fn glue_on(&self, ending: Option<Ending>) -> Option<super::words::Glue> {
        use super::words::Glue;
        match self.strength {
            Strength::Distinctive if self.core.chars().count() < MIN_DISTINCTIVE_LEN => {
                Some(Glue::Words)
            }
            Strength::Distinctive => Some(Glue::Any),
            Strength::Short => Some(Glue::Words),
            Strength::Common if self.at_home(ending) => Some(Glue::Words),
            Strength::Common
                if matches!(self.origin, KeySource::Domain { .. }) && self.len >= 6 =>
            {
                Some(Glue::Vocabulary)
            }
            Strength::Common => None,
        }
    }
}

/// The forms keys are looked up by for near misses: the typed key with each pair of letters a
/// reader confuses written as one of them (`0` → `o`, `1`/`i` → `l`, `e` → `c` …), once as it
/// is and once with the letter groups a reader takes for one letter written as that letter
/// (`rn` → `m`, `vv` → `w`, `cl` → `d`, `lc` → `k`). Two keys within the budget of
/// [`super::distance::lookalike_osa`] are within two plain edits of each other in one of the
/// two forms (a group read where none was meant, `blcckchian`'s `lc`, only spoils the second).
pub(crate) fn retrieval_keys(typed: &str) -> [String; 2] {
    let fold = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                '0' => 'o',
                '1' | 'i' => 'l',
                'e' => 'c',
                'n' | 'r' => 'm',
                'u' => 'v',
                'g' => 'q',
                'b' => 'd',
                '5' => 's',
                '8' => '3',
                '9' => '6',
                other => other,
            })
            .collect()
    };
    let mut grouped = typed.to_owned();
    for (group, single) in [
        ("rn", "m"),
        ("nn", "m"),
        ("rr", "m"),
        ("vv", "w"),
        ("cl", "d"),
        ("dl", "d"),
        ("lc", "k"),
        ("lb", "b"),
        ("lh", "h"),
    ] {
        if grouped.contains(group) {
            grouped = grouped.replace(group, single);
        }
    }
    [fold(typed), fold(&grouped)]
}

/// How a former channel is looked up: `kind:value`, the value in the form its kind compares
/// (handles by their platform key, domains in lowercase without `www.`).
pub(crate) fn former_key(kind: ChannelKind, value: &str) -> String {
    let value = value.trim();
    match Platform::of_kind(kind) {
        Some(p) => handle::key(p, value, handle::registry_form(p, value)),
        None => {
            let lower = value.trim_end_matches('.').to_ascii_lowercase();
            let bare = lower.strip_prefix("www.").unwrap_or(&lower).to_owned();
            format!("{kind}:{bare}")
        }
    }
}

impl Index {
    /// Builds the index. Channels whose value does not parse are skipped (lint reports them).
    pub fn build(registry: &Registry) -> Index {
        let mut index = Index {
            keywords: super::words::vocabulary().map(visual_key).collect(),
            ..Index::default()
        };
        for (b, brand) in registry.brands().iter().enumerate() {
            for (l, lookalike) in brand.lookalikes.iter().enumerate() {
                index
                    .lookalikes
                    .entry(lookalike.domain.trim().to_ascii_lowercase())
                    .or_insert((b, l));
            }
            // Channels the brand no longer uses: remembered, never matched as official.
            for (c, channel) in brand.channels.iter().enumerate() {
                if channel.former.is_none() {
                    continue;
                }
                let loc = ChannelLoc {
                    brand: b,
                    channel: c,
                };
                index
                    .former
                    .insert(former_key(channel.kind, &channel.value), loc);
            }
            // Pages and profiles of the brand's own accounts on shared hosts are theirs.
            for (c, channel) in brand
                .channels
                .iter()
                .enumerate()
                .filter(|(_, c)| c.former.is_none())
            {
                let loc = ChannelLoc {
                    brand: b,
                    channel: c,
                };
                let name = channel.value.trim().to_ascii_lowercase();
                let Some(host) =
                    Platform::of_kind(channel.kind).and_then(|p| p.descriptor().page_host(&name))
                else {
                    continue;
                };
                // A page host derived from an account is that host only: the platform, not
                // the brand, decides who gets the names below it.
                index.hosts.entry(host).or_insert((loc, Scope::Host));
            }
            for (c, channel) in brand
                .channels
                .iter()
                .enumerate()
                .filter(|(_, c)| c.former.is_none())
            {
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
            for name in brand.names.iter().chain(&brand.community_names) {
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
            // Distinctiveness goes by the letters a person reads (`okex` is four, though its
            // visual key `olcex` has five).
            let strength = |typed: &str| {
                if brand.common_words.iter().any(|c| typed_key(c) == typed) {
                    Strength::Common
                } else if typed.chars().count() < MIN_DISTINCTIVE_LEN {
                    Strength::Short
                } else {
                    Strength::Distinctive
                }
            };
            let mut first_domain = None;
            for (c, channel) in brand
                .channels
                .iter()
                .enumerate()
                .filter(|(_, c)| c.former.is_none())
            {
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
                // Only a domain the brand registered is its name: a host on a shared platform
                // (`tphelp.gitbook.io`) is an account there, and scoped to itself.
                let owned = channel.scope() == Scope::Subdomains;
                let (Some(registrable), Some(label), true) =
                    (name.registrable(), name.label(), owned)
                else {
                    continue;
                };
                if index.seen_domains.insert(registrable.to_owned()) {
                    index.domains.push((registrable.to_owned(), loc));
                    index.dotless.insert(typed_key(registrable), loc);
                }
                // Infrastructure the brand owns, and its company's or developers' sites, are
                // official when matched exactly, but nobody is sent there for help: their labels
                // are no template for lookalikes (`tpstatic` would make every `tstatic.net` a
                // fake, `consensys` every `consensu.org`).
                if !channel.role.is_none_or(Role::is_template) {
                    continue;
                }
                let visual = visual_key(label);
                let (shown, _) = idna::domain_to_unicode(label);
                let typed = typed_key(&shown);
                let strength = strength(&typed);
                let trade_word = index.keywords.contains(&visual);
                let mut key = BrandKey::new(
                    label.to_owned(),
                    shown,
                    visual,
                    typed,
                    strength,
                    KeySource::Domain {
                        suffix: name.suffix().to_owned(),
                    },
                    loc,
                );
                key.trade_word = trade_word;
                index.push_key(key);
            }
            let Some(target) = first_domain else { continue };
            for name in &brand.names {
                // The name as a domain label would write it: no spaces or separators.
                let shown = plain(name);
                let Ok(label) = idna::domain_to_ascii(&shown) else {
                    continue;
                };
                // A name that is a domain (`Blockchain.com`) is that domain's key already,
                // unless the domain's label is no template (`Crypto.com`: `cryptocom` is).
                let has_domain_key = index
                    .keys
                    .iter()
                    .any(|k| k.target.brand == b && matches!(k.origin, KeySource::Domain { .. }));
                if label.is_empty()
                    || (name.contains('.') && has_domain_key)
                    || label.contains('.')
                    || index
                        .keys
                        .iter()
                        .any(|k| k.target.brand == b && k.label == label)
                {
                    continue;
                }
                let visual = visual_key(&shown);
                let typed = typed_key(&shown);
                let strength = strength(&typed);
                index.push_key(BrandKey::new(
                    label,
                    shown,
                    visual,
                    typed,
                    strength,
                    KeySource::Name { name: name.clone() },
                    target,
                ));
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
        self.handle_ac = automaton(&patterns);
        for (k, key) in self.keys.iter().enumerate() {
            if key.strength == Strength::Distinctive {
                self.distinct.push(k);
            } else {
                self.weak.push(k);
            }
            if key.may_be_typo_target() {
                // Two deletions for every key: a budget of one edit in half edits lets two
                // confusions through, and `rn` for `m` is two letters for one.
                let [plain, grouped] = retrieval_keys(&key.typed);
                self.typos.insert(&plain, k as u32, 2);
                if grouped != plain {
                    self.typos.insert(&grouped, k as u32, 2);
                }
            }
        }
        self.typos.finish();
        self.distinct_ac = self.visual_automaton(&self.distinct);
        self.weak_ac = self.visual_automaton(&self.weak);
        let domain_patterns: Vec<String> = self
            .domains
            .iter()
            .flat_map(|(d, _)| [format!(".{d}."), d.replace('.', "-"), d.clone()])
            .collect();
        self.domain_ac = automaton(&domain_patterns);
    }

    /// An automaton over the visual keys of `keys` (indices into [`Index::keys`]); pattern
    /// `i` is key `keys[i]`.
    fn visual_automaton(&self, keys: &[usize]) -> Option<AhoCorasick> {
        let patterns: Vec<&str> = keys.iter().map(|&k| self.keys[k].visual.as_str()).collect();
        automaton(&patterns)
    }

    fn push_key(&mut self, key: BrandKey) {
        let origin = match &key.origin {
            KeySource::Domain { suffix } => format!("d:{suffix}"),
            KeySource::Name { name } => format!("n:{name}"),
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
            "er", "ers", "ed", "ing", "ings", "y", "ly", "ish", "ism", "ist", "ists", "ian",
            "ness", "ment",
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

    /// Whether `visual` is made only of words of the vocabulary (`walletapp`, `support`), by
    /// visual key.
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
