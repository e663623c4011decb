//! `deskbreak stats`: what the history says about the user's breaks.
//!
//! # Layout
//!
//! * this file — the figures: one pass over the history (streamed, never held in
//!   memory) and the daily sitting record, into a [`Report`].
//! * [`record`] — the daily sitting record the daemon keeps (`days.jsonl` and today's
//!   figures in the state file), and the pure [`record::Tally`] that counts it.
//! * [`chart`] — the report as a chart for the terminal.
//! * [`json`] — the report as JSON (`stats --json`, `GetStats` on the bus).
//! * [`export`] — `deskbreak history --csv` / `--json`: every line, streamed.
//! * [`weekly`] — the weekly summary notification's words.
//!
//! # What the figures mean
//!
//! * A break *taken* is one done (guided or not) or natural (the user stepped away long
//!   enough). *Adherence* is taken ÷ (taken + skipped): snoozes and dismissals are not
//!   breaks of their own (one break snoozed three times is one break, counted by how it
//!   ended), and micro-breaks are counted apart.
//! * A day's date is the date written on its lines (the local date when they were
//!   written), so a clock change or a trip never moves a break to another day.
//! * Sitting time per day comes from the daily record; for days before the daemon kept
//!   one it is estimated from the stretches the history's lines ended (and marked so).
//! * A stretch that ran through midnight is split there: each day counts its own part.
//! * The streak counts days in a row at or above `stats.goal`; days without sitting time
//!   neither break nor extend it, nor does today while it is below the goal (it is not
//!   over yet). A past day with sitting time but no break recorded counts as 0 % if its
//!   longest stretch reached `breaks.interval` (a break was due), and not at all
//!   otherwise.

pub mod chart;
pub mod export;
pub mod json;
pub mod record;
pub mod weekly;

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Read};
use std::path::Path;
use std::time::Duration;

use chrono::{Days, NaiveDate, NaiveTime};
use serde::Deserialize;

use crate::config::{Config, ConfigError};
use crate::engine::Outcome;
use crate::exercises::{Area, Library};
use crate::paths::Paths;
use crate::store::StoreError;
use crate::store::history::{self, Entry, Line};
use record::{DailyMemory, DayRecord, MAX_DAY};

/// The longest period a report covers.
pub const MAX_DAYS: u32 = 3650;

/// Past this many days, the chart's rows are weeks and a calendar heatmap is shown.
pub const DAY_ROWS_UP_TO: u32 = 31;

/// How many exercises "most done" names.
const TOP: usize = 3;

/// The days a report covers: `since` up to and including `today`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// The first day.
    pub since: NaiveDate,
    /// The last day, today.
    pub today: NaiveDate,
}

/// A period that cannot be reported on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// `--since` lies after today.
    #[error("{}", crate::t!("stats-error-future", date = .0.to_string()))]
    Future(NaiveDate),
    /// `--since` lies too far back.
    #[error("{}", crate::t!(
        "stats-error-too-long",
        date = .since.to_string(),
        days = *.days,
        most = MAX_DAYS
    ))]
    TooLong {
        /// The date asked for.
        since: NaiveDate,
        /// How many days that would cover.
        days: i64,
    },
}

impl Period {
    /// The last `days` days (1 to [`MAX_DAYS`]; out-of-range values are clamped).
    #[must_use]
    pub fn last(days: u32, today: NaiveDate) -> Self {
        let days = days.clamp(1, MAX_DAYS);
        let since = today
            .checked_sub_days(Days::new(u64::from(days - 1)))
            .unwrap_or(NaiveDate::MIN);
        Self { since, today }
    }

    /// From `since` to today.
    pub fn since(since: NaiveDate, today: NaiveDate) -> Result<Self, PeriodError> {
        let days = (today - since).num_days() + 1;
        if days < 1 {
            return Err(PeriodError::Future(since));
        }
        if days > i64::from(MAX_DAYS) {
            return Err(PeriodError::TooLong { since, days });
        }
        Ok(Self { since, today })
    }

    /// How many days it covers, today included.
    #[must_use]
    pub fn days(&self) -> u32 {
        u32::try_from((self.today - self.since).num_days() + 1).unwrap_or(u32::MAX)
    }

