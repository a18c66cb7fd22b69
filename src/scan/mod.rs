//! Scanning free text — a chat message, a search-result page, saved HTML — for every contact
//! in it, judged with the brand it is presented as belonging to.
//!
//! The pipeline, one module per step:
//!
//! 1. `html`: HTML becomes text (tags, scripts and styles removed, entities
//!    decoded); link targets become items of their own;
//! 2. `text`: Chinese text is segmented and compatibility forms folded, so that
//!    `官网：https://tokenpocket.pro，客服` yields the link and nothing else, while every byte
//!    still maps back to the input;
//! 3. `extract`: e-mail addresses, links and bare domains, labelled IDs (`微信：…`, `QQ群 …`),
//!    `@handles` and phone numbers;
//! 4. brand names ([`crate::matching`]'s name finder), also spaced out or with look-alike letters;
//! 5. `context`: which brand each contact is claimed for (same sentence or line, or the
//!    heading above), and channels claimed for a brand that has none (`TP钱包客服热线`).
//!
//! ```
//! use contactguard::{Checker, Status, Technique};
//!
//! let checker = Checker::builtin()?;
//! let text = "TP钱包官方客服热线：400-123-4567，官网 https://tokenpocket.pro";
//! let report = checker.scan(text);
//! assert_eq!(report.status, Some(Status::Impersonation));
//! let phone = &report.items[0];
//! assert_eq!(&text[phone.span.clone()], "400-123-4567");
//! assert_eq!(phone.verdict.findings[0].technique, Technique::NoSuchChannel);
//! assert_eq!(report.items[1].verdict.status, Status::Official);
//! # Ok::<(), contactguard::Error>(())
//! ```

mod context;
mod extract;
mod html;
mod links;
mod text;

use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use html::looks_like_html;

use crate::registry::{ChannelKind, Statement};
use crate::verdict::{BrandRef, ChannelRef, Detail, Finding, Kind, Note, Status, Verdict};
use crate::{CheckOptions, Checker};
pub use context::Basis;
use context::{is_one_of, overlaps, Claimed, Context, Named};
use extract::What;

/// The exit code of a scan that found no contact and no claim.
pub const NOTHING_FOUND: u8 = 5;

/// The largest text [`Checker::scan`] reads, in bytes (4 MiB). Larger input gets a report
/// with [`ScanReport::error`] set and no items; split it first.
pub const MAX_SCAN_LEN: usize = 4 * 1024 * 1024;

/// Everything found in one text: [`Checker::scan`].
///
/// ```
/// use contactguard::{Checker, Status};
///
/// let checker = Checker::builtin()?;
/// let report = checker.scan("MetaMask support: call +1 (415) 555-0134 or visit metamask.io");
/// assert_eq!(report.status, Some(Status::Impersonation));
/// assert_eq!(report.exit_code(), 3);
/// // What to do instead, for every brand concerned:
/// assert_eq!(report.advice[0].brand.id, "metamask");
/// assert!(report.advice[0].channels.iter().any(|c| c.value == "metamask.io"));
///
/// let nothing = checker.scan("see you at 10:30");
/// assert_eq!((nothing.status, nothing.items.len()), (None, 0));
/// # Ok::<(), contactguard::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ScanReport {
    /// The worst status among the items and claims (impersonation > invalid > unknown >
    /// official); `None` when the text holds no contact and no claim.
    pub status: Option<Status>,
    /// Every contact, in order of appearance (the first [`MAX_SCAN_ITEMS`]).
    pub items: Vec<ScanItem>,
    /// Contacts found beyond [`MAX_SCAN_ITEMS`]: judged (they count in `status` and `advice`)
    /// but not listed.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub omitted: usize,
    /// Channels the text claims for a brand that has none of that kind, contact or not
    /// (`请拨打TP钱包客服热线`).
    pub claims: Vec<Claim>,
    /// Brand names in the text outside the contacts, in order (the first [`MAX_SCAN_ITEMS`]).
    pub mentions: Vec<Mention>,
    /// For each brand concerned, its real channels and safety statements: what to do instead.
    pub advice: Vec<Advice>,
    /// Why the text could not be scanned (too large), if so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The registry that judged the text: its version, date and signers (absent when the text
    /// could not be scanned).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry: Option<crate::trust::RegistryStamp>,
    /// The version of the JSON contract: [`crate::SCHEMA_VERSION`].
    #[serde(default = "crate::verdict::schema_version")]
    pub schema_version: u32,
}

