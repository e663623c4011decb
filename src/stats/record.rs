//! The daily sitting record: how long the user sat each day, whether or not a break
//! came. The history alone cannot say it (a day without a single prompt leaves no line;
//! today's stretch in progress is on no line yet).
//!
//! Two places, both written by the daemon only:
//!
//! * `days.jsonl` beside the history: one line per finished day, appended when the day
//!   is over (`{"date":"2026-11-30","sitting_secs":20460,"longest_secs":4320}`). If a
//!   day appears twice (a crash between the append and the next state save), the larger
//!   figures win.
//! * today's running figures in the state file (`daily.today`), saved with the rest of
//!   the state (at least every ten minutes), so that a restart carries on counting and
//!   `deskbreak stats` sees today too.
//!
//! [`Tally`] is the pure part the daemon feeds: local wall time and the engine's
//! sitting totals in, finished days out.

use std::io;
use std::path::Path;
use std::time::Duration;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::store::{StoreError, append_line};

/// Nobody sits longer than this in a day; a hand-edited figure is capped to it.
pub const MAX_DAY: Duration = Duration::from_secs(25 * 60 * 60);

/// One day's sitting, as the daemon counted it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayRecord {
    /// The local date.
    pub date: NaiveDate,
    /// Sitting time that day (the time the engine counted as sitting, short absences
    /// included, the few minutes of idleness that turned into a natural break not).
    pub sitting_secs: u64,
    /// The longest stretch without a break within that day (a stretch that crossed
    /// midnight counts here only with its part after midnight).
    pub longest_secs: u64,
}

impl DayRecord {
    fn empty(date: NaiveDate) -> Self {
        Self {
            date,
            sitting_secs: 0,
            longest_secs: 0,
        }
    }

    /// The larger figures of two records of the same day.
    #[must_use]
    pub fn merge(self, other: DayRecord) -> DayRecord {
        DayRecord {
            date: self.date,
            sitting_secs: self.sitting_secs.max(other.sitting_secs),
            longest_secs: self.longest_secs.max(other.longest_secs),
        }
    }
}

/// What the daemon keeps in the state file for the tally: today's record and the week
/// the weekly summary was last given for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DailyMemory {
    /// Today's figures so far (the day of the last save).
    #[serde(default)]
    pub today: Option<DayRecord>,
    /// The Monday of the week whose first working day already had its summary.
    #[serde(default)]
    pub summary_week: Option<NaiveDate>,
}

/// Something the tally wants carried out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TallyEvent {
    /// A day is over: append it to `days.jsonl`.
    DayOver(DayRecord),
    /// The first sitting of a new week: give the weekly summary of the week before
    /// (if the user asked for it). `week` is that earlier week's Monday.
    NewWeek {
        /// The Monday of the week to summarize.
        week: NaiveDate,
    },
}

/// Counts sitting time per local day from the engine's running total.
///
/// The engine's total only grows, except when a natural break takes back the idle
/// minutes that led to it; the tally follows it either way. Time between two
/// observations that cross midnight goes to the earlier day first (up to midnight),
/// which is right both for sitting through midnight and for a machine that went to
/// sleep before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    memory: DailyMemory,
    today: DayRecord,
    /// Today's sitting below a whole second (observations come often, a second apart or
    /// less: no fraction is lost).
    fraction: Duration,
    last_total: Duration,
    last_at: NaiveDateTime,
}

impl Tally {
    /// Start counting at local time `now`, with the engine's total at `total`, carrying
    /// on from `memory` (from the state file). A saved day that is not today is over:
    /// it comes back as an event to append.
    #[must_use]
    pub fn new(
        memory: DailyMemory,
        now: NaiveDateTime,
        total: Duration,
    ) -> (Self, Option<TallyEvent>) {
        let date = now.date();
        let (today, over) = match memory.today {
            Some(saved) if saved.date == date => (saved, None),
            Some(saved) => (DayRecord::empty(date), Some(TallyEvent::DayOver(saved))),
            None => (DayRecord::empty(date), None),
        };
        let tally = Self {
            memory,
            today,
            fraction: Duration::ZERO,
            last_total: total,
            last_at: now,
        };
        (tally, over)
    }

    /// Today's figures so far.
    #[must_use]
    pub fn today(&self) -> DayRecord {
        self.today
    }

    /// What to save in the state file.
    #[must_use]
    pub fn memory(&self) -> DailyMemory {
        DailyMemory {
            today: Some(self.today),
            ..self.memory
        }
    }

