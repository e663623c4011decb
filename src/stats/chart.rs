//! The report as a chart for the terminal: a row per day (a week past 31 days), then the
//! figures that answer "am I taking my breaks?", and past 31 days a calendar heatmap.
//!
//! Every mark has its own glyph, so the chart reads the same without colour; colour only
//! adds to it. Column widths follow the figures, so the chart stays within 80 columns.

use crate::t;
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
        t!(
            "stats-title-day",
            date = human::weekday_day_month(period.today, true)
        )
    } else {
        let from =
            human::weekday_day_month(period.since, period.since.year() != period.today.year());
        t!(
            "stats-title-days",
            days = days,
            from = from,
            to = human::weekday_day_month(period.today, true)
        )
    };
    let _ = writeln!(out, "{}", paint.bold(&title));
    if report.days.iter().all(Day::is_empty) {
        let _ = writeln!(out, "\n{}", t!("stats-nothing-recorded"));
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
    t!("stats-damaged", count = n)
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
                    0 => t!("stats-today"),
                    1 => t!("stats-yesterday"),
                    _ => human::weekday(day.date),
                }
            } else {
                human::weekday_day_month(day.date, false)
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
                human::day_month(first.date)
            } else {
                t!(
                    "stats-week-same-month",
                    from = first.date.day(),
                    to = human::day_month(last.date)
                )
            }
        } else {
            t!(
                "stats-week",
                from = human::day_month(first.date),
                to = human::day_month(last.date)
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
    let no_breaks = t!("stats-no-breaks");
    let headings = [
        t!("stats-column-breaks"),
        t!("stats-column-taken"),
        t!("stats-column-share"),
        t!("stats-column-sitting"),
        t!("stats-column-longest"),
    ];
    let width = |text: &str| text.chars().count();
    let events = |c: &Counts| c.due().saturating_add(c.snoozed);
    let most = rows.iter().map(|r| events(&r.counts)).max().unwrap_or(0);
    // Each mark stands for `per` events (rounded up), so that the longest bar fits.
    let per = most.div_ceil(BAR).max(1);
    let cells = |n: u32| n.div_ceil(per);
    let bar_width =
        rows.iter()
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
            .max(u32::try_from(no_breaks.chars().count()).unwrap_or(u32::MAX)) as usize;
    let label_w = rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(0);
    let taken = |r: &Row| {
        if r.counts.due() == 0 {
            String::new()
        } else {
            t!(
                "stats-taken-of",
                taken = r.counts.taken(),
                due = r.counts.due()
            )
        }
    };
    let rate = |r: &Row| {
        r.adherence
            .map_or_else(String::new, |p| t!("stats-percent", percent = p))
    };
    let time = |d: Duration, empty: bool| {
        if empty || d.is_zero() {
            "—".to_owned()
        } else {
            human::duration(d)
        }
    };
    let taken_w = rows
        .iter()
        .map(|r| width(&taken(r)))
        .max()
        .unwrap_or(0)
        .max(width(&headings[1]));
    let rate_w = width(&t!("stats-percent", percent = 100)).max(width(&headings[2]));
    let sit_w = rows
        .iter()
        .map(|r| time(r.sitting, r.empty).chars().count())
        .max()
        .unwrap_or(0)
        .max(width(&headings[3]));
    let long_w = rows
        .iter()
        .map(|r| time(r.longest, r.empty).chars().count())
        .max()
        .unwrap_or(0)
        .max(width(&headings[4]));
    let header = format!(
        "{:label_w$}  {:bar_width$}  {:>taken_w$}  {:>rate_w$}  {:>sit_w$}  {:>long_w$}",
        "", headings[0], headings[1], headings[2], headings[3], headings[4]
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
            bar = paint.dim(&no_breaks);
            bar_pad = bar_width.saturating_sub(no_breaks.chars().count());
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
    let mut legend = t!(
        "stats-legend",
        done = paint.wrap("32", &DONE.to_string()),
        guided = paint.wrap("36", &GUIDED.to_string()),
        natural = paint.wrap("34", &NATURAL.to_string()),
        skipped = paint.wrap("31", &SKIPPED.to_string()),
        snoozed = paint.wrap("33", &SNOOZED.to_string())
    );
    if per > 1 {
        let _ = write!(legend, "  {}", t!("stats-legend-per-mark", count = per));
    }
    let _ = writeln!(out, "{:label_w$}  {legend}", "");
}

/// A body area's name, as the stats write it.
fn area_word(area: crate::exercises::Area) -> String {
    use crate::exercises::Area;
    match area {
        Area::Neck => t!("area-neck"),
        Area::Shoulders => t!("area-shoulders"),
        Area::UpperBack => t!("area-upper-back"),
        Area::Chest => t!("area-chest"),
    }
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
            let text = t!("stats-percent", percent = p);
            t!(
                "stats-share",
                share = paint_rate(paint, Some(p), &text, goal),
                taken = span.counts.taken(),
                due = span.counts.due()
            )
        }
        None => t!("stats-share-none"),
    }
}

