//! Reports for people: the words the CLI prints and the web page shows, from one source.
//!
//! A [`Report`] is a list of [`Part`]s, each a piece of text with its [`Role`] (a heading, a
//! contact, the sentence explaining it, a step to take…) and, for contacts and false claims,
//! its verdict and where it is in the text. Printed whole it is the plain-text report (what
//! `contactguard scan` prints and the page's "copy report" button copies); the page lays out
//! the same parts as cards, so both say exactly the same.
//!
//! Every sentence is a [`say::Msg`], with one file of words per language and no catch-all
//! arm, so a sentence without words in a language does not compile.
//!
//! ```
//! use contactguard::report::{self, Role, Style};
//! use contactguard::registry::Lang;
//! use contactguard::Checker;
//!
//! let checker = Checker::builtin()?;
//! let text = "TokenPocket客服电话：400-123-4567";
//! let scan = checker.scan(text);
//! let report = report::scan(text, &scan, Lang::Zh, Style::plain(), false);
//! assert!(report.to_string().starts_with("✗"));
//! assert!(report.parts().iter().any(|p| p.role == Role::Contact && p.span.is_some()));
//! # Ok::<(), contactguard::Error>(())
//! ```

mod aftercare;
pub mod say;
mod scan;
mod style;

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::i18n::{locale_region, report_regions, Language};
use crate::registry::Registry;
use crate::scan::ScanReport;
use crate::Status;

pub use aftercare::aftercare;
pub use scan::{imitated, scan};
pub use style::Style;

/// A report: its parts in order. [`Display`](fmt::Display) writes them as one text.
///
/// ```
/// use contactguard::report::{Report, Role};
///
/// let mut report = Report::default();
/// report.push(Role::Heading, "Contacts found:\n");
/// assert_eq!(report.to_string(), "Contacts found:\n");
/// ```
#[derive(Clone, Debug, Default, Eq, PartialEq, Serialize)]
pub struct Report {
    parts: Vec<Part>,
}

/// One piece of a report.
///
/// ```
/// use contactguard::report::{Part, Role};
///
/// let part = Part::new(Role::Step, "  • Do not pay.\n");
/// assert_eq!(part.text.trim(), "• Do not pay.");
/// assert!(part.status.is_none());
/// ```
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
pub struct Part {
    /// What the text is.
    pub role: Role,
    /// The text, with the indentation and line ends of the plain-text report.
    pub text: String,
    /// The verdict, for the summary, a contact or a false claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Where the contact or claim is in the text that was scanned (bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Range<usize>>,
}

/// What a [`Part`] of a report is.
///
/// ```
/// use contactguard::report::Role;
///
/// assert_eq!(serde_json::to_string(&Role::Contact)?, "\"contact\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// The first line: the verdict on the whole text.
    Summary,
    /// A section's heading.
    Heading,
    /// A contact found in the text, with its verdict.
    Contact,
    /// The sentence under a contact that says why.
    Explanation,
    /// A false claim about a brand (a "hotline" a brand does not have).
    Claim,
    /// A warning about the text as a whole (two brands named together).
    Warning,
    /// Advice to the reader.
    Advice,
    /// A brand's heading over its real channels.
    Brand,
    /// A row of a brand's real channels of one kind.
    Channels,
    /// A brand's own words (a safety statement, its page for checking contacts).
    Statement,
    /// A step to take now.
    Step,
    /// A place to report the scam.
    Place,
    /// Technical detail for those who asked for it (`--verbose`).
    Detail,
}

impl Part {
    /// A part with no verdict and no place in the text.
    pub fn new(role: Role, text: impl Into<String>) -> Part {
        Part {
            role,
            text: text.into(),
            status: None,
            span: None,
        }
    }
}

impl Report {
    /// Adds a part with no verdict and no place in the text.
    pub fn push(&mut self, role: Role, text: impl Into<String>) {
        self.parts.push(Part::new(role, text));
    }

    /// Adds a part.
    pub fn push_part(&mut self, part: Part) {
        self.parts.push(part);
    }

    /// Adds every part of `other`.
    pub fn append(&mut self, other: Report) {
        self.parts.extend(other.parts);
    }

