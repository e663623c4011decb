//! A real daemon on a private bus with a test notification server, and the two ways to
//! talk to it: the real CLI, and a plain zbus client speaking `org.deskbreak.Deskbreak1`.
//! Shared by the control, follow and reload tests.

use std::collections::HashMap;
use std::process::{ExitStatus, Output};
use std::time::Duration;

use zbus::{Connection, OwnedVariant};

use super::TIMEOUT;
use super::bus::PrivateBus;
pub use super::daemon::text;
use super::daemon::{Daemon, TestEnv, run_cli};
use super::notify_server::{NotifyServer, ServerOptions};

/// The daemon's well-known bus name.
pub const NAME: &str = "org.deskbreak.Deskbreak1";
/// The daemon's object path.
pub const PATH: &str = "/org/deskbreak/Deskbreak1";
/// The daemon's interface.
pub const INTERFACE: &str = "org.deskbreak.Deskbreak1";

/// A client connection to the bus at `address`.
pub async fn connect(address: &str) -> Connection {
    zbus::connection::Builder::address(address)
        .build()
        .await
        .unwrap_or_else(|e| panic!("test client cannot connect to {address}: {e}"))
}

/// Calls `method` of the daemon's interface with `body` and returns the reply.
pub async fn call<B>(conn: &Connection, method: &str, body: &B) -> zbus::Result<zbus::Message>
where
    B: zbus::export::serde::Serialize + zbus::DynamicType,
{
    conn.call_method(Some(NAME), PATH, Some(INTERFACE), method, body)
        .await
}

/// The D-Bus error name of a failed call (`org.deskbreak.Deskbreak1.Error.NotPaused`,
/// `org.freedesktop.DBus.Error.UnknownMethod`, …); `<not a D-Bus error: …>` for anything
/// but an error reply, which matches no expected name.
pub fn error_name(err: &zbus::Error) -> String {
    match err {
        zbus::Error::MethodError(name, _, _) => name.to_string(),
        zbus::Error::FDO(e) => zbus::DBusError::name(&**e).to_string(),
        other => format!("<not a D-Bus error: {other}>"),
    }
}

/// Whether `name` has an owner on the bus `conn` is connected to (`NameHasOwner`).
pub async fn name_has_owner(conn: &Connection, name: &str) -> bool {
    conn.call_method(
        Some("org.freedesktop.DBus"),
        "/org/freedesktop/DBus",
        Some("org.freedesktop.DBus"),
        "NameHasOwner",
        &name,
    )
    .await
    .expect("NameHasOwner answers")
    .body()
    .deserialize::<bool>()
    .expect("NameHasOwner returns a boolean")
}

fn interface_name() -> zbus::names::InterfaceName<'static> {
    zbus::names::InterfaceName::from_static_str_unchecked(INTERFACE)
}

async fn properties_proxy(conn: &Connection) -> zbus::Result<zbus::fdo::PropertiesProxy<'static>> {
    zbus::fdo::PropertiesProxy::builder(conn)
        .destination(NAME)
        .path(PATH)
        .build()
        .await
}

/// Every property of the daemon's interface (`Properties.GetAll`).
pub async fn properties(conn: &Connection) -> zbus::Result<HashMap<String, OwnedVariant>> {
    let all = properties_proxy(conn)
        .await?
        .get_all(interface_name())
        .await?;
    Ok(all)
}

/// One property of the daemon's interface (`Properties.Get`).
pub async fn property(conn: &Connection, name: &str) -> zbus::Result<OwnedVariant> {
    Ok(properties_proxy(conn)
        .await?
        .get(interface_name(), name)
        .await?)
}

/// The `Phase` property, or `None` while the daemon is not there.
pub async fn phase(conn: &Connection) -> Option<String> {
    let value = property(conn, "Phase").await.ok()?;
    String::try_from(value).ok()
}

