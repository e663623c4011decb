//! Fixed histories in, every figure and the chart's text (without colour) pinned.

use std::time::Duration;

use chrono::NaiveDate;

use super::record::DayRecord;
use super::*;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn mins(m: u64) -> Duration {
    Duration::from_secs(m * 60)
}

/// A history line as the daemon writes it.
fn line(at: &str, outcome: &str, exercise: Option<&str>, sat_mins: u64) -> Line {
    let json = serde_json::json!({
        "at": at,
        "outcome": outcome,
        "exercise": exercise,
        "sat_for_secs": sat_mins * 60,
    });
    Line::Entry(serde_json::from_value(json).unwrap())
}

/// A break done with the guided timer.
fn guided(at: &str, exercise: &str, sat_mins: u64, guide_secs: u64) -> Line {
    let json = serde_json::json!({
        "at": at,
        "outcome": "done",
        "exercise": exercise,
        "sat_for_secs": sat_mins * 60,
        "guided_secs": guide_secs,
    });
    Line::Entry(serde_json::from_value(json).unwrap())
}

fn record(day: &str, sitting_mins: u64, longest_mins: u64) -> DayRecord {
    DayRecord {
        date: date(day),
        sitting_secs: sitting_mins * 60,
        longest_secs: longest_mins * 60,
    }
}

const SETTINGS: Settings = Settings {
    goal_percent: 80,
    interval: Duration::from_secs(45 * 60),
};

fn report(days: u32, today: &str, lines: Vec<Line>, records: Vec<DayRecord>) -> Report {
    let mut builder = Builder::new(
        Period::last(days, date(today)),
        SETTINGS,
        Library::embedded(),
    );
    for l in lines {
        builder.line(l);
    }
    for r in records {
        builder.record(r);
    }
    builder.finish()
}

fn day<'a>(report: &'a Report, on: &str) -> &'a Day {
    report.days.iter().find(|d| d.date == date(on)).unwrap()
}

/// A working week ending Wednesday 25 November 2026 (the dates are local, +01:00).
fn week() -> (Vec<Line>, Vec<DayRecord>) {
    let lines = vec![
        // Thursday 19: two done (one with the guide), one natural; 80 % or more.
        line("2026-11-19T09:50:00+01:00", "done", Some("chin-tucks"), 50),
        line("2026-11-19T11:00:00+01:00", "natural", None, 45),
        guided("2026-11-19T14:00:00+01:00", "wall-angels", 48, 90),
        // Friday 20: snoozed three times, then done: one break, taken. One skipped.
        line(
            "2026-11-20T10:00:00+01:00",
            "snoozed",
            Some("seated-twist"),
            45,
        ),
        line(
            "2026-11-20T10:10:00+01:00",
            "snoozed",
            Some("seated-twist"),
            55,
        ),
        line(
            "2026-11-20T10:20:00+01:00",
            "dismissed",
            Some("seated-twist"),
            65,
        ),
        line(
            "2026-11-20T10:30:00+01:00",
            "done",
            Some("seated-twist"),
            75,
        ),
        line("2026-11-20T12:00:00+01:00", "done", Some("chin-tucks"), 46),
        line(
            "2026-11-20T16:00:00+01:00",
            "skipped",
            Some("doorway-pec-stretch"),
            45,
        ),
        // Monday 23: one done of two: below the goal, the streak before it ends here.
        line(
            "2026-11-23T10:00:00+01:00",
            "done",
            Some("scapula-squeeze"),
            45,
        ),
        line(
            "2026-11-23T11:00:00+01:00",
            "skipped",
            Some("chin-tucks"),
            46,
        ),
        // Tuesday 24: all taken.
        line(
            "2026-11-24T10:00:00+01:00",
            "done",
            Some("scapula-squeeze"),
            45,
        ),
        line("2026-11-24T11:30:00+01:00", "natural", None, 47),
        // Today, Wednesday 25: one done so far.
        line("2026-11-25T09:45:00+01:00", "done", Some("chin-tucks"), 45),
    ];
    let records = vec![
        record("2026-11-19", 300, 50),
        record("2026-11-20", 330, 75),
        record("2026-11-23", 200, 46),
        record("2026-11-24", 150, 47),
    ];
    (lines, records)
}

