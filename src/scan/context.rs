//! Who a contact is presented as belonging to: the brand named in its sentence, its line, or
//! the heading it sits under, with a word that makes it a claim (官方, 客服, support …).

use std::ops::Range;

use crate::registry::ChannelKind;

/// Words that present a contact as a brand's own.
const CLAIM_WORDS: &[&str] = &[
    "官方", "客服", "官网", "热线", "熱線", "电话", "電話", "人工", "联系", "聯繫", "联络", "微信",
    "群", "邮箱", "郵箱", "电报", "推特", "网址", "网站", "下载", "售后", "咨询", "official",
    "support", "hotline", "help", "contact", "call", "service", "customer", "team", "agent",
    "helpdesk", "email", "e-mail", "telegram", "website", "site", "download", "reach", "dm ",
    "whatsapp", "admin", "phone",
];

/// Words that deny or warn instead of claiming (`TP钱包没有客服电话`, `never calls`).
const NEGATIONS: &[&str] = &[
    "没有", "无任何", "不提供", "不会", "从不", "从未", "绝不", "不存在", "谨防", "假冒", "冒充",
    "骗子", "诈骗", "骗局", "虚假", "并非", "不是", "假的", "切勿", "不要", "never", " not ",
    "n't", " no ", "fake", "scam", "beware", "impersonat", "fraud",
];

/// Words that claim a channel of a kind, with no contact needed.
pub(crate) fn kind_words(kind: ChannelKind) -> &'static [&'static str] {
    match kind {
        ChannelKind::Phone => &[
            "客服电话", "客服热线", "热线", "熱線", "电话", "電話", "致电", "拨打", "hotline",
            "phone number", "phone support", "helpline", "toll-free", "toll free", "call us",
            "call our", "phone line",
        ],
        ChannelKind::Telegram => &["电报群", "电报", "電報", "飞机群", "tg群", "telegram"],
        ChannelKind::Wechat => &["微信", "wechat"],
        ChannelKind::X => &["推特", "twitter"],
        ChannelKind::Email => &["邮箱", "郵箱", "email", "e-mail"],
        ChannelKind::Discord => &["discord"],
        _ => &[],
    }
}

/// The text split into lines, sentences and headings.
#[derive(Debug)]
pub(crate) struct Context {
    lower: String,
    lines: Vec<Range<usize>>,
    sentences: Vec<Range<usize>>,
    headings: Vec<Range<usize>>,
}

/// A brand named at a place in the text.
#[derive(Clone, Debug)]
pub(crate) struct Named {
    pub span: Range<usize>,
    pub brand: usize,
    pub common: bool,
    pub disguised: bool,
}

