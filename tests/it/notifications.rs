//! The real daemon against a private bus and a test notification server: every button,
//! re-shows, a server that dies and comes back, and no bus at all.

use std::time::Duration;

use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv};
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::{TIMEOUT, with_timeout};
use deskbreak::exercises::Library;

/// Breaks every 2 s of sitting, nothing else in the way.
const FAST: &str = r#"
[breaks]
interval = "2s"
snooze = "2s"
max_snoozes = 3
renotify = "0s"
[activity]
natural_break = "5m"
"#;

struct Setup {
    env: TestEnv,
    bus: PrivateBus,
    server: NotifyServer,
}

async fn setup(config: &str, options: ServerOptions) -> Setup {
    let env = TestEnv::new();
    env.write_config(config);
    let bus = PrivateBus::start();
    let server = NotifyServer::start(bus.address(), options).await;
    Setup { env, bus, server }
}

impl Setup {
    fn daemon(&self) -> Daemon {
        Daemon::spawn(&self.env, Some(self.bus.address()), &[])
    }
}

fn exercise_ids() -> Vec<String> {
    Library::embedded()
        .all()
        .iter()
        .map(|e| e.id.clone())
        .collect()
}

#[tokio::test]
async fn done_button_is_recorded_and_the_bubble_closed() {
    with_timeout(async {
        let s = setup(FAST, ServerOptions::default()).await;
        let daemon = s.daemon();
        let shown = s.server.wait_for_notify(1, TIMEOUT).await;
        assert_eq!(shown.app_name, "deskbreak");
        assert!(shown.summary.contains(" · "), "name · dose: {shown:?}");
        assert!(
            (2..=3).contains(&shown.body.lines().count()),
            "a short body: {}",
            shown.body
        );
        assert!(!shown.body.contains("1. "), "no step list: {}", shown.body);
        assert!(
            !shown.body.contains('<'),
            "no markup without body-markup: {}",
            shown.body
        );
        assert_eq!(
            shown.action_keys(),
            vec!["default", "done", "snooze", "skip", "start"]
        );
        let picture = shown.image_path.as_deref().expect("a picture of the move");
        assert!(std::path::Path::new(picture).is_file(), "{picture}");
        assert_eq!(shown.action_label("done").as_deref(), Some("Done"));
        assert_eq!(shown.action_label("snooze").as_deref(), Some("Snooze 2 s"));
        assert_eq!(shown.action_label("skip").as_deref(), Some("Skip"));

        s.server.click(shown.id, "done").await;
        s.server.wait_for_close_by_client(shown.id, TIMEOUT).await;
        let lines = s.env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "done");
        let exercise = lines[0]["exercise"].as_str().unwrap().to_owned();
        assert!(exercise_ids().contains(&exercise), "{exercise}");
        let name = shown.summary.split(" · ").next().unwrap();
        let named = Library::embedded().get(&exercise).unwrap().name.clone();
        assert_eq!(named, name, "history names the exercise shown");
        assert!(lines[0]["sat_for_secs"].as_u64().unwrap() >= 2);
        let at = lines[0]["at"].as_str().unwrap();
        chrono::DateTime::parse_from_rfc3339(at).expect("at is RFC 3339");

        // The sitting clock restarted: the next prompt comes a full interval later.
        let next = s.server.wait_for_notify(2, TIMEOUT).await;
        assert_eq!(next.replaces_id, 0, "a new bubble, not a replacement");
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn skip_button_is_recorded() {
    with_timeout(async {
        let s = setup(FAST, ServerOptions::default()).await;
        let daemon = s.daemon();
        let shown = s.server.wait_for_notify(1, TIMEOUT).await;
        s.server.click(shown.id, "skip").await;
        s.server.wait_for_close_by_client(shown.id, TIMEOUT).await;
        let lines = s.env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "skipped");
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn snooze_brings_the_same_exercise_back_until_snoozes_run_out() {
    with_timeout(async {
        let config = FAST.replace("max_snoozes = 3", "max_snoozes = 1");
        let s = setup(&config, ServerOptions::default()).await;
        let daemon = s.daemon();
        let first = s.server.wait_for_notify(1, TIMEOUT).await;
        s.server.click(first.id, "snooze").await;
        s.server.wait_for_close_by_client(first.id, TIMEOUT).await;
        let lines = s.env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "snoozed");

        let again = s.server.wait_for_notify(2, TIMEOUT).await;
        assert_eq!(again.summary, first.summary, "the same exercise comes back");
        assert_eq!(
            again.action_keys(),
            vec!["default", "done", "skip", "start"],
            "max_snoozes reached: no Snooze button"
        );
        assert!(again.body.contains("snoozes used up"), "{}", again.body);
        s.server.click(again.id, "done").await;
        let lines = s.env.wait_for_history(2, TIMEOUT).await;
        assert_eq!(lines[1]["outcome"], "done");
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn closing_the_bubble_is_recorded_as_dismissed_and_it_comes_back() {
    with_timeout(async {
        let s = setup(FAST, ServerOptions::default()).await;
        let daemon = s.daemon();
        let first = s.server.wait_for_notify(1, TIMEOUT).await;
        s.server.dismiss(first.id).await;
        let lines = s.env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "dismissed");
        let again = s.server.wait_for_notify(2, TIMEOUT).await;
        assert_eq!(again.summary, first.summary);
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn an_unanswered_prompt_is_replaced_never_stacked() {
    with_timeout(async {
        let config = FAST.replace("renotify = \"0s\"", "renotify = \"1s\"");
        let s = setup(&config, ServerOptions::default()).await;
        let daemon = s.daemon();
        let first = s.server.wait_for_notify(1, TIMEOUT).await;
        let second = s.server.wait_for_notify(2, TIMEOUT).await;
        let third = s.server.wait_for_notify(3, TIMEOUT).await;
        assert_eq!(second.replaces_id, first.id);
        assert_eq!(third.replaces_id, first.id);
        assert_eq!(third.id, first.id);
        assert_eq!(s.server.open_ids(), vec![first.id], "one bubble on screen");
        assert!(s.env.history_lines().is_empty(), "nothing answered yet");
        // The click on the (replaced) bubble answers the current prompt, once.
        s.server.click(third.id, "done").await;
        s.server.click(third.id, "done").await;
        s.server.wait_for_close_by_client(first.id, TIMEOUT).await;
        let lines = s.env.wait_for_history(1, TIMEOUT).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(s.env.history_lines().len(), 1, "applied once: {lines:?}");
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn an_expired_prompt_comes_back_at_renotify() {
    with_timeout(async {
        let config = FAST.replace("renotify = \"0s\"", "renotify = \"1s\"");
        let s = setup(&config, ServerOptions::default()).await;
        let daemon = s.daemon();
        let first = s.server.wait_for_notify(1, TIMEOUT).await;
        s.server.expire(first.id).await;
        let again = s.server.wait_for_notify(2, TIMEOUT).await;
        assert_eq!(
            again.replaces_id, 0,
            "the expired bubble is gone; a new one"
        );
        assert!(
            s.env.history_lines().is_empty(),
            "an expiry is not an answer"
        );
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn answers_arrive_from_a_server_that_signals_only_the_caller() {
    with_timeout(async {
        let s = setup(
            FAST,
            ServerOptions {
                unicast_signals: true,
                ..ServerOptions::default()
            },
        )
        .await;
        let daemon = s.daemon();
        let shown = s.server.wait_for_notify(1, TIMEOUT).await;
        s.server.click(shown.id, "done").await;
        let lines = s.env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "done");
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn a_server_without_buttons_gets_the_commands_in_the_body() {
    with_timeout(async {
        let s = setup(
            FAST,
            ServerOptions {
                capabilities: vec!["body".into()],
                unicast_signals: false,
                ..ServerOptions::default()
            },
        )
        .await;
        let daemon = s.daemon();
        let shown = s.server.wait_for_notify(1, TIMEOUT).await;
        assert!(shown.actions.is_empty(), "{shown:?}");
        assert!(
            shown
                .body
                .ends_with("Answer in a terminal: deskbreak done, snooze, skip or guide"),
            "{}",
            shown.body
        );
        assert!(!shown.body.contains('`'), "{}", shown.body);
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn markup_only_for_servers_that_read_it() {
    with_timeout(async {
        let s = setup(
            FAST,
            ServerOptions {
                capabilities: vec!["actions".into(), "body".into(), "body-markup".into()],
                unicast_signals: false,
                ..ServerOptions::default()
            },
        )
        .await;
        let daemon = s.daemon();
        let shown = s.server.wait_for_notify(1, TIMEOUT).await;
        // The safety cue in italics; nothing else looks like a tag.
        let without = shown.body.replace("<i>", "").replace("</i>", "");
        assert!(shown.body.contains("<i>"), "{}", shown.body);
        assert!(
            !without.contains('<') && !without.contains('>'),
            "{}",
            shown.body
        );
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn a_server_that_dies_and_comes_back_gets_the_reminder() {
    with_timeout(async {
        let config = FAST.replace("interval = \"2s\"", "interval = \"3s\"");
        let s = setup(&config, ServerOptions::default()).await;
        let address = s.bus.address().to_owned();
        let daemon = s.daemon();
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;
        // The server dies before the break falls due.
        s.server.stop().await;
        daemon
            .wait_for_stderr("reminder written to stderr", TIMEOUT)
            .await;
        daemon
            .wait_for_stderr("*** Time for a break: ", TIMEOUT)
            .await;

        // It comes back: the pending reminder reaches the desktop and can be answered.
        let server = NotifyServer::start(&address, ServerOptions::default()).await;
        let shown = server.wait_for_notify(1, TIMEOUT).await;
        assert!(shown.summary.contains(" · "));
        server.click(shown.id, "done").await;
        let lines = s.env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "done");
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn without_any_bus_reminders_go_to_stderr_and_the_daemon_keeps_running() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config(&FAST.replace("renotify = \"0s\"", "renotify = \"1s\""));
        let daemon = Daemon::spawn(&env, None, &[]);
        daemon
            .wait_for_stderr("*** Time for a break: ", TIMEOUT)
            .await;
        // Each re-show tries the desktop again and falls back again.
        daemon
            .wait_for_stderr_count("*** Time for a break: ", 2, TIMEOUT)
            .await;
        assert!(
            daemon.stderr().contains("no session bus"),
            "{}",
            daemon.stderr()
        );
        assert!(
            daemon.terminate().await.success(),
            "still running and exits cleanly"
        );
    })
    .await;
}

#[tokio::test]
async fn the_bubble_is_closed_when_the_daemon_stops() {
    with_timeout(async {
        let s = setup(FAST, ServerOptions::default()).await;
        let daemon = s.daemon();
        let shown = s.server.wait_for_notify(1, TIMEOUT).await;
        assert!(daemon.terminate().await.success());
        assert!(s.server.closed_by_client().contains(&shown.id));
    })
    .await;
}

#[tokio::test]
async fn a_reminder_on_screen_when_the_server_dies_is_shown_again_when_it_returns() {
    with_timeout(async {
        let s = setup(FAST, ServerOptions::default()).await;
        let address = s.bus.address().to_owned();
        let daemon = s.daemon();
        let shown = s.server.wait_for_notify(1, TIMEOUT).await;
        s.server.stop().await;
        daemon
            .wait_for_stderr("the notification server went away", TIMEOUT)
            .await;
        let server = NotifyServer::start(&address, ServerOptions::default()).await;
        let again = server.wait_for_notify(1, TIMEOUT).await;
        assert_eq!(again.summary, shown.summary);
        assert_eq!(again.replaces_id, 0, "a fresh bubble on the new server");
        server.click(again.id, "done").await;
        server.wait_for_close_by_client(again.id, TIMEOUT).await;
        let lines = s.env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "done");
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn signals_from_another_sender_or_for_another_id_are_ignored() {
    with_timeout(async {
        let s = setup(FAST, ServerOptions::default()).await;
        let daemon = s.daemon();
        let shown = s.server.wait_for_notify(1, TIMEOUT).await;
        // Another client on the bus forges a click for the bubble's id.
        let forger = zbus::connection::Builder::address(s.bus.address())
            .build()
            .await
            .unwrap();
        forger
            .emit_signal(
                None::<&str>,
                "/org/freedesktop/Notifications",
                "org.freedesktop.Notifications",
                "ActionInvoked",
                &(shown.id, "done"),
            )
            .await
            .unwrap();
        // The real server clicks another id.
        s.server.click(shown.id + 100, "done").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert!(s.env.history_lines().is_empty(), "nothing applied");
        s.server.click(shown.id, "skip").await;
        let lines = s.env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "skipped");
        assert!(daemon.terminate().await.success());
    })
    .await;
}
