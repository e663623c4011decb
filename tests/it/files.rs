//! State and history across restarts, damaged files, and file permissions.

use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv};
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::{TIMEOUT, with_timeout};

fn state(env: &TestEnv) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(env.state_path()).unwrap()).unwrap()
}

#[tokio::test]
async fn sitting_time_and_picker_memory_survive_a_restart() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config("[breaks]\ninterval = \"4s\"\nrenotify = \"0s\"\n");
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;

        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        let first = server.wait_for_notify(1, TIMEOUT).await;
        server.click(first.id, "done").await;
        server.wait_for_close_by_client(first.id, TIMEOUT).await;
        tokio::time::sleep(Duration::from_secs(2)).await;
        assert!(daemon.terminate().await.success());

        let saved = state(&env);
        let sitting = saved["engine"]["sitting_secs"].as_u64().unwrap();
        assert!(
            (1..4).contains(&sitting),
            "about 2 s sat since done: {saved}"
        );
        let recent = saved["engine"]["picker"]["recent"]
            .as_array()
            .unwrap()
            .clone();
        assert_eq!(recent.len(), 1);

        // Restarted: the break comes after the remaining ~2 s, not a fresh 4 s, and it
        // suggests a different exercise.
        let started = std::time::Instant::now();
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        let second = server.wait_for_notify(2, TIMEOUT).await;
        assert!(
            started.elapsed() < Duration::from_millis(3900),
            "sitting time carried over ({:?})",
            started.elapsed()
        );
        assert_ne!(
            second.summary, first.summary,
            "picker remembered its last pick"
        );
        assert!(daemon.terminate().await.success());
        let recent = state(&env)["engine"]["picker"]["recent"]
            .as_array()
            .unwrap()
            .len();
        assert_eq!(recent, 2);
    })
    .await;
}

#[tokio::test]
async fn a_damaged_state_file_is_kept_aside_with_a_warning() {
    with_timeout(async {
        let env = TestEnv::new();
        let dir = env.state_path().parent().unwrap().to_owned();
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(env.state_path(), b"{\"version\":1,\"saved_at\":").unwrap();
        let daemon = Daemon::spawn(&env, None, &[]);
        let warning = daemon.wait_for_stderr("was damaged", TIMEOUT).await;
        assert!(warning.contains("it is kept as"), "{warning}");
        assert!(daemon.terminate().await.success());
        let kept: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("state.json.damaged-"))
            .collect();
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert_eq!(
            std::fs::read(dir.join(&kept[0])).unwrap(),
            b"{\"version\":1,\"saved_at\":"
        );
        // A fresh, valid state was written on shutdown.
        assert_eq!(state(&env)["version"], 1);
    })
    .await;
}

#[tokio::test]
async fn damaged_history_lines_are_kept_aside_and_the_good_ones_stay() {
    with_timeout(async {
        let env = TestEnv::new();
        let dir = env.history_path().parent().unwrap().to_owned();
        std::fs::create_dir_all(&dir).unwrap();
        let good = r#"{"at":"2026-11-20T10:00:00+00:00","outcome":"done","exercise":"chin-tucks","sat_for_secs":2700}"#;
        let original = format!("{good}\nnot json at all\n{{\"at\":");
        std::fs::write(env.history_path(), &original).unwrap();
        let daemon = Daemon::spawn(&env, None, &[]);
        daemon.wait_for_stderr("damaged line(s)", TIMEOUT).await;
        assert!(daemon.terminate().await.success());
        assert_eq!(
            std::fs::read_to_string(env.history_path()).unwrap(),
            format!("{good}\n")
        );
        let kept: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains("history.jsonl.damaged-"))
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), original);
    })
    .await;
}

#[tokio::test]
async fn files_are_private() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config("[breaks]\ninterval = \"1s\"\n");
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        let shown = server.wait_for_notify(1, TIMEOUT).await;
        server.click(shown.id, "skip").await;
        server.wait_for_close_by_client(shown.id, TIMEOUT).await;
        assert!(daemon.terminate().await.success());
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&env.history_path()), 0o600);
        assert_eq!(mode(&env.state_path()), 0o600);
        assert_eq!(mode(env.state_path().parent().unwrap()), 0o700);
    })
    .await;
}

#[tokio::test]
async fn sigint_also_shuts_down_cleanly_with_state_saved() {
    with_timeout(async {
        let env = TestEnv::new();
        let mut daemon = Daemon::spawn(&env, None, &[]);
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;
        daemon.signal(rustix::process::Signal::INT);
        let status = daemon.wait_exit(TIMEOUT).await;
        assert!(status.success());
        assert!(daemon.stderr().contains("state saved"));
        assert_eq!(state(&env)["version"], 1);
    })
    .await;
}

#[tokio::test]
async fn stray_signals_neither_kill_the_daemon_nor_lose_its_state() {
    with_timeout(async {
        let env = TestEnv::new();
        let mut daemon = Daemon::spawn(&env, None, &[]);
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;
        use rustix::process::Signal;
        for (signal, name) in [
            (Signal::USR1, "SIGUSR1"),
            (Signal::USR2, "SIGUSR2"),
            (Signal::ALARM, "SIGALRM"),
        ] {
            daemon.signal(signal);
            daemon
                .wait_for_stderr(&format!("{name} ignored"), TIMEOUT)
                .await;
        }
        daemon.signal(Signal::TERM);
        let status = daemon.wait_exit(TIMEOUT).await;
        assert!(status.success(), "{status:?}");
        assert!(daemon.stderr().contains("state saved"));
        assert_eq!(state(&env)["version"], 1);
    })
    .await;
}
