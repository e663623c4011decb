//! The `org.freedesktop.ScreenSaver` backend against a stand-in on a private session bus.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::time::Duration;

use crate::common::TIMEOUT;
use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv};
use zbus::interface;

/// Answers `GetSessionIdleTime` with whatever the test set, counting the calls.
struct ScreenSaver {
    idle_ms: Arc<AtomicU32>,
    calls: Arc<AtomicUsize>,
}

#[interface(name = "org.freedesktop.ScreenSaver")]
impl ScreenSaver {
    async fn get_session_idle_time(&self) -> u32 {
        self.calls.fetch_add(1, Ordering::SeqCst);
        self.idle_ms.load(Ordering::SeqCst)
    }
}

#[tokio::test]
async fn polls_only_when_idle_could_matter_and_notices_away_and_back() {
    tokio::time::timeout(Duration::from_secs(60), async {
        let env = TestEnv::new();
        env.write_config(
            "[breaks]\ninterval = \"1h\"\n[activity]\nbackend = \"screensaver\"\nnatural_break = \"3s\"\n",
        );
        let bus = PrivateBus::start();
        let idle_ms = Arc::new(AtomicU32::new(0));
        let calls = Arc::new(AtomicUsize::new(0));
        let _peer = zbus::connection::Builder::address(bus.address())
            .serve_at(
                "/org/freedesktop/ScreenSaver",
                ScreenSaver {
                    idle_ms: Arc::clone(&idle_ms),
                    calls: Arc::clone(&calls),
                },
            )
            .name("org.freedesktop.ScreenSaver")
            .build()
            .await
            .expect("screen saver stand-in");
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        daemon
            .wait_for_stderr("idle backend: screensaver", TIMEOUT)
            .await;

        // Active user: with a 3 s threshold and 0 ms idle, the backend sleeps 3 s between
        // questions, not one per second.
        let before = calls.load(Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(6500)).await;
        let asked = calls.load(Ordering::SeqCst) - before;
        assert!((1..=3).contains(&asked), "asked {asked} times in 6.5 s");

        // Away: idle past natural_break is a natural break.
        idle_ms.store(3500, Ordering::SeqCst);
        daemon.wait_for_stderr("user idle", TIMEOUT).await;
        let lines = env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "natural");

        // Back.
        idle_ms.store(100, Ordering::SeqCst);
        daemon.wait_for_stderr("user active", TIMEOUT).await;
        assert!(daemon.terminate().await.success());
    })
    .await
    .expect("test timed out");
}

/// The stand-in, serving on its own connection to the bus at `address`.
async fn serve(address: &str, idle_ms: &Arc<AtomicU32>) -> zbus::Connection {
    zbus::connection::Builder::address(address)
        .serve_at(
            "/org/freedesktop/ScreenSaver",
            ScreenSaver {
                idle_ms: Arc::clone(idle_ms),
                calls: Arc::new(AtomicUsize::new(0)),
            },
        )
        .name("org.freedesktop.ScreenSaver")
        .build()
        .await
        .expect("screen saver stand-in")
}

#[tokio::test]
async fn the_daemon_follows_the_screen_saver_when_it_goes_away_and_comes_back() {
    tokio::time::timeout(Duration::from_secs(60), async {
        let env = TestEnv::new();
        env.write_config(
            "[breaks]\ninterval = \"1h\"\n[activity]\nbackend = \"screensaver\"\nnatural_break = \"2s\"\n",
        );
        let bus = PrivateBus::start();
        let idle_ms = Arc::new(AtomicU32::new(0));
        let peer = serve(bus.address(), &idle_ms).await;
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        daemon
            .wait_for_stderr("idle backend: screensaver", TIMEOUT)
            .await;
        // Gone: noticed at the next question at the latest (2 s while active).
        peer.close().await.expect("close the stand-in");
        daemon
            .wait_for_stderr("screensaver: the service stopped answering", TIMEOUT)
            .await;
        // Back under a new owner: followed without a restart, and idle time counts again.
        let _peer = serve(bus.address(), &idle_ms).await;
        daemon
            .wait_for_stderr("screensaver: the service answers again", TIMEOUT)
            .await;
        idle_ms.store(5_000, Ordering::SeqCst);
        daemon.wait_for_stderr("user idle", TIMEOUT).await;
        assert!(daemon.terminate().await.success());
    })
    .await
    .expect("test timed out");
}
