//! Who a contact is presented as belonging to: the brand named in its sentence, its line, or
//! the heading it sits under, with a word that makes it a claim (官方, 客服, support …).
//!
//! Everything a question needs is computed once per text (which units hold claim words or
//! denials, which heading last named a brand), so each question costs a binary search and
//! a scan stays linear however many contacts and names the text holds.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::text::{head, tail_of_line};
use crate::input::handle::Platform;
use crate::registry::ChannelKind;

/// Words that present a contact as a brand's own.
const CLAIM_WORDS: &[&str] = &[
    "官方", "客服", "官网", "热线", "熱線", "电话", "電話", "人工", "联系", "聯繫", "联络", "微信",
    "群", "邮箱", "郵箱", "电报", "推特", "网址", "网站", "下载", "售后", "咨询", "official",
    "support", "hotline", "help", "contact", "call", "service", "customer", "team", "agent",
    "helpdesk", "email", "e-mail", "telegram", "website", "site", "download", "reach", "whatsapp",
    "admin", "phone",
];

/// Words that deny or warn instead of claiming (`TP钱包没有客服电话`, `never calls`).
const NEGATIONS: &[&str] = &[
    "没有",
    "无任何",
    "不提供",
    "不会",
    "从不",
    "从未",
    "绝不",
    "不存在",
    "谨防",
    "假冒",
    "冒充",
    "骗子",
    "诈骗",
    "骗局",
    "虚假",
    "并非",
    "不是",
    "假的",
    "切勿",
    "请勿",
    "不要",
    "never",
    " not ",
    "n't",
    " no ",
    "fake",
    "scam",
    "beware",
    "impersonat",
    "fraud",
];

/// Words that claim a channel of a kind, with no contact needed.
pub(crate) fn kind_words(kind: ChannelKind) -> &'static [&'static str] {
    match kind {
        ChannelKind::Phone => &[
            "客服电话",
            "客服热线",
            "热线",
            "熱線",
            "电话",
            "電話",
            "致电",
            "拨打",
            "hotline",
            "phone number",
            "phone support",
            "helpline",
            "toll-free",
            "toll free",
            "call us",
            "call our",
            "phone line",
        ],
        ChannelKind::Email => &["邮箱", "郵箱", "email", "e-mail"],
        ChannelKind::Domain => &[],
        account => Platform::of_kind(account).map_or(&[], |p| p.descriptor().claims),
    }
}

/// A brand named at a place in the text.
#[derive(Clone, Debug)]
pub(crate) struct Named {
    pub span: Range<usize>,
    pub brand: usize,
    pub common: bool,
    pub disguised: bool,
}

/// A run of text (sentence, line or heading) and what it holds.
#[derive(Debug)]
struct Unit {
    range: Range<usize>,
    claims: bool,
    denies: bool,
}

/// The text split into lines, sentences and headings.
#[derive(Debug)]
pub(crate) struct Context {
    lower: String,
    lines: Vec<Unit>,
    sentences: Vec<Unit>,
    headings: Vec<Unit>,
    /// Every name, by position.
    named: Vec<Named>,
    /// Indexes into `named` of every name, and of the names that are not ordinary words.
    everyone: Vec<usize>,
    distinct: Vec<usize>,
    /// Indexes into `named` of the names said in a claim (`我是TP钱包官方客服`): such a
    /// message presents every contact in it as that brand's, unless another brand is named
    /// closer.
    claiming: Vec<usize>,
    /// Indexes into `named` of the names in the page's title or footer, when no name is said
    /// in a claim but the page claims something (`智能钱包官网客服电话 … © TokenPocket`).
    page_names: Vec<usize>,
}

/// Words that, right after a brand's name, present the writer as the brand's support.
const SELF_WORDS: &[&str] = &[
    "官方", "客服", "人工", "热线", "售后", "support", "help", "team", "service", "security",
    "official", "customer", "care", "agent",
];

/// Whether the name at `span` of `lower` presents the writer as the brand: a support word
/// right after it (`TP钱包官方客服`, `MetaMask Support`), `我是`/`this is`/`from` right before
/// it, or a sender tag (`【幣安】`, which segmentation writes `[幣安]`; `Coinbase:` opening a
/// line).
fn presents(lower: &str, span: &Range<usize>) -> bool {
    // Only the words next to the name count: a bounded look on each side keeps a scan linear.
    let prefix = &lower[..span.start];
    let before = tail_of_line(prefix, 32);
    let after = head(&lower[span.end..], 32).trim_start_matches([' ', '-', '·', '_']);
    // Opens its line: only spaces between the line's start (or the text's) and it.
    let opens_line = before.trim().is_empty()
        && (before.len() == prefix.len() || prefix[..prefix.len() - before.len()].ends_with('\n'));
    SELF_WORDS.iter().any(|w| after.starts_with(w))
        || ["我是", "this is ", "from ", "["]
            .iter()
            .any(|w| before.ends_with(w))
        || opens_line && (after.starts_with(':') || after.starts_with('：'))
}

