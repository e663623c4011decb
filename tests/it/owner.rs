//! One owner of the state folder (issue 9, item 1): a second `deskbreak run` — on the same
//! bus, on another, or on none — changes nothing and says who owns the folder; commands
//! that only read never repair or write.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv, run_cli};
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::session::text;
use crate::common::{TIMEOUT, with_timeout};
use deskbreak::store::history;

/// Breaks only when asked for.
const QUIET: &str =
    "[breaks]\ninterval = \"1h\"\nrenotify = \"0s\"\n[activity]\nbackend = \"none\"\n";

const GOOD: &str = r#"{"at":"2026-11-20T10:00:00+00:00","outcome":"done","exercise":"chin-tucks","sat_for_secs":2700}"#;

/// Every file in `dir` with its bytes and inode: anything written, replaced, moved or
/// removed shows. Except the state, which a running owner saves when it likes (at
/// start-up, and now and then).
fn snapshot(dir: &Path) -> BTreeMap<String, (u64, Vec<u8>)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name != "state.json" && !name.starts_with(".state.json.tmp-")
        })
        .map(|e| {
            let inode = e.metadata().unwrap().ino();
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (e.file_name().to_string_lossy().into_owned(), (inode, bytes))
        })
        .collect()
}

/// Whether anything in `dir` was kept aside as damaged.
fn anything_kept_aside(dir: &Path) -> bool {
    std::fs::read_dir(dir).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .contains(".damaged-")
    })
}

#[tokio::test]
async fn a_second_daemon_on_any_bus_touches_nothing_and_names_the_owner() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config(QUIET);
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let owner = Daemon::spawn(&env, Some(bus.address()), &[]);
        owner.wait_for_stderr("deskbreak is running", TIMEOUT).await;

        // A torn last line appears after the owner's start-up check: a start-up that
        // repaired would keep the file aside and rewrite it, and only the owner may.
        let dir = env.state_path().parent().unwrap().to_owned();
        let history = format!("{GOOD}\n{{\"at\":");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(env.history_path(), &history).unwrap();
        let before = snapshot(&dir);

        let other_bus = PrivateBus::start();
        for (on, bus_address) in [
            ("no bus", None),
            ("another bus", Some(other_bus.address())),
            ("the same bus", Some(bus.address())),
        ] {
            let mut second = Daemon::spawn(&env, bus_address, &[]);
            let status = second.wait_exit(TIMEOUT).await;
            assert_eq!(status.code(), Some(1), "on {on}: {}", second.stderr());
            let said = second.stderr();
            assert!(
                said.contains(&format!(
                    "another deskbreak is already running (pid {})",
                    owner.pid()
                )),
                "on {on}: {said}"
            );
            assert!(said.contains(&dir.display().to_string()), "on {on}: {said}");
            assert!(!said.contains("damaged"), "on {on}: {said}");
            assert_eq!(snapshot(&dir), before, "on {on}: the state folder changed");
        }

        // The owner still works and writes.
        let out = run_cli(&env, Some(bus.address()), &["now"]).await;
        assert!(out.status.success(), "{}", text(&out.stderr));
        let shown = server.wait_for_notify(1, TIMEOUT).await;
        server.click(shown.id, "done").await;
        server.wait_for_close_by_client(shown.id, TIMEOUT).await;
        let found = history::read(&env.history_path()).unwrap();
        assert_eq!(found.entries.len(), 2, "{found:?}");
        assert_eq!(
            found.damaged_lines,
            vec![2],
            "the owner's next line starts on a line of its own; the torn one is left to readers"
        );
        assert!(
            !owner.stderr().contains("cannot write"),
            "{}",
            owner.stderr()
        );
        assert!(owner.terminate().await.success());
        assert!(!anything_kept_aside(&dir), "nothing was moved aside");
    })
    .await;
}

#[tokio::test]
async fn the_lock_file_names_the_owner_and_is_released_when_it_dies() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config(QUIET);
        let mut owner = Daemon::spawn(&env, None, &[]);
        owner.wait_for_stderr("deskbreak is running", TIMEOUT).await;
        let lock = env.state_path().with_file_name("lock");
        let written = std::fs::read_to_string(&lock).unwrap();
        assert_eq!(
            written.lines().next(),
            Some(owner.pid().to_string().as_str())
        );
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&lock).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        // SIGKILL: no clean-up ran, yet the kernel dropped the lock with the process.
        owner.signal(rustix::process::Signal::KILL);
        owner.wait_exit(TIMEOUT).await;
        let next = Daemon::spawn(&env, None, &[]);
        next.wait_for_stderr("deskbreak is running", TIMEOUT).await;
        let written = std::fs::read_to_string(&lock).unwrap();
        assert_eq!(
            written.lines().next(),
            Some(next.pid().to_string().as_str())
        );
        assert!(next.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn stats_only_reads_even_with_damage_and_a_daemon_running() {
    with_timeout(async {
        let env = TestEnv::new();
        let dir = env.state_path().parent().unwrap().to_owned();
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(env.history_path(), format!("{GOOD}\nnot json\n{{\"at\":")).unwrap();
        let before = snapshot(&dir);
        for with_daemon in [false, true] {
            let daemon = with_daemon.then(|| Daemon::spawn(&env, None, &[]));
            if let Some(daemon) = &daemon {
                // Its start-up repair is the owner's to do; wait for it, then look again.
                daemon
                    .wait_for_stderr("deskbreak is running", TIMEOUT)
                    .await;
                let damaged = format!("{GOOD}\nnot json\n");
                std::fs::write(env.history_path(), &damaged).unwrap();
            }
            let before = if with_daemon {
                snapshot(&dir)
            } else {
                before.clone()
            };
            let out = run_cli(&env, None, &["stats"]).await;
            assert!(out.status.success(), "{}", text(&out.stderr));
            assert!(
                text(&out.stderr).contains("skipped"),
                "the damage is mentioned: {}",
                text(&out.stderr)
            );
            assert_eq!(snapshot(&dir), before, "stats changed the state folder");
            if let Some(daemon) = daemon {
                assert!(daemon.terminate().await.success());
            }
        }
    })
    .await;
}
