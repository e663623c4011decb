//! Idle backends: how deskbreak learns that the user stopped (or resumed) using the
//! keyboard and mouse. One file per backend, probed in priority order at start-up.
//!
//! Every backend follows the same contract:
//!
//! * `probe(threshold) -> Result<Backend, String>` checks that the backend works here
//!   (the `Err` says why not, for the log);
//! * `Backend::run(self, events)` reports [`Presence::Idle`] once when the user has been
//!   idle for `threshold`, then [`Presence::Active`] once when input resumes, and so on.
//!   It returns when `events` is closed (the daemon stopped) or the backend fails.
//!
//! Event-driven backends (Wayland, GNOME) wake the daemon only on a change; polled ones
//! (X11, ScreenSaver) sleep until the earliest moment the idle state could matter.

pub mod gnome;
pub mod screensaver;
pub mod wayland;
pub mod x11;

use std::time::Duration;

use tokio::sync::mpsc;

/// A change in the user's input activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// No input for `idle_for` (at least the threshold), as of the moment this is sent.
    Idle {
        /// How long ago the last input happened.
        idle_for: Duration,
    },
    /// Input again after being idle.
    Active,
}

/// A session-bus connection for a D-Bus backend, or why there is none.
async fn session_bus() -> Result<zbus::Connection, String> {
    tokio::time::timeout(Duration::from_secs(5), zbus::Connection::session())
        .await
        .map_err(|_| "the session bus did not answer".to_owned())?
        .map_err(|e| format!("no session bus ({e})"))
}

/// Where backends send their reports.
pub type Events = mpsc::Sender<Presence>;

/// Which idle backend to use (`activity.backend`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Choice {
    /// Probe in priority order and take the first that works.
    #[default]
    Auto,
    /// Force one backend.
    Only(Kind),
}

/// The idle backends, in probing priority order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Wayland `ext-idle-notify-v1` (sway, Hyprland, KDE Plasma, niri, COSMIC, labwc…).
    Wayland,
    /// GNOME / Mutter `org.gnome.Mutter.IdleMonitor`.
    Gnome,
    /// X11 MIT-SCREEN-SAVER.
    X11,
    /// `org.freedesktop.ScreenSaver.GetSessionIdleTime` (KDE on X11 and others).
    ScreenSaver,
    /// No idle detection: all wall time awake counts as sitting.
    None,
}

impl Kind {
    /// Probing order for `auto`.
    pub const PRIORITY: [Kind; 4] = [Kind::Wayland, Kind::Gnome, Kind::X11, Kind::ScreenSaver];

    /// The name used in config, logs and status.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Kind::Wayland => wayland::NAME,
            Kind::Gnome => gnome::NAME,
            Kind::X11 => x11::NAME,
            Kind::ScreenSaver => screensaver::NAME,
            Kind::None => "none",
        }
    }

    /// The backend with this config name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Kind> {
        [
            Kind::Wayland,
            Kind::Gnome,
            Kind::X11,
            Kind::ScreenSaver,
            Kind::None,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }
}

/// A backend that probed successfully, ready to run.
#[derive(Debug)]
enum Ready {
    Wayland(wayland::Backend),
    Gnome(gnome::Backend),
    X11(x11::Backend),
    ScreenSaver(screensaver::Backend),
}

/// The outcome of start-up probing.
#[derive(Debug)]
pub struct Started {
    /// The backend in use.
    pub kind: Kind,
    /// Why each backend tried before it (or the forced one) did not work.
    pub rejected: Vec<(Kind, String)>,
    /// Its reports; never yields anything for `none`.
    pub events: mpsc::Receiver<Presence>,
}

/// Probe per `choice` and start the winner on its own task. The task ends when the
/// returned receiver is dropped.
pub async fn start(choice: Choice, threshold: Duration) -> Started {
    let candidates: Vec<Kind> = match choice {
        Choice::Auto => Kind::PRIORITY.to_vec(),
        Choice::Only(Kind::None) => Vec::new(),
        Choice::Only(kind) => vec![kind],
    };
    let (sender, events) = mpsc::channel(8);
    let mut rejected = Vec::new();
    for kind in candidates {
        let probed = match kind {
            Kind::Wayland => wayland::probe(threshold).await.map(Ready::Wayland),
            Kind::Gnome => gnome::probe(threshold).await.map(Ready::Gnome),
            Kind::X11 => x11::probe(threshold).await.map(Ready::X11),
            Kind::ScreenSaver => screensaver::probe(threshold).await.map(Ready::ScreenSaver),
            Kind::None => continue,
        };
        match probed {
            Ok(ready) => {
                tokio::spawn(async move {
                    match ready {
                        Ready::Wayland(b) => b.run(sender).await,
                        Ready::Gnome(b) => b.run(sender).await,
                        Ready::X11(b) => b.run(sender).await,
                        Ready::ScreenSaver(b) => b.run(sender).await,
                    }
                });
                return Started {
                    kind,
                    rejected,
                    events,
                };
            }
            Err(reason) => rejected.push((kind, reason)),
        }
    }
    Started {
        kind: Kind::None,
        rejected,
        events,
    }
}
