//! Commands that need no daemon: config, stats, exercises; and `run` with a bad config.

use crate::common::TIMEOUT;
use crate::common::daemon::{Daemon, TestEnv, run_cli, text};

#[tokio::test]
async fn config_path_init_and_check() {
    let env = TestEnv::new();
    let path = run_cli(&env, None, &["config", "path"]).await;
    assert!(path.status.success());
    assert_eq!(
        text(&path.stdout).trim(),
        env.config_path().display().to_string()
    );

    let check = run_cli(&env, None, &["config", "check"]).await;
    assert!(check.status.success());
    assert!(text(&check.stdout).contains("built-in defaults"));

    let init = run_cli(&env, None, &["config", "init"]).await;
    assert!(init.status.success(), "{}", text(&init.stderr));
    let written = std::fs::read_to_string(env.config_path()).unwrap();
    assert!(written.contains("interval = \"45m\""));
    assert!(written.contains("# Sitting time before a break is due."));

    let again = run_cli(&env, None, &["config", "init"]).await;
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("already exists; not overwriting"));
    assert_eq!(std::fs::read_to_string(env.config_path()).unwrap(), written);

    let check = run_cli(&env, None, &["config", "check"]).await;
    assert!(check.status.success());
    assert!(text(&check.stdout).ends_with(": ok\n"));
}

#[tokio::test]
async fn config_flag_overrides_the_path() {
    let env = TestEnv::new();
    let custom = env.home().join("elsewhere.toml");
    std::fs::write(&custom, "[breaks]\nmax_snoozes = 50\n").unwrap();
    let custom = custom.display().to_string();
    let check = run_cli(&env, None, &["--config", &custom, "config", "check"]).await;
    assert_eq!(check.status.code(), Some(1));
    let err = text(&check.stderr);
    assert!(
        err.contains(&format!(
            "{custom}:2:15: breaks.max_snoozes: 50 is out of range"
        )),
        "{err}"
    );
}

#[tokio::test]
async fn run_refuses_a_broken_config_naming_file_line_key_and_expectation() {
    let env = TestEnv::new();
    env.write_config("[breaks]\ninterval = \"45m\"\nsnooze = \"soon\"\n");
    let mut daemon = Daemon::spawn(&env, None, &[]);
    let status = daemon.wait_exit(TIMEOUT).await;
    assert_eq!(status.code(), Some(1));
    let err = daemon.stderr();
    let path = env.config_path().display().to_string();
    assert!(
        err.contains(&format!(
            "{path}:3:10: breaks.snooze: invalid duration \"soon\""
        )),
        "{err}"
    );
    assert!(err.contains("expected a duration such as \"45m\""), "{err}");
}

#[tokio::test]
async fn exercises_lists_the_library() {
    let env = TestEnv::new();
    let out = run_cli(&env, None, &["exercises"]).await;
    assert!(out.status.success());
    let listing = text(&out.stdout);
    for id in [
        "shoulder-rolls",
        "scapula-squeeze",
        "seated-thoracic-extension",
    ] {
        assert!(listing.contains(id), "{listing}");
    }
    assert!(listing.contains("seated, upper back"), "{listing}");
}

#[tokio::test]
async fn stats_charts_the_last_seven_days_and_skips_damaged_lines() {
    let env = TestEnv::new();
    let now = chrono::Local::now();
    let line = |days_ago: i64, outcome: &str, exercise: &str, mins: u64| {
        let at = (now - chrono::Duration::days(days_ago)).to_rfc3339();
        format!(
            "{{\"at\":\"{at}\",\"outcome\":\"{outcome}\",\"exercise\":\"{exercise}\",\"sat_for_secs\":{}}}\n",
            mins * 60
        )
    };
    let history = [
        line(30, "done", "chin-tucks", 45),
        line(2, "done", "chin-tucks", 45),
        line(1, "snoozed", "wall-angels", 45),
        line(1, "done", "wall-angels", 55),
        "{\"at\": broken\n".to_owned(),
        line(0, "skipped", "chin-tucks", 50),
    ]
    .concat();
    std::fs::create_dir_all(env.history_path().parent().unwrap()).unwrap();
    std::fs::write(env.history_path(), history).unwrap();
    let out = run_cli(&env, None, &["stats"]).await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(report.starts_with("Last 7 days · "), "{report}");
    assert!(!report.contains('\x1b'), "no colour into a pipe: {report}");
    assert!(
        report.contains("today 0 % (0 of 1) · last 7 days 67 % (2 of 3)"),
        "{report}"
    );
    assert!(
        report.contains("Most done     Chin tucks (1×), Wall angels (1×)"),
        "{report}"
    );
    assert!(
        text(&out.stderr).contains("skipped one damaged line in "),
        "{}",
        text(&out.stderr)
    );
}

#[tokio::test]
async fn stats_on_a_fresh_machine() {
    let env = TestEnv::new();
    let out = run_cli(&env, None, &["stats", "--days", "3"]).await;
    assert!(out.status.success());
    assert!(text(&out.stdout).starts_with("Last 3 days"));
    assert!(text(&out.stdout).contains("No breaks and no sitting time recorded"));
    let out = run_cli(&env, None, &["stats", "--days", "1"]).await;
    assert!(
        text(&out.stdout).starts_with("Last day · "),
        "{}",
        text(&out.stdout)
    );
}

#[tokio::test]
async fn stats_refuses_a_period_it_cannot_cover() {
    let env = TestEnv::new();
    let out = run_cli(&env, None, &["stats", "--days", "3651"]).await;
    assert_eq!(out.status.code(), Some(2));
    let out = run_cli(&env, None, &["stats", "--since", "2999-01-01"]).await;
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("2999-01-01 is in the future"),
        "{}",
        text(&out.stderr)
    );
    let out = run_cli(&env, None, &["stats", "--since", "1.1.2026"]).await;
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("YYYY-MM-DD"),
        "{}",
        text(&out.stderr)
    );
}

#[tokio::test]
async fn bad_usage_exits_2() {
    let env = TestEnv::new();
    let out = run_cli(&env, None, &["stats", "--days", "0"]).await;
    assert_eq!(out.status.code(), Some(2));
    let out = run_cli(&env, None, &["frobnicate"]).await;
    assert_eq!(out.status.code(), Some(2));
}

#[tokio::test]
async fn an_unwritable_state_folder_is_reported_once_and_reminders_keep_coming() {
    let env = TestEnv::new();
    env.write_config("[breaks]\ninterval = \"1s\"\nrenotify = \"1s\"\n");
    // A regular file where the state folder should go: unwritable even for root.
    let blocker = env.home().join("not-a-folder");
    std::fs::write(&blocker, b"").unwrap();
    let mut cmd = crate::common::daemon::command(&env, None);
    cmd.arg("run").env("XDG_STATE_HOME", &blocker);
    let daemon = Daemon::spawn_command(cmd);
    daemon
        .wait_for_stderr_count("*** Time for a break", 3, TIMEOUT)
        .await;
    assert_eq!(
        daemon.stderr_count("cannot write to the state folder"),
        1,
        "{}",
        daemon.stderr()
    );
    assert!(daemon.terminate().await.success());
}