    /// Observe the engine at local time `now`: `total` is its sitting total since it
    /// started, `stretch` the sitting time since the last break. Returns what to carry
    /// out, oldest first.
    #[must_use]
    pub fn observe(
        &mut self,
        now: NaiveDateTime,
        total: Duration,
        stretch: Duration,
    ) -> Vec<TallyEvent> {
        let mut events = Vec::new();
        let grown = total.saturating_sub(self.last_total);
        let shrunk = self.last_total.saturating_sub(total);
        self.last_total = total;
        let date = now.date();
        if date != self.today.date {
            // Up to midnight for the old day, the rest for the new one.
            let midnight = self
                .today
                .date
                .succ_opt()
                .map(|d| d.and_time(NaiveTime::MIN));
            let before = midnight
                .and_then(|m| (m - self.last_at).to_std().ok())
                .unwrap_or(Duration::ZERO);
            let old_part = if date > self.today.date {
                grown.min(before)
            } else {
                // The clock went back past midnight: keep it simple, all to the new day.
                Duration::ZERO
            };
            // The stretch as it stood at midnight, if it ran through it.
            let at_midnight = stretch.saturating_sub(since_midnight(now));
            self.add(old_part, at_midnight);
            self.subtract(shrunk);
            let over = self.today;
            events.push(TallyEvent::DayOver(over));
            self.today = DayRecord::empty(date);
            self.fraction = Duration::ZERO;
            self.add(grown - old_part, Duration::ZERO);
        } else {
            self.add(grown, Duration::ZERO);
            self.subtract(shrunk);
        }
        // The part of the current stretch that lies within today.
        self.add(Duration::ZERO, stretch.min(since_midnight(now)));
        self.last_at = now;

        let monday = monday_of(date);
        if self.today.sitting_secs > 0 && self.memory.summary_week != Some(monday) {
            self.memory.summary_week = Some(monday);
            if let Some(week) = monday.checked_sub_days(chrono::Days::new(7)) {
                events.push(TallyEvent::NewWeek { week });
            }
        }
        events
    }

    fn add(&mut self, sitting: Duration, stretch: Duration) {
        let sum = self.fraction.saturating_add(sitting);
        self.fraction = Duration::from_nanos(u64::from(sum.subsec_nanos()));
        let day = &mut self.today;
        day.sitting_secs = day
            .sitting_secs
            .saturating_add(sum.as_secs())
            .min(MAX_DAY.as_secs());
        day.longest_secs = day
            .longest_secs
            .max(stretch.as_secs().min(MAX_DAY.as_secs()));
    }

    fn subtract(&mut self, d: Duration) {
        let left = Duration::from_secs(self.today.sitting_secs)
            .saturating_add(self.fraction)
            .saturating_sub(d);
        self.today.sitting_secs = left.as_secs();
        self.fraction = Duration::from_nanos(u64::from(left.subsec_nanos()));
    }
}

fn since_midnight(now: NaiveDateTime) -> Duration {
    (now - now.date().and_time(NaiveTime::MIN))
        .to_std()
        .unwrap_or(Duration::ZERO)
}

/// The Monday of `date`'s week (weeks run Monday to Sunday, as ISO 8601 has them).
#[must_use]
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    let back = u64::from(date.weekday().num_days_from_monday());
    date.checked_sub_days(chrono::Days::new(back))
        .unwrap_or(date)
}

/// Append a finished day to `days.jsonl` (one `write` on an `O_APPEND` file, flushed to
/// disk before this returns).
pub fn append(path: &Path, record: &DayRecord) -> Result<(), StoreError> {
    let mut line = serde_json::to_vec(record).map_err(|e| StoreError {
        path: path.to_owned(),
        source: io::Error::other(e),
    })?;
    line.push(b'\n');
    append_line(path, &line)
}

