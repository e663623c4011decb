//! The real `dconf-service` on a private bus, writing the user's database under a test
//! `XDG_CONFIG_HOME`, and the real `dconf write` to change a key through it (what GNOME's
//! do-not-disturb switch does through GSettings). The service writes the GVDB file, then
//! sends `ca.desrt.dconf.Writer.Notify`.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use futures_util::StreamExt;
use tokio::process::{Child, Command};

use super::TIMEOUT;

/// Where Debian (and most distributions) install the service.
const SERVICE_PATHS: [&str; 3] = [
    "/usr/libexec/dconf-service",
    "/usr/lib/dconf/dconf-service",
    "/usr/lib/x86_64-linux-gnu/dconf/dconf-service",
];

/// A running `dconf-service`; killed on drop.
pub struct DconfService {
    child: Child,
    address: String,
    config_home: PathBuf,
    runtime_dir: PathBuf,
}

impl DconfService {
    /// Start `dconf-service` on the bus at `address`, with its database at
    /// `config_home/dconf/user` and its runtime files in `runtime_dir`; returns once it owns
    /// `ca.desrt.dconf`.
    pub async fn start(address: &str, config_home: &Path, runtime_dir: &Path) -> DconfService {
        let program = SERVICE_PATHS
            .iter()
            .find(|p| Path::new(p).exists())
            .unwrap_or_else(|| {
                panic!(
                    "dconf-service not found in {SERVICE_PATHS:?}: install the Debian package \
                     dconf-service (tests/run does)"
                )
            });
        let conn = zbus::connection::Builder::address(address)
            .build()
            .await
            .expect("cannot connect to the private bus");
        let dbus = zbus::fdo::DBusProxy::new(&conn)
            .await
            .expect("no org.freedesktop.DBus proxy");
        let mut owners = dbus
            .receive_name_owner_changed_with_args(&[(0, "ca.desrt.dconf")])
            .await
            .expect("cannot follow ca.desrt.dconf");
        let child = Command::new(program)
            .env_clear()
            .env("DBUS_SESSION_BUS_ADDRESS", address)
            .env("XDG_CONFIG_HOME", config_home)
            .env("XDG_RUNTIME_DIR", runtime_dir)
            .env("HOME", config_home)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {program}: {e}"));
        tokio::time::timeout(TIMEOUT, owners.next())
            .await
            .expect("dconf-service did not take ca.desrt.dconf");
        DconfService {
            child,
            address: address.to_owned(),
            config_home: config_home.to_owned(),
            runtime_dir: runtime_dir.to_owned(),
        }
    }

    /// The database file the service writes.
    pub fn database(&self) -> PathBuf {
        self.config_home.join("dconf").join("user")
    }

    /// `dconf write KEY VALUE` (VALUE in GVariant text: `false`, `'prefer-dark'`), through
    /// the service; returns once it is written.
    pub async fn write(&self, key: &str, value: &str) {
        let out = Command::new("dconf")
            .args(["write", key, value])
            .env_clear()
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .env("XDG_CONFIG_HOME", &self.config_home)
            .env("XDG_RUNTIME_DIR", &self.runtime_dir)
            .env("HOME", &self.config_home)
            .stdin(Stdio::null())
            .kill_on_drop(true)
            .output();
        let out = tokio::time::timeout(Duration::from_secs(10), out)
            .await
            .unwrap_or_else(|_| panic!("dconf write {key} {value} did not finish"))
            .unwrap_or_else(|e| {
                panic!(
                    "cannot run dconf: {e}; install the Debian package dconf-cli (tests/run does)"
                )
            });
        assert!(
            out.status.success(),
            "dconf write {key} {value} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The service exits.
    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}