/// Why a contact is taken as presented for a brand: where the brand is named.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Deserialize, Eq, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Basis {
    /// In the contact's own sentence or line.
    Line,
    /// In the heading above it.
    Heading,
    /// Elsewhere in the same message, which claims to be the brand's support.
    Message,
    /// Only in the page's title or footer, on a page that claims support channels.
    Page,
}

/// The brand a contact is presented as belonging to, and why.
#[derive(Clone, Debug, Eq, PartialEq)]
pub(crate) struct Claimed {
    pub brand: usize,
    pub basis: Basis,
    /// Where the brand is named, in the text.
    pub named_at: Range<usize>,
}

impl Context {
    /// Splits `text`. `headings` are known heading ranges (HTML); for plain text, short
    /// title-like lines without contacts count as headings. `items` are the contacts' spans
    /// and `named` the brand names, both sorted by position.
    pub fn new(
        text: &str,
        headings: Vec<Range<usize>>,
        footers: &[Range<usize>],
        items: &[Range<usize>],
        html: bool,
        named: Vec<Named>,
    ) -> Self {
        // Lowercase, and Traditional characters in Simplified form (`客服電話`, `沒有`), byte
        // for byte, so that spans stay those of the text.
        let lower: String = text
            .chars()
            .map(|c| {
                let s = crate::normalize::hant::to_simplified(c.to_ascii_lowercase());
                if s.len_utf8() == c.len_utf8() {
                    s
                } else {
                    c
                }
            })
            .collect();
        let unit = |range: Range<usize>| Unit {
            claims: has_any(&lower[range.clone()], CLAIM_WORDS),
            denies: has_any(&format!(" {} ", &lower[range.clone()]), NEGATIONS),
            range,
        };
        let mut line_ranges = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '\n' {
                line_ranges.push(start..i);
                start = i + 1;
            }
        }
        line_ranges.push(start..text.len());
        let mut sentences = Vec::new();
        for line in &line_ranges {
            let mut s = line.start;
            let mut chars = text[line.clone()].char_indices().peekable();
            while let Some((k, c)) = chars.next() {
                let next = chars.peek().map(|(_, n)| *n);
                let ends = matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
                    || c == '.' && next.is_none_or(char::is_whitespace);
                if ends {
                    let e = line.start + k + c.len_utf8();
                    sentences.push(unit(s..e));
                    s = e;
                }
            }
            if s < line.end || line.is_empty() {
                sentences.push(unit(s..line.end));
            }
        }
        let mut heading_ranges = headings;
        if !html {
            for line in &line_ranges {
                if is_title_line(&text[line.clone()]) && !overlaps(items, line) {
                    heading_ranges.push(line.clone());
                }
            }
        }
        heading_ranges.sort_by_key(|h| h.start);
        let headings: Vec<Unit> = heading_ranges.into_iter().map(unit).collect();
        let lines: Vec<Unit> = line_ranges.into_iter().map(unit).collect();
        let distinct: Vec<usize> = (0..named.len()).filter(|&i| !named[i].common).collect();
        // A message speaks for a brand where it presents itself as the brand's support
        // (`我是TP钱包官方客服`, `Trust Wallet Help Center`, an SMS sender `【幣安】`); a page
        // that only reports on brands (`MetaMask reminded users …`) does not, and a web page
        // speaks through its title and footer instead.
        let claiming: Vec<usize> = if html {
            Vec::new()
        } else {
            (0..named.len())
                .filter(|&i| {
                    let at = named[i].span.start;
                    let sentence = containing(&sentences, at);
                    presents(&lower, &named[i].span) && !sentence.is_some_and(|u| u.denies)
                })
                .collect()
        };
        // A directory of many brands' numbers is no message from one of them: there, each
        // contact goes with the brand on its own line or heading only.
        let mut speakers: Vec<usize> = claiming.iter().map(|&i| named[i].brand).collect();
        speakers.sort_unstable();
        speakers.dedup();
        let claiming = if speakers.len() >= 3 {
            Vec::new()
        } else {
            claiming
        };
        // The title (the first line, a `<title>` or the first heading) and the footer (the
        // last three lines, or a `<footer>`).
        let page_names = if claiming.is_empty() && lines.iter().any(|u| u.claims) {
            // A title counts where it claims itself (`TP钱包官方客服电话`); a footer line of
            // plain text is a short one (`© 2024 TokenPocket`), and a web page has its own.
            let first_line = lines
                .iter()
                .find(|u| !text[u.range.clone()].trim().is_empty())
                .filter(|u| u.claims && !u.denies);
            let last_lines: Vec<&Unit> = lines
                .iter()
                .filter(|u| !text[u.range.clone()].trim().is_empty())
                .rev()
                .take(3)
                .filter(|u| !html && text[u.range.clone()].chars().count() <= 60)
                .collect();
            let in_title_or_footer = |at: usize| {
                first_line.is_some_and(|u| u.range.contains(&at))
                    || headings
                        .first()
                        .filter(|u| u.claims && !u.denies)
                        .is_some_and(|u| u.range.contains(&at))
                    || last_lines.iter().any(|u| u.range.contains(&at))
                    || footers.iter().any(|f| f.contains(&at))
            };
            (0..named.len())
                .filter(|&i| !named[i].common && in_title_or_footer(named[i].span.start))
                .collect()
        } else {
            Vec::new()
        };
        // A page whose title and footer name several brands speaks for none of them.
        let one_brand = page_names
            .windows(2)
            .all(|w: &[usize]| named[w[0]].brand == named[w[1]].brand);
        let page_names = if one_brand { page_names } else { Vec::new() };
        Context {
            lower,
            lines,
            sentences,
            headings,
            everyone: (0..named.len()).collect(),
            named,
            distinct,
            claiming,
            page_names,
        }
    }

    /// Another brand named right beside the name at `at`, with nothing but spaces and
    /// punctuation between (`TP钱包 (Trust Wallet)`, `OKX/Binance`): such a pair names two
    /// brands at once, so it claims a contact for neither.
    pub fn paired(&self, at: &Range<usize>) -> Option<usize> {
        let i = self
            .named
            .binary_search_by_key(&at.start, |n| n.span.start)
            .ok()
            .filter(|&i| self.named[i].span == *at)?;
        let me = self.named[i].brand;
        let beside = |a: &Range<usize>, b: &Range<usize>| {
            self.lower.get(a.end..b.start).is_some_and(|gap| {
                gap.chars().count() <= 4
                    && gap.chars().all(|c| {
                        c.is_whitespace() || "()（）/|、-–—:：,，[]【】「」<>《》".contains(c)
                    })
            })
        };
        let before = i.checked_sub(1).and_then(|j| self.named.get(j));
        let after = self.named.get(i + 1);
        before
            .filter(|n| n.brand != me && beside(&n.span, at))
            .or_else(|| after.filter(|n| n.brand != me && beside(at, &n.span)))
            .map(|n| n.brand)
    }

    /// The two brands named side by side nearest `span` in its sentence or line, when that
    /// pair is what would have claimed it: the first brand's claim (where it is named), and the
    /// other brand.
    pub fn pair_near(&self, span: &Range<usize>) -> Option<(Claimed, usize)> {
        let sentence = containing(&self.sentences, span.start);
        let line = containing(&self.lines, span.start);
        let unit = [sentence, line]
            .into_iter()
            .flatten()
            .find_map(|u| self.nearest(u, span))?;
        let (brand, at) = unit;
        let other = self.paired(&at)?;
        Some((
            Claimed {
                brand,
                basis: Basis::Line,
                named_at: at,
            },
            other,
        ))
    }

    /// The brand that the text at `span` is presented as belonging to, if any, and why: a
    /// brand named with a claim word in its sentence or line, or in the heading above; else,
    /// when neither names a brand, the brand a claim in the same message names nearest (before
    /// it, else after it); else a brand named in the title or footer of a page that claims.
    pub fn claimed(&self, span: &Range<usize>) -> Option<Claimed> {
        let sentence = containing(&self.sentences, span.start);
        let line = containing(&self.lines, span.start);
        let heading = self.headings.partition_point(|h| h.range.end <= span.start);
        let nearest_heading = heading.checked_sub(1).and_then(|h| self.headings.get(h));
        let claims = |u: Option<&Unit>| u.is_some_and(|u| u.claims);
        for unit in [sentence, line].into_iter().flatten() {
            if let Some((b, at)) = self.nearest(unit, span) {
                if self.paired(&at).is_some() {
                    return None;
                }
                let claim = unit.claims
                    || claims(line)
                    || claims(nearest_heading)
                    || presents(&self.lower, &at);
                return claim.then_some(Claimed {
                    brand: b,
                    basis: Basis::Line,
                    named_at: at,
                });
            }
        }
        // The heading right above, if it names a brand; a section heading without one ends
        // the brand context of the headings before it.
        if let Some(h) = nearest_heading {
            if let Some((brand, at)) = self.nearest(h, &(h.range.end..h.range.end)) {
                if self.paired(&at).is_some() {
                    return None;
                }
                let claim =
                    h.claims || claims(sentence) || claims(line) || presents(&self.lower, &at);
                return claim.then_some(Claimed {
                    brand,
                    basis: Basis::Heading,
                    named_at: at,
                });
            }
        }
        let around = |list: &[usize]| {
            let before = list.partition_point(|&i| self.named[i].span.end <= span.start);
            before
                .checked_sub(1)
                .or((before < list.len()).then_some(before))
                .map(|k| &self.named[list[k]])
        };
        if let Some(n) = around(&self.claiming) {
            return Some(Claimed {
                brand: n.brand,
                basis: Basis::Message,
                named_at: n.span.clone(),
            });
        }
        around(&self.page_names).map(|n| Claimed {
            brand: n.brand,
            basis: Basis::Page,
            named_at: n.span.clone(),
        })
    }

    /// Whether the sentence at `at` denies or warns rather than claims.
    pub fn negated(&self, at: usize) -> bool {
        containing(&self.sentences, at).is_some_and(|s| s.denies)
    }

    /// Every place a word of `words` appears, in order, without overlaps.
    pub fn find_words(&self, words: &[&str]) -> Vec<Range<usize>> {
        let mut all: Vec<Range<usize>> = Vec::new();
        for w in words {
            for (i, _) in self.lower.match_indices(w) {
                let span = i..i + w.len();
                if w.is_ascii()
                    && (self.lower[..i].ends_with(|c: char| c.is_ascii_alphanumeric())
                        || self.lower[span.end..].starts_with(|c: char| c.is_ascii_alphanumeric()))
                {
                    continue;
                }
                all.push(span);
            }
        }
        all.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        let mut out: Vec<Range<usize>> = Vec::with_capacity(all.len());
        for r in all {
            if out.last().is_none_or(|l| l.end <= r.start) {
                out.push(r);
            }
        }
        out
    }

    /// The named brand in `unit` nearest before `span` (else the first after it), and where it
    /// is named; ordinary words count only in a unit with a claim word.
    fn nearest(&self, unit: &Unit, span: &Range<usize>) -> Option<(usize, Range<usize>)> {
        let list = if unit.claims {
            &self.everyone
        } else {
            &self.distinct
        };
        nearest_in(
            list,
            |&i| (self.named[i].span.start, self.named[i].span.end, i),
            &unit.range,
            span,
        )
        .map(|i| (self.named[i].brand, self.named[i].span.clone()))
    }
}