    /// Whether `date` lies in it.
    #[must_use]
    pub fn contains(&self, date: NaiveDate) -> bool {
        (self.since..=self.today).contains(&date)
    }

    /// Whether the chart shows weeks rather than days.
    #[must_use]
    pub fn by_weeks(&self) -> bool {
        self.days() > DAY_ROWS_UP_TO
    }
}

/// What the figures are measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// `stats.goal`, in percent.
    pub goal_percent: u8,
    /// `breaks.interval`: a day with a stretch this long had a break due.
    pub interval: Duration,
}

impl Settings {
    /// The settings from a config.
    #[must_use]
    pub fn from_config(config: &Config) -> Self {
        Self {
            goal_percent: config.stats.goal_percent,
            interval: config.rules.interval,
        }
    }
}

/// How the breaks of a day (or a span of days) ended.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Done, guided or not.
    pub done: u32,
    /// Of those done, how many with the guided timer.
    pub guided: u32,
    /// Taken by stepping away without a prompt (or before answering it).
    pub natural: u32,
    /// Skipped.
    pub skipped: u32,
    /// Snoozed or closed without an answer (each time; not breaks of their own).
    pub snoozed: u32,
    /// Micro-breaks (counted apart from adherence).
    pub micro: u32,
}

impl Counts {
    /// Breaks taken: done plus natural.
    #[must_use]
    pub fn taken(&self) -> u32 {
        self.done.saturating_add(self.natural)
    }

    /// Breaks that came due and ended: taken plus skipped.
    #[must_use]
    pub fn due(&self) -> u32 {
        self.taken().saturating_add(self.skipped)
    }

    /// Taken ÷ due in whole percent (rounded half up), if any break was due.
    #[must_use]
    pub fn adherence(&self) -> Option<u32> {
        percent(self.taken(), self.due())
    }

    fn add(&mut self, other: &Counts) {
        self.done = self.done.saturating_add(other.done);
        self.guided = self.guided.saturating_add(other.guided);
        self.natural = self.natural.saturating_add(other.natural);
        self.skipped = self.skipped.saturating_add(other.skipped);
        self.snoozed = self.snoozed.saturating_add(other.snoozed);
        self.micro = self.micro.saturating_add(other.micro);
    }

    /// Count one history line.
    fn count(&mut self, entry: &Entry) {
        match entry.outcome {
            Outcome::Done => {
                self.done = self.done.saturating_add(1);
                if is_guided(entry) {
                    self.guided = self.guided.saturating_add(1);
                }
            }
            Outcome::Natural => self.natural = self.natural.saturating_add(1),
            Outcome::Skipped => self.skipped = self.skipped.saturating_add(1),
            Outcome::Snoozed | Outcome::Dismissed => {
                self.snoozed = self.snoozed.saturating_add(1);
            }
            Outcome::Micro => self.micro = self.micro.saturating_add(1),
        }
    }
}

/// Whether a done break was followed with the guided timer.
fn is_guided(entry: &Entry) -> bool {
    entry.guided_secs.is_some()
}

/// Whether the line ends a sitting stretch (the sitting clock restarts after it).
fn ends_stretch(outcome: Outcome) -> bool {
    match outcome {
        Outcome::Done | Outcome::Skipped | Outcome::Natural => true,
        // A micro-break does not restart the main break's sitting time.
        Outcome::Snoozed | Outcome::Dismissed | Outcome::Micro => false,
    }
}

fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| {
        let (part, whole) = (u64::from(part), u64::from(whole));
        u32::try_from((200 * part + whole) / (2 * whole)).unwrap_or(100)
    })
}

/// One day's figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    /// The local date.
    pub date: NaiveDate,
    /// How its breaks ended.
    pub counts: Counts,
    /// Sitting time.
    pub sitting: Duration,
    /// Whether the sitting time comes from the daily record (else it is estimated from
    /// the history, which misses stretches no line ended).
    pub recorded: bool,
    /// The longest stretch without a break within the day.
    pub longest: Duration,
    /// The day's adherence in percent; `None` when no break was due (see the module
    /// docs for a day with sitting time and no break).
    pub adherence: Option<u32>,
}

