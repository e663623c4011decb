//! The X11 idle backend against a real X server (Xvfb) with real input (xdotool).
//! Both programs must be installed (Debian packages `xvfb` and `xdotool`); without
//! them these tests fail and say so.

use std::time::{Duration, Instant};

use tokio::sync::mpsc;
use tokio::time::timeout;

use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv, command, run_cli};
use crate::common::xvfb::{Xvfb, unused_display};
use crate::common::{TEST_LIMIT, TIMEOUT};
use deskbreak::sources::activity::x11;
use deskbreak::sources::activity::{Events, Presence};

/// The idle threshold used by the backend-level tests.
const THRESHOLD: Duration = Duration::from_secs(2);
/// How soon after xdotool returns `Active` must arrive. Well under the 2 s idle
/// polling period, so this also checks that XInput2 raw events are in use.
const ACTIVE_WITHIN: Duration = Duration::from_secs(1);
/// How soon `run` must return once asked to stop. Below the backend's own 5 s grace
/// for its X thread, so returning in time means the thread really ended.
const STOP_WITHIN: Duration = Duration::from_secs(3);

/// Probes `xvfb`'s display and runs the backend on its own task.
async fn start(
    xvfb: &Xvfb,
    threshold: Duration,
) -> (mpsc::Receiver<Presence>, tokio::task::JoinHandle<()>) {
    let backend = x11::probe_display(xvfb.display(), threshold)
        .await
        .unwrap_or_else(|e| panic!("probe of {} failed: {e}", xvfb.display()));
    let (sender, receiver): (Events, _) = mpsc::channel(8);
    (receiver, tokio::spawn(backend.run(sender)))
}

/// The next report, within `within`.
async fn next(rx: &mut mpsc::Receiver<Presence>, within: Duration, what: &str) -> Presence {
    match timeout(within, rx.recv()).await {
        Ok(Some(presence)) => presence,
        Ok(None) => panic!("the backend stopped while waiting for {what}"),
        Err(_) => panic!("no report within {within:?} while waiting for {what}"),
    }
}

/// Waits for the next report, which must be `Idle` of at least [`THRESHOLD`]; returns
/// its `idle_for`.
async fn expect_idle(rx: &mut mpsc::Receiver<Presence>) -> Duration {
    match next(rx, THRESHOLD + Duration::from_secs(5), "Idle").await {
        Presence::Idle { idle_for } => {
            assert!(
                idle_for >= THRESHOLD,
                "Idle reported after {idle_for:?}, before the {THRESHOLD:?} threshold"
            );
            idle_for
        }
        other => panic!("expected Idle, got {other:?}"),
    }
}

/// Waits for the next report, which must be `Active` within [`ACTIVE_WITHIN`].
async fn expect_active(rx: &mut mpsc::Receiver<Presence>, after: &str) {
    let asked = Instant::now();
    let presence = next(rx, ACTIVE_WITHIN, &format!("Active after {after}")).await;
    assert_eq!(presence, Presence::Active, "after {after}");
    eprintln!("Active {:?} after {after}", asked.elapsed());
}

/// Waits for `run` to return after its receiver was dropped (or the server died).
async fn expect_return(task: tokio::task::JoinHandle<()>, why: &str) {
    let asked = Instant::now();
    match timeout(STOP_WITHIN, task).await {
        Ok(Ok(())) => eprintln!("run() returned {:?} after {why}", asked.elapsed()),
        Ok(Err(e)) => panic!("run() panicked or was cancelled: {e}"),
        Err(_) => panic!("run() did not return within {STOP_WITHIN:?} after {why}"),
    }
}

#[tokio::test]
async fn idle_and_active_follow_real_input() {
    timeout(TEST_LIMIT, async {
        let xvfb = Xvfb::start();
        let (mut rx, task) = start(&xvfb, THRESHOLD).await;

        // No input at all since the server started: idle after the threshold.
        expect_idle(&mut rx).await;

        xvfb.xdotool(&["mousemove", "10", "10"]).await;
        expect_active(&mut rx, "a mouse move").await;
        // More input while already active is not reported again: the next report is
        // the next Idle, a full threshold after this last move.
        xvfb.xdotool(&["mousemove", "200", "150"]).await;
        let last_input = Instant::now();
        expect_idle(&mut rx).await;
        assert!(
            last_input.elapsed() >= THRESHOLD - Duration::from_millis(100),
            "Idle came {:?} after the last input, threshold {THRESHOLD:?}",
            last_input.elapsed()
        );

        // Relative motion goes through XTEST like a real mouse does (raw events); the
        // absolute moves above are pointer warps.
        xvfb.xdotool(&["mousemove_relative", "5", "5"]).await;
        expect_active(&mut rx, "a relative mouse move").await;
        expect_idle(&mut rx).await;

        xvfb.xdotool(&["key", "shift"]).await;
        expect_active(&mut rx, "a key press").await;
        expect_idle(&mut rx).await;

        xvfb.xdotool(&["click", "1"]).await;
        expect_active(&mut rx, "a button click").await;

        drop(rx);
        expect_return(task, "the receiver was dropped").await;
    })
    .await
    .expect("test timed out");
}

