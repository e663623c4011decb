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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn time_left_rounds_up_to_the_minute() {
        let s = Duration::from_secs;
        assert_eq!(remaining(s(15)), "1 min");
        assert_eq!(remaining(s(60)), "1 min");
        assert_eq!(remaining(s(61)), "2 min");
        assert_eq!(remaining(s(0)), "0 s");
    }
}
