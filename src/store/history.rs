//! The history: one JSON object per line, appended as outcomes happen.
//!
//! ```json
//! {"at":"2026-11-21T10:15:00+01:00","outcome":"done","exercise":"chin-tucks","sat_for_secs":2712}
//! ```

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::read::{ReadError, read_regular};
use super::{StoreError, append_line, move_aside, write_atomic};
use crate::engine::Outcome;

/// The most of a history the start-up repair reads into memory: decades of breaks, and a
/// bound on what a damaged or foreign file can make the daemon hold.
pub const MAX_HISTORY_BYTES: u64 = 64 * 1024 * 1024;

/// One line of history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// When it happened, local time with offset (RFC 3339).
    pub at: DateTime<FixedOffset>,
    /// How the break ended.
    pub outcome: Outcome,
    /// The exercise on offer (none for a natural break without a prompt).
    pub exercise: Option<String>,
    /// Sitting time before it.
    pub sat_for_secs: u64,
    /// For a break done with the guided timer: how long the guide ran. Absent on other
    /// lines (and on every line written before guides existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guided_secs: Option<u64>,
    /// For a break held back before it was shown (do-not-disturb, fullscreen, a
    /// meeting): how long it waited. Absent when it did not wait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waited_secs: Option<u64>,
    /// What it waited for, as reason words (`do_not_disturb`, `fullscreen`, `inhibitor`,
    /// `meeting`); absent when it did not wait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waited_for: Option<Vec<String>>,
}

/// Append `entry` as one line. The line is written with a single `write` on an
/// `O_APPEND` file and flushed to disk before this returns (see [`append_line`]).
pub fn append(path: &Path, entry: &Entry) -> Result<(), StoreError> {
    let mut line = serde_json::to_vec(entry).map_err(|e| StoreError {
        path: path.to_owned(),
        source: io::Error::other(e),
    })?;
    line.push(b'\n');
    append_line(path, &line)
}

/// What reading the history found.
#[derive(Debug, Default)]
pub struct Contents {
    /// The good entries, in file order.
    pub entries: Vec<Entry>,
    /// 1-based numbers of lines that could not be read.
    pub damaged_lines: Vec<usize>,
}

/// Read every entry, skipping (and counting) damaged lines. A missing file is empty.
///
/// Only reads: never repairs or writes (the daemon that owns the folder repairs), so
/// `stats` and exports are safe while a daemon runs.
pub fn read(path: &Path) -> Result<Contents, StoreError> {
    let mut out = Contents::default();
    for line in stream(path)? {
        match line? {
            Line::Entry(entry) => out.entries.push(entry),
            Line::Damaged { number } => out.damaged_lines.push(number),
        }
    }
    Ok(out)
}

/// A line longer than this is damaged (a history line is about 100 bytes); reading never
/// holds more than this much of one line in memory.
pub const MAX_LINE: usize = 64 * 1024;

/// One line of the history, as [`stream`] reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// A good line.
    Entry(Entry),
    /// A line that could not be read (1-based line number).
    Damaged {
        /// Its line number.
        number: usize,
    },
}

/// The history, line by line (blank lines skipped), without holding it in memory.
pub struct Stream {
    path: PathBuf,
    reader: Option<BufReader<File>>,
    line: Vec<u8>,
    number: usize,
}

impl Iterator for Stream {
    type Item = Result<Line, StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let reader = self.reader.as_mut()?;
            match read_line(reader, &mut self.line) {
                Ok(false) => {
                    self.reader = None;
                    return None;
                }
                Ok(true) => {}
                Err(source) => {
                    self.reader = None;
                    return Some(Err(StoreError {
                        path: self.path.clone(),
                        source,
                    }));
                }
            }
            self.number += 1;
            let text = self.line.trim_ascii();
            if text.is_empty() {
                continue;
            }
            return Some(Ok(match serde_json::from_slice::<Entry>(text) {
                Ok(entry) => Line::Entry(entry),
                Err(_) => Line::Damaged {
                    number: self.number,
                },
            }));
        }
    }
}

/// Stream the history at `path`. A missing file has no lines; anything but a regular
/// file (a FIFO, a device) is refused rather than waited on.
pub fn stream(path: &Path) -> Result<Stream, StoreError> {
    let file = open_regular(path).map_err(|source| StoreError {
        path: path.to_owned(),
        source,
    })?;
    Ok(Stream {
        path: path.to_owned(),
        reader: file.map(BufReader::new),
        line: Vec::new(),
        number: 0,
    })
}

