//! Holds: what makes now a bad moment to interrupt (do-not-disturb, a fullscreen window or
//! an idle inhibitor, a meeting).
//!
//! Nothing here runs at rest. When a break falls due the engine asks for a check
//! (`Action::CheckHolds`); the daemon runs [`read_all`] off the loop and feeds what it found
//! back as an engine input. While a break waits, [`watch_all`] runs too, so that a signal a
//! desktop sends (dunst's `paused` changing, an inhibitor removed, …) asks for a new check
//! at once; the engine re-checks at most once a minute besides. When the break is shown
//! (or no longer due) the watch is dropped.
//!
//! # Adding a detector
//!
//! A detector is a module here with
//!
//! * `pub async fn read(ctx: &Context) -> Vec<Signal>`: one [`Signal`] per thing it can read
//!   on this desktop (and one `Unreadable` per thing it looked for and could not read, with
//!   the reason, for `doctor`). It never panics; every call to the outside is bounded (the
//!   shared bus connection has its own call timeout; [`read_all`] bounds the whole too).
//! * `pub async fn watch(ctx: Context, hint: mpsc::Sender<()>)`: runs until dropped and
//!   sends a hint whenever something it reads may have changed. A detector with nothing to
//!   follow returns at once. A watch may send one hint as soon as it follows everything,
//!   so that a change between the check that started the wait and its subscription is not
//!   lost (the D-Bus detectors do). Hints are sent with `try_send`: one not yet taken is
//!   enough.
//!
//! and one line in [`read_all`] and [`watch_all`] each.

pub mod dconf;
pub mod detail;
pub mod dnd;
pub mod fullscreen;
pub mod inhibit;
pub mod meeting;
mod peers;
pub mod runner;

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;

pub use detail::{Apps, Detail, Switch};

/// Why a due break is held back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The desktop's do-not-disturb is on.
    DoNotDisturb,
    /// The focused window is fullscreen.
    Fullscreen,
    /// An application inhibits idle (a video call, a presentation, a player).
    Inhibitor,
    /// The camera or the microphone is in use.
    Meeting,
}

impl Reason {
    /// Every reason, in a stable order.
    pub const ALL: [Reason; 4] = [
        Reason::DoNotDisturb,
        Reason::Fullscreen,
        Reason::Inhibitor,
        Reason::Meeting,
    ];

    /// The reason called `name` (see [`Self::as_str`]).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Reason> {
        Self::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// The word used in JSON, on the bus and in the history (`waited_for`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::DoNotDisturb => "do_not_disturb",
            Reason::Fullscreen => "fullscreen",
            Reason::Inhibitor => "inhibitor",
            Reason::Meeting => "meeting",
        }
    }

    /// The words a person reads ("meeting" in "waiting: meeting (camera in use)"), in
    /// the current language.
    #[must_use]
    pub fn words(self) -> String {
        match self {
            Reason::DoNotDisturb => crate::t!("wait-reason-do-not-disturb"),
            Reason::Fullscreen => crate::t!("wait-reason-fullscreen"),
            Reason::Inhibitor => crate::t!("wait-reason-inhibitor"),
            Reason::Meeting => crate::t!("wait-reason-meeting"),
        }
    }

    /// The `respect.*` key that turns it off.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Reason::DoNotDisturb => "respect.do_not_disturb",
            Reason::Fullscreen | Reason::Inhibitor => "respect.fullscreen",
            Reason::Meeting => "respect.meetings",
        }
    }
}

/// One thing that holds a break back now.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hold {
    /// Why.
    pub reason: Reason,
    /// What the detector found, typed (worded by [`Hold::words`] where a person reads it).
    pub detail: Detail,
}

impl Hold {
    /// The hold of a detail of a known kind, for the reason that kind holds for (a
    /// [`Detail::Unknown`] has none of its own: build `Hold { reason, detail }` for it).
    #[must_use]
    pub fn new(detail: Detail) -> Self {
        Self {
            reason: detail.reason().unwrap_or(Reason::DoNotDisturb),
            detail,
        }
    }

    /// The hold in words, in the current language: "meeting (camera in use by zoom)",
    /// "do not disturb (dunst is paused)"; a fullscreen window's or an inhibitor's detail
    /// alone ("mpv is fullscreen", "zoom inhibits idle"), which says its reason already;
    /// the reason alone when the detail is of a kind this version does not know.
    #[must_use]
    pub fn words(&self) -> String {
        match (self.detail.words(), self.reason) {
            (Some(detail), Reason::Fullscreen | Reason::Inhibitor) => detail,
            (Some(detail), _) => {
                crate::t!("wait-hold", reason = self.reason.words(), detail = detail)
            }
            (None, _) => self.reason.words(),
        }
    }
}