impl Default for ScanReport {
    /// A report of nothing found, in the current JSON contract.
    fn default() -> ScanReport {
        ScanReport {
            status: None,
            items: Vec::new(),
            omitted: 0,
            claims: Vec::new(),
            mentions: Vec::new(),
            advice: Vec::new(),
            error: None,
            registry: None,
            schema_version: crate::verdict::SCHEMA_VERSION,
        }
    }
}

/// One contact found in the text.
///
/// ```
/// use contactguard::{Checker, Kind, Status};
///
/// let text = "TP钱包客服热线：400-123-4567";
/// let report = Checker::builtin()?.scan(text);
/// let item = &report.items[0];
/// assert_eq!(&text[item.span.clone()], "400-123-4567");
/// assert_eq!(item.claimed_for.as_ref().map(|b| b.id.as_str()), Some("tokenpocket"));
/// assert_eq!((item.verdict.kind, item.verdict.status), (Kind::Phone, Status::Impersonation));
/// # Ok::<(), contactguard::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ScanItem {
    /// Where it is in the input, in bytes.
    pub span: Range<usize>,
    /// The input at `span`.
    pub text: String,
    /// The brand the text presents it as belonging to, if any.
    pub claimed_for: Option<BrandRef>,
    /// Why: where the text names that brand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_reason: Option<ClaimReason>,
    /// The verdict on it (its `input` is the contact as read: entities decoded, a `mailto:`
    /// dropped).
    pub verdict: Verdict,
}

/// Where a text names the brand a contact is presented for: [`ScanItem::claim_reason`].
///
/// ```
/// use contactguard::scan::Basis;
///
/// let text = "您好，我是TP钱包官方客服，您的账户存在异常。\n请添加微信：tpkefu2024";
/// let report = contactguard::Checker::builtin()?.scan(text);
/// let why = report.items[0].claim_reason.as_ref().expect("claimed");
/// assert_eq!(why.basis, Basis::Message); // named on the line above, in a claim
/// assert_eq!(&text[why.span.clone()], "TP钱包");
/// # Ok::<(), contactguard::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ClaimReason {
    /// Where the brand is named relative to the contact.
    pub basis: Basis,
    /// Where the name is in the input, in bytes.
    pub span: Range<usize>,
    /// The name as written.
    pub text: String,
}

/// A brand name in the text.
///
/// ```
/// let report = contactguard::Checker::builtin()?.scan("I use T P 钱 包 every day");
/// assert_eq!(report.mentions[0].brand.id, "tokenpocket");
/// assert!(report.mentions[0].disguised);
/// # Ok::<(), contactguard::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Mention {
    /// Where it is in the input, in bytes.
    pub span: Range<usize>,
    /// The input at `span`.
    pub text: String,
    /// The brand named.
    pub brand: BrandRef,
    /// Written differently from every name of the brand (spaced out, look-alike letters).
    pub disguised: bool,
    /// Another brand named right beside it (`TP钱包 (Trust Wallet)`): the pair names two brands,
    /// so contacts near it are claimed for neither.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paired_with: Option<BrandRef>,
}

/// A channel claimed for a brand that does not offer that kind of channel.
///
/// ```
/// use contactguard::registry::ChannelKind;
///
/// let report = contactguard::Checker::builtin()?.scan("请拨打TP钱包人工客服热线咨询");
/// assert_eq!(report.claims[0].brand.id, "tokenpocket");
/// assert_eq!(report.claims[0].kind, ChannelKind::Phone);
/// # Ok::<(), contactguard::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Claim {
    /// Where the claiming words are in the input (the first time), in bytes.
    pub span: Range<usize>,
    /// The input at `span` (`客服热线`, `hotline`).
    pub text: String,
    /// The brand it is claimed for.
    pub brand: BrandRef,
    /// The kind of channel claimed.
    pub kind: ChannelKind,
    /// Always [`crate::Technique::NoSuchChannel`], with the brand's reason.
    pub finding: Finding,
}