/// Open `path` for reading if it is a regular file (or a symlink to one); `None` if
/// nothing is there. A FIFO, a device or a folder is refused without blocking (see
/// [`super::open_regular`]); the error says what is there.
pub fn open_regular(path: &Path) -> io::Result<Option<File>> {
    super::open_regular(path).map_err(|err| match err {
        ReadError::Io { source, .. } => source,
        other => io::Error::new(io::ErrorKind::InvalidInput, other.reason()),
    })
}

/// Read one line into `line` (without keeping more than [`MAX_LINE`] bytes of it: a
/// longer line comes back cut short, and fails to parse). `false` at the end.
pub fn read_line(reader: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<bool> {
    line.clear();
    let mut any = false;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(any);
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|b| *b == b'\n') {
            Some(i) => (&buf[..i], i + 1),
            None => (buf, buf.len()),
        };
        let room = (MAX_LINE + 1).saturating_sub(line.len());
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let ended = done > chunk.len();
        reader.consume(done);
        if ended {
            return Ok(true);
        }
    }
}

/// If the history has damaged lines, keep the whole file aside and write a clean one with
/// the good lines, byte for byte. Returns where the damaged file went and how many lines
/// were damaged, if it was moved.
pub fn repair(path: &Path) -> Result<Option<(PathBuf, usize)>, StoreError> {
    let Some(bytes) = read_regular(path, MAX_HISTORY_BYTES)? else {
        return Ok(None);
    };
    let mut clean = Vec::with_capacity(bytes.len());
    let mut damaged = 0;
    for line in bytes.split(|b| *b == b'\n') {
        let text = line.trim_ascii();
        if text.is_empty() {
            continue;
        }
        if serde_json::from_slice::<Entry>(text).is_ok() {
            clean.extend_from_slice(text);
            clean.push(b'\n');
        } else {
            damaged += 1;
        }
    }
    if damaged == 0 {
        return Ok(None);
    }
    let kept_at = move_aside(path)?;
    write_atomic(path, &clean)?;
    Ok(Some((kept_at, damaged)))
}

/// [`repair`] when the tail of the history is torn; `Ok(None)` without reading the rest.
///
/// The daemon is the only writer and appends each line with one `write`, so a crash or a
/// full disk can only leave the *last* line incomplete: checking the tail keeps start-up
/// fast with years of history. A whole line damaged elsewhere (a hand edit, another
/// program) is left where it is: readers skip it and say so (`deskbreak stats`,
/// `deskbreak history`). When the tail is torn, the repair keeps the whole file aside and
/// writes the good lines, so such a line then goes with the file kept aside.
pub fn repair_if_torn(path: &Path) -> Result<Option<(PathBuf, usize)>, StoreError> {
    let torn = tail_is_torn(path).map_err(|source| StoreError {
        path: path.to_owned(),
        source,
    })?;
    if torn { repair(path) } else { Ok(None) }
}

/// Whether the file ends with bytes after its last newline that are not an entry (a
/// half-written line). Reads at most the last [`MAX_LINE`] bytes and one more.
fn tail_is_torn(path: &Path) -> io::Result<bool> {
    let Some(mut file) = open_regular(path)? else {
        return Ok(false);
    };
    let len = file.metadata()?.len();
    let start = len.saturating_sub(MAX_LINE as u64 + 1);
    file.seek(SeekFrom::Start(start))?;
    let mut tail = Vec::new();
    file.take(len - start).read_to_end(&mut tail)?;
    let last = match tail.iter().rposition(|b| *b == b'\n') {
        Some(i) => &tail[i + 1..],
        // No line start inside the window: the last line is longer than any good one.
        None if start > 0 => return Ok(true),
        None => &tail[..],
    };
    let last = last.trim_ascii();
    // A whole entry that only lacks its newline is not damaged: the next append adds it.
    Ok(!last.is_empty() && serde_json::from_slice::<Entry>(last).is_err())
}

#[cfg(test)]
mod tests {
    use std::fs::{self, OpenOptions};
    use std::io::Write;

    use super::*;

    fn entry(outcome: Outcome, secs: u64) -> Entry {
        Entry {
            at: DateTime::parse_from_rfc3339("2026-11-21T10:15:00+01:00").unwrap(),
            outcome,
            exercise: Some("chin-tucks".into()),
            sat_for_secs: secs,
            guided_secs: None,
            waited_secs: None,
            waited_for: None,
        }
    }

