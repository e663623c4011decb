//! Durations and times the way people read them.

use std::time::Duration;

/// "40 s", "12 min", "1 h 5 min". Minutes are rounded down; under a minute shows seconds.
#[must_use]
pub fn duration(d: Duration) -> String {
    let secs = d.as_secs();
    if secs < 60 {
        return crate::t!("duration-seconds", seconds = secs);
    }
    let (hours, minutes) = (secs / 3600, (secs % 3600) / 60);
    match (hours, minutes) {
        (0, m) => crate::t!("duration-minutes", minutes = m),
        (h, 0) => crate::t!("duration-hours", hours = h),
        (h, m) => crate::t!("duration-hours-minutes", hours = h, minutes = m),
    }
}

/// An estimate ("about 2 min"): [`duration`] rounded to the nearest minute from a minute
/// on, where [`duration`] counts whole minutes only (so 110 s reads "2 min", not "1 min").
#[must_use]
pub fn about(d: Duration) -> String {
    let secs = d.as_secs();
    if secs < 60 {
        return duration(d);
    }
    duration(Duration::from_secs((secs + 30) / 60 * 60))
}

/// [`duration`] for the log, which stays English in every language (and parses no
/// catalog): "40 s", "12 min", "1 h 5 min".
#[must_use]
pub fn log_duration(d: Duration) -> String {
    let secs = d.as_secs();
    if secs < 60 {
        return format!("{secs} s");
    }
    match (secs / 3600, (secs % 3600) / 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// A time left, rounded up to the whole minute ("1 min" for 15 s), the way every
/// countdown reads: `status`, the bars and the CLI's replies agree.
#[must_use]
pub fn remaining(d: Duration) -> String {
    if d.is_zero() {
        return crate::t!("duration-seconds", seconds = 0);
    }
    duration(Duration::from_secs(d.as_secs().div_ceil(60).max(1) * 60))
}

/// A time of day the way the language writes it ("14:30"; both parts two digits).
#[must_use]
pub fn time_of_day<T: chrono::Timelike>(at: &T) -> String {
    crate::t!(
        "time-of-day",
        hour = format!("{:02}", at.hour()),
        minute = format!("{:02}", at.minute())
    )
}

/// The weekday's name in full ("Monday").
#[must_use]
pub fn weekday(date: chrono::NaiveDate) -> String {
    crate::t!("date-weekday", day = weekday_key(date))
}

/// The weekday's name, short ("Mon").
#[must_use]
pub fn weekday_short(date: chrono::NaiveDate) -> String {
    crate::t!("date-weekday-short", day = weekday_key(date))
}

/// The month's name, short ("Nov"), as a date writes it ("30 Nov", German "30. Nov.").
#[must_use]
pub fn month_short(date: chrono::NaiveDate) -> String {
    crate::t!("date-month-short", month = month_key(date))
}

/// The month's name in at most three letters, over a column of `stats`'s heatmap (where
/// a month's first week starts as few as four columns after the previous month's).
#[must_use]
pub fn month_column(date: chrono::NaiveDate) -> String {
    crate::t!("date-month-column", month = month_key(date))
}

fn month_key(date: chrono::NaiveDate) -> &'static str {
    use chrono::Datelike;
    const KEYS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    KEYS.get(date.month0() as usize)
        .copied()
        .unwrap_or_default()
}

/// "30 Nov".
#[must_use]
pub fn day_month(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    crate::t!(
        "date-day-month",
        day = date.day(),
        month = month_short(date)
    )
}

/// "Mon 30 Nov", with the year ("Mon 30 Nov 2026") if `year`.
#[must_use]
pub fn weekday_day_month(date: chrono::NaiveDate, year: bool) -> String {
    use chrono::Datelike;
    if year {
        crate::t!(
            "date-weekday-day-month-year",
            weekday = weekday_short(date),
            day = date.day(),
            month = month_short(date),
            year = date.year().to_string()
        )
    } else {
        crate::t!(
            "date-weekday-day-month",
            weekday = weekday_short(date),
            day = date.day(),
            month = month_short(date)
        )
    }
}

fn weekday_key(date: chrono::NaiveDate) -> &'static str {
    use chrono::{Datelike, Weekday};
    match date.weekday() {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_reads_english_durations_in_any_language() {
        use crate::i18n::{Lang, scoped};
        for secs in [0, 40, 60, 59 * 60 + 59, 3600, 3600 + 5 * 60, 26 * 3600] {
            let d = Duration::from_secs(secs);
            let english = scoped(Lang::En, || duration(d));
            assert_eq!(scoped(Lang::De, || log_duration(d)), english, "{secs} s");
        }
        assert_ne!(
            scoped(Lang::De, || duration(Duration::from_secs(600))),
            log_duration(Duration::from_secs(600))
        );
    }

    #[test]
    fn reads_naturally() {
        let s = Duration::from_secs;
        assert_eq!(duration(s(0)), "0 s");
        assert_eq!(duration(s(40)), "40 s");
        assert_eq!(duration(s(60)), "1 min");
        assert_eq!(duration(s(47 * 60 + 59)), "47 min");
        assert_eq!(duration(s(3600)), "1 h");
        assert_eq!(duration(s(3900)), "1 h 5 min");
    }

    #[test]
    fn an_estimate_rounds_to_the_nearest_minute() {
        let s = Duration::from_secs;
        assert_eq!(about(s(45)), "45 s");
        assert_eq!(about(s(60)), "1 min");
        assert_eq!(about(s(89)), "1 min");
        assert_eq!(about(s(90)), "2 min");
        assert_eq!(about(s(110)), "2 min");
        assert_eq!(about(s(59 * 60 + 40)), "1 h");
    }

    #[test]
    fn dates_read_naturally() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(weekday(d), "Monday");
        assert_eq!(day_month(d), "30 Nov");
        assert_eq!(weekday_day_month(d, false), "Mon 30 Nov");
        assert_eq!(weekday_day_month(d, true), "Mon 30 Nov 2026");
        assert_eq!(
            weekday_day_month(chrono::NaiveDate::from_ymd_opt(2027, 1, 3).unwrap(), false),
            "Sun 3 Jan"
        );
    }

    #[test]
    fn time_left_rounds_up_to_the_minute() {
        let s = Duration::from_secs;
        assert_eq!(remaining(s(15)), "1 min");
        assert_eq!(remaining(s(60)), "1 min");
        assert_eq!(remaining(s(61)), "2 min");
        assert_eq!(remaining(s(0)), "0 s");
    }
}