#[tokio::test]
async fn with_the_sync_extension_an_idletime_alarm_is_used() {
    timeout(TEST_LIMIT, async {
        let xvfb = Xvfb::start();
        let backend = x11::probe_display(xvfb.display(), THRESHOLD)
            .await
            .unwrap_or_else(|e| panic!("probe of {} failed: {e}", xvfb.display()));
        assert!(
            format!("{backend:?}").contains("idle_alarm: Some"),
            "Xvfb has SYNC's IDLETIME counter (the timer without it is tested in the \
             backend's unit tests): {backend:?}"
        );
    })
    .await
    .expect("test timed out");
}

#[tokio::test]
async fn probe_fails_on_a_display_that_does_not_exist() {
    timeout(TEST_LIMIT, async {
        let display = unused_display();
        let err = x11::probe_display(&display, THRESHOLD)
            .await
            .expect_err("probing a display without a server must fail")
            .to_string();
        assert!(
            err.contains(&display),
            "the reason should name the display {display}: {err}"
        );
    })
    .await
    .expect("test timed out");
}

#[tokio::test]
async fn probe_fails_without_the_screen_saver_extension() {
    timeout(TEST_LIMIT, async {
        let xvfb = Xvfb::start_with(&["-extension", "MIT-SCREEN-SAVER"]);
        let err = x11::probe_display(xvfb.display(), THRESHOLD)
            .await
            .expect_err("probing a server without MIT-SCREEN-SAVER must fail")
            .to_string();
        assert!(
            err.contains("MIT-SCREEN-SAVER") && err.contains(xvfb.display()),
            "the reason should name the extension and the display: {err}"
        );
    })
    .await
    .expect("test timed out");
}

#[tokio::test]
async fn run_returns_when_the_receiver_is_dropped_while_active() {
    timeout(TEST_LIMIT, async {
        let xvfb = Xvfb::start();
        // The X thread now sleeps for about an hour, waiting for the threshold.
        let (rx, task) = start(&xvfb, Duration::from_secs(3600)).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        drop(rx);
        expect_return(task, "the receiver was dropped while active").await;
    })
    .await
    .expect("test timed out");
}

#[tokio::test]
async fn run_returns_when_the_receiver_is_dropped_while_idle() {
    timeout(TEST_LIMIT, async {
        let xvfb = Xvfb::start();
        let (mut rx, task) = start(&xvfb, THRESHOLD).await;
        // The X thread now blocks waiting for an input event that will never come.
        expect_idle(&mut rx).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        drop(rx);
        expect_return(task, "the receiver was dropped while idle").await;
    })
    .await
    .expect("test timed out");
}

#[tokio::test]
async fn an_x_server_that_goes_away_is_lost_and_followed_when_it_comes_back() {
    timeout(TEST_LIMIT, async {
        let mut xvfb = Xvfb::start();
        let display = xvfb.display().to_owned();
        let (mut rx, task) = start(&xvfb, THRESHOLD).await;
        expect_idle(&mut rx).await;
        xvfb.stop();
        assert_eq!(
            next(&mut rx, Duration::from_secs(10), "Lost").await,
            Presence::Lost
        );
        // The same display again: the backend reconnects by itself, with backoff.
        let xvfb = Xvfb::start_on(&display);
        assert_eq!(
            next(&mut rx, Duration::from_secs(10), "Back").await,
            Presence::Back
        );
        // And watches the new server as it did the first one.
        expect_idle(&mut rx).await;
        xvfb.xdotool(&["key", "shift"]).await;
        expect_active(&mut rx, "a key on the new server").await;
        drop(rx);
        expect_return(task, "the receiver was dropped").await;
    })
    .await
    .expect("test timed out");
}

