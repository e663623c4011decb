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
        Some(p) => format!(
            "You took {p} % of your breaks ({} of {}; your goal is {goal} %).",
            week.counts.taken(),
            week.counts.due()
        ),
        None => "No break came due.".to_owned(),
    };
    let streak = match report.streak {
        0 => "No streak of days at your goal right now.".to_owned(),
        1 => "Streak: 1 day at your goal.".to_owned(),
        n => format!("Streak: {n} days in a row at your goal."),
    };
    let longest = match week.longest_on {
        Some(on) if !week.longest.is_zero() => format!(
            "Longest stretch without a break: {} ({}).",
            human::duration(week.longest),
            on.format("%A")
        ),
        _ => String::new(),
    };
    let body = [taken, streak, longest]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let (from, to) = (report.period.since, report.period.today);
    let title = if from.format("%b").to_string() == to.format("%b").to_string() {
        format!("Last week ({}–{})", from.format("%-d"), to.format("%-d %b"))
    } else {
        format!(
            "Last week ({} – {})",
            from.format("%-d %b"),
            to.format("%-d %b")
        )
    };
    Some((title, body))
}
