//! The guided break on the private bus: the reminder's Start button turns the same bubble
//! into a countdown with a rising `value` hint and records `done` with the time guided;
//! Stop brings the reminder back; own exercises are picked up, checked and reloaded.

use std::time::Duration;

use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv, run_cli};
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::session::text;
use crate::common::{TIMEOUT, with_timeout};

/// A short own exercise: get ready (5 s), hold 1 s, relax 3 s, hold 1 s = 10 s.
const OWN: &str = r#"{
  "version": 1,
  "exercises": [
    {
      "id": "quick-squeeze",
      "name": "Quick squeeze",
      "position": "seated",
      "steps": ["Sit tall.", "Squeeze your shoulder blades together, then let go."],
      "dose": { "reps": 2, "sets": 1, "hold_secs": 1, "per_side": false },
      "duration_secs": 10,
      "area": "upper_back",
      "safety": "Relax at once if it cramps."
    }
  ]
}"#;

/// Breaks every 2 s, and only the own exercise (the built-in ones are all standing or
/// excluded).
fn config() -> String {
    let library: serde_json::Value =
        serde_json::from_str(include_str!("../../exercises.json")).unwrap();
    let ids: Vec<String> = library["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{:?}", e["id"].as_str().unwrap()))
        .collect();
    format!(
        "[breaks]\ninterval = \"2s\"\nsnooze = \"2s\"\nrenotify = \"0s\"\n\
         [activity]\nnatural_break = \"5m\"\n[exercises]\nexclude = [{}]\n",
        ids.join(", ")
    )
}

struct Setup {
    env: TestEnv,
    bus: PrivateBus,
    server: NotifyServer,
}

async fn setup() -> Setup {
    let env = TestEnv::new();
    env.write_config(&config());
    std::fs::write(env.config_path().with_file_name("exercises.json"), OWN).unwrap();
    let bus = PrivateBus::start();
    let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
    Setup { env, bus, server }
}

