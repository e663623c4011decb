//! The weekly summary (`stats.weekly_summary`): on the first working day of a week, one
//! notification about the week before.

use chrono::{Days, NaiveDate};

use super::{Period, Report};
use crate::human;

/// The period a summary covers: the Monday `week` to its Sunday.
#[must_use]
pub fn period(week: NaiveDate) -> Period {
    Period {
        since: week,
        today: week.checked_add_days(Days::new(6)).unwrap_or(week),
    }
}

/// The notification's title and body for a report on [`period`]; `None` if nothing
/// was recorded that week (nothing to say).
#[must_use]
pub fn message(report: &Report) -> Option<(String, String)> {
    let week = &report.total;
    if week.counts.due() == 0 && week.sitting.is_zero() {
        return None;
    }
    let goal = report.settings.goal_percent;
    let taken = match week.adherence {
        Some(p) => crate::t!(
            "stats-weekly-taken",
            percent = p,
            taken = week.counts.taken(),
            due = week.counts.due(),
            goal = goal
        ),
        None => crate::t!("stats-weekly-none-due"),
    };
    let streak = crate::t!("stats-weekly-streak", days = report.streak);
    let longest = match week.longest_on {
        Some(on) if !week.longest.is_zero() => crate::t!(
            "stats-weekly-longest",
            duration = human::duration(week.longest),
            weekday = human::weekday(on)
        ),
        _ => String::new(),
    };
    let body = [taken, streak, longest]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let (from, to) = (report.period.since, report.period.today);
    let title = if chrono::Datelike::month(&from) == chrono::Datelike::month(&to) {
        crate::t!(
            "stats-weekly-title-same-month",
            from = chrono::Datelike::day(&from),
            to = human::day_month(to)
        )
    } else {
        crate::t!(
            "stats-weekly-title",
            from = human::day_month(from),
            to = human::day_month(to)
        )
    };
    Some((title, body))
}
