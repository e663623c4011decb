//! The report as JSON: `deskbreak stats --json`, and `GetStats` on the bus (the same
//! text). The schema is documented in the README ("Statistics as JSON"); fields are only
//! ever added, and `version` changes if one changes meaning.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Counts, Day, Report, Span};

/// The schema's version.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Json<'a> {
    version: u32,
    /// Today, the last day covered.
    date: NaiveDate,
    /// The first day covered.
    since: NaiveDate,
    days: u32,
    goal_percent: u8,
    today: SpanJson,
    last_7_days: SpanJson,
    period: SpanJson,
    streak_days: u32,
    areas_last_7_days: Areas,
    neglected_areas: Vec<&'static str>,
    most_done: Vec<DoneJson<'a>>,
    daily: Vec<DayJson>,
    damaged_lines: usize,
}

#[derive(Serialize)]
struct CountsJson {
    done: u32,
    guided: u32,
    natural: u32,
    taken: u32,
    skipped: u32,
    snoozed: u32,
    micro: u32,
    adherence_percent: Option<u32>,
}

impl CountsJson {
    fn new(c: &Counts, adherence: Option<u32>) -> Self {
        Self {
            done: c.done,
            guided: c.guided,
            natural: c.natural,
            taken: c.taken(),
            skipped: c.skipped,
            snoozed: c.snoozed,
            micro: c.micro,
            adherence_percent: adherence,
        }
    }
}

#[derive(Serialize)]
struct SpanJson {
    #[serde(flatten)]
    counts: CountsJson,
    sitting_secs: u64,
    days_with_sitting: u32,
    longest_stretch_secs: u64,
    longest_stretch_date: Option<NaiveDate>,
}

impl From<&Span> for SpanJson {
    fn from(s: &Span) -> Self {
        Self {
            counts: CountsJson::new(&s.counts, s.adherence),
            sitting_secs: s.sitting.as_secs(),
            days_with_sitting: s.days_sat,
            longest_stretch_secs: s.longest.as_secs(),
            longest_stretch_date: s.longest_on,
        }
    }
}

#[derive(Serialize)]
struct DayJson {
    date: NaiveDate,
    #[serde(flatten)]
    counts: CountsJson,
    sitting_secs: u64,
    sitting_recorded: bool,
    longest_stretch_secs: u64,
}

impl From<&Day> for DayJson {
    fn from(d: &Day) -> Self {
        Self {
            date: d.date,
            counts: CountsJson::new(&d.counts, d.adherence),
            sitting_secs: d.sitting.as_secs(),
            sitting_recorded: d.recorded,
            longest_stretch_secs: d.longest.as_secs(),
        }
    }
}

#[derive(Serialize)]
struct Areas {
    upper_back: u32,
    neck: u32,
    shoulders: u32,
    chest: u32,
}

#[derive(Serialize)]
struct DoneJson<'a> {
    id: &'a str,
    name: &'a str,
    times: u32,
}

/// The report as pretty-printed JSON, with a final newline.
#[must_use]
pub fn render(report: &Report) -> String {
    use crate::exercises::Area;
    let area = |which: Area| {
        report
            .areas
            .done
            .iter()
            .find(|(a, _)| *a == which)
            .map_or(0, |(_, n)| *n)
    };
    let json = Json {
        version: VERSION,
        date: report.period.today,
        since: report.period.since,
        days: report.period.days(),
        goal_percent: report.settings.goal_percent,
        today: (&report.today).into(),
        last_7_days: (&report.week).into(),
        period: (&report.total).into(),
        streak_days: report.streak,
        areas_last_7_days: Areas {
            upper_back: area(Area::UpperBack),
            neck: area(Area::Neck),
            shoulders: area(Area::Shoulders),
            chest: area(Area::Chest),
        },
        neglected_areas: report
            .areas
            .neglected()
            .iter()
            .map(|a| area_key(*a))
            .collect(),
        most_done: report
            .most_done
            .iter()
            .map(|d| DoneJson {
                id: &d.id,
                name: &d.name,
                times: d.times,
            })
            .collect(),
        daily: report.days.iter().map(DayJson::from).collect(),
        damaged_lines: report.damaged_lines,
    };
    let mut text = serde_json::to_string_pretty(&json).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}

/// The key an area has in the JSON (and in `exercises.json`).
fn area_key(area: crate::exercises::Area) -> &'static str {
    use crate::exercises::Area;
    match area {
        Area::UpperBack => "upper_back",
        Area::Neck => "neck",
        Area::Shoulders => "shoulders",
        Area::Chest => "chest",
    }
}