/// What to do instead: a brand's real channels and its own safety statements.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Advice {
    /// The brand.
    pub brand: BrandRef,
    /// Its official channels, most important first.
    pub channels: Vec<ChannelRef>,
    /// Its own safety statements (never asks for the seed phrase, never calls first …).
    pub statements: Vec<Statement>,
    /// How it asks people to report a scam that uses its name, where it says so.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub report_scams: Vec<Statement>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl ScanReport {
    /// The process exit code for this report: as `check` for the worst status (0 all official,
    /// 1 some unknown, 3 impersonation, 4 only invalid contacts or a text that cannot be
    /// scanned), and 5 when the text holds no contact and no claim.
    ///
    /// ```
    /// let checker = contactguard::Checker::builtin()?;
    /// assert_eq!(checker.scan("see you at 10:30").exit_code(), 5);
    /// assert_eq!(checker.scan("官网 https://tokenpocket.pro").exit_code(), 0);
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn exit_code(&self) -> u8 {
        if self.error.is_some() {
            return Status::Invalid.exit_code();
        }
        self.status.map_or(NOTHING_FOUND, Status::exit_code)
    }
}

/// The text as read: its source positions and headings.
struct Read {
    /// Segmented text, mapped to `plain`.
    segmented: text::Mapped,
    /// HTML as text, mapped to the input; `None` for plain text (identity).
    page: Option<html::Page>,
}

impl Read {
    /// The visible text (the input itself for plain text).
    fn plain<'a>(&'a self, input: &'a str) -> &'a str {
        self.page.as_ref().map_or(input, |p| p.text.text.as_str())
    }

    /// The input range of a range of the visible text.
    fn to_input(&self, span: &Range<usize>) -> Range<usize> {
        match &self.page {
            Some(page) => page.text.source(span),
            None => span.clone(),
        }
    }
}

