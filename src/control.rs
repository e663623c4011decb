//! The D-Bus control interface, `org.deskbreak.Deskbreak1` on the session bus: the
//! service side (a source for the daemon loop) and the client side (for the CLI).
//!
//! The interface never touches the engine: each call is forwarded to the daemon loop over
//! a channel with a reply slot, so the engine stays single-owner and lock-free. The loop
//! publishes the status back into the interface's properties, which emits
//! `PropertiesChanged`. Owning the well-known name also makes the daemon single-instance.
//! `src/org.deskbreak.Deskbreak1.xml` is the interface's introspection, for integrators.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use chrono::{DateTime, Local, TimeZone};
use futures_util::StreamExt;
use tokio::sync::{mpsc, oneshot};
use zbus::fdo::{RequestNameFlags, RequestNameReply};
use zbus::message::Header;
use zbus::names::{InterfaceName, MemberName};
use zbus::object_server::{DispatchResult, Interface, SignalEmitter};
use zbus::zvariant::Variant;
use zbus::{
    BoxDBusError, Connection, DeserializeDict, Message, ObjectServer, OwnedVariant, SerializeDict,
    Type, fdo, interface, proxy,
};

use crate::config::ConfigError;
use crate::engine::{self, PhaseKind, Refusal};
use crate::sources::activity::Kind;
use crate::sources::holds::{Detail, Hold, Reason};
use crate::status::{PauseEnd, Status};
use crate::{human, t};

/// The well-known bus name.
pub const NAME: &str = "org.deskbreak.Deskbreak1";
/// The object path.
pub const PATH: &str = "/org/deskbreak/Deskbreak1";
/// The longest snooze or pause a call may ask for.
pub const LONGEST: Duration = Duration::from_secs(24 * 60 * 60);
/// The most calls that may wait for the daemon loop at once. zbus starts a task for each
/// incoming call; one that finds this many already waiting is refused at once (`Busy`)
/// instead of waiting too, so a flood of calls cannot pile up tasks and memory.
pub const IN_FLIGHT: usize = 64;
/// How far ahead `PauseUntil` may end: far enough for "until the next working hours"
/// over a long weekend; further than that is more likely a wrong date than a plan, and a
/// pause without an end (`Pause(0)`) is there for that.
pub const LONGEST_UNTIL: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// What a control call asks the daemon to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// The due break was taken with its exercise.
    Done,
    /// Put the due break off, by this long or by `breaks.snooze`.
    Snooze(Option<Duration>),
    /// Skip the due break.
    Skip,
    /// Show a break prompt now.
    BreakNow,
    /// Pause reminders for this long, or until resumed.
    Pause(Option<Duration>),
    /// Pause reminders until this wall-clock time.
    PauseUntil(DateTime<Local>),
    /// End a pause.
    Resume,
    /// Re-read the config file.
    Reload,
    /// Guide the due break, with this exercise instead of the one on offer if given.
    Guide(Option<String>),
    /// Stop the running guide.
    StopGuide,
}

/// Named errors a control call can return (`org.deskbreak.Deskbreak1.Error.*`).
#[derive(Debug, zbus::DBusError)]
#[zbus(prefix = "org.deskbreak.Deskbreak1.Error")]
pub enum ControlError {
    /// A transport error.
    #[zbus(error)]
    ZBus(zbus::Error),
    /// There is no break due to answer.
    NoBreakDue(String),
    /// Snoozes in a row have reached `breaks.max_snoozes`.
    SnoozeLimit(String),
    /// Reminders are paused.
    Paused(String),
    /// Reminders are not paused.
    NotPaused(String),
    /// An argument is out of range.
    InvalidArgument(String),
    /// The config file has an error; the running config is kept.
    ConfigInvalid(String),
    /// The daemon is shutting down.
    Unavailable(String),
    /// Too many calls are waiting for the daemon already; try again.
    Busy(String),
    /// A file could not be read (the history, for `GetStats`).
    ReadFailed(String),
    /// A guided break is already running.
    Guiding(String),
    /// No guided break is running.
    NotGuiding(String),
}

/// One hold in `WaitingFor` (`(ssa{ss})`): the reason's word, the detail's kind, the
/// kind's arguments ([`Detail::to_wire`]).
type WaitingFor = (String, String, BTreeMap<String, String>);

/// The status on the wire: the interface's properties by name, with the sentinels the
/// D-Bus API has always used (`0` = none, `-1` = until resumed, the phase as a word). Only
/// this file knows them; everything else uses the typed [`Status`].
#[derive(Clone, Debug, Default, PartialEq, Eq, SerializeDict, DeserializeDict, Type)]
#[zbus(signature = "a{sv}", rename_all = "PascalCase")]
struct Wire {
    /// `working`, `due`, `snoozed`, `away`, `paused`, `guiding` or `waiting`.
    /// `working`, `due`, `snoozed`, `away`, `paused`, `guiding` or `off_hours`.
    phase: String,
    /// Sitting time in seconds, as of the last change.
    sitting_seconds: u64,
    /// Unix seconds when the current stretch of sitting began; 0 = not counting now.
    sitting_since: i64,
    /// `breaks.interval` in seconds.
    interval_seconds: u64,
    /// Unix seconds; 0 = none coming.
    next_break: i64,
    /// Unix seconds; 0 = not paused, -1 = until resumed.
    paused_until: i64,
    /// The idle backend's config name.
    idle_backend: String,
    /// Snoozes in a row.
    snoozes: u32,
    /// What a waiting break waits for: (reason word, detail kind, its arguments).
    waiting_for: Vec<WaitingFor>,
    /// Unix seconds when working hours begin again; 0 = within working hours.
    off_hours_until: i64,
}