#[test]
fn a_week_pins_every_figure() {
    let (lines, records) = week();
    let r = report(7, "2026-11-25", lines, records);
    assert_eq!(r.period.since, date("2026-11-19"));
    assert_eq!(r.days.len(), 7);

    let thu = day(&r, "2026-11-19");
    assert_eq!(
        (thu.counts.done, thu.counts.guided, thu.counts.natural),
        (2, 1, 1)
    );
    assert_eq!(thu.adherence, Some(100));
    let fri = day(&r, "2026-11-20");
    assert_eq!(
        fri.counts,
        Counts {
            done: 2,
            guided: 0,
            natural: 0,
            skipped: 1,
            snoozed: 3,
            micro: 0
        }
    );
    assert_eq!(
        fri.adherence,
        Some(67),
        "2 of 3: the snoozes are not breaks"
    );
    assert_eq!(
        (fri.sitting, fri.recorded, fri.longest),
        (mins(330), true, mins(75))
    );

    let sat = day(&r, "2026-11-21");
    assert!(sat.is_empty());
    assert_eq!(sat.adherence, None);

    // Today has no record yet: its sitting is what its lines say.
    let today = day(&r, "2026-11-25");
    assert_eq!((today.sitting, today.recorded), (mins(45), false));

    assert_eq!(r.today.counts.taken(), 1);
    assert_eq!(r.today.adherence, Some(100));
    assert_eq!(r.week, r.total, "seven days: the week is the period");
    assert_eq!(r.total.counts.taken(), 9);
    assert_eq!(r.total.counts.due(), 11);
    assert_eq!(r.total.adherence, Some(82));
    assert_eq!(r.total.sitting, mins(300 + 330 + 200 + 150 + 45));
    assert_eq!(r.total.days_sat, 5);
    assert_eq!(r.total.longest, mins(75));
    assert_eq!(r.total.longest_on, Some(date("2026-11-20")));
    // Today (100 %) and Tuesday (100 %); Monday's 50 % ends it.
    assert_eq!(r.streak, 2);
    assert_eq!(
        r.areas.done,
        vec![
            (Area::UpperBack, 3),
            (Area::Neck, 3),
            (Area::Shoulders, 1),
            (Area::Chest, 0)
        ]
    );
    assert_eq!(r.areas.neglected(), vec![Area::Chest]);
    let top: Vec<(&str, u32)> = r
        .most_done
        .iter()
        .map(|d| (d.name.as_str(), d.times))
        .collect();
    assert_eq!(
        top,
        vec![
            ("Chin tucks", 3),
            ("Shoulder-blade squeeze", 2),
            ("Seated spinal twist", 1)
        ]
    );
}

#[test]
fn a_week_as_a_chart() {
    let (lines, records) = week();
    let r = report(7, "2026-11-25", lines, records);
    assert_eq!(
        chart::render(&r, false),
        "\
Last 7 days · Thu 19 Nov – Wed 25 Nov 2026

           breaks      taken  share     sitting     longest
Thursday   █▓▒        3 of 3  100 %         5 h      50 min
Friday     ██░···     2 of 3   67 %  5 h 30 min  1 h 15 min
Saturday                                      —           —
Sunday                                        —           —
Monday     █░         1 of 2   50 %  3 h 20 min      46 min
Yesterday  █▒         2 of 2  100 %  2 h 30 min      47 min
Today      █          1 of 1  100 %      45 min      45 min
           █ done  ▓ guided  ▒ natural  ░ skipped  · snoozed

Breaks taken  today 100 % (1 of 1) · last 7 days 82 % (9 of 11)
Streak        2 days in a row at 80 % or more (stats.goal)
Sitting       17 h 5 min in 5 days, 3 h 25 min a day on average
Longest       1 h 15 min without a break (Fri 20 Nov)
Body areas    upper back 3 · neck 3 · shoulders 1 · chest 0
              neglected in the last 7 days: chest
Most done     Chin tucks (3×),
              Shoulder-blade squeeze (2×),
              Seated spinal twist (1×)
"
    );
}

