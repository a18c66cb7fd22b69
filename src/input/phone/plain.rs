//! Placing a number without libphonenumber's metadata (the `phone` feature off), with one
//! table of country calling codes and national prefixes taken from that metadata.

use super::{NumberType, PhoneError, Placed};

/// Whether `code` (uppercase) is one of libphonenumber's regions.
pub(super) fn is_region(code: &str) -> bool {
    code.len() == 2 && REGIONS.iter().any(|r| r.0 == code)
}

/// Places `number` (digits and phone punctuation): after `+` or `00` at the calling code it
/// starts with (a `(0)` after `+` is dropped), else in `region` after one leading national
/// prefix.
pub(super) fn place(number: &str, region: &str) -> Result<Placed, PhoneError> {
    let plus = number.trim_start().starts_with('+');
    // `+44 (0)20 …`: the national prefix in parentheses is not dialled from abroad.
    let number = if plus {
        number.replacen("(0)", "", 1)
    } else {
        number.to_owned()
    };
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let international = if plus {
        Some(digits.as_str())
    } else {
        digits.strip_prefix("00")
    };
    let (country_code, national, region) = match international {
        Some(rest) => {
            let (code, national) = (1..=3)
                .filter_map(|len| Some((rest.get(..len)?, rest.get(len..)?)))
                .filter(|(code, _)| !code.starts_with('0'))
                .find_map(|(code, national)| {
                    let code: u16 = code.parse().ok()?;
                    main_region(code).map(|_| (code, national))
                })
                .ok_or_else(|| {
                    PhoneError::Parse(format!(
                        "no country has a calling code that '+{rest}' starts with"
                    ))
                })?;
            let region = main_region(code).filter(|r| r.len() == 2);
            (code, national, region.map(str::to_owned))
        }
        None => {
            let (_, code, prefix) = REGIONS
                .iter()
                .find(|r| r.0 == region)
                .ok_or_else(|| PhoneError::Region(region.to_owned()))?;
            let national = match digits.strip_prefix(prefix) {
                Some(rest) if !prefix.is_empty() => rest,
                _ => digits.as_str(),
            };
            (*code, national, None)
        }
    };
    if national.len() < MIN_NATIONAL {
        return Err(PhoneError::Parse(format!(
            "'{national}' is too short to be a number after the calling code +{country_code}"
        )));
    }
    Ok(Placed {
        country_code,
        national: national.to_owned(),
        region,
        number_type: NumberType::Unknown,
        valid: false,
    })
}

/// The fewest digits of a national significant number read here (the shortest in use, Niue's
/// landlines, have four).
const MIN_NATIONAL: usize = 4;

/// The main region of a calling code (`001` for the non-geographic ones such as +800).
fn main_region(code: u16) -> Option<&'static str> {
    REGIONS.iter().find(|r| r.1 == code).map(|r| r.0)
}

