//! Placing a number with libphonenumber's metadata (the `phonenumber` crate, feature `phone`):
//! E.164, the number type, validity, and the region of a `+1` number by its area code.
//!
//! The crate's parser and validator run on databases holding only the regions a number needs
//! ([`regions`]), built on first use: the crate's own database costs tens of milliseconds
//! to load, whatever the number.

use std::str::FromStr;

use phonenumber::country::Id;

use super::{regions, NumberType, PhoneError, Placed};

/// Why a number is not placed when the embedded metadata cannot be read (never, as the
/// tests check).
const NO_METADATA: &str = "libphonenumber's metadata could not be read";

/// Whether `code` (uppercase) is one of libphonenumber's regions.
pub(super) fn is_region(code: &str) -> bool {
    Id::from_str(code).is_ok()
}

/// Places `number` (digits and phone punctuation), reading it in `region` when it has no
/// international prefix.
pub(super) fn place(number: &str, region: &str) -> Result<Placed, PhoneError> {
    let id = Id::from_str(region).map_err(|_| PhoneError::Region(region.to_owned()))?;
    let database =
        regions::for_parsing(id.as_ref()).ok_or_else(|| PhoneError::Parse(NO_METADATA.into()))?;
    // The parser is third-party code fed with hostile input: contain any panic.
    let parsed = std::panic::catch_unwind(|| phonenumber::parse_with(database, Some(id), number))
        .map_err(|_| PhoneError::Parse("the number could not be read".into()))?
        .map_err(|e| PhoneError::Parse(e.to_string()))?;
    let country_code = parsed.code().value();
    // Validity, type and region look only at the regions of the number's calling code,
    // the first of them alone when the number fits it; a code no region has is never valid.
    let database = regions::for_code(country_code, false)
        .filter(|database| parsed.metadata(database).is_some())
        .or_else(|| regions::for_code(country_code, true));
    let (valid, number_type, region) = match database {
        Some(database) => {
            let valid = parsed.is_valid_with(database);
            let number_type = if valid {
                convert(parsed.number_type(database))
            } else {
                NumberType::Unknown
            };
            let region = parsed
                .metadata(database)
                .and_then(|m| Id::from_str(m.id()).ok())
                .map(|id| id.as_ref().to_owned());
            (valid, number_type, region)
        }
        None => (false, NumberType::Unknown, None),
    };
    Ok(Placed {
        country_code,
        national: parsed.national().to_string(),
        region,
        number_type,
        valid,
    })
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
    use phonenumber::metadata::DATABASE;

    /// [`place`] as it was with the crate's own database of every region.
    fn place_with_the_crates_database(number: &str, region: &str) -> Result<Placed, PhoneError> {
        let id = Id::from_str(region).map_err(|_| PhoneError::Region(region.to_owned()))?;
        let parsed = std::panic::catch_unwind(|| phonenumber::parse(Some(id), number))
            .map_err(|_| PhoneError::Parse("the number could not be read".into()))?
            .map_err(|e| PhoneError::Parse(e.to_string()))?;
        let valid = parsed.is_valid();
        let number_type = if valid {
            convert(parsed.number_type(&DATABASE))
        } else {
            NumberType::Unknown
        };
        Ok(Placed {
            country_code: parsed.code().value(),
            national: parsed.national().to_string(),
            region: parsed.country().id().map(|id| id.as_ref().to_owned()),
            number_type,
            valid,
        })
    }

    fn show(placed: Result<Placed, PhoneError>) -> String {
        match placed {
            Ok(p) => format!(
                "+{} {} {:?} {:?} {}",
                p.country_code, p.national, p.region, p.number_type, p.valid
            ),
            Err(e) => format!("error: {e}"),
        }
    }

    /// Every region's example numbers, written internationally and nationally, read in their
    /// own region and in others, are placed as with the crate's own database.
    #[test]
    fn placed_as_with_the_crates_database() {
        let mut inputs = vec![
            ("+1 888 908 7930", "CN"),
            ("400-123-4567", "CN"),
            ("1-800-FLOWERS", "US"),
            ("+44 (0)20 7946 0958", "CN"),
            ("00 1 888 908 7930", "CN"),
            ("011 44 20 7946 0958", "US"),
            ("+999 1234 5678", "CN"),
            ("tel:+1-888-908-7930", "GB"),
        ];
        let mut owned = Vec::new();
        for meta in DATABASE.iter() {
            let d = meta.descriptors();
            let examples = [
                Some(d.general()),
                d.fixed_line(),
                d.mobile(),
                d.toll_free(),
                d.premium_rate(),
                d.shared_cost(),
                d.personal_number(),
                d.voip(),
                d.pager(),
                d.uan(),
                d.voicemail(),
            ];
            let prefix = meta.national_prefix().unwrap_or("");
            for example in examples.into_iter().flatten().filter_map(|d| d.example()) {
                let code = meta.country_code();
                owned.push((format!("+{code} {example}"), "CN".to_owned()));
                owned.push((format!("00{code}{example}"), "DE".to_owned()));
                if meta.id() != "001" {
                    owned.push((format!("{prefix}{example}"), meta.id().to_owned()));
                    owned.push((example.to_owned(), meta.id().to_owned()));
                    owned.push((format!("{prefix}{example}"), "US".to_owned()));
                }
            }
        }
        inputs.extend(owned.iter().map(|(n, r)| (n.as_str(), r.as_str())));
        for (number, region) in inputs {
            assert_eq!(
                show(place(number, region)),
                show(place_with_the_crates_database(number, region)),
                "{number} in {region}"
            );
        }
    }
}
