//! A private, throw-away D-Bus session bus (a real `dbus-daemon`) for one test.

use std::io::{BufRead, BufReader, ErrorKind, Read};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// A `dbus-daemon` running on a socket inside its own temporary directory.
///
/// It has no service directories, so nothing is ever auto-activated on it.
/// Dropping it kills and reaps the daemon.
pub struct PrivateBus {
    child: Option<Child>,
    address: String,
    // Kept open so the daemon never gets SIGPIPE on its stdout.
    _stdout: Option<BufReader<ChildStdout>>,
    stderr: Arc<Mutex<String>>,
    stderr_thread: Option<JoinHandle<()>>,
    // Declared last: removed after the daemon is gone.
    dir: tempfile::TempDir,
}

impl PrivateBus {
    /// Starts a new private bus. Panics with a clear message on any failure.
    pub fn start() -> PrivateBus {
        let dir = tempfile::Builder::new()
            .prefix("deskbreak-bus-")
            .tempdir()
            .expect("cannot create a temporary directory for the private D-Bus");
        let dir_path = dir
            .path()
            .to_str()
            .expect("temporary directory path is not UTF-8");
        assert!(
            !dir_path.contains(['<', '>', '&', '"', '\'', ',', ';', '=']),
            "temporary directory path {dir_path:?} cannot be used in a D-Bus config/address"
        );
        let config = format!(
            "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n \
             \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n\
             <busconfig>\n  \
             <type>session</type>\n  \
             <listen>unix:dir={dir_path}</listen>\n  \
             <auth>EXTERNAL</auth>\n  \
             <policy context=\"default\">\n    \
             <allow send_destination=\"*\" eavesdrop=\"true\"/>\n    \
             <allow eavesdrop=\"true\"/>\n    \
             <allow own=\"*\"/>\n  \
             </policy>\n\
             </busconfig>\n"
        );
        let config_path = dir.path().join("bus.conf");
        std::fs::write(&config_path, config).expect("cannot write the private D-Bus config file");

        let mut child = match Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config_path.display()))
            .arg("--nofork")
            .arg("--nopidfile")
            .arg("--nosyslog")
            .arg("--print-address=1")
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env_remove("DBUS_SYSTEM_BUS_ADDRESS")
            .env_remove("DBUS_STARTER_ADDRESS")
            .env_remove("DBUS_STARTER_BUS_TYPE")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
        {
            Ok(child) => child,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                panic!(
                    "dbus-daemon not found: install the Debian package dbus-daemon \
                     (apt-get install dbus-daemon)"
                )
            }
            Err(e) => panic!("cannot start dbus-daemon: {e}"),
        };

        // Drain stderr in the background so the daemon can never block on it,
        // and so its complaints can be shown if it fails.
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut child_stderr = child.stderr.take().expect("stderr was piped");
        let stderr_sink = Arc::clone(&stderr);
        let stderr_thread = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                match child_stderr.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => stderr_sink
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push_str(&String::from_utf8_lossy(&buf[..n])),
                }
            }
        });

        let mut stdout = BufReader::new(child.stdout.take().expect("stdout was piped"));
        let mut line = String::new();
        let read = stdout.read_line(&mut line);
        let address = line.trim().to_owned();

        let mut bus = PrivateBus {
            child: Some(child),
            address,
            _stdout: Some(stdout),
            stderr,
            stderr_thread: Some(stderr_thread),
            dir,
        };
        match read {
            Ok(n) if n > 0 && bus.address.starts_with("unix:") => bus,
            other => {
                bus.stop();
                panic!(
                    "dbus-daemon did not print its address (read: {other:?}, line: {:?}); \
                     its stderr:\n{}",
                    bus.address,
                    bus.stderr_output()
                );
            }
        }
    }

    /// The bus address, e.g. `unix:path=/tmp/deskbreak-bus-XXXX/dbus-YYYY,guid=...`.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// The temporary directory holding the config file and the bus socket.
    pub fn dir(&self) -> &std::path::Path {
        self.dir.path()
    }

    /// Whatever `dbus-daemon` wrote on its stderr so far.
    pub fn stderr_output(&self) -> String {
        self.stderr
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Kills the daemon now (the bus "goes away" for every client) and reaps it.
    /// Idempotent; also done on drop.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            // It may already have exited; either way, reap it.
            let _ = child.kill();
            let _ = child.wait();
        }
        self._stdout = None;
        if let Some(thread) = self.stderr_thread.take() {
            let _ = thread.join();
        }
    }

    /// Whether [`PrivateBus::stop`] was called (or the daemon was otherwise reaped).
    pub fn is_stopped(&self) -> bool {
        self.child.is_none()
    }
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        self.stop();
    }
}
