//! Start-up: spawn to bus name owned and to the first status, with and without history.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use zbus::Connection;

use crate::common::bus::PrivateBus;
use crate::common::daemon::TestEnv;
use crate::common::gnome_peer::GnomeIdleMonitor;
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::session::{NAME, connect};
use crate::daemon::{Running, idle_backend, wait_running};
use crate::procfs::{mem, mem_text};
use crate::table::{Table, Verdict, mib, ms, spread};
use crate::{HISTORY_LINES, READY_TARGET, REST_CONFIG, STARTUP_RUNS, TIMEOUT};

/// One start-up: (spawn → name owned, spawn → status with the idle backend answered).
/// Builds that own the name before the loop runs answer an empty status at first: then
/// `GetStatus` is polled every 1 ms until it names the idle backend.
pub(crate) async fn startup_once(
    conn: &Connection,
    env: &TestEnv,
    bus: &str,
    system: &str,
) -> (Duration, Duration, Running) {
    let dbus = zbus::fdo::DBusProxy::new(conn).await.expect("DBus proxy");
    let mut owners = dbus
        .receive_name_owner_changed_with_args(&[(0, NAME)])
        .await
        .expect("NameOwnerChanged subscription");
    let daemon = Running::spawn(env, bus, &[("DBUS_SYSTEM_BUS_ADDRESS", system)]);
    let owned = tokio::time::timeout(TIMEOUT, async {
        while let Some(signal) = owners.next().await {
            if signal.args().is_ok_and(|a| a.new_owner().is_some()) {
                return Instant::now();
            }
        }
        panic!("NameOwnerChanged stream ended");
    })
    .await
    .unwrap_or_else(|_| {
        panic!(
            "{NAME} not owned within {TIMEOUT:?}; log:\n{}",
            daemon.log()
        )
    });
    let deadline = Instant::now() + TIMEOUT;
    while idle_backend(conn).await.is_none() {
        assert!(
            Instant::now() < deadline,
            "no status within {TIMEOUT:?}; log:\n{}",
            daemon.log()
        );
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let answered = Instant::now();
    (
        owned.duration_since(daemon.spawned),
        answered.duration_since(daemon.spawned),
        daemon,
    )
}

pub(crate) async fn startup(
    table: &mut Table,
    notes: &mut String,
    system: &str,
    history_env: &TestEnv,
) {
    let bus = PrivateBus::start();
    let _server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
    let _mutter = GnomeIdleMonitor::start(bus.address()).await;
    let conn = connect(bus.address()).await;
    let env = TestEnv::new();
    env.write_config(REST_CONFIG);
    let (mut ready, mut running) = (Vec::new(), Vec::new());
    for _ in 0..STARTUP_RUNS {
        let (owned, up, daemon) = startup_once(&conn, &env, bus.address(), system).await;
        ready.push(owned);
        running.push(up);
        let backend = wait_running(&conn, &daemon).await;
        assert_eq!(backend, "gnome", "log:\n{}", daemon.log());
        daemon.terminate().await;
    }
    let (median, _, max) = spread(&mut ready);
    let min = ready[0];
    table.row(
        "Start-up to ready (spawn → org.deskbreak.Deskbreak1 owned)",
        format!(
            "median {} of {STARTUP_RUNS} (min {}, max {})",
            ms(median),
            ms(min),
            ms(max)
        ),
        "< 50 ms",
        Verdict::of(median < READY_TARGET),
    );
    let (median, _, max) = spread(&mut running);
    table.row(
        "Start-up to status answered (spawn → `GetStatus` names the idle backend: GNOME + logind found)",
        format!("median {} (max {})", ms(median), ms(max)),
        "— (none set)",
        Verdict::Info,
    );

    // The same start-up with five years of history in place (median of 3; the memory
    // of the last).
    let (mut owned_runs, mut up_runs) = (Vec::new(), Vec::new());
    let mut last = None;
    for _ in 0..3 {
        if let Some(daemon) = last.take() {
            Running::terminate(daemon).await;
        }
        let (owned, up, daemon) = startup_once(&conn, history_env, bus.address(), system).await;
        owned_runs.push(owned);
        up_runs.push(up);
        last = Some(daemon);
    }
    let daemon = last.expect("three runs");
    let (owned, _, _) = spread(&mut owned_runs);
    let (up, _, _) = spread(&mut up_runs);
    tokio::time::sleep(Duration::from_secs(1)).await;
    let m = mem(daemon.pid);
    table.row(
        format!("Start-up to ready with the five-year history ({HISTORY_LINES} lines)"),
        format!(
            "median {} of 3 (status answered {}); then RSS {}, peak (VmHWM) {}",
            ms(owned),
            ms(up),
            mib(m.rss),
            mib(m.hwm)
        ),
        "< 50 ms",
        Verdict::of(owned < READY_TARGET),
    );
    let _ = writeln!(
        notes,
        "- Start-up runs: ready {:?}; the daemon with the five-year history: {}.",
        ready
            .iter()
            .map(|d| format!("{:.1}", d.as_secs_f64() * 1000.0))
            .collect::<Vec<_>>(),
        mem_text(&m)
    );
    daemon.terminate().await;
}