impl From<&Status> for Wire {
    fn from(status: &Status) -> Self {
        Self {
            phase: status.phase.as_str().to_owned(),
            sitting_seconds: status.sitting.as_secs(),
            sitting_since: status.sitting_since.map_or(0, |at| at.timestamp()),
            interval_seconds: status.interval.as_secs(),
            next_break: status.next_break.map_or(0, |at| at.timestamp()),
            paused_until: match status.paused {
                None => 0,
                Some(PauseEnd::UntilResumed) => -1,
                Some(PauseEnd::At(at)) => at.timestamp(),
            },
            idle_backend: status.idle_backend.name().to_owned(),
            snoozes: status.snoozes,
            waiting_for: status
                .waiting_for
                .iter()
                .map(|h| {
                    let (kind, args) = h.detail.to_wire();
                    (h.reason.as_str().to_owned(), kind, args)
                })
                .collect(),
            off_hours_until: status.off_hours_until.map_or(0, |at| at.timestamp()),
        }
    }
}

/// The status of a daemon of an earlier version (still running after an upgrade), whose
/// `WaitingFor` was `a(ss)`, reason and words in its language: read with the reasons alone
/// (a detail of no kind), the rest as it is. `None`: not that either.
fn earlier_wire(mut properties: HashMap<String, OwnedVariant>) -> Option<Wire> {
    use zbus::wire::{LE, serialized::Context, to_bytes};
    let earlier: Vec<(String, String)> = properties
        .get("WaitingFor")?
        .try_clone()
        .ok()?
        .try_into()
        .ok()?;
    let reasons: Vec<WaitingFor> = earlier
        .into_iter()
        .map(|(reason, _words)| (reason, String::new(), BTreeMap::new()))
        .collect();
    properties.insert(
        "WaitingFor".into(),
        OwnedVariant::try_from(Variant::from(reasons)).ok()?,
    );
    let bytes = to_bytes(Context::new(LE, 0), &properties).ok()?;
    bytes.deserialize().ok().map(|(wire, _)| wire)
}

/// Why the daemon's status could not be read: a value this version does not know.
#[derive(Debug, thiserror::Error)]
pub enum Garbled {
    /// The status could not be read as the expected dictionary.
    #[error("{0}")]
    Unreadable(#[source] zbus::Error),
    /// A phase this version does not know.
    #[error("{}", t!("cli-error-unknown-phase", phase = format!("{:?}", .0)))]
    Phase(String),
    /// An idle backend this version does not know.
    #[error("{}", t!("cli-error-unknown-backend", backend = format!("{:?}", .0)))]
    IdleBackend(String),
}

impl TryFrom<Wire> for Status {
    type Error = Garbled;

    fn try_from(wire: Wire) -> Result<Self, Garbled> {
        let at = |unix: i64| Local.timestamp_opt(unix, 0).single();
        Ok(Self {
            phase: PhaseKind::from_name(&wire.phase)
                .ok_or_else(|| Garbled::Phase(wire.phase.clone()))?,
            sitting: Duration::from_secs(wire.sitting_seconds),
            sitting_since: (wire.sitting_since > 0)
                .then(|| at(wire.sitting_since))
                .flatten(),
            interval: Duration::from_secs(wire.interval_seconds),
            next_break: (wire.next_break > 0).then(|| at(wire.next_break)).flatten(),
            paused: match wire.paused_until {
                0 => None,
                until if until < 0 => Some(PauseEnd::UntilResumed),
                until => Some(at(until).map_or(PauseEnd::UntilResumed, PauseEnd::At)),
            },
            idle_backend: Kind::from_name(&wire.idle_backend)
                .ok_or_else(|| Garbled::IdleBackend(wire.idle_backend.clone()))?,
            snoozes: wire.snoozes,
            // A reason this version does not know is left out, not an error: the rest of
            // the status is still good.
            waiting_for: wire
                .waiting_for
                .into_iter()
                .filter_map(|(reason, kind, args)| {
                    let reason = Reason::from_name(&reason)?;
                    let detail = Detail::from_wire(reason, &kind, args);
                    Some(Hold { reason, detail })
                })
                .collect(),
            off_hours_until: (wire.off_hours_until > 0)
                .then(|| at(wire.off_hours_until))
                .flatten(),
        })
    }
}

/// Why a command was not carried out, before [`reply`] puts it into words.
#[derive(Debug)]
pub enum Refused {
    /// The engine refused.
    Engine(Refusal),
    /// The config file has an error; the running config is kept.
    Config(ConfigError),
}

/// What the daemon declined, as the CLI learns it from the error's name
/// (`org.deskbreak.Deskbreak1.Error.*`): the typed half of an answer, which the CLI
/// words in its own language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Declined {
    /// `NoBreakDue`.
    NoBreakDue,
    /// `SnoozeLimit`.
    SnoozeLimit,
    /// `Paused`.
    Paused,
    /// `NotPaused`.
    NotPaused,
    /// `Guiding`.
    Guiding,
    /// `NotGuiding`.
    NotGuiding,
    /// `ConfigInvalid`, with what is wrong (worded where the file was read).
    ConfigInvalid(String),
}

impl Declined {
    /// The refusal named by a D-Bus error, with the error's message for what only the
    /// daemon knows (the config error it found).
    fn from_error_name(name: &str, message: &str) -> Option<Self> {
        Some(
            match name.strip_prefix("org.deskbreak.Deskbreak1.Error.")? {
                "NoBreakDue" => Declined::NoBreakDue,
                "SnoozeLimit" => Declined::SnoozeLimit,
                "Paused" => Declined::Paused,
                "NotPaused" => Declined::NotPaused,
                "Guiding" => Declined::Guiding,
                "NotGuiding" => Declined::NotGuiding,
                "ConfigInvalid" => Declined::ConfigInvalid(message.to_owned()),
                _ => return None,
            },
        )
    }

    /// The D-Bus error for this refusal, with `message` as its text.
    fn into_error(self, message: String) -> ControlError {
        match self {
            Declined::NoBreakDue => ControlError::NoBreakDue(message),
            Declined::SnoozeLimit => ControlError::SnoozeLimit(message),
            Declined::Paused => ControlError::Paused(message),
            Declined::NotPaused => ControlError::NotPaused(message),
            Declined::Guiding => ControlError::Guiding(message),
            Declined::NotGuiding => ControlError::NotGuiding(message),
            Declined::ConfigInvalid(_) => ControlError::ConfigInvalid(message),
        }
    }
}