/// Scans `input` (see [`Checker::scan`]).
pub(crate) fn run(checker: &Checker, input: &str) -> ScanReport {
    if input.len() > MAX_SCAN_LEN {
        return ScanReport {
            error: Some(format!(
                "the text is {} bytes; scan reads at most {MAX_SCAN_LEN} bytes at once: split it (for example by page or by message) and scan each part",
                input.len()
            )),
            ..ScanReport::default()
        };
    }
    let page = looks_like_html(input).then(|| html::read(input));
    let plain_text = page.as_ref().map_or(input, |p| p.text.text.as_str());
    let segmented = text::segment(plain_text);
    let read = Read { segmented, page };
    let plain = read.plain(input);
    let registry = checker.registry();

    let found: Vec<(Range<usize>, What)> = extract::contacts(&read.segmented.text)
        .into_iter()
        .map(|f| (with_hidden(plain, read.segmented.source(&f.span)), f.what))
        .filter(|(span, _)| !span.is_empty())
        .collect();
    let item_spans: Vec<Range<usize>> = found.iter().map(|(s, _)| s.clone()).collect();

    let names: Vec<Named> = checker
        .names()
        .find(&read.segmented.text)
        .into_iter()
        .map(|h| Named {
            span: read.segmented.source(&h.span),
            brand: h.brand,
            common: h.common,
            disguised: h.disguised,
        })
        // A name that is a whole contact (`Crypto.com`) names the brand too, but claims only
        // contacts that are nobody's official channel (see the loop below).
        .filter(|n| !overlaps(&item_spans, &n.span) || is_one_of(&item_spans, &n.span))
        .collect();

    let headings = read
        .page
        .as_ref()
        .map(|p| p.headings.clone())
        .unwrap_or_default();
    let footers = read
        .page
        .as_ref()
        .map(|p| p.footers.clone())
        .unwrap_or_default();
    let ctx = Context::new(
        plain,
        headings,
        &footers,
        &item_spans,
        read.page.is_some(),
        names.clone(),
    );
    let reason = |c: &Claimed| {
        let span = read.to_input(&c.named_at);
        ClaimReason {
            basis: c.basis,
            text: input.get(span.clone()).unwrap_or_default().to_owned(),
            span,
        }
    };

    // Every contact is judged; the first MAX_SCAN_ITEMS are listed, the rest only counted, so
    // that a page of a million contacts has a report of bounded size.
    let mut items = Kept::default();
    for (span, what) in &found {
        let claimed = ctx.claimed(span);
        let input_span = read.to_input(span);
        let contact = &plain[span.clone()];
        let item = match claimed.as_ref() {
            // Named only by a contact of its own: "Official sites: kraken.com and crypto.com"
            // claims nothing; "Crypto.com customer care: +1 …" claims the number.
            Some(c) if is_one_of(&item_spans, &c.named_at) => {
                let alone = judge(checker, contact, *what, None, input, input_span.clone());
                let unknown = alone
                    .as_ref()
                    .is_some_and(|i| i.verdict.status == Status::Unknown);
                if unknown && c.named_at != *span {
                    let claim = Some((c.brand, reason(c)));
                    judge(checker, contact, *what, claim, input, input_span)
                } else {
                    alone
                }
            }
            Some(c) => {
                let claim = Some((c.brand, reason(c)));
                judge(checker, contact, *what, claim, input, input_span)
            }
            // Beside a pair of brands (`TP钱包 (Trust Wallet)`) a contact is neither's; but a
            // kind of channel that both say they do not have is a false claim whichever is meant.
            None => {
                let alone = judge(checker, contact, *what, None, input, input_span.clone());
                let kind = alone.as_ref().and_then(|i| i.verdict.channel_kind());
                match (ctx.pair_near(span), kind) {
                    (Some((c, other)), Some(kind))
                        if registry.brands()[c.brand].lacks(kind)
                            && registry.brands()[other].lacks(kind) =>
                    {
                        let claim = Some((c.brand, reason(&c)));
                        judge(checker, contact, *what, claim, input, input_span)
                    }
                    _ => alone,
                }
            }
        };
        items.push(item);
    }
    if let Some(page) = &read.page {
        for (value, span, at) in &page.targets {
            let Some((what, contact)) = target(value) else {
                continue;
            };
            let claimed = ctx.claimed(&(*at..*at));
            items.push(judge(
                checker,
                contact,
                what,
                claimed.as_ref().map(|c| (c.brand, reason(c))),
                input,
                span.clone(),
            ));
        }
        items.listed.sort_by_key(|i| i.span.start);
    }
    // Links whose text shows one contact and opens another: the text is not a contact of its
    // own, the link is the finding.
    let shown_by_links = match &read.page {
        Some(page) => page
            .anchors
            .iter()
            .map(|a| (a.href_span.clone(), page.text.source(&a.shown)))
            .collect(),
        None => links::markdown(input),
    };
    links::expose(checker, &mut items.listed, &shown_by_links);
    let Kept {
        listed: items,
        omitted,
        omitted_worst,
        omitted_brands,
    } = items;

    let mut claims: Vec<Claim> = Vec::new();
    let mut kinds: Vec<ChannelKind> = registry
        .brands()
        .iter()
        .flat_map(|b| b.no_channels.iter().map(|n| n.kind))
        .collect();
    kinds.sort_by_key(|k| k.as_str());
    kinds.dedup();
    for kind in kinds {
        for word in ctx.find_words(context::kind_words(kind)) {
            if overlaps(&item_spans, &word) || ctx.negated(word.start) {
                continue;
            }
            let Some(b) = ctx.claimed(&word).map(|c| c.brand) else {
                continue;
            };
            let brand = &registry.brands()[b];
            if !brand.no_channels.iter().any(|n| n.kind == kind) {
                continue;
            }
            if claims
                .iter()
                .any(|c| c.brand.id == brand.id && c.kind == kind)
            {
                continue;
            }
            let span = read.to_input(&word);
            claims.push(Claim {
                text: input[span.clone()].to_owned(),
                span,
                brand: BrandRef::of(brand),
                kind,
                finding: crate::matching::no_such_channel(brand, kind),
            });
        }
    }
    // A claim the contacts already show (a number under "客服热线") is not repeated.
    claims.retain(|c| {
        !items.iter().any(|i| {
            i.verdict.status == Status::Impersonation
                && i.verdict.brand.as_ref().is_some_and(|b| b.id == c.brand.id)
                && i.verdict.channel_kind() == Some(c.kind)
        })
    });
    claims.sort_by_key(|c| c.span.start);

    let mentions: Vec<Mention> = names
        .iter()
        .filter(|n| !is_one_of(&item_spans, &n.span))
        .take(MAX_SCAN_ITEMS)
        .map(|n| {
            let span = read.to_input(&n.span);
            Mention {
                text: input[span.clone()].to_owned(),
                span,
                brand: BrandRef::of(&registry.brands()[n.brand]),
                disguised: n.disguised,
                paired_with: ctx
                    .paired(&n.span)
                    .map(|b| BrandRef::of(&registry.brands()[b])),
            }
        })
        .collect();

    let status = items
        .iter()
        .map(|i| i.verdict.status)
        .chain(omitted_worst)
        .filter(|s| *s != Status::Invalid)
        .chain(claims.iter().map(|_| Status::Impersonation))
        .max_by_key(|s| s.severity());
    let mut advice = advice(checker, &items, &claims, &mentions);
    for id in omitted_brands {
        if let Some(brand) = registry.brand(&id) {
            if !advice.iter().any(|a| a.brand.id == id) {
                advice.push(advice_for(checker, brand));
            }
        }
    }
    ScanReport {
        status,
        items,
        omitted,
        claims,
        mentions,
        advice,
        error: None,
        registry: None,
        schema_version: crate::verdict::SCHEMA_VERSION,
    }
}

