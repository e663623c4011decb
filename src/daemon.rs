//! The daemon loop: sources in, engine in the middle, effects out.
//!
//! One `select!` over the sources (shutdown, the desktop's answers, CLI calls, the idle
//! backend, logind, config edits and SIGHUP) and one sleep armed from
//! [`Engine::poll_timeout`]. Everything interesting happens in the engine; this file only
//! moves things between it and the world.

use std::future::Future;
use std::time::Duration;

use chrono::{Local, Timelike};
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;

use crate::config::Config;
use crate::control::{self, Command, ControlError, Request, ServeError, Status};
use crate::effects::notifier::{Delivery, Event, Notifier};
use crate::effects::systemd;
use crate::engine::{
    Action, Activity, Answer, Engine, Input, Moment, Paused, PhaseKind, Refusal, Snapshot,
};
use crate::exercises::Library;
use crate::human;
use crate::paths::Paths;
use crate::sources::activity::{self, Kind, Presence, Report};
use crate::sources::clock::Clock;
use crate::sources::config_watch;
use crate::sources::logind::{self, SessionEvent};
use crate::store::{self, history, state};

/// Save the sitting time at least this often, so a crash loses little. This is also the
/// longest the loop sleeps: tokio's timers stop during suspend, so a sleep armed before a
/// suspend fires late, and the regular wake-up bounds how late a suspend is noticed.
const SAVE_EVERY: Duration = Duration::from_secs(10 * 60);

/// Sitting time restored from the state file is capped at this.
const MAX_RESTORED_SITTING: Duration = Duration::from_secs(24 * 60 * 60);

/// Absences shorter than this are not reported by the idle backend at all; it also
/// caps how long a prompt can appear while the user is away before one is noticed.
const IDLE_THRESHOLD_MAX: Duration = Duration::from_secs(60);

