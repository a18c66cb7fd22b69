//! What the library reports, in words for people: technique names, details, channel kinds,
//! number types. Each language is one file ([`en`](self) and `zh`), with one exhaustive `match`
//! per kind of message and no catch-all arm, so a new technique, detail or kind does not compile
//! until every language has words for it. Platforms' names for their accounts live in their rows
//! ([`crate::input::platform::Nouns`]). Traditional Chinese is the Simplified text converted by
//! [`crate::normalize::hant::to_traditional`] (OpenCC's tables); [`Language::ZhHant`] does it.
//!
//! ```
//! use contactguard::i18n::{detail, technique, Language};
//! use contactguard::registry::Lang;
//! use contactguard::Checker;
//!
//! let v = Checker::builtin()?.check("tokenp0cket.pro");
//! let f = &v.findings[0];
//! assert_eq!(technique(f.technique, Lang::Zh), "形近字符");
//! assert!(detail(&f.detail, Lang::Zh).contains("冒充 'o'"));
//! assert_eq!(detail(&f.detail, Lang::En), f.detail.to_string());
//! assert!(v.message_in(Language::ZhHant).is_some_and(|m| m.contains("冒充")));
//! # Ok::<(), contactguard::Error>(())
//! ```

mod en;
mod zh;

use crate::input::phone::NumberType;
use crate::input::platform::{Nouns, Platform};
use crate::registry::{ChannelKind, Lang};
use crate::{Detail, Problem, Status, Technique, Verdict};

/// A language the library's messages are written in.
///
/// ```
/// use contactguard::i18n::Language;
///
/// assert_eq!(Language::from_tag("zh-TW"), Some(Language::ZhHant));
/// assert_eq!(Language::from_tag("zh_CN.UTF-8"), Some(Language::Zh));
/// assert_eq!(Language::from_tag("en-GB"), Some(Language::En));
/// assert_eq!(Language::from_tag("fr"), None);
/// ```
#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
#[non_exhaustive]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Chinese in Simplified characters.
    Zh,
    /// Chinese in Traditional characters (Taiwan, Hong Kong, Macau).
    ZhHant,
}

impl Language {
    /// Every language, in order.
    pub const ALL: &'static [Language] = &[Language::En, Language::Zh, Language::ZhHant];

    /// The language of a BCP 47 tag or POSIX locale (`zh-Hant`, `zh_TW.UTF-8`, `en`), if the
    /// library speaks it.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let tag = tag
            .split(['.', '@'])
            .next()?
            .replace('_', "-")
            .to_ascii_lowercase();
        let mut parts = tag.split('-');
        match parts.next()? {
            "en" => Some(Language::En),
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                let hant = rest
                    .iter()
                    .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"))
                    && !rest.contains(&"hans");
                Some(if hant { Language::ZhHant } else { Language::Zh })
            }
            _ => None,
        }
    }

    /// The BCP 47 tag of the language: `en`, `zh-Hans`, `zh-Hant`.
    ///
    /// ```
    /// use contactguard::i18n::Language;
    ///
    /// assert_eq!(Language::ZhHant.tag(), "zh-Hant");
    /// assert_eq!(Language::from_tag(Language::Zh.tag()), Some(Language::Zh));
    /// ```
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Zh => "zh-Hans",
            Language::ZhHant => "zh-Hant",
        }
    }

    /// The language of the registry's texts to show in this language (brand statements are
    /// written in English and Simplified Chinese).
    pub fn registry_lang(self) -> Lang {
        match self {
            Language::En => Lang::En,
            Language::Zh | Language::ZhHant => Lang::Zh,
        }
    }

    /// Text in [`Language::registry_lang`], written in this language's characters.
    pub fn localize(self, text: String) -> String {
        match self {
            Language::ZhHant => crate::normalize::hant::to_traditional(&text),
            Language::En | Language::Zh => text,
        }
    }
}

impl From<Lang> for Language {
    fn from(lang: Lang) -> Language {
        match lang {
            Lang::En => Language::En,
            Lang::Zh => Language::Zh,
        }
    }
}

