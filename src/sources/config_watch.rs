//! Notices edits to the config file and to the own exercises file beside it (inotify), so
//! they apply without a restart.
//!
//! Folders are watched rather than the file: editors often save by writing a new file
//! and renaming it over the old one, and the file may not exist yet when deskbreak starts.
//! Which folders follows from the path, and is worked out again after every relevant
//! event ([`targets`]):
//!
//! * the config's folder, for the config's name;
//! * if the config is a symlink (stow, chezmoi and home-manager make them), the folder of
//!   each link along the way and of the final target, for that file's name: editing the
//!   dotfile itself changes nothing in the config's folder;
//! * the folder above the config's, for the config folder's name: when the folder is
//!   removed or moved away and made again, the watch moves to the new one (a watch
//!   follows the folder's inode, not its name);
//! * for a folder that does not exist (yet, or any more), the nearest one above that does.
//!
//! All of this is event-driven: nothing is polled at rest. Bursts of events (one save can
//! make several) are folded into one report after a short quiet time.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use futures_util::StreamExt;
use inotify::{EventMask, Inotify, WatchDescriptor, WatchMask, Watches};
use tokio::sync::mpsc;

/// How long to wait for an editor to finish saving before reading the file.
const SETTLE: Duration = Duration::from_millis(200);

/// How many symlinks are followed from the config path (the kernel's own limit is 40).
const MAX_LINKS: usize = 16;

/// Start watching `config`. Each report means "the file may have changed". Returns
/// `None` (with the reason logged) if nothing can be watched.
pub fn watch(config: &Path) -> Option<mpsc::Receiver<()>> {
    let inotify = match Inotify::init() {
        Ok(inotify) => inotify,
        Err(err) => {
            tracing::warn!(
                "cannot watch the config file ({err}); use `deskbreak reload` after editing"
            );
            return None;
        }
    };
    // Create the folder so that a config written later (`deskbreak config init`) is seen.
    if let Some(dir) = config.parent()
        && let Err(err) = std::fs::create_dir_all(dir)
    {
        tracing::debug!(folder = %dir.display(), "cannot create the config folder: {err}");
    }
    let events = match inotify.into_event_stream(vec![0u8; 4096]) {
        Ok(events) => events,
        Err(err) => {
            tracing::warn!("cannot watch the config file ({err})");
            return None;
        }
    };
    let mut armed = Armed::new(config.to_owned(), events.watches());
    if let Err(err) = armed.arm() {
        tracing::info!(
            config = %config.display(),
            "not watching the config ({err}); edits apply on `deskbreak reload` or SIGHUP"
        );
        return None;
    }
    let (sender, receiver) = mpsc::channel(1);
    tokio::spawn(async move {
        let mut events = events;
        loop {
            let event = tokio::select! {
                () = sender.closed() => return,
                event = events.next() => event,
            };
            match event {
                Some(Ok(event))
                    if armed.is_relevant(&event.wd, event.mask, event.name.as_ref()) =>
                {
                    armed.rearm();
                    // Let the burst of events from one save settle, draining it; a folder
                    // made again in the burst is watched before the file is read.
                    while let Ok(Some(Ok(event))) =
                        tokio::time::timeout(SETTLE, events.next()).await
                    {
                        if armed.is_relevant(&event.wd, event.mask, event.name.as_ref()) {
                            armed.rearm();
                        }
                    }
                    if sender.send(()).await.is_err() {
                        return;
                    }
                }
                Some(Ok(_)) => {}
                Some(Err(err)) => {
                    tracing::warn!(
                        "config watch failed ({err}); edits apply on `deskbreak reload`"
                    );
                    return;
                }
                None => return,
            }
        }
    });
    Some(receiver)
}

/// Events that matter in a folder that holds a file of interest.
fn file_mask() -> WatchMask {
    WatchMask::CLOSE_WRITE | folder_mask()
}

/// Events that matter in a folder that only holds a folder of interest: its entries
/// coming and going, and the watched folder itself going away.
fn folder_mask() -> WatchMask {
    WatchMask::MOVED_TO
        | WatchMask::CREATE
        | WatchMask::DELETE
        | WatchMask::MOVED_FROM
        | WatchMask::DELETE_SELF
        | WatchMask::MOVE_SELF
        | WatchMask::ONLYDIR
}

