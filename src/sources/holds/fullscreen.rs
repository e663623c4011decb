//! Fullscreen detector: is the focused window fullscreen (a film, a presentation, a game)?
//!
//! * X11: the root window's `_NET_ACTIVE_WINDOW`, and that window's `_NET_WM_STATE`
//!   holding `_NET_WM_STATE_FULLSCREEN` (EWMH). `watch` selects `PropertyNotify` on the
//!   root window and on the focused window. See [`x11`].
//!
//! Each `read` connects, reads and disconnects; `watch` keeps a connection only while it
//! runs, which is only while a break waits. A detector reads and reports: whether a
//! fullscreen window holds a break back is the engine's call (`respect.fullscreen`).

mod x11;

use tokio::sync::mpsc;

use super::{Context, Hold, Reading, Reason, Signal};

/// The signal's name when the session is plain X11.
const X11: &str = "X11 fullscreen window";

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
            Focus::Fullscreen(name) => Reading::Held(Hold {
                reason: Reason::Fullscreen,
                detail: match name.as_deref().map(clean_name) {
                    Some(name) if !name.is_empty() => format!("{name} is fullscreen"),
                    _ => "a window is fullscreen".to_owned(),
                },
            }),
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
    let Some(display) = &ctx.x11_display else {
        return vec![signal(
            NO_DISPLAY,
            Reading::Unreadable(
                "neither WAYLAND_DISPLAY nor DISPLAY is set: no display to read".into(),
            ),
        )];
    };
    let reading = match x11::read(display).await {
        Ok(focus) => focus.reading(),
        Err(e) => Reading::Unreadable(e.to_string()),
    };
    vec![signal(X11, reading)]
}

/// Follow the focused window's fullscreen state until dropped, sending a hint when it
/// changes.
pub async fn watch(ctx: Context, hint: mpsc::Sender<()>) {
    if let Some(display) = ctx.x11_display {
        x11::watch(display, hint).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fullscreen_window_is_named_by_its_application() {
        let held = |name: Option<&str>| match Focus::Fullscreen(name.map(str::to_owned)).reading() {
            Reading::Held(hold) => {
                assert_eq!(hold.reason, Reason::Fullscreen);
                hold.detail
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
