//! The daemon loop: sources in, engine in the middle, effects out.
//!
//! [`run`] sets up, then `while let Some(wake) = next() { step(wake) }`, then shuts down.
//! [`crate::sources::Sources::next`] waits for whichever source speaks first (or the
//! deadline: the engine's next one, or the next save); [`Daemon::step`] feeds what
//! happened to the engine and hands its actions to [`crate::effects::Effects`]. Nothing in
//! here decides anything the engine could: it only moves inputs in and actions out.

use std::future::Future;
use std::time::Duration;

use chrono::Local;

use crate::config::{Config, ConfigError, Found};
use crate::control::{self, Command, ControlError, Refused, ReplyContext, ServeError};
use crate::effects::notifier::Event;
use crate::effects::{self, Effects, systemd, tray};
use crate::engine::{
    Action, Activity, Answer, Engine, Hours, Input, Moment, PhaseKind, Snapshot, Source,
};
use crate::exercises::Library;
use crate::human;
use crate::paths::Paths;
use crate::sources::activity::{Kind, Presence};
use crate::sources::clock::Clock;
use crate::sources::holds;
use crate::sources::logind::SessionEvent;
use crate::sources::{self, Sources, Wake};
use crate::stats::record::DailyMemory;
use crate::status::Status;
use crate::store::{self, history, state};

/// Run until `shutdown` completes. State is saved on the way out.
///
/// Fails only if another deskbreak already runs on this session bus. Without a session
/// bus it runs anyway: reminders go to stderr and the CLI cannot reach it.
pub async fn run(
    paths: Paths,
    config: Config,
    shutdown: impl Future<Output = ()> + 'static,
) -> Result<(), ServeError> {
    let Some(mut daemon) = Daemon::start(paths, config, shutdown).await? else {
        // Asked to stop while starting; the state is saved.
        return Ok(());
    };
    while let Some(wake) = daemon.next().await {
        daemon.step(wake).await;
    }
    daemon.stop().await;
    Ok(())
}

/// Everything the loop holds between two wake-ups.
struct Daemon {
    engine: Engine,
    sources: Sources,
    effects: Effects,
    /// The config in force (the last good one).
    config: Config,
    /// The idle backend working right now, for the status; `none` while its peer is
    /// away, and once it stopped.
    backend: Kind,
    /// The idle backend started, working or not: named again when its peer is back.
    backend_running: Kind,
    /// The config error the user was last told about, so it is told once.
    config_error: Option<String>,
    /// Working hours as last told to the engine (and the wall clock armed for).
    hours: Option<Hours>,
    /// Start-up or a reminder touched pages that rest does not need: give them back once
    /// the loop has been quiet at rest for [`crate::trim::QUIET`].
    trim_due: bool,
}