/// The most items a [`ScanReport`] lists; further contacts are judged (they count in the
/// status and the advice) but only counted, in [`ScanReport::omitted`].
pub const MAX_SCAN_ITEMS: usize = 10_000;

/// The items of a scan as they are judged: the first [`MAX_SCAN_ITEMS`] kept whole, the rest
/// reduced to what the report needs of them.
#[derive(Default)]
struct Kept {
    listed: Vec<ScanItem>,
    omitted: usize,
    omitted_worst: Option<Status>,
    /// Brands the omitted items impersonate, each once (at most one per registry brand).
    omitted_brands: Vec<String>,
}

impl Kept {
    fn push(&mut self, item: Option<ScanItem>) {
        let Some(item) = item else { return };
        if self.listed.len() < MAX_SCAN_ITEMS {
            self.listed.push(item);
            return;
        }
        self.omitted += 1;
        let status = item.verdict.status;
        if self
            .omitted_worst
            .is_none_or(|w| status.severity() > w.severity())
        {
            self.omitted_worst = Some(status);
        }
        if status == Status::Impersonation {
            if let Some(b) = item.verdict.brand {
                if !self.omitted_brands.contains(&b.id) {
                    self.omitted_brands.push(b.id);
                }
            }
        }
    }
}

/// `span` widened over the invisible characters right before and after it (a right-to-left
/// override in front of a link belongs to the link: the checker must see it).
fn with_hidden(text: &str, span: Range<usize>) -> Range<usize> {
    let before = text[..span.start]
        .chars()
        .rev()
        .take_while(|c| crate::normalize::is_hidden(*c))
        .map(char::len_utf8)
        .sum::<usize>();
    let after = text[span.end..]
        .chars()
        .take_while(|c| crate::normalize::is_hidden(*c))
        .map(char::len_utf8)
        .sum::<usize>();
    span.start - before..span.end + after
}

/// What an HTML link target is: the kind and the contact in it.
fn target(value: &str) -> Option<(What, &str)> {
    let lower = value.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("mailto:") {
        let len = rest.find('?').unwrap_or(rest.len());
        return Some((What::Email, &value[7..7 + len]));
    }
    if lower.starts_with("tel:") || lower.starts_with("callto:") {
        let at = value.find(':').map_or(0, |i| i + 1);
        return Some((What::Phone, &value[at..]));
    }
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("tg://") {
        return Some((What::Link, value));
    }
    None
}

/// The text of `input` on the same line as `span`, at most `reach` bytes on each side: the
/// words around a contact, found in bounded time.
fn around<'a>(input: &'a str, span: &Range<usize>, reach: usize) -> &'a str {
    let before = text::tail_of_line(&input[..span.start], reach);
    let after = text::head(&input[span.end..], reach);
    let after = after.split('\n').next().unwrap_or(after);
    &input[span.start - before.len()..span.end + after.len()]
}

