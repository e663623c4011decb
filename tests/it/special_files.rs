//! Special files never hang deskbreak (issue 9, item 2): a FIFO at the config, history or
//! state path, a FIFO swapped in for the config while running, a device as the config, an
//! oversized config. And `config check` agrees with `run` about what is no config at all
//! (item 7): a symlink loop or a name too long is an error for both.

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv, command};
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::session::{Session, text};
use crate::common::{TIMEOUT, with_timeout};

/// Breaks only when asked for, and no idle backend to probe.
const QUIET: &str =
    "[breaks]\ninterval = \"1h\"\nrenotify = \"0s\"\n[activity]\nbackend = \"none\"\n";

/// A refusal is immediate; a hang is what is being tested against, so the bound is short.
const AT_ONCE: Duration = Duration::from_secs(5);

fn mkfifo(path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        path,
        rustix::fs::Mode::from_raw_mode(0o600),
    )
    .unwrap_or_else(|e| panic!("mkfifo {}: {e}", path.display()));
}

/// `deskbreak <args>` (without a bus), which must finish within [`AT_ONCE`].
async fn run_at_once(env: &TestEnv, args: &[&str]) -> Output {
    let mut cmd = command(env, None);
    cmd.args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let child = cmd.spawn().unwrap();
    let started = Instant::now();
    match tokio::time::timeout(AT_ONCE, child.wait_with_output()).await {
        Ok(out) => out.unwrap(),
        // kill_on_drop ends it.
        Err(_) => panic!(
            "deskbreak {args:?} still running after {:?}: it hangs",
            started.elapsed()
        ),
    }
}

/// Asserts `out` failed with exit 1 and said `needles` on stderr.
fn refused(out: &Output, needles: &[&str]) {
    let err = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout {:?}, stderr {err}",
        text(&out.stdout)
    );
    for needle in needles {
        assert!(err.contains(needle), "{needle:?} not in: {err}");
    }
}

#[tokio::test]
async fn a_fifo_as_the_config_is_refused_at_once_by_check_run_and_doctor() {
    let env = TestEnv::new();
    mkfifo(&env.config_path());
    let path = env.config_path().display().to_string();
    for args in [&["config", "check"][..], &["run"], &["doctor"]] {
        let out = run_at_once(&env, args).await;
        let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(1), "{args:?}: {said}");
        assert!(said.contains(&path), "{args:?}: {said}");
        assert!(said.contains("FIFO"), "{args:?}: {said}");
    }
}

#[tokio::test]
async fn a_device_or_an_oversized_file_as_the_config_is_refused() {
    let env = TestEnv::new();
    for args in [&["config", "check"][..], &["run"]] {
        let mut with = vec!["--config", "/dev/urandom"];
        with.extend_from_slice(args);
        let out = run_at_once(&env, &with).await;
        refused(
            &out,
            &["/dev/urandom", "a character device, not a regular file"],
        );
    }
    // Valid TOML, but no hand-written config is over 1 MiB.
    let mut big = String::from("[breaks]\ninterval = \"1h\"\n");
    while big.len() <= 1024 * 1024 {
        big.push_str("# a comment, over and over, as a runaway script might write it\n");
    }
    env.write_config(&big);
    let path = env.config_path().display().to_string();
    for args in [&["config", "check"][..], &["run"]] {
        let out = run_at_once(&env, args).await;
        refused(&out, &[&path, "larger than 1 MiB"]);
    }
}