impl From<&Refused> for Declined {
    fn from(refused: &Refused) -> Self {
        match refused {
            Refused::Engine(Refusal::NoBreakDue) => Declined::NoBreakDue,
            Refused::Engine(Refusal::SnoozeLimit) => Declined::SnoozeLimit,
            Refused::Engine(Refusal::Paused) => Declined::Paused,
            Refused::Engine(Refusal::NotPaused) => Declined::NotPaused,
            Refused::Engine(Refusal::Guiding) => Declined::Guiding,
            Refused::Engine(Refusal::NotGuiding) => Declined::NotGuiding,
            Refused::Config(err) => Declined::ConfigInvalid(err.to_string()),
        }
    }
}

/// What came of a command, typed: what [`words`] puts into a sentence, in the daemon (the
/// bus answer, in the daemon's language) and in the CLI (from the error's name and the
/// status after the call, in the CLI's).
#[derive(Debug)]
pub struct Outcome<'a> {
    /// The command.
    pub command: &'a Command,
    /// Carried out, or declined.
    pub result: Result<(), Declined>,
    /// How long until the next break prompt, after the command.
    pub next_break_in: Option<Duration>,
    /// Whether the break is snoozed, after the command.
    pub snoozed: bool,
    /// Snoozes in a row (at the limit, for `SnoozeLimit`).
    pub snoozes: u32,
    /// The config file, for the reload's answer.
    pub config_path: &'a Path,
    /// The exercise a guide runs for, for the guide's answer.
    pub guiding: Option<&'a str>,
}

/// The answer to a command in words, in the current language: what happened, or why
/// not.
#[must_use]
pub fn words(outcome: &Outcome<'_>) -> String {
    let next = |done: String| match outcome.next_break_in {
        Some(d) => t!(
            "cli-reply-next-break",
            done = done,
            duration = human::remaining(d)
        ),
        None => done,
    };
    let declined = match &outcome.result {
        Ok(()) => {
            return match outcome.command {
                Command::Done => next(t!("cli-reply-done")),
                Command::Snooze(_) => next(t!("cli-reply-snoozed")),
                Command::Skip => next(t!("cli-reply-skipped")),
                Command::BreakNow => t!("cli-reply-break-now"),
                Command::Pause(Some(d)) => {
                    t!("cli-reply-paused-for", duration = human::duration(*d))
                }
                Command::Pause(None) => t!("cli-reply-paused"),
                Command::PauseUntil(at) => {
                    t!("cli-reply-paused-until", time = human::time_of_day(at))
                }
                Command::Resume => next(t!("cli-reply-resumed")),
                Command::Reload => t!(
                    "cli-reply-reloaded",
                    path = outcome.config_path.display().to_string()
                ),
                // The exercise guided, for the terminal guide to follow.
                Command::Guide(_) => outcome.guiding.unwrap_or_default().to_owned(),
                Command::StopGuide => t!("cli-reply-guide-stopped"),
            };
        }
        Err(declined) => declined,
    };
    match declined {
        Declined::ConfigInvalid(err) => t!("cli-refused-config", error = err.as_str()),
        Declined::NoBreakDue if outcome.snoozed => t!("cli-refused-no-break-snoozed"),
        Declined::NoBreakDue => match outcome.next_break_in {
            Some(d) => t!("cli-refused-no-break-next", duration = human::remaining(d)),
            None => t!("cli-refused-no-break"),
        },
        Declined::SnoozeLimit => t!("cli-refused-snooze-limit", count = outcome.snoozes),
        Declined::Paused => t!("cli-refused-paused"),
        Declined::NotPaused => t!("cli-refused-not-paused"),
        Declined::Guiding => t!("cli-refused-guiding"),
        Declined::NotGuiding => t!("cli-refused-not-guiding"),
    }
}

/// The bus answer to `command`, in the daemon's words: what happened, or why not, under
/// the error name the D-Bus API has always used.
pub fn reply(
    command: Command,
    outcome: Result<(), Refused>,
    context: &ReplyContext<'_>,
) -> Result<String, ControlError> {
    let status = context.status;
    let result = outcome.as_ref().map_err(Declined::from).map(|_| ());
    let said = words(&Outcome {
        command: &command,
        result: result.clone(),
        next_break_in: status.next_prompt_in,
        snoozed: status.phase == PhaseKind::Snoozed,
        snoozes: context.max_snoozes,
        config_path: context.config_path,
        guiding: context.guiding,
    });
    match result {
        Ok(()) => Ok(said),
        Err(declined) => Err(declined.into_error(said)),
    }
}

/// What a reply says besides the command and what came of it.
#[derive(Debug)]
pub struct ReplyContext<'a> {
    /// The engine's status after the command.
    pub status: &'a engine::Status,
    /// `breaks.max_snoozes`, for the refusal of one snooze too many.
    pub max_snoozes: u32,
    /// The config file, for the reload's answer.
    pub config_path: &'a Path,
    /// The exercise a guide runs for, for the guide's answer.
    pub guiding: Option<&'a str>,
}

/// A call waiting for the daemon loop's answer.
#[derive(Debug)]
pub struct Request {
    /// What to do.
    pub command: Command,
    /// Where the answer goes.
    pub reply: oneshot::Sender<Result<String, ControlError>>,
}

struct Service {
    requests: mpsc::Sender<Request>,
    /// Where `GetStats` reads from; one report is made at a time.
    stats: Arc<tokio::sync::Mutex<crate::paths::Paths>>,
    /// The published status. Not the interface's own state: zbus holds a read lock on the
    /// interface for the whole of a method call (which waits for the loop), so the loop
    /// must never need the write lock to publish.
    status: Arc<Mutex<Wire>>,
}

impl Service {
    /// The published status, its sitting time counted on to the moment of the call
    /// while sitting counts.
    fn status(&self) -> Wire {
        let mut wire = self
            .status
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if wire.sitting_since > 0 {
            let now = Local::now().timestamp();
            wire.sitting_seconds = u64::try_from(now.saturating_sub(wire.sitting_since))
                .unwrap_or(0)
                .max(wire.sitting_seconds);
        }
        wire
    }