/// A folder to watch, and the names in it that matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    /// The folder.
    pub dir: PathBuf,
    /// The entry in it.
    pub name: OsString,
    /// Whether the entry is a file (whose writes matter) rather than a folder.
    pub file: bool,
}

/// The folders to watch for `config`, as the file system is now (see the module doc).
pub(crate) fn targets(config: &Path) -> Vec<Target> {
    let mut out = Vec::new();
    let mut push = |path: &Path, file: bool| {
        if let (Some(dir), Some(name)) = (path.parent(), path.file_name()) {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            let target = Target {
                dir: dir.to_owned(),
                name: name.to_owned(),
                file,
            };
            if !out.contains(&target) {
                out.push(target);
            }
        }
    };
    push(config, true);
    if let Some(dir) = config.parent() {
        push(dir, false);
    }
    // The symlinks along the way, and where they end.
    let mut at = config.to_owned();
    for _ in 0..MAX_LINKS {
        let Ok(next) = std::fs::read_link(&at) else {
            break;
        };
        at = match at.parent() {
            Some(dir) if next.is_relative() => dir.join(next),
            _ => next,
        };
        push(&at, true);
    }
    // Folders on the way may be symlinks too: the real place of the file.
    if let Ok(real) = std::fs::canonicalize(config) {
        push(&real, true);
    }
    out
}

/// The watches in place, and what each one is for.
struct Armed {
    config: PathBuf,
    watches: Watches,
    /// For each watch: the names in its folder that matter.
    names: HashMap<WatchDescriptor, HashSet<OsString>>,
}

impl Armed {
    fn new(config: PathBuf, watches: Watches) -> Self {
        Self {
            config,
            watches,
            names: HashMap::new(),
        }
    }

    /// Whether an event is about something that matters: an entry of interest, or a
    /// watched folder itself going away (or the queue overflowing: anything may have
    /// happened).
    fn is_relevant(&self, wd: &WatchDescriptor, mask: EventMask, name: Option<&OsString>) -> bool {
        if mask.contains(EventMask::Q_OVERFLOW) {
            return true;
        }
        let Some(names) = self.names.get(wd) else {
            // A watch already replaced (its IN_IGNORED, or a late event).
            return false;
        };
        match name {
            // The config, or the own exercises file (or a translation of it) beside it.
            Some(name) => {
                names.contains(name)
                    || ((name.as_os_str() == "exercises.json"
                        || name
                            .to_str()
                            .is_some_and(crate::exercises::translation::is_own_file_name))
                        && self.config.file_name().is_some_and(|f| names.contains(f)))
            }
            None => {
                mask.intersects(EventMask::DELETE_SELF | EventMask::MOVE_SELF | EventMask::IGNORED)
            }
        }
    }

    /// Watch what [`targets`] says now; drop the watches no longer wanted. Failures are
    /// logged: the watches that could be added still work.
    fn rearm(&mut self) {
        if let Err(err) = self.arm() {
            tracing::warn!(
                config = %self.config.display(),
                "cannot watch the config any more ({err}); edits apply on `deskbreak reload`"
            );
        }
    }

    /// Like [`Armed::rearm`], failing if not a single watch could be added.
    fn arm(&mut self) -> io::Result<()> {
        let mut wanted: HashMap<WatchDescriptor, HashSet<OsString>> = HashMap::new();
        let mut last_error = None;
        for target in targets(&self.config) {
            match self.add_nearest(&target) {
                Ok((wd, name)) => {
                    wanted.entry(wd).or_default().insert(name);
                }
                Err(err) => {
                    tracing::debug!(folder = %target.dir.display(), "cannot watch: {err}");
                    last_error = Some(err);
                }
            }
        }
        for stale in self.names.keys().filter(|wd| !wanted.contains_key(*wd)) {
            // Gone already if its folder was removed; nothing to do then.
            let _ = self.watches.remove(stale.clone());
        }
        self.names = wanted;
        tracing::debug!(watches = self.names.len(), "watching the config");
        match (self.names.is_empty(), last_error) {
            (true, Some(err)) => Err(err),
            _ => Ok(()),
        }
    }