#[tokio::test]
async fn check_and_run_agree_on_a_symlink_loop_and_a_name_too_long() {
    let env = TestEnv::new();
    let config = env.config_path();
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink("other.toml", &config).unwrap();
    std::os::unix::fs::symlink("config.toml", config.with_file_name("other.toml")).unwrap();
    let path = config.display().to_string();
    for args in [&["config", "check"][..], &["run"]] {
        let out = run_at_once(&env, args).await;
        refused(&out, &[&path, "Too many levels of symbolic links"]);
    }
    let long = env.home().join("x".repeat(300)).display().to_string();
    for args in [&["config", "check"][..], &["run"]] {
        let mut with = vec!["--config", long.as_str()];
        with.extend_from_slice(args);
        let out = run_at_once(&env, &with).await;
        refused(&out, &[&long, "File name too long"]);
    }
    // A symlink to nothing is no config for both (the dotfiles are not checked out):
    // said so, and the defaults apply.
    std::fs::remove_file(config.with_file_name("other.toml")).unwrap();
    let out = run_at_once(&env, &["config", "check"]).await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("a symlink to other.toml, which does not exist"),
        "{}",
        text(&out.stdout)
    );
    let daemon = Daemon::spawn(&env, None, &[]);
    let said = daemon
        .wait_for_stderr("which does not exist", TIMEOUT)
        .await;
    assert!(said.contains("the built-in defaults apply"), "{said}");
    daemon
        .wait_for_stderr("deskbreak is running", TIMEOUT)
        .await;
    assert!(daemon.terminate().await.success());
}

#[tokio::test]
async fn a_fifo_as_the_history_or_the_state_blocks_neither_run_nor_stats() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config(QUIET);
        mkfifo(&env.history_path());
        let history = env.history_path().display().to_string();
        let out = run_at_once(&env, &["stats"]).await;
        refused(&out, &[&history, "FIFO"]);

        // The daemon runs, says what is wrong, and a recorded break does not block its
        // loop: the next command is still answered.
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        let said = daemon
            .wait_for_stderr("cannot check the history", TIMEOUT)
            .await;
        assert!(said.contains(&history) && said.contains("FIFO"), "{said}");
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;
        let cli = |args: &'static [&'static str]| {
            let mut cmd = command(&env, Some(bus.address()));
            cmd.args(args)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            async move {
                tokio::time::timeout(AT_ONCE, cmd.spawn().unwrap().wait_with_output())
                    .await
                    .unwrap_or_else(|_| panic!("deskbreak {args:?} hangs"))
                    .unwrap()
            }
        };
        assert!(cli(&["now"]).await.status.success());
        let shown = server.wait_for_notify(1, TIMEOUT).await;
        server.click(shown.id, "done").await;
        let said = daemon
            .wait_for_stderr("cannot write to the state folder", TIMEOUT)
            .await;
        assert!(said.contains(&history) && said.contains("FIFO"), "{said}");
        let out = cli(&["now"]).await;
        assert!(out.status.success(), "{}", text(&out.stderr));
        server.wait_for_notify(2, TIMEOUT).await;
        assert!(daemon.terminate().await.success());

        // A FIFO at the state: the daemon starts afresh, saying why.
        std::fs::remove_file(env.history_path()).unwrap();
        std::fs::remove_file(env.state_path()).unwrap();
        mkfifo(&env.state_path());
        let daemon = Daemon::spawn(&env, None, &[]);
        let said = daemon
            .wait_for_stderr("cannot read the state", TIMEOUT)
            .await;
        assert!(
            said.contains(&env.state_path().display().to_string()),
            "{said}"
        );
        assert!(said.contains("FIFO"), "{said}");
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn a_fifo_swapped_in_for_the_config_does_not_block_the_running_daemon() {
    with_timeout(async {
        let s = Session::start(QUIET).await;
        let config = s.env.config_path();
        std::fs::remove_file(&config).unwrap();
        mkfifo(&config);
        // Time for the watch to react (and, before the fix, to block the loop).
        tokio::time::sleep(Duration::from_secs(1)).await;

        let started = Instant::now();
        let out = tokio::time::timeout(AT_ONCE, s.cli(&["reload"]))
            .await
            .expect("reload hangs: the loop is blocked");
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.contains(&config.display().to_string()) && err.contains("FIFO"),
            "{err}"
        );
        assert!(err.contains("the running config is kept"), "{err}");
        let out = tokio::time::timeout(AT_ONCE, s.cli(&["now"]))
            .await
            .expect("now hangs: the loop is blocked");
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(started.elapsed() < AT_ONCE);
        assert_eq!(s.status().await["interval_secs"], 3600);
        let stopped = tokio::time::timeout(AT_ONCE, s.stop())
            .await
            .expect("SIGTERM ignored");
        assert!(stopped.success());
    })
    .await;
}
