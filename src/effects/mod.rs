//! Effects: carrying out what the engine decided.
//!
//! * [`Effects`] — the one place an [`Action`] is carried out: the notifier, the history
//!   and state files, the published status.
//! * [`reminder`] — the words of a prompt (pure, testable).
//! * [`systemd`] — readiness and a one-line status for the service manager.
//! * [`notifier`] — putting it on the desktop through `org.freedesktop.Notifications`, and
//!   turning button presses back into answers; stderr when there is no desktop.
//! * [`tray`] — the tray icon (a StatusNotifierItem and its menu), whose clicks come back
//!   as control requests.
//!
//! History and state writes go through [`crate::store`].
//!
//! # Adding an effect
//!
//! One variant in [`Action`] (the engine pushes it) and one arm in [`Effects::carry_out`].

mod daily;
pub mod notifier;
pub mod reminder;
pub mod systemd;
pub mod tray;

use std::time::Duration;

use chrono::{Local, Timelike};

use crate::control;
use crate::engine::{Action, Moment, Snapshot};
use crate::exercises::Library;
use crate::human;
use crate::paths::Paths;
use crate::stats::record::{Tally, TallyEvent};
use crate::status::Status;
use crate::store::{self, history, state};
pub use daily::Daily;
use notifier::{Delivery, Notifier};

/// How often the state is saved while the user is at the desk, so that a crash loses
/// little and a crash followed by a restart never reads as a break: half of
/// `natural_break` (the downtime that counts as one), but no more than once a minute
/// and at least every ten minutes. It is also the longest the loop sleeps while the user
/// is there: tokio's timers stop during suspend, and the regular wake-up bounds how late
/// a suspend is noticed by the clock.
#[must_use]
pub fn save_every(natural_break: Duration) -> Duration {
    (natural_break / 2).clamp(Duration::from_secs(60), Duration::from_secs(10 * 60))
}

/// The files deskbreak writes, each reported on its own when it fails and recovers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    History,
    State,
    Days,
}

impl Target {
    /// What is not kept while the file cannot be written.
    fn what(self) -> &'static str {
        match self {
            Target::History => "the break history",
            Target::State => "the sitting time",
            Target::Days => "the daily sitting record",
        }
    }
}

/// Carries out the engine's actions, and publishes its status.
pub struct Effects {
    /// Shows prompts; also a source (answers), see [`crate::sources::Sources::next`].
    pub notifier: Notifier,
    paths: Paths,
    library: Library,
    /// The control service, to publish the status on.
    control: Option<control::Served>,
    /// The tray icon, which shows the status too.
    tray: Option<tray::Tray>,
    /// The status as last published.
    published: Option<Status>,
    /// When the state was last saved.
    last_save: Moment,
    /// Something worth saving right away changed (a prompt shown, a break recorded); true
    /// at start-up, so that the restored state is saved at once.
    dirty: bool,
    /// The files whose last write failed: each failure is told once, and so is its end.
    failing: Vec<Target>,
    /// Sitting time per day, for `deskbreak stats` (see [`daily`]).
    tally: Tally,
    /// What the tally asked for and is not done yet (a day to append whose write failed).
    pending: Vec<TallyEvent>,
}

impl Effects {
    /// Effects at `now`, publishing on `control` if the service is up, and on `tray`;
    /// notifications go over `bus`, the daemon's session-bus connection.
    #[must_use]
    pub fn new(
        paths: Paths,
        library: Library,
        control: Option<control::Served>,
        bus: Option<zbus::Connection>,
        tray: Option<tray::Tray>,
        now: Moment,
        daily: Daily,
    ) -> Self {
        let (tally, over) = Tally::new(daily.memory, Local::now().naive_local(), daily.total);
        Self {
            tally,
            pending: over.into_iter().collect(),
            notifier: Notifier::new(control.is_some(), bus)
                .with_pictures(crate::pictures::Pictures::new(paths.pictures_dir.clone())),
            paths,
            library,
            control,
            tray,
            published: None,
            last_save: now,
            dirty: true,
            failing: Vec::new(),
        }
    }

    /// Where the files are.
    #[must_use]
    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    /// The exercises in force (built-in and the user's own).
    #[must_use]
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// Use `library` from now on (the own exercises file changed).
    pub fn set_library(&mut self, library: Library) {
        self.library = library;
    }