fn figures(out: &mut String, report: &Report, paint: Paint) {
    let goal = u32::from(report.settings.goal_percent);
    let labels = [
        t!("stats-label-taken"),
        t!("stats-label-streak"),
        t!("stats-label-sitting"),
        t!("stats-label-longest"),
        t!("stats-label-areas"),
        t!("stats-label-most-done"),
        t!("stats-label-micro"),
    ];
    // As wide as the longest label of the language, and at least LABEL.
    let label_w = labels
        .iter()
        .map(|l| l.chars().count() + 2)
        .max()
        .unwrap_or(0)
        .max(LABEL);
    let label = |text: &str| paint.bold(&format!("{text:label_w$}"));
    out.push('\n');

    let mut adherence = t!(
        "stats-adherence",
        today = share(&report.today, paint, goal),
        week = share(&report.week, paint, goal)
    );
    let days = report.period.days();
    if days > 7 {
        let _ = write!(
            adherence,
            "\n{:label_w$}{}",
            "",
            t!(
                "stats-adherence-days",
                days = days,
                share = share(&report.total, paint, goal)
            )
        );
    }
    let _ = writeln!(out, "{}{adherence}", label(&labels[0]));

    let _ = writeln!(
        out,
        "{}{}",
        label(&labels[1]),
        t!("stats-streak", days = report.streak, goal = goal)
    );

    let total = &report.total;
    if !total.sitting.is_zero() {
        let sitting = if total.days_sat > 1 {
            t!(
                "stats-sitting-average",
                duration = human::duration(total.sitting),
                days = total.days_sat,
                average = human::duration(total.sitting / total.days_sat)
            )
        } else {
            t!(
                "stats-sitting",
                duration = human::duration(total.sitting),
                days = total.days_sat
            )
        };
        let _ = writeln!(out, "{}{sitting}", label(&labels[2]));
    }
    if let Some(on) = total.longest_on {
        let when = human::weekday_day_month(on, on.year() != report.period.today.year());
        let _ = writeln!(
            out,
            "{}{}",
            label(&labels[3]),
            t!(
                "stats-longest",
                duration = human::duration(total.longest),
                date = when
            )
        );
    }
    let areas: Vec<String> = report
        .areas
        .done
        .iter()
        .map(|(area, n)| t!("stats-area-count", area = area_word(*area), count = *n))
        .collect();
    let neglected: Vec<String> = report
        .areas
        .neglected()
        .iter()
        .map(|a| area_word(*a))
        .collect();
    let _ = write!(out, "{}{}", label(&labels[4]), areas.join(" · "));
    if neglected.len() == report.areas.done.len() {
        let _ = writeln!(
            out,
            "\n{:label_w$}{}",
            "",
            paint.yellow(&t!("stats-areas-none"))
        );
    } else if neglected.is_empty() {
        let _ = writeln!(out, "\n{:label_w$}{}", "", t!("stats-areas-all"));
    } else {
        let _ = writeln!(
            out,
            "\n{:label_w$}{}",
            "",
            paint.yellow(&t!("stats-areas-neglected", areas = neglected.join(", ")))
        );
    }

    if !report.most_done.is_empty() {
        let items: Vec<String> = report
            .most_done
            .iter()
            .map(|d| {
                t!(
                    "stats-most-done-item",
                    exercise = d.name.as_str(),
                    times = d.times
                )
            })
            .collect();
        let joined = items.join(", ");
        if label_w + joined.chars().count() <= 80 {
            let _ = writeln!(out, "{}{joined}", label(&labels[5]));
        } else {
            let _ = writeln!(
                out,
                "{}{}",
                label(&labels[5]),
                items.join(&format!(",\n{:label_w$}", ""))
            );
        }
    }

    if total.counts.micro > 0 {
        let _ = writeln!(
            out,
            "{}{}",
            label(&labels[6]),
            t!("stats-micro", count = total.counts.micro)
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
    let _ = writeln!(out, "\n{}", paint.bold(&t!("stats-heatmap-title")));
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
    // One block per ISO week-year: a week belongs to the year that holds its Thursday, so
    // the week of Monday 30 Dec 2019 opens 2020 rather than making a 2019 block of January
    // days.
    for block in mondays.chunk_by(|a, b| a.iso_week().year() == b.iso_week().year()) {
        let Some(first) = block.first() else { continue };
        let year = first.iso_week().year();
        // Each month's name over the week that holds its first day; the first column
        // names its month too, if there is room before the next name.
        let mut starts: Vec<(usize, NaiveDate)> = block
            .iter()
            .enumerate()
            .filter(|(_, m)| m.day() == 1 || (**m + Days::new(6)).month() != m.month())
            .map(|(i, m)| (i, *m + Days::new(6)))
            // The new year's January belongs to the next block's heading.
            .filter(|(_, sunday)| sunday.year() == year)
            .collect();
        if starts.first().is_none_or(|(i, _)| *i > 3) {
            starts.insert(0, (0, (*first).max(period.since)));
        }
        let mut months = String::new();
        for (i, date) in starts {
            let width = months.chars().count();
            if width == 0 || width < i {
                months.push_str(&" ".repeat(i - width));
                months.push_str(&human::month_column(date));
            }
        }
        let _ = writeln!(out, "{year:>4} {months}");
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
            let name = human::weekday_short(first_monday + Days::new(weekday));
            let _ = writeln!(out, "{name:>4} {}", line.trim_end());
        }
    }
    let _ = writeln!(
        out,
        "     {}",
        t!(
            "stats-heatmap-legend",
            none = paint.dim("·"),
            low = paint.red("░"),
            half = goal.div_ceil(2),
            mid = paint.yellow("▒"),
            goal = goal,
            good = paint.green("▓"),
            all = paint.wrap("92", "█")
        )
    );
}