#[test]
fn colour_only_adds_to_the_text() {
    let (lines, records) = week();
    let r = report(7, "2026-11-25", lines, records);
    let coloured = chart::render(&r, true);
    assert!(coloured.contains("\x1b[32m█\x1b[0m"), "{coloured}");
    let mut plain = String::new();
    let mut chars = coloured.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    assert_eq!(plain, chart::render(&r, false));
}

#[test]
fn an_empty_history() {
    let r = report(7, "2026-11-25", vec![], vec![]);
    assert_eq!(r.total, Span::default());
    assert_eq!(r.today.adherence, None);
    assert_eq!(r.streak, 0);
    assert!(r.most_done.is_empty());
    assert_eq!(r.areas.neglected(), AREAS.to_vec());
    assert_eq!(
        chart::render(&r, false),
        "\
Last 7 days · Thu 19 Nov – Wed 25 Nov 2026

No breaks and no sitting time recorded in these days. The daemon (`deskbreak run`, or
the service) records them as you work.
"
    );
    let one = report(1, "2026-11-25", vec![], vec![]);
    assert!(chart::render(&one, false).starts_with("Last day · Wed 25 Nov 2026\n"));
}

#[test]
fn a_day_with_sitting_and_no_break() {
    let lines = vec![line(
        "2026-11-23T10:00:00+01:00",
        "done",
        Some("chin-tucks"),
        45,
    )];
    let records = vec![
        record("2026-11-23", 60, 45),
        // Three hours, the longest 2 h 10 min, not a single break (paused, say).
        record("2026-11-24", 180, 130),
        // Half an hour: no break was due.
        record("2026-11-22", 30, 30),
    ];
    let r = report(4, "2026-11-25", lines, records);
    let tue = day(&r, "2026-11-24");
    assert_eq!(tue.counts, Counts::default());
    assert_eq!((tue.sitting, tue.longest), (mins(180), mins(130)));
    assert_eq!(tue.adherence, Some(0), "a break was due and none was taken");
    assert_eq!(day(&r, "2026-11-22").adherence, None, "no break was due");
    assert_eq!(r.streak, 0, "Tuesday ended the streak");
    assert_eq!(r.total.longest, mins(130));
    assert_eq!(r.total.days_sat, 3);
    assert_eq!(
        chart::render(&r, false)
            .lines()
            .skip(2)
            .take(5)
            .collect::<Vec<_>>()
            .join("\n"),
        concat!(
            "           breaks      taken  share  sitting     longest\n",
            "Sunday     no breaks                  30 min      30 min\n",
            "Monday     █          1 of 1  100 %      1 h      45 min\n",
            "Yesterday  no breaks            0 %      3 h  2 h 10 min\n",
            "Today                                      —           —"
        )
    );
}

#[test]
fn a_dst_day_keeps_its_lines_on_their_own_date() {
    // Europe's clocks go forward on 29 March 2026 (+01:00 → +02:00) and back on
    // 25 October (+02:00 → +01:00): 23 and 25 hours.
    let lines = vec![
        line("2026-03-28T23:50:00+01:00", "done", Some("chin-tucks"), 20),
        line("2026-03-29T00:30:00+01:00", "natural", None, 30),
        line("2026-03-29T10:00:00+02:00", "done", Some("wall-angels"), 50),
        line("2026-03-29T23:30:00+02:00", "done", Some("chin-tucks"), 40),
        line("2026-10-25T02:30:00+02:00", "done", Some("chin-tucks"), 45),
        line(
            "2026-10-25T02:30:00+01:00",
            "skipped",
            Some("chin-tucks"),
            45,
        ),
    ];
    let r = report(300, "2026-11-25", lines, vec![]);
    let spring = day(&r, "2026-03-29");
    assert_eq!((spring.counts.done, spring.counts.natural), (2, 1));
    assert_eq!(spring.sitting, mins(30 + 50 + 40));
    assert_eq!(spring.longest, mins(50));
    assert_eq!(day(&r, "2026-03-28").counts.done, 1);
    assert_eq!(day(&r, "2026-03-30").counts, Counts::default());
    let autumn = day(&r, "2026-10-25");
    assert_eq!((autumn.counts.done, autumn.counts.skipped), (1, 1));
    assert_eq!(autumn.adherence, Some(50));
    assert_eq!(autumn.sitting, mins(90));
    assert_eq!(day(&r, "2026-10-24").counts, Counts::default());
}

