//! Meetings: the camera or the microphone in use.
//!
//! * **Camera**: a `/dev/video*` node open by one of the user's own processes, found by
//!   reading the `fd` links of the processes under `/proc` that this user owns. The app is
//!   named from the process's `comm`.
//! * **Microphone**: the sound server's capture streams ("source outputs"), read over the
//!   PulseAudio native protocol, which both PulseAudio and PipeWire's `pipewire-pulse`
//!   speak (see [`pulse`]). That covers Bluetooth headsets too, which never open an ALSA
//!   device. Streams that record a sink's monitor, filters that run on their own (echo
//!   cancellation, loopbacks) and mixers' level meters do not count.
//! * **Microphone, without a sound server**: ALSA capture substreams in state `RUNNING`
//!   (`/proc/asound/card*/pcm*c/sub*/status`). Only read when no sound server answers:
//!   with one, it holds the capture device open for its own filters and monitors too, so
//!   ALSA would say "in use" when no application records.
//!
//! Nothing here is polled. [`read`] looks once; [`watch`] follows the sound server's
//! stream events (a subscription on the same protocol) while a break waits. The camera and
//! ALSA have no cheap change notification: the engine's once-a-minute re-check covers them.

pub mod pulse;

use std::ffi::OsStr;
use std::fs;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tokio::sync::mpsc;

use super::{Apps, Context, Detail, Hold, Reading, Reason, Signal};
use crate::i18n::text;
use crate::{human, t};

/// How long the scan of `/proc` may take before it gives up (it runs on a blocking thread,
/// which cannot be cancelled from outside: it checks this itself).
const SCAN_BUDGET: Duration = Duration::from_secs(2);

/// Most `fd` entries read in one process: a process with more is not looked at further
/// (file descriptor limits are 1024 by default, 524288 at most with systemd).
const MAX_FDS_PER_PROCESS: usize = 65_536;

/// Most entries read in one `/proc/asound` folder level (cards, devices, substreams).
const MAX_ALSA_ENTRIES: usize = 256;

/// The signals' names, for `doctor`.
const CAMERA: &str = "camera (/dev/video*)";
const MICROPHONE_SERVER: &str = "microphone (PulseAudio or PipeWire capture streams)";
const MICROPHONE_ALSA: &str = "microphone (ALSA capture substreams)";

/// Read the camera and the microphone once.
pub async fn read(ctx: &Context) -> Vec<Signal> {
    let server = pulse::Server::from_env();
    read_with(ctx, server).await
}

/// Follow the sound server's capture streams until dropped; a hint on each change. Returns
/// at once when no sound server answers (the engine's re-check covers the rest).
pub async fn watch(ctx: Context, hint: mpsc::Sender<()>) {
    let _ = ctx;
    watch_with(pulse::Server::from_env(), hint).await;
}

/// [`watch`] with the sound server given (tests point it at their own).
pub async fn watch_with(server: Result<pulse::Server, String>, hint: mpsc::Sender<()>) {
    if let Ok(server) = server {
        pulse::follow(&server, hint).await;
    }
}

/// [`read`] with the sound server given (tests point it at their own; `Err` says why there
/// is none).
pub async fn read_with(ctx: &Context, server: Result<pulse::Server, String>) -> Vec<Signal> {
    let proc_root = ctx.proc_root.clone();
    let dev_root = ctx.dev_root.clone();
    let uid = rustix::process::getuid().as_raw();
    let camera = tokio::task::spawn_blocking(move || {
        camera_users(&proc_root, &dev_root, uid, Instant::now() + SCAN_BUDGET)
    });

    let mut signals = Vec::with_capacity(3);
    let microphone = match server {
        Ok(server) => pulse::recording_apps(&server).await,
        Err(why) => Err(why),
    };

    signals.push(Signal {
        name: CAMERA,
        reason: Reason::Meeting,
        reading: match camera.await {
            Ok(Ok(users)) => held_if(users, Detail::Camera),
            Ok(Err(why)) => Reading::Unreadable(why),
            Err(_) => Reading::Unreadable(t!(
                "doctor-meeting-scan-stopped",
                path = text(ctx.proc_root.display())
            )),
        },
    });
    match microphone {
        Ok(apps) => signals.push(Signal {
            name: MICROPHONE_SERVER,
            reason: Reason::Meeting,
            reading: held_if(apps, Detail::Microphone),
        }),
        Err(why) => {
            signals.push(Signal {
                name: MICROPHONE_SERVER,
                reason: Reason::Meeting,
                reading: Reading::Unreadable(why),
            });
            let proc_root = ctx.proc_root.clone();
            let alsa = tokio::task::spawn_blocking(move || alsa_capture_owners(&proc_root));
            signals.push(Signal {
                name: MICROPHONE_ALSA,
                reason: Reason::Meeting,
                reading: match alsa.await {
                    Ok(Ok(owners)) => held_if(owners, Detail::Microphone),
                    Ok(Err(why)) => Reading::Unreadable(why),
                    Err(_) => Reading::Unreadable(t!(
                        "doctor-meeting-scan-stopped",
                        path = text(ctx.proc_root.join("asound").display())
                    )),
                },
            });
        }
    }
    signals
}

/// `Held` naming the apps (`device` says which detail), or `Clear` when there are none.
fn held_if(apps: Apps, device: fn(Apps) -> Detail) -> Reading {
    if apps.is_empty() {
        Reading::Clear
    } else {
        Reading::Held(Hold::new(device(apps)))
    }
}