/// Judges one contact; `None` when it does not parse as the kind it was taken for.
fn judge(
    checker: &Checker,
    contact: &str,
    what: What,
    claimed: Option<(usize, ClaimReason)>,
    input: &str,
    span: Range<usize>,
) -> Option<ScanItem> {
    let (claimed, claim_reason) = match claimed {
        Some((b, why)) => (Some(b), Some(why)),
        None => (None, None),
    };
    let registry = checker.registry();
    let brand_id = claimed.map(|b| registry.brands()[b].id.clone());
    let mut verdict = match what {
        What::Link => checker.judge_with(contact, &CheckOptions::default().kind(Kind::Url)),
        What::Email => checker.judge_with(contact, &CheckOptions::default().kind(Kind::Email)),
        What::Phone => {
            let mut options = CheckOptions::default().kind(Kind::Phone);
            options.brand = brand_id;
            // A number without `+` is read where the words around it are written (a Chinese
            // line: China), before the claimed brand's home region.
            options.locale_region =
                crate::input::phone::region_of_script(around(input, &span, 120)).map(str::to_owned);
            checker.judge_with(contact, &options)
        }
        What::Handle(platform) => {
            let mut options = CheckOptions::default().kind(Kind::Handle);
            options.platform = platform;
            checker.judge_with(contact, &options)
        }
    };
    // What does not parse as the kind it was taken for is not a contact; but a link or an
    // address that no browser or mail client opens as written, only once its look-alike
    // punctuation is folded, is reported (invalid, with what it reads as).
    if verdict.status == Status::Invalid
        && !verdict
            .notes
            .iter()
            .any(|n| matches!(n.detail, crate::verdict::Detail::Unopenable { .. }))
    {
        return None;
    }
    // A short service code (95588) belongs to a bank or carrier; it is not upgraded to a
    // brand's number by the words around it.
    let short_code = verdict
        .phone
        .as_ref()
        .is_some_and(|p| p.number_type == crate::input::phone::NumberType::ShortCode);
    // A bare name that is the claimed brand's own account somewhere (`@Trezor` as the text
    // of a link to x.com/Trezor) stays unknown, with where it is official.
    let own_bare_name = |b: usize| {
        let name = registry.brands()[b].display_name();
        verdict
            .notes
            .iter()
            .any(|n| matches!(&n.detail, Detail::OfficialOn { brand, .. } if brand == name))
    };
    // A channel the brand used before is said to be so, not made an imitation of it by the
    // words around it (an old footer of the brand's own site lists it).
    let former = verdict
        .notes
        .iter()
        .any(|n| matches!(n.detail, Detail::Former { .. }));
    if let Some(b) = claimed.filter(|b| !short_code && !former && !own_bare_name(*b)) {
        if verdict.status == Status::Unknown {
            checker.claim(&mut verdict, b);
        }
    }
    if short_code && verdict.status == Status::Unknown {
        verdict.brand = None; // the bank's or carrier's, not the brand named around it
    }
    // One brand's real channel presented on its own line as another brand's
    // (`MetaMask support: service@tokenpocket.pro`) is not that brand's: a false claim, like
    // any other contact claimed for a brand it does not belong to.
    if let (Some(b), Some(why)) = (claimed, &claim_reason) {
        let claimed_brand = &registry.brands()[b];
        let owner = verdict.brand.as_ref().filter(|o| o.id != claimed_brand.id);
        if let (Status::Official, Some(owner), Basis::Line) = (verdict.status, owner, why.basis) {
            let detail = Detail::OtherBrand {
                owner: owner.name.clone(),
                claimed: claimed_brand.display_name().to_owned(),
            };
            verdict.findings.clear();
            checker.claim(&mut verdict, b);
            verdict.notes.push(Note::new(detail));
        }
    }
    Some(ScanItem {
        text: input.get(span.clone()).unwrap_or_default().to_owned(),
        span,
        claimed_for: claimed.map(|b| BrandRef::of(&registry.brands()[b])),
        claim_reason,
        verdict,
    })
}

