//! Telephone numbers: the shared prefilter, Unicode digits, letter-for-digit lookalikes,
//! extensions and short service codes, then placing the number in its country for the E.164
//! key.
//!
//! With the `phone` feature (on by default), libphonenumber's metadata (the `phonenumber`
//! crate) places the number and tells its type and validity. Its metadata loads region by
//! region as numbers need it (a few milliseconds for the first number of a country), never
//! for other kinds.
//!
//! Without it, a small table of country calling codes and national prefixes places the number
//! (see [`Phone::parse`] for what that reads and what it cannot tell): exact and near-miss
//! matching against a registry's numbers, which are stored in E.164, works the same for
//! numbers written with `+` or `00`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::normalize::{self, HiddenChar};

// The one seam of the `phone` feature: who places a number in its country.
#[cfg(feature = "phone")]
mod metadata;
#[cfg(any(not(feature = "phone"), test))]
mod plain;
#[cfg(feature = "phone")]
mod regions;

#[cfg(feature = "phone")]
use metadata as backend;
#[cfg(not(feature = "phone"))]
use plain as backend;

/// The longest input accepted as one phone number, in bytes.
pub const MAX_PHONE_LEN: usize = 256;

/// The most digits a number (with country code) may have.
const MAX_DIGITS: usize = 17;

/// Why an input is not a phone number.
///
/// ```
/// use contactguard::input::phone::{Phone, PhoneError};
///
/// assert_eq!(Phone::parse("400-123-4567", "ZZ"), Err(PhoneError::Region("ZZ".into())));
/// assert_eq!(Phone::parse("call me", "CN"), Err(PhoneError::Character('c')));
/// ```
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
    /// The region code given is not one of libphonenumber's regions.
    #[error("'{0}' is not a region code; use two letters such as CN, US, HK")]
    Region(String),
    /// It could not be placed in a country: libphonenumber could not read it, or (without
    /// the `phone` feature) no country has the calling code it starts with.
    #[error("not a phone number: {0}")]
    Parse(String),
}

/// The type of a number, from libphonenumber's metadata. Without the `phone` feature only
/// [`NumberType::ShortCode`] and [`NumberType::Unknown`] occur.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// Not known: the number is not valid in its region, or (without the `phone` feature)
    /// there is no metadata to tell.
    Unknown,
}

/// A parsed phone number: the input as given and the E.164 key it is compared by.
///
/// ```
/// use contactguard::input::phone::{NumberType, Phone};
///
/// let p = Phone::parse("＋８６ ４００－１２３－４５６７", "CN")?;
/// assert_eq!(p.key(), "+864001234567");
/// # #[cfg(feature = "phone")]
/// assert_eq!(p.number_type(), NumberType::SharedCost); // needs the `phone` feature
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
    keypad: Vec<(char, char)>,
    hidden: Vec<HiddenChar>,
}

