//! Working hours: which days and times of day reminders are given (`[schedule]`).
//!
//! Pure calendar math on the local wall clock. [`Schedule::hours_at`] says, for a wall
//! time in some time zone, whether it lies within working hours and when that changes;
//! the daemon asks it again at each boundary, after a suspend and when the clock or the
//! time zone changes, and hands the answer to the engine as [`Hours`]. Boundaries are
//! computed as instants from the local date and time of day in the zone given, so a DST
//! change or a new time zone moves them with the wall clock:
//!
//! * a boundary in a DST gap (a local time that does not exist) falls as far after the
//!   gap's start as it was meant to be (02:30 in a 02:00→03:00 gap is 03:30);
//! * a boundary in a DST fold (a local time that happens twice) is its first occurrence.
//!
//! A range whose end is not after its start runs across midnight: `"22:00-06:00"` on
//! `fri` is Friday 22:00 to Saturday 06:00 (the day names the day it starts).

use std::fmt;

use chrono::{DateTime, Datelike, Duration as Span, FixedOffset, LocalResult, NaiveDate, TimeZone};

/// A time of day as minutes since midnight, 0 ..= 1440 (`24:00` ends a day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(u16);

impl TimeOfDay {
    /// `hours:minutes`, if it is a time of day (`24:00` included).
    #[must_use]
    pub fn new(hours: u16, minutes: u16) -> Option<Self> {
        let total = hours.checked_mul(60)?.checked_add(minutes)?;
        (minutes < 60 && total <= 24 * 60).then_some(Self(total))
    }

    /// Minutes since midnight.
    #[must_use]
    pub fn minutes(self) -> u16 {
        self.0
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// One range of working time on a day, e.g. `09:00-17:30`; across midnight when `end`
/// is not after `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Range {
    /// When it starts.
    pub start: TimeOfDay,
    /// When it ends (the next day if not after `start`).
    pub end: TimeOfDay,
}

/// Why a text is not a [`Range`]; its message says what is expected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RangeError {
    /// No `-` between two times.
    #[error("{}", crate::t!("config-range-not-a-range", value = format!("{:?}", .0)))]
    NotARange(String),
    /// A side is not a 24-hour time.
    #[error("{}", crate::t!("config-range-invalid", value = format!("{:?}", .0)))]
    Invalid(String),
    /// It starts where it ends.
    #[error("{}", crate::t!("config-range-empty", value = format!("{:?}", .0)))]
    Empty(String),
}

impl Range {
    /// Parse `"HH:MM-HH:MM"`. The error says what is expected.
    pub fn parse(text: &str) -> Result<Self, RangeError> {
        let time = |part: &str| -> Option<TimeOfDay> {
            let (h, m) = part.trim().split_once(':')?;
            if h.is_empty() || h.len() > 2 || m.len() != 2 {
                return None;
            }
            TimeOfDay::new(h.parse().ok()?, m.parse().ok()?)
        };
        let (start, end) = text
            .split_once('-')
            .ok_or_else(|| RangeError::NotARange(text.to_owned()))?;
        let (Some(start), Some(end)) = (time(start), time(end)) else {
            return Err(RangeError::Invalid(text.to_owned()));
        };
        if start == end || (start.minutes() == 1440) {
            return Err(RangeError::Empty(text.to_owned()));
        }
        Ok(Self { start, end })
    }

    /// Minutes from `start` to `end`, across midnight if need be.
    fn length(self) -> i64 {
        let (s, e) = (i64::from(self.start.0), i64::from(self.end.0));
        if e > s { e - s } else { e + 1440 - s }
    }
}

impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

/// The day names the config accepts, Monday first (chrono's order).
pub const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// When reminders are given. The default is every day, all day.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Schedule {
    /// Working days, Monday first.
    days: [bool; 7],
    /// Ranges of each working day; never empty.
    ranges: Vec<Range>,
}

impl Default for Schedule {
    fn default() -> Self {
        Self::always()
    }
}