impl Daemon {
    /// Restore the state, start the sources, serve the control interface and carry out
    /// what the engine decides at start-up (including the first save). `None`: shutdown
    /// came first.
    async fn start(
        paths: Paths,
        config: Config,
        shutdown: impl Future<Output = ()> + 'static,
    ) -> Result<Option<Self>, ServeError> {
        let library = match Library::load(&paths.own_exercises()) {
            Ok(library) => library,
            Err(err) => {
                tracing::error!("your exercises are not used until this is fixed: {err}");
                Library::embedded()
            }
        };
        let clock = Clock::new();
        let (snapshot, downtime, daily) = restore(&paths);
        let now = clock.now();
        let seed = now.since_origin().subsec_nanos() as u64 ^ u64::from(std::process::id());
        let mut engine = Engine::new(
            now,
            config.rules.clone(),
            library.clone(),
            config.preferences.clone(),
            snapshot,
            seed,
        );
        if let Some(duration) = downtime {
            engine.handle(now, Input::Downtime { duration });
        }
        engine.set_respect(now, config.respect);
        // Everything that waits for the outside world is bounded, and raced against a
        // shutdown: a bus or a display that does not answer cannot keep SIGTERM waiting.
        let mut shutdown = Box::pin(shutdown);
        let setup = async {
            let bus = match crate::bus::session().await {
                Ok(bus) => Some(bus),
                Err(err) => {
                    tracing::warn!("{err}; the CLI cannot reach this daemon");
                    None
                }
            };
            let mut activity = sources::start_idle_backend(&config, bus.clone());
            let (session, probed) = tokio::join!(
                sources::start_logind(),
                sources::first_report(&mut activity)
            );
            // `none` won: nothing more will come.
            let activity = (probed != Some(Kind::None)).then_some(activity);
            (bus, activity, session, probed.unwrap_or(Kind::None))
        };
        let (bus, activity, session, backend) = tokio::select! {
            () = &mut shutdown => {
                // Still saved: what was read (and repaired) at start-up is not lost.
                let daily = effects::Daily {
                    memory: daily,
                    total: engine.sitting_total(),
                };
                let mut effects = Effects::new(paths, library, None, None, None, now, daily);
                effects.save(engine.snapshot(), now).await;
                tracing::info!("deskbreak stopped while starting; state saved");
                return Ok(None);
            }
            ready = setup => ready,
        };
        // Serve the interface only once the status is known: owning the name is what tells
        // bars and scripts that the daemon is up.
        let initial = status_report(&engine, &config, backend);
        let (served, control) = match &bus {
            Some(bus) => match control::serve(bus, &initial, paths.clone()).await {
                Ok((served, requests)) => (Some(served), Some(requests)),
                Err(ServeError::AlreadyRunning) => return Err(ServeError::AlreadyRunning),
                Err(err) => {
                    tracing::warn!("{err}; the CLI cannot reach this daemon");
                    (None, None)
                }
            },
            None => (None, None),
        };
        // The tray icon shares the control service's connection; its "Quit" is a shutdown.
        let (tray, quit) = served
            .as_ref()
            .map(|served| {
                tray::start(tray::Setup {
                    connection: served.connection.clone(),
                    requests: served.requests(),
                    config: paths.config.clone(),
                    history: paths.history(),
                    status: status_report(&engine, &config, backend),
                    enabled: config.tray,
                    schedule: config.schedule.clone(),
                })
            })
            .unzip();
        let shutdown = tray::or_quit(shutdown, quit);
        let mut sources = Sources::new(
            clock,
            shutdown,
            control,
            activity,
            session,
            bus.clone(),
            &paths.config,
        );
        sources.holds.set_respect(config.respect);
        let daily = effects::Daily {
            memory: daily,
            total: engine.sitting_total(),
        };
        let mut effects = Effects::new(paths, library, served, bus, tray, now, daily);
        effects.notifier.set_sound(config.guide_sound);
        tracing::info!(
            interval = %human::log_duration(config.rules.interval),
            sitting = %human::log_duration(engine.status().sitting),
            language = %crate::i18n::current(),
            "deskbreak is running"
        );
        systemd::ready();
        let mut daemon = Self {
            engine,
            sources,
            effects,
            config,
            backend,
            backend_running: backend,
            config_error: None,
            hours: None,
            trim_due: true,
        };
        daemon.step(Wake::Deadline).await;
        Ok(Some(daemon))
    }

    /// Wait for the next wake-up: a source, the engine's deadline or the next save.
    /// `None`: shut down.
    async fn next(&mut self) -> Option<Wake> {
        let away = self.engine.status().phase == PhaseKind::Away;
        let save_at = self
            .effects
            .save_at(effects::save_every(self.config.rules.natural_break), away);
        let deadline = [self.engine.poll_timeout(), save_at]
            .into_iter()
            .flatten()
            .min();
        let phase = self.engine.status().phase;
        let at_rest = !matches!(
            phase,
            PhaseKind::Due | PhaseKind::Guiding | PhaseKind::Waiting
        );
        let next = self.sources.next(deadline, &mut self.effects.notifier);
        if at_rest && self.trim_due {
            let (wake, trimmed) = crate::trim::when_quiet(next, crate::trim::QUIET).await;
            self.trim_due = !trimmed;
            wake
        } else {
            // A reminder is up (or held back): what it runs is given back once it is over.
            self.trim_due |= !at_rest;
            next.await
        }
    }