#[tokio::test]
async fn start_turns_the_same_bubble_into_a_countdown_and_records_done_with_the_time() {
    with_timeout(async {
        let s = setup().await;
        let daemon = Daemon::spawn(&s.env, Some(s.bus.address()), &[]);
        let shown = s.server.wait_for_notify(1, TIMEOUT).await;
        assert!(shown.summary.starts_with("Quick squeeze · "), "{shown:?}");
        let picture = shown.image_path.clone().expect("a picture");
        assert!(
            picture.ends_with("/own.png"),
            "the neutral picture: {picture}"
        );
        s.server.click(shown.id, "start").await;
        // The guide runs about 10 s: updates in place, then the end.
        let updates = s
            .server
            .wait_until("the guide's end", Duration::from_secs(20), |st| {
                st.notifications()
                    .iter()
                    .any(|n| n.summary.ends_with("· done"))
                    .then(|| st.notifications().to_vec())
            })
            .await;
        let guide: Vec<_> = updates.iter().skip(1).collect();
        assert!(
            guide.len() >= 8,
            "about one update a second: {}",
            guide.len()
        );
        assert!(
            guide
                .iter()
                .all(|n| n.replaces_id == shown.id && n.id == shown.id),
            "the same bubble, replaced in place"
        );
        let values: Vec<i32> = guide.iter().filter_map(|n| n.value).collect();
        assert!(values.len() >= guide.len() - 1, "{values:?}");
        assert!(
            values.windows(2).all(|w| w[0] <= w[1]),
            "rising: {values:?}"
        );
        assert!(values.first() < values.last(), "{values:?}");
        assert!(
            guide[0].summary.contains("Get ready"),
            "{}",
            guide[0].summary
        );
        assert_eq!(guide[0].action_keys(), ["stop"]);
        assert!(
            guide.iter().any(|n| n.summary.contains("hold…")),
            "{guide:#?}"
        );
        let lines = s.env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "done");
        assert_eq!(lines[0]["exercise"], "quick-squeeze");
        assert_eq!(lines[0]["guided_secs"], 10);
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn stop_brings_the_reminder_back_and_guiding_shows_in_the_status() {
    with_timeout(async {
        let s = setup().await;
        let daemon = Daemon::spawn(&s.env, Some(s.bus.address()), &[]);
        let shown = s.server.wait_for_notify(1, TIMEOUT).await;
        s.server.click(shown.id, "default").await;
        let first = s.server.wait_for_notify(2, TIMEOUT).await;
        assert_eq!(first.action_keys(), ["stop"]);
        // The status is published right after the bubble is updated.
        let deadline = std::time::Instant::now() + TIMEOUT;
        loop {
            let status = run_cli(&s.env, Some(s.bus.address()), &["status", "--json"]).await;
            let v: serde_json::Value = serde_json::from_str(text(&status.stdout).trim()).unwrap();
            if v["phase"] == "guiding" {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "never guiding: {v}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let bar = run_cli(
            &s.env,
            Some(s.bus.address()),
            &["status", "--format", "waybar"],
        )
        .await;
        let v: serde_json::Value = serde_json::from_str(text(&bar.stdout).trim()).unwrap();
        assert_eq!(v["class"], "guiding", "{v}");
        s.server.click(first.id, "stop").await;
        let back = s
            .server
            .wait_until("the reminder again", TIMEOUT, |st| {
                st.notifications()
                    .iter()
                    .skip(2)
                    .find(|n| n.action_keys().contains(&"done".to_owned()))
                    .cloned()
            })
            .await;
        assert_eq!(back.id, shown.id, "in the same bubble");
        assert!(s.env.history_lines().is_empty(), "stop records nothing");
        s.server.click(back.id, "done").await;
        let lines = s.env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "done");
        assert!(lines[0]["guided_secs"].as_u64().is_some(), "{:?}", lines[0]);
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn own_exercises_are_checked_listed_and_reloaded_keeping_the_last_good_set() {
    with_timeout(async {
        let s = setup().await;
        let own_path = s.env.config_path().with_file_name("exercises.json");
        let list = run_cli(&s.env, None, &["exercises"]).await;
        let listed = text(&list.stdout);
        assert!(
            listed.contains("quick-squeeze") && listed.contains("(yours)"),
            "{listed}"
        );
        assert!(listed.contains("(excluded)"), "{listed}");
        let check = run_cli(&s.env, None, &["config", "check"]).await;
        assert_eq!(check.status.code(), Some(0), "{check:?}");

        let daemon = Daemon::spawn(&s.env, Some(s.bus.address()), &[]);
        s.server.wait_for_notify(1, TIMEOUT).await;
        // A broken edit: the exact error, the daemon keeps the last good set.
        let broken = OWN.replace(r#""duration_secs": 10"#, r#""duration_secs": 1"#);
        std::fs::write(&own_path, &broken).unwrap();
        let said = daemon
            .wait_for_stderr("duration_secs: expected a number of seconds", TIMEOUT)
            .await;
        assert!(
            said.contains("exercises.json:10:7: exercise \"quick-squeeze\": duration_secs"),
            "{said}"
        );
        let check = run_cli(&s.env, None, &["config", "check"]).await;
        assert_eq!(check.status.code(), Some(1));
        assert!(
            text(&check.stderr).contains("exercises.json:10:7: exercise \"quick-squeeze\""),
            "{}",
            text(&check.stderr)
        );
        // Fixed: said once in the log, and the error bubble goes away.
        std::fs::write(
            &own_path,
            OWN.replace("Quick squeeze", "Quick blade squeeze"),
        )
        .unwrap();
        daemon
            .wait_for_stderr("good again and in force", TIMEOUT)
            .await;
        daemon.wait_for_stderr("exercises reloaded", TIMEOUT).await;
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn a_server_that_closes_the_bubble_with_the_click_does_not_stop_the_guide() {
    with_timeout(async {
        let s = setup().await;
        let daemon = Daemon::spawn(&s.env, Some(s.bus.address()), &[]);
        let shown = s.server.wait_for_notify(1, TIMEOUT).await;
        // dunst's middle click: the default action, then the bubble closed (dismissed).
        s.server.click(shown.id, "default").await;
        s.server.dismiss(shown.id).await;
        let lines = s.env.wait_for_history(1, Duration::from_secs(20)).await;
        assert_eq!(lines[0]["outcome"], "done", "{lines:?}");
        assert_eq!(lines[0]["guided_secs"], 10);
        assert!(daemon.terminate().await.success());
    })
    .await;
}

/// `deskbreak guide` in a terminal follows the due break and records it THROUGH the
/// daemon: the history line is the daemon's (the CLI runs with a state folder of its own,
/// where nothing appears), `done` with `guided_secs`.
#[tokio::test]
async fn the_terminal_guide_follows_the_due_break_and_the_daemon_records_it() {
    with_timeout(async {
        let s = setup().await;
        let daemon = Daemon::spawn(&s.env, Some(s.bus.address()), &[]);
        s.server.wait_for_notify(1, TIMEOUT).await;
        let cli_state = s.env.home().join("cli-state");
        std::fs::create_dir_all(&cli_state).unwrap();
        let mut cmd = crate::common::daemon::command(&s.env, Some(s.bus.address()));
        cmd.arg("guide")
            .env("XDG_STATE_HOME", &cli_state)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let out = tokio::time::timeout(
            Duration::from_secs(30),
            cmd.spawn().unwrap().wait_with_output(),
        )
        .await
        .expect("the terminal guide did not end")
        .unwrap();
        let said = text(&out.stdout);
        assert!(out.status.success(), "{said}\n{}", text(&out.stderr));
        assert!(said.contains("Quick squeeze"), "{said}");
        assert!(said.contains("Get ready"), "{said}");
        let lines = s.env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "done", "{lines:?}");
        assert_eq!(lines[0]["exercise"], "quick-squeeze");
        assert_eq!(lines[0]["guided_secs"], 10);
        let written: Vec<_> = walk(&cli_state);
        assert!(written.is_empty(), "the CLI wrote {written:?}");
        assert!(daemon.terminate().await.success());
    })
    .await;
}

/// Every file under `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}