    async fn forward(&self, command: Command) -> Result<String, ControlError> {
        let (reply, answer) = oneshot::channel();
        let gone = || ControlError::Unavailable(t!("cli-error-shutting-down"));
        // Never wait for room: zbus runs each call on its own task, and a flood of calls
        // waiting here would hold a task (and its message) each.
        self.requests
            .try_send(Request { command, reply })
            .map_err(|err| match err {
                mpsc::error::TrySendError::Full(_) => {
                    ControlError::Busy(t!("cli-error-busy", count = IN_FLIGHT))
                }
                mpsc::error::TrySendError::Closed(_) => gone(),
            })?;
        answer.await.map_err(|_| gone())?
    }
}

fn checked_secs(secs: u64, what: fn(u64) -> String) -> Result<Option<Duration>, ControlError> {
    let d = Duration::from_secs(secs);
    if d > LONGEST {
        return Err(ControlError::InvalidArgument(what(secs)));
    }
    Ok((secs > 0).then_some(d))
}

#[interface(name = "org.deskbreak.Deskbreak1")]
impl Service {
    /// The whole status as a dictionary of the properties below.
    async fn get_status(&self) -> Wire {
        self.status()
    }

    /// The statistics of the last `days` days (1 to 3650, today included): exactly the
    /// text `deskbreak stats --json --days DAYS` prints (the schema is in the README).
    async fn get_stats(&self, days: u32) -> Result<String, ControlError> {
        if !(1..=crate::stats::MAX_DAYS).contains(&days) {
            return Err(ControlError::InvalidArgument(t!(
                "cli-error-days",
                days = days,
                most = crate::stats::MAX_DAYS
            )));
        }
        // Files are read off the loop's thread, one report at a time.
        let paths = self.stats.clone().lock_owned().await;
        let today = Local::now().date_naive();
        let made =
            tokio::task::spawn_blocking(move || crate::stats::json_for_days(&paths, days, today))
                .await
                .map_err(|_| ControlError::Unavailable(t!("cli-error-shutting-down")))?;
        made.map_err(|err| match err {
            crate::stats::StatsError::Config(e) => ControlError::ConfigInvalid(e.to_string()),
            other => ControlError::ReadFailed(other.to_string()),
        })
    }

    /// Mark the due break as done. Returns a sentence saying what happened.
    async fn done(&self) -> Result<String, ControlError> {
        self.forward(Command::Done).await
    }

    /// Snooze the due break for `seconds` (0 = `breaks.snooze`).
    async fn snooze(&self, seconds: u64) -> Result<String, ControlError> {
        let d = checked_secs(seconds, |secs| {
            t!("cli-error-snooze-too-long", seconds = secs)
        })?;
        self.forward(Command::Snooze(d)).await
    }

    /// Skip the due break.
    async fn skip(&self) -> Result<String, ControlError> {
        self.forward(Command::Skip).await
    }

    /// Show a break prompt now.
    async fn break_now(&self) -> Result<String, ControlError> {
        self.forward(Command::BreakNow).await
    }

    /// Guide the due (or snoozed) break in its bubble, with `exercise` instead of the one
    /// on offer unless empty. Returns the id of the exercise guided; `NoBreakDue` when
    /// there is no break to guide.
    async fn guide(&self, exercise: String) -> Result<String, ControlError> {
        let exercise = (!exercise.is_empty()).then_some(exercise);
        self.forward(Command::Guide(exercise)).await
    }

    /// Stop the running guide; the reminder comes back with its answers.
    async fn stop_guide(&self) -> Result<String, ControlError> {
        self.forward(Command::StopGuide).await
    }

    /// Pause reminders for `seconds` (0 = until `Resume`).
    async fn pause(&self, seconds: u64) -> Result<String, ControlError> {
        let d = checked_secs(seconds, |secs| {
            t!("cli-error-pause-too-long", seconds = secs)
        })?;
        self.forward(Command::Pause(d)).await
    }

    /// Pause reminders until `unix_time` (seconds), at most 7 days ahead.
    async fn pause_until(&self, unix_time: i64) -> Result<String, ControlError> {
        let until = Local.timestamp_opt(unix_time, 0).single().ok_or_else(|| {
            ControlError::InvalidArgument(t!("cli-error-not-a-time", value = unix_time))
        })?;
        let ahead = (until - Local::now()).to_std().map_err(|_| {
            ControlError::InvalidArgument(t!(
                "cli-error-in-the-past",
                time = human::time_of_day(&until)
            ))
        })?;
        if ahead > LONGEST_UNTIL {
            return Err(ControlError::InvalidArgument(t!(
                "cli-error-pause-too-far",
                date = until.format("%Y-%m-%d").to_string(),
                time = human::time_of_day(&until)
            )));
        }
        self.forward(Command::PauseUntil(until)).await
    }

    /// End a pause.
    async fn resume(&self) -> Result<String, ControlError> {
        self.forward(Command::Resume).await
    }

    /// Re-read the config file; a bad file keeps the running config.
    async fn reload(&self) -> Result<String, ControlError> {
        self.forward(Command::Reload).await
    }

    /// `working`, `due`, `snoozed`, `away`, `paused`, `guiding` or `waiting`.
    #[zbus(property)]
    async fn phase(&self) -> String {
        self.status().phase
    }

    /// Sitting time in seconds at the moment it is read; it keeps counting while a break
    /// is due or snoozed. Changes are signalled only with a change of state, not every
    /// second: count on from `SittingSince`.
    #[zbus(property)]
    async fn sitting_seconds(&self) -> u64 {
        self.status().sitting_seconds
    }

    /// When the current stretch of sitting began (Unix seconds), while sitting counts
    /// (working, due, snoozed, guiding); 0 = not counting now (away, locked, asleep).
    #[zbus(property)]
    async fn sitting_since(&self) -> i64 {
        self.status().sitting_since
    }

    /// `breaks.interval` in seconds.
    #[zbus(property)]
    async fn interval_seconds(&self) -> u64 {
        self.status().interval_seconds
    }

    /// When the next reminder is due if the user stays (Unix seconds); 0 = none coming.
    #[zbus(property)]
    async fn next_break(&self) -> i64 {
        self.status().next_break
    }