    /// Watch `target`'s folder, or if it does not exist, the nearest folder above it that
    /// does, for the name of the next step down. Returns the watch and the name. Masks
    /// add up (`IN_MASK_ADD`): two targets may share a folder.
    fn add_nearest(&mut self, target: &Target) -> io::Result<(WatchDescriptor, OsString)> {
        let mut dir = target.dir.clone();
        let mut name = target.name.clone();
        let mut mask = if target.file {
            file_mask()
        } else {
            folder_mask()
        };
        loop {
            match self.watches.add(&dir, mask | WatchMask::MASK_ADD) {
                Ok(wd) => return Ok((wd, name)),
                Err(err)
                    if matches!(
                        err.kind(),
                        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                    ) =>
                {
                    let (Some(parent), Some(step)) = (dir.parent(), dir.file_name()) else {
                        return Err(err);
                    };
                    name = step.to_owned();
                    dir = parent.to_owned();
                    mask = folder_mask();
                }
                Err(err) => return Err(err),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(targets: &[Target]) -> Vec<(PathBuf, String)> {
        targets
            .iter()
            .map(|t| (t.dir.clone(), t.name.to_string_lossy().into_owned()))
            .collect()
    }

    #[test]
    fn a_plain_config_is_watched_in_its_folder_and_the_folder_in_its_parent() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let config = root.join("deskbreak/config.toml");
        assert_eq!(
            names(&targets(&config)),
            vec![
                (root.join("deskbreak"), "config.toml".into()),
                (root.clone(), "deskbreak".into()),
            ]
        );
    }

    #[test]
    fn a_symlinked_config_is_watched_where_it_points_too() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("dotfiles/deskbreak")).unwrap();
        std::fs::create_dir_all(root.join("config/deskbreak")).unwrap();
        std::fs::write(root.join("dotfiles/deskbreak/real.toml"), "").unwrap();
        // Relative, as stow makes them, through a second link.
        std::os::unix::fs::symlink(
            "../../dotfiles/deskbreak/link.toml",
            root.join("config/deskbreak/config.toml"),
        )
        .unwrap();
        std::os::unix::fs::symlink("real.toml", root.join("dotfiles/deskbreak/link.toml")).unwrap();
        let found = names(&targets(&root.join("config/deskbreak/config.toml")));
        let dotfiles = root.join("config/deskbreak/../../dotfiles/deskbreak");
        assert!(
            found.contains(&(dotfiles.clone(), "link.toml".into())),
            "{found:?}"
        );
        assert!(found.contains(&(dotfiles, "real.toml".into())), "{found:?}");
        assert!(
            found.contains(&(root.join("dotfiles/deskbreak"), "real.toml".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_symlink_loop_ends() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.toml");
        std::os::unix::fs::symlink("b.toml", &a).unwrap();
        std::os::unix::fs::symlink("a.toml", dir.path().join("b.toml")).unwrap();
        assert!(targets(&a).len() <= 4);
    }

    /// The real thing on a real file system: the watch moves with the folder.
    #[tokio::test]
    async fn edits_are_seen_after_the_folder_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("deskbreak");
        let config = folder.join("config.toml");
        let mut reports = watch(&config).expect("inotify works here");
        let soon = Duration::from_secs(3);
        let edit = |text: &str| std::fs::write(&config, text).unwrap();
        edit("a");
        tokio::time::timeout(soon, reports.recv()).await.unwrap();

        std::fs::rename(&folder, dir.path().join("old")).unwrap();
        tokio::time::timeout(soon, reports.recv()).await.unwrap();
        std::fs::create_dir(&folder).unwrap();
        tokio::time::timeout(soon, reports.recv()).await.unwrap();
        edit("b");
        tokio::time::timeout(soon, reports.recv()).await.unwrap();
        // Edits in the moved-away folder are not the config's any more.
        std::fs::write(dir.path().join("old/config.toml"), "c").unwrap();
        assert!(
            tokio::time::timeout(Duration::from_millis(600), reports.recv())
                .await
                .is_err()
        );

        std::fs::remove_dir_all(&folder).unwrap();
        tokio::time::timeout(soon, reports.recv()).await.unwrap();
        std::fs::create_dir_all(&folder).unwrap();
        edit("d");
        tokio::time::timeout(soon, reports.recv()).await.unwrap();
        edit("e");
        tokio::time::timeout(soon, reports.recv()).await.unwrap();
    }
}