/// Where the wall clock stands against working hours, as the engine is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hours {
    /// No schedule: always within working hours.
    Always,
    /// Within working hours, since `since`, until `until`.
    Open {
        /// When this stretch of working time began.
        since: DateTime<FixedOffset>,
        /// When it ends.
        until: DateTime<FixedOffset>,
    },
    /// Outside working hours until `until`.
    Closed {
        /// When working hours begin again.
        until: DateTime<FixedOffset>,
    },
}

impl Hours {
    /// Whether reminders are given now.
    #[must_use]
    pub fn open(self) -> bool {
        !matches!(self, Hours::Closed { .. })
    }

    /// The next boundary, if there is one.
    #[must_use]
    pub fn next_change(self) -> Option<DateTime<FixedOffset>> {
        match self {
            Hours::Always => None,
            Hours::Open { until, .. } | Hours::Closed { until } => Some(until),
        }
    }
}

/// How many days around `now` are searched for working time: a week either side covers
/// a single working day a week with ranges across midnight.
const SEARCH_DAYS: i64 = 8;

impl Schedule {
    /// Every day, all day: no boundary ever.
    #[must_use]
    pub fn always() -> Self {
        Self {
            days: [true; 7],
            ranges: vec![Range {
                start: TimeOfDay(0),
                end: TimeOfDay(1440),
            }],
        }
    }

    /// `days` (Monday first) with `ranges`. `None` if there is no day or no range.
    #[must_use]
    pub fn new(days: [bool; 7], ranges: Vec<Range>) -> Option<Self> {
        (days.contains(&true) && !ranges.is_empty()).then_some(Self { days, ranges })
    }

    /// Whether this is every day, all day.
    #[must_use]
    pub fn is_always(&self) -> bool {
        if !self.days.iter().all(|d| *d) {
            return false;
        }
        // Ranges that together cover the whole day, every day.
        let mut covered = [false; 1440];
        for range in &self.ranges {
            let start = i64::from(range.start.0);
            for m in start..start + range.length() {
                covered[usize::try_from(m.rem_euclid(1440)).unwrap_or(0)] = true;
            }
        }
        covered.iter().all(|c| *c)
    }

    /// The working days, Monday first.
    #[must_use]
    pub fn days(&self) -> [bool; 7] {
        self.days
    }

    /// The ranges of each working day.
    #[must_use]
    pub fn ranges(&self) -> &[Range] {
        &self.ranges
    }