/// The names a platform's row gives the accounts of `kind`.
fn nouns(kind: ChannelKind) -> Option<Nouns> {
    Platform::of_kind(kind).map(|p| p.descriptor().nouns)
}

/// The regions whose places to report a scam a reader is shown
/// ([`crate::registry::Registry::report_places`]): the region of the reader's locale when
/// given (`SG` in `en_SG`), else those of the language: mainland China for Simplified Chinese,
/// Taiwan and Hong Kong for Traditional, the United States and the United Kingdom for English.
///
/// ```
/// use contactguard::i18n::{report_regions, Language};
///
/// assert_eq!(report_regions(Language::Zh, None), ["CN"]);
/// assert_eq!(report_regions(Language::ZhHant, None), ["TW", "HK"]);
/// assert_eq!(report_regions(Language::En, Some("sg")), ["SG"]);
/// ```
pub fn report_regions(language: Language, locale_region: Option<&str>) -> Vec<String> {
    if let Some(region) = locale_region.filter(|r| r.len() == 2) {
        return vec![region.to_ascii_uppercase()];
    }
    let regions: &[&str] = match language {
        Language::Zh => &["CN"],
        Language::ZhHant => &["TW", "HK"],
        Language::En => &["US", "GB"],
    };
    regions.iter().map(|r| (*r).to_owned()).collect()
}

/// The region of a BCP 47 tag or POSIX locale, when it names one: `TW` in `zh-Hant-TW` and in
/// `zh_TW.UTF-8`, none in `zh-Hans` or `en`.
///
/// ```
/// use contactguard::i18n::locale_region;
///
/// assert_eq!(locale_region("zh-Hant-TW").as_deref(), Some("TW"));
/// assert_eq!(locale_region("en_gb.UTF-8").as_deref(), Some("GB"));
/// assert_eq!(locale_region("zh-Hans"), None);
/// assert_eq!(locale_region("en-ZZ"), None);
/// ```
pub fn locale_region(tag: &str) -> Option<String> {
    tag.split(['.', '@'])
        .next()?
        .split(['-', '_'])
        .skip(1)
        .find(|p| p.len() == 2 && crate::input::phone::is_region(p))
        .map(str::to_ascii_uppercase)
}

/// The short name of a technique, as a reader would say it.
pub fn technique(t: Technique, lang: Lang) -> &'static str {
    match lang {
        Lang::En => en::technique(t),
        Lang::Zh => zh::technique(t),
    }
}

/// What a channel of this kind is called (`website`, `X account`).
pub fn kind_noun(kind: ChannelKind, lang: Lang) -> &'static str {
    match lang {
        Lang::En => en::kind_noun(kind),
        Lang::Zh => zh::kind_noun(kind),
    }
}

/// The heading over a brand's channels of a kind (`websites`, `X (Twitter)`).
pub fn kind_plural(kind: ChannelKind, lang: Lang) -> &'static str {
    match lang {
        Lang::En => en::kind_plural(kind),
        Lang::Zh => zh::kind_plural(kind),
    }
}

/// The type of a phone number.
pub fn number_type(t: NumberType, lang: Lang) -> &'static str {
    match lang {
        Lang::En => en::number_type(t),
        Lang::Zh => zh::number_type(t),
    }
}

/// Why an input is invalid.
///
/// ```
/// use contactguard::i18n::problem;
/// use contactguard::registry::Lang;
/// use contactguard::Checker;
///
/// let v = Checker::builtin()?.check("telegram: ab");
/// let p = v.problem.as_ref().expect("a reason");
/// assert!(problem(p, Lang::Zh).contains("不符合 Telegram 的账号名规则"));
/// assert_eq!(problem(p, Lang::En), v.error.clone().unwrap_or_default());
/// # Ok::<(), contactguard::Error>(())
/// ```
pub fn problem(p: &Problem, lang: Lang) -> String {
    match lang {
        Lang::En => en::problem(p),
        Lang::Zh => zh::problem(p),
    }
}