    /// Carry out one action.
    pub async fn carry_out(&mut self, action: Action) {
        match action {
            Action::Show(prompt) => {
                self.dirty = true;
                let Some(exercise) = self.library.get(&prompt.exercise).cloned() else {
                    tracing::error!(exercise = %prompt.exercise, "unknown exercise");
                    return;
                };
                tracing::info!(
                    exercise = %exercise.id,
                    prompt = %prompt.id,
                    repeat = prompt.repeat,
                    "break due"
                );
                let delivery = self.notifier.show(&prompt, &exercise).await;
                log_delivery(&delivery);
            }
            Action::Close => self.notifier.close().await,
            Action::Micro(cue) => {
                tracing::info!(cue = cue.id, "micro-break");
                self.notifier.micro(&cue).await;
            }
            Action::CloseMicro => self.notifier.close_micro().await,
            Action::Record(record) => {
                self.dirty = true;
                let at = Local::now();
                let entry = history::Entry {
                    at: at.with_nanosecond(0).unwrap_or(at).fixed_offset(),
                    outcome: record.outcome,
                    exercise: record.exercise,
                    sat_for_secs: record.sat_for.as_secs(),
                    guided_secs: record.guided.map(|d| d.as_secs()),
                    waited_secs: record.waited.as_ref().map(|w| w.duration.as_secs()),
                    waited_for: record
                        .waited
                        .as_ref()
                        .map(|w| w.reasons.iter().map(|r| r.as_str().to_owned()).collect()),
                };
                tracing::info!(
                    outcome = entry.outcome.as_str(),
                    exercise = entry.exercise.as_deref().unwrap_or("-"),
                    sat_for = %human::log_duration(record.sat_for),
                    "break recorded"
                );
                let path = self.paths.history();
                let result = off_loop(move || history::append(&path, &entry)).await;
                self.report_store(Target::History, result);
            }
            Action::Guide(step) => {
                if let Some(exercise) = self.library.get(&step.exercise).cloned() {
                    self.notifier.guide(&step, &exercise).await;
                }
            }
            Action::GuideDone { exercise, guided } => {
                tracing::info!(exercise = %exercise, guided = %human::log_duration(guided), "guide complete");
                if let Some(exercise) = self.library.get(&exercise).cloned() {
                    self.notifier.guide_done(&exercise, guided).await;
                }
            }
            Action::StillPaused { paused_for } => {
                tracing::info!(paused_for = %human::log_duration(paused_for), "still paused");
                let body = crate::t!(
                    "reminder-still-paused-body",
                    duration = human::duration(paused_for)
                );
                self.notifier
                    .tell(&crate::t!("reminder-still-paused"), &body)
                    .await;
            }
            // A source's job, not an effect: the daemon hands it to
            // `Sources::check_holds` before anything reaches here.
            Action::CheckHolds(check) => {
                tracing::debug!(?check, "holds check not started: no checker");
            }
        }
    }

    /// Show the reminder that could not reach the desktop, now that a server appeared.
    pub async fn retry(&mut self) {
        if let Some(delivery) = self.notifier.retry().await {
            log_delivery(&delivery);
        }
    }

    /// Publish the status (bus properties, systemd's status line) if it changed.
    pub async fn publish(&mut self, status: Status) {
        if self.published.as_ref() == Some(&status) {
            return;
        }
        systemd::status(&crate::status_view::text(Some(&status), Local::now()));
        if let Some(tray) = &self.tray {
            tray.show(&status);
        }
        if let Some(served) = &self.control
            && let Err(err) = served.publish(&status).await
        {
            tracing::debug!(%err, "cannot publish the status");
        }
        self.published = Some(status);
    }

    /// Give the tray the working hours after a reload.
    pub fn set_schedule(&self, schedule: &crate::engine::Schedule) {
        if let Some(tray) = &self.tray {
            tray.set_schedule(schedule);
        }
    }

    /// Apply `tray.enabled` after a reload.
    pub fn set_tray(&self, enabled: tray::Enabled) {
        if let Some(tray) = &self.tray {
            tray.enable(enabled);
        }
    }

    /// When the state is next to be saved: at once if something worth saving changed,
    /// else [`save_every`] after the last save; `None` while `away` (a crash then loses
    /// nothing: the absence is a break either way).
    #[must_use]
    pub fn save_at(&self, every: Duration, away: bool) -> Option<Moment> {
        if self.dirty {
            return Some(self.last_save);
        }
        (!away).then_some(self.last_save + every)
    }

    /// Save `snapshot` (with the wall-clock time: the last-alive mark a restart measures
    /// its downtime from).
    pub async fn save(&mut self, snapshot: Snapshot, now: Moment) {
        let (path, daily) = (self.paths.state(), self.tally.memory());
        let result = off_loop(move || state::save(&path, &snapshot, &daily)).await;
        self.report_store(Target::State, result);
        self.last_save = now;
        self.dirty = false;
    }

    /// Report a failing file once (and its recovery), not on every write: reminders keep
    /// coming either way. Each file is followed on its own, so one that fails while
    /// another works is neither repeated nor said to be fixed.
    fn report_store(&mut self, target: Target, result: Result<(), store::StoreError>) {
        let was_failing = self.failing.contains(&target);
        match (result, was_failing) {
            (Ok(()), false) => {}
            (Ok(()), true) => {
                self.failing.retain(|t| *t != target);
                tracing::info!("{} is saved again", target.what());
            }
            (Err(err), false) => {
                if self.failing.is_empty() {
                    tracing::error!(
                        "cannot write to the state folder: {err}; reminders continue, but {} \
                         is not saved until this is fixed",
                        target.what()
                    );
                } else {
                    tracing::error!(
                        "cannot write {} either ({}); {} is not saved until this is fixed",
                        err.path.display(),
                        err.source,
                        target.what()
                    );
                }
                self.failing.push(target);
            }
            (Err(err), true) => tracing::debug!("still cannot write: {err}"),
        }
    }
}

/// Run a file write (which flushes to disk) on the blocking pool, so a slow disk does not
/// stall the bus connections that share the runtime thread. Awaited, so writes stay in order.
async fn off_loop(
    write: impl FnOnce() -> Result<(), store::StoreError> + Send + 'static,
) -> Result<(), store::StoreError> {
    tokio::task::spawn_blocking(write)
        .await
        .unwrap_or_else(|err| {
            Err(store::StoreError {
                path: "(state folder)".into(),
                source: std::io::Error::other(err),
            })
        })
}

fn log_delivery(delivery: &Delivery) {
    match delivery {
        Delivery::Desktop { buttons } => tracing::info!(buttons, "reminder shown"),
        Delivery::Terminal { reason } => tracing::warn!(
            "reminder written to stderr because the desktop is unavailable: {reason}"
        ),
    }
}