    /// When a pause ends (Unix seconds); 0 = not paused, -1 = until resumed.
    #[zbus(property)]
    async fn paused_until(&self) -> i64 {
        self.status().paused_until
    }

    /// The idle backend in use.
    #[zbus(property)]
    async fn idle_backend(&self) -> String {
        self.status().idle_backend
    }

    /// Snoozes in a row.
    #[zbus(property)]
    async fn snoozes(&self) -> u32 {
        self.status().snoozes
    }

    /// What a waiting break waits for, one (reason, kind, arguments) each: reason
    /// `do_not_disturb`, `fullscreen`, `inhibitor` or `meeting`; the kind of detail
    /// (`paused`, `window`, `idle`, `camera`, …) and its arguments (`server`, `app`,
    /// `apps`, …), never words, so that each reader words it in its own language (the
    /// README's "D-Bus interface" lists them). Empty unless the phase is `waiting`.
    #[zbus(property)]
    async fn waiting_for(&self) -> Vec<WaitingFor> {
        self.status().waiting_for
    }

    /// When working hours (`[schedule]`) begin again (Unix seconds), while outside them
    /// (phase `off_hours`); 0 = within working hours.
    #[zbus(property)]
    async fn off_hours_until(&self) -> i64 {
        self.status().off_hours_until
    }
}

/// Serves an interface whose properties are all read-only on the bus, so that `Set` on
/// one of them answers `org.freedesktop.DBus.Error.PropertyReadOnly` (zbus answers
/// `UnknownProperty` for a property without a setter). Everything else is the wrapped
/// interface's own, introspection included.
struct ReadOnly<I>(I);

#[async_trait::async_trait]
impl<I: Interface> Interface for ReadOnly<I> {
    fn name() -> InterfaceName<'static> {
        I::name()
    }

    fn spawn_tasks_for_methods(&self) -> bool {
        self.0.spawn_tasks_for_methods()
    }

    async fn get(
        &self,
        property_name: &str,
        server: &ObjectServer,
        connection: &Connection,
        header: Option<&Header<'_>>,
        emitter: &SignalEmitter<'_>,
    ) -> Option<Result<OwnedVariant, BoxDBusError>> {
        self.0
            .get(property_name, server, connection, header, emitter)
            .await
    }

    async fn get_all(
        &self,
        server: &ObjectServer,
        connection: &Connection,
        header: Option<&Header<'_>>,
        emitter: &SignalEmitter<'_>,
    ) -> fdo::Result<HashMap<String, OwnedVariant>> {
        self.0.get_all(server, connection, header, emitter).await
    }

    fn set<'call>(
        &'call self,
        property_name: &'call str,
        _value: &'call Variant<'_>,
        server: &'call ObjectServer,
        connection: &'call Connection,
        header: Option<&'call Header<'_>>,
        emitter: &'call SignalEmitter<'_>,
    ) -> DispatchResult<'call> {
        DispatchResult::Async(Box::pin(async move {
            let known = self
                .0
                .get(property_name, server, connection, header, emitter)
                .await
                .is_some();
            let err = if known {
                fdo::Error::PropertyReadOnly(format!("{property_name} is read-only"))
            } else {
                fdo::Error::UnknownProperty(format!("Unknown property '{property_name}'"))
            };
            Err(err.into())
        }))
    }

    async fn set_mut(
        &mut self,
        _property_name: &str,
        _value: &Variant<'_>,
        _server: &ObjectServer,
        _connection: &Connection,
        _header: Option<&Header<'_>>,
        _emitter: &SignalEmitter<'_>,
    ) -> Option<Result<(), BoxDBusError>> {
        // `set` never asks for `&mut self`.
        None
    }

    fn call<'call>(
        &'call self,
        server: &'call ObjectServer,
        connection: &'call Connection,
        msg: &'call Message,
        name: MemberName<'call>,
    ) -> DispatchResult<'call> {
        self.0.call(server, connection, msg, name)
    }

    fn call_mut<'call>(
        &'call mut self,
        server: &'call ObjectServer,
        connection: &'call Connection,
        msg: &'call Message,
        name: MemberName<'call>,
    ) -> DispatchResult<'call> {
        self.0.call_mut(server, connection, msg, name)
    }

    fn introspect_to_writer(&self, writer: &mut dyn std::fmt::Write, level: usize) {
        self.0.introspect_to_writer(writer, level);
    }
}

/// Why the service could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// Another deskbreak owns the name.
    #[error("{}", t!("cli-error-already-running", name = NAME))]
    AlreadyRunning,
    /// The bus refused to serve the object or to give us the name.
    #[error("{}", t!("cli-error-cannot-serve", error = crate::bus::describe(.0)))]
    Bus(zbus::Error),
}

/// The running service: its connection (kept alive as long as the service should
/// answer), and where the daemon publishes its status.
pub struct Served {
    /// The session-bus connection that owns the name.
    pub connection: Connection,
    status: Arc<Mutex<Wire>>,
    /// Where calls go, for other parts of the daemon that take requests (the tray).
    requests: mpsc::Sender<Request>,
}

/// Serve the interface on `connection` (the daemon's one session-bus connection),
/// starting with `initial` as the status (so that no one sees an empty status once the
/// name is owned). Calls arrive on the returned receiver.
pub async fn serve(
    connection: &Connection,
    initial: &Status,
    paths: crate::paths::Paths,
) -> Result<(Served, mpsc::Receiver<Request>), ServeError> {
    let (requests, receiver) = mpsc::channel(IN_FLIGHT);
    let status = Arc::new(Mutex::new(Wire::from(initial)));
    let service = Service {
        stats: Arc::new(tokio::sync::Mutex::new(paths)),
        requests: requests.clone(),
        status: Arc::clone(&status),
    };
    // The object first, the name second: a call that arrives as soon as the name is
    // owned finds the object.
    connection
        .object_server()
        .at(PATH, ReadOnly(service))
        .await
        .map_err(ServeError::Bus)?;
    // A second instance must fail, not queue for or take over the first one's name.
    let reply = connection
        .request_name_with_flags(NAME, RequestNameFlags::DO_NOT_QUEUE)
        .await
        .map_err(|err| match err {
            zbus::Error::NameTaken => ServeError::AlreadyRunning,
            zbus::Error::FDO(ref e) if matches!(**e, fdo::Error::AddressInUse(_)) => {
                ServeError::AlreadyRunning
            }
            other => ServeError::Bus(other),
        })?;
    match reply {
        RequestNameReply::PrimaryOwner | RequestNameReply::AlreadyOwner => {}
        RequestNameReply::Exists | RequestNameReply::InQueue => {
            return Err(ServeError::AlreadyRunning);
        }
    }
    Ok((
        Served {
            connection: connection.clone(),
            status,
            requests,
        },
        receiver,
    ))
}

