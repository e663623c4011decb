//! The Wayland idle backend (`ext-idle-notify-v1`) against a real test compositor on a
//! real Unix socket: the backend on its own, then the real daemon.

use std::future::Future;
use std::time::Duration;

use crate::common::TIMEOUT;
use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv, command, run_cli};
use crate::common::wayland_compositor::{Requested, WaylandCompositor};
use deskbreak::sources::activity::{Presence, wayland};
use tokio::sync::mpsc;

/// Awaits `future`, failing the test with `what` if it takes longer than [`TIMEOUT`].
async fn within<F: Future>(what: &str, future: F) -> F::Output {
    match tokio::time::timeout(TIMEOUT, future).await {
        Ok(output) => output,
        Err(_) => panic!("timed out after {TIMEOUT:?}: {what}"),
    }
}

/// A temporary directory standing in for `XDG_RUNTIME_DIR`.
fn runtime_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("deskbreak-wayland-")
        .tempdir()
        .expect("cannot create a temporary directory")
}

async fn probe(compositor: &WaylandCompositor, threshold: Duration) -> wayland::Backend {
    within(
        "probe",
        wayland::probe_socket(compositor.socket_path(), threshold),
    )
    .await
    .unwrap_or_else(|reason| panic!("probe failed: {reason}"))
}

/// Compile-time check: the daemon runs the backend with `tokio::spawn`.
fn assert_send<T: Send>(value: T) -> T {
    value
}

#[tokio::test]
async fn v2_uses_the_input_only_notification_and_reports_idle_then_active() {
    let dir = runtime_dir();
    let compositor = WaylandCompositor::start(dir.path());
    let backend = probe(&compositor, Duration::from_secs(3)).await;
    let (events, mut reports) = mpsc::channel(8);
    let run = tokio::spawn(assert_send(backend.run(events)));

    let requested = compositor.wait_for_notifications(1, TIMEOUT).await;
    assert_eq!(
        requested,
        vec![Requested {
            timeout_ms: 3000,
            input_only: true,
        }]
    );

    assert_eq!(compositor.idle_all(), 1);
    assert_eq!(
        within("the idle report", reports.recv()).await,
        Some(Presence::Idle {
            idle_for: Duration::from_secs(3),
        })
    );
    assert_eq!(compositor.resume_all(), 1);
    assert_eq!(
        within("the active report", reports.recv()).await,
        Some(Presence::Active)
    );

    // A second cycle works the same: the notification is re-armed by the compositor.
    compositor.idle_all();
    assert!(matches!(
        within("the second idle report", reports.recv()).await,
        Some(Presence::Idle { .. })
    ));

    drop(reports);
    within("run() after the receiver is dropped", run)
        .await
        .expect("run() panicked");
}

#[tokio::test]
async fn v1_uses_the_plain_notification_and_keeps_events_sent_before_run() {
    let dir = runtime_dir();
    let compositor = WaylandCompositor::start_with_version(dir.path(), 1);
    let backend = probe(&compositor, Duration::from_millis(1500)).await;
    assert_eq!(
        compositor.notifications(),
        vec![Requested {
            timeout_ms: 1500,
            input_only: false,
        }],
        "probe returns once the compositor has the notification"
    );

    // Sent between probe() and run(): must be queued, not lost.
    assert_eq!(compositor.idle_all(), 1);
    let (events, mut reports) = mpsc::channel(8);
    let run = tokio::spawn(backend.run(events));
    assert_eq!(
        within("the idle report", reports.recv()).await,
        Some(Presence::Idle {
            idle_for: Duration::from_millis(1500),
        })
    );
    compositor.resume_all();
    assert_eq!(
        within("the active report", reports.recv()).await,
        Some(Presence::Active)
    );
    drop(reports);
    within("run() after the receiver is dropped", run)
        .await
        .expect("run() panicked");
}

