//! Telephone numbers: the shared prefilter, Unicode digits, letter-for-digit lookalikes,
//! extensions and short service codes, then libphonenumber's metadata (the `phonenumber`
//! crate) for E.164 and the number type.
//!
//! The metadata loads on the first phone parse (tens of milliseconds), never for other kinds.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::normalize::{self, HiddenChar};

/// The longest input accepted as one phone number, in bytes.
pub const MAX_PHONE_LEN: usize = 256;

/// The most digits a number (with country code) may have.
const MAX_DIGITS: usize = 17;

/// Why an input is not a phone number.
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PhoneError {
    /// Over [`MAX_PHONE_LEN`] bytes.
    #[error("the input is {0} bytes long; a phone number is at most {MAX_PHONE_LEN} bytes")]
    TooLong(usize),
    /// Fewer than three digits.
    #[error("'{0}' has too few digits to be a phone number")]
    TooFewDigits(String),
    /// More digits than any number has.
    #[error("'{0}' has more digits than any phone number ({MAX_DIGITS} at most)")]
    TooManyDigits(String),
    /// A character that has no place in a phone number.
    #[error("'{0}' does not belong in a phone number; write the number with digits, spaces, '+', '-' and '()'")]
    Character(char),
    /// The region code given is not one libphonenumber knows.
    #[error("'{0}' is not a region code; use two letters such as CN, US, HK")]
    Region(String),
    /// libphonenumber could not read it.
    #[error("not a phone number: {0}")]
    Parse(String),
}

/// The type of a number, from libphonenumber's metadata.
#[derive(Clone, Copy, Debug, Deserialize, Eq, Hash, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NumberType {
    /// A landline.
    FixedLine,
    /// A mobile number.
    Mobile,
    /// A landline or mobile (the region does not tell them apart).
    FixedLineOrMobile,
    /// Free to call (800).
    TollFree,
    /// A premium-rate line.
    PremiumRate,
    /// The cost is shared between caller and callee (China's 400 numbers).
    SharedCost,
    /// Voice over IP.
    Voip,
    /// A personal number that forwards elsewhere.
    PersonalNumber,
    /// A pager.
    Pager,
    /// A universal access number.
    Uan,
    /// Voicemail access.
    Voicemail,
    /// A short service code (95588, 10086): not in libphonenumber's main metadata.
    ShortCode,
    /// Not a valid number of any type in its region.
    Unknown,
}

/// A parsed phone number.
///
/// ```
/// use contactguard::input::phone::{NumberType, Phone};
///
/// let p = Phone::parse("＋８６ ４００－１２３－４５６７", "CN")?;
/// assert_eq!(p.key(), "+864001234567");
/// assert_eq!(p.number_type(), NumberType::SharedCost);
/// let p = Phone::parse("4OO-l23-4567 转 8", "CN")?;
/// assert_eq!(p.key(), "+864001234567");
/// assert_eq!(p.extension(), Some("8"));
/// assert_eq!(p.letters_for_digits(), &[('O', '0'), ('O', '0'), ('l', '1')]);
/// # Ok::<(), contactguard::input::phone::PhoneError>(())
/// ```
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Phone {
    raw: String,
    key: String,
    country_code: u16,
    national: String,
    region: String,
    number_type: NumberType,
    valid: bool,
    extension: Option<String>,
    letters: Vec<(char, char)>,
    hidden: Vec<HiddenChar>,
}