impl Served {
    /// A sender for requests that arrive other than over the interface (tray clicks);
    /// they are answered like calls.
    #[must_use]
    pub fn requests(&self) -> mpsc::Sender<Request> {
        self.requests.clone()
    }

    /// Publish `status` as the interface's properties, emitting `PropertiesChanged` for
    /// the ones that changed.
    pub async fn publish(&self, status: &Status) -> zbus::Result<()> {
        let status = Wire::from(status);
        let old = std::mem::replace(
            &mut *self.status.lock().unwrap_or_else(PoisonError::into_inner),
            status.clone(),
        );
        let iface = self
            .connection
            .object_server()
            .interface::<_, ReadOnly<Service>>(PATH)
            .await?;
        let emitter: &SignalEmitter<'_> = iface.signal_emitter();
        // A read lock, shared with any method call in progress.
        let guard = iface.get().await;
        let service = &guard.0;
        if old.phase != status.phase {
            service.phase_changed(emitter).await?;
        }
        if old.sitting_seconds != status.sitting_seconds {
            service.sitting_seconds_changed(emitter).await?;
        }
        if old.sitting_since != status.sitting_since {
            service.sitting_since_changed(emitter).await?;
        }
        if old.interval_seconds != status.interval_seconds {
            service.interval_seconds_changed(emitter).await?;
        }
        if old.next_break != status.next_break {
            service.next_break_changed(emitter).await?;
        }
        if old.paused_until != status.paused_until {
            service.paused_until_changed(emitter).await?;
        }
        if old.idle_backend != status.idle_backend {
            service.idle_backend_changed(emitter).await?;
        }
        if old.snoozes != status.snoozes {
            service.snoozes_changed(emitter).await?;
        }
        if old.waiting_for != status.waiting_for {
            service.waiting_for_changed(emitter).await?;
        }
        if old.off_hours_until != status.off_hours_until {
            service.off_hours_until_changed(emitter).await?;
        }
        Ok(())
    }
}

#[proxy(
    interface = "org.deskbreak.Deskbreak1",
    default_service = "org.deskbreak.Deskbreak1",
    default_path = "/org/deskbreak/Deskbreak1"
)]
trait Deskbreak1 {
    fn done(&self) -> zbus::Result<String>;
    fn snooze(&self, seconds: u64) -> zbus::Result<String>;
    fn skip(&self) -> zbus::Result<String>;
    fn break_now(&self) -> zbus::Result<String>;
    fn guide(&self, exercise: &str) -> zbus::Result<String>;
    fn stop_guide(&self) -> zbus::Result<String>;
    fn pause(&self, seconds: u64) -> zbus::Result<String>;
    fn pause_until(&self, unix_time: i64) -> zbus::Result<String>;
    fn resume(&self) -> zbus::Result<String>;
    fn reload(&self) -> zbus::Result<String>;
    #[zbus(property)]
    fn phase(&self) -> zbus::Result<String>;
    #[zbus(property)]
    fn sitting_seconds(&self) -> zbus::Result<u64>;
    #[zbus(property)]
    fn sitting_since(&self) -> zbus::Result<i64>;
    #[zbus(property)]
    fn interval_seconds(&self) -> zbus::Result<u64>;
    #[zbus(property)]
    fn next_break(&self) -> zbus::Result<i64>;
    #[zbus(property)]
    fn paused_until(&self) -> zbus::Result<i64>;
    #[zbus(property)]
    fn idle_backend(&self) -> zbus::Result<String>;
    #[zbus(property)]
    fn snoozes(&self) -> zbus::Result<u32>;
    #[zbus(property)]
    fn waiting_for(&self) -> zbus::Result<Vec<WaitingFor>>;
    fn off_hours_until(&self) -> zbus::Result<i64>;
}

/// Why a CLI call to the daemon failed, in words for the user.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// Nothing owns the name.
    #[error("{}", t!("cli-error-not-running", name = NAME))]
    NotRunning,
    /// No session bus.
    #[error("{}", no_bus(.0))]
    NoBus(crate::bus::BusError),
    /// The bus or the daemon took longer than [`crate::bus::CALL_TIMEOUT`] to answer.
    #[error("{}", t!("cli-error-no-answer", seconds = crate::bus::CALL_TIMEOUT.as_secs()))]
    NoAnswer,
    /// The bus connection failed.
    #[error("{}", t!("cli-error-bus", error = .0.to_string()))]
    Bus(zbus::Error),
    /// The daemon declined the command: what and, in its words, why. The CLI words it
    /// again in its own language ([`words`]).
    #[error("{1}")]
    Declined(Declined, String),
    /// The daemon refused for another reason (an argument out of range, too busy, shutting
    /// down), in its words.
    #[error("{0}")]
    Refused(String),
    /// The daemon's status could not be read (a daemon of another version?).
    #[error("{}", t!("cli-error-garbled", error = .0.to_string()))]
    Garbled(Garbled),
}

/// "cannot reach the session bus: …", without saying "no session bus" twice.
fn no_bus(err: &crate::bus::BusError) -> String {
    match err {
        crate::bus::BusError::Unreachable(cause) => {
            t!("cli-error-no-bus", error = cause.to_string())
        }
        crate::bus::BusError::NoAnswer => err.to_string(),
    }
}

