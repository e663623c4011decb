//! Sources: everything that wakes the daemon, gathered in one place.
//!
//! * [`activity`] — idle backends (Wayland, GNOME, X11, ScreenSaver), probed in order.
//! * [`logind`] — screen lock and suspend from systemd-logind.
//! * [`config_watch`] — edits to the config file (inotify).
//! * [`clock`] — the engine's time line (`CLOCK_BOOTTIME`) and suspend detection when
//!   logind is not there.
//! * [`holds`] — what makes now a bad moment (do-not-disturb, fullscreen, inhibitors,
//!   meetings): read only when a break falls due, followed only while it waits.
//!
//! Notification answers arrive through [`crate::effects::notifier`] and CLI calls through
//! [`crate::control`]. [`Sources::next`] waits for whichever comes first and says which
//! as a [`Wake`]; the daemon loop turns it into engine inputs.
//!
//! # Adding a source
//!
//! One variant in [`Wake`], one field in [`Sources`] and one arm in [`Sources::next`]'s
//! `select!`; the loop's `step` then feeds it to the engine as an [`crate::engine::Input`].

pub mod activity;
pub mod clock;
pub mod config_watch;
pub mod holds;
pub mod logind;
pub mod wall_clock;
mod wayland_link;

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use tokio::signal::unix::{Signal, SignalKind, signal};
use tokio::sync::mpsc;

use crate::config::Config;
use crate::control::Request;
use crate::effects::notifier::{Event, Notifier};
use crate::engine::Moment;
use activity::{Kind, Presence, Report};
use clock::Clock;
use logind::SessionEvent;

/// Absences shorter than this are not reported by the idle backend at all; it also
/// caps how long a prompt can appear while the user is away before one is noticed.
const IDLE_THRESHOLD_MAX: Duration = Duration::from_secs(60);

/// Why the loop woke up: one variant per source.
#[derive(Debug)]
pub enum Wake {
    /// The deadline given to [`Sources::next`] came.
    Deadline,
    /// The desktop answered a prompt, or a notification server appeared.
    Desktop(Event),
    /// A control call (the CLI) is waiting for its answer.
    Control(Request),
    /// The idle backend's probing ended: this one runs (`none`: none works).
    IdleBackend(Kind),
    /// The idle backend reported a change; `None`: it stopped.
    Presence(Option<Presence>),
    /// logind reported a change; `None`: the watch stopped.
    Session(Option<SessionEvent>),
    /// The config file changed, or SIGHUP asked for a reload.
    ConfigEdited,
    /// A holds check finished, or a desktop hinted that one may find something else.
    Holds(holds::runner::Event),
    /// A working-hours boundary came, or the wall clock or the time zone changed.
    WallClock(wall_clock::Change),
}

/// The running sources, each an optional receiver: a source that is not running (or
/// stopped) is never polled.
pub struct Sources {
    /// The time line, and sleeps noticed on it.
    pub clock: Clock,
    shutdown: Pin<Box<dyn Future<Output = ()>>>,
    control: Option<mpsc::Receiver<Request>>,
    activity: Option<mpsc::Receiver<Report>>,
    session: Option<mpsc::Receiver<SessionEvent>>,
    /// The daemon's session-bus connection, for the D-Bus idle backends.
    bus: Option<zbus::Connection>,
    config_edits: Option<mpsc::Receiver<()>>,
    hangups: Option<Signal>,
    /// Holds checks the engine asked for, and the watch while a break waits.
    pub holds: holds::runner::Runner,
    /// Working-hours boundaries; armed by the loop from the schedule.
    pub wall: wall_clock::WallClock,
}

impl Sources {
    /// Gather the sources. The idle backend and logind are started separately
    /// ([`start_idle_backend`], [`start_logind`]) because the status needs to know which
    /// backend won before the control service (`control`) is served.
    pub fn new(
        clock: Clock,
        shutdown: impl Future<Output = ()> + 'static,
        control: Option<mpsc::Receiver<Request>>,
        activity: Option<mpsc::Receiver<Report>>,
        session: Option<mpsc::Receiver<SessionEvent>>,
        bus: Option<zbus::Connection>,
        config: &std::path::Path,
    ) -> Self {
        let hangups = signal(SignalKind::hangup())
            .map_err(|err| tracing::warn!("cannot listen for SIGHUP: {err}"))
            .ok();
        Self {
            clock,
            shutdown: Box::pin(shutdown),
            control,
            activity,
            session,
            config_edits: config_watch::watch(config),
            hangups,
            // Respecting the defaults until the daemon says what the config respects.
            holds: holds::runner::Runner::new(
                holds::Context::from_env(bus.clone()),
                holds::Respect::default(),
            ),
            bus,
            wall: wall_clock::WallClock::idle(),
        }
    }

