//! Dates and times of the data: Unix seconds from a number or an ISO date, the date of a time,
//! and the one rule for a day named as the end of a window (it runs to that day's last second).
//!
//! ```
//! use discount_lab::engine::data::dates::{date_of, end_of, timestamp};
//! assert_eq!(timestamp("1970-01-02"), Some(86_400.0));
//! assert_eq!(end_of("1970-01-02"), Some(172_799.0));
//! assert_eq!(end_of("1970-01-02T12:00"), Some(129_600.0));
//! assert_eq!(date_of(129_600.0).as_deref(), Some("1970-01-02"));
//! ```

/// Seconds in a day.
pub const SECONDS_PER_DAY: f64 = 86_400.0;

/// Unix seconds from a number or a date `YYYY-MM-DD[( |T)HH:MM[:SS]]` (UTC); `None` when neither.
pub fn timestamp(text: &str) -> Option<f64> {
    if let Ok(v) = text.parse::<f64>() {
        return v.is_finite().then_some(v);
    }
    let (date, time) = match text.find(['T', ' ']) {
        Some(k) => (&text[..k], Some(text[k + 1..].trim_end_matches('Z'))),
        None => (text, None),
    };
    let mut parts = date.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    // Years 1 to 9999, as ISO 8601 writes them without a sign: far dates are typos.
    if !(1..=9999).contains(&year) {
        return None;
    }
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=12).contains(&month) || !(1..=days_in_month(year, month)).contains(&day) {
        return None;
    }
    let mut seconds = days_from_civil(year, month, day) as f64 * SECONDS_PER_DAY;
    if let Some(time) = time {
        let mut hms = time.split(':');
        let h: f64 = hms.next()?.parse().ok()?;
        let m: f64 = hms.next()?.parse().ok()?;
        let s: f64 = hms.next().map(str::parse).transpose().ok()?.unwrap_or(0.0);
        if hms.next().is_some() || !(0.0..24.0).contains(&h) || !(0.0..60.0).contains(&m) || !(0.0..61.0).contains(&s) {
            return None;
        }
        seconds += h * 3600.0 + m * 60.0 + s;
    }
    Some(seconds)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The UTC date `YYYY-MM-DD` of Unix seconds `seconds` (the inverse of [`timestamp`] on
/// dates); `None` outside the years 1 to 9999 or for a non-finite time.
pub fn date_of(seconds: f64) -> Option<String> {
    if !seconds.is_finite() {
        return None;
    }
    let days = (seconds / SECONDS_PER_DAY).floor();
    // Years 1 and 9999 bound what `timestamp` reads.
    if !(-719_162.0..=2_932_896.0).contains(&days) {
        return None;
    }
    let (y, m, d) = civil_from_days(days as i64);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The last second named by `text`: the end of that day for a bare date, the time itself for
/// a date with a time or a number of seconds; `None` when it is neither.
pub fn end_of(text: &str) -> Option<f64> {
    let t = timestamp(text)?;
    let bare_date = text.contains('-') && !text.trim().contains(['T', ' ']);
    Some(if bare_date { t + SECONDS_PER_DAY - 1.0 } else { t })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_numbers() {
        assert_eq!(timestamp("1970-01-01"), Some(0.0));
        assert_eq!(timestamp("2000-03-01"), Some(951_868_800.0));
        assert_eq!(timestamp("2024-02-29T12:00"), Some(1_709_208_000.0));
        assert_eq!(timestamp("2023-02-29"), None);
        assert_eq!(timestamp("12345"), Some(12345.0));
        assert_eq!(timestamp("yesterday"), None);
        assert_eq!(timestamp("2024-01-01T25:00"), None);
        assert_eq!(timestamp("10000-01-01"), None);
        assert_eq!(timestamp("0-01-01"), None);
    }

    #[test]
    fn dates_round_trip() {
        for date in ["1970-01-01", "2000-02-29", "2026-12-31", "0001-01-01", "9999-12-31", "1969-07-20"] {
            assert_eq!(date_of(timestamp(date).unwrap()).as_deref(), Some(date));
        }
        assert_eq!(date_of(1_709_208_000.0).as_deref(), Some("2024-02-29"));
        assert_eq!(date_of(f64::NAN), None);
        assert_eq!(date_of(1e300), None);
    }

    #[test]
    fn a_window_ends_at_the_last_second_of_a_bare_date() {
        assert_eq!(end_of("2026-06-30"), Some(timestamp("2026-07-01").unwrap() - 1.0));
        assert_eq!(end_of("2026-06-30T08:00"), timestamp("2026-06-30T08:00"));
        assert_eq!(end_of("12345"), Some(12345.0));
        assert_eq!(end_of("never"), None);
    }
}
