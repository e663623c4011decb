//! The CLI answering the running daemon over the private bus, and single-instance.

mod common;

use std::time::Duration;

use common::TIMEOUT;
use common::bus::PrivateBus;
use common::daemon::{Daemon, TestEnv, run_cli};
use common::notify_server::{NotifyServer, ServerOptions};

const FAST: &str = r#"
[breaks]
interval = "2s"
snooze = "1m"
max_snoozes = 1
renotify = "0s"
"#;

async fn with_timeout<F: std::future::Future<Output = ()>>(test: F) {
    tokio::time::timeout(Duration::from_secs(60), test)
        .await
        .expect("test timed out");
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[tokio::test]
async fn cli_answers_a_prompt_shown_without_buttons() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config(FAST);
        let bus = PrivateBus::start();
        let server = NotifyServer::start(
            bus.address(),
            ServerOptions {
                capabilities: vec!["body".into()],
                unicast_signals: false,
            },
        )
        .await;
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);

        // Nothing due yet: a clear refusal, exit status 1.
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;
        let early = run_cli(&env, Some(bus.address()), &["done"]).await;
        assert_eq!(early.status.code(), Some(1));
        assert!(
            text(&early.stderr).contains("No break is waiting for an answer"),
            "{}",
            text(&early.stderr)
        );

        let shown = server.wait_for_notify(1, TIMEOUT).await;
        assert!(shown.body.contains("`deskbreak snooze`"));
        let snoozed = run_cli(&env, Some(bus.address()), &["snooze"]).await;
        assert!(snoozed.status.success(), "{}", text(&snoozed.stderr));
        assert!(text(&snoozed.stdout).starts_with("Snoozed."));
        server.wait_for_close_by_client(shown.id, TIMEOUT).await;

        // max_snoozes = 1: a second snooze is refused with a named reason.
        let again = run_cli(&env, Some(bus.address()), &["snooze"]).await;
        assert_eq!(again.status.code(), Some(1));
        assert!(
            text(&again.stderr).contains("max_snoozes"),
            "{}",
            text(&again.stderr)
        );

        // Done works while snoozed: the user did it before the prompt came back.
        let done = run_cli(&env, Some(bus.address()), &["done"]).await;
        assert!(done.status.success(), "{}", text(&done.stderr));
        assert!(text(&done.stdout).starts_with("Break done."));
        let outcomes: Vec<String> = env
            .history_lines()
            .iter()
            .map(|l| l["outcome"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(outcomes, vec!["snoozed", "done"]);
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn cli_skip_answers_the_due_break() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config(FAST);
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        let shown = server.wait_for_notify(1, TIMEOUT).await;
        let out = run_cli(&env, Some(bus.address()), &["skip"]).await;
        assert!(out.status.success(), "{}", text(&out.stderr));
        server.wait_for_close_by_client(shown.id, TIMEOUT).await;
        assert_eq!(env.history_lines()[0]["outcome"], "skipped");
        // A late click on the closed bubble is not applied a second time.
        server.click(shown.id, "done").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(env.history_lines().len(), 1);
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn cli_without_a_daemon_says_so() {
    with_timeout(async {
        let env = TestEnv::new();
        let bus = PrivateBus::start();
        let out = run_cli(&env, Some(bus.address()), &["done"]).await;
        assert_eq!(out.status.code(), Some(1));
        assert!(
            text(&out.stderr).contains("deskbreak is not running"),
            "{}",
            text(&out.stderr)
        );
        let out = run_cli(&env, None, &["skip"]).await;
        assert_eq!(out.status.code(), Some(1));
        assert!(
            text(&out.stderr).contains("cannot reach the session bus"),
            "{}",
            text(&out.stderr)
        );
    })
    .await;
}

#[tokio::test]
async fn a_second_daemon_exits_with_a_clear_message() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config(FAST);
        let bus = PrivateBus::start();
        let first = Daemon::spawn(&env, Some(bus.address()), &[]);
        first.wait_for_stderr("deskbreak is running", TIMEOUT).await;
        let mut second = Daemon::spawn(&env, Some(bus.address()), &[]);
        let status = second.wait_exit(TIMEOUT).await;
        assert_eq!(status.code(), Some(1));
        assert!(
            second
                .stderr()
                .contains("another deskbreak is already running"),
            "{}",
            second.stderr()
        );
        assert!(first.terminate().await.success());
    })
    .await;
}