/// Run until `shutdown` completes. State is saved on the way out.
///
/// Fails only if another deskbreak already runs on this session bus. Without a session
/// bus it runs anyway: reminders go to stderr and the CLI cannot reach it.
pub async fn run(
    paths: Paths,
    config: Config,
    shutdown: impl Future<Output = ()>,
) -> Result<(), ServeError> {
    let library = Library::embedded();
    let mut clock = Clock::new();
    let snapshot = restore(&paths, &config);
    let seed = clock.now().since_origin().subsec_nanos() as u64 ^ u64::from(std::process::id());
    let mut engine = Engine::new(
        clock.now(),
        config.rules.clone(),
        library.clone(),
        config.preferences.clone(),
        snapshot,
        seed,
    );
    tokio::pin!(shutdown);
    // Everything that waits for the outside world is bounded, and raced against a
    // shutdown: a bus or a display that does not answer cannot keep SIGTERM waiting.
    let setup = async {
        let bus = match crate::bus::session().await {
            Ok(bus) => Some(bus),
            Err(err) => {
                tracing::warn!("{err}; the CLI cannot reach this daemon");
                None
            }
        };
        let mut activity = start_idle_backend(&config, bus.clone());
        let (session, probed) = tokio::join!(start_logind(), first_report(&mut activity));
        // `none` won: nothing more will come.
        let activity = (probed != Some(Kind::None)).then_some(activity);
        (bus, activity, session, probed.unwrap_or(Kind::None))
    };
    let (bus, activity, mut session, backend) = tokio::select! {
        () = &mut shutdown => {
            // Still saved: the state read at start-up (and repaired) is not lost.
            let (path, snapshot) = (paths.state(), engine.snapshot());
            if let Err(err) = off_loop(move || state::save(&path, &snapshot)).await {
                tracing::error!("cannot save the state: {err}");
            }
            tracing::info!("deskbreak stopped while starting; state saved");
            return Ok(());
        }
        ready = setup => ready,
    };
    let mut activity = activity;
    // Serve the interface only once the status is known: owning the name is what tells
    // bars and scripts that the daemon is up.
    let initial = status_report(&engine, &config, backend);
    let (served, mut control) = match &bus {
        Some(bus) => match control::serve(bus, initial).await {
            Ok((served, requests)) => (Some(served), Some(requests)),
            Err(ServeError::AlreadyRunning) => return Err(ServeError::AlreadyRunning),
            Err(err) => {
                tracing::warn!("{err}; the CLI cannot reach this daemon");
                (None, None)
            }
        },
        None => (None, None),
    };
    let mut config_edits = config_watch::watch(&paths.config);
    let mut hangups = signal(SignalKind::hangup())
        .map_err(|err| tracing::warn!("cannot listen for SIGHUP: {err}"))
        .ok();
    let mut daemon = Daemon {
        notifier: Notifier::new(control.is_some(), bus.clone()),
        paths,
        library,
        config,
        backend,
        backend_running: backend,
        bus,
        control: served,
        published: None,
        config_error: None,
        last_save: clock.now(),
        dirty: false,
        store_failed: false,
    };
    let status = engine.status();
    tracing::info!(
        interval = %human::duration(daemon.config.rules.interval),
        sitting = %human::duration(status.sitting),
        "deskbreak is running"
    );

    systemd::ready();
    engine.handle_timeout(clock.now());
    daemon.carry_out(&mut engine).await;
    daemon.publish(&engine).await;
    loop {
        let now = clock.now();
        let save_at = daemon.last_save + SAVE_EVERY;
        let wake_at = engine.poll_timeout().map_or(save_at, |t| t.min(save_at));
        let sleep = tokio::time::sleep(wake_at.saturating_since(now));

        let wake = tokio::select! {
            () = &mut shutdown => break,
            () = sleep => Wake::Timer,
            event = daemon.notifier.next_event() => Wake::Desktop(event),
            Some(request) = next(&mut control) => Wake::Control(request),
            presence = next(&mut activity), if activity.is_some() => Wake::Presence(presence),
            event = next(&mut session), if session.is_some() => Wake::Session(event),
            Some(()) = next(&mut config_edits) => Wake::ConfigEdited,
            Some(()) = hangup(&mut hangups) => Wake::ConfigEdited,
        };

        let now = clock.now();
        let mut reply_to = None;
        let slept = clock.slept();
        // logind's wake-up report measures the same sleep exactly; count it once.
        let logind_woke = matches!(wake, Wake::Session(Some(SessionEvent::Woke)));
        if let (Some(duration), false) = (slept, logind_woke) {
            tracing::info!(asleep = %human::duration(duration), "the machine slept");
            engine.handle(now, Input::Slept { duration });
        }
        match wake {
            Wake::Timer => engine.handle_timeout(now),
            Wake::Desktop(Event::Answer { prompt, answer }) => {
                engine.handle(now, Input::Answer { prompt, answer });
            }
            Wake::Desktop(Event::ServerAppeared) => {
                if let Some(delivery) = daemon.notifier.retry().await {
                    log_delivery(&delivery);
                }
            }
            Wake::Control(request) => {
                let reply = daemon.command(&mut engine, now, request.command).await;
                reply_to = Some((request.reply, reply));
            }
            Wake::Presence(None) => {
                tracing::warn!(
                    "the idle backend stopped; all waking time counts as sitting from now on"
                );
                activity = None;
                daemon.backend = Kind::None;
                engine.handle(now, Input::Activity(Activity::Active));
            }
            Wake::Presence(Some(Report::Started { kind, rejected })) => {
                log_backend(kind, &rejected);
                daemon.backend = kind;
                daemon.backend_running = kind;
                if kind == Kind::None {
                    activity = None;
                }
            }
            Wake::Presence(Some(Report::Presence(presence))) => {
                let activity = match presence {
                    Presence::Idle { idle_for } => {
                        tracing::debug!(idle_for = %human::duration(idle_for), "user idle");
                        Activity::Idle {
                            since: now - idle_for,
                        }
                    }
                    Presence::Active => {
                        tracing::debug!("user active");
                        Activity::Active
                    }
                    // The status names only a backend that works right now; meanwhile
                    // the user counts as present.
                    Presence::Lost => {
                        daemon.backend = Kind::None;
                        Activity::Active
                    }
                    Presence::Back => {
                        daemon.backend = daemon.backend_running;
                        Activity::Active
                    }
                };
                engine.handle(now, Input::Activity(activity));
            }
            Wake::Session(None) => {
                tracing::warn!("lost logind; screen lock is no longer tracked");
                session = None;
                // Never leave the user "away" because the source that would say otherwise died.
                engine.handle(now, Input::Activity(Activity::Unlocked));
                engine.handle(now, Input::Activity(Activity::Awake));
            }
            Wake::Session(Some(event)) => {
                tracing::info!(?event, "session");
                let activity = match event {
                    SessionEvent::Locked => Activity::Locked,
                    SessionEvent::Unlocked => Activity::Unlocked,
                    SessionEvent::Sleeping => Activity::Asleep,
                    SessionEvent::Woke => Activity::Awake,
                };
                engine.handle(now, Input::Activity(activity));
            }
            Wake::ConfigEdited => {
                if let Ok(Restart::IdleBackend) = daemon.reload(&mut engine, now).await {
                    // Drop the old backend's receiver first: its task ends with it. The new
                    // one probes on its own task and reports when it is up.
                    drop(activity.take());
                    activity = Some(start_idle_backend(&daemon.config, daemon.bus.clone()));
                    daemon.backend = Kind::None;
                    engine.handle(now, Input::Activity(Activity::Active));
                }
            }
        }
        daemon.carry_out(&mut engine).await;
        daemon.publish(&engine).await;
        // Answer a CLI call only now, so that its caller sees the new status.
        if let Some((reply, answer)) = reply_to.take() {
            // The caller may have given up waiting; nothing to do then.
            let _ = reply.send(answer);
        }
        if daemon.dirty || now >= daemon.last_save + SAVE_EVERY {
            daemon.save(&engine, now).await;
        }
    }

    systemd::stopping();
    let now = clock.now();
    engine.handle_timeout(now);
    daemon.carry_out(&mut engine).await;
    daemon.notifier.close().await;
    daemon.save(&engine, now).await;
    tracing::info!("deskbreak stopped; state saved");
    Ok(())
}