impl Phone {
    /// Parses a number; `region` (two letters) is used when the number has no `+`.
    ///
    /// # Errors
    /// A [`PhoneError`] that says what is wrong.
    pub fn parse(input: &str, region: &str) -> Result<Phone, PhoneError> {
        if input.len() > MAX_PHONE_LEN {
            return Err(PhoneError::TooLong(input.len()));
        }
        let region = region.to_ascii_uppercase();
        let id = phonenumber::country::Id::from_str(&region)
            .map_err(|_| PhoneError::Region(region.clone()))?;
        let cleaned = normalize::clean(input.trim());
        let mut text: String = cleaned.text.chars().map(ascii_digit).collect();
        for scheme in ["tel:", "TEL:", "Tel:", "callto:"] {
            if let Some(rest) = text.strip_prefix(scheme) {
                text = rest.to_owned();
            }
        }
        let (number, extension) = split_extension(&text);
        let (number, letters) = fold_lookalike_letters(number);
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        if let Some(c) = number
            .chars()
            .find(|c| !(c.is_ascii_digit() || matches!(c, '+' | '(' | ')' | '-' | '.' | ' ' | '/')))
        {
            return Err(PhoneError::Character(c));
        }
        if digits.len() < 3 {
            return Err(PhoneError::TooFewDigits(input.trim().to_owned()));
        }
        if digits.len() > MAX_DIGITS {
            return Err(PhoneError::TooManyDigits(input.trim().to_owned()));
        }
        let base = |key: String, country_code, national, number_type, valid| Phone {
            raw: input.to_owned(),
            key,
            country_code,
            national,
            region: region.clone(),
            number_type,
            valid,
            extension: extension.clone(),
            letters: letters.clone(),
            hidden: cleaned.hidden.clone(),
        };
        if !number.contains('+') && digits.len() <= 6 {
            return Ok(base(
                format!("short:{region}:{digits}"),
                0,
                digits.clone(),
                NumberType::ShortCode,
                false,
            ));
        }
        // The parser is third-party code fed with hostile input: contain any panic.
        let parsed = std::panic::catch_unwind(|| phonenumber::parse(Some(id), &number))
            .map_err(|_| PhoneError::Parse("the number could not be read".into()))?
            .map_err(|e| PhoneError::Parse(e.to_string()))?;
        let country_code = parsed.code().value();
        let home = parsed.country().id().map(|id| id.as_ref().to_owned());
        let national = parsed.national().to_string();
        let key = format!("+{country_code}{national}");
        let valid = parsed.is_valid();
        let number_type = if valid {
            convert(parsed.number_type(&phonenumber::metadata::DATABASE))
        } else {
            NumberType::Unknown
        };
        let mut phone = base(key, country_code, national, number_type, valid);
        if let Some(home) = home {
            phone.region = home;
        }
        Ok(phone)
    }

    /// The input as given.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The identity: E.164 (`+864001234567`), or `short:CN:95588` for a short code.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The country calling code (0 for a short code).
    pub fn country_code(&self) -> u16 {
        self.country_code
    }

    /// The national significant number, digits only.
    pub fn national(&self) -> &str {
        &self.national
    }

    /// The region the number belongs to (`US` for `+1 888 …`); for a number libphonenumber
    /// cannot place, and for short codes, the region it was read in.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The number type.
    pub fn number_type(&self) -> NumberType {
        self.number_type
    }

    /// Whether libphonenumber considers the number valid for its region.
    pub fn is_valid(&self) -> bool {
        self.valid
    }

    /// The extension, if one followed the number (`转 8`, `ext. 12`).
    pub fn extension(&self) -> Option<&str> {
        self.extension.as_deref()
    }

    /// Letters read as digits (`O` → `0`, `l` → `1`), in order.
    pub fn letters_for_digits(&self) -> &[(char, char)] {
        &self.letters
    }

    /// Hidden characters that were removed.
    pub fn hidden(&self) -> &[HiddenChar] {
        &self.hidden
    }

    /// Whether this is a short service code.
    pub fn is_short_code(&self) -> bool {
        self.number_type == NumberType::ShortCode
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key)
    }
}

/// Whether `code` is a region libphonenumber knows (`CN`, `US`, `HK`).
///
/// ```
/// assert!(contactguard::input::phone::is_region("cn"));
/// assert!(!contactguard::input::phone::is_region("ZZ"));
/// ```
pub fn is_region(code: &str) -> bool {
    phonenumber::country::Id::from_str(&code.to_ascii_uppercase()).is_ok()
}

/// Decimal digits of any script (and `〇`) as ASCII digits; other characters unchanged.
fn ascii_digit(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    if c == '〇' {
        return '0';
    }
    // Zero of every decimal-digit block outside ASCII that NFKC leaves alone.
    const ZEROS: &[u32] = &[
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0,
        0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0,
        0xAA50, 0xABF0,
    ];
    let code = u32::from(c);
    ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .and_then(|&zero| char::from_digit(code - zero, 10))
        .unwrap_or(c)
}

/// Splits a trailing extension: `400 820 8820转1`, `… ext. 123`, `… x12`, `… #5`.
fn split_extension(text: &str) -> (&str, Option<String>) {
    let trimmed = text.trim_end();
    let digits_start = trimmed.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let ext_digits = &trimmed[digits_start..];
    if ext_digits.is_empty() || ext_digits.len() > 6 {
        return (text, None);
    }
    let before = trimmed[..digits_start].trim_end_matches([' ', '.', ':', '-', '：']);
    for marker in [
        "转", "轉", "分机", "分機", "ext", "EXT", "Ext", "x", "X", "#", ";ext=",
    ] {
        if let Some(number) = before.strip_suffix(marker) {
            let number = number.trim_end_matches([' ', ',', ';']);
            if number.chars().filter(char::is_ascii_digit).count() >= 5 {
                return (number, Some(ext_digits.to_owned()));
            }
        }
    }
    (text, None)
}