#[test]
fn a_stretch_through_midnight_is_split_between_the_days() {
    let lines = vec![
        line("2026-11-24T22:00:00+01:00", "done", Some("chin-tucks"), 45),
        // Sat from 23:00 to 00:30 without a break.
        line(
            "2026-11-25T00:30:00+01:00",
            "skipped",
            Some("wall-angels"),
            90,
        ),
    ];
    let r = report(2, "2026-11-25", lines, vec![]);
    let (tue, wed) = (day(&r, "2026-11-24"), day(&r, "2026-11-25"));
    assert_eq!((tue.sitting, tue.longest), (mins(45 + 60), mins(60)));
    assert_eq!((wed.sitting, wed.longest), (mins(30), mins(30)));
    assert_eq!(
        wed.counts.skipped, 1,
        "the break belongs to the day it came"
    );
    // The whole stretch counts as the longest one, on the day it ended.
    assert_eq!(r.total.longest, mins(90));
    assert_eq!(r.total.longest_on, Some(date("2026-11-25")));
    assert_eq!(r.total.sitting, mins(135));
}

#[test]
fn damaged_lines_are_counted_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    std::fs::write(
        &path,
        concat!(
            r#"{"at":"2026-11-25T09:00:00+01:00","outcome":"done","exercise":"chin-tucks","sat_for_secs":2700}"#,
            "\n{\"at\":\"2026-11-25T10:\n",
            "\n",
            r#"{"at":"2026-11-25T11:00:00+01:00","outcome":"exploded","exercise":null,"sat_for_secs":1}"#,
            "\n",
            r#"{"at":"2026-11-25T12:00:00+01:00","outcome":"natural","exercise":null,"sat_for_secs":3000}"#,
        ),
    )
    .unwrap();
    let mut builder = Builder::new(
        Period::last(1, date("2026-11-25")),
        SETTINGS,
        Library::embedded(),
    );
    for l in history::stream(&path).unwrap() {
        builder.line(l.unwrap());
    }
    let r = builder.finish();
    assert_eq!(r.damaged_lines, 2);
    assert_eq!(r.today.counts.taken(), 2);
    assert_eq!(r.today.sitting, mins(45 + 50));
    assert!(
        chart::render(&r, false)
            .ends_with("(2 lines in the history could not be read and are left out.)\n")
    );
}

#[test]
fn an_overlong_line_is_damaged_without_being_held_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let mut bytes = vec![b'x'; 10 * history::MAX_LINE];
    bytes.extend_from_slice(
        b"\n{\"at\":\"2026-11-25T09:00:00+01:00\",\"outcome\":\"done\",\"exercise\":null,\"sat_for_secs\":60}\n",
    );
    std::fs::write(&path, bytes).unwrap();
    let lines: Vec<Line> = history::stream(&path)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0], Line::Damaged { number: 1 });
    assert!(matches!(lines[1], Line::Entry(_)));
}

#[test]
fn streak_skips_days_without_sitting_and_waits_for_today() {
    let mut lines = Vec::new();
    // 16 to 20 November, Monday to Friday: every break taken. The weekend: nothing.
    for d in 16..=20 {
        lines.push(line(
            &format!("2026-11-{d}T10:00:00+01:00"),
            "done",
            Some("chin-tucks"),
            45,
        ));
    }
    // Monday 23 and Tuesday 24: 4 of 5 (exactly 80 %).
    for d in 23..=24 {
        for (i, outcome) in ["done", "done", "natural", "done", "skipped"]
            .iter()
            .enumerate()
        {
            lines.push(line(
                &format!("2026-11-{d}T1{i}:00:00+01:00"),
                outcome,
                Some("wall-angels"),
                45,
            ));
        }
    }
    // Today so far: one skipped. Not over yet, so the streak stands.
    lines.push(line("2026-11-25T09:00:00+01:00", "skipped", None, 45));
    let r = report(7, "2026-11-25", lines.clone(), vec![]);
    assert_eq!(r.today.adherence, Some(0));
    assert_eq!(r.streak, 7);
    // A goal of 90 %: Tuesday falls short.
    let mut strict = Builder::new(
        Period::last(7, date("2026-11-25")),
        Settings {
            goal_percent: 90,
            ..SETTINGS
        },
        Library::embedded(),
    );
    for l in lines {
        strict.line(l);
    }
    assert_eq!(strict.finish().streak, 0);
}

