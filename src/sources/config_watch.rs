//! Notices edits to the config file and to the own exercises file beside it (inotify), so
//! they apply without a restart.
//!
//! The folder is watched rather than the file: editors often save by writing a new file
//! and renaming it over the old one, and the file may not exist yet when deskbreak starts.
//! Bursts of events (one save can make several) are folded into one report after a short
//! quiet time.

use std::ffi::OsString;
use std::path::Path;
use std::time::Duration;

use futures_util::StreamExt;
use inotify::{Inotify, WatchMask};
use tokio::sync::mpsc;

/// How long to wait for an editor to finish saving before reading the file.
const SETTLE: Duration = Duration::from_millis(200);

/// Start watching `config`. Each report means "the file may have changed". Returns
/// `None` (with the reason logged) if the folder cannot be watched.
pub fn watch(config: &Path) -> Option<mpsc::Receiver<()>> {
    let dir = config.parent()?.to_owned();
    let name: OsString = config.file_name()?.to_owned();
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
    if let Err(err) = std::fs::create_dir_all(&dir) {
        tracing::debug!(folder = %dir.display(), "cannot create the config folder: {err}");
    }
    let mask = WatchMask::CLOSE_WRITE
        | WatchMask::MOVED_TO
        | WatchMask::CREATE
        | WatchMask::DELETE
        | WatchMask::MOVED_FROM;
    if let Err(err) = inotify.watches().add(&dir, mask) {
        tracing::info!(
            folder = %dir.display(),
            "not watching the config folder ({err}); edits apply on `deskbreak reload` or SIGHUP"
        );
        return None;
    }
    let mut events = match inotify.into_event_stream(vec![0u8; 4096]) {
        Ok(events) => events,
        Err(err) => {
            tracing::warn!("cannot watch the config file ({err})");
            return None;
        }
    };
    let (sender, receiver) = mpsc::channel(1);
    tokio::spawn(async move {
        loop {
            let event = tokio::select! {
                () = sender.closed() => return,
                event = events.next() => event,
            };
            match event {
                // The config, or the own exercises file beside it.
                Some(Ok(event))
                    if event.name.as_deref() == Some(name.as_os_str())
                        || event.name.as_deref()
                            == Some(std::ffi::OsStr::new("exercises.json")) =>
                {
                    // Let the burst of events from one save settle, draining it.
                    while let Ok(Some(_)) = tokio::time::timeout(SETTLE, events.next()).await {}
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
