//! What the tray shows for a published [`Status`] at a given wall-clock time: the icon's
//! look, the tooltip, the menu's items, and when the ring next moves. Pure: the status
//! and the time are passed in.

use std::time::Duration;

use chrono::{DateTime, Local};

use super::icon::Look;
use crate::engine::PhaseKind;
use crate::status::Status;
use crate::status_view;

/// The sitting ring moves at most this often (a step of sitting time), so that a tray
/// costs no more than a wake-up every few minutes while the user sits, and none at rest.
pub const RING_STEP_MIN: Duration = Duration::from_secs(5 * 60);

/// The ring has at most this many steps: finer than that does not show at tray size.
const RING_STEPS_MAX: u64 = 12;

/// Sitting time per ring step for a break every `interval`.
#[must_use]
pub fn ring_step(interval: Duration) -> Duration {
    let step = interval.as_secs().div_ceil(RING_STEPS_MAX);
    Duration::from_secs(step).max(RING_STEP_MIN)
}

/// The icon for `status` at `now`. A phase added to the engine gets its look here (the
/// looks for off hours, a held-back break and a guided break are drawn already).
#[must_use]
pub fn look(status: &Status, now: DateTime<Local>) -> Look {
    match status.phase {
        PhaseKind::Due => Look::Due,
        PhaseKind::Snoozed => Look::Snoozed,
        PhaseKind::Paused => Look::Paused,
        PhaseKind::Away => Look::Away,
        PhaseKind::Guiding => Look::Guiding,
        PhaseKind::Waiting => Look::Waiting,
        PhaseKind::OffHours => Look::OffHours,
        PhaseKind::Working => {
            let interval = status.interval.max(Duration::from_secs(1));
            let step = ring_step(interval).as_secs();
            let of = interval.as_secs().div_ceil(step);
            let done = status.sitting_at(now).as_secs() / step;
            let clamp = |n: u64| u16::try_from(n).unwrap_or(u16::MAX);
            Look::Working {
                done: clamp(done.min(of)),
                of: clamp(of),
            }
        }
    }
}

/// How long from `now` until the ring gains its next step; `None` when it will not
/// move by itself (not working, or the next step is the break itself, which the daemon
/// announces).
#[must_use]
pub fn next_step_in(status: &Status, now: DateTime<Local>) -> Option<Duration> {
    let (PhaseKind::Working, Some(since)) = (status.phase, status.sitting_since) else {
        return None;
    };
    let interval = status.interval.max(Duration::from_secs(1));
    let step = ring_step(interval).as_secs();
    let sitting = status.sitting_at(now).as_secs();
    let next = (sitting / step + 1) * step;
    if next >= interval.as_secs() {
        return None;
    }
    // The wall-clock time sitting started from, then the boundary; a little after it,
    // so that the step has surely been reached when the timer fires.
    let at_ms = since
        .timestamp_millis()
        .saturating_add(i64::try_from(next).ok()?.saturating_mul(1000));
    let wait = u64::try_from(at_ms.saturating_sub(now.timestamp_millis())).unwrap_or(0);
    Some(Duration::from_millis(wait) + Duration::from_millis(50))
}

/// The status line, capitalised, without the idle backend: the menu's first row.
#[must_use]
pub fn headline(status: &Status, now: DateTime<Local>) -> String {
    capitalised(&status_view::summary(status, now))
}

/// The tooltip's text: the `deskbreak status` line.
#[must_use]
pub fn tooltip(status: &Status, now: DateTime<Local>) -> String {
    capitalised(&status_view::text(Some(status), now))
}