#[test]
fn micro_breaks_and_lines_from_the_future_stay_out_of_the_share() {
    let lines = vec![
        line("2026-11-25T09:00:00+01:00", "done", Some("chin-tucks"), 45),
        line("2026-11-25T09:20:00+01:00", "micro", Some("look-far"), 20),
        line(
            "2026-11-26T09:00:00+01:00",
            "skipped",
            Some("chin-tucks"),
            45,
        ),
    ];
    let r = report(7, "2026-11-25", lines, vec![record("2026-11-27", 60, 60)]);
    assert_eq!(r.total.counts.due(), 1);
    assert_eq!(r.total.counts.micro, 1);
    assert_eq!(r.total.sitting, mins(45));
}

#[test]
fn past_a_month_the_rows_are_weeks_and_a_heatmap_follows() {
    let mut lines = Vec::new();
    let mut records = Vec::new();
    // 2 November to 25 November, weekdays: a done, and a skip every third day.
    for d in date("2026-11-02")
        .iter_days()
        .take_while(|d| *d <= date("2026-11-25"))
    {
        use chrono::Datelike;
        if d.weekday().number_from_monday() > 5 {
            continue;
        }
        let at = |h: u32| format!("{d}T{h:02}:00:00+01:00");
        lines.push(line(&at(10), "done", Some("chin-tucks"), 45));
        lines.push(line(&at(11), "natural", None, 50));
        if d.day() % 3 == 0 {
            lines.push(line(&at(12), "skipped", Some("wall-angels"), 46));
        }
        records.push(record(&d.to_string(), 240, 60));
    }
    let r = report(40, "2026-11-25", lines, records);
    assert!(r.period.by_weeks());
    assert_eq!(
        chart::render(&r, false),
        "\
Last 40 days · Sat 17 Oct – Wed 25 Nov 2026

                breaks           taken  share  sitting  longest
17–18 Oct                                            —        —
19–25 Oct                                            —        —
26 Oct – 1 Nov                                       —        —
2–8 Nov         █████▒▒▒▒▒░░  10 of 12   83 %     20 h      1 h
9–15 Nov        █████▒▒▒▒▒░░  10 of 12   83 %     20 h      1 h
16–22 Nov       █████▒▒▒▒▒░   10 of 11   91 %     20 h      1 h
23–25 Nov       ███▒▒▒░         6 of 7   86 %     12 h      1 h
                █ done  ▓ guided  ▒ natural  ░ skipped  · snoozed

Breaks taken  today 100 % (2 of 2) · last 7 days 91 % (10 of 11)
              last 40 days 86 % (36 of 42)
Streak        1 day in a row at 80 % or more (stats.goal)
Sitting       72 h in 18 days, 4 h a day on average
Longest       1 h without a break (Mon 2 Nov)
Body areas    upper back 0 · neck 5 · shoulders 0 · chest 0
              neglected in the last 7 days: upper back, shoulders, chest
Most done     Chin tucks (18×)

Share of breaks taken, by day
2026   Nov
 Mon  ··█▒██
 Tue  ··▒██▒
 Wed  ··██▒█
 Thu  ··█▒█
 Fri  ··▒██
 Sat ······
 Sun ······
     · nothing due  ░ under 40 %  ▒ under 80 %  ▓ 80 % or more  █ all taken
"
    );
}

