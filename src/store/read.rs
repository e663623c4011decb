//! Reading a file that anyone could have put there, without hanging or growing.
//!
//! Every file deskbreak reads (the config, the exercises file, the history, the state)
//! goes through [`open_regular`] or [`read_regular`]: a FIFO, a device or a folder in its
//! place is refused with an error naming the file instead of blocking the daemon forever
//! (a FIFO without a writer) or filling its memory (`/dev/urandom`), and what is read is
//! capped. A symlink to a regular file is fine (dotfile managers make them).

use std::fs::{self, File};
use std::io::{self, Read};
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};

use rustix::fs::{Mode, OFlags};

use crate::t;

/// The most a config or an exercises file may hold: far more than any hand-written one.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Something other than a regular file is at the path.
    NotRegular {
        /// The path asked for.
        path: PathBuf,
        /// What is there.
        kind: FileKind,
    },
    /// The file is larger than the cap.
    TooLarge {
        /// The path asked for.
        path: PathBuf,
        /// The cap, in bytes.
        limit: u64,
    },
    /// Opening or reading failed.
    Io {
        /// The path asked for.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path().display(), self.reason())
    }
}

// The reason is part of the message; no separate source, so a chain does not say it twice.
impl std::error::Error for ReadError {}

impl ReadError {
    /// The path the error is about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::NotRegular { path, .. } | Self::TooLarge { path, .. } | Self::Io { path, .. } => {
                path
            }
        }
    }

    /// What went wrong, without the path (for messages that name the file already).
    #[must_use]
    pub fn reason(&self) -> String {
        match self {
            Self::NotRegular { kind, .. } => t!("store-not-regular", kind = kind.words()),
            Self::TooLarge { limit, .. } if limit % (1024 * 1024) == 0 => {
                t!("store-too-large-mib", size = limit / (1024 * 1024))
            }
            Self::TooLarge { limit, .. } => t!("store-too-large-kib", size = limit / 1024),
            Self::Io { source, .. } => source.to_string(),
        }
    }

    fn io(path: &Path, source: io::Error) -> Self {
        Self::Io {
            path: path.to_owned(),
            source,
        }
    }
}

/// What is at a path where deskbreak expects a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A folder.
    Folder,
    /// A FIFO (named pipe).
    Fifo,
    /// A character device (`/dev/urandom`).
    CharDevice,
    /// A block device.
    BlockDevice,
    /// A Unix socket.
    Socket,
    /// A symlink (where none is followed: the lock file).
    Symlink,
    /// Anything else that is not a regular file.
    Other,
}

impl FileKind {
    /// The kind of `file_type`, which is not a regular file.
    #[must_use]
    pub fn of(file_type: fs::FileType) -> Self {
        if file_type.is_dir() {
            FileKind::Folder
        } else if file_type.is_fifo() {
            FileKind::Fifo
        } else if file_type.is_char_device() {
            FileKind::CharDevice
        } else if file_type.is_block_device() {
            FileKind::BlockDevice
        } else if file_type.is_socket() {
            FileKind::Socket
        } else if file_type.is_symlink() {
            FileKind::Symlink
        } else {
            FileKind::Other
        }
    }

    /// In words, with its article: "a FIFO (named pipe)", "a folder", ….
    #[must_use]
    pub fn words(self) -> String {
        match self {
            FileKind::Folder => t!("store-kind-folder"),
            FileKind::Fifo => t!("store-kind-fifo"),
            FileKind::CharDevice => t!("store-kind-char-device"),
            FileKind::BlockDevice => t!("store-kind-block-device"),
            FileKind::Socket => t!("store-kind-socket"),
            FileKind::Symlink => t!("store-kind-symlink"),
            FileKind::Other => t!("store-kind-other"),
        }
    }
}

/// Refuse anything but a regular file, judging by `metadata` of `path`.
pub(crate) fn check_regular(path: &Path, metadata: &fs::Metadata) -> Result<(), ReadError> {
    if metadata.is_file() {
        Ok(())
    } else {
        Err(ReadError::NotRegular {
            path: path.to_owned(),
            kind: FileKind::of(metadata.file_type()),
        })
    }
}

/// Open `path` for reading if it is a regular file (or a symlink to one). `Ok(None)`:
/// nothing is there (a dangling symlink included).
///
/// The path is looked at before it is opened, so a device is never opened at all (opening
/// some has effects), and opened with `O_NONBLOCK`, so a FIFO swapped in between cannot
/// block; what was opened is checked again with `fstat`.
pub fn open_regular(path: &Path) -> Result<Option<File>, ReadError> {
    match fs::metadata(path) {
        Ok(metadata) => check_regular(path, &metadata)?,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(ReadError::io(path, err)),
    }
    let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC;
    let file = match rustix::fs::open(path, flags, Mode::empty()) {
        Ok(fd) => File::from(fd),
        Err(rustix::io::Errno::NOENT) => return Ok(None),
        Err(err) => return Err(ReadError::io(path, err.into())),
    };
    let metadata = file.metadata().map_err(|err| ReadError::io(path, err))?;
    check_regular(path, &metadata)?;
    Ok(Some(file))
}

