//! Where deskbreak keeps its files, following the XDG base directory spec.
//!
//! * config: `$XDG_CONFIG_HOME/deskbreak/config.toml` (default `~/.config/…`)
//! * history and state: `$XDG_STATE_HOME/deskbreak/` (default `~/.local/state/…`)
//! * own exercises: `exercises.json` beside the config file
//! * pictures handed to the notification server: `$XDG_RUNTIME_DIR/deskbreak/pictures/`,
//!   else `$XDG_CACHE_HOME/deskbreak/pictures/`

use std::path::PathBuf;

use directories::ProjectDirs;

/// Resolved locations.
#[derive(Clone, Debug)]
pub struct Paths {
    /// The config file.
    pub config: PathBuf,
    /// The folder holding history and state.
    pub state_dir: PathBuf,
    /// The folder the exercise pictures are written into for the notification server.
    pub pictures_dir: PathBuf,
}

/// No home directory could be found to put files in.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::t!("cli-error-no-home"))]
pub struct NoHome;

impl Paths {
    /// The standard locations, with `config` overriding the config file.
    pub fn resolve(config: Option<PathBuf>) -> Result<Self, NoHome> {
        let dirs = ProjectDirs::from("", "", "deskbreak").ok_or(NoHome)?;
        let state_dir = dirs
            .state_dir()
            .map(PathBuf::from)
            .unwrap_or_else(|| dirs.data_local_dir().join("state"));
        let runtime = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from);
        Ok(Self {
            config: config.unwrap_or_else(|| dirs.config_dir().join("config.toml")),
            state_dir,
            pictures_dir: crate::pictures::Pictures::default_dir(runtime, dirs.cache_dir()),
        })
    }

    /// The history file.
    #[must_use]
    pub fn history(&self) -> PathBuf {
        self.state_dir.join("history.jsonl")
    }

    /// The user's own exercises: `exercises.json` in the config file's folder.
    #[must_use]
    pub fn own_exercises(&self) -> PathBuf {
        self.config.parent().map_or_else(
            || PathBuf::from("exercises.json"),
            |dir| dir.join("exercises.json"),
        )
    }

    /// The daily sitting record (one line per finished day).
    #[must_use]
    pub fn days(&self) -> PathBuf {
        self.state_dir.join("days.jsonl")
    }

    /// The state file.
    #[must_use]
    pub fn state(&self) -> PathBuf {
        self.state_dir.join("state.json")
    }
}
