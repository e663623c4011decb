//! Idle backends: how deskbreak learns that the user stopped (or resumed) using the
//! keyboard and mouse. One file per backend, probed in priority order at start-up.
//!
//! Every backend follows the same contract:
//!
//! * `probe(threshold) -> Result<Backend, String>` checks that the backend works here
//!   (the `Err` says why not, for the log and `deskbreak doctor`);
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

/// Where backends send their reports.
pub type Events = mpsc::Sender<Presence>;