impl Phone {
    /// Parses a number; `region` (two letters) is used when the number has no `+` or `00`.
    ///
    /// Every build reads: NFKC (full-width `＋８６ ４００…`), decimal digits of every script and
    /// `〇`, `tel:`/`callto:`, an extension after `转`, `分机`, `ext`, `x`, `#`, and `O`/`o` as 0
    /// and `l`/`I`/`|` as 1 inside a number of at least six digits
    /// ([`Phone::letters_for_digits`]). Three to six digits without `+` are a short service
    /// code, keyed apart (`short:CN:95588`).
    ///
    /// **Without the `phone` feature** there is no libphonenumber metadata, and the number is
    /// placed with a table of country calling codes and national prefixes instead:
    /// - `+` or `00` then digits: split at the country calling code (a `(0)` after it is
    ///   dropped), the same E.164 key as with the metadata; the region is the calling code's
    ///   main region (`US` for every `+1` number);
    /// - digits alone: read in `region`'s calling code after one leading national prefix is
    ///   removed (`0` in most regions, `1` in North America, `8` in Russia). The regions'
    ///   other national rules (carrier codes, a country code written without `+`) are not
    ///   applied, so such a number may get a key no registry holds, and stays `unknown`;
    /// - the [`NumberType`] is [`NumberType::Unknown`] ([`NumberType::ShortCode`] for short
    ///   codes, as in every build) and [`Phone::is_valid`] is `false`: not known.
    ///
    /// ```
    /// use contactguard::input::phone::Phone;
    ///
    /// for written in ["+1 (888) 908-7930", "0018889087930", "＋１ ８８８ ９０８ ７９３０"] {
    ///     assert_eq!(Phone::parse(written, "CN")?.key(), "+18889087930");
    /// }
    /// assert_eq!(Phone::parse("1-888-908-7930", "US")?.key(), "+18889087930");
    /// assert_eq!(Phone::parse("400-123-4567", "CN")?.key(), "+864001234567");
    /// # Ok::<(), contactguard::input::phone::PhoneError>(())
    /// ```
    ///
    /// # Errors
    /// A [`PhoneError`] that says what is wrong.
    pub fn parse(input: &str, region: &str) -> Result<Phone, PhoneError> {
        let prepared = Prepared::new(input, region)?;
        if !prepared.number.contains('+') && prepared.digits.len() <= 6 {
            let key = format!("short:{}:{}", prepared.region, prepared.digits);
            let national = prepared.digits.clone();
            let placed = Placed {
                country_code: 0,
                national,
                region: None,
                number_type: NumberType::ShortCode,
                valid: false,
            };
            return Ok(prepared.into_phone(key, placed));
        }
        let placed = backend::place(&prepared.number, &prepared.region)?;
        let key = format!("+{}{}", placed.country_code, placed.national);
        Ok(prepared.into_phone(key, placed))
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
    /// cannot place, and for short codes, the region it was read in. Without the `phone`
    /// feature: the calling code's main region for a number with `+`, else the region it was
    /// read in.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The number type ([`NumberType::Unknown`] for every number that is not a short code
    /// without the `phone` feature).
    pub fn number_type(&self) -> NumberType {
        self.number_type
    }

    /// Whether libphonenumber considers the number valid for its region; always `false`
    /// (not known) without the `phone` feature.
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

    /// Letters of a vanity number read as on a phone keypad (`1-888-COINBASE`: `C` → `2` …),
    /// in order: a phone dials them so, so they are not a lookalike.
    ///
    /// ```
    /// use contactguard::input::phone::Phone;
    ///
    /// let p = Phone::parse("1-800-FLOWERS", "US")?;
    /// assert_eq!(p.key(), "+18003569377");
    /// assert_eq!(p.keypad_letters()[0], ('F', '3'));
    /// // A North American vanity number dials its first seven letters; the rest is decoration.
    /// assert_eq!(Phone::parse("+1-888-COINBASE", "CN")?.key(), "+18882646227");
    /// # Ok::<(), contactguard::input::phone::PhoneError>(())
    /// ```
    pub fn keypad_letters(&self) -> &[(char, char)] {
        &self.keypad
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

/// The region a number's own shape tells, for a number written without `+`: North American
/// (`US`) when it is written `1-NXX-NXX-XXXX` (any of `-`, `.`, space), `1 (NXX) NXX-XXXX`,
/// `(NXX) NXX-XXXX`, or as a vanity number `1-NXX-LETTERS`; else `None` (`18889087930` may
/// be a Chinese mobile number, and `400-888-2345` is Chinese).
///
/// ```
/// use contactguard::input::phone::region_of_shape;
///
/// assert_eq!(region_of_shape("1-800-908-7930"), Some("US"));
/// assert_eq!(region_of_shape("(888) 908-7930"), Some("US"));
/// assert_eq!(region_of_shape("1-888-COINBASE"), Some("US"));
/// assert_eq!(region_of_shape("18889087930"), None);
/// assert_eq!(region_of_shape("400-888-2345"), None);
/// assert_eq!(region_of_shape("(0755) 8663 2109"), None);
/// ```
pub fn region_of_shape(number: &str) -> Option<&'static str> {
    let text = number.trim();
    let text = text.strip_prefix("tel:").unwrap_or(text).trim();
    if text.starts_with('+') {
        return None;
    }
    // Groups of digits (or letters) between separators, with the parentheses kept apart.
    let groups: Vec<&str> = text
        .split(['-', '.', ' ', ')'])
        .filter(|g| !g.is_empty())
        .collect();
    let area = |g: &str| {
        let g = g.strip_prefix('(').unwrap_or(g);
        g.len() == 3
            && g.bytes().all(|b| b.is_ascii_digit())
            && matches!(g.as_bytes()[0], b'2'..=b'9')
    };
    let digits = |g: &str, n: usize| g.len() == n && g.bytes().all(|b| b.is_ascii_digit());
    let letters = |g: &str| g.len() >= 3 && g.bytes().all(|b| b.is_ascii_alphanumeric());
    let nanp = match groups.as_slice() {
        ["1", a, b, c] => area(a) && digits(b, 3) && digits(c, 4),
        ["1", a, word] => area(a) && letters(word) && word.bytes().any(|b| b.is_ascii_alphabetic()),
        [a, b, c] => a.starts_with('(') && area(a) && digits(b, 3) && digits(c, 4),
        _ => false,
    };
    nanp.then_some("US")
}

/// The region the script of the text around a number suggests: `CN` for Chinese text, `TW` for
/// Chinese written only in Traditional characters; `None` for other scripts (they do not tell
/// a country).
///
/// ```
/// use contactguard::input::phone::region_of_script;
///
/// assert_eq!(region_of_script("TP钱包客服电话 18889087930"), Some("CN"));
/// assert_eq!(region_of_script("幣安官方客服電話 0800-888-235"), Some("TW"));
/// assert_eq!(region_of_script("call 18889087930"), None);
/// ```
pub fn region_of_script(text: &str) -> Option<&'static str> {
    use unicode_script::{Script, UnicodeScript};
    let han: Vec<char> = text.chars().filter(|c| c.script() == Script::Han).collect();
    if han.is_empty() {
        return None;
    }
    let traditional = han
        .iter()
        .any(|c| crate::normalize::is_traditional_only(*c));
    let simplified = han.iter().any(|c| crate::normalize::is_simplified_only(*c));
    Some(if traditional && !simplified {
        "TW"
    } else {
        "CN"
    })
}

/// Whether `code` is a region phone numbers can be read in (`CN`, `US`, `HK`): one of
/// libphonenumber's regions, in every build.
///
/// ```
/// assert!(contactguard::input::phone::is_region("cn"));
/// assert!(!contactguard::input::phone::is_region("ZZ"));
/// ```
pub fn is_region(code: &str) -> bool {
    backend::is_region(&code.to_ascii_uppercase())
}

/// A number after the shared prefilter, before it is placed in a country.
struct Prepared {
    raw: String,
    /// Uppercase region code, known to the backend.
    region: String,
    /// Digits and phone punctuation (`+`, `(`, `)`, `-`, `.`, space, `/`) only.
    number: String,
    /// The ASCII digits of `number`.
    digits: String,
    extension: Option<String>,
    letters: Vec<(char, char)>,
    keypad: Vec<(char, char)>,
    hidden: Vec<HiddenChar>,
}

impl Prepared {
    /// The prefilter every build shares: size, region, cleaning, digits of every script,
    /// `tel:`, the extension, letters for digits, the characters and number of digits.
    fn new(input: &str, region: &str) -> Result<Prepared, PhoneError> {
        if input.len() > MAX_PHONE_LEN {
            return Err(PhoneError::TooLong(input.len()));
        }
        let region = region.to_ascii_uppercase();
        if !backend::is_region(&region) {
            return Err(PhoneError::Region(region));
        }
        let cleaned = normalize::clean(input.trim());
        let mut text: String = cleaned.text.chars().map(ascii_digit).collect();
        for scheme in ["tel:", "TEL:", "Tel:", "callto:"] {
            if let Some(rest) = text.strip_prefix(scheme) {
                text = rest.to_owned();
            }
        }
        let (number, extension) = split_extension(&text);
        let (number, letters) = fold_lookalike_letters(number);
        let (number, keypad) = keypad_letters(&number);
        if let Some(c) = number
            .chars()
            .find(|c| !(c.is_ascii_digit() || matches!(c, '+' | '(' | ')' | '-' | '.' | ' ' | '/')))
        {
            return Err(PhoneError::Character(c));
        }
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        if digits.len() < 3 {
            return Err(PhoneError::TooFewDigits(input.trim().to_owned()));
        }
        if digits.len() > MAX_DIGITS {
            return Err(PhoneError::TooManyDigits(input.trim().to_owned()));
        }
        Ok(Prepared {
            raw: input.to_owned(),
            region,
            number,
            digits,
            extension,
            letters,
            keypad,
            hidden: cleaned.hidden,
        })
    }