impl Context {
    /// Splits `text`; `headings` are known heading ranges (HTML), and for plain text short
    /// title-like lines without contacts (`items`) count as headings too.
    pub fn new(text: &str, headings: Vec<Range<usize>>, items: &[Range<usize>], html: bool) -> Self {
        let lower = lowercase_same_len(text);
        let mut lines = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '\n' {
                lines.push(start..i);
                start = i + 1;
            }
        }
        lines.push(start..text.len());
        let mut sentences = Vec::new();
        for line in &lines {
            let mut s = line.start;
            let body = &text[line.clone()];
            let mut chars = body.char_indices().peekable();
            while let Some((k, c)) = chars.next() {
                let next = chars.peek().map(|(_, n)| *n);
                let ends = matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
                    || c == '.' && next.is_none_or(char::is_whitespace);
                if ends {
                    let e = line.start + k + c.len_utf8();
                    sentences.push(s..e);
                    s = e;
                }
            }
            if s < line.end || line.is_empty() {
                sentences.push(s..line.end);
            }
        }
        let mut headings = headings;
        if !html {
            for line in &lines {
                if is_title_line(&text[line.clone()]) && !items.iter().any(|i| i.start < line.end && line.start < i.end) {
                    headings.push(line.clone());
                }
            }
        }
        headings.sort_by_key(|h| h.start);
        Context { lower, lines, sentences, headings }
    }

    /// The brand that the text at `span` is presented as belonging to, if any.
    pub fn claimed(&self, span: &Range<usize>, named: &[Named]) -> Option<usize> {
        let sentence = containing(&self.sentences, span.start);
        let line = containing(&self.lines, span.start);
        for unit in [sentence.clone(), line.clone()].into_iter().flatten() {
            if let Some(b) = self.nearest(&unit, span, named) {
                let claim = self.has(&unit, CLAIM_WORDS)
                    || line.as_ref().is_some_and(|l| self.has(l, CLAIM_WORDS))
                    || self.heading_before(span.start).is_some_and(|h| self.has(h, CLAIM_WORDS));
                return claim.then_some(b);
            }
        }
        // The nearest heading above that names a brand.
        let nearest_heading = self.heading_before(span.start);
        for h in self.headings.iter().rev().filter(|h| h.end <= span.start) {
            if let Some(b) = self.nearest(h, &(h.end..h.end), named) {
                let claim = self.has(h, CLAIM_WORDS)
                    || nearest_heading.is_some_and(|n| self.has(n, CLAIM_WORDS))
                    || sentence.as_ref().is_some_and(|s| self.has(s, CLAIM_WORDS))
                    || line.as_ref().is_some_and(|l| self.has(l, CLAIM_WORDS));
                return claim.then_some(b);
            }
        }
        None
    }

    /// Whether the sentence at `at` denies or warns rather than claims.
    pub fn negated(&self, at: usize) -> bool {
        containing(&self.sentences, at).is_some_and(|s| {
            let padded = format!(" {} ", &self.lower[s]);
            NEGATIONS.iter().any(|w| padded.contains(w))
        })
    }

    /// Every place a word of `words` appears, in order.
    pub fn find_words(&self, words: &[&str]) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        for w in words {
            for (i, _) in self.lower.match_indices(w) {
                let span = i..i + w.len();
                if w.is_ascii()
                    && (self.lower[..i].ends_with(|c: char| c.is_ascii_alphanumeric())
                        || self.lower[span.end..].starts_with(|c: char| c.is_ascii_alphanumeric()))
                {
                    continue;
                }
                if !out.iter().any(|o| o.start < span.end && span.start < o.end) {
                    out.push(span);
                }
            }
        }
        out.sort_by_key(|r| r.start);
        out
    }

    /// The named brand in `unit` nearest before `span` (else the first after it); ordinary
    /// words count only with a support word in the unit.
    fn nearest(&self, unit: &Range<usize>, span: &Range<usize>, named: &[Named]) -> Option<usize> {
        let inside: Vec<&Named> = named
            .iter()
            .filter(|n| unit.start <= n.span.start && n.span.end <= unit.end)
            .filter(|n| !n.common || self.has(unit, CLAIM_WORDS))
            .collect();
        inside
            .iter()
            .rev()
            .find(|n| n.span.end <= span.start)
            .or_else(|| inside.iter().find(|n| n.span.start >= span.end))
            .map(|n| n.brand)
    }

    fn heading_before(&self, at: usize) -> Option<&Range<usize>> {
        self.headings.iter().rev().find(|h| h.end <= at)
    }

    fn has(&self, unit: &Range<usize>, words: &[&str]) -> bool {
        let text = &self.lower[unit.clone()];
        words.iter().any(|w| text.contains(w))
    }
}

/// The range in `ranges` (sorted, disjoint) that contains `at`.
fn containing(ranges: &[Range<usize>], at: usize) -> Option<Range<usize>> {
    let i = ranges.partition_point(|r| r.end <= at && r.start < at);
    ranges.get(i).filter(|r| r.start <= at).cloned()
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
        || !t.contains(['，', ',', '。', '!', '?', '！', '？', '；', ';']) && !t.trim_end_matches('.').contains(". ")
}

/// ASCII-lowercased text (same byte offsets as the original).
fn lowercase_same_len(text: &str) -> String {
    text.to_ascii_lowercase()
}
