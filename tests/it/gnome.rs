//! GNOME: the daemon follows Mutter's IdleMonitor (a stand-in speaking its real
//! interface on a private session bus).

use std::time::Duration;

use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv, run_cli};
use crate::common::gnome_peer::{GnomeIdleMonitor, Watch};
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::{TIMEOUT, with_timeout};

#[tokio::test]
async fn idle_on_gnome_closes_the_prompt_as_a_natural_break_and_return_restarts_sitting() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config(
            "[breaks]\ninterval = \"2s\"\nrenotify = \"0s\"\n[activity]\nnatural_break = \"2s\"\n",
        );
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let mutter = GnomeIdleMonitor::start(bus.address()).await;
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        daemon.wait_for_stderr("idle backend: gnome", TIMEOUT).await;
        mutter
            .wait_for_watch(|w| *w == Watch::Idle { interval_ms: 2000 }, TIMEOUT)
            .await;

        let shown = server.wait_for_notify(1, TIMEOUT).await;
        // The user walks away; Mutter's idle watch fires after 2 s.
        mutter.go_idle(2000).await;
        server.wait_for_close_by_client(shown.id, TIMEOUT).await;
        let lines = env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "natural");
        assert!(
            lines[0]["exercise"].is_string(),
            "the open prompt's exercise"
        );

        // While away nothing is shown; on return the sitting clock restarts.
        mutter
            .wait_for_watch(|w| *w == Watch::UserActive, TIMEOUT)
            .await;
        tokio::time::sleep(Duration::from_secs(3)).await;
        assert_eq!(server.notifications().len(), 1, "no prompt while away");
        mutter.come_back().await;
        daemon.wait_for_stderr("user active", TIMEOUT).await;
        let returned = std::time::Instant::now();
        server.wait_for_notify(2, TIMEOUT).await;
        assert!(
            returned.elapsed() >= Duration::from_millis(1800),
            "a full interval after the return ({:?})",
            returned.elapsed()
        );
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn short_idle_on_gnome_is_not_a_break() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config("[breaks]\ninterval = \"1h\"\n[activity]\nnatural_break = \"10m\"\n");
        let bus = PrivateBus::start();
        let mutter = GnomeIdleMonitor::start(bus.address()).await;
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        // The watch threshold is capped at one minute, below natural_break.
        mutter
            .wait_for_watch(
                |w| {
                    *w == Watch::Idle {
                        interval_ms: 60_000,
                    }
                },
                TIMEOUT,
            )
            .await;
        mutter.go_idle(60_000).await;
        daemon.wait_for_stderr("user idle", TIMEOUT).await;
        mutter
            .wait_for_watch(|w| *w == Watch::UserActive, TIMEOUT)
            .await;
        mutter.come_back().await;
        daemon.wait_for_stderr("user active", TIMEOUT).await;
        assert!(env.history_lines().is_empty(), "a minute away is no break");
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn without_any_idle_source_the_daemon_says_why_and_counts_wall_time() {
    with_timeout(async {
        let env = TestEnv::new();
        let bus = PrivateBus::start();
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        let line = daemon.wait_for_stderr("idle backend: none", TIMEOUT).await;
        for backend in ["wayland:", "gnome:", "x11:", "screensaver:"] {
            assert!(line.contains(backend), "{line}");
        }
        assert!(line.contains("all waking time counts as sitting"), "{line}");
        assert!(daemon.terminate().await.success());
    })
    .await;
}

/// `deskbreak status --json`'s `idle_backend` (or why not).
async fn idle_backend(env: &TestEnv, bus: &str) -> String {
    let out = run_cli(env, Some(bus), &["status", "--json"]).await;
    if !out.status.success() {
        // Not up yet (the name is owned a moment after the backend is known).
        return String::from_utf8_lossy(&out.stderr).into_owned();
    }
    let status: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("status --json prints JSON");
    status["idle_backend"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Polls [`idle_backend`] until it is `want`.
async fn wait_for_backend(env: &TestEnv, bus: &str, want: &str) {
    let deadline = tokio::time::Instant::now() + TIMEOUT;
    loop {
        let seen = idle_backend(env, bus).await;
        if seen == want {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "idle_backend stayed {seen:?}, expected {want:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_daemon_follows_gnome_shell_through_a_restart() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config("[breaks]\ninterval = \"1h\"\n[activity]\nnatural_break = \"2s\"\n");
        let bus = PrivateBus::start();
        let mutter = GnomeIdleMonitor::start(bus.address()).await;
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        daemon.wait_for_stderr("idle backend: gnome", TIMEOUT).await;
        mutter
            .wait_for_watch(|w| *w == Watch::Idle { interval_ms: 2000 }, TIMEOUT)
            .await;
        wait_for_backend(&env, bus.address(), "gnome").await;

        // gnome-shell goes away, and its watches with it: said, and not named any more.
        mutter.stop().await;
        daemon
            .wait_for_stderr("gnome: the idle monitor went away", TIMEOUT)
            .await;
        wait_for_backend(&env, bus.address(), "none").await;

        // A new gnome-shell: the watch is armed on it again, and idle time counts again.
        let mutter = GnomeIdleMonitor::start(bus.address()).await;
        mutter
            .wait_for_watch(|w| *w == Watch::Idle { interval_ms: 2000 }, TIMEOUT)
            .await;
        daemon
            .wait_for_stderr("gnome: the idle monitor is back", TIMEOUT)
            .await;
        wait_for_backend(&env, bus.address(), "gnome").await;
        mutter.go_idle(2000).await;
        daemon.wait_for_stderr("user idle", TIMEOUT).await;
        mutter
            .wait_for_watch(|w| *w == Watch::UserActive, TIMEOUT)
            .await;
        mutter.come_back().await;
        daemon.wait_for_stderr("user active", TIMEOUT).await;
        assert!(daemon.terminate().await.success());
    })
    .await;
}