#[tokio::test]
async fn daemon_takes_a_natural_break_on_x11_idle() {
    timeout(TEST_LIMIT, async {
        let xvfb = Xvfb::start();
        let env = TestEnv::new();
        env.write_config(
            "[breaks]\ninterval = \"1h\"\n[activity]\nbackend = \"x11\"\nnatural_break = \"3s\"\n",
        );
        let mut cmd = command(&env, None);
        cmd.env("DISPLAY", xvfb.display()).arg("run");
        let daemon = Daemon::spawn_command(cmd);
        daemon.wait_for_stderr("idle backend: x11", TIMEOUT).await;

        let deadline = Instant::now() + TIMEOUT;
        loop {
            let lines = env.history_lines();
            if lines.iter().any(|l| l["outcome"] == "natural") {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "no natural break in the history within {TIMEOUT:?}: {lines:?}\ndaemon stderr:\n{}",
                daemon.stderr()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }

        xvfb.xdotool(&["mousemove", "10", "10"]).await;
        daemon.wait_for_stderr("user active", TIMEOUT).await;
        assert!(daemon.terminate().await.success());
    })
    .await
    .expect("test timed out");
}

/// `deskbreak status --json` against the daemon on `bus`, parsed.
async fn status(env: &TestEnv, bus: &str) -> serde_json::Value {
    let out = run_cli(env, Some(bus), &["status", "--json"]).await;
    assert!(
        out.status.success(),
        "status failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("status --json prints JSON")
}

#[tokio::test]
async fn a_frozen_x_server_neither_keeps_the_daemon_from_its_name_nor_from_sigterm() {
    timeout(TEST_LIMIT, async {
        let xvfb = Xvfb::start();
        let bus = PrivateBus::start();
        let env = TestEnv::new();
        // SIGSTOP: the server's socket accepts the connection, then nothing answers.
        xvfb.freeze();
        let mut cmd = command(&env, Some(bus.address()));
        cmd.env("DISPLAY", xvfb.display()).arg("run");
        let mut daemon = Daemon::spawn_command(cmd);
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;
        let line = daemon.wait_for_stderr("idle backend: none", TIMEOUT).await;
        assert!(line.contains("did not answer"), "{line}");
        // The name is owned and the daemon answers, without a backend that does not work.
        let status = status(&env, bus.address()).await;
        assert_eq!(status["idle_backend"], "none", "{status}");

        daemon.signal(rustix::process::Signal::TERM);
        let exit = daemon.wait_exit(Duration::from_secs(5)).await;
        assert!(exit.success(), "{exit}\n{}", daemon.stderr());
        xvfb.thaw();
    })
    .await
    .expect("test timed out");
}

#[tokio::test]
async fn a_reload_that_restarts_x11_on_a_frozen_server_does_not_block_the_loop() {
    timeout(TEST_LIMIT, async {
        let xvfb = Xvfb::start();
        let bus = PrivateBus::start();
        let env = TestEnv::new();
        env.write_config(
            "[breaks]\ninterval = \"1h\"\n[activity]\nbackend = \"x11\"\nnatural_break = \"3s\"\n",
        );
        let mut cmd = command(&env, Some(bus.address()));
        cmd.env("DISPLAY", xvfb.display()).arg("run");
        let daemon = Daemon::spawn_command(cmd);
        daemon.wait_for_stderr("idle backend: x11", TIMEOUT).await;
        // The name is owned right after that line.
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;
        assert_eq!(status(&env, bus.address()).await["idle_backend"], "x11");

        xvfb.freeze();
        // A new natural_break restarts the backend, whose probe cannot finish now.
        env.write_config(
            "[breaks]\ninterval = \"1h\"\n[activity]\nbackend = \"x11\"\nnatural_break = \"4s\"\n",
        );
        daemon.wait_for_stderr("config reloaded", TIMEOUT).await;
        let asked = Instant::now();
        let out = run_cli(&env, Some(bus.address()), &["now"]).await;
        assert!(
            out.status.success(),
            "`now` failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            daemon.stderr()
        );
        assert!(
            asked.elapsed() < Duration::from_secs(3),
            "`now` waited {:?} for the loop",
            asked.elapsed()
        );
        // Meanwhile the status names no backend, and the probe gives up in bounded time.
        assert_eq!(status(&env, bus.address()).await["idle_backend"], "none");
        let line = daemon.wait_for_stderr("idle backend: none", TIMEOUT).await;
        assert!(line.contains("did not answer"), "{line}");
        xvfb.thaw();
        assert!(daemon.terminate().await.success());
    })
    .await
    .expect("test timed out");
}