    fn into_phone(self, key: String, placed: Placed) -> Phone {
        Phone {
            raw: self.raw,
            key,
            country_code: placed.country_code,
            national: placed.national,
            region: placed.region.unwrap_or(self.region),
            number_type: placed.number_type,
            valid: placed.valid,
            extension: self.extension,
            letters: self.letters,
            keypad: self.keypad,
            hidden: self.hidden,
        }
    }
}

/// A number placed in its country, by the metadata or by the table.
struct Placed {
    country_code: u16,
    /// The national significant number, digits only.
    national: String,
    /// The region the number belongs to, when it can be told.
    region: Option<String>,
    number_type: NumberType,
    valid: bool,
}

/// A Chinese numeral read as the digit it writes: the ordinary forms (`一八八八`), the
/// forms used on cheques and in scam pages to dodge filters (`肆零零`, `貳`), `〇`, and `幺`,
/// the spoken 1 of phone numbers.
///
/// ```
/// use contactguard::input::phone::chinese_digit;
///
/// assert_eq!(chinese_digit('肆'), Some('4'));
/// assert_eq!(chinese_digit('零'), Some('0'));
/// assert_eq!(chinese_digit('钱'), None);
/// ```
pub fn chinese_digit(c: char) -> Option<char> {
    Some(match c {
        '〇' | '零' => '0',
        '一' | '壹' | '幺' => '1',
        '二' | '贰' | '貳' | '两' | '兩' => '2',
        '三' | '叁' | '參' => '3',
        '四' | '肆' => '4',
        '五' | '伍' => '5',
        '六' | '陆' | '陸' => '6',
        '七' | '柒' => '7',
        '八' | '捌' => '8',
        '九' | '玖' => '9',
        _ => return None,
    })
}

/// Decimal digits of any script, and Chinese numerals ([`chinese_digit`]), as ASCII digits;
/// other characters unchanged.
fn ascii_digit(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    if let Some(d) = chinese_digit(c) {
        return d;
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

/// Splits a trailing extension: `400 820 8820转1`, `… ext. 123`, `… x12`, `… #5`, and the
/// digits a phone sends after a pause (`,` `;` `p` `w`: `+18889087930,,123`).
fn split_extension(text: &str) -> (&str, Option<String>) {
    let trimmed = text.trim_end();
    let digits_start = trimmed.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let ext_digits = &trimmed[digits_start..];
    if ext_digits.is_empty() || ext_digits.len() > 6 {
        return (text, None);
    }
    let before = trimmed[..digits_start].trim_end_matches([' ', '.', ':', '-', '：']);
    for marker in [
        "转", "轉", "分机", "分機", "ext", "EXT", "Ext", "x", "X", "#", ";ext=", ",", ";", "p",
        "P", "w", "W",
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

/// Reads the letters of a vanity number ([`crate::input::is_vanity_number`]) as a phone keypad
/// does (ABC 2, DEF 3, GHI 4, JKL 5, MNO 6, PQRS 7, TUV 8, WXYZ 9). A North American number
/// (`+1` or `1` then ten digits) dials only its first seven letters.
fn keypad_letters(number: &str) -> (String, Vec<(char, char)>) {
    if !crate::input::is_vanity_number(number) {
        return (number.to_owned(), Vec::new());
    }
    let key = |c: char| -> Option<char> {
        let d = match c.to_ascii_uppercase() {
            'A'..='C' => '2',
            'D'..='F' => '3',
            'G'..='I' => '4',
            'J'..='L' => '5',
            'M'..='O' => '6',
            'P'..='S' => '7',
            'T'..='V' => '8',
            'W'..='Z' => '9',
            _ => return None,
        };
        Some(d)
    };
    let mut keypad = Vec::new();
    let mut out = String::with_capacity(number.len());
    for c in number.chars() {
        match key(c) {
            Some(d) => {
                keypad.push((c, d));
                out.push(d);
            }
            None => out.push(c),
        }
    }
    // North America: 1 + ten digits; letters past the seventh are decoration.
    let all: String = out.chars().filter(char::is_ascii_digit).collect();
    let nanp = all.starts_with('1') && all.len() > 11;
    if nanp {
        let mut kept = 0;
        out = out
            .chars()
            .filter(|c| {
                if c.is_ascii_digit() {
                    kept += 1;
                    kept <= 11
                } else {
                    true
                }
            })
            .collect();
    }
    (out, keypad)
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
        assert_eq!(p.region(), "US");
        #[cfg(feature = "phone")]
        assert_eq!(p.number_type(), NumberType::TollFree);
        #[cfg(not(feature = "phone"))]
        assert_eq!(p.number_type(), NumberType::Unknown);
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
