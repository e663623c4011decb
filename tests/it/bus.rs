//! The session bus as a peer that misbehaves: a socket that accepts and never answers,
//! `Set` on read-only properties, a pipelined flood of calls. The real binary each time.

use std::os::unix::net::UnixListener;
use std::time::{Duration, Instant};

use crate::common::daemon::{Daemon, TestEnv, run_cli};
use crate::common::session::{NAME, PATH, Session, connect, error_name, text};
use crate::common::with_timeout;

/// A Unix socket that accepts every connection and never says a word: a hung bus.
struct SilentBus {
    _dir: tempfile::TempDir,
    address: String,
    stop: std::sync::mpsc::Sender<()>,
}

impl SilentBus {
    fn start() -> SilentBus {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("bus");
        let listener = UnixListener::bind(&path).expect("bind the silent socket");
        listener
            .set_nonblocking(true)
            .expect("non-blocking listener");
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        std::thread::spawn(move || {
            let mut held = Vec::new();
            while let Err(std::sync::mpsc::TryRecvError::Empty) = stopped.try_recv() {
                match listener.accept() {
                    // Held open, never read from or written to.
                    Ok((stream, _)) => held.push(stream),
                    Err(_) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        });
        SilentBus {
            address: format!("unix:path={}", path.display()),
            _dir: dir,
            stop,
        }
    }
}

impl Drop for SilentBus {
    fn drop(&mut self) {
        let _ = self.stop.send(());
    }
}

#[tokio::test]
async fn the_cli_gives_up_on_a_bus_that_never_answers_with_a_clear_error() {
    with_timeout(async {
        let env = TestEnv::new();
        let bus = SilentBus::start();
        for args in [&["status"][..], &["skip"], &["status", "--follow"]] {
            let asked = Instant::now();
            let out = run_cli(&env, Some(&bus.address), args).await;
            let took = asked.elapsed();
            assert_eq!(
                out.status.code(),
                Some(1),
                "{args:?}: {}",
                text(&out.stderr)
            );
            assert!(took < Duration::from_secs(10), "{args:?} took {took:?}");
            let stderr = text(&out.stderr);
            assert!(
                stderr.contains("did not answer within 5 s"),
                "{args:?}: {stderr}"
            );
            assert!(out.stdout.is_empty(), "{args:?}: {}", text(&out.stdout));
        }
    })
    .await;
}

#[tokio::test]
async fn a_daemon_starting_against_a_bus_that_never_answers_honours_sigterm() {
    with_timeout(async {
        let env = TestEnv::new();
        let bus = SilentBus::start();
        let mut daemon = Daemon::spawn(&env, Some(&bus.address), &[]);
        // Right in the middle of connecting.
        tokio::time::sleep(Duration::from_secs(1)).await;
        daemon.signal(rustix::process::Signal::TERM);
        let exit = daemon.wait_exit(Duration::from_secs(3)).await;
        assert!(exit.success(), "{exit}\n{}", daemon.stderr());
    })
    .await;
}

#[tokio::test]
async fn a_daemon_on_a_bus_that_never_answers_runs_without_it_and_says_so() {
    with_timeout(async {
        let env = TestEnv::new();
        let bus = SilentBus::start();
        let daemon = Daemon::spawn(&env, Some(&bus.address), &[]);
        let line = daemon
            .wait_for_stderr("did not answer", Duration::from_secs(10))
            .await;
        assert!(line.contains("the CLI cannot reach this daemon"), "{line}");
        daemon
            .wait_for_stderr("deskbreak is running", Duration::from_secs(10))
            .await;
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn set_on_a_read_only_property_answers_property_read_only() {
    with_timeout(async {
        let session = Session::start("[breaks]\ninterval = \"1h\"\n").await;
        let conn = session.client();
        const PROPS: &str = "org.freedesktop.DBus.Properties";
        for property in [
            "Phase",
            "SittingSeconds",
            "SittingSince",
            "IntervalSeconds",
            "NextBreak",
            "PausedUntil",
            "IdleBackend",
            "Snoozes",
            "WaitingFor",
            "OffHoursUntil",
        ] {
            let value = zbus::Variant::from(7u64);
            let err = conn
                .call_method(
                    Some(NAME),
                    PATH,
                    Some(PROPS),
                    "Set",
                    &(NAME, property, value),
                )
                .await
                .expect_err("Set must fail");
            assert_eq!(
                error_name(&err),
                "org.freedesktop.DBus.Error.PropertyReadOnly",
                "{property}: {err}"
            );
        }
        let value = zbus::Variant::from(7u64);
        let err = conn
            .call_method(Some(NAME), PATH, Some(PROPS), "Set", &(NAME, "Nope", value))
            .await
            .expect_err("Set must fail");
        assert_eq!(
            error_name(&err),
            "org.freedesktop.DBus.Error.UnknownProperty"
        );
        assert!(session.stop().await.success());
    })
    .await;
}

/// Resident memory of a process, from `/proc/PID/status`.
fn vm_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("proc status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a VmRSS line")
}

/// `count` `Done` calls sent back to back without waiting for a single answer (flagged
/// as wanting none, so that the bus does not cap them at its pending-reply limit), then
/// one `GetStatus` waited for (answered after the flood has been read).
async fn flood(conn: &zbus::Connection, count: usize) {
    for _ in 0..count {
        let call = zbus::Message::method_call(PATH, "Done")
            .destination(NAME)
            .interface(NAME)
            .with_flags(zbus::message::Flags::NO_REPLY_EXPECTED)
            .build(&())
            .expect("a method call");
        conn.send(&call).await.expect("send a call");
    }
    tokio::time::timeout(
        Duration::from_secs(30),
        conn.call_method(Some(NAME), PATH, Some(NAME), "GetStatus", &()),
    )
    .await
    .expect("GetStatus answers after the flood")
    .expect("GetStatus succeeds");
}

#[tokio::test]
async fn a_pipelined_flood_of_calls_leaves_memory_where_it_was() {
    with_timeout(async {
        let mut session = Session::start("[breaks]\ninterval = \"1h\"\n").await;
        let pid = session.daemon().pid();
        // A separate connection: the replies it does not read are its own problem.
        let conn = connect(session.address()).await;
        // Warm up: the allocator's arenas, zbus's caches.
        flood(&conn, 2_000).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let before = vm_rss_kib(pid);
        flood(&conn, 20_000).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let after = vm_rss_kib(pid);
        eprintln!("VmRSS {before} KiB before 20,000 pipelined calls, {after} KiB after");
        assert!(
            after <= before + 512,
            "RSS grew by {} KiB ({before} -> {after} KiB)",
            after.saturating_sub(before)
        );
        // And the daemon still answers as before.
        let out = session.cli(&["skip"]).await;
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        assert!(text(&out.stderr).contains("No break is waiting"));
        assert!(session.stop_daemon().await.success());
    })
    .await;
}