/// Why the loop woke up.
enum Wake {
    Timer,
    Desktop(Event),
    Control(Request),
    /// `None`: the idle backend stopped.
    Presence(Option<Report>),
    /// `None`: the logind watch stopped.
    Session(Option<SessionEvent>),
    /// The config file changed, or SIGHUP asked for a reload.
    ConfigEdited,
}

/// The next message from an optional source; never, if the source is not running.
async fn next<T>(source: &mut Option<mpsc::Receiver<T>>) -> Option<T> {
    match source {
        Some(receiver) => receiver.recv().await,
        None => std::future::pending().await,
    }
}

async fn hangup(hangups: &mut Option<tokio::signal::unix::Signal>) -> Option<()> {
    match hangups {
        Some(signal) => signal.recv().await,
        None => std::future::pending().await,
    }
}

/// What a reload needs restarted besides the engine's rules.
#[derive(Debug, PartialEq, Eq)]
enum Restart {
    Nothing,
    IdleBackend,
}

/// Start the idle backend on its own task, which ends when the receiver is dropped. It
/// probes there too, and reports the outcome first.
fn start_idle_backend(config: &Config, bus: Option<zbus::Connection>) -> mpsc::Receiver<Report> {
    let threshold = config.rules.natural_break.min(IDLE_THRESHOLD_MAX);
    activity::start(config.backend, threshold, bus)
}

