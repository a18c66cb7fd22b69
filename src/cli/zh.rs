//! The library's wording ([`contactguard::i18n`]) and the one helper the CLI's own sentences
//! use to choose a language.

pub use contactguard::i18n::{detail, kind_noun, kind_plural, number_type, technique};
use contactguard::registry::Lang;

/// `en` or `zh`, for `lang`.
pub fn pick<'a>(lang: Lang, en: &'a str, zh: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        _ => en,
    }
}
