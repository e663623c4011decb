//! The state file: what the engine needs to resume after a restart.

use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};

use super::read::{ReadError, read_regular};
use super::{StoreError, move_aside, write_atomic};
use crate::engine::Snapshot;
use crate::stats::record::DailyMemory;

/// The state file's content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    /// Format version.
    pub version: u32,
    /// Wall-clock time of the save, to tell how long deskbreak was not running.
    pub saved_at: DateTime<Local>,
    /// The engine's snapshot.
    pub engine: Snapshot,
    /// Today's sitting so far and the weekly summary's memory (absent in files written
    /// before deskbreak kept them).
    #[serde(default)]
    pub daily: DailyMemory,
}

/// What loading found.
#[derive(Debug)]
pub enum Loaded {
    /// No state yet.
    Missing,
    /// A good state.
    Found(State),
    /// The file was damaged and moved to `kept_at`; start fresh.
    Damaged {
        /// Where the damaged file now is.
        kept_at: PathBuf,
        /// What was wrong with it.
        reason: String,
    },
}

/// The most a state file may hold; it is a few hundred bytes when deskbreak writes it.
pub const MAX_STATE_BYTES: u64 = 1024 * 1024;

/// Load the state at `path`, moving a damaged file (or one too large to be ours) aside.
/// Something that is not a regular file is an error and stays where it is.
pub fn load(path: &Path) -> Result<Loaded, StoreError> {
    let bytes = match read_regular(path, MAX_STATE_BYTES) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Ok(Loaded::Missing),
        Err(err @ ReadError::TooLarge { .. }) => {
            let kept_at = move_aside(path)?;
            return Ok(Loaded::Damaged {
                kept_at,
                reason: err.reason(),
            });
        }
        Err(err) => return Err(err.into()),
    };
    match serde_json::from_slice::<State>(&bytes) {
        Ok(state) if state.version == 1 => Ok(Loaded::Found(state)),
        Ok(state) => {
            let kept_at = move_aside(path)?;
            Ok(Loaded::Damaged {
                kept_at,
                reason: format!("unsupported version {}", state.version),
            })
        }
        Err(err) => {
            let kept_at = move_aside(path)?;
            Ok(Loaded::Damaged {
                kept_at,
                reason: err.to_string(),
            })
        }
    }
}

/// Save `snapshot` and `daily` to `path` atomically.
pub fn save(path: &Path, snapshot: &Snapshot, daily: &DailyMemory) -> Result<(), StoreError> {
    let state = State {
        version: 1,
        saved_at: Local::now(),
        engine: snapshot.clone(),
        daily: *daily,
    };
    let mut json = serde_json::to_vec_pretty(&state).map_err(|err| StoreError {
        path: path.to_owned(),
        source: io::Error::other(err),
    })?;
    json.push(b'\n');
    write_atomic(path, &json)
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::os::unix::fs::PermissionsExt;

    use super::*;
    use crate::engine::PickerMemory;

    #[test]
    fn saves_and_loads_back_privately() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deskbreak/state.json");
        let snapshot = Snapshot {
            sitting_secs: 1234,
            snoozes: 2,
            picker: PickerMemory {
                recent: vec!["chin-tucks".into()],
            },
        };
        let daily = DailyMemory {
            today: Some(crate::stats::record::DayRecord {
                date: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
                sitting_secs: 600,
                longest_secs: 300,
            }),
            summary_week: None,
        };
        save(&path, &snapshot, &daily).unwrap();
        let Loaded::Found(state) = load(&path).unwrap() else {
            panic!("state expected")
        };
        assert_eq!(state.engine, snapshot);
        assert_eq!(state.daily, daily);
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }

    #[test]
    fn a_state_from_before_the_daily_record_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::write(
            &path,
            br#"{"version":1,"saved_at":"2026-11-25T10:00:00+01:00","engine":{"sitting_secs":60,"snoozes":0,"picker":{"recent":[]}}}"#,
        )
        .unwrap();
        let Loaded::Found(state) = load(&path).unwrap() else {
            panic!("state expected")
        };
        assert_eq!(state.daily, DailyMemory::default());
    }

    #[test]
    fn a_damaged_state_is_kept_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::write(&path, b"{\"version\": 1, \"sitting_").unwrap();
        let Loaded::Damaged { kept_at, reason } = load(&path).unwrap() else {
            panic!("damage expected")
        };
        assert!(!reason.is_empty());
        assert!(!path.exists(), "moved away");
        assert_eq!(fs::read(&kept_at).unwrap(), b"{\"version\": 1, \"sitting_");
        assert!(matches!(load(&path).unwrap(), Loaded::Missing));
    }
}