#[test]
fn json_has_the_same_figures() {
    let (lines, records) = week();
    let r = report(7, "2026-11-25", lines, records);
    let text = json::render(&r);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["date"], "2026-11-25");
    assert_eq!(v["since"], "2026-11-19");
    assert_eq!(v["days"], 7);
    assert_eq!(v["goal_percent"], 80);
    assert_eq!(v["today"]["taken"], 1);
    assert_eq!(v["today"]["adherence_percent"], 100);
    assert_eq!(v["last_7_days"]["adherence_percent"], 82);
    assert_eq!(v["period"]["taken"], 9);
    assert_eq!(v["period"]["skipped"], 2);
    assert_eq!(v["period"]["snoozed"], 3);
    assert_eq!(v["period"]["done"], 7);
    assert_eq!(v["period"]["guided"], 1);
    assert_eq!(v["daily"][0]["guided"], 1);
    assert_eq!(
        v["period"]["sitting_secs"],
        (300 + 330 + 200 + 150 + 45) * 60
    );
    assert_eq!(v["period"]["longest_stretch_secs"], 75 * 60);
    assert_eq!(v["period"]["longest_stretch_date"], "2026-11-20");
    assert_eq!(v["streak_days"], 2);
    assert_eq!(v["areas_last_7_days"]["upper_back"], 3);
    assert_eq!(v["neglected_areas"], serde_json::json!(["chest"]));
    assert_eq!(v["most_done"][0]["id"], "chin-tucks");
    assert_eq!(v["most_done"][0]["name"], "Chin tucks");
    assert_eq!(v["most_done"][0]["times"], 3);
    assert_eq!(v["daily"].as_array().unwrap().len(), 7);
    assert_eq!(
        v["daily"][1],
        serde_json::json!({
            "date": "2026-11-20", "done": 2, "guided": 0, "natural": 0, "taken": 2,
            "skipped": 1, "snoozed": 3, "micro": 0, "adherence_percent": 67,
            "sitting_secs": 330 * 60, "sitting_recorded": true,
            "longest_stretch_secs": 75 * 60
        })
    );
    assert_eq!(v["daily"][2]["adherence_percent"], serde_json::Value::Null);
    assert_eq!(v["damaged_lines"], 0);
}

#[test]
fn the_weekly_summary_speaks_of_last_week() {
    let (lines, records) = week();
    let mut builder = Builder::new(
        weekly::period(date("2026-11-16")),
        SETTINGS,
        Library::embedded(),
    );
    for l in lines {
        builder.line(l);
    }
    for r in records {
        builder.record(r);
    }
    let (title, body) = weekly::message(&builder.finish()).unwrap();
    assert_eq!(title, "Last week (16–22 Nov)");
    assert_eq!(
        body,
        "You took 83 % of your breaks (5 of 6; your goal is 80 %).\n\
         No streak of days at your goal right now.\n\
         Longest stretch without a break: 1 h 15 min (Friday)."
    );
    let empty = Builder::new(
        weekly::period(date("2026-11-16")),
        SETTINGS,
        Library::embedded(),
    )
    .finish();
    assert_eq!(
        weekly::message(&empty),
        None,
        "nothing to say about an empty week"
    );
}

#[test]
fn periods_are_checked() {
    let today = date("2026-11-25");
    assert_eq!(Period::last(1, today).since, today);
    assert_eq!(Period::last(0, today).days(), 1);
    assert_eq!(Period::last(99_999, today).days(), MAX_DAYS);
    assert_eq!(Period::since(date("2026-11-01"), today).unwrap().days(), 25);
    assert_eq!(
        Period::since(date("2026-11-26"), today),
        Err(PeriodError::Future(date("2026-11-26")))
    );
    assert!(Period::since(date("2010-01-01"), today).is_err());
    assert!(!Period::last(31, today).by_weeks());
    assert!(Period::last(32, today).by_weeks());
}

