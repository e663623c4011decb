//! The daemon's status: one typed value, from the engine to the CLI, the bars and
//! systemd's status line.
//!
//! Times are wall-clock and optional; the phase is a [`PhaseKind`]. The D-Bus interface
//! carries it with sentinels (`0` = none, `-1` = until resumed, the phase as a word), and
//! only [`crate::control`] knows them. Adding a field: one field here (set in
//! [`Status::new`]), its rendering in [`crate::status_view`], and its property in
//! `control.rs` (and the interface's XML).

use std::time::Duration;

use chrono::{DateTime, Local};

use crate::engine::{self, Paused, PhaseKind};
use crate::sources::activity::Kind;
use crate::sources::holds::Hold;

/// What the daemon is doing, as published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// Where the break cycle is.
    pub phase: PhaseKind,
    /// Sitting time as of the last change (not updated every second: see
    /// [`Status::sitting_at`]).
    pub sitting: Duration,
    /// When the current stretch of sitting began, if sitting is counting now (in every
    /// phase where the user is at the desk, a due or snoozed break included); `None`:
    /// not counting (away, locked, asleep).
    pub sitting_since: Option<DateTime<Local>>,
    /// `breaks.interval`.
    pub interval: Duration,
    /// When the next reminder is due if the user stays; `None`: none coming.
    pub next_break: Option<DateTime<Local>>,
    /// Whether, and until when, reminders are paused.
    pub paused: Option<PauseEnd>,
    /// The idle backend in use.
    pub idle_backend: Kind,
    /// Snoozes in a row.
    pub snoozes: u32,
    /// What a waiting break (phase `waiting`) waits for; empty otherwise.
    pub waiting_for: Vec<Hold>,
    /// Outside working hours (`[schedule]`) until this time; `None`: within them.
    pub off_hours_until: Option<DateTime<Local>>,
}

/// When a pause ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PauseEnd {
    /// By itself, at this time.
    At(DateTime<Local>),
    /// When `deskbreak resume` is run.
    UntilResumed,
}

impl Status {
    /// The status of an engine whose status is `engine` at wall-clock time `wall`.
    #[must_use]
    pub fn new(
        engine: &engine::Status,
        interval: Duration,
        idle_backend: Kind,
        wall: DateTime<Local>,
    ) -> Self {
        // Rounded to the nearest second, so that a pause asked to end at 14:00:00 is
        // published as 14:00:00, not 13:59:59.
        let at = |d: Duration| {
            chrono::Duration::from_std(d)
                .ok()
                .and_then(|d| wall.checked_add_signed(d + chrono::Duration::milliseconds(500)))
                .and_then(|t| DateTime::from_timestamp(t.timestamp(), 0))
                .map(|t| t.with_timezone(&Local))
        };
        Self {
            phase: engine.phase,
            sitting: engine.sitting,
            sitting_since: engine
                .sitting_counts
                .then(|| {
                    chrono::Duration::from_std(engine.sitting)
                        .ok()
                        .and_then(|d| {
                            wall.checked_sub_signed(d - chrono::Duration::milliseconds(500))
                        })
                        .and_then(|t| DateTime::from_timestamp(t.timestamp(), 0))
                        .map(|t| t.with_timezone(&Local))
                })
                .flatten(),
            interval,
            next_break: engine.next_prompt_in.and_then(at),
            paused: engine.paused.map(|p| match p {
                Paused::UntilResumed => PauseEnd::UntilResumed,
                Paused::For(d) => at(d).map_or(PauseEnd::UntilResumed, PauseEnd::At),
            }),
            idle_backend,
            snoozes: engine.snoozes,
            waiting_for: engine
                .waiting
                .as_ref()
                .map(|w| w.holds.clone())
                .unwrap_or_default(),
            off_hours_until: engine.off_hours_until.map(|t| t.with_timezone(&Local)),
        }
    }

    /// Sitting time at `now`: counted on from [`Status::sitting_since`] while sitting
    /// counts, else as published.
    #[must_use]
    pub fn sitting_at(&self, now: DateTime<Local>) -> Duration {
        match self.sitting_since {
            // `since` is rounded to the second: never show less than was published.
            Some(since) => (now - since).to_std().unwrap_or_default().max(self.sitting),
            None => self.sitting,
        }
    }
}
