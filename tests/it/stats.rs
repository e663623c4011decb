//! Statistics end to end: the real binary's `stats --json`, `history --csv` and the
//! running daemon's `GetStats` agree on the same history.

use std::collections::HashMap;

use chrono::{Duration, Local, NaiveDate};

use crate::common::session::{Session, call, error_name};
use crate::common::with_timeout;

/// Breaks every hour: the daemon writes nothing while the test runs.
const QUIET: &str = "[breaks]\ninterval = \"1h\"\n\n[stats]\ngoal = 75\n";

/// A history over the last twelve days, written in the daemon's format, with one
/// damaged line and one line from before the period asked for.
fn write_history(session: &Session) -> Vec<String> {
    let now = Local::now();
    let outcomes = [
        ("done", Some("chin-tucks")),
        ("snoozed", Some("wall-angels")),
        ("dismissed", Some("wall-angels")),
        ("done", Some("wall-angels")),
        ("natural", None),
        ("skipped", Some("doorway-pec-stretch")),
        ("done", Some("scapula-squeeze")),
    ];
    let mut lines = Vec::new();
    for days_ago in [40i64, 11, 9, 6, 3, 2, 1, 0] {
        for (i, (outcome, exercise)) in outcomes.iter().enumerate() {
            if (days_ago as usize + i).is_multiple_of(3) {
                continue;
            }
            let at = (now - Duration::days(days_ago) - Duration::minutes(i as i64))
                .with_timezone(now.offset())
                .format("%Y-%m-%dT%H:%M:%S%:z");
            lines.push(
                serde_json::json!({
                    "at": at.to_string(),
                    "outcome": outcome,
                    "exercise": exercise,
                    "sat_for_secs": 2400 + 60 * i,
                })
                .to_string(),
            );
        }
    }
    let mut text = lines.join("\n");
    text.push_str("\n{\"at\":\"2026-11-2\n");
    let path = session.env.history_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    // A day of the daily record without any break line.
    let quiet_day = (now - Duration::days(5)).date_naive();
    std::fs::write(
        path.with_file_name("days.jsonl"),
        format!("{{\"date\":\"{quiet_day}\",\"sitting_secs\":7200,\"longest_secs\":3600}}\n"),
    )
    .unwrap();
    lines
}

#[tokio::test]
async fn stats_json_history_csv_and_get_stats_agree() {
    with_timeout(async {
        let s = Session::start(QUIET).await;
        let lines = write_history(&s);

        let reply = call(s.client(), "GetStats", &(30u32,)).await.unwrap();
        let over_bus: String = reply.body().deserialize().unwrap();
        let printed = s.cli_ok(&["stats", "--json", "--days", "30"]).await;
        assert_eq!(
            over_bus, printed,
            "GetStats is exactly `stats --json --days 30`"
        );

        let json: serde_json::Value = serde_json::from_str(&printed).unwrap();
        assert_eq!(json["days"], 30);
        assert_eq!(json["goal_percent"], 75, "the config's goal");
        assert_eq!(json["damaged_lines"], 1);
        let since: NaiveDate = json["since"].as_str().unwrap().parse().unwrap();

        // The CSV, counted by hand: every good line, the old one included.
        let csv = s.cli_ok(&["history", "--csv"]).await;
        let mut rows = csv.lines();
        assert_eq!(
            rows.next(),
            Some("at,date,outcome,exercise,exercise_name,area,sat_for_secs,guided_secs")
        );
        let rows: Vec<Vec<&str>> = rows.map(|r| r.split(',').collect()).collect();
        assert_eq!(rows.len(), lines.len(), "every good line, no damaged one");
        let mut counted: HashMap<&str, u64> = HashMap::new();
        let mut sat_ended = 0;
        for row in &rows {
            let date: NaiveDate = row[1].parse().unwrap();
            if date < since {
                continue;
            }
            let outcome = if row[2] == "dismissed" {
                "snoozed"
            } else {
                row[2]
            };
            *counted.entry(outcome).or_default() += 1;
            if matches!(row[2], "done" | "natural" | "skipped") {
                sat_ended += row[6].parse::<u64>().unwrap();
            }
        }
        let period = &json["period"];
        for outcome in ["done", "natural", "skipped", "snoozed"] {
            assert_eq!(
                period[outcome].as_u64(),
                Some(counted.get(outcome).copied().unwrap_or(0)),
                "{outcome}: {period}"
            );
        }
        let daily = json["daily"].as_array().unwrap();
        assert_eq!(daily.len(), 30);
        let summed: u64 = daily.iter().map(|d| d["taken"].as_u64().unwrap()).sum();
        assert_eq!(Some(summed), period["taken"].as_u64());
        // Sitting: the stretches the lines ended, plus the recorded day without breaks
        // (and whatever the running daemon has counted today).
        let sitting = period["sitting_secs"].as_u64().unwrap();
        assert!(
            sitting >= sat_ended + 7200,
            "{sitting} < {sat_ended} + 7200"
        );
        let quiet = daily
            .iter()
            .find(|d| d["sitting_recorded"] == true && d["taken"] == 0 && d["skipped"] == 0)
            .expect("the recorded day without breaks");
        assert_eq!(quiet["sitting_secs"], 7200);
        assert_eq!(
            quiet["adherence_percent"], 0,
            "sat an hour with a break due"
        );

        // The JSON array holds the same lines as the CSV.
        let array: serde_json::Value =
            serde_json::from_str(&s.cli_ok(&["history", "--json"]).await).unwrap();
        assert_eq!(array.as_array().unwrap().len(), rows.len());

        // Out of range: a named error, the daemon unharmed.
        let err = call(s.client(), "GetStats", &(0u32,)).await.unwrap_err();
        assert_eq!(
            error_name(&err),
            "org.deskbreak.Deskbreak1.Error.InvalidArgument"
        );
        let err = call(s.client(), "GetStats", &(3651u32,)).await.unwrap_err();
        assert_eq!(
            error_name(&err),
            "org.deskbreak.Deskbreak1.Error.InvalidArgument"
        );
        let reply = call(s.client(), "GetStats", &(3650u32,)).await.unwrap();
        let long: String = reply.body().deserialize().unwrap();
        assert_eq!(long, s.cli_ok(&["stats", "--json", "--days", "3650"]).await);
        assert!(s.stop().await.success());
    })
    .await;
}