    /// Where `now` (a wall time in its zone) stands against working hours.
    #[must_use]
    pub fn hours_at<Tz: TimeZone>(&self, now: &DateTime<Tz>) -> Hours {
        if self.is_always() {
            return Hours::Always;
        }
        let zone = now.timezone();
        let today = now.date_naive();
        let now = now.fixed_offset();
        // Every stretch of working time near `now`, as instants, merged where they touch.
        let mut spans: Vec<(DateTime<FixedOffset>, DateTime<FixedOffset>)> = Vec::new();
        for offset in -SEARCH_DAYS..=SEARCH_DAYS {
            let Some(day) = today.checked_add_signed(Span::days(offset)) else {
                continue;
            };
            if !self.days[day.weekday().num_days_from_monday() as usize] {
                continue;
            }
            for range in &self.ranges {
                let start = instant(&zone, day, i64::from(range.start.0));
                let end = instant(
                    &zone,
                    day,
                    i64::from(range.start.0).saturating_add(range.length()),
                );
                if let (Some(start), Some(end)) = (start, end)
                    && end > start
                {
                    spans.push((start, end));
                }
            }
        }
        spans.sort();
        let mut merged: Vec<(DateTime<FixedOffset>, DateTime<FixedOffset>)> = Vec::new();
        for (start, end) in spans {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        if let Some(&(since, until)) = merged.iter().find(|(s, e)| *s <= now && now < *e) {
            return Hours::Open { since, until };
        }
        match merged.iter().find(|(s, _)| *s > now) {
            Some(&(until, _)) => Hours::Closed { until },
            // Not reachable with a day and a range; be open rather than silent for ever.
            None => Hours::Always,
        }
    }

    /// The start of the next working time after `now`, if any (for "pause until
    /// tomorrow": the next working morning).
    #[must_use]
    pub fn next_start<Tz: TimeZone>(&self, now: &DateTime<Tz>) -> Option<DateTime<FixedOffset>> {
        match self.hours_at(now) {
            Hours::Always => None,
            Hours::Closed { until } => Some(until),
            Hours::Open { until, .. } => match self.hours_at(&until.with_timezone(&now.timezone()))
            {
                Hours::Closed { until } => Some(until),
                _ => None,
            },
        }
    }
}

/// The instant at `minutes` after midnight of `day` on the local wall clock of `zone`
/// (beyond 1440 runs into the next days). In a DST gap: that far past the gap's start;
/// in a fold: the first occurrence.
fn instant<Tz: TimeZone>(zone: &Tz, day: NaiveDate, minutes: i64) -> Option<DateTime<FixedOffset>> {
    let local = day
        .and_hms_opt(0, 0, 0)?
        .checked_add_signed(Span::minutes(minutes))?;
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t.fixed_offset()),
        LocalResult::Ambiguous(first, _) => Some(first.fixed_offset()),
        LocalResult::None => {
            // In a gap: read the local time with the offset in force before the gap.
            let before = local.checked_sub_signed(Span::hours(3))?;
            let offset = match zone.from_local_datetime(&before) {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.offset().fix(),
                LocalResult::None => return None,
            };
            let utc =
                local.checked_sub_signed(Span::seconds(i64::from(offset.local_minus_utc())))?;
            Some(zone.from_utc_datetime(&utc).fixed_offset())
        }
    }
}

use chrono::Offset as _;

/// The engine's rules for working hours.
///
/// * Leaving working hours closes an open prompt without a record, drops a snoozed one,
///   and stops the sitting clock at zero (the day's sitting goes to the daily total).
/// * Off hours nothing falls due and no sitting time is counted; a break asked for
///   (`deskbreak now`) still works.
/// * Entering working hours starts the sitting time (and the snoozes, and the micro
///   count) from zero. A report of working hours that began after the ones the engine
///   knew had ended (a suspend across the night) is both: the day ended unseen.
impl super::Engine {
    /// Take in where the wall clock stands against working hours.
    pub(super) fn set_hours(&mut self, hours: Hours) {
        let was = std::mem::replace(&mut self.hours, hours);
        let missed_night = match (was, hours) {
            (Hours::Open { until, .. }, Hours::Open { since, .. }) => since >= until,
            _ => false,
        };
        if (was.open() && !hours.open()) || missed_night {
            self.leave_hours();
        }
        if (!was.open() && hours.open()) || missed_night {
            self.enter_hours();
        }
    }

    fn leave_hours(&mut self) {
        use super::{Action, Phase};
        match std::mem::replace(&mut self.phase, Phase::Working) {
            Phase::Prompting { .. } | Phase::Guiding { .. } => {
                self.actions.push_back(Action::Close);
            }
            // A break held back goes with the day; so does what it waited.
            Phase::Waiting(wait) => self.leave_wait(self.last, &wait),
            Phase::Working | Phase::Snoozed { .. } => {}
        }
        self.waited = None;
        self.sat_in_ended = self.sat_in_ended.saturating_add(self.sitting);
        self.sitting = std::time::Duration::ZERO;
        self.presence.sat_before = std::time::Duration::ZERO;
        self.snoozes = 0;
        self.day_fresh = true;
    }

    fn enter_hours(&mut self) {
        self.sat_in_ended = self.sat_in_ended.saturating_add(self.sitting);
        self.sitting = std::time::Duration::ZERO;
        self.presence.sat_before = std::time::Duration::ZERO;
        self.snoozes = 0;
        self.day_fresh = true;
        self.micro.restart_count();
    }
}

#[cfg(test)]
#[path = "tests_schedule.rs"]
mod tests;