#[tokio::test]
async fn thresholds_beyond_u32_milliseconds_are_clamped() {
    let dir = runtime_dir();
    let compositor = WaylandCompositor::start(dir.path());
    let _backend = probe(&compositor, Duration::from_secs(100 * 24 * 3600)).await;
    assert_eq!(compositor.notifications()[0].timeout_ms, u32::MAX);
}

#[tokio::test]
async fn a_compositor_without_ext_idle_notify_is_rejected_with_a_reason() {
    let dir = runtime_dir();
    let compositor = WaylandCompositor::start_without_idle_notify(dir.path());
    let reason = within(
        "probe",
        wayland::probe_socket(compositor.socket_path(), Duration::from_secs(3)),
    )
    .await
    .expect_err("probe must fail without ext_idle_notifier_v1")
    .to_string();
    assert!(
        reason.contains("ext-idle-notify-v1"),
        "the reason should name the protocol: {reason}"
    );
    assert!(compositor.notifications().is_empty());
}

#[tokio::test]
async fn no_compositor_at_the_path_is_rejected_with_a_reason() {
    let dir = runtime_dir();
    let path = dir.path().join("wayland-nobody");
    let reason = within(
        "probe",
        wayland::probe_socket(&path, Duration::from_secs(3)),
    )
    .await
    .expect_err("probe must fail without a compositor")
    .to_string();
    assert!(
        reason.contains("cannot connect") && reason.contains("wayland-nobody"),
        "the reason should say where it tried: {reason}"
    );
}

#[tokio::test]
async fn run_returns_when_the_receiver_is_dropped_and_releases_the_notification() {
    let dir = runtime_dir();
    let compositor = WaylandCompositor::start(dir.path());
    let backend = probe(&compositor, Duration::from_secs(3)).await;
    compositor.wait_for_live(1, TIMEOUT).await;
    let (events, reports) = mpsc::channel(8);
    let run = tokio::spawn(backend.run(events));
    // Let run() reach its wait on the socket before the receiver goes.
    tokio::task::yield_now().await;
    drop(reports);
    within("run() after the receiver is dropped", run)
        .await
        .expect("run() panicked");
    // The backend is gone, so is its connection: the compositor forgets the notification.
    compositor.wait_for_live(0, TIMEOUT).await;
}

#[tokio::test]
async fn a_compositor_that_goes_away_is_lost_and_followed_when_it_comes_back() {
    let dir = runtime_dir();
    let compositor = WaylandCompositor::start(dir.path());
    let backend = probe(&compositor, Duration::from_secs(3)).await;
    let (events, mut reports) = mpsc::channel(8);
    let run = tokio::spawn(backend.run(events));
    tokio::task::yield_now().await;
    drop(compositor);
    assert_eq!(
        within("Lost after the compositor went away", reports.recv()).await,
        Some(Presence::Lost)
    );
    // The compositor restarts on the same socket: the backend reconnects by itself and
    // registers a new notification, which works as the first one did.
    let compositor = WaylandCompositor::start(dir.path());
    assert_eq!(
        within("Back once the compositor is there again", reports.recv()).await,
        Some(Presence::Back)
    );
    compositor.wait_for_live(1, TIMEOUT).await;
    assert_eq!(compositor.idle_all(), 1);
    assert_eq!(
        within("idle from the new connection", reports.recv()).await,
        Some(Presence::Idle {
            idle_for: Duration::from_secs(3)
        })
    );
    drop(reports);
    within("run() after the receiver is dropped", run)
        .await
        .expect("run() panicked");
}

#[tokio::test]
async fn a_protocol_error_is_lost_then_back_on_a_new_connection() {
    let dir = runtime_dir();
    let compositor = WaylandCompositor::start(dir.path());
    let backend = probe(&compositor, Duration::from_secs(3)).await;
    let (events, mut reports) = mpsc::channel(8);
    let run = tokio::spawn(backend.run(events));
    assert_eq!(compositor.fail_all(), 1);
    assert_eq!(
        within("Lost after a protocol error", reports.recv()).await,
        Some(Presence::Lost)
    );
    assert_eq!(
        within("Back on a new connection", reports.recv()).await,
        Some(Presence::Back)
    );
    compositor.wait_for_live(1, TIMEOUT).await;
    assert_eq!(compositor.notifications().len(), 2, "a second notification");
    drop(reports);
    within("run() after the receiver is dropped", run)
        .await
        .expect("run() panicked");
}

