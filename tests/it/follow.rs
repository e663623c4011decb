//! `deskbreak status --follow` as a status bar runs it: a line for every change, from the
//! daemon's signals, and none in between.

use std::process::Stdio;
use std::time::Duration;

use futures_util::StreamExt;
use tokio::io::{AsyncBufReadExt, BufReader, Lines};
use tokio::process::{Child, ChildStdout};

use crate::common::daemon::command;
use crate::common::session::{NAME, Session, connect};
use crate::common::{TIMEOUT, with_timeout};

/// A break every 3 s, so a test can watch one fall due.
const EVERY_3S: &str = r#"
[breaks]
interval = "3s"
renotify = "0s"
"#;

/// Nothing happens by itself for an hour.
const QUIET: &str = r#"
[breaks]
interval = "1h"
renotify = "0s"
"#;

/// How soon a change must show up in the output.
const SOON: Duration = Duration::from_secs(5);

/// A running `deskbreak status --follow --format <format>`, read line by line.
struct Follower {
    child: Child,
    lines: Lines<BufReader<ChildStdout>>,
    /// Every line read so far.
    seen: Vec<String>,
}

impl Follower {
    fn start(s: &Session, format: &str) -> Follower {
        let mut cmd = command(&s.env, Some(s.address()));
        cmd.args(["status", "--follow", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start deskbreak status --follow: {e}"));
        let stdout = child.stdout.take().expect("stdout was piped");
        Follower {
            child,
            lines: BufReader::new(stdout).lines(),
            seen: Vec::new(),
        }
    }

    /// The next line, parsed as a JSON object; `None` if none comes within `timeout`.
    async fn next(&mut self, timeout: Duration) -> Option<serde_json::Value> {
        let line = match tokio::time::timeout(timeout, self.lines.next_line()).await {
            Err(_) => return None,
            Ok(Ok(Some(line))) => line,
            Ok(Ok(None)) => panic!("the follower exited; its lines: {:#?}", self.seen),
            Ok(Err(e)) => panic!("cannot read the follower's output: {e}"),
        };
        self.seen.push(line.clone());
        let value: serde_json::Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("not a JSON line ({e}): {line:?}"));
        assert!(value.is_object(), "not a JSON object: {line}");
        Some(value)
    }

    /// Reads lines until one passes `check` (within `timeout`), and returns it.
    async fn wait_for(
        &mut self,
        what: &str,
        timeout: Duration,
        check: impl Fn(&serde_json::Value) -> bool,
    ) -> serde_json::Value {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match self.next(left).await {
                Some(value) if check(&value) => return value,
                Some(_) => {}
                None => panic!(
                    "no line with {what} within {timeout:?}; lines so far: {:#?}",
                    self.seen
                ),
            }
        }
    }

    /// Waits for a waybar line of class `class`, checking that it is a waybar line.
    async fn wait_for_class(&mut self, class: &str) -> serde_json::Value {
        let line = self
            .wait_for(&format!("class {class:?}"), SOON, |v| v["class"] == class)
            .await;
        assert_waybar(&line);
        line
    }

    /// Kills the follower (before its bus goes away, which it would complain about).
    async fn stop(mut self) {
        let _ = self.child.kill().await;
    }

    /// Asserts that no line was printed twice in a row.
    fn assert_no_repeats(&self) {
        for pair in self.seen.windows(2) {
            assert_ne!(pair[0], pair[1], "a line repeated: {:#?}", self.seen);
        }
    }
}

/// A line waybar's custom module (`return-type: json`) reads.
fn assert_waybar(line: &serde_json::Value) {
    let mut keys: Vec<&String> = line.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["class", "percentage", "text", "tooltip"], "{line}");
    assert!(line["text"].is_string(), "{line}");
    assert!(line["tooltip"].is_string(), "{line}");
    assert!(line["class"].is_string(), "{line}");
    let percentage = line["percentage"].as_u64().unwrap_or(u64::MAX);
    assert!(percentage <= 100, "{line}");
}