/// Parse one line of `days.jsonl`; `None` for a damaged line.
#[must_use]
pub fn parse_line(line: &[u8]) -> Option<DayRecord> {
    let mut record: DayRecord = serde_json::from_slice(line).ok()?;
    record.sitting_secs = record.sitting_secs.min(MAX_DAY.as_secs());
    record.longest_secs = record.longest_secs.min(record.sitting_secs);
    Some(record)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, day)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    fn mins(m: u64) -> Duration {
        Duration::from_secs(m * 60)
    }

    fn record(day: u32, sitting_min: u64, longest_min: u64) -> DayRecord {
        DayRecord {
            date: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            sitting_secs: sitting_min * 60,
            longest_secs: longest_min * 60,
        }
    }

    #[test]
    fn counts_sitting_and_the_longest_stretch_of_the_day() {
        let memory = DailyMemory {
            summary_week: Some(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
            ..DailyMemory::default()
        };
        let (mut tally, over) = Tally::new(memory, at(25, 9, 0), mins(5));
        assert_eq!(over, None);
        assert!(tally.observe(at(25, 9, 40), mins(45), mins(40)).is_empty());
        // A break (the stretch restarts), then 20 more minutes.
        assert!(tally.observe(at(25, 10, 30), mins(65), mins(20)).is_empty());
        assert_eq!(tally.today(), record(25, 60, 40));
    }

    #[test]
    fn many_small_observations_lose_nothing() {
        let (mut tally, _) = Tally::new(DailyMemory::default(), at(25, 9, 0), mins(0));
        let step = Duration::from_millis(300);
        for i in 1..=1000u32 {
            let now = at(25, 9, 0) + step * i;
            let _ = tally.observe(now, step * i, step * i);
        }
        assert_eq!(tally.today().sitting_secs, 300);
    }

    #[test]
    fn a_natural_break_takes_back_its_idle_minutes() {
        let (mut tally, _) = Tally::new(DailyMemory::default(), at(25, 9, 0), mins(0));
        let _ = tally.observe(at(25, 10, 0), mins(60), mins(60));
        // Five idle minutes were counted, then the natural break took them back.
        let _ = tally.observe(at(25, 10, 5), mins(55), mins(0));
        assert_eq!(tally.today().sitting_secs, 55 * 60);
    }

    #[test]
    fn sitting_through_midnight_is_split_at_midnight() {
        let memory = DailyMemory {
            today: Some(record(25, 100, 50)),
            summary_week: Some(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
        };
        let (mut tally, over) = Tally::new(memory, at(25, 23, 50), mins(0));
        assert_eq!(over, None, "same day: carried on");
        let events = tally.observe(at(26, 0, 10), mins(20), mins(70));
        assert_eq!(events, vec![TallyEvent::DayOver(record(25, 110, 60))]);
        assert_eq!(tally.today(), record(26, 10, 10));
    }

    #[test]
    fn time_before_a_sleep_across_midnight_stays_with_the_old_day() {
        let (mut tally, _) = Tally::new(DailyMemory::default(), at(25, 23, 0), mins(0));
        let _ = tally.observe(at(25, 23, 30), mins(25), mins(25));
        // Three more minutes, then the lid closed; opened at 08:00.
        let events = tally.observe(at(26, 8, 0), mins(28), mins(0));
        assert_eq!(events[0], TallyEvent::DayOver(record(25, 28, 25)));
        assert_eq!(tally.today(), record(26, 0, 0));
    }

    #[test]
    fn a_saved_day_that_is_over_comes_back_to_be_appended() {
        let memory = DailyMemory {
            today: Some(record(24, 300, 80)),
            summary_week: None,
        };
        let (tally, over) = Tally::new(memory, at(25, 8, 0), mins(0));
        assert_eq!(over, Some(TallyEvent::DayOver(record(24, 300, 80))));
        assert_eq!(tally.today(), record(25, 0, 0));
    }

    #[test]
    fn the_first_sitting_of_a_week_asks_for_the_summary_once() {
        // Sunday 29 Nov was in the week of Monday 23 Nov.
        let memory = DailyMemory {
            today: Some(record(29, 30, 30)),
            summary_week: Some(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
        };
        let (mut tally, over) = Tally::new(memory, at(30, 8, 0), mins(0));
        assert!(matches!(over, Some(TallyEvent::DayOver(_))));
        assert!(
            tally.observe(at(30, 8, 0), mins(0), mins(0)).is_empty(),
            "not before the user sits"
        );
        let events = tally.observe(at(30, 8, 30), mins(1), mins(1));
        assert_eq!(
            events,
            vec![TallyEvent::NewWeek {
                week: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
            }]
        );
        assert!(tally.observe(at(30, 9, 30), mins(60), mins(60)).is_empty());
        // After a restart on the same day, not again.
        let (mut again, _) = Tally::new(tally.memory(), at(30, 10, 0), mins(0));
        assert!(again.observe(at(30, 11, 0), mins(60), mins(60)).is_empty());
    }

    #[test]
    fn damaged_or_absurd_lines_are_refused_or_capped() {
        assert_eq!(parse_line(b"{\"date\":\"2026-11-"), None);
        let r = parse_line(
            br#"{"date":"2026-11-25","sitting_secs":999999999,"longest_secs":999999999}"#,
        )
        .unwrap();
        assert_eq!(r.sitting_secs, MAX_DAY.as_secs());
        assert_eq!(r.longest_secs, MAX_DAY.as_secs());
    }

    #[test]
    fn appends_one_line_per_day() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state/days.jsonl");
        append(&path, &record(24, 300, 80)).unwrap();
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"{\"date\":")
            .unwrap();
        append(&path, &record(25, 10, 5)).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            r#"{"date":"2026-11-24","sitting_secs":18000,"longest_secs":4800}"#
        );
        assert_eq!(lines[1], "{\"date\":");
        assert_eq!(parse_line(lines[2].as_bytes()), Some(record(25, 10, 5)));
    }
}