const DAEMON_CONFIG: &str =
    "[breaks]\ninterval = \"1h\"\n[activity]\nbackend = \"wayland\"\nnatural_break = \"2s\"\n";

#[tokio::test]
async fn daemon_records_a_natural_break_from_wayland_idle_notifications() {
    let env = TestEnv::new();
    env.write_config(DAEMON_CONFIG);
    // command() sets XDG_RUNTIME_DIR to env.runtime_dir(), so the socket goes there.
    let compositor = WaylandCompositor::start(&env.runtime_dir());
    let mut cmd = command(&env, None);
    cmd.env("WAYLAND_DISPLAY", compositor.socket_name())
        .env("XDG_RUNTIME_DIR", env.runtime_dir())
        .arg("run");
    let daemon = Daemon::spawn_command(cmd);

    daemon
        .wait_for_stderr("idle backend: wayland", TIMEOUT)
        .await;
    // threshold = min(natural_break, 60 s) = 2 s.
    assert_eq!(
        compositor.wait_for_notifications(1, TIMEOUT).await,
        vec![Requested {
            timeout_ms: 2000,
            input_only: true,
        }]
    );

    assert_eq!(compositor.idle_all(), 1);
    // idle_for = 2 s = natural_break: the absence is already a natural break.
    within("a natural break in the history", async {
        loop {
            if env
                .history_lines()
                .iter()
                .any(|line| line["outcome"] == "natural")
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;

    assert_eq!(compositor.resume_all(), 1);
    daemon.wait_for_stderr("user active", TIMEOUT).await;

    let status = daemon.terminate().await;
    assert!(status.success(), "daemon exited with {status}");
}

/// `deskbreak status --json`'s `idle_backend`, from the daemon on `bus` (or why not).
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
    within(&format!("idle_backend {want}"), async {
        while idle_backend(env, bus).await != want {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await;
}

#[tokio::test]
async fn the_daemon_follows_a_compositor_that_goes_away_and_comes_back() {
    let env = TestEnv::new();
    env.write_config(DAEMON_CONFIG);
    let bus = PrivateBus::start();
    let compositor = WaylandCompositor::start(&env.runtime_dir());
    let mut cmd = command(&env, Some(bus.address()));
    cmd.env("WAYLAND_DISPLAY", compositor.socket_name())
        .env("XDG_RUNTIME_DIR", env.runtime_dir())
        .arg("run");
    let daemon = Daemon::spawn_command(cmd);
    daemon
        .wait_for_stderr("idle backend: wayland", TIMEOUT)
        .await;
    compositor.wait_for_live(1, TIMEOUT).await;
    wait_for_backend(&env, bus.address(), "wayland").await;

    // The compositor crashes: said once, with our prefix, and the status names no backend.
    drop(compositor);
    daemon
        .wait_for_stderr("wayland: lost the compositor connection", TIMEOUT)
        .await;
    wait_for_backend(&env, bus.address(), "none").await;

    // It comes back on the same socket: the daemon reconnects, re-arms, and says so.
    let compositor = WaylandCompositor::start(&env.runtime_dir());
    daemon
        .wait_for_stderr("wayland: the compositor is back", TIMEOUT)
        .await;
    compositor.wait_for_live(1, TIMEOUT).await;
    wait_for_backend(&env, bus.address(), "wayland").await;
    assert_eq!(compositor.idle_all(), 1);
    daemon.wait_for_stderr("user idle", TIMEOUT).await;

    let stderr = daemon.stderr();
    assert!(
        !stderr.contains("Io error"),
        "a library's unprefixed error reached stderr:\n{stderr}"
    );
    assert!(daemon.terminate().await.success());
}