/// Read all of `path` if it is a regular file of at most `limit` bytes. `Ok(None)`: there
/// is no file. See [`open_regular`].
///
/// This is the one way deskbreak reads a small file of the user's: the config, the
/// exercises file (with [`MAX_CONFIG_BYTES`]) and the state.
pub fn read_regular(path: &Path, limit: u64) -> Result<Option<Vec<u8>>, ReadError> {
    let Some(file) = open_regular(path)? else {
        return Ok(None);
    };
    read_capped(path, file, limit).map(Some)
}

/// Read `file` (opened from `path`) to its end, refusing more than `limit` bytes.
pub(crate) fn read_capped(path: &Path, file: File, limit: u64) -> Result<Vec<u8>, ReadError> {
    let too_large = || ReadError::TooLarge {
        path: path.to_owned(),
        limit,
    };
    let len = file
        .metadata()
        .map_err(|err| ReadError::io(path, err))?
        .len();
    if len > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // One byte past the cap tells a file that grew while it was read.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|err| ReadError::io(path, err))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    fn fifo(path: &Path) {
        rustix::fs::mkfifoat(rustix::fs::CWD, path, Mode::from_raw_mode(0o600)).unwrap();
    }

    #[test]
    fn a_regular_file_and_a_symlink_to_one_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        fs::write(&path, "x = 1\n").unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        assert_eq!(read_regular(&path, 100).unwrap().unwrap(), b"x = 1\n");
        assert_eq!(read_regular(&link, 100).unwrap().unwrap(), b"x = 1\n");
    }

    #[test]
    fn nothing_there_is_none_a_dangling_symlink_too() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            read_regular(&dir.path().join("absent"), 100)
                .unwrap()
                .is_none()
        );
        let link = dir.path().join("dangling");
        std::os::unix::fs::symlink(dir.path().join("gone"), &link).unwrap();
        assert!(read_regular(&link, 100).unwrap().is_none());
    }

    #[test]
    fn a_fifo_is_refused_at_once_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.jsonl");
        fifo(&path);
        let started = Instant::now();
        let err = read_regular(&path, 100).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(1));
        let shown = err.to_string();
        assert!(shown.starts_with(&path.display().to_string()), "{shown}");
        assert!(shown.contains("a FIFO"), "{shown}");
        // A symlink to one, too.
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        assert!(matches!(
            open_regular(&link),
            Err(ReadError::NotRegular { .. })
        ));
    }

    #[test]
    fn devices_and_folders_are_refused() {
        let err = read_regular(Path::new("/dev/urandom"), 100).unwrap_err();
        assert!(err.to_string().contains("a character device"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let err = read_regular(dir.path(), 100).unwrap_err();
        assert_eq!(
            err.reason(),
            "it is a folder, not a regular file (deskbreak reads only a regular file or a \
             symlink to one)"
        );
    }

    #[test]
    fn what_is_there_instead_is_said_in_the_language_in_use() {
        use crate::i18n::{Lang, scoped};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        fifo(&path);
        let fifo_err = read_regular(&path, 100).unwrap_err();
        let big = dir.path().join("big");
        fs::write(&big, vec![b'#'; 3 * 1024 * 1024]).unwrap();
        let big_err = read_regular(&big, MAX_CONFIG_BYTES).unwrap_err();
        let said = |lang| scoped(lang, || (fifo_err.reason(), big_err.reason()));
        assert_eq!(
            said(Lang::De),
            (
                "es ist eine FIFO (benannte Pipe), keine normale Datei (deskbreak liest nur eine \
                 normale Datei oder einen symbolischen Link darauf)"
                    .to_owned(),
                "die Datei ist größer als 1 MiB; deskbreak liest sie nicht".to_owned()
            )
        );
        assert_eq!(
            said(Lang::Fr),
            (
                "c'est un FIFO (tube nommé), pas un fichier ordinaire (deskbreak ne lit qu'un \
                 fichier ordinaire ou un lien symbolique vers un tel fichier)"
                    .to_owned(),
                "le fichier dépasse 1 Mio\u{a0}; deskbreak ne le lit pas".to_owned()
            )
        );
        assert_eq!(
            said(Lang::Es),
            (
                "es un FIFO (tubería con nombre), no un archivo normal (deskbreak solo lee un \
                 archivo normal o un enlace simbólico a uno)"
                    .to_owned(),
                "el archivo supera 1 MiB; deskbreak no lo lee".to_owned()
            )
        );
    }

    #[test]
    fn more_than_the_cap_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big");
        fs::write(&path, vec![b'#'; 2049]).unwrap();
        assert_eq!(read_regular(&path, 2049).unwrap().unwrap().len(), 2049);
        let err = read_regular(&path, 2048).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge { limit: 2048, .. }));
        assert!(err.to_string().contains("larger than 2 KiB"), "{err}");
    }

    #[test]
    fn a_symlink_loop_is_an_error_not_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        assert!(matches!(read_regular(&a, 100), Err(ReadError::Io { .. })));
    }
}