#[tokio::test]
async fn waybar_lines_follow_pause_resume_due_stop_and_restart() {
    with_timeout(async {
        let mut s = Session::start(EVERY_3S).await;
        let mut bar = Follower::start(&s, "waybar");

        let first = bar
            .next(SOON)
            .await
            .expect("a first line at once, before any change");
        assert_waybar(&first);
        assert_eq!(first["class"], "working", "{first}");
        assert!(
            first["tooltip"]
                .as_str()
                .unwrap()
                .starts_with("working: sitting "),
            "{first}"
        );

        s.cli_ok(&["pause"]).await;
        let paused = bar.wait_for_class("paused").await;
        assert_eq!(paused["text"], "paused", "{paused}");

        s.cli_ok(&["resume"]).await;
        bar.wait_for("class \"working\" or \"due\" after resume", SOON, |v| {
            v["class"] == "working" || v["class"] == "due"
        })
        .await;

        // The 3 s break falls due.
        let due = bar.wait_for_class("due").await;
        assert_eq!(due["text"], "break", "{due}");
        assert_eq!(due["percentage"], 100, "{due}");

        // The daemon stops: the bar says so.
        assert!(s.stop_daemon().await.success());
        let stopped = bar.wait_for_class("stopped").await;
        assert_eq!(stopped["tooltip"], "deskbreak is not running", "{stopped}");

        // A new daemon (an hour's interval this time, so nothing is due): back to working.
        s.env.write_config(QUIET);
        s.start_daemon().await;
        bar.wait_for_class("working").await;

        bar.assert_no_repeats();
        bar.stop().await;
        assert!(s.stop().await.success());
    })
    .await;
}

#[tokio::test]
async fn json_lines_carry_the_full_status_per_change() {
    with_timeout(async {
        let mut s = Session::start(QUIET).await;
        let mut follower = Follower::start(&s, "json");

        let first = follower.next(SOON).await.expect("a first line at once");
        assert_eq!(first["running"], true, "{first}");
        assert_eq!(first["phase"], "working", "{first}");
        assert_eq!(first["interval_secs"], 3600, "{first}");
        for key in ["sitting_secs", "next_break", "paused", "idle_backend"] {
            assert!(first.get(key).is_some(), "{key} missing: {first}");
        }

        s.cli_ok(&["pause", "10m"]).await;
        let paused = follower
            .wait_for("phase \"paused\"", SOON, |v| v["phase"] == "paused")
            .await;
        assert_eq!(paused["paused"], true, "{paused}");
        assert!(paused["paused_until"].is_string(), "{paused}");

        s.cli_ok(&["resume"]).await;
        follower
            .wait_for("phase \"working\"", SOON, |v| v["phase"] == "working")
            .await;

        assert!(s.stop_daemon().await.success());
        let gone = follower
            .wait_for("running false", SOON, |v| v["running"] == false)
            .await;
        assert_eq!(gone, serde_json::json!({ "running": false }));

        // Every line is one whole object; every line while running has the phase.
        for line in &follower.seen {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(v["running"] == false || v["phase"].is_string(), "{line}");
        }
        follower.assert_no_repeats();
        follower.stop().await;
    })
    .await;
}

/// Becomes a bus monitor on `address` and counts the method calls addressed to the daemon
/// (by its well-known name or `unique`) until `stop` completes. Returns what they were.
async fn calls_to_the_daemon_during(
    address: &str,
    unique: &str,
    stop: impl std::future::Future<Output = ()>,
) -> Vec<String> {
    let monitor = connect(address).await;
    let mut messages = zbus::MessageStream::from(&monitor);
    monitor
        .call_method(
            Some("org.freedesktop.DBus"),
            "/org/freedesktop/DBus",
            Some("org.freedesktop.DBus.Monitoring"),
            "BecomeMonitor",
            &(vec!["type='method_call'"], 0u32),
        )
        .await
        .expect("cannot become a monitor of the private bus");
    let mut calls = Vec::new();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            () = &mut stop => return calls,
            message = messages.next() => {
                let Some(Ok(message)) = message else { return calls };
                let header = message.header();
                if header.message_type() != zbus::message::Type::MethodCall {
                    continue;
                }
                let destination = header.destination().map(|d| d.to_string());
                if destination.as_deref() == Some(NAME) || destination.as_deref() == Some(unique) {
                    calls.push(format!(
                        "{:?}.{:?} from {:?}",
                        header.interface().map(|i| i.to_string()),
                        header.member().map(|m| m.to_string()),
                        header.sender().map(|s| s.to_string())
                    ));
                }
            }
        }
    }
}