/// English and stable, for log lines: `do_not_disturb paused server="dunst"`.
impl fmt::Display for Hold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.reason.as_str(), self.detail)
    }
}

/// What one signal said when asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Readable, and nothing holds the break back.
    Clear,
    /// Readable, and this holds the break back.
    Held(Hold),
    /// Not readable here, and why ("dunst is not running", "GNOME on Wayland exposes no
    /// fullscreen state: inhibitors are the signal").
    Unreadable(String),
}

/// One signal a detector read (or tried to).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signal {
    /// What was read, for `doctor`: "dunst do-not-disturb", "X11 fullscreen window",
    /// "camera (/dev/video*)".
    pub name: &'static str,
    /// Which `respect.*` setting it belongs to.
    pub reason: Reason,
    /// What it said.
    pub reading: Reading,
}

/// Which holds the user asked deskbreak to respect (`[respect]`, validated).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Respect {
    /// `respect.do_not_disturb`.
    pub do_not_disturb: bool,
    /// `respect.fullscreen` (fullscreen windows and idle inhibitors).
    pub fullscreen: bool,
    /// `respect.meetings` (camera and microphone).
    pub meetings: bool,
    /// `respect.max_delay`: show the reminder anyway after waiting this long; `None` = wait
    /// as long as it takes.
    pub max_delay: Option<Duration>,
}

impl Default for Respect {
    fn default() -> Self {
        Self {
            do_not_disturb: true,
            fullscreen: true,
            meetings: true,
            max_delay: None,
        }
    }
}

impl Respect {
    /// Whether holds of this kind are respected.
    #[must_use]
    pub fn respects(&self, reason: Reason) -> bool {
        match reason {
            Reason::DoNotDisturb => self.do_not_disturb,
            Reason::Fullscreen | Reason::Inhibitor => self.fullscreen,
            Reason::Meeting => self.meetings,
        }
    }

    /// Whether anything at all is respected (if not, nothing is ever checked).
    #[must_use]
    pub fn any(&self) -> bool {
        Reason::ALL.into_iter().any(|r| self.respects(r))
    }
}

/// Where the detectors look: the session bus, the displays, and the roots of `/proc`, `/dev`
/// and `/sys` (tests point these at a folder of files shaped like them).
#[derive(Clone, Debug)]
pub struct Context {
    /// The daemon's one session-bus connection, if there is a bus.
    pub bus: Option<zbus::Connection>,
    /// `DISPLAY`, if set.
    pub x11_display: Option<String>,
    /// `WAYLAND_DISPLAY`, if set.
    pub wayland_display: Option<String>,
    /// `/proc`.
    pub proc_root: PathBuf,
    /// `/dev`.
    pub dev_root: PathBuf,
    /// `/sys`.
    pub sys_root: PathBuf,
    /// The user's dconf database (`$XDG_CONFIG_HOME/dconf/user`), if there is a home.
    pub dconf_user: Option<PathBuf>,
}

impl Context {
    /// The context of this process: its environment and the real `/proc`, `/dev`, `/sys`.
    #[must_use]
    pub fn from_env(bus: Option<zbus::Connection>) -> Self {
        let var = |name| std::env::var(name).ok().filter(|v: &String| !v.is_empty());
        Self {
            bus,
            x11_display: var("DISPLAY"),
            wayland_display: var("WAYLAND_DISPLAY"),
            proc_root: PathBuf::from("/proc"),
            dev_root: PathBuf::from("/dev"),
            sys_root: PathBuf::from("/sys"),
            dconf_user: directories::BaseDirs::new().map(|dirs| dconf::user_db(dirs.config_dir())),
        }
    }
}

/// Longest a whole check may take; a detector that has not answered by then counts as
/// unreadable this time.
pub const CHECK_TIMEOUT: Duration = Duration::from_secs(6);

/// Read every detector the user respects, concurrently, each bounded by [`CHECK_TIMEOUT`].
pub async fn read_all(ctx: &Context, respect: &Respect) -> Vec<Signal> {
    // Each detector adds one future here (guarded by `respect.respects(..)`), all joined.
    let dnd = within(
        respect.respects(Reason::DoNotDisturb),
        "do-not-disturb",
        Reason::DoNotDisturb,
        dnd::read(ctx),
    );
    let inhibit = within(
        respect.respects(Reason::Inhibitor),
        "idle inhibitors",
        Reason::Inhibitor,
        inhibit::read(ctx),
    );
    let fullscreen = within(
        respect.respects(Reason::Fullscreen),
        "fullscreen window",
        Reason::Fullscreen,
        fullscreen::read(ctx),
    );
    let meeting = within(
        respect.respects(Reason::Meeting),
        "camera and microphone",
        Reason::Meeting,
        meeting::read(ctx),
    );
    let (dnd, fullscreen, inhibit, meeting) = tokio::join!(dnd, fullscreen, inhibit, meeting);
    [dnd, fullscreen, inhibit, meeting].concat()
}