impl Day {
    fn empty(date: NaiveDate) -> Self {
        Self {
            date,
            counts: Counts::default(),
            sitting: Duration::ZERO,
            recorded: false,
            longest: Duration::ZERO,
            adherence: None,
        }
    }

    /// Whether anything at all happened that day.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.counts == Counts::default() && self.sitting.is_zero()
    }
}

/// Figures over a span of days.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    /// How its breaks ended.
    pub counts: Counts,
    /// Taken ÷ due, in percent.
    pub adherence: Option<u32>,
    /// Sitting time in all.
    pub sitting: Duration,
    /// The longest stretch without a break (a stretch through midnight counts whole).
    pub longest: Duration,
    /// The day it ended on.
    pub longest_on: Option<NaiveDate>,
    /// Days with sitting time.
    pub days_sat: u32,
}

/// Exercises done per body area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Areas {
    /// Every area, in the order upper back, neck, shoulders, chest, with how many
    /// exercises for it were done.
    pub done: Vec<(Area, u32)>,
}

impl Areas {
    /// The areas no exercise was done for.
    #[must_use]
    pub fn neglected(&self) -> Vec<Area> {
        self.done
            .iter()
            .filter(|(_, n)| *n == 0)
            .map(|(a, _)| *a)
            .collect()
    }
}

/// The order areas are listed in.
pub const AREAS: [Area; 4] = [Area::UpperBack, Area::Neck, Area::Shoulders, Area::Chest];

/// An exercise and how often it was done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Done {
    /// Its id.
    pub id: String,
    /// Its name (the id if the library no longer has it).
    pub name: String,
    /// How often it was done.
    pub times: u32,
}

/// Everything `deskbreak stats` shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The days covered.
    pub period: Period,
    /// What the figures are measured against.
    pub settings: Settings,
    /// Every day of the period, oldest first.
    pub days: Vec<Day>,
    /// The whole period.
    pub total: Span,
    /// Today.
    pub today: Span,
    /// The last 7 days, today included (whatever the period).
    pub week: Span,
    /// Days in a row at or above the goal, up to today.
    pub streak: u32,
    /// Exercises per body area over the last 7 days.
    pub areas: Areas,
    /// The most-done exercises over the period, most first (ties by name).
    pub most_done: Vec<Done>,
    /// History lines that could not be read (skipped).
    pub damaged_lines: usize,
}

/// Per-day accumulation while reading.
#[derive(Clone, Copy, Debug, Default)]
struct Acc {
    counts: Counts,
    /// Sum of the stretches that ended this day (their part within the day).
    ended: Duration,
    /// Longest stretch seen on a line this day (its part within the day).
    longest: Duration,
    /// Longest whole stretch that ended this day (through midnight included).
    longest_whole: Duration,
    record: Option<DayRecord>,
}

/// Builds a [`Report`] from history lines and daily records, in any number of pieces.
pub struct Builder {
    period: Period,
    settings: Settings,
    library: Library,
    days: BTreeMap<NaiveDate, Acc>,
    done_in_period: HashMap<String, u32>,
    done_in_week: HashMap<String, u32>,
    week: Period,
    damaged: usize,
}

impl Builder {
    /// A report on `period`, measured against `settings`.
    #[must_use]
    pub fn new(period: Period, settings: Settings, library: Library) -> Self {
        Self {
            period,
            settings,
            library,
            days: BTreeMap::new(),
            done_in_period: HashMap::new(),
            done_in_week: HashMap::new(),
            week: Period::last(7, period.today),
            damaged: 0,
        }
    }

    /// Take in one history line.
    pub fn line(&mut self, line: Line) {
        match line {
            Line::Entry(entry) => self.entry(entry),
            Line::Damaged { .. } => self.damaged += 1,
        }
    }

