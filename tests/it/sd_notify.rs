//! Readiness, status line, reload and stop reported to systemd through `NOTIFY_SOCKET`,
//! read here from a real datagram socket as the service manager would.

use std::os::unix::net::UnixDatagram;
use std::time::Duration;

use crate::common::TIMEOUT;
use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv, command};

/// Read datagrams until one contains `needle`; returns everything read.
fn read_until(socket: &UnixDatagram, needle: &str) -> String {
    let deadline = std::time::Instant::now() + TIMEOUT;
    let mut seen = String::new();
    let mut buf = [0u8; 4096];
    while std::time::Instant::now() < deadline {
        if let Ok(n) = socket.recv(&mut buf) {
            seen.push_str(&String::from_utf8_lossy(&buf[..n]));
            seen.push('\n');
            if seen.contains(needle) {
                return seen;
            }
        }
    }
    panic!("no {needle:?} from the daemon; got:\n{seen}");
}

#[tokio::test]
async fn the_daemon_reports_ready_status_reload_and_stop() {
    let env = TestEnv::new();
    env.write_config("[breaks]\ninterval = \"45m\"\n");
    let bus = PrivateBus::start();
    let path = env.home().join("notify.sock");
    let socket = UnixDatagram::bind(&path).unwrap();
    socket
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let mut cmd = command(&env, Some(bus.address()));
    cmd.arg("run").env("NOTIFY_SOCKET", &path);
    let daemon = Daemon::spawn_command(cmd);

    let socket = std::sync::Arc::new(socket);
    let s = std::sync::Arc::clone(&socket);
    let seen = tokio::task::spawn_blocking(move || read_until(&s, "READY=1"))
        .await
        .unwrap();
    let s = std::sync::Arc::clone(&socket);
    let seen = if seen.contains("STATUS=working: sitting") {
        seen
    } else {
        tokio::task::spawn_blocking(move || read_until(&s, "STATUS=working: sitting"))
            .await
            .unwrap()
    };
    assert!(seen.contains("next break in 45 min"), "{seen}");

    daemon.signal(rustix::process::Signal::HUP);
    let s = std::sync::Arc::clone(&socket);
    let seen = tokio::task::spawn_blocking(move || read_until(&s, "RELOADING=1"))
        .await
        .unwrap();
    assert!(seen.contains("MONOTONIC_USEC="), "{seen}");
    let s = std::sync::Arc::clone(&socket);
    tokio::task::spawn_blocking(move || read_until(&s, "READY=1"))
        .await
        .unwrap();

    let stop = tokio::spawn(daemon.terminate());
    let s = std::sync::Arc::clone(&socket);
    tokio::task::spawn_blocking(move || read_until(&s, "STOPPING=1"))
        .await
        .unwrap();
    assert!(stop.await.unwrap().success());
}