/// The brands concerned, impersonated ones first, with what to use instead.
fn advice(
    checker: &Checker,
    items: &[ScanItem],
    claims: &[Claim],
    mentions: &[Mention],
) -> Vec<Advice> {
    let mut ids: Vec<&str> = Vec::new();
    let impersonated = items
        .iter()
        .filter(|i| i.verdict.status == Status::Impersonation)
        .filter_map(|i| i.verdict.brand.as_ref())
        .chain(claims.iter().map(|c| &c.brand));
    let others = items
        .iter()
        .filter_map(|i| i.verdict.brand.as_ref())
        .chain(mentions.iter().map(|m| &m.brand));
    for b in impersonated.chain(others) {
        if !ids.contains(&b.id.as_str()) {
            ids.push(&b.id);
        }
    }
    ids.iter()
        .filter_map(|id| checker.registry().brand(id))
        .map(|brand| advice_for(checker, brand))
        .collect()
}

/// A brand's real channels and statements.
fn advice_for(checker: &Checker, brand: &crate::registry::Brand) -> Advice {
    Advice {
        brand: BrandRef::of(brand),
        channels: ChannelKind::ALL
            .iter()
            .flat_map(|k| checker.channels_for_people(&brand.id, *k))
            .collect(),
        statements: brand.statements.clone(),
        report_scams: brand.report_scams.clone(),
    }
}

/// What the checker does with texts: scanning them, and checking words pasted where one
/// contact was expected. Here rather than in the checker, so that texts sit on top of the
/// contact checker and not beside it.
impl Checker {
    /// Finds and judges every contact in a text: a chat message, a search-result page, saved
    /// HTML. Each contact comes with its byte span in `text`, so an app can highlight it, and
    /// is judged against the brand the text presents it as belonging to. Text over
    /// [`MAX_SCAN_LEN`](crate::scan::MAX_SCAN_LEN) bytes gets a report with an error.
    ///
    /// ```
    /// use contactguard::{Checker, Status, Technique};
    ///
    /// let checker = Checker::builtin()?;
    /// let report = checker.scan("请拨打TP钱包人工客服热线咨询");
    /// assert_eq!(report.status, Some(Status::Impersonation)); // TokenPocket has no phone line
    /// assert_eq!(report.claims[0].finding.technique, Technique::NoSuchChannel);
    /// assert!(report.items.is_empty());
    /// assert_eq!(report.advice[0].brand.id, "tokenpocket");
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn scan(&self, text: &str) -> ScanReport {
        let mut report = run(self, text);
        if report.error.is_none() {
            report.registry = Some(self.trusted().stamp().clone());
        }
        report
    }

    /// Checks words rather than one contact (a sentence, a chat message, a search phrase) as
    /// [`Checker::scan`] reads them: the verdict on the contact in them (the worst one, when
    /// there are several, with a note saying how many), a channel the text claims for a brand
    /// that has none (`TP钱包客服电话`), or `invalid` when there is neither.
    pub(crate) fn check_text(&self, input: &str) -> Verdict {
        let report = self.scan(input);
        if let Some(error) = report.error {
            return Verdict::invalid(input, Kind::Text, error);
        }
        let worst = report
            .items
            .iter()
            .filter(|i| i.verdict.status != Status::Invalid)
            .max_by_key(|i| i.verdict.status.severity());
        if let Some(item) = worst {
            let others = report.items.len() + report.omitted - 1;
            let mut v = item.verdict.clone();
            // Said only when words were left out (`一八八八…` alone is just a number).
            if others > 0 || item.text != input.trim() {
                v.notes.push(Note::new(Detail::InText {
                    contact: item.text.clone(),
                    others,
                }));
            }
            return v;
        }
        if let Some(claim) = report.claims.first() {
            let registry = self.registry();
            let brand = registry.brand(&claim.brand.id);
            return Verdict {
                schema_version: crate::verdict::SCHEMA_VERSION,
                input: input.to_owned(),
                kind: Kind::Text,
                status: Status::Impersonation,
                normalized: None,
                display: None,
                brand: brand.map(BrandRef::of),
                findings: vec![claim.finding.clone()],
                official_channels: self.alternatives(&claim.brand.id, claim.kind),
                platform: None,
                phone: None,
                error: None,
                problem: None,
                notes: Vec::new(),
                registry: None,
            };
        }
        Verdict::invalid(input, Kind::Text, crate::verdict::Problem::Words)
    }
}