/// The finding's detail in one sentence.
pub fn detail(d: &Detail, lang: Lang) -> String {
    match lang {
        Lang::En => en::detail(d),
        Lang::Zh => zh::detail(d),
    }
}

impl Verdict {
    /// What the verdict says in one sentence, in `lang`: the first finding's detail (or the
    /// first note's, when there is no finding); for an invalid input, why.
    ///
    /// ```
    /// use contactguard::i18n::Language;
    /// use contactguard::Checker;
    ///
    /// let v = Checker::builtin()?.check("tokenp0cket.pro");
    /// assert!(v.message_in(Language::En).is_some_and(|m| m.starts_with("looks the same")));
    /// assert!(v.message_in(Language::Zh).is_some_and(|m| m.contains("冒充")));
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn message_in(&self, lang: Language) -> Option<String> {
        if self.status == Status::Invalid {
            return match &self.problem {
                Some(p) => Some(lang.localize(problem(p, lang.registry_lang()))),
                None => self.error.clone(),
            };
        }
        let detail_of = self
            .findings
            .first()
            .map(|f| &f.detail)
            .or_else(|| self.notes.first().map(|n| &n.detail))?;
        Some(lang.localize(detail(detail_of, lang.registry_lang())))
    }

    /// Writes the `message` of every finding and note, and `error`, in `lang` (they are English
    /// as made), for apps that show the JSON's messages as they are.
    ///
    /// ```
    /// use contactguard::i18n::Language;
    /// use contactguard::Checker;
    ///
    /// let mut v = Checker::builtin()?.check("tokenp0cket.pro");
    /// v.localize(Language::ZhHant);
    /// assert!(v.findings[0].message.contains("冒充"));
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn localize(&mut self, lang: Language) {
        let say = |d: &Detail| lang.localize(detail(d, lang.registry_lang()));
        for f in &mut self.findings {
            f.message = say(&f.detail);
        }
        for n in &mut self.notes {
            n.message = say(&n.detail);
        }
        if let Some(p) = &self.problem {
            self.error = Some(lang.localize(problem(p, lang.registry_lang())));
        }
    }
}

impl crate::ScanReport {
    /// Writes the `message` of every finding and note of the report in `lang`, as
    /// [`Verdict::localize`] does for one verdict.
    ///
    /// ```
    /// use contactguard::i18n::Language;
    /// use contactguard::Checker;
    ///
    /// let mut report = Checker::builtin()?.scan("TP钱包官方客服热线：400-123-4567");
    /// report.localize(Language::Zh);
    /// assert!(report.items[0].verdict.findings[0].message.contains("TokenPocket"));
    /// assert!(report.claims.iter().all(|c| !c.finding.message.is_ascii()));
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn localize(&mut self, lang: Language) {
        for item in &mut self.items {
            item.verdict.localize(lang);
        }
        for claim in &mut self.claims {
            claim.finding.message =
                lang.localize(detail(&claim.finding.detail, lang.registry_lang()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_words_in_every_language() {
        for kind in ChannelKind::ALL {
            let platform = Platform::of_kind(*kind);
            let own = matches!(
                kind,
                ChannelKind::Domain | ChannelKind::Phone | ChannelKind::Email
            );
            assert!(own || platform.is_some(), "{kind} has no row and no words");
            for lang in [Lang::En, Lang::Zh] {
                assert!(!kind_noun(*kind, lang).is_empty());
                assert!(!kind_plural(*kind, lang).is_empty());
            }
        }
    }

    #[test]
    fn languages_from_tags() {
        assert_eq!(Language::from_tag("zh-Hant-HK"), Some(Language::ZhHant));
        assert_eq!(Language::from_tag("zh-Hans-TW"), Some(Language::Zh));
        assert_eq!(Language::from_tag("zh_HK.UTF-8"), Some(Language::ZhHant));
        assert_eq!(Language::from_tag("C"), None);
    }
}