fn client_error(err: zbus::Error) -> ClientError {
    if crate::bus::timed_out(&err) {
        return ClientError::NoAnswer;
    }
    match err {
        zbus::Error::MethodError(name, message, _) => {
            let name = name.as_str();
            let message = message.unwrap_or_else(|| name.to_owned());
            if name == "org.freedesktop.DBus.Error.ServiceUnknown"
                || name == "org.freedesktop.DBus.Error.NameHasNoOwner"
                || name == "org.freedesktop.DBus.Error.NoReply"
            {
                ClientError::NotRunning
            } else if let Some(declined) = Declined::from_error_name(name, &message) {
                ClientError::Declined(declined, message)
            } else {
                // Worded here, in this process's language, where the name says it all.
                ClientError::Refused(match name.strip_prefix("org.deskbreak.Deskbreak1.Error.") {
                    Some("Unavailable") => t!("cli-error-shutting-down"),
                    Some("Busy") => t!("cli-error-busy", count = IN_FLIGHT),
                    _ => message,
                })
            }
        }
        // NoReply: the daemon left the bus while the call was on its way.
        zbus::Error::FDO(e)
            if matches!(
                *e,
                fdo::Error::ServiceUnknown(_)
                    | fdo::Error::NameHasNoOwner(_)
                    | fdo::Error::NoReply(_)
            ) =>
        {
            ClientError::NotRunning
        }
        zbus::Error::FDO(e) => ClientError::Refused(e.to_string()),
        other => ClientError::Bus(other),
    }
}

/// A connection to the running daemon, for the CLI.
pub struct Client {
    connection: Connection,
    proxy: Deskbreak1Proxy<'static>,
}

impl Client {
    /// Connect to the session bus (the daemon may or may not be running).
    pub async fn connect() -> Result<Self, ClientError> {
        let connection = crate::bus::session().await.map_err(ClientError::NoBus)?;
        let proxy = Deskbreak1Proxy::builder(&connection)
            .cache_properties(zbus::proxy::CacheProperties::No)
            .build()
            .await
            .map_err(client_error)?;
        Ok(Self { connection, proxy })
    }

    /// Send `command`; returns the daemon's answer.
    pub async fn call(&self, command: Command) -> Result<String, ClientError> {
        let p = &self.proxy;
        let secs = |d: Option<Duration>| d.map_or(0, |d| d.as_secs().max(1));
        let result = match command {
            Command::Done => p.done().await,
            Command::Snooze(d) => p.snooze(secs(d)).await,
            Command::Skip => p.skip().await,
            Command::BreakNow => p.break_now().await,
            Command::Pause(d) => p.pause(secs(d)).await,
            Command::PauseUntil(t) => p.pause_until(t.timestamp()).await,
            Command::Resume => p.resume().await,
            Command::Reload => p.reload().await,
            Command::Guide(id) => p.guide(id.as_deref().unwrap_or("")).await,
            Command::StopGuide => p.stop_guide().await,
        };
        result.map_err(client_error)
    }

    /// Send `command` and word what came of it in this process's language, from the
    /// daemon's typed answer (carried out, or the refusal's error name) and its status
    /// after the call (the next break, the snoozes). A refusal is
    /// [`ClientError::Declined`] with these words; `config_path` is named by the reload's
    /// answer.
    pub async fn ask(&self, command: Command, config_path: &Path) -> Result<String, ClientError> {
        let (result, guided) = match self.call(command.clone()).await {
            Ok(answer) => (Ok(()), answer),
            Err(ClientError::Declined(declined, _)) => (Err(declined), String::new()),
            Err(other) => return Err(other),
        };
        // The daemon publishes its status before it answers: this is the status after
        // the command (or a later one).
        let status = self.status().await.ok();
        let now = Local::now();
        let said = words(&Outcome {
            command: &command,
            result: result.clone(),
            next_break_in: status
                .as_ref()
                .and_then(|s| s.next_break)
                .map(|at| (at - now).to_std().unwrap_or(Duration::ZERO)),
            snoozed: status
                .as_ref()
                .is_some_and(|s| s.phase == PhaseKind::Snoozed),
            snoozes: status.as_ref().map_or(0, |s| s.snoozes),
            config_path,
            guiding: Some(guided.as_str()),
        });
        match result {
            Ok(()) => Ok(said),
            Err(declined) => Err(ClientError::Declined(declined, said)),
        }
    }

    /// The daemon's status (one `GetAll` on its properties).
    pub async fn status(&self) -> Result<Status, ClientError> {
        let reply = self
            .connection
            .call_method(
                Some(NAME),
                PATH,
                Some("org.freedesktop.DBus.Properties"),
                "GetAll",
                &(NAME,),
            )
            .await
            .map_err(client_error)?;
        let body = reply.body();
        let wire: Wire = match body.deserialize() {
            Ok(wire) => wire,
            Err(e) => body
                .deserialize()
                .ok()
                .and_then(earlier_wire)
                .ok_or(ClientError::Garbled(Garbled::Unreadable(e)))?,
        };
        Status::try_from(wire).map_err(ClientError::Garbled)
    }

