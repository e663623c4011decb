//! Fullscreen detector: is the focused window fullscreen (a film, a presentation, a game)?
//!
//! * wlroots compositors (sway, Hyprland, labwc, …): `zwlr_foreign_toplevel_manager_v1`,
//!   a toplevel whose `state` is both `activated` and `fullscreen`. It lists XWayland
//!   windows too, so X is not asked there. See [`wlr`].
//! * GNOME and KDE on Wayland offer no such protocol: the Wayland signal is `Unreadable`
//!   and says that idle inhibitors are the signal there. Their XWayland windows (games,
//!   older players) are still read through X, but only while an Xwayland server of ours
//!   runs: both start Xwayland on demand, and asking an X display that nobody uses would
//!   start one just to learn that nothing is fullscreen.
//! * X11: the root window's `_NET_ACTIVE_WINDOW`, and that window's `_NET_WM_STATE`
//!   holding `_NET_WM_STATE_FULLSCREEN` (EWMH). `watch` selects `PropertyNotify` on the
//!   root window and on the focused window. See [`x11`].
//!
//! Each `read` connects, reads and disconnects; `watch` keeps a connection only while it
//! runs, which is only while a break waits. A detector reads and reports: whether a
//! fullscreen window holds a break back is the engine's call (`respect.fullscreen`).

mod wlr;
mod x11;

use std::os::unix::fs::MetadataExt as _;
use std::path::Path;

use tokio::sync::mpsc;

use super::{Context, Detail, Hold, Reading, Reason, Signal};

/// The signal's name when the session is plain X11.
const X11: &str = "X11 fullscreen window";

/// The signal's name for the X windows of a Wayland session.
const XWAYLAND: &str = "XWayland fullscreen window";

/// The signal's name for the compositor's own toplevels.
const WAYLAND: &str = "Wayland fullscreen window";

/// The signal's name when neither display is set.
const NO_DISPLAY: &str = "fullscreen window";

/// The longest application name put into a hold's detail; a window title can be long.
const NAME_CHARS: usize = 40;

/// What the focused window is.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Focus {
    /// Fullscreen, and what its application is called, if it says.
    Fullscreen(Option<String>),
    /// Not fullscreen, or nothing has the focus.
    Other,
}

impl Focus {
    /// The reading this focus gives.
    fn reading(self) -> Reading {
        match self {
            Focus::Other => Reading::Clear,
            Focus::Fullscreen(name) => Reading::Held(Hold::new(Detail::Fullscreen {
                app: name
                    .as_deref()
                    .map(clean_name)
                    .filter(|app| !app.is_empty()),
            })),
        }
    }
}

/// An application name fit for one line of status: no control characters, trimmed,
/// at most [`NAME_CHARS`] characters.
fn clean_name(name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let name = name.trim();
    if name.chars().count() <= NAME_CHARS {
        return name.to_owned();
    }
    let mut short: String = name.chars().take(NAME_CHARS - 1).collect();
    short.truncate(short.trim_end().len());
    short.push('…');
    short
}

/// Read whether the focused window is fullscreen, on each display this session has.
pub async fn read(ctx: &Context) -> Vec<Signal> {
    let signal = |name, reading| Signal {
        name,
        reason: Reason::Fullscreen,
        reading,
    };
    let mut signals = Vec::new();
    let mut xwayland = false;
    if let Some(display) = &ctx.wayland_display {
        match wlr::read(display).await {
            // The compositor's list has the XWayland windows too.
            Ok(focus) => return vec![signal(WAYLAND, focus.reading())],
            Err(e) => signals.push(signal(WAYLAND, Reading::Unreadable(e.words()))),
        }
        xwayland = true;
    }
    match &ctx.x11_display {
        Some(display) if xwayland => {
            let reading = if xwayland_running(&ctx.proc_root) {
                x11_reading(display).await
            } else {
                // No Xwayland of ours: no X window at all.
                Reading::Clear
            };
            signals.push(signal(XWAYLAND, reading));
        }
        Some(display) => signals.push(signal(X11, x11_reading(display).await)),
        None if xwayland => {}
        None => signals.push(signal(
            NO_DISPLAY,
            Reading::Unreadable(crate::t!("doctor-fullscreen-no-display")),
        )),
    }
    signals
}

/// The X11 display's reading.
async fn x11_reading(display: &str) -> Reading {
    match x11::read(display).await {
        Ok(focus) => focus.reading(),
        Err(e) => Reading::Unreadable(e.words()),
    }
}

/// Follow the focused window's fullscreen state until dropped, sending a hint when it
/// changes.
pub async fn watch(ctx: Context, hint: mpsc::Sender<()>) {
    if let Some(display) = &ctx.wayland_display {
        match wlr::watch(display, hint.clone()).await {
            Ok(()) => return,
            Err(e) => tracing::debug!("fullscreen: no Wayland toplevels to follow: {e}"),
        }
        // As in `read`: X only while Xwayland runs; one that starts later is found by the
        // next check.
        if !xwayland_running(&ctx.proc_root) {
            return;
        }
    }
    if let Some(display) = ctx.x11_display {
        x11::watch(display, hint).await;
    }
}

/// Whether an `Xwayland` process of this user runs, per `proc_root` (`/proc`). When that
/// cannot be told, X is asked (it may start Xwayland, which is better than never seeing a
/// fullscreen game).
fn xwayland_running(proc_root: &Path) -> bool {
    let uid = rustix::process::getuid().as_raw();
    let Ok(entries) = std::fs::read_dir(proc_root) else {
        return true;
    };
    entries.filter_map(Result::ok).any(|entry| {
        let path = entry.path();
        entry
            .file_name()
            .to_str()
            .is_some_and(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()))
            && std::fs::metadata(&path).is_ok_and(|m| m.uid() == uid)
            && std::fs::read_to_string(path.join("comm"))
                .is_ok_and(|comm| comm.trim_end() == "Xwayland")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fullscreen_window_is_named_by_its_application() {
        let held = |name: Option<&str>| match Focus::Fullscreen(name.map(str::to_owned)).reading() {
            Reading::Held(hold) => {
                assert_eq!(hold.reason, Reason::Fullscreen);
                hold.words()
            }
            other => panic!("expected a hold, got {other:?}"),
        };
        assert_eq!(held(Some("mpv")), "mpv is fullscreen");
        assert_eq!(held(None), "a window is fullscreen");
        assert_eq!(held(Some(" \t")), "a window is fullscreen");
        assert_eq!(held(Some("evil\nname")), "evil name is fullscreen");
        let long = held(Some(&"Ä".repeat(100)));
        assert_eq!(
            long,
            format!("{}… is fullscreen", "Ä".repeat(NAME_CHARS - 1))
        );
        assert_eq!(Focus::Other.reading(), Reading::Clear);
    }
}
