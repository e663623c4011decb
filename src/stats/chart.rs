//! The report as a chart for the terminal: a row per day (a week past 31 days), then the
//! figures that answer "am I taking my breaks?", and past 31 days a calendar heatmap.
//!
//! Every mark has its own glyph, so the chart reads the same without colour; colour only
//! adds to it. Column widths follow the figures, so the chart stays within 80 columns.

use std::fmt::Write as _;
use std::time::Duration;

use chrono::{Datelike, Days, NaiveDate};

use super::record::monday_of;
use super::{Counts, Day, Report, Span};
use crate::human;

/// Bars are at most this many marks long.
const BAR: u32 = 20;
/// Width of the labels in the figures below the rows.
const LABEL: usize = 14;

const DONE: char = '█';
const GUIDED: char = '▓';
const NATURAL: char = '▒';
const SKIPPED: char = '░';
const SNOOZED: char = '·';

/// ANSI colours, or nothing.
#[derive(Clone, Copy)]
struct Paint(bool);

impl Paint {
    fn wrap(self, code: &str, text: &str) -> String {
        if self.0 && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
    fn bold(self, text: &str) -> String {
        self.wrap("1", text)
    }
    fn dim(self, text: &str) -> String {
        self.wrap("2", text)
    }
    fn green(self, text: &str) -> String {
        self.wrap("32", text)
    }
    fn yellow(self, text: &str) -> String {
        self.wrap("33", text)
    }
    fn red(self, text: &str) -> String {
        self.wrap("31", text)
    }
}

/// The chart, with ANSI colours if `colour`.
#[must_use]
pub fn render(report: &Report, colour: bool) -> String {
    let paint = Paint(colour);
    let mut out = String::new();
    let period = report.period;
    let days = period.days();
    let title = if days == 1 {
        format!("Last day · {}", period.today.format("%a %-d %b %Y"))
    } else {
        let from = if period.since.year() == period.today.year() {
            period.since.format("%a %-d %b")
        } else {
            period.since.format("%a %-d %b %Y")
        };
        format!(
            "Last {days} days · {from} – {}",
            period.today.format("%a %-d %b %Y")
        )
    };
    let _ = writeln!(out, "{}", paint.bold(&title));
    if report.days.iter().all(Day::is_empty) {
        let _ = writeln!(
            out,
            "\nNo breaks and no sitting time recorded in these days. The daemon \
             (`deskbreak run`, or\nthe service) records them as you work."
        );
        if report.damaged_lines > 0 {
            let _ = writeln!(out, "{}", damaged(report.damaged_lines));
        }
        return out;
    }
    out.push('\n');
    let rows = if period.by_weeks() {
        week_rows(report)
    } else {
        day_rows(report)
    };
    table(
        &mut out,
        &rows,
        paint,
        u32::from(report.settings.goal_percent),
    );
    figures(&mut out, report, paint);
    if period.by_weeks() {
        heatmap(&mut out, report, paint);
    }
    out
}

fn damaged(n: usize) -> String {
    format!(
        "({} in the history could not be read and {} left out.)",
        plural(n as u64, "line", "lines"),
        if n == 1 { "is" } else { "are" }
    )
}

/// "1 break", "2 breaks".
fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One row of the table.
struct Row {
    label: String,
    /// A year heading to print before the row.
    year: Option<i32>,
    counts: Counts,
    adherence: Option<u32>,
    sitting: Duration,
    longest: Duration,
    /// Nothing happened: no sitting, no breaks.
    empty: bool,
}

fn day_rows(report: &Report) -> Vec<Row> {
    let today = report.period.today;
    let short = report.period.days() <= 7;
    report
        .days
        .iter()
        .map(|day| {
            let label = if short {
                match (today - day.date).num_days() {
                    0 => "Today".to_owned(),
                    1 => "Yesterday".to_owned(),
                    _ => day.date.format("%A").to_string(),
                }
            } else {
                day.date.format("%a %-d %b").to_string()
            };
            Row {
                label,
                year: None,
                counts: day.counts,
                adherence: day.adherence,
                sitting: day.sitting,
                longest: day.longest,
                empty: day.is_empty(),
            }
        })
        .collect()
}

fn week_rows(report: &Report) -> Vec<Row> {
    let period = report.period;
    let several_years = period.since.year() != period.today.year();
    let mut rows: Vec<Row> = Vec::new();
    let mut year = None;
    for chunk in report
        .days
        .chunk_by(|a, b| monday_of(a.date) == monday_of(b.date))
    {
        let (Some(first), Some(last)) = (chunk.first(), chunk.last()) else {
            continue;
        };
        let mut span = Span::default();
        for day in chunk {
            span.counts.add(&day.counts);
            span.sitting = span.sitting.saturating_add(day.sitting);
            span.longest = span.longest.max(day.longest);
        }
        let label = if first.date.month() == last.date.month() {
            if first.date == last.date {
                first.date.format("%-d %b").to_string()
            } else {
                format!(
                    "{}–{}",
                    first.date.format("%-d"),
                    last.date.format("%-d %b")
                )
            }
        } else {
            format!(
                "{} – {}",
                first.date.format("%-d %b"),
                last.date.format("%-d %b")
            )
        };
        let heading = (several_years && year != Some(first.date.year())).then(|| {
            year = Some(first.date.year());
            first.date.year()
        });
        rows.push(Row {
            label,
            year: heading,
            counts: span.counts,
            adherence: span.counts.adherence(),
            sitting: span.sitting,
            longest: span.longest,
            empty: span.counts == Counts::default() && span.sitting.is_zero(),
        });
    }
    rows
}

fn table(out: &mut String, rows: &[Row], paint: Paint, goal: u32) {
    let events = |c: &Counts| c.due().saturating_add(c.snoozed);
    let most = rows.iter().map(|r| events(&r.counts)).max().unwrap_or(0);
    // Each mark stands for `per` events (rounded up), so that the longest bar fits.
    let per = most.div_ceil(BAR).max(1);
    let cells = |n: u32| n.div_ceil(per);
    let bar_width = rows
        .iter()
        .map(|r| {
            let c = &r.counts;
            cells(c.done - c.guided.min(c.done))
                + cells(c.guided)
                + cells(c.natural)
                + cells(c.skipped)
                + cells(c.snoozed)
        })
        .max()
        .unwrap_or(0)
        .max("no breaks".len() as u32) as usize;
    let label_w = rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(0);
    let taken = |r: &Row| {
        if r.counts.due() == 0 {
            String::new()
        } else {
            format!("{} of {}", r.counts.taken(), r.counts.due())
        }
    };
    let rate = |r: &Row| r.adherence.map_or_else(String::new, |p| format!("{p} %"));
    let time = |d: Duration, empty: bool| {
        if empty || d.is_zero() {
            "—".to_owned()
        } else {
            human::duration(d)
        }
    };
    let taken_w = rows
        .iter()
        .map(|r| taken(r).len())
        .max()
        .unwrap_or(0)
        .max("taken".len());
    let rate_w = "100 %".len();
    let sit_w = rows
        .iter()
        .map(|r| time(r.sitting, r.empty).chars().count())
        .max()
        .unwrap_or(0)
        .max("sitting".len());
    let long_w = rows
        .iter()
        .map(|r| time(r.longest, r.empty).chars().count())
        .max()
        .unwrap_or(0)
        .max("longest".len());
    let header = format!(
        "{:label_w$}  {:bar_width$}  {:>taken_w$}  {:>rate_w$}  {:>sit_w$}  {:>long_w$}",
        "", "breaks", "taken", "share", "sitting", "longest"
    );
    let _ = writeln!(out, "{}", paint.dim(header.trim_end()));
    for row in rows {
        if let Some(year) = row.year {
            let _ = writeln!(out, "{}", paint.bold(&year.to_string()));
        }
        let c = &row.counts;
        let plain = c.done - c.guided.min(c.done);
        let segments = [
            (cells(plain), DONE, "32"),
            (cells(c.guided), GUIDED, "36"),
            (cells(c.natural), NATURAL, "34"),
            (cells(c.skipped), SKIPPED, "31"),
            (cells(c.snoozed), SNOOZED, "33"),
        ];
        let width: u32 = segments.iter().map(|s| s.0).sum();
        let mut bar = String::new();
        for (n, glyph, code) in segments {
            let text: String = std::iter::repeat_n(glyph, n as usize).collect();
            bar.push_str(&paint.wrap(code, &text));
        }
        let mut bar_pad = bar_width.saturating_sub(width as usize);
        if width == 0 && !row.sitting.is_zero() {
            bar = paint.dim("no breaks");
            bar_pad = bar_width - "no breaks".len();
        }
        let rate_text = rate(row);
        let rate_text = format!("{rate_text:>rate_w$}");
        let rate_text = paint_rate(paint, row.adherence, &rate_text, goal);
        let line = format!(
            "{:label_w$}  {bar}{:bar_pad$}  {:>taken_w$}  {rate_text}  {:>sit_w$}  {:>long_w$}",
            row.label,
            "",
            taken(row),
            time(row.sitting, row.empty),
            time(row.longest, row.empty),
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let mut legend = format!(
        "{} done  {} guided  {} natural  {} skipped  {} snoozed",
        paint.wrap("32", &DONE.to_string()),
        paint.wrap("36", &GUIDED.to_string()),
        paint.wrap("34", &NATURAL.to_string()),
        paint.wrap("31", &SKIPPED.to_string()),
        paint.wrap("33", &SNOOZED.to_string()),
    );
    if per > 1 {
        let _ = write!(legend, "  (one mark per {per})");
    }
    let _ = writeln!(out, "{:label_w$}  {legend}", "");
}

fn paint_rate(paint: Paint, adherence: Option<u32>, text: &str, goal: u32) -> String {
    match adherence {
        Some(p) if p >= goal => paint.green(text),
        Some(_) => paint.yellow(text),
        None => text.to_owned(),
    }
}

fn share(span: &Span, paint: Paint, goal: u32) -> String {
    match span.adherence {
        Some(p) => {
            let text = format!("{p} %");
            format!(
                "{} ({} of {})",
                paint_rate(paint, Some(p), &text, goal),
                span.counts.taken(),
                span.counts.due()
            )
        }
        None => "— (no break due)".to_owned(),
    }
}

fn figures(out: &mut String, report: &Report, paint: Paint) {
    let goal = u32::from(report.settings.goal_percent);
    let label = |text: &str| paint.bold(&format!("{text:LABEL$}"));
    out.push('\n');

    let mut adherence = format!(
        "today {} · last 7 days {}",
        share(&report.today, paint, goal),
        share(&report.week, paint, goal)
    );
    let days = report.period.days();
    if days > 7 {
        let _ = write!(
            adherence,
            "\n{:LABEL$}last {days} days {}",
            "",
            share(&report.total, paint, goal)
        );
    }
    let _ = writeln!(out, "{}{adherence}", label("Breaks taken"));

    let streak = plural(report.streak, "day", "days");
    let _ = writeln!(
        out,
        "{}{streak} in a row at {goal} % or more (stats.goal)",
        label("Streak")
    );

    let total = &report.total;
    if !total.sitting.is_zero() {
        let mut sitting = format!(
            "{} in {}",
            human::duration(total.sitting),
            plural(total.days_sat, "day", "days")
        );
        if total.days_sat > 1 {
            let average = total.sitting / total.days_sat;
            let _ = write!(sitting, ", {} a day on average", human::duration(average));
        }
        let _ = writeln!(out, "{}{sitting}", label("Sitting"));
    }
    if let Some(on) = total.longest_on {
        let when = if on.year() == report.period.today.year() {
            on.format("%a %-d %b")
        } else {
            on.format("%a %-d %b %Y")
        };
        let _ = writeln!(
            out,
            "{}{} without a break ({when})",
            label("Longest"),
            human::duration(total.longest),
        );
    }
    let areas: Vec<String> = report
        .areas
        .done
        .iter()
        .map(|(area, n)| format!("{} {n}", area.as_str()))
        .collect();
    let neglected: Vec<&str> = report
        .areas
        .neglected()
        .iter()
        .map(|a| a.as_str())
        .collect();
    let _ = write!(out, "{}{}", label("Body areas"), areas.join(" · "));
    if neglected.len() == report.areas.done.len() {
        let _ = writeln!(
            out,
            "\n{:LABEL$}{}",
            "",
            paint.yellow("no exercise done in the last 7 days")
        );
    } else if neglected.is_empty() {
        let _ = writeln!(out, "\n{:LABEL$}all four covered in the last 7 days", "");
    } else {
        let _ = writeln!(
            out,
            "\n{:LABEL$}{}",
            "",
            paint.yellow(&format!(
                "neglected in the last 7 days: {}",
                neglected.join(", ")
            ))
        );
    }

    if !report.most_done.is_empty() {
        let items: Vec<String> = report
            .most_done
            .iter()
            .map(|d| format!("{} ({}×)", d.name, d.times))
            .collect();
        let joined = items.join(", ");
        if LABEL + joined.chars().count() <= 80 {
            let _ = writeln!(out, "{}{joined}", label("Most done"));
        } else {
            let _ = writeln!(
                out,
                "{}{}",
                label("Most done"),
                items.join(&format!(",\n{:LABEL$}", ""))
            );
        }
    }

    if total.counts.micro > 0 {
        let _ = writeln!(
            out,
            "{}{} (not counted in the share taken)",
            label("Micro-breaks"),
            total.counts.micro
        );
    }
    if report.damaged_lines > 0 {
        let _ = writeln!(out, "{}", paint.dim(&damaged(report.damaged_lines)));
    }
}

/// The heatmap's mark for a day, and its colour.
fn level(day: &Day, goal: u32) -> (char, &'static str) {
    match day.adherence {
        None => ('·', "2"),
        Some(100) => ('█', "92"),
        Some(p) if p >= goal => ('▓', "32"),
        Some(p) if p * 2 >= goal => ('▒', "33"),
        Some(_) => ('░', "31"),
    }
}

fn heatmap(out: &mut String, report: &Report, paint: Paint) {
    let goal = u32::from(report.settings.goal_percent);
    let period = report.period;
    let _ = writeln!(out, "\n{}", paint.bold("Share of breaks taken, by day"));
    let first_monday = monday_of(period.since);
    let mut mondays: Vec<NaiveDate> = first_monday
        .iter_weeks()
        .take_while(|m| *m <= period.today)
        .collect();
    if mondays.is_empty() {
        mondays.push(first_monday);
    }
    let by_date = |date: NaiveDate| -> Option<&Day> {
        let index = (date - period.since).num_days();
        usize::try_from(index)
            .ok()
            .and_then(|i| report.days.get(i))
            .filter(|d| d.date == date)
    };
    for block in mondays.chunk_by(|a, b| a.year() == b.year()) {
        let Some(first) = block.first() else { continue };
        // Each month's name over the week that holds its first day; the first column
        // names its month too, if there is room before the next name.
        let mut starts: Vec<(usize, NaiveDate)> = block
            .iter()
            .enumerate()
            .filter(|(_, m)| m.day() == 1 || (**m + Days::new(6)).month() != m.month())
            .map(|(i, m)| (i, *m + Days::new(6)))
            // The new year's January belongs to the next block's heading.
            .filter(|(_, sunday)| sunday.year() == first.year())
            .collect();
        if starts.first().is_none_or(|(i, _)| *i > 3) {
            starts.insert(0, (0, (*first).max(period.since)));
        }
        let mut months = String::new();
        for (i, date) in starts {
            let width = months.chars().count();
            if width == 0 || width < i {
                months.push_str(&" ".repeat(i - width));
                months.push_str(&date.format("%b").to_string());
            }
        }
        let _ = writeln!(out, "{:>4} {}", first.year(), months);
        for weekday in 0..7u64 {
            let mut line = String::new();
            for monday in block {
                let date = *monday + Days::new(weekday);
                match by_date(date) {
                    Some(day) => {
                        let (mark, code) = level(day, goal);
                        line.push_str(&paint.wrap(code, &mark.to_string()));
                    }
                    None => line.push(' '),
                }
            }
            let name = (first_monday + Days::new(weekday)).format("%a").to_string();
            let _ = writeln!(out, "{name:>4} {}", line.trim_end());
        }
    }
    let _ = writeln!(
        out,
        "     {} nothing due  {} under {} %  {} under {goal} %  {} {goal} % or more  {} all taken",
        paint.dim("·"),
        paint.red("░"),
        goal.div_ceil(2),
        paint.yellow("▒"),
        paint.green("▓"),
        paint.wrap("92", "█"),
    );
}