/// A detector's reading if it is respected, or one `Unreadable` signal when it has not
/// answered within [`CHECK_TIMEOUT`] (the others' readings are kept).
async fn within(
    respected: bool,
    name: &'static str,
    reason: Reason,
    read: impl Future<Output = Vec<Signal>>,
) -> Vec<Signal> {
    if !respected {
        return Vec::new();
    }
    tokio::time::timeout(CHECK_TIMEOUT, read)
        .await
        .unwrap_or_else(|_| {
            tracing::warn!(signal = name, "holds: no answer within {CHECK_TIMEOUT:?}");
            vec![Signal {
                name,
                reason,
                reading: Reading::Unreadable(crate::t!(
                    "doctor-holds-no-answer",
                    duration = crate::human::duration(CHECK_TIMEOUT)
                )),
            }]
        })
}

/// What holds the break back, out of a check's signals, respected ones only.
#[must_use]
pub fn holds(signals: &[Signal], respect: &Respect) -> Vec<Hold> {
    let mut holds: Vec<Hold> = signals
        .iter()
        .filter(|s| respect.respects(s.reason))
        .filter_map(|s| match &s.reading {
            Reading::Held(hold) => Some(hold.clone()),
            Reading::Clear | Reading::Unreadable(_) => None,
        })
        .collect();
    holds.sort();
    holds.dedup();
    holds
}

/// Follow every detector the user respects until dropped, sending a hint on each change.
pub async fn watch_all(ctx: Context, respect: Respect, hint: mpsc::Sender<()>) {
    // Each detector adds one future here (guarded by `respect.respects(..)`), all joined.
    let dnd = async {
        if respect.respects(Reason::DoNotDisturb) {
            dnd::watch(ctx.clone(), hint.clone()).await;
        }
    };
    let inhibit = async {
        if respect.respects(Reason::Inhibitor) {
            inhibit::watch(ctx.clone(), hint.clone()).await;
        }
    };
    let fullscreen = async {
        if respect.respects(Reason::Fullscreen) {
            fullscreen::watch(ctx.clone(), hint.clone()).await;
        }
    };
    let meeting = async {
        if respect.respects(Reason::Meeting) {
            meeting::watch(ctx.clone(), hint.clone()).await;
        }
    };
    tokio::join!(dnd, fullscreen, inhibit, meeting);
    // Detectors with nothing (more) to follow have returned: the engine's re-check remains.
    std::future::pending::<()>().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_respected_held_signals_hold_a_break() {
        let signal = |reason, reading| Signal {
            name: "test",
            reason,
            reading,
        };
        let camera = Hold::new(Detail::Camera(Apps::collect([Some("zoom".into())])));
        let signals = [
            signal(Reason::Meeting, Reading::Held(camera.clone())),
            signal(Reason::Meeting, Reading::Held(camera.clone())),
            signal(Reason::DoNotDisturb, Reading::Unreadable("no dunst".into())),
            signal(
                Reason::Fullscreen,
                Reading::Held(Hold::new(Detail::Fullscreen {
                    app: Some("mpv".into()),
                })),
            ),
        ];
        let respect = Respect {
            fullscreen: false,
            ..Respect::default()
        };
        assert_eq!(holds(&signals, &respect), vec![camera.clone()]);
        assert_eq!(camera.words(), "meeting (camera in use by zoom)");
        assert_eq!(camera.to_string(), r#"meeting camera apps="zoom""#);
        let unknown = Hold {
            reason: Reason::Meeting,
            detail: Detail::from_wire(Reason::Meeting, "screen_share", Default::default()),
        };
        assert_eq!(unknown.words(), "meeting");
        // A detail that names its reason is not preceded by it again.
        let film = Hold::new(Detail::Fullscreen {
            app: Some("mpv".into()),
        });
        assert_eq!(film.words(), "mpv is fullscreen");
        let german = crate::i18n::scoped(crate::i18n::Lang::De, || film.words());
        assert_eq!(german, "mpv ist im Vollbild");
    }
}
