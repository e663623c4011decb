//! A `deskbreak run` under measurement, and the calls that wait on it.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use zbus::message::Type;
use zbus::{Connection, MatchRule, MessageStream, OwnedVariant};

use crate::common::daemon::{TestEnv, base_command};
use crate::common::session::{self, PATH};
use crate::{TIMEOUT, target_bin};

pub(crate) static LOGS: AtomicUsize = AtomicUsize::new(0);

/// A `deskbreak run` with its log in a file (as under the journal) at the default level.
pub(crate) struct Running {
    pub(crate) child: tokio::process::Child,
    pub(crate) pid: u32,
    pub(crate) log: PathBuf,
    pub(crate) spawned: Instant,
}

impl Running {
    pub(crate) fn spawn(env: &TestEnv, bus: &str, extra_env: &[(&str, &str)]) -> Running {
        let log = env.home().join(format!(
            "daemon-{}.log",
            LOGS.fetch_add(1, Ordering::Relaxed)
        ));
        let file = std::fs::File::create(&log).expect("cannot create the daemon's log file");
        // The harness's environment, but without its RUST_LOG=debug: measure what users
        // run, the default level (info).
        let mut cmd = tokio::process::Command::from(base_command(env, &target_bin()));
        cmd.arg("run")
            .env("DBUS_SESSION_BUS_ADDRESS", bus)
            .stdout(Stdio::null())
            .stderr(Stdio::from(file))
            .kill_on_drop(true);
        for (key, value) in extra_env {
            cmd.env(key, value);
        }
        let spawned = Instant::now();
        let child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", target_bin()));
        let pid = child.id().expect("a just-spawned child has a pid");
        Running {
            child,
            pid,
            log,
            spawned,
        }
    }

    pub(crate) fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGTERM, and SIGKILL if it has not exited after 10 s.
    pub(crate) async fn terminate(mut self) {
        if let Ok(None) = self.child.try_wait()
            && let Some(pid) = i32::try_from(self.pid)
                .ok()
                .and_then(rustix::process::Pid::from_raw)
        {
            let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
        }
        match tokio::time::timeout(Duration::from_secs(10), self.child.wait()).await {
            Ok(Ok(status)) if status.success() => {}
            Ok(Ok(status)) => eprintln!(
                "[footprint] daemon {} exited with {status}; its log:\n{}",
                self.pid,
                self.log()
            ),
            _ => {
                eprintln!(
                    "[footprint] daemon {} did not stop on SIGTERM; killing it",
                    self.pid
                );
                let _ = self.child.kill().await;
            }
        }
    }
}

/// Calls `method` on the daemon; panics if it does not answer within [`TIMEOUT`].
pub(crate) async fn call(conn: &Connection, method: &str) -> zbus::Result<zbus::Message> {
    tokio::time::timeout(TIMEOUT, session::call(conn, method, &()))
        .await
        .unwrap_or_else(|_| panic!("the daemon did not answer {method} within {TIMEOUT:?} (hung?)"))
}

/// `PropertiesChanged` from the daemon's object.
pub(crate) async fn status_changes(conn: &Connection) -> MessageStream {
    let rule = MatchRule::builder()
        .msg_type(Type::Signal)
        .interface("org.freedesktop.DBus.Properties")
        .member("PropertiesChanged")
        .path(PATH)
        .build()
        .expect("a valid match rule");
    MessageStream::for_match_rule(rule, conn, None)
        .await
        .expect("PropertiesChanged subscription")
}

/// Waits for a `PropertiesChanged` that sets `Phase` to `want`.
pub(crate) async fn wait_phase(changes: &mut MessageStream, want: &str) {
    let seen = tokio::time::timeout(TIMEOUT, async {
        while let Some(Ok(msg)) = changes.next().await {
            if let Ok((_, changed, _)) =
                msg.body()
                    .deserialize::<(String, HashMap<String, OwnedVariant>, Vec<String>)>()
                && let Some(phase) = changed.get("Phase")
                && String::try_from(phase.clone()).is_ok_and(|p| p == want)
            {
                return;
            }
        }
        panic!("the PropertiesChanged stream ended");
    })
    .await;
    assert!(
        seen.is_ok(),
        "Phase did not become {want:?} within {TIMEOUT:?}"
    );
}

/// The idle backend named in the daemon's status; `None` until it answers with one.
pub(crate) async fn idle_backend(conn: &Connection) -> Option<String> {
    let reply = call(conn, "GetStatus").await.ok()?;
    let status = reply
        .body()
        .deserialize::<HashMap<String, OwnedVariant>>()
        .ok()?;
    let backend = String::try_from(status.get("IdleBackend")?.clone()).ok()?;
    (!backend.is_empty()).then_some(backend)
}

/// Waits until the daemon answers with its status and returns the idle backend it uses.
pub(crate) async fn wait_running(conn: &Connection, daemon: &Running) -> String {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Some(backend) = idle_backend(conn).await {
            return backend;
        }
        assert!(
            Instant::now() < deadline,
            "the daemon (pid {}) did not come up within {TIMEOUT:?}; its log:\n{}",
            daemon.pid,
            daemon.log()
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}