/// The name in `list` (sorted by position) inside `unit` nearest before `span`, else the
/// first after it. `at` gives a list entry's (start, end, brand).
fn nearest_in<T>(
    list: &[T],
    at: impl Fn(&T) -> (usize, usize, usize),
    unit: &Range<usize>,
    span: &Range<usize>,
) -> Option<usize> {
    let first = list.partition_point(|x| at(x).0 < unit.start);
    let end = list.partition_point(|x| at(x).1 <= unit.end);
    let inside = list.get(first..end.max(first))?;
    let before = inside.partition_point(|x| at(x).1 <= span.start);
    before
        .checked_sub(1)
        .and_then(|k| inside.get(k))
        .or_else(|| inside[before..].iter().find(|x| at(x).0 >= span.end))
        .map(|x| at(x).2)
}

/// Whether `span` is one of `spans` (sorted by start, disjoint), in logarithmic time.
pub(crate) fn is_one_of(spans: &[Range<usize>], span: &Range<usize>) -> bool {
    spans
        .binary_search_by_key(&span.start, |s| s.start)
        .is_ok_and(|i| spans[i] == *span)
}

/// Whether `span` overlaps any of `spans` (sorted by start, disjoint).
pub(crate) fn overlaps(spans: &[Range<usize>], span: &Range<usize>) -> bool {
    let i = spans.partition_point(|s| s.end <= span.start);
    spans.get(i).is_some_and(|s| s.start < span.end)
}

/// The unit in `units` (sorted, disjoint) that contains `at`.
fn containing(units: &[Unit], at: usize) -> Option<&Unit> {
    let i = units.partition_point(|u| u.range.end <= at && u.range.start < at);
    units.get(i).filter(|u| u.range.start <= at)
}

fn has_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// Whether a line reads as a title: short, and not a sentence.
fn is_title_line(line: &str) -> bool {
    let t = line.trim();
    let n = t.chars().count();
    if n == 0 || n > 60 {
        return false;
    }
    t.starts_with(['#', '【', '[', '■', '●', '★', '='])
        || t.ends_with([':', '：'])
        || !t.contains(['，', ',', '。', '!', '?', '！', '？', '；', ';'])
            && !t.trim_end_matches('.').contains(". ")
}
