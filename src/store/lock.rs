//! One owner of the state folder: the daemon that holds an exclusive `flock` on `lock` in
//! it. Only the owner reads, repairs or writes the history and the state.
//!
//! The lock is taken before any file is read, held for the life of the process (the kernel
//! drops it when the process ends, however it ends) and never depends on the bus, so two
//! daemons of one user on different buses (two sessions, or one started without a bus)
//! cannot both write the same files. A lock cannot say who holds it, so the owner writes
//! its pid (and host, for a home folder shared over NFS) into the file; the loser only
//! reads that, touching nothing.

use std::fs::File;
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};

use rustix::fs::{FlockOperation, Mode, OFlags};
use rustix::io::Errno;

use super::read::{FileKind, ReadError, check_regular, read_capped};
use crate::i18n::text;
use crate::t;

use super::{StoreError, ensure_dir};

/// The lock file's name in the state folder.
pub const LOCK_FILE: &str = "lock";

/// The held lock. Dropping it (or the process ending) releases it.
#[derive(Debug)]
pub struct StateLock {
    _file: File,
    path: PathBuf,
}

impl StateLock {
    /// The lock file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Who holds the lock, as written in the lock file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Holder {
    /// Its process id, if the file says.
    pub pid: Option<u32>,
    /// Its host, if it is not this one.
    pub other_host: Option<String>,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.pid, &self.other_host) {
            (Some(pid), None) => f.write_str(&t!("store-holder-pid", pid = *pid)),
            (Some(pid), Some(host)) => f.write_str(&t!(
                "store-holder-pid-host",
                pid = *pid,
                host = host.as_str()
            )),
            (None, Some(host)) => f.write_str(&t!("store-holder-host", host = host.as_str())),
            (None, None) => f.write_str(&t!("store-holder-unknown")),
        }
    }
}

/// Why the lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds it.
    #[error("{}", t!("store-lock-held", holder = text(holder), dir = text(dir.display())))]
    Held {
        /// The state folder.
        dir: PathBuf,
        /// Who holds it.
        holder: Holder,
    },
    /// Something other than a regular file is at the lock file's name (a symlink, a FIFO,
    /// a folder): refused rather than followed or waited on.
    #[error(
        "{}",
        t!("store-lock-not-a-file", path = text(path.display()), reason = is(*kind))
    )]
    NotALockFile {
        /// The lock file's path.
        path: PathBuf,
        /// What is there.
        kind: FileKind,
    },
    /// The folder cannot hold a lock file (read-only, full, missing rights). Nothing can be
    /// written there then, so a daemon may run without the lock.
    #[error("{}", t!("store-lock-unavailable", error = text(.0)))]
    Unavailable(StoreError),
}

/// "it is a folder".
fn is(kind: FileKind) -> String {
    t!("store-lock-is", kind = kind.words())
}

/// Take the lock on the state folder `dir`, creating the folder (0700) and the lock file
/// (0600) if needed. On success the file holds this process's pid and host.
pub fn acquire(dir: &Path) -> Result<StateLock, LockError> {
    let path = dir.join(LOCK_FILE);
    let unavailable = |source: io::Error| {
        LockError::Unavailable(StoreError {
            path: path.clone(),
            source,
        })
    };
    ensure_dir(dir).map_err(LockError::Unavailable)?;
    // No O_TRUNC: a loser must not wipe the owner's pid. NOFOLLOW and NONBLOCK: whatever
    // else is at the name is refused, never followed or waited on.
    let base = OFlags::CREATE | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let mode = Mode::from_raw_mode(0o600);
    let not_a_lock_file = |kind: FileKind| LockError::NotALockFile {
        path: path.clone(),
        kind,
    };
    let opened = match rustix::fs::open(&path, base | OFlags::RDWR, mode) {
        // An existing lock file in a folder that became read-only still locks: flock
        // needs no write access.
        Err(Errno::ACCESS | Errno::ROFS | Errno::PERM) => rustix::fs::open(
            &path,
            OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK,
            mode,
        ),
        other => other,
    };
    let fd = match opened {
        Ok(fd) => fd,
        Err(Errno::LOOP) => return Err(not_a_lock_file(FileKind::Symlink)),
        Err(Errno::ISDIR) => return Err(not_a_lock_file(FileKind::Folder)),
        Err(err) => return Err(unavailable(err.into())),
    };
    let mut file = File::from(fd);
    let metadata = file.metadata().map_err(unavailable)?;
    check_regular(&path, &metadata).map_err(|err| match err {
        ReadError::NotRegular { kind, .. } => not_a_lock_file(kind),
        other => unavailable(io::Error::other(other.reason())),
    })?;
    match rustix::fs::flock(&file, FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => {}
        Err(Errno::WOULDBLOCK) => {
            return Err(LockError::Held {
                dir: dir.to_owned(),
                holder: read_holder(&path, file),
            });
        }
        Err(err) => return Err(unavailable(err.into())),
    }
    // Ours now: say who we are. A failure here (read-only folder) leaves an older pid, which
    // is only ever shown to a loser; the lock itself holds.
    let me = format!(
        "{}\n{}\n",
        std::process::id(),
        this_host().unwrap_or_default()
    );
    let written = file
        .set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| file.write_all(me.as_bytes()));
    if let Err(err) = written {
        tracing::debug!(lock = %path.display(), "cannot write the pid into the lock file: {err}");
    }
    Ok(StateLock { _file: file, path })
}