    fn entry(&mut self, entry: Entry) {
        let date = entry.at.date_naive();
        // Lines from the future (a clock set wrong) cannot be placed; they are ignored.
        if date > self.period.today {
            return;
        }
        let sat = Duration::from_secs(entry.sat_for_secs).min(MAX_DAY);
        let since_midnight = (entry.at.naive_local() - date.and_time(NaiveTime::MIN))
            .to_std()
            .unwrap_or(Duration::ZERO);
        let within = sat.min(since_midnight);
        let before = sat - within;
        let ends = ends_stretch(entry.outcome);
        {
            let acc = self.days.entry(date).or_default();
            acc.counts.count(&entry);
            acc.longest = acc.longest.max(within);
            if ends {
                acc.ended = acc.ended.saturating_add(within);
                acc.longest_whole = acc.longest_whole.max(sat);
            }
        }
        if !before.is_zero()
            && let Some(previous) = date.pred_opt()
        {
            let acc = self.days.entry(previous).or_default();
            let part = before.min(Duration::from_secs(24 * 60 * 60));
            acc.longest = acc.longest.max(part);
            if ends {
                acc.ended = acc.ended.saturating_add(part);
            }
        }
        if entry.outcome == Outcome::Done
            && let Some(id) = entry.exercise
        {
            if self.week.contains(date) {
                *self.done_in_week.entry(id.clone()).or_default() += 1;
            }
            if self.period.contains(date) {
                *self.done_in_period.entry(id).or_default() += 1;
            }
        }
    }

    /// Take in one day of the daily record (a day seen twice keeps the larger figures).
    pub fn record(&mut self, record: DayRecord) {
        if record.date > self.period.today {
            return;
        }
        let acc = self.days.entry(record.date).or_default();
        acc.record = Some(match acc.record {
            Some(earlier) => earlier.merge(record),
            None => record,
        });
    }

    fn day(&self, date: NaiveDate) -> Day {
        let Some(acc) = self.days.get(&date) else {
            return Day::empty(date);
        };
        let recorded_sitting = acc
            .record
            .map_or(Duration::ZERO, |r| Duration::from_secs(r.sitting_secs));
        let recorded_longest = acc
            .record
            .map_or(Duration::ZERO, |r| Duration::from_secs(r.longest_secs));
        // All lower bounds of the truth (the daemon may not have run all day, a snoozed
        // break may never have ended): the largest is the best.
        let longest = recorded_longest.max(acc.longest).min(MAX_DAY);
        let sitting = recorded_sitting.max(acc.ended).max(longest).min(MAX_DAY);
        let adherence = acc.counts.adherence().or_else(|| {
            (date < self.period.today && longest >= self.settings.interval && !sitting.is_zero())
                .then_some(0)
        });
        Day {
            date,
            counts: acc.counts,
            sitting,
            recorded: acc.record.is_some(),
            longest,
            adherence,
        }
    }

    fn span(&self, period: Period) -> Span {
        let mut span = Span::default();
        for date in period.since.iter_days().take_while(|d| *d <= period.today) {
            let day = self.day(date);
            span.counts.add(&day.counts);
            span.sitting = span.sitting.saturating_add(day.sitting);
            if !day.sitting.is_zero() {
                span.days_sat += 1;
            }
            let whole = self
                .days
                .get(&date)
                .map_or(Duration::ZERO, |a| a.longest_whole)
                .max(day.longest);
            if whole > span.longest {
                span.longest = whole;
                span.longest_on = Some(date);
            }
        }
        span.adherence = span.counts.adherence();
        span
    }

    fn streak(&self) -> u32 {
        let goal = u32::from(self.settings.goal_percent);
        let today = self.period.today;
        let mut streak = 0;
        // Days without a line or a record are neutral: only days with data are visited.
        for date in self.days.range(..=today).rev().map(|(d, _)| *d) {
            let day = self.day(date);
            if day.sitting.is_zero() && day.counts.due() == 0 {
                continue;
            }
            match day.adherence {
                Some(p) if p >= goal => streak += 1,
                // Today is not over: below the goal so far does not end the streak.
                Some(_) if date == today => {}
                Some(_) => break,
                None => {}
            }
        }
        streak
    }