    #[test]
    fn appends_one_json_line_per_entry() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state/history.jsonl");
        append(&path, &entry(Outcome::Done, 60)).unwrap();
        append(&path, &entry(Outcome::Natural, 70)).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(
            text.lines().next().unwrap(),
            r#"{"at":"2026-11-21T10:15:00+01:00","outcome":"done","exercise":"chin-tucks","sat_for_secs":60}"#
        );
        let found = read(&path).unwrap();
        assert_eq!(found.entries.len(), 2);
        assert_eq!(found.entries[1].outcome, Outcome::Natural);
    }

    #[test]
    fn a_half_written_line_is_skipped_and_never_glued_to_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.jsonl");
        append(&path, &entry(Outcome::Done, 60)).unwrap();
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(br#"{"at":"2026-11-21T10:"#).unwrap();
        append(&path, &entry(Outcome::Skipped, 80)).unwrap();
        let found = read(&path).unwrap();
        assert_eq!(found.entries.len(), 2);
        assert_eq!(found.damaged_lines, vec![2]);
    }

    #[test]
    fn a_fifo_as_the_history_is_refused_at_once_by_append_read_and_repair() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.jsonl");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &path,
            rustix::fs::Mode::from_raw_mode(0o600),
        )
        .unwrap();
        let started = std::time::Instant::now();
        let e = append(&path, &entry(Outcome::Done, 60))
            .unwrap_err()
            .to_string();
        assert!(e.contains("FIFO"), "{e}");
        let e = read(&path).unwrap_err().to_string();
        assert!(
            e.starts_with(&path.display().to_string()) && e.contains("FIFO"),
            "{e}"
        );
        let e = repair(&path).unwrap_err().to_string();
        assert!(e.contains("FIFO"), "{e}");
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }

    #[test]
    fn repair_keeps_the_damaged_file_and_the_good_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.jsonl");
        append(&path, &entry(Outcome::Done, 60)).unwrap();
        OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"garbage\n")
            .unwrap();
        let before = fs::read(&path).unwrap();
        let (kept_at, damaged) = repair(&path).unwrap().expect("repaired");
        assert_eq!(damaged, 1);
        assert_eq!(
            fs::read(&kept_at).unwrap(),
            before,
            "original kept byte for byte"
        );
        let found = read(&path).unwrap();
        assert_eq!(found.entries.len(), 1);
        assert!(found.damaged_lines.is_empty());
        assert_eq!(
            repair(&path).unwrap(),
            None,
            "nothing to do the second time"
        );
    }

    #[test]
    fn only_a_torn_tail_is_repaired_at_start_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.jsonl");
        assert_eq!(repair_if_torn(&path).unwrap(), None, "no file");
        let good = serde_json::to_string(&entry(Outcome::Done, 60)).unwrap();

        for intact in [
            format!("{good}\n{good}\n"),
            // A whole line damaged anywhere is left for readers to skip, even the last.
            format!("{good}\nnot json\n{good}\n"),
            format!("{good}\nnot json\n\n"),
            // A whole entry without its newline is not damaged.
            format!("{good}\n{good}"),
            String::new(),
        ] {
            fs::write(&path, &intact).unwrap();
            assert_eq!(repair_if_torn(&path).unwrap(), None, "{intact:?}");
            assert_eq!(fs::read_to_string(&path).unwrap(), intact, "untouched");
        }

        // A half-written last line, or zeros where it should be, is repaired: the whole
        // file is kept aside and the good lines stay.
        for (torn, damaged) in [
            (format!("{good}\n{{\"at\":"), 1),
            (format!("{good}\n\0\0\0\0"), 1),
            (format!("{good}\nnot json\n{good}\n{{\"at\":"), 2),
        ] {
            fs::write(&path, &torn).unwrap();
            let (kept_at, n) = repair_if_torn(&path).unwrap().expect("repaired");
            assert_eq!(n, damaged, "{torn:?}");
            assert_eq!(fs::read_to_string(&kept_at).unwrap(), torn);
            let clean = fs::read_to_string(&path).unwrap();
            assert!(clean.starts_with(&format!("{good}\n")), "{clean:?}");
            assert!(history_is_clean(&path), "{clean:?}");
            fs::remove_file(kept_at).unwrap();
        }

        // A last line longer than any good one is torn too.
        fs::write(&path, format!("{good}\n{}", "x".repeat(MAX_LINE + 10))).unwrap();
        assert!(repair_if_torn(&path).unwrap().is_some());
    }

    fn history_is_clean(path: &Path) -> bool {
        read(path).unwrap().damaged_lines.is_empty()
    }
}