    /// Feed what woke the loop to the engine, then carry out what it decided.
    async fn step(&mut self, wake: Wake) {
        let now = self.sources.clock.now();
        if let Some(duration) = self.sources.clock.slept() {
            // logind may report the same sleep: the engine counts it once.
            tracing::info!(asleep = %human::log_duration(duration), "the machine slept");
            self.engine.handle(now, Input::Slept { duration });
        }
        let mut reply = None;
        match wake {
            Wake::Deadline => self.engine.handle_timeout(now),
            Wake::Desktop(Event::Answer { prompt, answer }) => {
                self.engine.handle(now, Input::Answer { prompt, answer });
            }
            Wake::Desktop(Event::ServerAppeared) => self.effects.retry().await,
            Wake::Control(request) => {
                let answer = self.command(now, request.command).await;
                reply = Some((request.reply, answer));
            }
            Wake::Presence(None) => {
                tracing::warn!(
                    "the idle backend stopped; all waking time counts as sitting from now on"
                );
                self.backend = Kind::None;
                self.engine.handle(now, Input::Lost(Source::Idle));
            }
            Wake::IdleBackend(kind) => {
                self.backend = kind;
                self.backend_running = kind;
            }
            // The status names only a backend that works right now.
            Wake::Presence(Some(Presence::Lost)) => {
                self.backend = Kind::None;
                self.engine.handle(now, Input::Lost(Source::Idle));
            }
            Wake::Presence(Some(Presence::Back)) => {
                self.backend = self.backend_running;
                // Counted as present until the backend says otherwise.
                self.engine.handle(now, Input::Activity(Activity::Active));
            }
            Wake::Presence(Some(presence)) => {
                self.engine
                    .handle(now, Input::Activity(presence_activity(now, presence)));
            }
            Wake::Session(None) => {
                tracing::warn!("lost logind; screen lock is no longer tracked");
                self.engine.handle(now, Input::Lost(Source::Session));
            }
            Wake::Session(Some(event)) => {
                tracing::info!(?event, "session");
                self.engine
                    .handle(now, Input::Activity(session_activity(event)));
            }
            Wake::ConfigEdited => {
                // A bad file is reported (once) by `reload` itself.
                let _ = self.reload(now).await;
            }
            Wake::Holds(holds::runner::Event::Checked { check, signals }) => {
                for signal in &signals {
                    tracing::debug!(signal = signal.name, reading = ?signal.reading, "holds");
                }
                let holds = holds::holds(&signals, self.sources.holds.respect());
                self.sources.holds.tell(&holds);
                self.engine.handle(now, Input::Holds { check, holds });
            }
            Wake::Holds(holds::runner::Event::Hint) => {
                self.engine.handle(now, Input::HoldsChanged);
            }
            Wake::WallClock(change) => {
                tracing::debug!(?change, "wall clock");
                // The timer fired or was cancelled: arm it again below.
                self.hours = None;
            }
        }
        // After a reload or a clock change the hours may be new.
        self.follow_hours(now);
        self.settle(now).await;
        // Answer a CLI call only now, so that its caller sees the new status.
        if let Some((to, answer)) = reply {
            // The caller may have given up waiting; nothing to do then.
            let _ = to.send(answer);
        }
    }

    /// Tell the engine where the wall clock stands against working hours, when that
    /// changed, and arm the wall clock for the next boundary.
    fn follow_hours(&mut self, now: Moment) {
        let hours = self.config.schedule.hours_at(&Local::now());
        if self.hours == Some(hours) {
            return;
        }
        if self.hours.is_some_and(|was| was.open() != hours.open()) || self.hours.is_none() {
            tracing::info!(
                open = hours.open(),
                until = ?hours.next_change().map(|t| t.to_rfc3339()),
                "working hours"
            );
        }
        self.hours = Some(hours);
        self.engine.handle(now, Input::Hours(hours));
        self.sources.wall.arm(hours.next_change());
    }

    /// Carry out the engine's actions, publish the status and save if it is time.
    async fn settle(&mut self, now: Moment) {
        while let Some(action) = self.engine.poll_action() {
            match action {
                Action::CheckHolds(check) => self.sources.holds.check(check),
                action => self.effects.carry_out(action).await,
            }
        }
        // The desktop is followed only while a break waits: nothing at rest.
        self.sources.holds.follow(self.engine.wants_hold_hints());
        self.effects.count_sitting(&self.engine, &self.config).await;
        self.effects
            .publish(status_report(&self.engine, &self.config, self.backend))
            .await;
        let away = self.engine.status().phase == PhaseKind::Away;
        let every = effects::save_every(self.config.rules.natural_break);
        if self
            .effects
            .save_at(every, away)
            .is_some_and(|at| now >= at)
        {
            self.effects.save(self.engine.snapshot(), now).await;
        }
    }

