//! A fake `systemctl` for `deskbreak service` and `deskbreak doctor`: the script beside
//! this file, run through `DESKBREAK_SYSTEMCTL`, records every call and answers as told.
#![allow(
    dead_code,
    reason = "each test binary that includes this module uses a different part of it"
)]

use std::path::{Path, PathBuf};

use tokio::process::Command;

/// How the fake user manager answers.
#[derive(Clone, Copy, Debug)]
pub enum Manager {
    /// A user manager is there; `is-enabled` / `is-active` print these words.
    Running {
        /// `is-enabled deskbreak.service` (`not-found`: the unit is unknown).
        enabled: &'static str,
        /// `is-active deskbreak.service`.
        active: &'static str,
        /// `is-active graphical-session.target`.
        session: &'static str,
    },
    /// Every call fails with "Failed to connect to bus", as without a user manager.
    Missing,
}

impl Manager {
    /// A manager on which deskbreak is not installed.
    pub const FRESH: Manager = Manager::Running {
        enabled: "not-found",
        active: "inactive",
        session: "active",
    };
    /// A manager on which deskbreak is enabled and running.
    pub const RUNNING: Manager = Manager::Running {
        enabled: "enabled",
        active: "active",
        session: "active",
    };
}

/// The fake, logging into a file inside the test's home.
pub struct FakeSystemctl {
    log: PathBuf,
    manager: Manager,
}

impl FakeSystemctl {
    /// A fake whose log lives in `dir`.
    pub fn new(dir: &Path, manager: Manager) -> Self {
        Self {
            log: dir.join("systemctl.log"),
            manager,
        }
    }

    /// The script's path.
    pub fn program() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/systemctl_fake/systemctl")
    }

    /// Make `cmd` (a deskbreak command) use the fake.
    pub fn apply(&self, cmd: &mut Command) {
        cmd.env("DESKBREAK_SYSTEMCTL", Self::program())
            .env("FAKE_SYSTEMCTL_LOG", &self.log);
        match self.manager {
            Manager::Running {
                enabled,
                active,
                session,
            } => {
                cmd.env("FAKE_SYSTEMCTL_ENABLED", enabled)
                    .env("FAKE_SYSTEMCTL_ACTIVE", active)
                    .env("FAKE_SYSTEMCTL_SESSION", session);
            }
            Manager::Missing => {
                cmd.env("FAKE_SYSTEMCTL_NO_MANAGER", "1");
            }
        }
    }

    /// Every call so far, as "--user verb args…", then forgets them.
    pub fn take_calls(&self) -> Vec<String> {
        let calls = match std::fs::read_to_string(&self.log) {
            Ok(text) => text.lines().map(str::to_owned).collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => panic!("cannot read {}: {e}", self.log.display()),
        };
        let _ = std::fs::remove_file(&self.log);
        calls
    }
}
