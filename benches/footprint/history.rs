//! The history file: watching it grow, and a synthetic five-year one.

use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Days, Local, TimeZone};
use deskbreak::exercises::Library;

use crate::{FILE_POLL, TIMEOUT};

/// Counts the lines of the history file as they appear, by polling its size.
pub(crate) struct HistoryWatch {
    pub(crate) path: PathBuf,
    pub(crate) offset: u64,
    pub(crate) lines: usize,
}

impl HistoryWatch {
    pub(crate) fn new(path: PathBuf) -> HistoryWatch {
        HistoryWatch {
            path,
            offset: 0,
            lines: 0,
        }
    }

    pub(crate) fn poll(&mut self) {
        let len = match std::fs::metadata(&self.path) {
            Ok(meta) => meta.len(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
            Err(e) => panic!("cannot stat {}: {e}", self.path.display()),
        };
        if len <= self.offset {
            return;
        }
        let mut file = std::fs::File::open(&self.path).expect("cannot open the history");
        file.seek(SeekFrom::Start(self.offset))
            .expect("cannot seek the history");
        let mut fresh = Vec::new();
        file.read_to_end(&mut fresh)
            .expect("cannot read the history");
        self.lines += fresh.iter().filter(|b| **b == b'\n').count();
        self.offset += fresh.len() as u64;
    }

    /// Waits (on a blocking thread, polling every [`FILE_POLL`]) until the file has
    /// `want` lines; returns when they were seen.
    pub(crate) async fn wait(mut self, want: usize) -> (HistoryWatch, Instant) {
        tokio::task::spawn_blocking(move || {
            let deadline = Instant::now() + TIMEOUT;
            loop {
                self.poll();
                if self.lines >= want {
                    return (self, Instant::now());
                }
                assert!(
                    Instant::now() < deadline,
                    "history line {want} did not appear within {TIMEOUT:?} (have {})",
                    self.lines
                );
                std::thread::sleep(FILE_POLL);
            }
        })
        .await
        .expect("the history poller panicked")
    }
}

/// The ids of the built-in exercises.
fn exercise_ids() -> Vec<String> {
    Library::embedded()
        .all()
        .iter()
        .map(|e| e.id.clone())
        .collect()
}

/// Writes `lines` history lines, about 33 a day from 08:00 on, ending today, in the
/// format the daemon writes. Returns the file size.
pub(crate) fn synthetic_history(path: &Path, lines: usize) -> u64 {
    let ids = exercise_ids();
    let per_day = 33;
    let today = Local::now().date_naive();
    let first = today - Days::new((lines / per_day) as u64);
    let mut text = String::with_capacity(lines * 110);
    for i in 0..lines {
        let day = first + Days::new((i / per_day) as u64);
        let minute = 8 * 60 + (i % per_day) as u32 * 20;
        let naive = day
            .and_hms_opt(minute / 60, minute % 60, 0)
            .expect("a valid time of day");
        let Some(at) = Local.from_local_datetime(&naive).earliest() else {
            continue;
        };
        let outcome = match i % 10 {
            0..=5 => "done",
            6 => "snoozed",
            7 => "skipped",
            8 => "dismissed",
            _ => "natural",
        };
        let exercise = (i % 20 != 19).then(|| ids[i % ids.len()].clone());
        let line = serde_json::json!({
            "at": at.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            "outcome": outcome,
            "exercise": exercise,
            "sat_for_secs": 2400 + (i * 37) % 900,
        });
        text.push_str(&line.to_string());
        text.push('\n');
    }
    std::fs::create_dir_all(path.parent().expect("history has a folder")).expect("mkdir");
    std::fs::write(path, &text).expect("cannot write the synthetic history");
    text.len() as u64
}