/// Waits until the published `Phase` is `want` (checked every 20 ms through
/// `Properties.Get`, which the daemon answers without involving its loop). Panics on
/// timeout with the last phase seen.
pub async fn wait_for_phase(conn: &Connection, want: &str, timeout: Duration) {
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        let seen = tokio::time::timeout(Duration::from_secs(2), phase(conn))
            .await
            .unwrap_or(Some("<no answer within 2 s>".to_owned()));
        if seen.as_deref() == Some(want) {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out after {timeout:?} waiting for phase {want:?}; last seen: {seen:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A test environment, a private bus, a test notification server and a running daemon.
pub struct Session {
    pub env: TestEnv,
    pub bus: PrivateBus,
    pub server: NotifyServer,
    daemon: Option<Daemon>,
    client: Connection,
}

impl Session {
    /// Writes `config`, starts the bus, the notification server and the daemon, and waits
    /// until the daemon has published its first status.
    pub async fn start(config: &str) -> Session {
        let env = TestEnv::new();
        env.write_config(config);
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let client = connect(bus.address()).await;
        let mut session = Session {
            env,
            bus,
            server,
            daemon: None,
            client,
        };
        session.start_daemon().await;
        session
    }

    /// The bus address.
    pub fn address(&self) -> &str {
        self.bus.address()
    }

    /// The running daemon. Panics if it was stopped.
    pub fn daemon(&self) -> &Daemon {
        self.daemon.as_ref().expect("the daemon is not running")
    }

    /// A plain D-Bus client connection on the session's bus.
    pub fn client(&self) -> &Connection {
        &self.client
    }

    /// Starts a daemon (after [`Session::stop_daemon`]) and waits until it has published
    /// its first status.
    pub async fn start_daemon(&mut self) {
        assert!(self.daemon.is_none(), "a daemon is already running");
        let daemon = Daemon::spawn(&self.env, Some(self.bus.address()), &[]);
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;
        self.daemon = Some(daemon);
        self.wait_until_published().await;
    }

    /// Waits until the daemon's properties carry a status (its name is owned a moment
    /// before the first status is published).
    pub async fn wait_until_published(&self) {
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        loop {
            let seen = phase(&self.client).await;
            if seen.as_deref().is_some_and(|p| !p.is_empty()) {
                return;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "the daemon published no status within {TIMEOUT:?} (phase: {seen:?})"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// SIGTERM to the daemon; returns its exit status.
    pub async fn stop_daemon(&mut self) -> ExitStatus {
        self.daemon
            .take()
            .expect("the daemon is not running")
            .terminate()
            .await
    }

    /// Ends the session: SIGTERM to the daemon; returns its exit status.
    pub async fn stop(mut self) -> ExitStatus {
        self.stop_daemon().await
    }

    /// Runs `deskbreak <args>` against the daemon.
    pub async fn cli(&self, args: &[&str]) -> Output {
        run_cli(&self.env, Some(self.bus.address()), args).await
    }

    /// Runs `deskbreak <args>`, asserts it succeeded, and returns its stdout.
    pub async fn cli_ok(&self, args: &[&str]) -> String {
        let out = self.cli(args).await;
        assert!(
            out.status.success(),
            "deskbreak {args:?} failed ({}): {}",
            out.status,
            text(&out.stderr)
        );
        text(&out.stdout)
    }

    /// Runs `deskbreak <args>`, asserts it exited with `code` and printed nothing on
    /// stdout, and returns its stderr.
    pub async fn cli_fails(&self, args: &[&str], code: i32) -> String {
        let out = self.cli(args).await;
        assert_eq!(
            out.status.code(),
            Some(code),
            "deskbreak {args:?}: stdout {:?}, stderr {:?}",
            text(&out.stdout),
            text(&out.stderr)
        );
        assert!(out.stdout.is_empty(), "{:?}", text(&out.stdout));
        text(&out.stderr)
    }

    /// `deskbreak status --json`, parsed.
    pub async fn status(&self) -> serde_json::Value {
        let out = self.cli_ok(&["status", "--json"]).await;
        serde_json::from_str(out.trim())
            .unwrap_or_else(|e| panic!("status --json printed invalid JSON ({e}): {out:?}"))
    }

    /// Runs `deskbreak status --json` until `check` accepts it (every 100 ms), and returns
    /// it. Panics after [`TIMEOUT`] with the last status and `what`.
    pub async fn wait_for_status(
        &self,
        what: &str,
        check: impl Fn(&serde_json::Value) -> bool,
    ) -> serde_json::Value {
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        loop {
            let status = self.status().await;
            if check(&status) {
                return status;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "timed out after {TIMEOUT:?} waiting for a status with {what}; last: {status}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the published phase is `want` (see [`wait_for_phase`]).
    ///
    /// Call this before a command that follows one which changed the state: the daemon
    /// answers a call before it publishes what the call changed, and a second call that
    /// arrives in between deadlocks it (see `concurrent_calls_do_not_deadlock_the_daemon`
    /// in tests/control.rs).
    pub async fn wait_for_phase(&self, want: &str) {
        wait_for_phase(&self.client, want, TIMEOUT).await;
    }
}