/// What the lock file says about its holder. The owner writes it right after locking, so
/// an empty read is retried briefly.
fn read_holder(path: &Path, file: File) -> Holder {
    let parse = |bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes);
        let mut lines = text.lines();
        let pid = lines.next().and_then(|l| l.trim().parse::<u32>().ok());
        let host = lines.next().map(str::trim).filter(|h| !h.is_empty());
        let other_host = host
            .filter(|h| this_host().as_deref() != Some(*h))
            .map(str::to_owned);
        Holder { pid, other_host }
    };
    let mut holder = read_capped(path, file, 4096)
        .map(|b| parse(&b))
        .unwrap_or_default();
    for _ in 0..10 {
        if holder.pid.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        if let Ok(Some(bytes)) = super::read_regular(path, 4096) {
            holder = parse(&bytes);
        }
    }
    holder
}

/// This machine's host name.
fn this_host() -> Option<String> {
    let bytes = super::read_regular(Path::new("/proc/sys/kernel/hostname"), 256).ok()??;
    let name = String::from_utf8_lossy(&bytes).trim().to_owned();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time_and_the_loser_is_told_who() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("deskbreak");
        let held = acquire(&state).unwrap();
        let text = std::fs::read_to_string(held.path()).unwrap();
        assert_eq!(
            text.lines().next(),
            Some(std::process::id().to_string().as_str())
        );
        // flock locks belong to the open file, so a second open in this process loses too.
        let err = acquire(&state).unwrap_err();
        let LockError::Held { holder, .. } = &err else {
            panic!("{err}")
        };
        assert_eq!(holder.pid, Some(std::process::id()));
        assert_eq!(holder.other_host, None);
        let shown = err.to_string();
        assert!(shown.contains("already running"), "{shown}");
        assert!(
            shown.contains(&format!("pid {}", std::process::id())),
            "{shown}"
        );
        // The loser left the owner's pid in place.
        assert_eq!(std::fs::read_to_string(held.path()).unwrap(), text);
        drop(held);
        acquire(&state).expect("free again");
    }

    #[test]
    fn a_fifo_or_symlink_at_the_lock_is_refused_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(LOCK_FILE);
        rustix::fs::mkfifoat(rustix::fs::CWD, &path, Mode::from_raw_mode(0o600)).unwrap();
        let err = acquire(dir.path()).unwrap_err();
        assert!(matches!(err, LockError::NotALockFile { .. }), "{err}");
        assert!(err.to_string().contains("FIFO"), "{err}");
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(dir.path().join("elsewhere"), &path).unwrap();
        let err = acquire(dir.path()).unwrap_err();
        assert!(err.to_string().contains("symlink"), "{err}");
        assert!(!dir.path().join("elsewhere").exists());
        let german = crate::i18n::scoped(crate::i18n::Lang::De, || err.to_string());
        assert_eq!(
            german,
            format!(
                "{}: es ist ein symbolischer Link; entfernen Sie es, damit deskbreak seinen \
                 Zustandsordner sperren kann",
                path.display()
            )
        );
    }

    #[test]
    fn the_holder_is_worded_in_the_language_in_use() {
        let holder = Holder {
            pid: Some(4242),
            other_host: Some("desk".into()),
        };
        assert_eq!(holder.to_string(), "pid 4242 on host desk");
        let said = |lang| crate::i18n::scoped(lang, || holder.to_string());
        assert_eq!(said(crate::i18n::Lang::De), "PID 4242 auf Rechner desk");
        assert_eq!(said(crate::i18n::Lang::Fr), "PID 4242 sur l'hôte desk");
        assert_eq!(said(crate::i18n::Lang::Es), "PID 4242 en el equipo desk");
        assert_eq!(Holder::default().to_string(), "pid unknown");
    }
}