/// All waking time counts as sitting (no idle backend), so the test knows what to expect.
const SITTING: &str = "[breaks]\ninterval = \"1h\"\n\n[activity]\nbackend = \"none\"\n\n\
                       [stats]\nweekly_summary = true\n";

#[tokio::test]
async fn the_daemon_keeps_the_daily_record_and_gives_the_weekly_summary() {
    with_timeout(async {
        let mut s = Session::start(SITTING).await;
        // The first run: nothing happened last week, so nothing is said.
        s.stop_daemon().await;
        assert!(s.server.notifications().is_empty(), "{}", s.server.describe());

        // Last week had breaks; the state says the weekly summary was never given and
        // that yesterday is still open (the daemon stopped before midnight).
        let today = Local::now().date_naive();
        let yesterday = today - Duration::days(1);
        let last_week = today - Duration::days(7);
        let history = s.env.history_path();
        let at = |date: NaiveDate, h: u32| {
            date.and_hms_opt(h, 0, 0)
                .unwrap()
                .and_local_timezone(Local)
                .earliest()
                .unwrap()
                .format("%Y-%m-%dT%H:%M:%S%:z")
                .to_string()
        };
        let lines = [
            (at(last_week, 10), "done", 2700),
            (at(last_week, 11), "done", 2800),
            (at(last_week, 12), "skipped", 3000),
        ]
        .iter()
        .map(|(at, outcome, secs)| {
            format!(
                "{{\"at\":\"{at}\",\"outcome\":\"{outcome}\",\"exercise\":\"chin-tucks\",\"sat_for_secs\":{secs}}}\n"
            )
        })
        .collect::<String>();
        std::fs::write(&history, lines).unwrap();
        let state_path = s.env.state_path();
        let mut state: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&state_path).unwrap()).unwrap();
        assert!(
            state["daily"]["today"]["date"] == today.to_string(),
            "the first run saved today's record: {state}"
        );
        state["daily"] = serde_json::json!({
            "today": {"date": yesterday.to_string(), "sitting_secs": 5400, "longest_secs": 3000},
            "summary_week": null,
        });
        std::fs::write(&state_path, state.to_string()).unwrap();

        s.start_daemon().await;
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        // Any wake-up of the loop counts the sitting; a pause and a resume are two.
        s.cli_ok(&["pause"]).await;
        s.cli_ok(&["resume"]).await;
        let told = s.server.wait_for_notify(1, crate::common::TIMEOUT).await;
        assert!(told.summary.starts_with("Last week ("), "{}", told.summary);
        assert!(
            told.body.contains("You took 67 % of your breaks (2 of 3; your goal is 80 %)."),
            "{}",
            told.body
        );
        assert!(told.body.contains("Longest stretch without a break: 50 min"), "{}", told.body);

        // Yesterday was closed into days.jsonl; today is counted.
        let days = std::fs::read_to_string(history.with_file_name("days.jsonl")).unwrap();
        assert_eq!(
            days,
            format!(
                "{{\"date\":\"{yesterday}\",\"sitting_secs\":5400,\"longest_secs\":3000}}\n"
            )
        );
        let report: serde_json::Value =
            serde_json::from_str(&s.cli_ok(&["stats", "--json", "--days", "2"]).await).unwrap();
        assert_eq!(report["daily"][0]["sitting_secs"], 5400);
        assert_eq!(report["daily"][0]["sitting_recorded"], true);
        assert_eq!(report["daily"][1]["sitting_recorded"], true);
        assert!(report["daily"][1]["sitting_secs"].as_u64().unwrap() >= 1, "{report}");

        // A restart the same day: no second summary, and today carries on.
        s.stop_daemon().await;
        let state: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&state_path).unwrap()).unwrap();
        let counted = state["daily"]["today"]["sitting_secs"].as_u64().unwrap();
        assert!(counted >= 1, "{state}");
        s.start_daemon().await;
        s.cli_ok(&["pause"]).await;
        s.cli_ok(&["resume"]).await;
        assert_eq!(s.server.notifications().len(), 1, "{}", s.server.describe());
        assert!(s.stop_daemon().await.success());
        let state: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&state_path).unwrap()).unwrap();
        assert!(state["daily"]["today"]["sitting_secs"].as_u64().unwrap() >= counted);
    })
    .await;
}
