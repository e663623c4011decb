//! Working hours and micro-breaks, end to end: the real daemon on a private bus with the
//! test notification server.

use std::time::{Duration, Instant};

use chrono::{Datelike, Local};

use crate::common::session::{self, Session};
use crate::common::{TIMEOUT, with_timeout};

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A schedule of every day but today, with breaks due every 2 s of sitting.
fn not_today() -> String {
    let today = Local::now().weekday().num_days_from_monday() as usize;
    let days: Vec<String> = (0..7)
        .filter(|d| *d != today)
        .map(|d| format!("\"{}\"", DAYS[d]))
        .collect();
    format!(
        "[breaks]\ninterval = \"2s\"\nrenotify = \"0s\"\n[schedule]\ndays = [{}]\nhours = \"00:00-24:00\"\n",
        days.join(", ")
    )
}

#[tokio::test]
async fn off_hours_are_in_the_status_and_no_reminder_comes() {
    with_timeout(async {
        let s = Session::start(&not_today()).await;
        let words = s.cli_ok(&["status"]).await;
        // Working hours begin tomorrow at midnight.
        let tomorrow = (Local::now() + chrono::Duration::days(1))
            .format("%a 00:00")
            .to_string();
        assert!(
            words.starts_with(&format!("off hours until {tomorrow}")),
            "{words}"
        );
        let status = s.status().await;
        assert_eq!(status["phase"], "off_hours", "{status}");
        assert!(status["off_hours_until"].is_string(), "{status}");
        let waybar: serde_json::Value =
            serde_json::from_str(s.cli_ok(&["status", "--format", "waybar"]).await.trim()).unwrap();
        assert_eq!(waybar["class"], "off_hours", "{waybar}");
        let until = i64::try_from(
            session::property(s.client(), "OffHoursUntil")
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(until > Local::now().timestamp(), "OffHoursUntil {until}");
        // Four intervals later: still nothing shown, nothing recorded, nothing counted.
        tokio::time::sleep(Duration::from_secs(8)).await;
        assert!(
            s.server.notifications().is_empty(),
            "{}",
            s.server.describe()
        );
        assert_eq!(s.status().await["sitting_secs"], 0);
        assert!(s.env.history_lines().is_empty());
        assert!(s.stop().await.success());
    })
    .await;
}

#[tokio::test]
async fn within_working_hours_the_reminder_comes_as_before() {
    with_timeout(async {
        let s = Session::start(
            "[breaks]\ninterval = \"2s\"\nrenotify = \"0s\"\n[schedule]\n\
             days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]\n\
             hours = [\"00:00-12:00\", \"12:00-24:00\"]\n",
        )
        .await;
        s.server.wait_for_notify(1, TIMEOUT).await;
        assert_eq!(s.status().await["off_hours_until"], serde_json::Value::Null);
        assert!(s.stop().await.success());
    })
    .await;
}

#[tokio::test]
async fn a_micro_cue_is_transient_and_the_daemon_closes_it_after_its_length() {
    with_timeout(async {
        let s = Session::start(
            "[breaks]\ninterval = \"1h\"\n[micro]\nevery = \"2s\"\nlength = \"3s\"\n",
        )
        .await;
        let cue = s.server.wait_for_notify(1, TIMEOUT).await;
        let shown = Instant::now();
        assert!(cue.summary.starts_with("Micro-break: "), "{cue:?}");
        assert!(cue.body.is_empty(), "one line: {cue:?}");
        assert!(cue.actions.is_empty(), "no buttons: {cue:?}");
        assert!(cue.hint_keys.iter().any(|k| k == "transient"), "{cue:?}");
        assert_eq!(cue.urgency, Some(0), "{cue:?}");
        assert_eq!(cue.expire_timeout, 3000, "{cue:?}");
        // The test server never expires anything: the daemon closes it itself.
        s.server.wait_for_close_by_client(cue.id, TIMEOUT).await;
        let open_for = shown.elapsed();
        assert!(
            open_for >= Duration::from_millis(2500),
            "closed after {open_for:?}, before its length"
        );
        let history = s.env.history_lines();
        assert_eq!(history[0]["outcome"], "micro", "{history:?}");
        assert!(history[0]["exercise"].is_string(), "{history:?}");
        let stats = s.cli_ok(&["stats", "--json"]).await;
        let stats: serde_json::Value = serde_json::from_str(stats.trim()).unwrap();
        assert!(stats["today"]["micro"].as_u64() >= Some(1), "{stats}");
        assert!(s.stop().await.success());
    })
    .await;
}

#[tokio::test]
async fn a_micro_cue_due_while_dunst_is_paused_is_skipped_and_the_next_one_comes_after_it() {
    use crate::common::bus::PrivateBus;
    use crate::common::daemon::{Daemon, TestEnv};
    use crate::common::notify_server::{NotifyServer, ServerOptions};
    with_timeout(async {
        let bus = PrivateBus::start();
        let dunst = NotifyServer::start(bus.address(), ServerOptions::dunst()).await;
        dunst.set_paused(true).await;
        let env = TestEnv::new();
        // Only do-not-disturb respected: nothing else on the test machine may hold a cue.
        env.write_config(
            "[breaks]\ninterval = \"1h\"\n[activity]\nbackend = \"none\"\n\
             [micro]\nevery = \"2s\"\nlength = \"1s\"\n\
             [respect]\ndo_not_disturb = true\nfullscreen = false\nmeetings = false\n",
        );
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;
        // Three cues fall due in 7 s: each checked, each held by dunst's pause.
        tokio::time::sleep(Duration::from_secs(7)).await;
        assert!(
            dunst.notifications().is_empty(),
            "a cue was shown while dunst was paused: {}",
            dunst.describe()
        );
        assert!(
            env.history_lines().is_empty(),
            "a skipped cue is not recorded"
        );
        // Resumed: the next cue due is shown (not one queued from before: one bubble).
        dunst.set_paused(false).await;
        let resumed = Instant::now();
        let cue = dunst.wait_for_notify(1, TIMEOUT).await;
        assert!(cue.summary.starts_with("Micro-break: "), "{cue:?}");
        assert!(
            resumed.elapsed() <= Duration::from_secs(4),
            "the next cue came {:?} after the resume",
            resumed.elapsed()
        );
        let history = env.history_lines();
        assert_eq!(history.len(), 1, "{history:?}");
        assert_eq!(history[0]["outcome"], "micro", "{history:?}");
        assert!(daemon.terminate().await.success());
        dunst.stop().await;
    })
    .await;
}