fn capitalised(line: &str) -> String {
    let mut chars = line.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// "Today: 3 breaks".
#[must_use]
pub fn today(breaks: u32) -> String {
    crate::t!("tray-today", count = breaks)
}

/// When "pause until tomorrow" ends: with working hours, the next start of them (the
/// next working morning); without, the next local midnight after `now` (the first valid
/// time after it where a DST change skips midnight).
#[must_use]
pub fn tomorrow(now: DateTime<Local>, schedule: &crate::engine::Schedule) -> DateTime<Local> {
    use chrono::{Days, TimeZone};
    if let Some(start) = schedule.next_start(&now) {
        return start.with_timezone(&Local);
    }
    let day = now.date_naive() + Days::new(1);
    (0..24)
        .filter_map(|hour| day.and_hms_opt(hour, 0, 0))
        .find_map(|t| Local.from_local_datetime(&t).earliest())
        .unwrap_or_else(|| now + chrono::Duration::hours(24))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::activity::Kind;
    use chrono::{TimeZone, Timelike};

    /// A status `next_in` seconds before the break; while working or due, sitting has
    /// counted since `interval - next_in` seconds ago, as the daemon publishes it.
    fn status(phase: PhaseKind, interval: u64, next_in: i64, now: DateTime<Local>) -> Status {
        let sat = i64::try_from(interval).unwrap() - next_in;
        Status {
            phase,
            sitting: Duration::from_secs(u64::try_from(sat).unwrap_or(0)),
            sitting_since: matches!(phase, PhaseKind::Working | PhaseKind::Due)
                .then(|| now - chrono::Duration::seconds(sat)),
            interval: Duration::from_secs(interval),
            next_break: Some(now + chrono::Duration::seconds(next_in)),
            paused: None,
            idle_backend: Kind::X11,
            snoozes: 0,
            waiting_for: Vec::new(),
            off_hours_until: None,
        }
    }

    #[test]
    fn ring_steps_are_five_minutes_or_a_twelfth_of_the_interval() {
        let min = |m: u64| Duration::from_secs(m * 60);
        assert_eq!(ring_step(min(45)), min(5));
        assert_eq!(ring_step(min(10)), min(5));
        assert_eq!(ring_step(min(120)), min(10));
    }

    #[test]
    fn the_ring_shows_how_far_sitting_has_come() {
        let now = Local::now();
        // 45 min interval, 22 min left: 23 min sat = 4 whole steps of 9.
        let s = status(PhaseKind::Working, 2700, 22 * 60, now);
        assert_eq!(look(&s, now), Look::Working { done: 4, of: 9 });
        let fresh = status(PhaseKind::Working, 2700, 2700, now);
        assert_eq!(look(&fresh, now), Look::Working { done: 0, of: 9 });
        for (phase, expected) in [
            (PhaseKind::Due, Look::Due),
            (PhaseKind::Snoozed, Look::Snoozed),
            (PhaseKind::Paused, Look::Paused),
            (PhaseKind::Away, Look::Away),
        ] {
            assert_eq!(look(&status(phase, 2700, 0, now), now), expected);
        }
    }

    #[test]
    fn the_ring_counts_from_when_sitting_began_as_the_status_line_does() {
        let now = Local::now();
        // Published 10 min ago (sitting 10 min then), sitting since 23 min: the ring and
        // the line both say 23 min, whatever the next-break time says.
        let mut s = status(PhaseKind::Working, 2700, 22 * 60, now);
        s.sitting = Duration::from_secs(10 * 60);
        s.next_break = None;
        assert_eq!(look(&s, now), Look::Working { done: 4, of: 9 });
        assert!(headline(&s, now).starts_with("Working: sitting 23 min"));
        let wait = next_step_in(&s, now).unwrap();
        assert!(wait >= Duration::from_secs(120) && wait < Duration::from_secs(121));
    }

    #[test]
    fn the_ring_moves_at_the_next_step_and_not_at_rest() {
        let now = Local.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap();
        // 23 min sat: the next step (25 min) is 2 min away.
        let s = status(PhaseKind::Working, 2700, 22 * 60, now);
        let wait = next_step_in(&s, now).unwrap();
        assert!(
            wait >= Duration::from_secs(120) && wait < Duration::from_secs(121),
            "{wait:?}"
        );
        // After it, the look has moved on by one step.
        let later = now + chrono::Duration::from_std(wait).unwrap();
        assert_eq!(look(&s, later), Look::Working { done: 5, of: 9 });
        // The last step is the break itself: the daemon says so, no tick of our own.
        let s = status(PhaseKind::Working, 2700, 4 * 60, now);
        assert_eq!(next_step_in(&s, now), None);
        for phase in [
            PhaseKind::Paused,
            PhaseKind::Away,
            PhaseKind::Due,
            PhaseKind::Snoozed,
        ] {
            assert_eq!(next_step_in(&status(phase, 2700, 600, now), now), None);
        }
    }

    #[test]
    fn tomorrow_is_the_next_midnight() {
        let now = Local.with_ymd_and_hms(2026, 12, 1, 17, 30, 0).unwrap();
        let t = tomorrow(now, &crate::engine::Schedule::default());
        assert!(t > now);
        assert!(t - now <= chrono::Duration::hours(25));
        assert_eq!((t.hour(), t.minute()), (0, 0));
        let just_before = Local.with_ymd_and_hms(2026, 12, 1, 23, 59, 0).unwrap();
        assert!(tomorrow(just_before, &crate::engine::Schedule::default()) > just_before);
    }

    #[test]
    fn words() {
        assert_eq!(today(0), "Today: no breaks yet");
        assert_eq!(today(1), "Today: 1 break");
        assert_eq!(today(4), "Today: 4 breaks");
        let now = Local::now();
        let s = status(PhaseKind::Working, 2700, 22 * 60, now);
        assert!(headline(&s, now).starts_with("Working: sitting 23 min"));
        assert!(!headline(&s, now).contains("idle backend"));
        assert!(tooltip(&s, now).ends_with("idle backend: x11"));
    }
}