/// At start-up, wait (bounded) for the idle backend's probing, so that the first status
/// names the backend: the winner, or `None` if probing is still going on (the loop hears
/// the outcome then).
async fn first_report(activity: &mut mpsc::Receiver<Report>) -> Option<Kind> {
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

fn log_backend(kind: Kind, rejected: &[(Kind, String)]) {
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
async fn start_logind() -> Option<mpsc::Receiver<SessionEvent>> {
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

/// The effects side of the loop, and what it needs to know about the world.
struct Daemon {
    paths: Paths,
    library: Library,
    notifier: Notifier,
    /// The config in force (the last good one).
    config: Config,
    /// The idle backend working right now, for the status (`None` while its peer is away).
    backend: Kind,
    /// The idle backend started, working or not.
    backend_running: Kind,
    /// The session-bus connection everything shares, if there is a session bus.
    bus: Option<zbus::Connection>,
    /// The control service, to publish the status on.
    control: Option<control::Served>,
    /// The status as last published.
    published: Option<Status>,
    /// The config error the user was last told about, so it is told once.
    config_error: Option<String>,
    last_save: Moment,
    /// The engine changed something worth saving right away.
    dirty: bool,
    /// The last write to the state folder failed (reported once, not on every try).
    store_failed: bool,
}

impl Daemon {
    async fn carry_out(&mut self, engine: &mut Engine) {
        while let Some(action) = engine.poll_action() {
            match action {
                Action::Show(prompt) => {
                    self.dirty = true;
                    let Some(exercise) = self.library.get(&prompt.exercise).cloned() else {
                        tracing::error!(exercise = %prompt.exercise, "unknown exercise");
                        continue;
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
                Action::Record(record) => {
                    self.dirty = true;
                    let at = Local::now();
                    let entry = history::Entry {
                        at: at.with_nanosecond(0).unwrap_or(at).fixed_offset(),
                        outcome: record.outcome,
                        exercise: record.exercise,
                        sat_for_secs: record.sat_for.as_secs(),
                    };
                    tracing::info!(
                        outcome = entry.outcome.as_str(),
                        exercise = entry.exercise.as_deref().unwrap_or("-"),
                        sat_for = %human::duration(record.sat_for),
                        "break recorded"
                    );
                    let path = self.paths.history();
                    let result = off_loop(move || history::append(&path, &entry)).await;
                    self.report_store(result);
                }
                Action::StillPaused { paused_for } => {
                    tracing::info!(paused_for = %human::duration(paused_for), "still paused");
                    let body = format!(
                        "Break reminders have been paused for {}. Run `deskbreak resume` \
                         to turn them back on.",
                        human::duration(paused_for)
                    );
                    self.notifier.tell("deskbreak is still paused", &body).await;
                }
            }
        }
    }

    /// Carry out a CLI command and say what happened, in words.
    async fn command(
        &mut self,
        engine: &mut Engine,
        now: Moment,
        command: Command,
    ) -> Result<String, ControlError> {
        let result = match command {
            Command::Done => engine.answer_due(now, Answer::Done),
            Command::Skip => engine.answer_due(now, Answer::Skip),
            Command::Snooze(None) => engine.answer_due(now, Answer::Snooze),
            Command::Snooze(Some(d)) => engine.snooze_due(now, d),
            Command::BreakNow => engine.break_now(now),
            Command::Pause(d) => {
                engine.pause(now, d.map(|d| now + d));
                Ok(())
            }
            Command::PauseUntil(at) => {
                let ahead = (at - Local::now()).to_std().unwrap_or(Duration::ZERO);
                engine.pause(now, Some(now + ahead));
                Ok(())
            }
            Command::Resume => engine.resume(now),
            Command::Reload => {
                return match self.reload(engine, now).await {
                    Ok(_) => Ok(format!(
                        "Config reloaded from {}.",
                        self.paths.config.display()
                    )),
                    Err(err) => Err(ControlError::ConfigInvalid(format!(
                        "{err}; the running config is kept"
                    ))),
                };
            }
        };
        let status = engine.status();
        let next = status.next_prompt_in.map_or_else(String::new, |d| {
            format!(" Next break in {}.", human::duration(d))
        });
        match result {
            Ok(()) => Ok(match command {
                Command::Done => format!("Break done.{next}"),
                Command::Snooze(_) => format!("Snoozed.{next}"),
                Command::Skip => format!("Break skipped.{next}"),
                Command::BreakNow => "Break prompt shown.".to_owned(),
                Command::Pause(Some(d)) => format!("Paused for {}.", human::duration(d)),
                Command::Pause(None) => "Paused until `deskbreak resume`.".to_owned(),
                Command::PauseUntil(at) => format!("Paused until {}.", at.format("%H:%M")),
                Command::Resume => format!("Resumed.{next}"),
                Command::Reload => String::new(),
            }),
            Err(Refusal::NoBreakDue) => {
                let when = match status.phase {
                    PhaseKind::Snoozed => " (the break is snoozed)".to_owned(),
                    _ => status.next_prompt_in.map_or_else(String::new, |d| {
                        format!("; the next one is in {}", human::duration(d))
                    }),
                };
                Err(ControlError::NoBreakDue(format!(
                    "No break is waiting for an answer{when}."
                )))
            }
            Err(Refusal::SnoozeLimit) => Err(ControlError::SnoozeLimit(format!(
                "Already snoozed {} times in a row (breaks.max_snoozes); take the break or skip it.",
                self.config.rules.max_snoozes
            ))),
            Err(Refusal::Paused) => Err(ControlError::Paused(
                "Reminders are paused; `deskbreak resume` first.".into(),
            )),
            Err(Refusal::NotPaused) => {
                Err(ControlError::NotPaused("Reminders are not paused.".into()))
            }
        }
    }

    /// Re-read the config. A bad file keeps the running config and is reported once (log
    /// and notification) until it changes.
    async fn reload(&mut self, engine: &mut Engine, now: Moment) -> Result<Restart, String> {
        systemd::reloading();
        let result = self.reload_config(engine, now).await;
        systemd::reloaded();
        result
    }

    async fn reload_config(&mut self, engine: &mut Engine, now: Moment) -> Result<Restart, String> {
        let path = self.paths.config.clone();
        let loaded = tokio::task::spawn_blocking(move || Config::load(&path))
            .await
            .map_err(|e| e.to_string())
            .and_then(|r| r.map_err(|e| e.to_string()));
        match loaded {
            Ok(config) => {
                self.config_error = None;
                if config == self.config {
                    tracing::debug!("config unchanged");
                    return Ok(Restart::Nothing);
                }
                let restart = if config.backend != self.config.backend
                    || config.rules.natural_break != self.config.rules.natural_break
                {
                    Restart::IdleBackend
                } else {
                    Restart::Nothing
                };
                engine.reconfigure(now, config.rules.clone(), config.preferences.clone());
                tracing::info!(
                    interval = %human::duration(config.rules.interval),
                    "config reloaded"
                );
                self.config = config;
                Ok(restart)
            }
            Err(err) => {
                if self.config_error.as_deref() != Some(err.as_str()) {
                    tracing::error!("config not applied, the running config is kept: {err}");
                    let body = format!("{err}\n\nThe running config is kept until this is fixed.");
                    self.notifier.tell("deskbreak: config error", &body).await;
                    self.config_error = Some(err.clone());
                }
                Err(err)
            }
        }
    }

    /// Publish the status on the bus if it changed.
    /// Publish the status (bus properties, systemd's status line) if it changed.
    async fn publish(&mut self, engine: &Engine) {
        let status = status_report(engine, &self.config, self.backend);
        if self.published.as_ref() == Some(&status) {
            return;
        }
        systemd::status(&crate::status_view::text(Some(&status), Local::now()));
        if let Some(served) = &self.control
            && let Err(err) = served.publish(&status).await
        {
            tracing::debug!(%err, "cannot publish the status");
        }
        self.published = Some(status);
    }

    async fn save(&mut self, engine: &Engine, now: Moment) {
        let (path, snapshot) = (self.paths.state(), engine.snapshot());
        let result = off_loop(move || state::save(&path, &snapshot)).await;
        self.report_store(result);
        self.last_save = now;
        self.dirty = false;
    }

    /// Report a failing state folder once (and its recovery), not on every write:
    /// reminders keep coming either way.
    fn report_store(&mut self, result: Result<(), store::StoreError>) {
        match (result, self.store_failed) {
            (Ok(()), true) => {
                tracing::info!("the state folder is writable again");
                self.store_failed = false;
            }
            (Ok(()), false) => {}
            (Err(err), false) => {
                tracing::error!(
                    "cannot write to the state folder: {err}; reminders continue, but \
                     history and state are not saved until this is fixed"
                );
                self.store_failed = true;
            }
            (Err(err), true) => tracing::debug!("still cannot write: {err}"),
        }
    }
}

/// The status as published on the bus. Times are wall-clock (Unix seconds), rounded to
/// the minute for the next break so that the published value does not twitch.
fn status_report(engine: &Engine, config: &Config, backend: Kind) -> Status {
    let status = engine.status();
    let wall = Local::now();
    // Rounded to the nearest second, so that a pause asked to end at 14:00:00 is
    // published as 14:00:00, not 13:59:59.
    let at = |d: Duration| {
        chrono::Duration::from_std(d)
            .ok()
            .and_then(|d| wall.checked_add_signed(d + chrono::Duration::milliseconds(500)))
            .map_or(i64::MAX, |t| t.timestamp())
    };
    Status {
        phase: status.phase.as_str().to_owned(),
        sitting_secs: status.sitting.as_secs(),
        interval_secs: config.rules.interval.as_secs(),
        next_break: status.next_prompt_in.map_or(0, at),
        paused_until: match status.paused {
            None => 0,
            Some(Paused::UntilResumed) => -1,
            Some(Paused::For(d)) => at(d),
        },
        idle_backend: backend.name().to_owned(),
        snoozes: status.snoozes,
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

/// Load the saved state, keeping damaged files aside, and decide what carries over.
fn restore(paths: &Paths, config: &Config) -> Snapshot {
    match history::repair(&paths.history()) {
        Ok(None) => {}
        Ok(Some((kept_at, damaged))) => tracing::warn!(
            "{damaged} damaged line(s) in {}: the original is kept as {} and the good lines \
             were kept in place",
            paths.history().display(),
            kept_at.display()
        ),
        Err(err) => tracing::warn!("cannot check the history: {err}"),
    }
    store::remove_stale_temporaries(&paths.state());
    let saved = match state::load(&paths.state()) {
        Ok(state::Loaded::Missing) => return Snapshot::default(),
        Ok(state::Loaded::Found(saved)) => saved,
        Ok(state::Loaded::Damaged { kept_at, reason }) => {
            tracing::warn!(
                "the state file {} was damaged ({reason}); it is kept as {} and deskbreak \
                 starts afresh",
                paths.state().display(),
                kept_at.display()
            );
            return Snapshot::default();
        }
        Err(err) => {
            tracing::warn!("cannot read the state: {err}; starting afresh");
            return Snapshot::default();
        }
    };
    let mut snapshot = saved.engine;
    // The file is the user's to edit or damage: keep its numbers within sense.
    snapshot.sitting_secs = snapshot.sitting_secs.min(MAX_RESTORED_SITTING.as_secs());
    snapshot.snoozes = snapshot.snoozes.min(config.rules.max_snoozes);
    // Time while deskbreak was not running: a quick restart kept the user sitting; a long
    // gap (logged out, powered off) was a break.
    let gap = (Local::now() - saved.saved_at)
        .to_std()
        .unwrap_or(Duration::ZERO);
    if gap >= config.rules.natural_break {
        snapshot.sitting_secs = 0;
        snapshot.snoozes = 0;
    } else {
        snapshot.sitting_secs = snapshot.sitting_secs.saturating_add(gap.as_secs());
    }
    snapshot
}