    /// Call `on_status` with the status now, after every change and every `refresh_every`
    /// (with the known status, for countdowns), until the callback returns false. While
    /// the daemon is not running it is called with `None`. Follows `PropertiesChanged` and
    /// `NameOwnerChanged`; it never polls the daemon.
    pub async fn follow(
        &self,
        mut on_status: impl FnMut(Option<&Status>) -> bool,
        refresh_every: Duration,
    ) -> Result<(), ClientError> {
        let dbus = fdo::DBusProxy::new(&self.connection)
            .await
            .map_err(client_error)?;
        let mut owners = dbus
            .receive_name_owner_changed_with_args(&[(0, NAME)])
            .await
            .map_err(client_error)?;
        let rule = zbus::MatchRule::builder()
            .msg_type(zbus::message::Type::Signal)
            .interface("org.freedesktop.DBus.Properties")
            .member("PropertiesChanged")
            .path(PATH)
            .build()
            .map_err(client_error)?;
        let mut changes = zbus::MessageStream::for_match_rule(rule, &self.connection, None)
            .await
            .map_err(client_error)?;
        let mut status = None;
        let mut changed = true;
        loop {
            if changed {
                status = match self.status().await {
                    Ok(status) => Some(status),
                    // A daemon on its way out may own the name but no longer answer
                    // (NoReply): for a bar that is "not running", and a signal follows.
                    Err(ClientError::NotRunning | ClientError::Refused(_)) => None,
                    Err(other) => return Err(other),
                };
            }
            if !on_status(status.as_ref()) {
                return Ok(());
            }
            // The timer only re-renders what is known (the countdown in "next break in
            // 12 min" moves with the clock); the daemon is asked again only on a signal.
            changed = tokio::select! {
                _ = changes.next() => true,
                _ = owners.next() => true,
                () = tokio::time::sleep(refresh_every) => false,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use zbus::wire::{LE, serialized::Context, to_bytes};

    use super::*;
    use crate::sources::holds::{Apps, Switch};

    /// What a daemon refused with, as the bus delivers it: its error name and its words.
    fn refusal(name: &str, words: &str) -> zbus::Error {
        let call = zbus::Message::method_call(PATH, "Snooze")
            .build(&())
            .unwrap();
        zbus::Error::MethodError(
            zbus::names::OwnedErrorName::try_from(name).unwrap(),
            Some(words.to_owned()),
            call,
        )
    }

    #[test]
    fn a_busy_or_leaving_daemon_is_worded_in_the_cli_s_language_and_others_in_its_own() {
        use crate::i18n::{Lang, scoped};
        let said = |name: &str| {
            scoped(Lang::De, || {
                match client_error(refusal(name, "daemon words")) {
                    ClientError::Refused(said) => said,
                    other => panic!("{name}: {other:?}"),
                }
            })
        };
        assert_eq!(
            said("org.deskbreak.Deskbreak1.Error.Unavailable"),
            scoped(Lang::De, || t!("cli-error-shutting-down"))
        );
        let busy = said("org.deskbreak.Deskbreak1.Error.Busy");
        assert_eq!(
            busy,
            scoped(Lang::De, || t!("cli-error-busy", count = IN_FLIGHT))
        );
        assert_ne!(
            busy,
            scoped(Lang::En, || t!("cli-error-busy", count = IN_FLIGHT))
        );
        // What only the daemon can say (an argument out of range) stays in its words.
        assert_eq!(
            said("org.deskbreak.Deskbreak1.Error.InvalidArgument"),
            "daemon words"
        );
    }

    /// A waiting status as the engine publishes it, with a hold of every reason.
    fn waiting() -> Status {
        let at = Local.timestamp_opt(1_800_000_000, 0).single();
        Status {
            phase: PhaseKind::Waiting,
            sitting: Duration::from_secs(3000),
            sitting_since: at,
            interval: Duration::from_secs(2700),
            next_break: None,
            paused: None,
            idle_backend: Kind::None,
            snoozes: 0,
            waiting_for: vec![
                Hold::new(Detail::DoNotDisturb {
                    server: "dunst".into(),
                    switch: Switch::Paused,
                }),
                Hold::new(Detail::Fullscreen { app: None }),
                Hold::new(Detail::Inhibitors {
                    apps: Apps::collect([Some("zoom".into())]),
                    why: Some("In a meeting".into()),
                }),
                Hold::new(Detail::Camera(Apps::collect([
                    Some("cheese".into()),
                    Some("zoom".into()),
                    None,
                ]))),
            ],
            off_hours_until: None,
        }
    }

    #[test]
    fn the_status_comes_back_from_its_dbus_encoding_as_it_went() {
        let status = waiting();
        let encoded = to_bytes(Context::new(LE, 0), &Wire::from(&status)).unwrap();
        let (wire, _): (Wire, usize) = encoded.deserialize().unwrap();
        assert_eq!(Status::try_from(wire).unwrap(), status);
    }

    #[test]
    fn waiting_for_is_an_array_of_reason_kind_and_string_arguments() {
        assert_eq!(
            <Vec<WaitingFor> as Type>::SIGNATURE.to_string(),
            "a(ssa{ss})"
        );
        let wire = Wire::from(&waiting());
        assert_eq!(
            wire.waiting_for[3],
            (
                "meeting".to_owned(),
                "camera".to_owned(),
                [
                    ("apps".to_owned(), "cheese\nzoom".to_owned()),
                    ("others".to_owned(), "1".to_owned()),
                ]
                .into()
            )
        );
    }

    #[test]
    fn the_status_of_a_daemon_of_the_earlier_version_is_read_with_its_reasons() {
        // What an earlier daemon sends: `WaitingFor` as (reason, words in its language).
        let wire = Wire::from(&waiting());
        let encoded = to_bytes(Context::new(LE, 0), &wire).unwrap();
        let (mut properties, _): (HashMap<String, OwnedVariant>, usize) =
            encoded.deserialize().unwrap();
        let earlier = vec![("do_not_disturb".to_owned(), "dunst ist pausiert".to_owned())];
        properties.insert(
            "WaitingFor".into(),
            OwnedVariant::try_from(Variant::from(earlier)).unwrap(),
        );
        let encoded = to_bytes(Context::new(LE, 0), &properties).unwrap();
        assert!(
            encoded.deserialize::<Wire>().is_err(),
            "not this version's shape"
        );
        let (properties, _) = encoded.deserialize().unwrap();
        let status = Status::try_from(earlier_wire(properties).expect("read")).unwrap();
        assert_eq!(status.phase, PhaseKind::Waiting);
        assert_eq!(status.sitting, waiting().sitting);
        assert_eq!(status.waiting_for.len(), 1);
        assert_eq!(status.waiting_for[0].reason, Reason::DoNotDisturb);
        assert_eq!(status.waiting_for[0].words(), "do not disturb");
    }

    #[test]
    fn a_reason_or_kind_this_version_does_not_know_is_no_error() {
        let mut wire = Wire::from(&waiting());
        wire.waiting_for = vec![
            ("screen_share".into(), "output".into(), BTreeMap::new()),
            ("meeting".into(), "hologram".into(), BTreeMap::new()),
        ];
        let status = Status::try_from(wire).unwrap();
        assert_eq!(status.waiting_for.len(), 1, "{:?}", status.waiting_for);
        assert_eq!(status.waiting_for[0].reason, Reason::Meeting);
        assert_eq!(status.waiting_for[0].words(), "meeting");
    }
}