/// Reads `O`/`o` as 0 and `l`/`I`/`|` as 1 inside a number that already has at least six
/// digits and at most three such letters; returns the folded text and the substitutions.
fn fold_lookalike_letters(number: &str) -> (String, Vec<(char, char)>) {
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let lookalikes: Vec<char> = number
        .chars()
        .filter(|c| matches!(c, 'O' | 'o' | 'l' | 'I' | '|'))
        .collect();
    if lookalikes.is_empty()
        || lookalikes.len() > 3
        || digits < 6
        || number
            .chars()
            .any(|c| c.is_alphabetic() && !lookalikes.contains(&c))
    {
        return (number.to_owned(), Vec::new());
    }
    let mut subs = Vec::new();
    let folded = number
        .chars()
        .map(|c| match c {
            'O' | 'o' => {
                subs.push((c, '0'));
                '0'
            }
            'l' | 'I' | '|' => {
                subs.push((c, '1'));
                '1'
            }
            other => other,
        })
        .collect();
    (folded, subs)
}

fn convert(t: phonenumber::Type) -> NumberType {
    use phonenumber::Type;
    match t {
        Type::FixedLine => NumberType::FixedLine,
        Type::Mobile => NumberType::Mobile,
        Type::FixedLineOrMobile => NumberType::FixedLineOrMobile,
        Type::TollFree => NumberType::TollFree,
        Type::PremiumRate => NumberType::PremiumRate,
        Type::SharedCost => NumberType::SharedCost,
        Type::Voip => NumberType::Voip,
        Type::PersonalNumber => NumberType::PersonalNumber,
        Type::Pager => NumberType::Pager,
        Type::Uan => NumberType::Uan,
        Type::Voicemail => NumberType::Voicemail,
        _ => NumberType::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_of_one_number() {
        for input in [
            "400-123-4567",
            "4001234567",
            "+86 400 123 4567",
            "tel:+86-400-123-4567",
            "４００－１２３－４５６７",
            "0086 400 123 4567",
        ] {
            assert_eq!(
                Phone::parse(input, "CN").map(|p| p.key().to_owned()),
                Ok("+864001234567".to_owned()),
                "{input}"
            );
        }
    }

    #[test]
    fn us_toll_free() {
        let p = Phone::parse("+1 (888) 908-7930", "CN").unwrap();
        assert_eq!(p.key(), "+18889087930");
        assert_eq!(p.number_type(), NumberType::TollFree);
        assert_eq!(
            Phone::parse("1-888-908-7930", "US").unwrap().key(),
            "+18889087930"
        );
    }

    #[test]
    fn short_codes_are_keyed_apart() {
        let p = Phone::parse("95588", "CN").unwrap();
        assert_eq!(p.key(), "short:CN:95588");
        assert!(p.is_short_code());
    }

    #[test]
    fn extensions() {
        for (input, ext) in [
            ("400 820 8820转1", "1"),
            ("400 820 8820 分机 12", "12"),
            ("+1 800 356 9377 ext. 123", "123"),
            ("010-12345678 #5", "5"),
        ] {
            assert_eq!(
                Phone::parse(input, "CN").map(|p| p.extension().map(str::to_owned)),
                Ok(Some(ext.to_owned())),
                "{input}"
            );
        }
    }

    #[test]
    fn other_digits() {
        assert_eq!(ascii_digit('٣'), '3');
        assert_eq!(ascii_digit('〇'), '0');
        assert_eq!(
            Phone::parse("٤٠٠١٢٣٤٥٦٧", "CN").unwrap().key(),
            "+864001234567"
        );
    }

    #[test]
    fn errors() {
        assert!(matches!(
            Phone::parse("12", "CN"),
            Err(PhoneError::TooFewDigits(_))
        ));
        assert!(matches!(
            Phone::parse("abc", "CN"),
            Err(PhoneError::Character('a'))
        ));
        assert!(matches!(
            Phone::parse("1234567890123456789012", "CN"),
            Err(PhoneError::TooManyDigits(_))
        ));
        assert!(matches!(
            Phone::parse("400", "ZZ"),
            Err(PhoneError::Region(_))
        ));
    }
}
