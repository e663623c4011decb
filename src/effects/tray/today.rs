//! "Today: N breaks": counted from the end of the history file when the menu opens, so
//! that the tray agrees with `deskbreak stats` and keeps no count of its own.

use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Deserialize;

/// Read at most this much of the file's end: a day's lines are a few kilobytes.
const TAIL: u64 = 64 * 1024;

/// The fields counted; anything else in a line (newer fields) is ignored.
#[derive(Deserialize)]
struct Line {
    at: DateTime<FixedOffset>,
    outcome: String,
}

/// Breaks taken on `day` (local date): done, guided or not, and natural ones. `None`
/// if the history cannot be read.
pub async fn count(history: PathBuf, day: NaiveDate) -> Option<u32> {
    tokio::task::spawn_blocking(move || count_in(&history, day))
        .await
        .ok()
        .flatten()
}

fn count_in(history: &Path, day: NaiveDate) -> Option<u32> {
    // Only a regular file, opened without blocking: a FIFO put in its place must not
    // hang the menu.
    let mut file = match crate::store::open_regular(history) {
        Ok(Some(file)) => file,
        Ok(None) => return Some(0),
        Err(err) => {
            tracing::debug!(%err, "cannot read the history for today's count");
            return None;
        }
    };
    let metadata = file.metadata().ok()?;
    let len = metadata.len();
    let start = len.saturating_sub(TAIL);
    file.seek(SeekFrom::Start(start)).ok()?;
    let mut tail = Vec::new();
    file.take(TAIL).read_to_end(&mut tail).ok()?;
    let text = String::from_utf8_lossy(&tail);
    let mut lines = text.lines();
    if start > 0 {
        // The first line is cut.
        lines.next();
    }
    let taken = lines
        .filter_map(|line| serde_json::from_str::<Line>(line).ok())
        .filter(|line| line.at.with_timezone(&chrono::Local).date_naive() == day)
        .filter(|line| matches!(line.outcome.as_str(), "done" | "natural"))
        .count();
    u32::try_from(taken).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Local, TimeZone};

    #[test]
    fn counts_todays_taken_breaks_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.jsonl");
        let today = Local.with_ymd_and_hms(2026, 12, 1, 15, 0, 0).unwrap();
        let yesterday = today - chrono::Duration::days(1);
        let line = |at: DateTime<Local>, outcome: &str| {
            format!(
                "{{\"at\":\"{}\",\"outcome\":\"{outcome}\",\"exercise\":null,\"sat_for_secs\":60}}\n",
                at.to_rfc3339()
            )
        };
        let mut text = String::new();
        // Enough old lines that the file is longer than the tail that is read.
        while text.len() < 2 * TAIL as usize {
            text.push_str(&line(yesterday, "done"));
        }
        text.push_str(&line(today, "done"));
        text.push_str(&line(today, "snoozed"));
        text.push_str(&line(today, "skipped"));
        text.push_str("{ damaged\n");
        text.push_str(&line(today, "natural"));
        std::fs::write(&path, text).unwrap();
        assert_eq!(count_in(&path, today.date_naive()), Some(2));
        assert_eq!(
            count_in(&dir.path().join("none"), today.date_naive()),
            Some(0)
        );
        assert_eq!(count_in(dir.path(), today.date_naive()), None, "a folder");
    }
}
