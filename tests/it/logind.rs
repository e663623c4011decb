//! Screen lock and suspend through a logind stand-in on a second private bus that plays
//! the system bus (`DBUS_SYSTEM_BUS_ADDRESS`).

use std::time::Duration;

use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv, command};
use crate::common::logind_peer::Logind;
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::{TIMEOUT, with_timeout};

struct Setup {
    env: TestEnv,
    session: PrivateBus,
    _system: PrivateBus,
    logind: Logind,
    server: NotifyServer,
    daemon: Daemon,
}

async fn setup(config: &str, locked: bool) -> Setup {
    let env = TestEnv::new();
    env.write_config(config);
    let session = PrivateBus::start();
    let system = PrivateBus::start();
    let logind = Logind::start(system.address(), locked).await;
    let server = NotifyServer::start(session.address(), ServerOptions::default()).await;
    let mut cmd = command(&env, Some(session.address()));
    cmd.arg("run")
        .env("DBUS_SYSTEM_BUS_ADDRESS", system.address());
    let daemon = Daemon::spawn_command(cmd);
    daemon
        .wait_for_stderr("watching screen lock and suspend through logind", TIMEOUT)
        .await;
    Setup {
        env,
        session,
        _system: system,
        logind,
        server,
        daemon,
    }
}

#[tokio::test]
async fn a_long_lock_is_a_natural_break_a_short_one_is_not() {
    with_timeout(async {
        let s = setup(
            "[breaks]\ninterval = \"1h\"\n[activity]\nnatural_break = \"2s\"\n",
            false,
        )
        .await;
        assert_eq!(
            s.logind.get_user_calls(),
            vec![rustix::process::getuid().as_raw()],
            "outside a session, the user's display session is used"
        );
        s.logind.set_locked(true).await;
        s.daemon.wait_for_stderr("Locked", TIMEOUT).await;
        s.logind.set_locked(false).await;
        s.daemon.wait_for_stderr("Unlocked", TIMEOUT).await;
        tokio::time::sleep(Duration::from_millis(2500)).await;
        assert!(
            s.env.history_lines().is_empty(),
            "a short lock is not a break"
        );

        s.logind.set_locked(true).await;
        let lines = s.env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "natural");
        s.logind.set_locked(false).await;
        assert!(s.daemon.terminate().await.success());
        drop(s.session);
    })
    .await;
}

#[tokio::test]
async fn sleeping_through_an_open_prompt_closes_it_and_waking_restarts_the_timer() {
    with_timeout(async {
        let s = setup(
            "[breaks]\ninterval = \"3s\"\nrenotify = \"0s\"\n[activity]\nnatural_break = \"2s\"\n",
            false,
        )
        .await;
        let shown = s.server.wait_for_notify(1, TIMEOUT).await;
        s.logind.prepare_for_sleep(true).await;
        s.daemon.wait_for_stderr("Sleeping", TIMEOUT).await;
        tokio::time::sleep(Duration::from_millis(2500)).await;
        s.logind.prepare_for_sleep(false).await;
        let woke = std::time::Instant::now();
        s.daemon.wait_for_stderr("Woke", TIMEOUT).await;
        s.server.wait_for_close_by_client(shown.id, TIMEOUT).await;
        let lines = s.env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "natural");
        assert_eq!(lines.len(), 1, "one natural break for one sleep");
        // No prompt for the sleep: the next comes a full interval after waking.
        s.server.wait_for_notify(2, TIMEOUT).await;
        assert!(
            woke.elapsed() >= Duration::from_millis(2800),
            "{:?}",
            woke.elapsed()
        );
        assert!(s.daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn a_session_locked_at_start_up_counts_as_away() {
    with_timeout(async {
        let s = setup(
            "[breaks]\ninterval = \"1h\"\n[activity]\nnatural_break = \"2s\"\n",
            true,
        )
        .await;
        let lines = s.env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "natural");
        assert!(s.daemon.terminate().await.success());
    })
    .await;
}