    /// Carry out a CLI command and say what happened, in words.
    async fn command(&mut self, now: Moment, command: Command) -> Result<String, ControlError> {
        let engine = &mut self.engine;
        let outcome = match command.clone() {
            Command::Done => engine
                .answer_due(now, Answer::Done)
                .map_err(Refused::Engine),
            Command::Skip => engine
                .answer_due(now, Answer::Skip)
                .map_err(Refused::Engine),
            Command::Snooze(None) => engine
                .answer_due(now, Answer::Snooze)
                .map_err(Refused::Engine),
            Command::Snooze(Some(d)) => engine.snooze_due(now, d).map_err(Refused::Engine),
            Command::BreakNow => engine.break_now(now).map_err(Refused::Engine),
            Command::Pause(d) => {
                engine.pause(now, d.map(|d| now + d));
                Ok(())
            }
            Command::PauseUntil(at) => {
                // The one wall-clock time the engine is told: turned into a moment here.
                let ahead = (at - Local::now()).to_std().unwrap_or(Duration::ZERO);
                engine.pause(now, Some(now + ahead));
                Ok(())
            }
            Command::Resume => engine.resume(now).map_err(Refused::Engine),
            Command::Reload => self.reload(now).await.map_err(Refused::Config),
            Command::Guide(id) => engine.guide(now, id.as_deref()).map_err(Refused::Engine),
            Command::StopGuide => engine.stop_guide(now).map_err(Refused::Engine),
        };
        let context = ReplyContext {
            status: &self.engine.status(),
            max_snoozes: self.config.rules.max_snoozes,
            config_path: &self.effects.paths().config,
            guiding: self.engine.guiding(),
        };
        control::reply(command, outcome, &context)
    }

    /// Re-read the config and apply it: the engine's rules, and the idle backend if its
    /// choice or threshold changed. A bad file keeps the running config and is reported
    /// once (log and notification) until it changes.
    async fn reload(&mut self, now: Moment) -> Result<(), ConfigError> {
        systemd::reloading();
        let result = self.reload_config(now).await;
        systemd::reloaded();
        result
    }

    async fn reload_config(&mut self, now: Moment) -> Result<(), ConfigError> {
        let path = self.effects.paths().config.clone();
        let own = self.effects.paths().own_exercises();
        let library = {
            let own = own.clone();
            tokio::task::spawn_blocking(move || Library::load(&own)).await
        };
        let library = match library {
            Ok(Ok(library)) => Ok(library),
            Ok(Err(err)) => Err(err.to_string()),
            Err(err) => Err(crate::t!(
                "config-cannot-read-file",
                path = own.display().to_string(),
                error = err.to_string()
            )),
        };
        // A broken exercises file keeps the last good set; the config is checked against
        // whichever set is in force.
        let in_force = match &library {
            Ok(library) => library.clone(),
            Err(_) => self.effects.library().clone(),
        };
        let loaded = {
            let path = path.clone();
            let in_force = in_force.clone();
            tokio::task::spawn_blocking(move || Config::read_with(&path, &in_force)).await
        };
        let loaded = loaded.unwrap_or_else(|err| {
            Err(ConfigError {
                path: path.clone(),
                location: None,
                key: None,
                message: crate::t!("config-cannot-read", error = err.to_string()),
            })
        });
        let problem = match (&loaded, &library) {
            (Err(err), _) => Some(err.to_string()),
            (Ok(_), Err(err)) => Some(crate::t!("config-exercises-kept", error = err.as_str())),
            (Ok(_), Ok(_)) => None,
        };
        if let Some(said) = problem {
            if self.config_error.as_deref() != Some(said.as_str()) {
                tracing::error!("config not applied, the running config is kept: {said}");
                let body = crate::t!("config-error-body", error = said.as_str());
                self.effects
                    .notifier
                    .config_error(&crate::t!("config-error-summary"), &body)
                    .await;
                self.config_error = Some(said);
            }
        } else if self.config_error.take().is_some() {
            tracing::info!("the config and exercises files are good again and in force");
            self.effects.notifier.config_fixed().await;
        }
        if in_force != *self.effects.library() {
            tracing::info!(exercises = in_force.all().len(), "exercises reloaded");
            self.engine.set_library(now, in_force.clone());
            self.effects.set_library(in_force);
        }
        let config = match loaded {
            Ok(Found::Config(config)) => config,
            // Most likely an editor between removing (or truncating) and writing the file:
            // the defaults must not apply in the gap, nor become what a bad edit keeps.
            // Not an error to notify about; `deskbreak reload` is told.
            Ok(found @ (Found::Missing | Found::Empty)) => {
                let why = if found == Found::Empty {
                    crate::t!("config-file-empty")
                } else {
                    crate::config::missing(&path)
                };
                tracing::info!(
                    config = %path.display(),
                    "{why}; the running config is kept until the file has settings again"
                );
                return Err(ConfigError {
                    path,
                    location: None,
                    key: None,
                    message: why,
                });
            }
            Err(err) => return Err(err),
        };
        if config == self.config {
            tracing::debug!("config unchanged");
            return Ok(());
        }
        self.engine
            .reconfigure(now, config.rules.clone(), config.preferences.clone());
        self.sources.holds.set_respect(config.respect);
        self.engine.set_respect(now, config.respect);
        tracing::info!(
            interval = %human::log_duration(config.rules.interval),
            "config reloaded"
        );
        let restart = config.backend != self.config.backend
            || config.rules.natural_break != self.config.rules.natural_break;
        self.effects.notifier.set_sound(config.guide_sound);
        if config.language != self.config.language {
            let lang = crate::i18n::set(config.language);
            tracing::info!(%lang, "messages are now in this language");
        }
        self.config = config;
        self.effects.set_tray(self.config.tray);
        self.effects.set_schedule(&self.config.schedule);
        if restart {
            // Until the new backend has probed, none is named, and the user counts as
            // present.
            self.sources.restart_idle_backend(&self.config);
            self.backend = Kind::None;
            self.engine.handle(now, Input::Lost(Source::Idle));
        }
        Ok(())
    }