/// `stats` and the weekly summary as German, French and Spanish read them: dates, column
/// headings, legend, figures (goldens; English is pinned by the tests above).
#[test]
fn stats_and_the_weekly_summary_read_in_each_language() {
    use crate::i18n::{Lang, scoped};
    let chart_head = |lang| {
        scoped(lang, || {
            let (lines, records) = week();
            let r = report(7, "2026-11-25", lines, records);
            let text = chart::render(&r, false);
            let mut keep: Vec<String> = text.lines().take(5).map(str::to_owned).collect();
            keep.extend(
                text.lines()
                    .filter(|l| l.contains('█') && !l.contains('%'))
                    .map(str::to_owned),
            );
            keep.extend(text.lines().skip(12).take(4).map(str::to_owned));
            keep
        })
    };
    let weekly_text = |lang| {
        scoped(lang, || {
            let (lines, records) = week();
            let mut builder = Builder::new(
                weekly::period(date("2026-11-16")),
                SETTINGS,
                Library::embedded(),
            );
            for l in lines {
                builder.line(l);
            }
            for r in records {
                builder.record(r);
            }
            let (title, body) = weekly::message(&builder.finish()).unwrap();
            let mut across = Builder::new(
                weekly::period(date("2026-11-30")),
                SETTINGS,
                Library::embedded(),
            );
            across.line(line(
                "2026-11-30T10:00:00+01:00",
                "done",
                Some("chin-tucks"),
                45,
            ));
            let (across, _) = weekly::message(&across.finish()).unwrap();
            format!("{title}\n{body}\n{across}")
        })
    };
    for (lang, chart, weekly) in [
        (
            Lang::De,
            vec![
                "Letzte 7 Tage · Do., 19. Nov. – Mi., 25. Nov. 2026",
                "",
                "            Pausen        gemacht  Anteil          Sitzen     am längsten",
                "Donnerstag  █▓▒           3 von 3   100\u{a0}%          5\u{a0}Std.         50\u{a0}Min.",
                "Freitag     ██░···        2 von 3    67\u{a0}%  5\u{a0}Std. 30\u{a0}Min.  1\u{a0}Std. 15\u{a0}Min.",
                "            █ erledigt  ▓ angeleitet  ▒ natürlich  ░ übersprungen  · aufgeschoben",
                "Gemachte Pausen  heute 100\u{a0}% (1 von 1) · letzte 7 Tage 82\u{a0}% (9 von 11)",
                "Serie            2 Tage in Folge mit 80\u{a0}% oder mehr (stats.goal)",
                "Sitzen           17\u{a0}Std. 5\u{a0}Min. an 5 Tagen, im Schnitt 3\u{a0}Std. 25\u{a0}Min. pro Tag",
                "Am längsten      1\u{a0}Std. 15\u{a0}Min. ohne Pause (Fr., 20. Nov.)",
            ],
            "Letzte Woche (16.–22. Nov.)\nSie haben 83\u{a0}% Ihrer Pausen gemacht (5 von 6; Ihr Ziel: 80\u{a0}%).\nGerade keine Serie von Tagen mit erreichtem Ziel.\nAm längsten ohne Pause: 1\u{a0}Std. 15\u{a0}Min. (Freitag).\nLetzte Woche (30. Nov. – 6. Dez.)",
        ),
        (
            Lang::Fr,
            vec![
                "7 derniers jours · jeu. 19 nov. – mer. 25 nov. 2026",
                "",
                "             pauses         faites   part       assis   plus long",
                "jeudi        █▓▒           3 sur 3  100\u{a0}%         5\u{a0}h      50\u{a0}min",
                "vendredi     ██░···        2 sur 3   67\u{a0}%  5\u{a0}h 30\u{a0}min  1\u{a0}h 15\u{a0}min",
                "             █ faite  ▓ guidée  ▒ naturelle  ░ passée  · reportée",
                "Pauses faites   aujourd'hui 100\u{a0}% (1 sur 1) · 7 derniers jours 82\u{a0}% (9 sur 11)",
                "Série           2 jours d'affilée à 80\u{a0}% ou plus (stats.goal)",
                "Temps assis     17\u{a0}h 5\u{a0}min en 5 jours, 3\u{a0}h 25\u{a0}min par jour en moyenne",
                "Le plus long    1\u{a0}h 15\u{a0}min sans pause (ven. 20 nov.)",
            ],
            "Semaine dernière (16–22 nov.)\nVous avez fait 83\u{a0}% de vos pauses (5 sur 6\u{a0}; votre objectif\u{a0}: 80\u{a0}%).\nPas de série de jours à votre objectif en ce moment.\nPlus longue période sans pause\u{a0}: 1\u{a0}h 15\u{a0}min (vendredi).\nSemaine dernière (30 nov. – 6 déc.)",
        ),
        (
            Lang::Es,
            vec![
                "Últimos 7 días · jue. 19 nov. – mié. 25 nov. 2026",
                "",
                "         pausas      hechas  parte  en la silla   más largo",
                "jueves   █▓▒         3 de 3  100\u{a0}%          5\u{a0}h      50\u{a0}min",
                "viernes  ██░···      2 de 3   67\u{a0}%   5\u{a0}h 30\u{a0}min  1\u{a0}h 15\u{a0}min",
                "         █ hecha  ▓ guiada  ▒ natural  ░ omitida  · aplazada",
                "Pausas hechas     hoy 100\u{a0}% (1 de 1) · últimos 7 días 82\u{a0}% (9 de 11)",
                "Racha             2 días seguidos con el 80\u{a0}% o más (stats.goal)",
                "En la silla       17\u{a0}h 5\u{a0}min en 5 días, 3\u{a0}h 25\u{a0}min al día de media",
                "Tramo más largo   1\u{a0}h 15\u{a0}min sin pausa (vie. 20 nov.)",
            ],
            "Semana pasada (16–22 nov.)\nHiciste el 83\u{a0}% de tus pausas (5 de 6; tu objetivo es el 80\u{a0}%).\nAhora mismo no llevas ninguna racha de días en tu objetivo.\nTramo más largo sin pausa: 1\u{a0}h 15\u{a0}min (viernes).\nSemana pasada (30 nov. – 6 dic.)",
        ),
    ] {
        assert_eq!(chart_head(lang), chart, "{lang}");
        assert_eq!(weekly_text(lang), weekly, "{lang}");
    }
}