/// Every region of libphonenumber's metadata as (region, calling code, national prefix or
/// `""`), by calling code, the calling code's main region first, then by region; `001` for
/// non-geographic calling codes. Generated from the `phonenumber` crate's metadata; the test
/// `table_is_libphonenumbers` fails when they part and prints the table to paste here.
#[rustfmt::skip]
const REGIONS: &[(&str, u16, &str)] = &[
    ("US", 1, "1"), ("AG", 1, "1"), ("AI", 1, "1"), ("AS", 1, "1"), ("BB", 1, "1"), ("BM", 1, "1"),
    ("BS", 1, "1"), ("CA", 1, "1"), ("DM", 1, "1"), ("DO", 1, "1"), ("GD", 1, "1"), ("GU", 1, "1"),
    ("JM", 1, "1"), ("KN", 1, "1"), ("KY", 1, "1"), ("LC", 1, "1"), ("MP", 1, "1"), ("MS", 1, "1"),
    ("PR", 1, "1"), ("SX", 1, "1"), ("TC", 1, "1"), ("TT", 1, "1"), ("VC", 1, "1"), ("VG", 1, "1"),
    ("VI", 1, "1"), ("RU", 7, "8"), ("KZ", 7, "8"), ("EG", 20, "0"), ("ZA", 27, "0"),
    ("GR", 30, ""), ("NL", 31, "0"), ("BE", 32, "0"), ("FR", 33, "0"), ("ES", 34, ""),
    ("HU", 36, "06"), ("IT", 39, ""), ("VA", 39, ""), ("RO", 40, "0"), ("CH", 41, "0"),
    ("AT", 43, "0"), ("GB", 44, "0"), ("GG", 44, "0"), ("IM", 44, "0"), ("JE", 44, "0"),
    ("DK", 45, ""), ("SE", 46, "0"), ("NO", 47, ""), ("SJ", 47, ""), ("PL", 48, ""),
    ("DE", 49, "0"), ("PE", 51, "0"), ("MX", 52, ""), ("CU", 53, "0"), ("AR", 54, "0"),
    ("BR", 55, "0"), ("CL", 56, ""), ("CO", 57, "0"), ("VE", 58, "0"), ("MY", 60, "0"),
    ("AU", 61, "0"), ("CC", 61, "0"), ("CX", 61, "0"), ("ID", 62, "0"), ("PH", 63, "0"),
    ("NZ", 64, "0"), ("SG", 65, ""), ("TH", 66, "0"), ("JP", 81, "0"), ("KR", 82, "0"),
    ("VN", 84, "0"), ("CN", 86, "0"), ("TR", 90, "0"), ("IN", 91, "0"), ("PK", 92, "0"),
    ("AF", 93, "0"), ("LK", 94, "0"), ("MM", 95, "0"), ("IR", 98, "0"), ("SS", 211, "0"),
    ("MA", 212, "0"), ("EH", 212, "0"), ("DZ", 213, "0"), ("TN", 216, ""), ("LY", 218, "0"),
    ("GM", 220, ""), ("SN", 221, ""), ("MR", 222, ""), ("ML", 223, ""), ("GN", 224, ""),
    ("CI", 225, ""), ("BF", 226, ""), ("NE", 227, ""), ("TG", 228, ""), ("BJ", 229, ""),
    ("MU", 230, ""), ("LR", 231, "0"), ("SL", 232, "0"), ("GH", 233, "0"), ("NG", 234, "0"),
    ("TD", 235, ""), ("CF", 236, ""), ("CM", 237, ""), ("CV", 238, ""), ("ST", 239, ""),
    ("GQ", 240, ""), ("GA", 241, ""), ("CG", 242, ""), ("CD", 243, "0"), ("AO", 244, ""),
    ("GW", 245, ""), ("IO", 246, ""), ("AC", 247, ""), ("SC", 248, ""), ("SD", 249, "0"),
    ("RW", 250, "0"), ("ET", 251, "0"), ("SO", 252, "0"), ("DJ", 253, ""), ("KE", 254, "0"),
    ("TZ", 255, "0"), ("UG", 256, "0"), ("BI", 257, ""), ("MZ", 258, ""), ("ZM", 260, "0"),
    ("MG", 261, "0"), ("RE", 262, "0"), ("YT", 262, "0"), ("ZW", 263, "0"), ("NA", 264, "0"),
    ("MW", 265, "0"), ("LS", 266, ""), ("BW", 267, ""), ("SZ", 268, ""), ("KM", 269, ""),
    ("SH", 290, ""), ("TA", 290, ""), ("ER", 291, "0"), ("AW", 297, ""), ("FO", 298, ""),
    ("GL", 299, ""), ("GI", 350, ""), ("PT", 351, ""), ("LU", 352, ""), ("IE", 353, "0"),
    ("IS", 354, ""), ("AL", 355, "0"), ("MT", 356, ""), ("CY", 357, ""), ("FI", 358, "0"),
    ("AX", 358, "0"), ("BG", 359, "0"), ("LT", 370, "0"), ("LV", 371, ""), ("EE", 372, ""),
    ("MD", 373, "0"), ("AM", 374, "0"), ("BY", 375, "8"), ("AD", 376, ""), ("MC", 377, "0"),
    ("SM", 378, ""), ("UA", 380, "0"), ("RS", 381, "0"), ("ME", 382, "0"), ("XK", 383, "0"),
    ("HR", 385, "0"), ("SI", 386, "0"), ("BA", 387, "0"), ("MK", 389, "0"), ("CZ", 420, ""),
    ("SK", 421, "0"), ("LI", 423, "0"), ("FK", 500, ""), ("BZ", 501, ""), ("GT", 502, ""),
    ("SV", 503, ""), ("HN", 504, ""), ("NI", 505, ""), ("CR", 506, ""), ("PA", 507, ""),
    ("PM", 508, "0"), ("HT", 509, ""), ("GP", 590, "0"), ("BL", 590, "0"), ("MF", 590, "0"),
    ("BO", 591, "0"), ("GY", 592, ""), ("EC", 593, "0"), ("GF", 594, "0"), ("PY", 595, "0"),
    ("MQ", 596, "0"), ("SR", 597, ""), ("UY", 598, "0"), ("CW", 599, ""), ("BQ", 599, ""),
    ("TL", 670, ""), ("NF", 672, ""), ("BN", 673, ""), ("NR", 674, ""), ("PG", 675, ""),
    ("TO", 676, ""), ("SB", 677, ""), ("VU", 678, ""), ("FJ", 679, ""), ("PW", 680, ""),
    ("WF", 681, ""), ("CK", 682, ""), ("NU", 683, ""), ("WS", 685, ""), ("KI", 686, "0"),
    ("NC", 687, ""), ("TV", 688, ""), ("PF", 689, ""), ("TK", 690, ""), ("FM", 691, ""),
    ("MH", 692, "1"), ("001", 800, ""), ("001", 808, ""), ("KP", 850, "0"), ("HK", 852, ""),
    ("MO", 853, ""), ("KH", 855, "0"), ("LA", 856, "0"), ("001", 870, ""), ("001", 878, ""),
    ("BD", 880, "0"), ("001", 881, ""), ("001", 882, ""), ("001", 883, ""), ("TW", 886, "0"),
    ("001", 888, ""), ("MV", 960, ""), ("LB", 961, "0"), ("JO", 962, "0"), ("SY", 963, "0"),
    ("IQ", 964, "0"), ("KW", 965, ""), ("SA", 966, "0"), ("YE", 967, "0"), ("OM", 968, ""),
    ("PS", 970, "0"), ("AE", 971, "0"), ("IL", 972, "0"), ("BH", 973, ""), ("QA", 974, ""),
    ("BT", 975, ""), ("MN", 976, "0"), ("NP", 977, "0"), ("001", 979, ""), ("TJ", 992, ""),
    ("TM", 993, "8"), ("AZ", 994, "0"), ("GE", 995, "0"), ("KG", 996, "0"), ("UZ", 998, ""),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn international_and_national_forms() {
        let key = |number: &str, region: &str| {
            place(number, region).map(|p| format!("+{}{}", p.country_code, p.national))
        };
        assert_eq!(key("+1 888 908 7930", "CN").as_deref(), Ok("+18889087930"));
        assert_eq!(
            key("00 1 888 908 7930", "CN").as_deref(),
            Ok("+18889087930")
        );
        assert_eq!(key("1-888-908-7930", "US").as_deref(), Ok("+18889087930"));
        assert_eq!(key("888-908-7930", "US").as_deref(), Ok("+18889087930"));
        assert_eq!(key("010-12345678", "CN").as_deref(), Ok("+861012345678"));
        assert_eq!(key("8 800 555 35 35", "RU").as_deref(), Ok("+78005553535"));
        assert_eq!(key("06 1234 5678", "IT").as_deref(), Ok("+390612345678"));
        assert_eq!(
            key("+44 20 7946 0958", "CN").as_deref(),
            Ok("+442079460958")
        );
        assert_eq!(
            key("+44 (0)20 7946 0958", "CN").as_deref(),
            Ok("+442079460958")
        );
        assert_eq!(key("+800 1234 5678", "CN").as_deref(), Ok("+80012345678"));
        assert!(matches!(
            key("+999 1234 5678", "CN"),
            Err(PhoneError::Parse(_))
        ));
        assert!(matches!(
            key("+01 888 908 7930", "CN"),
            Err(PhoneError::Parse(_))
        ));
        assert!(matches!(key("+1 23", "CN"), Err(PhoneError::Parse(_))));
        assert_eq!(
            place("+1 888 908 7930", "CN").map(|p| p.region),
            Ok(Some("US".into()))
        );
        assert_eq!(place("+800 1234 5678", "CN").map(|p| p.region), Ok(None));
        assert_eq!(place("400 123 4567", "CN").map(|p| p.region), Ok(None));
        assert!(is_region("CN") && !is_region("ZZ") && !is_region("001"));
    }

    proptest::proptest! {
        /// Any text is placed or refused, never a panic; a number written with `+` keeps
        /// every digit in its key, split after a calling code the table knows.
        #[test]
        fn any_text_is_placed_or_refused(text in "\\PC{0,40}", digits in "[0-9]{4,15}") {
            let _ = place(&text, "CN");
            if let Ok(p) = place(&format!("+{digits}"), "US") {
                proptest::prop_assert_eq!(format!("{}{}", p.country_code, p.national), digits);
                proptest::prop_assert!(main_region(p.country_code).is_some());
            }
        }
    }

    /// Every region libphonenumber knows is known here, and no other.
    #[test]
    #[cfg(feature = "phone")]
    fn regions_are_libphonenumbers() {
        for a in 'A'..='Z' {
            for b in 'A'..='Z' {
                let code = format!("{a}{b}");
                assert_eq!(
                    is_region(&code),
                    super::super::metadata::is_region(&code),
                    "{code}"
                );
            }
        }
    }

    /// Every number of the phone test vectors that libphonenumber places gets the same key
    /// here when it is written with `+` or `00`; numbers without them differ only where listed.
    #[test]
    #[cfg(feature = "phone")]
    fn same_keys_as_libphonenumber() {
        use super::super::{metadata, Prepared};
        let vectors = include_str!("../../../tests/data/phones.tsv");
        let mut differ = Vec::new();
        let mut compared = 0;
        for line in vectors
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            let (input, options) = (cols[0], cols.get(4).copied().unwrap_or("-"));
            let region = options
                .split(' ')
                .find_map(|o| o.strip_prefix("region="))
                .unwrap_or(if options.contains("brand=coinbase") {
                    "US"
                } else {
                    "CN"
                });
            let Ok(prepared) = Prepared::new(input, region) else {
                continue;
            };
            if !prepared.number.contains('+') && prepared.digits.len() <= 6 {
                continue;
            }
            let Ok(expected) = metadata::place(&prepared.number, &prepared.region) else {
                continue;
            };
            compared += 1;
            let expected = format!("+{}{}", expected.country_code, expected.national);
            let found = place(&prepared.number, &prepared.region)
                .map(|p| format!("+{}{}", p.country_code, p.national));
            if found.as_deref() != Ok(expected.as_str()) {
                differ.push(format!(
                    "{input} ({region}): {found:?}, libphonenumber {expected}"
                ));
            }
        }
        assert!(compared >= 100, "only {compared} numbers compared");
        assert_eq!(differ, Vec::<String>::new());
    }

    #[test]
    #[cfg(feature = "phone")]
    fn table_is_libphonenumbers() {
        let db = &*phonenumber::metadata::DATABASE;
        let mut expected = Vec::new();
        for code in 1..1000u16 {
            let Some(metas) = db.by_code(&code) else {
                continue;
            };
            let mut rows: Vec<(bool, String, String)> = metas
                .iter()
                .map(|m| {
                    let prefix = m.national_prefix().unwrap_or("").to_owned();
                    (!m.is_main_country_for_code(), m.id().to_owned(), prefix)
                })
                .collect();
            rows.sort();
            expected.extend(rows.into_iter().map(|(_, id, prefix)| (id, code, prefix)));
        }
        let table: Vec<(String, u16, String)> = REGIONS
            .iter()
            .map(|(id, code, prefix)| ((*id).to_owned(), *code, (*prefix).to_owned()))
            .collect();
        if table != expected {
            let mut lines = String::new();
            for (id, code, prefix) in &expected {
                lines.push_str(&format!("    (\"{id}\", {code}, \"{prefix}\"),\n"));
            }
            panic!("REGIONS differs from the phonenumber metadata; paste:\n{lines}");
        }
    }
}
