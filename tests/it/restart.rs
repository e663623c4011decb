//! Crashes and restarts: sitting time survives a SIGKILL, and a state folder where only
//! one file cannot be written is reported honestly (issue 9, items 5 and 6).

use std::time::Duration;

use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv, run_cli};
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::{TIMEOUT, with_timeout};

/// The state file as an earlier run would have left it, saved `ago` before now.
fn write_state(env: &TestEnv, sitting_secs: u64, ago: Duration) {
    let saved_at = chrono::Local::now() - chrono::Duration::from_std(ago).unwrap();
    let state = serde_json::json!({
        "version": 1,
        "saved_at": saved_at.to_rfc3339(),
        "engine": { "sitting_secs": sitting_secs, "snoozes": 0, "picker": { "recent": [] } },
    });
    std::fs::create_dir_all(env.state_path().parent().unwrap()).unwrap();
    std::fs::write(env.state_path(), state.to_string()).unwrap();
}

fn saved_sitting(env: &TestEnv) -> u64 {
    let text = std::fs::read_to_string(env.state_path()).unwrap();
    let state: serde_json::Value = serde_json::from_str(&text).unwrap();
    state["engine"]["sitting_secs"].as_u64().unwrap()
}

#[tokio::test]
async fn a_sigkill_and_a_restart_keep_the_sitting_time() {
    with_timeout(async {
        let env = TestEnv::new();
        // A natural break of 10 s: the restart below comes 8 s + the first run's life after
        // the last save an earlier run made. Measured from that save, it would be a break;
        // measured from the first run's start-up save (its last-alive mark), it is not.
        env.write_config("[breaks]\ninterval = \"2h\"\n[activity]\nnatural_break = \"10s\"\n");
        write_state(&env, 1200, Duration::from_secs(8));

        let mut first = Daemon::spawn(&env, None, &[]);
        first.wait_for_stderr("deskbreak is running", TIMEOUT).await;
        tokio::time::sleep(Duration::from_secs(3)).await;
        first.signal(rustix::process::Signal::KILL);
        first.wait_exit(TIMEOUT).await;

        let second = Daemon::spawn(&env, None, &[]);
        second
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;
        assert!(second.terminate().await.success());
        let sitting = saved_sitting(&env);
        assert!(
            (1200 + 8 + 3..1200 + 8 + 3 + 10).contains(&sitting),
            "sitting time kept across the crash, with the gaps counted as sitting: {sitting} s"
        );
    })
    .await;
}

#[tokio::test]
async fn a_downtime_of_a_natural_break_restarts_the_sitting_time() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config("[breaks]\ninterval = \"2h\"\n[activity]\nnatural_break = \"10s\"\n");
        write_state(&env, 1200, Duration::from_secs(60));
        let daemon = Daemon::spawn(&env, None, &[]);
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;
        assert!(daemon.terminate().await.success());
        assert!(saved_sitting(&env) < 10, "{}", saved_sitting(&env));
    })
    .await;
}

#[tokio::test]
async fn only_the_state_file_unwritable_is_reported_once_and_never_as_fixed() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config("[breaks]\ninterval = \"1h\"\n");
        // A directory where state.json goes: the history can be written, the state not.
        std::fs::create_dir_all(env.state_path()).unwrap();
        let bus = PrivateBus::start();
        let _server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;
        for _ in 0..3 {
            for command in ["now", "done"] {
                let out = run_cli(&env, Some(bus.address()), &[command]).await;
                assert!(out.status.success(), "{command}: {out:?}");
            }
        }
        assert_eq!(env.history_lines().len(), 3, "the history is written");
        let log = daemon.stderr();
        assert_eq!(
            daemon.stderr_count("cannot write to the state folder"),
            1,
            "one report: {log}"
        );
        let report = daemon
            .wait_for_stderr("cannot write to the state folder", TIMEOUT)
            .await;
        assert!(report.contains("state.json"), "names the file: {report}");
        assert!(
            report.contains("the sitting time is not saved"),
            "says what is lost: {report}"
        );
        for fixed in ["writable again", "saved again"] {
            assert_eq!(daemon.stderr_count(fixed), 0, "nothing was fixed: {log}");
        }
        assert!(daemon.terminate().await.success());
    })
    .await;
}
