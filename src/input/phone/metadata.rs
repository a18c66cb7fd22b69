//! Placing a number with libphonenumber's metadata (the `phonenumber` crate, feature `phone`):
//! E.164, the number type, validity, and the region of a `+1` number by its area code.

use std::str::FromStr;

use phonenumber::country::Id;

use super::{NumberType, PhoneError, Placed};

/// Whether `code` (uppercase) is one of libphonenumber's regions.
pub(super) fn is_region(code: &str) -> bool {
    Id::from_str(code).is_ok()
}

/// Places `number` (digits and phone punctuation), reading it in `region` when it has no
/// international prefix.
pub(super) fn place(number: &str, region: &str) -> Result<Placed, PhoneError> {
    let id = Id::from_str(region).map_err(|_| PhoneError::Region(region.to_owned()))?;
    // The parser is third-party code fed with hostile input: contain any panic.
    let parsed = std::panic::catch_unwind(|| phonenumber::parse(Some(id), number))
        .map_err(|_| PhoneError::Parse("the number could not be read".into()))?
        .map_err(|e| PhoneError::Parse(e.to_string()))?;
    let valid = parsed.is_valid();
    let number_type = if valid {
        convert(parsed.number_type(&phonenumber::metadata::DATABASE))
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