    /// Wait for the next thing to happen, or for `deadline` (`None`: no deadline).
    /// `None` once shutdown is asked for. Cancel-safe sources only: nothing is lost if
    /// another branch wins.
    pub async fn next(&mut self, deadline: Option<Moment>, desktop: &mut Notifier) -> Option<Wake> {
        let sleep = deadline.map(|at| at.saturating_since(self.clock.now()));
        let wake = tokio::select! {
            () = &mut self.shutdown => return None,
            () = sleep_for(sleep) => Wake::Deadline,
            event = desktop.next_event() => Wake::Desktop(event),
            Some(request) = recv(&mut self.control) => Wake::Control(request),
            report = recv(&mut self.activity), if self.activity.is_some() => match report {
                Some(Report::Started { kind, rejected }) => {
                    log_backend(kind, &rejected);
                    Wake::IdleBackend(kind)
                }
                Some(Report::Presence(presence)) => Wake::Presence(Some(presence)),
                None => Wake::Presence(None),
            },
            event = recv(&mut self.session), if self.session.is_some() => Wake::Session(event),
            Some(()) = recv(&mut self.config_edits) => Wake::ConfigEdited,
            Some(()) = hangup(&mut self.hangups) => Wake::ConfigEdited,
            event = self.holds.next() => Wake::Holds(event),
            change = self.wall.next() => Wake::WallClock(change),
        };
        // A source that ended is not polled again.
        match wake {
            Wake::Presence(None) | Wake::IdleBackend(Kind::None) => self.activity = None,
            Wake::Session(None) => self.session = None,
            _ => {}
        }
        Some(wake)
    }

    /// Replace the idle backend (after a reload changed it). Returns at once: the new one
    /// probes on its own task, and [`Wake::IdleBackend`] says which won.
    pub fn restart_idle_backend(&mut self, config: &Config) {
        // Drop the old backend's receiver first: its task ends with it.
        drop(self.activity.take());
        self.activity = Some(start_idle_backend(config, self.bus.clone()));
    }
}

async fn sleep_for(duration: Option<Duration>) {
    match duration {
        Some(duration) => tokio::time::sleep(duration).await,
        None => std::future::pending().await,
    }
}

/// The next message from an optional source; never, if the source is not running.
async fn recv<T>(source: &mut Option<mpsc::Receiver<T>>) -> Option<T> {
    match source {
        Some(receiver) => receiver.recv().await,
        None => std::future::pending().await,
    }
}

async fn hangup(hangups: &mut Option<Signal>) -> Option<()> {
    match hangups {
        Some(signal) => signal.recv().await,
        None => std::future::pending().await,
    }
}

/// Start the idle backend on its own task, which ends when the receiver is dropped. It
/// probes there too (so nothing here waits for a display or a peer), and reports the
/// outcome first. The D-Bus backends use `bus`, the daemon's session-bus connection.
#[must_use]
pub fn start_idle_backend(
    config: &Config,
    bus: Option<zbus::Connection>,
) -> mpsc::Receiver<Report> {
    let threshold = config.rules.natural_break.min(IDLE_THRESHOLD_MAX);
    activity::start(config.backend, threshold, bus)
}

/// At start-up, wait (bounded) for the idle backend's probing, so that the first status
/// names the backend: the winner, or `None` if probing is still going on (then it comes
/// later as [`Wake::IdleBackend`]).
pub async fn first_report(activity: &mut mpsc::Receiver<Report>) -> Option<Kind> {
    let wait = activity::PROBE_TIMEOUT + Duration::from_secs(1);
    match tokio::time::timeout(wait, activity.recv()).await {
        Ok(Some(Report::Started { kind, rejected })) => {
            log_backend(kind, &rejected);
            Some(kind)
        }
        Ok(Some(Report::Presence(_)) | None) => Some(Kind::None),
        Err(_) => None,
    }
}

fn log_backend(kind: Kind, rejected: &[(Kind, activity::ProbeError)]) {
    for (kind, reason) in rejected {
        tracing::debug!(backend = kind.name(), "idle backend not used: {reason}");
    }
    if kind == Kind::None {
        let why: Vec<String> = rejected
            .iter()
            .map(|(kind, reason)| format!("{}: {reason}", kind.name()))
            .collect();
        tracing::warn!(
            "idle backend: none ({}); all waking time counts as sitting",
            if why.is_empty() {
                "chosen in the config".to_owned()
            } else {
                why.join("; ")
            }
        );
    } else {
        tracing::info!("idle backend: {}", kind.name());
    }
}

/// Start the logind watch on its own task, which ends when the receiver is dropped.
pub async fn start_logind() -> Option<mpsc::Receiver<SessionEvent>> {
    match logind::connect().await {
        Ok(logind) => {
            tracing::info!(session = %logind.session_path, "watching screen lock and suspend through logind");
            let (sender, receiver) = mpsc::channel(8);
            tokio::spawn(logind.run(sender));
            Some(receiver)
        }
        Err(reason) => {
            tracing::warn!(
                "logind is not available ({reason}); screen lock is not tracked, and a \
                 suspend is noticed only by the clock"
            );
            None
        }
    }
}