/// This user's processes that have a `/dev/video*` node of `dev_root` open, by name
/// (sorted, once each; one whose name is gone is counted). Processes that end during the scan, and those whose `fd` folder
/// cannot be read, are passed over; only an unreadable `proc_root` is an error.
fn camera_users(
    proc_root: &Path,
    dev_root: &Path,
    uid: u32,
    deadline: Instant,
) -> Result<Apps, String> {
    let entries = fs::read_dir(proc_root).map_err(|e| cannot_list(proc_root, &e))?;
    let mut users = Vec::new();
    for entry in entries {
        if Instant::now() > deadline {
            return Err(t!(
                "doctor-meeting-scan-slow",
                path = text(proc_root.display()),
                duration = human::duration(SCAN_BUDGET)
            ));
        }
        let Ok(entry) = entry else { continue };
        if !is_pid(&entry.file_name()) {
            continue;
        }
        let dir = entry.path();
        // The owner of /proc/PID is the process's effective uid.
        match fs::symlink_metadata(&dir) {
            Ok(meta) if meta.uid() == uid => {}
            _ => continue,
        }
        if has_video_open(&dir.join("fd"), dev_root) {
            users.push(process_name(&dir));
        }
    }
    Ok(Apps::collect(users))
}

/// Whether one of the links in this `fd` folder points at a `video*` node of `dev_root`.
fn has_video_open(fd_dir: &Path, dev_root: &Path) -> bool {
    let Ok(fds) = fs::read_dir(fd_dir) else {
        return false;
    };
    fds.take(MAX_FDS_PER_PROCESS)
        .filter_map(Result::ok)
        .filter_map(|fd| fs::read_link(fd.path()).ok())
        .any(|target| is_video_node(&target, dev_root))
}

/// `dev_root/videoN`.
fn is_video_node(target: &Path, dev_root: &Path) -> bool {
    target.parent() == Some(dev_root)
        && target
            .file_name()
            .and_then(OsStr::to_str)
            .and_then(|name| name.strip_prefix("video"))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn is_pid(name: &OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The process's `comm`; `None` when it ended or has none.
fn process_name(dir: &Path) -> Option<String> {
    let comm = fs::read(dir.join("comm")).unwrap_or_default();
    // comm is at most 16 bytes; a test root could hold anything: keep it short.
    let comm = String::from_utf8_lossy(&comm[..comm.len().min(64)])
        .trim()
        .to_owned();
    (!comm.is_empty()).then_some(comm)
}

/// The owners (by name, sorted, once each; the nameless counted) of the ALSA capture
/// substreams that are `RUNNING`.
fn alsa_capture_owners(proc_root: &Path) -> Result<Apps, String> {
    let asound = proc_root.join("asound");
    let cards = fs::read_dir(&asound).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => t!("doctor-meeting-no-asound", path = text(asound.display())),
        _ => cannot_list(&asound, &e),
    })?;
    let mut owners = Vec::new();
    for card in children(cards, "card") {
        let Ok(devices) = fs::read_dir(&card) else {
            continue;
        };
        // Capture devices are pcmNc, playback ones pcmNp.
        for device in children(devices, "pcm").filter(|d| d.to_string_lossy().ends_with('c')) {
            let Ok(subs) = fs::read_dir(&device) else {
                continue;
            };
            for sub in children(subs, "sub") {
                let Ok(status) = read_small(&sub.join("status")) else {
                    continue;
                };
                match running_owner(&status) {
                    Some(0) => owners.push(None),
                    Some(pid) => owners.push(process_name(&proc_root.join(pid.to_string()))),
                    None => {}
                }
            }
        }
    }
    Ok(Apps::collect(owners))
}

/// The folders of a listing whose names start with `prefix`, a bounded number of them.
fn children(entries: fs::ReadDir, prefix: &str) -> impl Iterator<Item = PathBuf> {
    entries
        .take(MAX_ALSA_ENTRIES)
        .filter_map(Result::ok)
        .filter(move |e| e.file_name().to_string_lossy().starts_with(prefix))
        .map(|e| e.path())
}

/// A status file's owner when its state is `RUNNING` ("closed" and the other states are not
/// capturing). The owner is 0 when the file has none.
fn running_owner(status: &str) -> Option<u32> {
    let field = |key: &str| {
        status.lines().find_map(|line| {
            let (k, v) = line.split_once(':')?;
            (k.trim() == key).then(|| v.trim())
        })
    };
    (field("state")? == "RUNNING")
        .then(|| field("owner_pid").and_then(|p| p.parse().ok()).unwrap_or(0))
}

/// A file of /proc, read up to 4 KiB (status files are a few hundred bytes).
fn read_small(path: &Path) -> io::Result<String> {
    use std::io::Read as _;
    let mut text = String::new();
    fs::File::open(path)?.take(4096).read_to_string(&mut text)?;
    Ok(text)
}

/// "cannot list PATH: why", the common errors in a few words.
fn cannot_list(path: &Path, e: &io::Error) -> String {
    let error = match e.kind() {
        io::ErrorKind::NotFound => t!("doctor-meeting-no-such-file"),
        io::ErrorKind::PermissionDenied => t!("doctor-meeting-permission-denied"),
        _ => e.to_string(),
    };
    t!(
        "doctor-meeting-cannot-list",
        path = text(path.display()),
        error = error
    )
}

#[cfg(test)]
mod tests;