    /// The report.
    #[must_use]
    pub fn finish(self) -> Report {
        let period = self.period;
        let days: Vec<Day> = period
            .since
            .iter_days()
            .take_while(|d| *d <= period.today)
            .map(|d| self.day(d))
            .collect();
        let mut per_area: HashMap<Area, u32> = HashMap::new();
        for (id, n) in &self.done_in_week {
            if let Some(exercise) = self.library.get(id) {
                *per_area.entry(exercise.area).or_default() += n;
            }
        }
        let areas = Areas {
            done: AREAS
                .iter()
                .map(|a| (*a, per_area.get(a).copied().unwrap_or(0)))
                .collect(),
        };
        let mut most_done: Vec<Done> = self
            .done_in_period
            .iter()
            .map(|(id, times)| Done {
                id: id.clone(),
                name: self
                    .library
                    .get(id)
                    .map_or_else(|| id.clone(), |e| e.name().to_owned()),
                times: *times,
            })
            .collect();
        most_done.sort_by(|a, b| {
            b.times
                .cmp(&a.times)
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.id.cmp(&b.id))
        });
        most_done.truncate(TOP);
        Report {
            total: self.span(period),
            today: self.span(Period {
                since: period.today,
                today: period.today,
            }),
            week: self.span(self.week),
            streak: self.streak(),
            period,
            settings: self.settings,
            days,
            areas,
            most_done,
            damaged_lines: self.damaged,
        }
    }
}

/// Why stats could not be gathered.
#[derive(Debug, thiserror::Error)]
pub enum StatsError {
    /// The config file is broken (its goal and interval are needed).
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A file could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The period makes no sense.
    #[error(transparent)]
    Period(#[from] PeriodError),
}

/// Read the history, the daily record and today's figures from the state file, and
/// report on `period`. Only reads: nothing is repaired or written.
pub fn gather(paths: &Paths, period: Period, settings: Settings) -> Result<Report, StatsError> {
    let mut builder = Builder::new(period, settings, Library::embedded());
    for line in history::stream(&paths.history())? {
        builder.line(line?);
    }
    for record in read_days(&paths.days())? {
        builder.record(record);
    }
    if let Some(today) = read_saved_today(&paths.state()) {
        builder.record(today);
    }
    Ok(builder.finish())
}

/// `deskbreak stats --json --days N` as of `today`, exactly as printed (the bus's
/// `GetStats` returns this text).
pub fn json_for_days(paths: &Paths, days: u32, today: NaiveDate) -> Result<String, StatsError> {
    let config = Config::load(&paths.config)?;
    let report = gather(
        paths,
        Period::last(days, today),
        Settings::from_config(&config),
    )?;
    Ok(json::render(&report))
}

/// Every good line of `days.jsonl` (a missing file has none; damaged lines are skipped).
fn read_days(path: &Path) -> Result<Vec<DayRecord>, StoreError> {
    let err = |source| StoreError {
        path: path.to_owned(),
        source,
    };
    let Some(file) = history::open_regular(path).map_err(err)? else {
        return Ok(Vec::new());
    };
    let mut records = Vec::new();
    let mut reader = io::BufReader::new(file);
    let mut line = Vec::new();
    while history::read_line(&mut reader, &mut line).map_err(err)? {
        if let Some(record) = record::parse_line(line.trim_ascii()) {
            records.push(record);
        }
    }
    Ok(records)
}

/// The state file as far as stats care: today's running figures.
#[derive(Deserialize)]
struct SavedDaily {
    #[serde(default)]
    daily: DailyMemory,
}

/// Today's figures as the daemon last saved them; nothing if the state file is missing,
/// unreadable or damaged (the daemon deals with that; stats only read).
fn read_saved_today(path: &Path) -> Option<DayRecord> {
    const MAX_STATE: u64 = 1 << 20;
    let file = history::open_regular(path).ok()??;
    let mut bytes = Vec::new();
    file.take(MAX_STATE).read_to_end(&mut bytes).ok()?;
    let saved: SavedDaily = serde_json::from_slice(&bytes).ok()?;
    let today = saved.daily.today?;
    record::parse_line(&serde_json::to_vec(&today).ok()?)
}

#[cfg(test)]
mod tests;
