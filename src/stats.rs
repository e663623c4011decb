//! `deskbreak stats`: a short summary of recent history.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Days, Local, NaiveDate};

use crate::engine::Outcome;
use crate::human;
use crate::store::history::Entry;

/// What the last `days` days looked like.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// The first day covered.
    pub since: NaiveDate,
    /// How many days are covered (today included).
    pub days: u32,
    /// Entries per outcome.
    pub counts: BTreeMap<&'static str, usize>,
    /// Exercises done, most often first (ties by id).
    pub done: Vec<(String, usize)>,
    /// Breaks taken (done or natural) per day, oldest first.
    pub per_day: Vec<(NaiveDate, usize)>,
    /// Average sitting time before a break ended the stretch (done, skipped, natural).
    pub average_sitting: Option<Duration>,
    /// The longest sitting stretch.
    pub longest_sitting: Option<Duration>,
}

/// Summarize `entries` over the `days` days up to and including `now`'s day.
#[must_use]
pub fn summarize(entries: &[Entry], now: DateTime<Local>, days: u32) -> Summary {
    let days = days.max(1);
    let today = now.date_naive();
    let since = today
        .checked_sub_days(Days::new(u64::from(days - 1)))
        .unwrap_or(today);
    let mut counts: BTreeMap<&'static str, usize> =
        Outcome::ALL.iter().map(|o| (o.as_str(), 0)).collect();
    let mut done: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_day: BTreeMap<NaiveDate, usize> = since
        .iter_days()
        .take_while(|d| *d <= today)
        .map(|d| (d, 0))
        .collect();
    let mut stretches = Vec::new();

    for entry in entries {
        let day = entry.at.with_timezone(&Local).date_naive();
        if day < since || day > today {
            continue;
        }
        *counts.entry(entry.outcome.as_str()).or_default() += 1;
        let sat = Duration::from_secs(entry.sat_for_secs);
        match entry.outcome {
            Outcome::Done | Outcome::Natural => {
                *per_day.entry(day).or_default() += 1;
                stretches.push(sat);
            }
            Outcome::Skipped => stretches.push(sat),
            Outcome::Snoozed | Outcome::Dismissed => {}
        }
        if entry.outcome == Outcome::Done
            && let Some(id) = &entry.exercise
        {
            *done.entry(id.clone()).or_default() += 1;
        }
    }

    let mut done: Vec<(String, usize)> = done.into_iter().collect();
    done.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    // Hand-edited lines can hold any number; never overflow on them.
    let total = stretches
        .iter()
        .fold(Duration::ZERO, |sum, d| sum.saturating_add(*d));
    let average_sitting = u32::try_from(stretches.len())
        .ok()
        .filter(|n| *n > 0)
        .map(|n| total / n);
    Summary {
        since,
        days,
        counts,
        done,
        per_day: per_day.into_iter().collect(),
        average_sitting,
        longest_sitting: stretches.iter().max().copied(),
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = |o: Outcome| self.counts.get(o.as_str()).copied().unwrap_or(0);
        writeln!(
            f,
            "Last {} days (since {}):",
            self.days,
            self.since.format("%a %-d %b")
        )?;
        if self.counts.values().all(|n| *n == 0) {
            return writeln!(f, "  no breaks recorded yet");
        }
        let taken = count(Outcome::Done) + count(Outcome::Natural);
        writeln!(
            f,
            "  breaks taken     {taken} ({} with an exercise, {} by stepping away)",
            count(Outcome::Done),
            count(Outcome::Natural)
        )?;
        writeln!(f, "  skipped          {}", count(Outcome::Skipped))?;
        writeln!(
            f,
            "  put off          {} (snoozed {}, dismissed {})",
            count(Outcome::Snoozed) + count(Outcome::Dismissed),
            count(Outcome::Snoozed),
            count(Outcome::Dismissed)
        )?;
        if let (Some(average), Some(longest)) = (self.average_sitting, self.longest_sitting) {
            writeln!(
                f,
                "  sitting stretch  {} on average, longest {}",
                human::duration(average),
                human::duration(longest)
            )?;
        }
        if !self.done.is_empty() {
            let top: Vec<String> = self
                .done
                .iter()
                .take(3)
                .map(|(id, n)| format!("{id} ({n})"))
                .collect();
            writeln!(f, "  most done        {}", top.join(", "))?;
        }
        let days: Vec<String> = self
            .per_day
            .iter()
            .map(|(day, n)| format!("{} {n}", day.format("%a")))
            .collect();
        writeln!(f, "  breaks per day   {}", days.join(" · "))
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(day: u32, hour: u32) -> DateTime<chrono::FixedOffset> {
        Local
            .with_ymd_and_hms(2026, 11, day, hour, 0, 0)
            .unwrap()
            .fixed_offset()
    }

    fn entry(day: u32, outcome: Outcome, exercise: Option<&str>, mins: u64) -> Entry {
        Entry {
            at: at(day, 10),
            outcome,
            exercise: exercise.map(str::to_owned),
            sat_for_secs: mins * 60,
        }
    }

    #[test]
    fn counts_the_last_seven_days_only() {
        let entries = vec![
            entry(10, Outcome::Done, Some("chin-tucks"), 45), // too old
            entry(15, Outcome::Done, Some("chin-tucks"), 45),
            entry(16, Outcome::Snoozed, Some("seated-twist"), 45),
            entry(16, Outcome::Done, Some("seated-twist"), 55),
            entry(20, Outcome::Natural, None, 30),
            entry(21, Outcome::Skipped, Some("chin-tucks"), 50),
            entry(21, Outcome::Done, Some("chin-tucks"), 40),
            entry(21, Outcome::Dismissed, Some("wall-angels"), 45),
        ];
        let now = Local.with_ymd_and_hms(2026, 11, 21, 18, 0, 0).unwrap();
        let s = summarize(&entries, now, 7);
        assert_eq!(s.since, NaiveDate::from_ymd_opt(2026, 11, 15).unwrap());
        assert_eq!(s.counts["done"], 3);
        assert_eq!(s.counts["natural"], 1);
        assert_eq!(s.counts["skipped"], 1);
        assert_eq!(s.counts["snoozed"], 1);
        assert_eq!(s.counts["dismissed"], 1);
        assert_eq!(
            s.done,
            vec![("chin-tucks".into(), 2), ("seated-twist".into(), 1)]
        );
        assert_eq!(s.per_day.len(), 7);
        assert_eq!(s.per_day[0].1, 1);
        assert_eq!(s.per_day[6].1, 1);
        assert_eq!(s.longest_sitting, Some(Duration::from_secs(55 * 60)));
        // (45 + 55 + 30 + 50 + 40) / 5 = 44 min
        assert_eq!(s.average_sitting, Some(Duration::from_secs(44 * 60)));
        let text = s.to_string();
        assert!(
            text.contains("breaks taken     4 (3 with an exercise, 1 by stepping away)"),
            "{text}"
        );
        assert!(
            text.contains("most done        chin-tucks (2), seated-twist (1)"),
            "{text}"
        );
    }

    #[test]
    fn empty_history_says_so() {
        let now = Local.with_ymd_and_hms(2026, 11, 21, 18, 0, 0).unwrap();
        let text = summarize(&[], now, 7).to_string();
        assert!(text.contains("no breaks recorded yet"), "{text}");
    }
}