/// The heatmap names a month over the week its first day falls in, four or five columns
/// apart: in every language each of those names fits (none is dropped for lack of room).
#[test]
fn the_heatmap_names_every_month_in_every_language() {
    use crate::i18n::{Lang, scoped};
    let mut lines = Vec::new();
    let mut records = Vec::new();
    for d in date("2025-11-26")
        .iter_days()
        .take_while(|d| *d <= date("2026-11-25"))
    {
        lines.push(line(
            &format!("{d}T10:00:00+01:00"),
            "done",
            Some("chin-tucks"),
            45,
        ));
        records.push(record(&d.to_string(), 240, 60));
    }
    let r = report(365, "2026-11-25", lines, records);
    for lang in Lang::ALL {
        let text = scoped(lang, || chart::render(&r, false));
        let heading = text
            .lines()
            .find(|l| l.starts_with("2026 "))
            .unwrap_or_else(|| panic!("{lang}: no 2026 heading in\n{text}"));
        let names: Vec<&str> = heading.split_whitespace().skip(1).collect();
        let months: Vec<String> = (1..=11)
            .map(|m| {
                scoped(lang, || {
                    crate::human::month_column(chrono::NaiveDate::from_ymd_opt(2026, m, 1).unwrap())
                })
            })
            .collect();
        assert_eq!(names, months, "{lang}: {heading:?}");
    }
}

#[test]
fn a_week_across_new_year_belongs_to_the_year_of_its_thursday() {
    // 1 Jan 2020 is a Wednesday: its week starts on Monday 30 Dec 2019. That week must
    // open the 2020 block, not make a 2019 block labelled "Jan".
    let mut records = Vec::new();
    for d in date("2020-01-01")
        .iter_days()
        .take_while(|d| *d <= date("2020-03-10"))
    {
        records.push(record(&d.to_string(), 240, 60));
    }
    // Period::last(70, 10 Mar 2020) starts on 1 Jan 2020.
    let r = report(70, "2020-03-10", Vec::new(), records);
    assert_eq!(r.period.since, date("2020-01-01"));
    let text = chart::render(&r, false);
    assert!(
        !text.lines().any(|l| l.starts_with("2019 ")),
        "no 2019 block:\n{text}"
    );
    let heading = text
        .lines()
        .find(|l| l.starts_with("2020 "))
        .unwrap_or_else(|| panic!("a 2020 heading in\n{text}"));
    assert!(heading.starts_with("2020 Jan"), "{heading:?}");
}