    /// Shut down: let the engine catch up, take the bubble off the screen, save.
    async fn stop(mut self) {
        systemd::stopping();
        let now = self.sources.clock.now();
        self.engine.handle_timeout(now);
        while let Some(action) = self.engine.poll_action() {
            self.effects.carry_out(action).await;
        }
        self.effects.notifier.close().await;
        self.effects.count_sitting(&self.engine, &self.config).await;
        self.effects.save(self.engine.snapshot(), now).await;
        tracing::info!("deskbreak stopped; state saved");
    }
}

fn presence_activity(now: Moment, presence: Presence) -> Activity {
    match presence {
        Presence::Idle { idle_for } => {
            tracing::debug!(idle_for = %human::log_duration(idle_for), "user idle");
            Activity::Idle {
                since: now - idle_for,
            }
        }
        Presence::Active | Presence::Lost | Presence::Back => {
            tracing::debug!("user active");
            Activity::Active
        }
    }
}

fn session_activity(event: SessionEvent) -> Activity {
    match event {
        SessionEvent::Locked => Activity::Locked,
        SessionEvent::Unlocked => Activity::Unlocked,
        SessionEvent::Sleeping => Activity::Asleep,
        SessionEvent::Woke => Activity::Awake,
    }
}

/// The status to publish: the engine's, with the wall-clock times and what the loop knows.
fn status_report(engine: &Engine, config: &Config, backend: Kind) -> Status {
    Status::new(
        &engine.status(),
        config.rules.interval,
        backend,
        Local::now(),
    )
}

/// Load the saved state, keeping damaged files aside. Returns it with the wall-clock
/// time since it was saved (the last-alive mark), if there was one; what that time means
/// is the engine's to decide ([`Input::Downtime`]).
fn restore(paths: &Paths) -> (Snapshot, Option<Duration>, DailyMemory) {
    match history::repair_if_torn(&paths.history()) {
        Ok(None) => {}
        Ok(Some((kept_at, damaged))) => tracing::warn!(
            "the last line of {} was torn ({damaged} damaged line(s) in all): the original is \
             kept as {} and the good lines were kept in place",
            paths.history().display(),
            kept_at.display()
        ),
        Err(err) => tracing::warn!("cannot check the history: {err}"),
    }
    store::remove_stale_temporaries(&paths.state());
    match state::load(&paths.state()) {
        Ok(state::Loaded::Missing) => (Snapshot::default(), None, DailyMemory::default()),
        Ok(state::Loaded::Found(saved)) => {
            // A save "in the future" (the clock was set back) counts as no gap.
            let gap = (Local::now() - saved.saved_at)
                .to_std()
                .unwrap_or(Duration::ZERO);
            (saved.engine, Some(gap), saved.daily)
        }
        Ok(state::Loaded::Damaged { kept_at, reason }) => {
            tracing::warn!(
                "the state file {} was damaged ({reason}); it is kept as {} and deskbreak \
                 starts afresh",
                paths.state().display(),
                kept_at.display()
            );
            (Snapshot::default(), None, DailyMemory::default())
        }
        Err(err) => {
            tracing::warn!("cannot read the state: {err}; starting afresh");
            (Snapshot::default(), None, DailyMemory::default())
        }
    }
}
