//! The files deskbreak keeps: [`history`] (one JSON line per outcome) and [`state`]
//! (sitting time and picker memory, replaced atomically), in a state folder that one
//! daemon owns at a time ([`lock`]).
//!
//! Both are the user's: created mode 0600 in a 0700 folder. A damaged file is moved
//! aside (`NAME.damaged-TIMESTAMP`) with a warning, never silently overwritten. Every
//! file is read through [`read`], which refuses FIFOs, devices and folders and caps the
//! size.

pub mod history;
pub mod lock;
pub mod read;
pub mod state;

pub use read::{FileKind, MAX_CONFIG_BYTES, ReadError, open_regular, read_regular};

use std::fs::{self, DirBuilder, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use rustix::fs::OFlags;

/// A file operation that failed, with the file it failed on.
#[derive(Debug)]
pub struct StoreError {
    /// The file or folder.
    pub path: PathBuf,
    /// What went wrong.
    pub source: io::Error,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.source)
    }
}

// The reason is part of the message; no separate source, so that an error chain
// (`{:#}`) does not say it twice.
impl std::error::Error for StoreError {}

impl From<ReadError> for StoreError {
    fn from(err: ReadError) -> Self {
        let path = err.path().to_owned();
        let source = match err {
            ReadError::Io { source, .. } => source,
            other => io::Error::new(io::ErrorKind::InvalidData, other.reason()),
        };
        StoreError { path, source }
    }
}

impl StoreError {
    fn at(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
        move |source| StoreError {
            path: path.to_owned(),
            source,
        }
    }
}

/// Create `dir` (and parents) with mode 0700 if missing.
pub fn ensure_dir(dir: &Path) -> Result<(), StoreError> {
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(StoreError::at(dir))
}

/// Replace `path` with `bytes` atomically: write a temporary file beside it, flush it to
/// disk, then rename it over. A crash leaves either the old or the new file, never half.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    ensure_dir(dir)?;
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        // Never through a symlink or into a FIFO left at the temporary's name.
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .custom_flags(raw_flags(OFlags::NOFOLLOW | OFlags::NONBLOCK))
            .open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(StoreError::at(path))
}

/// Append `line` (one JSON line, ending in a newline) to `path`, creating the file (0600)
/// and its folder (0700) if needed: one `write` on an `O_APPEND` file, flushed to disk
/// before this returns, so a crash leaves the line whole or absent.
///
/// A crash in the middle of an earlier write can leave a line without its newline; the
/// new one then starts on a fresh line, never glued to it. A FIFO, a device or a folder
/// at `path` is refused, never opened for writing or waited on; a symlink to a regular
/// file is followed (the user's choice).
pub fn append_line(path: &Path, line: &[u8]) -> Result<(), StoreError> {
    let err = StoreError::at(path);
    if let Some(dir) = path.parent() {
        ensure_dir(dir)?;
    }
    match fs::metadata(path) {
        Ok(metadata) => read::check_regular(path, &metadata)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(err(e)),
    }
    // O_NONBLOCK: a FIFO swapped in after the check above cannot block the open; the
    // fstat below refuses it.
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .mode(0o600)
        .custom_flags(raw_flags(OFlags::NONBLOCK))
        .open(path)
        .map_err(StoreError::at(path))?;
    let metadata = file.metadata().map_err(StoreError::at(path))?;
    read::check_regular(path, &metadata)?;
    let torn = metadata.len() > 0
        && !ends_with_newline(&mut file, metadata.len()).map_err(StoreError::at(path))?;
    let written = if torn {
        let mut fresh = Vec::with_capacity(line.len() + 1);
        fresh.push(b'\n');
        fresh.extend_from_slice(line);
        file.write_all(&fresh)
    } else {
        file.write_all(line)
    };
    written
        .and_then(|()| file.sync_data())
        .map_err(StoreError::at(path))
}

fn ends_with_newline(file: &mut fs::File, len: u64) -> io::Result<bool> {
    use std::io::{Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(len - 1))?;
    let mut last = [0u8];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// `flags` for [`OpenOptionsExt::custom_flags`].
pub(crate) fn raw_flags(flags: rustix::fs::OFlags) -> i32 {
    i32::try_from(flags.bits()).unwrap_or(0)
}

/// Remove temporary files that [`write_atomic`] left behind for `path` when the process
/// was killed mid-write (each run names them by its pid, so nothing else would).
pub fn remove_stale_temporaries(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let prefix = format!(".{}.tmp-", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Move a damaged file out of the way, keeping it for the user. Returns where it went.
pub fn move_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S");
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let mut target = path.with_file_name(format!("{name}.damaged-{stamp}"));
    let mut n = 1;
    while target.exists() {
        target = path.with_file_name(format!("{name}.damaged-{stamp}-{n}"));
        n += 1;
    }
    fs::rename(path, &target).map_err(StoreError::at(path))?;
    Ok(target)
}