    /// The parts, in order.
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// The report in `language`'s characters: a report written in Chinese
    /// ([`Lang::Zh`](crate::registry::Lang::Zh)) becomes Traditional Chinese for
    /// [`Language::ZhHant`]; other languages are unchanged.
    ///
    /// ```
    /// use contactguard::i18n::Language;
    /// use contactguard::report::{Report, Role};
    ///
    /// let mut report = Report::default();
    /// report.push(Role::Step, "马上转移资产");
    /// assert_eq!(report.in_language(Language::ZhHant).to_string(), "馬上轉移資產");
    /// ```
    pub fn in_language(mut self, language: Language) -> Report {
        if language == Language::ZhHant {
            for part in &mut self.parts {
                part.text = language.localize(std::mem::take(&mut part.text));
            }
        }
        self
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.parts.iter().try_for_each(|p| f.write_str(&p.text))
    }
}

/// Who reads a report: the language, the regions whose places to report a scam are listed,
/// the style, and whether technical detail is wanted.
///
/// ```
/// use contactguard::i18n::Language;
/// use contactguard::report::Reader;
///
/// let reader = Reader::of_locale("zh-Hant-HK");
/// assert_eq!(reader.language, Language::ZhHant);
/// assert_eq!(reader.regions, ["HK"]);
/// assert_eq!(Reader::of_locale("fr-FR").language, Language::En);
/// assert_eq!(Reader::of_locale("zh").regions, ["CN"]);
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Reader {
    /// The language of the report.
    pub language: Language,
    /// The regions whose places to report a scam are listed ([`report_regions`]).
    pub regions: Vec<String>,
    /// Plain text or terminal colours.
    pub style: Style,
    /// Technical detail (where every channel is listed).
    pub verbose: bool,
}

impl Reader {
    /// A reader of `language` in `region` (none: the language's regions), plain text, no
    /// technical detail.
    pub fn new(language: Language, region: Option<&str>) -> Reader {
        Reader {
            language,
            regions: report_regions(language, region),
            style: Style::plain(),
            verbose: false,
        }
    }

    /// The reader of a BCP 47 tag or POSIX locale (`zh-TW`, `en_GB.UTF-8`): its language
    /// (English when the library does not speak it) and its region.
    pub fn of_locale(locale: &str) -> Reader {
        let language = Language::from_tag(locale).unwrap_or_default();
        Reader::new(language, locale_region(locale).as_deref())
    }
}

/// The whole report on `text` (scanned as `scan`) for `reader`, in the reader's language: what
/// [`scan`] says, then, when the text impersonates a brand, [`aftercare`] for the brands it
/// imitates and the reader's regions. This is what `contactguard scan` prints and what the web
/// page shows.
///
/// ```
/// use contactguard::report::{self, Reader, Role};
/// use contactguard::Checker;
///
/// let checker = Checker::builtin()?;
/// let text = "imToken客服熱線 400-800-1234";
/// let out = report::full(checker.registry(), text, &checker.scan(text), &Reader::of_locale("zh-TW"));
/// assert!(out.to_string().contains("165"));
/// assert!(out.parts().iter().any(|p| p.role == Role::Step));
/// # Ok::<(), contactguard::Error>(())
/// ```
pub fn full(registry: &Registry, text: &str, scan: &ScanReport, reader: &Reader) -> Report {
    let lang = reader.language.registry_lang();
    let mut out = self::scan(text, scan, lang, reader.style, reader.verbose);
    if scan.status == Some(Status::Impersonation) {
        let brands: Vec<_> = imitated(scan)
            .iter()
            .filter_map(|id| registry.brand(id))
            .collect();
        out.append(aftercare(
            registry,
            &brands,
            &reader.regions,
            lang,
            reader.style,
        ));
    }
    out.in_language(reader.language)
}

/// The most characters of an input echoed back; longer inputs are cut with `…`.
pub const SHOWN_INPUT: usize = 120;

/// `input` as echoed in a report: one line (control characters become spaces), at most
/// [`SHOWN_INPUT`] characters.
///
/// ```
/// use contactguard::report::shown;
///
/// assert_eq!(shown("a\nb"), "a b");
/// assert!(shown(&"x".repeat(500)).ends_with('…'));
/// ```
pub fn shown(input: &str) -> String {
    let mut out: String = input
        .chars()
        .take(SHOWN_INPUT)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if input.chars().nth(SHOWN_INPUT).is_some() {
        out.push('…');
    }
    out
}