#[tokio::test]
async fn follow_waits_for_signals_and_does_not_poll() {
    with_timeout(async {
        let s = Session::start(QUIET).await;
        s.cli_ok(&["pause"]).await;
        s.wait_for_phase("paused").await;
        let mut bar = Follower::start(&s, "waybar");
        assert_eq!(bar.next(SOON).await.unwrap()["class"], "paused");

        let dbus = zbus::fdo::DBusProxy::new(s.client()).await.unwrap();
        let unique = dbus
            .get_name_owner(NAME.try_into().unwrap())
            .await
            .unwrap()
            .to_string();

        // Quiet for longer than --follow's 15 s re-render tick: not one call to the
        // daemon, and no line but the re-render's, where only the sitting time moved
        // (sitting keeps counting during a pause; never a duplicate).
        let quiet = calls_to_the_daemon_during(s.address(), &unique, async {
            tokio::time::sleep(Duration::from_secs(16)).await;
        })
        .await;
        while let Some(line) = bar.next(Duration::ZERO).await {
            assert_eq!(line["class"], "paused", "{line}");
            assert!(
                line["tooltip"]
                    .as_str()
                    .unwrap()
                    .starts_with("paused until `deskbreak resume`; sitting "),
                "only the sitting time may change: {:#?}",
                bar.seen
            );
        }
        assert!(
            bar.seen.len() <= 2,
            "one re-render at most: {:#?}",
            bar.seen
        );
        assert!(
            quiet.is_empty(),
            "the follower called the daemon while nothing changed: {quiet:#?}"
        );

        // The monitor does see calls: after a change the follower reads the status.
        let calls = calls_to_the_daemon_during(s.address(), &unique, async {
            s.cli_ok(&["resume"]).await;
            bar.wait_for_class("working").await;
            tokio::time::sleep(Duration::from_millis(500)).await;
        })
        .await;
        assert!(
            calls.iter().any(|c| c.contains("GetAll")),
            "the follower read the status after the change: {calls:#?}"
        );
        bar.assert_no_repeats();
        bar.stop().await;
        assert!(s.stop().await.success());
    })
    .await;
}

/// A bar started before the daemon never shows a status that is not one: the daemon owns
/// its name before it has published its first status.
#[tokio::test]
async fn a_starting_daemon_is_never_shown_with_an_empty_status() {
    with_timeout(async {
        let mut s = Session::start(QUIET).await;
        assert!(s.stop_daemon().await.success());
        let mut bar = Follower::start(&s, "waybar");
        bar.wait_for_class("stopped").await;
        s.start_daemon().await;
        bar.wait_for_class("working").await;
        let classes: Vec<String> = bar
            .seen
            .iter()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["class"].to_string())
            .collect();
        assert_eq!(
            classes,
            ["\"stopped\"", "\"working\""],
            "lines: {:#?}",
            bar.seen
        );
        bar.stop().await;
        assert!(s.stop().await.success());
    })
    .await;
}

/// `deskbreak status` right as the daemon starts (a bar and the daemon started together
/// at login) gets a real status.
#[tokio::test]
async fn status_right_after_the_name_appears_is_complete() {
    with_timeout(async {
        let mut s = Session::start(QUIET).await;
        assert!(s.stop_daemon().await.success());
        let dbus = zbus::fdo::DBusProxy::new(s.client()).await.unwrap();
        let mut owners = dbus
            .receive_name_owner_changed_with_args(&[(0, NAME)])
            .await
            .unwrap();
        let daemon = crate::common::daemon::Daemon::spawn(&s.env, Some(s.address()), &[]);
        tokio::time::timeout(TIMEOUT, owners.next())
            .await
            .expect("the daemon takes its name");
        let status = crate::common::session::properties(s.client())
            .await
            .unwrap();
        let phase = String::try_from(status["Phase"].clone()).unwrap();
        let interval = u64::try_from(status["IntervalSeconds"].clone()).unwrap();
        assert!(
            !phase.is_empty() && interval == 3600,
            "status as the name appears: {status:?}"
        );
        assert!(daemon.terminate().await.success());
    })
    .await;
}
