//! Timestamps in the registry's one format, `YYYY-MM-DDTHH:MM:SSZ` (UTC), parsed strictly.
//! The library has no clock: callers pass `now`.

use std::fmt;

/// A point in time, in whole seconds since 1970-01-01T00:00:00Z.
///
/// ```
/// use contactguard::trust::time::Timestamp;
///
/// let t = Timestamp::parse("2026-11-22T00:00:00Z")?;
/// assert_eq!(t.to_string(), "2026-11-22T00:00:00Z");
/// assert_eq!(t.plus_days(90).to_string(), "2027-02-20T00:00:00Z");
/// assert!(Timestamp::parse("2026-11-22 00:00:00").is_err());
/// # Ok::<(), contactguard::trust::time::TimeError>(())
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub struct Timestamp(i64);

/// A timestamp that is not `YYYY-MM-DDTHH:MM:SSZ`.
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
#[error("'{0}' is not a UTC time of the form 2026-11-22T00:00:00Z")]
pub struct TimeError(pub String);

impl Timestamp {
    /// Seconds since the Unix epoch.
    pub fn from_unix(seconds: i64) -> Timestamp {
        Timestamp(seconds)
    }

    /// Seconds since the Unix epoch.
    pub fn unix(self) -> i64 {
        self.0
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` exactly.
    ///
    /// # Errors
    /// [`TimeError`] for any other shape or an impossible date.
    pub fn parse(s: &str) -> Result<Timestamp, TimeError> {
        let err = || TimeError(s.chars().take(64).collect());
        let b = s.as_bytes();
        if b.len() != 20
            || b[4] != b'-'
            || b[7] != b'-'
            || b[10] != b'T'
            || b[13] != b':'
            || b[16] != b':'
            || b[19] != b'Z'
        {
            return Err(err());
        }
        let num = |r: std::ops::Range<usize>| -> Result<i64, TimeError> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        let (y, mo, d, h, mi, se) = (
            num(0..4)?,
            num(5..7)?,
            num(8..10)?,
            num(11..13)?,
            num(14..16)?,
            num(17..19)?,
        );
        if !(1..=12).contains(&mo)
            || d < 1
            || d > days_in_month(y, mo)
            || h > 23
            || mi > 59
            || se > 59
        {
            return Err(err());
        }
        Ok(Timestamp(
            days_from_civil(y, mo, d) * 86_400 + h * 3_600 + mi * 60 + se,
        ))
    }

    /// This time plus `days` days.
    #[must_use]
    pub fn plus_days(self, days: i64) -> Timestamp {
        Timestamp(self.0.saturating_add(days.saturating_mul(86_400)))
    }

    /// Whole days from `self` until `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Timestamp) -> i64 {
        (later.0 - self.0).div_euclid(86_400)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        write!(
            f,
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects() {
        for s in [
            "1970-01-01T00:00:00Z",
            "2000-02-29T23:59:59Z",
            "2026-11-22T12:34:56Z",
            "2100-12-31T00:00:00Z",
        ] {
            assert_eq!(Timestamp::parse(s).map(|t| t.to_string()), Ok(s.to_owned()));
        }
        assert_eq!(
            Timestamp::parse("1970-01-02T00:00:00Z").map(Timestamp::unix),
            Ok(86_400)
        );
        for bad in [
            "2026-02-30T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-11-22T24:00:00Z",
            "2026-11-22T00:00:00+00:00",
            "２026-11-22T00:00:00Z",
            "",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad}");
        }
    }
}
