//! The pure break engine: a state machine driven from outside.
//!
//! The engine never reads a clock, a file or the bus. Time and everything that happened
//! are passed in; what to do is handed back. This is the shape of `quinn-proto`'s
//! `Connection`: everything interesting is testable on virtual time (see `tests.rs`).
//!
//! # Calling contract
//!
//! 1. [`Engine::new`] at the current [`Moment`], with the saved [`Snapshot`] (or the
//!    default). After a restart, feed [`Input::Downtime`] once, right away: how long no
//!    deskbreak ran, on the wall clock, up to now.
//! 2. Then, for ever, in any order, each with the current moment:
//!    * [`Engine::handle`] for what a source reported ([`Input`]): answers, presence,
//!      sleeps, a source that stopped;
//!    * the command methods for calls from outside: [`Engine::answer_due`],
//!      [`Engine::snooze_due`], [`Engine::break_now`], [`Engine::pause`],
//!      [`Engine::resume`], [`Engine::reconfigure`];
//!    * [`Engine::handle_timeout`] when the moment [`Engine::poll_timeout`] gave is reached.
//! 3. After every call, drain [`Engine::poll_action`] until it returns `None` and carry
//!    the actions out in order; then ask [`Engine::poll_timeout`] again and re-arm the one
//!    timer (`None`: nothing is due until an input arrives). A deadline is never in the
//!    past once the actions are drained, so the caller never spins.
//! 4. [`Engine::status`] and [`Engine::snapshot`] may be read at any time.
//!
//! Moments come from one time line that keeps counting during suspend (the daemon uses
//! `CLOCK_BOOTTIME`); a moment earlier than one already seen counts as the latest seen.
//!
//! # Rules
//!
//! * Sitting time accrues while the user is present. Short absences (idle, locked, asleep
//!   for less than `natural_break`) still count as sitting: people read and think.
//! * An absence of `natural_break` or longer is a break taken: it is recorded as
//!   `natural`, the sitting clock restarts, and an open prompt is closed.
//! * When sitting time reaches `interval`, a break is due and a prompt is shown — but
//!   never while the user is away; it waits for their return.
//! * Done and Skip restart the sitting clock. Snooze and Dismiss bring the prompt back after
//!   `snooze`; after `max_snoozes` in a row the Snooze button is no longer offered.
//! * An unanswered prompt is shown again every `renotify`, replacing the earlier one.
//! * Downtime (deskbreak not running) shorter than `natural_break` was sitting (a quick
//!   restart or a crash); a longer one was a break, not recorded (the history holds what
//!   deskbreak saw). Restored sitting time is capped at a day.
//! * A sleep is counted once, whether logind reported it, the clock noticed it, or both,
//!   in either order.
//! * A source that stops can no longer say the user came back: what it last reported is
//!   forgotten (idle lost = active; logind lost = unlocked and awake).

pub mod guide;
pub mod micro;
mod picker;
pub mod schedule;
#[cfg(test)]
mod tests_zone;
mod wait;

use std::collections::VecDeque;
use std::fmt;
use std::ops::{Add, Sub};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::exercises::{Exercise, Library, Position};
use crate::sources::holds::{Hold, Respect};
pub use picker::{Picker, PickerMemory};
pub use schedule::{Hours, Schedule};
pub use wait::{CHECK_GRACE, CheckId, HINT_SPACING, RECHECK, Waited, WaitingFor};

/// A point on the engine's time line.
///
/// The daemon derives it from `CLOCK_BOOTTIME`, which keeps counting during suspend and
/// never jumps with the wall clock (time zones, DST, NTP). Only differences matter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment(Duration);

impl Moment {
    /// A moment this long after the time line's origin.
    #[must_use]
    pub const fn from_origin(offset: Duration) -> Self {
        Self(offset)
    }

    /// How long after the origin this moment is.
    #[must_use]
    pub const fn since_origin(self) -> Duration {
        self.0
    }

    /// Time from `earlier` to `self`, or zero if `earlier` is later.
    #[must_use]
    pub fn saturating_since(self, earlier: Moment) -> Duration {
        self.0.saturating_sub(earlier.0)
    }
}

impl Add<Duration> for Moment {
    type Output = Moment;
    fn add(self, rhs: Duration) -> Moment {
        Moment(self.0.saturating_add(rhs))
    }
}

impl Sub<Duration> for Moment {
    type Output = Moment;
    fn sub(self, rhs: Duration) -> Moment {
        Moment(self.0.saturating_sub(rhs))
    }
}

/// The timing rules the engine follows; the validated subset of the config it needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rules {
    /// Sitting time before a break is due.
    pub interval: Duration,
    /// How long a snoozed (or dismissed) prompt stays away.
    pub snooze: Duration,
    /// Snoozes in a row after which Snooze is no longer offered.
    pub max_snoozes: u32,
    /// Re-show an unanswered prompt this often; `None` = never.
    pub renotify: Option<Duration>,
    /// An absence this long counts as a break taken.
    pub natural_break: Duration,
    /// Micro-breaks (`[micro]`); `None`: off.
    pub micro: Option<micro::MicroRules>,
}

impl Default for Rules {
    fn default() -> Self {
        Self {
            interval: Duration::from_secs(45 * 60),
            snooze: Duration::from_secs(10 * 60),
            max_snoozes: 3,
            renotify: Some(Duration::from_secs(5 * 60)),
            natural_break: Duration::from_secs(5 * 60),
            micro: None,
        }
    }
}

/// Which exercises the user wants suggested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preferences {
    /// Positions the user can do at their desk.
    pub positions: Vec<Position>,
    /// Exercise ids never suggested.
    pub exclude: Vec<String>,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            positions: vec![Position::Seated, Position::Standing],
            exclude: Vec::new(),
        }
    }
}

impl Preferences {
    /// Whether `exercise` may be suggested.
    #[must_use]
    pub fn allows(&self, exercise: &Exercise) -> bool {
        self.positions.contains(&exercise.position) && !self.exclude.contains(&exercise.id)
    }
}

/// Identifies one showing of a prompt, so that a late answer to an earlier bubble is
/// never applied to a later one, and no answer is applied twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PromptId(pub u64);

impl fmt::Display for PromptId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// What the user (or the notification server) said about a prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The exercise was done.
    Done,
    /// Ask again after the snooze time.
    Snooze,
    /// Not this time; the sitting clock restarts anyway.
    Skip,
    /// The bubble was closed without pressing a button.
    Dismissed,
    /// The server took the bubble away by itself (expired); the prompt is still due.
    Expired,
    /// Start the guided break (the default action or the Start button).
    Start,
    /// Stop the guided break; the reminder comes back with its answers.
    Stop,
}

/// A change in whether the user is at the desk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activity {
    /// No input since `since` (which may lie before the moment this is reported).
    Idle {
        /// When the last input happened.
        since: Moment,
    },
    /// Input again after being idle.
    Active,
    /// The session was locked.
    Locked,
    /// The session was unlocked.
    Unlocked,
    /// The machine is about to sleep (logind's `PrepareForSleep(true)`).
    Asleep,
    /// The machine woke up (`PrepareForSleep(false)`).
    Awake,
}

/// Everything the engine reacts to, besides the passing of time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// An answer to the prompt shown as `prompt`.
    Answer {
        /// Which showing the answer belongs to.
        prompt: PromptId,
        /// What was answered.
        answer: Answer,
    },
    /// Presence changed.
    Activity(Activity),
    /// The machine was asleep for this long, ending now (noticed by the clock).
    Slept {
        /// How long the machine was suspended.
        duration: Duration,
    },
    /// deskbreak was not running for this long before now (wall clock, across a restart,
    /// measured from the last save). Fed once, right after [`Engine::new`].
    Downtime {
        /// How long no deskbreak was running.
        duration: Duration,
    },
    /// A source stopped for good; what it last said no longer holds.
    Lost(Source),
    /// The answer to [`Action::CheckHolds`]: what holds a break back now (respected or
    /// not: the engine filters), empty if nothing does.
    Holds {
        /// The check answered.
        check: CheckId,
        /// What it found.
        holds: Vec<Hold>,
    },
    /// Something a holds check reads may have changed (a desktop's signal, while
    /// [`Engine::wants_hold_hints`]).
    HoldsChanged,
    /// Where the wall clock stands against working hours (`[schedule]`): fed at start-up,
    /// at each boundary, and whenever it may have changed (a suspend, a clock or time
    /// zone change). Feed it before a sleep noticed at the same wake-up.
    Hours(Hours),
}

/// A source of presence that can stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The idle backend (keyboard and mouse).
    Idle,
    /// logind (screen lock and suspend).
    Session,
}

/// Restored sitting time is capped at this: the state file is the user's to edit or damage.
pub const MAX_RESTORED_SITTING: Duration = Duration::from_secs(24 * 60 * 60);

/// Why a command from outside (the CLI) was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No break is due (nor snoozed) to answer.
    NoBreakDue,
    /// Snoozes in a row reached `max_snoozes`.
    SnoozeLimit,
    /// Reminders are paused.
    Paused,
    /// Reminders are not paused.
    NotPaused,
    /// A guided break is running; `deskbreak guide` follows it.
    Guiding,
    /// No guide is running to stop.
    NotGuiding,
}

/// How a break ended, as written to the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The user did the exercise.
    Done,
    /// The user asked to be reminded later.
    Snoozed,
    /// The user skipped this break.
    Skipped,
    /// The user closed the prompt without answering.
    Dismissed,
    /// The user was away long enough: a break taken without a prompt.
    Natural,
    /// A micro-break cue was shown (`[micro]`).
    Micro,
}

impl Outcome {
    /// Every outcome, in a stable order for reports.
    pub const ALL: [Outcome; 6] = [
        Outcome::Done,
        Outcome::Snoozed,
        Outcome::Skipped,
        Outcome::Dismissed,
        Outcome::Natural,
        Outcome::Micro,
    ];

    /// The word used in the history file and reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Snoozed => "snoozed",
            Outcome::Skipped => "skipped",
            Outcome::Dismissed => "dismissed",
            Outcome::Natural => "natural",
            Outcome::Micro => "micro",
        }
    }
}

/// One line of history, before the effects layer stamps it with the wall-clock time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// How the break ended.
    pub outcome: Outcome,
    /// The exercise that was on offer, if a prompt was open.
    pub exercise: Option<String>,
    /// Sitting time when it ended.
    pub sat_for: Duration,
    /// Time actually spent in a guided break, when one ran.
    pub guided: Option<Duration>,
    /// How long the break was held back before it was shown, and for what.
    pub waited: Option<Waited>,
}

/// A prompt to put on screen, replacing any earlier bubble.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    /// This showing's id; answers must carry it.
    pub id: PromptId,
    /// The suggested exercise's id.
    pub exercise: String,
    /// Sitting time so far.
    pub sat_for: Duration,
    /// Whether the Snooze button is offered.
    pub snooze_allowed: bool,
    /// How long a snooze lasts (for the button label).
    pub snooze_for: Duration,
    /// 0 for the first showing of this break, then counts re-shows and returns from snooze.
    pub repeat: u32,
    /// The user asked for this break (`deskbreak now`) rather than sitting it out.
    pub asked: bool,
    /// Snoozes in a row reached `max_snoozes` (and there are any to use up).
    pub snoozes_used_up: bool,
}

/// Something the effects layer must carry out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Show this prompt, replacing the current bubble if there is one.
    Show(Prompt),
    /// Take the current bubble off the screen.
    Close,
    /// Append this to the history.
    Record(Record),
    /// Tell the user, once, that reminders have been paused for `breaks.interval`
    /// with no end set.
    StillPaused {
        /// How long they have been paused.
        paused_for: Duration,
    },
    /// Show where a guided break stands, in place of the current bubble.
    Guide(GuideStep),
    /// Show a micro-break cue beside any prompt (it replaces only an earlier cue).
    Micro(micro::Cue),
    /// Take the micro-break cue off the screen (its `length` is over).
    CloseMicro,
    /// A guided break is complete (already recorded): say so in place of the bubble.
    GuideDone {
        /// The exercise guided.
        exercise: String,
        /// The time spent.
        guided: Duration,
    },
    /// Read what holds a break back now (`holds::read_all`, off the loop) and answer
    /// with [`Input::Holds`] carrying this id.
    CheckHolds(CheckId),
}

/// One update of a running guide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuideStep {
    /// The showing it updates (answers to it carry this id).
    pub prompt: PromptId,
    /// The exercise guided.
    pub exercise: String,
    /// Where the guide stands.
    pub progress: guide::Progress,
}

/// Where the engine is in the break cycle.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Phase {
    /// Accruing sitting time toward the next break.
    Working,
    /// A prompt is out and unanswered.
    Prompting {
        prompt: PromptId,
        /// The first showing of this run of re-shows: a click on any of them counts.
        first: PromptId,
        exercise: String,
        /// When to show it again if still unanswered.
        renotify_at: Option<Moment>,
        repeat: u32,
        /// Time spent in a guide that was stopped, counted if the break is then done.
        guided: Option<Duration>,
    },
    /// A guided break is running in the bubble of `prompt`.
    Guiding {
        prompt: PromptId,
        first: PromptId,
        exercise: String,
        repeat: u32,
        started: Moment,
        plan: guide::Plan,
        /// Whole seconds of the guide already shown.
        shown_secs: Option<u64>,
    },
    /// Snoozed or dismissed; the same exercise comes back at `until`.
    Snoozed {
        until: Moment,
        exercise: String,
        repeat: u32,
    },
    /// Due, and held back while now is a bad moment (see [`wait`]).
    Waiting(wait::Wait),
}

/// The phase as reported to the outside world.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PhaseKind {
    /// Counting sitting time.
    Working,
    /// A prompt is waiting for an answer.
    Due,
    /// A prompt was snoozed.
    Snoozed,
    /// The user is away on a break.
    Away,
    /// Reminders are paused.
    Paused,
    /// A guided break is running.
    Guiding,
    /// A due break is held back (do-not-disturb, fullscreen, a meeting).
    Waiting,
    /// Outside working hours (`[schedule]`): no reminders, no sitting time.
    #[serde(rename = "off_hours")]
    OffHours,
}

impl PhaseKind {
    /// Every phase.
    pub const ALL: [PhaseKind; 8] = [
        PhaseKind::Working,
        PhaseKind::Due,
        PhaseKind::Snoozed,
        PhaseKind::Away,
        PhaseKind::Paused,
        PhaseKind::Guiding,
        PhaseKind::Waiting,
        PhaseKind::OffHours,
    ];

    /// The phase called `name` (see [`Self::as_str`]).
    #[must_use]
    pub fn from_name(name: &str) -> Option<PhaseKind> {
        Self::ALL.into_iter().find(|p| p.as_str() == name)
    }

    /// The word used on the bus and in status output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            PhaseKind::Working => "working",
            PhaseKind::Due => "due",
            PhaseKind::Snoozed => "snoozed",
            PhaseKind::Away => "away",
            PhaseKind::Paused => "paused",
            PhaseKind::Guiding => "guiding",
            PhaseKind::Waiting => "waiting",
            PhaseKind::OffHours => "off_hours",
        }
    }
}

/// A pause of all reminders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Pause {
    since: Moment,
    /// When it ends by itself; `None` = until resumed.
    until: Option<Moment>,
    /// The "still paused" reminder was given.
    reminded: bool,
}

/// How long a pause lasts, as reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paused {
    /// Ends by itself after this long.
    For(Duration),
    /// Until resumed.
    UntilResumed,
}

/// A read-only view of the engine for status displays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// The phase.
    pub phase: PhaseKind,
    /// Sitting time so far.
    pub sitting: Duration,
    /// Whether sitting time is counting now (the user is at the desk, whatever the
    /// phase: a due or snoozed break does not stop it). Lets a display count on from
    /// `sitting` without asking again.
    pub sitting_counts: bool,
    /// Time until the next prompt if the user stays present, if one is coming.
    pub next_prompt_in: Option<Duration>,
    /// Snoozes in a row.
    pub snoozes: u32,
    /// Whether (and how long) reminders are paused.
    pub paused: Option<Paused>,
    /// What a waiting break waits for (phase `waiting`).
    pub waiting: Option<WaitingFor>,
    /// Outside working hours until this wall-clock time (as the daemon last said).
    pub off_hours_until: Option<chrono::DateTime<chrono::FixedOffset>>,
}

/// What survives a restart: see [`Engine::snapshot`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Sitting time accrued.
    pub sitting_secs: u64,
    /// Snoozes in a row.
    pub snoozes: u32,
    /// The picker's memory of recent suggestions.
    pub picker: PickerMemory,
}

/// Whether the user is at the desk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Presence {
    /// Idle since this moment, as reported by the idle source.
    idle_since: Option<Moment>,
    /// Locked since this moment.
    locked_since: Option<Moment>,
    /// Asleep since this moment.
    asleep_since: Option<Moment>,
    /// Start of the current unbroken absence (idle and lock may overlap and hand over).
    started: Option<Moment>,
    /// Sitting time when the current absence began: what a natural break records.
    sat_before: Duration,
    /// When logind last reported a wake-up; a sleep noticed later by the clock that ended
    /// before it is the same sleep.
    woke_at: Option<Moment>,
    /// The current absence already counted as a natural break; the sitting clock is
    /// stopped at zero until the user returns.
    rested: bool,
}

impl Presence {
    fn away_since(&self) -> Option<Moment> {
        self.started
    }

    /// Recompute the absence after idle or lock changed.
    fn refresh(&mut self) {
        let earliest = [self.idle_since, self.locked_since, self.asleep_since]
            .into_iter()
            .flatten()
            .min();
        self.started = match (self.started, earliest) {
            (_, None) => None,
            (None, Some(t)) => Some(t),
            (Some(s), Some(t)) => Some(s.min(t)),
        };
    }
}

/// The break engine. See the module docs for its rules.
#[derive(Debug)]
pub struct Engine {
    rules: Rules,
    library: Library,
    preferences: Preferences,
    picker: Picker,
    /// Sitting time accrued up to `last`.
    sitting: Duration,
    /// Sitting time of the stretches ended since this engine started (each as recorded:
    /// the idle minutes that became a natural break left out), for the daily total.
    sat_in_ended: Duration,
    /// The latest moment the engine has seen; time never runs backwards inside.
    last: Moment,
    presence: Presence,
    phase: Phase,
    /// Reminders are paused; time and natural breaks still count.
    pause: Option<Pause>,
    /// Snoozes (and dismissals) in a row; reset when a break is taken.
    snoozes: u32,
    next_prompt: u64,
    actions: VecDeque<Action>,
    /// `[respect]`; `None` (the engine's default, until [`Engine::set_respect`]) checks
    /// nothing.
    respect: Option<Respect>,
    /// Holds checks in flight.
    checks: wait::Checks,
    /// How long the current break was held back, for its record.
    waited: Option<Waited>,
    /// Where the wall clock stands against working hours, as last fed.
    hours: Hours,
    /// No sitting since working hours ended or began: an absence now (the night, a
    /// suspend across it) is no break on record.
    day_fresh: bool,
    /// The micro-break count and the cue on screen.
    micro: micro::Micro,
}

impl Engine {
    /// A fresh engine at `now`, resuming from `snapshot` (kept within sense: sitting at
    /// most [`MAX_RESTORED_SITTING`], snoozes at most `max_snoozes`).
    #[must_use]
    pub fn new(
        now: Moment,
        rules: Rules,
        library: Library,
        preferences: Preferences,
        snapshot: Snapshot,
        seed: u64,
    ) -> Self {
        let snoozes = snapshot.snoozes.min(rules.max_snoozes);
        let sitting = Duration::from_secs(snapshot.sitting_secs).min(MAX_RESTORED_SITTING);
        Self {
            rules,
            library,
            preferences,
            picker: Picker::new(snapshot.picker, seed),
            sitting,
            sat_in_ended: Duration::ZERO,
            last: now,
            presence: Presence::default(),
            phase: Phase::Working,
            pause: None,
            snoozes,
            next_prompt: 1,
            actions: VecDeque::new(),
            respect: None,
            checks: wait::Checks::default(),
            waited: None,
            hours: Hours::Always,
            day_fresh: false,
            // No cue for the sitting time restored: the count starts here.
            micro: micro::Micro::starting_at(sitting),
        }
    }

    /// Respect these holds from `now` on (`[respect]`; at start-up and on reload).
    pub fn set_respect(&mut self, now: Moment, respect: Respect) {
        self.update(now);
        self.respect = Some(respect);
        self.update(now);
    }

    /// Feed an input that happened at `now`.
    pub fn handle(&mut self, now: Moment, input: Input) {
        match input {
            Input::Slept { duration } => self.slept(now, duration),
            Input::Downtime { duration } => {
                // Nothing may fall due from the saved time before the gap is judged.
                self.advance(now);
                self.downtime(duration);
            }
            Input::Lost(source) => {
                self.update(now);
                self.lost(now, source);
            }
            Input::Activity(activity) => {
                self.update(now);
                self.activity(now, activity);
            }
            Input::Answer { prompt, answer } => {
                self.update(now);
                self.answer(now, prompt, answer, self.rules.snooze);
            }
            Input::Holds { check, holds } => {
                self.update(now);
                self.holds_answered(now, check, holds);
            }
            Input::HoldsChanged => {
                self.update(now);
                self.holds_hinted();
            }
            Input::Hours(hours) => {
                self.update(now);
                self.set_hours(hours);
            }
        }
        self.update(now);
    }

    /// Answer the due (or snoozed) break from outside the notification, e.g. the CLI.
    ///
    /// Done and Skip also work while snoozed (the user did it before the prompt came
    /// back); Snooze needs a prompt out and a snooze left.
    pub fn answer_due(&mut self, now: Moment, answer: Answer) -> Result<(), Refusal> {
        self.answer_due_for(now, answer, self.rules.snooze)
    }

    /// Snooze the due break for `snooze_for` instead of the configured time.
    pub fn snooze_due(&mut self, now: Moment, snooze_for: Duration) -> Result<(), Refusal> {
        self.answer_due_for(now, Answer::Snooze, snooze_for)
    }

    fn answer_due_for(
        &mut self,
        now: Moment,
        answer: Answer,
        snooze_for: Duration,
    ) -> Result<(), Refusal> {
        self.update(now);
        let out = matches!(self.phase, Phase::Prompting { .. } | Phase::Guiding { .. });
        // A break taken with `now` during a pause can be answered; the pause stays.
        if self.pause.is_some() && !out {
            return Err(Refusal::Paused);
        }
        if answer == Answer::Snooze && self.snoozes >= self.rules.max_snoozes {
            return match self.phase {
                Phase::Working => Err(Refusal::NoBreakDue),
                _ => Err(Refusal::SnoozeLimit),
            };
        }
        match &self.phase {
            Phase::Prompting { prompt, .. } | Phase::Guiding { prompt, .. } => {
                let prompt = *prompt;
                self.answer(now, prompt, answer, snooze_for);
            }
            Phase::Snoozed {
                exercise, repeat, ..
            } if matches!(answer, Answer::Done | Answer::Skip) => {
                let (exercise, repeat) = (exercise.clone(), *repeat);
                // Nothing is on screen while snoozed: nothing to close.
                self.conclude(now, exercise, repeat, answer, false, snooze_for);
            }
            // A break held back is due: it can be answered (nothing is on screen).
            Phase::Waiting(_) if matches!(answer, Answer::Done | Answer::Skip | Answer::Snooze) => {
                let Phase::Waiting(wait) = std::mem::replace(&mut self.phase, Phase::Working)
                else {
                    return Err(Refusal::NoBreakDue);
                };
                self.leave_wait(now, &wait);
                self.conclude(now, wait.exercise, wait.repeat, answer, false, snooze_for);
            }
            _ => return Err(Refusal::NoBreakDue),
        }
        self.update(now);
        Ok(())
    }

    /// Pause reminders until `until` (or until [`Self::resume`]). An open prompt is taken
    /// off the screen; sitting time and natural breaks keep counting.
    pub fn pause(&mut self, now: Moment, until: Option<Moment>) {
        self.update(now);
        // An open prompt (or guide) leaves the screen, but the break stays due: the same
        // exercise comes back when the pause ends. A snoozed one keeps its time.
        match &self.phase {
            Phase::Prompting {
                exercise, repeat, ..
            }
            | Phase::Guiding {
                exercise, repeat, ..
            } => {
                self.actions.push_back(Action::Close);
                self.phase = Phase::Snoozed {
                    until: self.last,
                    exercise: exercise.clone(),
                    repeat: *repeat,
                };
            }
            Phase::Waiting(_) => {
                // Nothing on screen; due again (and checked again) when the pause ends.
                if let Phase::Waiting(wait) = std::mem::replace(&mut self.phase, Phase::Working) {
                    self.leave_wait(self.last, &wait);
                    self.phase = Phase::Snoozed {
                        until: self.last,
                        exercise: wait.exercise,
                        repeat: wait.repeat,
                    };
                }
            }
            Phase::Working | Phase::Snoozed { .. } => {}
        }
        self.pause = Some(Pause {
            since: self.last,
            until: until.map(|u| u.max(self.last)),
            reminded: false,
        });
        self.update(now);
    }

    /// End a pause. A break that fell due meanwhile is shown at once.
    pub fn resume(&mut self, now: Moment) -> Result<(), Refusal> {
        self.update(now);
        if self.pause.take().is_none() {
            return Err(Refusal::NotPaused);
        }
        self.update(now);
        Ok(())
    }

    /// Show a prompt now, whatever the sitting time.
    /// During a pause this takes the break; the pause stays.
    pub fn break_now(&mut self, now: Moment) -> Result<(), Refusal> {
        self.update(now);
        match &self.phase {
            Phase::Guiding { .. } => return Err(Refusal::Guiding),
            Phase::Prompting {
                exercise,
                repeat,
                first,
                ..
            } => {
                let (exercise, repeat, first) =
                    (exercise.clone(), repeat.saturating_add(1), *first);
                self.show(self.last, exercise, repeat, Some(first));
            }
            Phase::Snoozed {
                exercise, repeat, ..
            } => {
                let (exercise, repeat) = (exercise.clone(), repeat.saturating_add(1));
                self.show(self.last, exercise, repeat, None);
            }
            Phase::Waiting(_) => {
                // Asked for: shown whatever holds it back.
                if let Phase::Waiting(wait) = std::mem::replace(&mut self.phase, Phase::Working) {
                    self.leave_wait(self.last, &wait);
                    self.show(self.last, wait.exercise, wait.repeat, wait.first);
                }
            }
            Phase::Working => {
                let exercise = self.picker.pick(&self.library, &self.preferences);
                self.show(self.last, exercise, 0, None);
                if let Some(Action::Show(prompt)) = self.actions.back_mut() {
                    prompt.asked = true;
                }
            }
        }
        Ok(())
    }

    /// Guide the due (or snoozed) break, with `exercise` instead of the one on offer if
    /// given. With no break due there is nothing to record: [`Refusal::NoBreakDue`] (the
    /// terminal guide then runs as practice).
    pub fn guide(&mut self, now: Moment, exercise: Option<&str>) -> Result<(), Refusal> {
        self.update(now);
        if let Some(id) = exercise
            && self.library.get(id).is_none()
        {
            return Err(Refusal::NoBreakDue);
        }
        let (prompt, offered, repeat): (Option<(PromptId, PromptId)>, String, u32) =
            match &self.phase {
                Phase::Guiding { .. } => return Err(Refusal::Guiding),
                Phase::Prompting {
                    prompt,
                    first,
                    exercise,
                    repeat,
                    ..
                } => (Some((*prompt, *first)), exercise.clone(), *repeat),
                Phase::Snoozed {
                    exercise, repeat, ..
                } => (None, exercise.clone(), *repeat),
                Phase::Waiting(wait) => (None, wait.exercise.clone(), wait.repeat),
                Phase::Working => return Err(Refusal::NoBreakDue),
            };
        if let Phase::Waiting(wait) = std::mem::replace(&mut self.phase, Phase::Working) {
            self.leave_wait(self.last, &wait);
        }
        let exercise = exercise.map_or(offered, str::to_owned);
        let (prompt, first) = prompt.unwrap_or_else(|| {
            let id = PromptId(self.next_prompt);
            self.next_prompt = self.next_prompt.saturating_add(1);
            (id, id)
        });
        self.start_guide(prompt, first, exercise, repeat);
        self.update(now);
        Ok(())
    }

    /// The exercise a guide is running for, if one is.
    #[must_use]
    pub fn guiding(&self) -> Option<&str> {
        match &self.phase {
            Phase::Guiding { exercise, .. } => Some(exercise),
            _ => None,
        }
    }

    /// Stop a running guide: the reminder comes back with its answers; nothing is
    /// recorded until one is given.
    pub fn stop_guide(&mut self, now: Moment) -> Result<(), Refusal> {
        self.update(now);
        let Phase::Guiding { prompt, .. } = &self.phase else {
            return Err(Refusal::NotGuiding);
        };
        let prompt = *prompt;
        self.answer(now, prompt, Answer::Stop, self.rules.snooze);
        self.update(now);
        Ok(())
    }

    /// Let time pass up to `now` (call when the deadline from [`Self::poll_timeout`] is reached).
    pub fn handle_timeout(&mut self, now: Moment) {
        self.update(now);
    }

    /// The next moment the engine needs to be woken at, if any.
    #[must_use]
    pub fn poll_timeout(&self) -> Option<Moment> {
        let micro = self.micro.timeout(self.rules.micro, &self.micro_now());
        [self.main_timeout(), micro].into_iter().flatten().min()
    }

    /// [`Self::poll_timeout`] for the main breaks.
    fn main_timeout(&self) -> Option<Moment> {
        if let Phase::Guiding { started, plan, .. } = &self.phase {
            // A guide ticks by the second whatever else goes on; following it needs no
            // input, so only a lock or a sleep can turn it into a natural break.
            let tick = *started + plan.next_change(self.last.saturating_since(*started));
            let natural = self
                .guide_absence()
                .map(|since| since + self.rules.natural_break);
            return [Some(tick), natural].into_iter().flatten().min();
        }
        let natural = self
            .presence
            .away_since()
            .filter(|_| !self.presence.rested && !self.watching())
            .map(|since| {
                self.natural_check_deadline()
                    .unwrap_or(since + self.rules.natural_break)
            });
        if let Some(pause) = &self.pause {
            let reminder = (pause.until.is_none() && !pause.reminded)
                .then(|| pause.since + self.rules.interval);
            return [natural, pause.until, reminder].into_iter().flatten().min();
        }
        if self.presence.away_since().is_some() && !self.watching() {
            // While away nothing is shown; the only thing that can happen is the
            // absence becoming a natural break.
            return natural;
        }
        match &self.phase {
            // Off hours nothing falls due: no timer at all until the daemon says otherwise.
            Phase::Working if !self.hours.open() => None,
            Phase::Working => Some(self.last + self.rules.interval.saturating_sub(self.sitting)),
            Phase::Prompting { renotify_at, .. } => *renotify_at,
            Phase::Snoozed { until, .. } => Some(*until),
            Phase::Guiding { .. } => None,
            Phase::Waiting(_) => self.wait_deadline(),
        }
    }

    /// The next action to carry out, if any.
    #[must_use]
    pub fn poll_action(&mut self) -> Option<Action> {
        self.actions.pop_front()
    }

    /// Replace the rules and preferences (a config reload). Takes effect from `now`.
    pub fn reconfigure(&mut self, now: Moment, rules: Rules, preferences: Preferences) {
        self.update(now);
        self.rules = rules;
        self.preferences = preferences;
        self.update(now);
    }

    /// Replace the exercise library (the user's own exercises changed). A break on offer
    /// keeps its exercise if it is still there; otherwise the next prompt picks anew.
    pub fn set_library(&mut self, now: Moment, library: Library) {
        self.update(now);
        self.library = library;
        let gone = match &self.phase {
            Phase::Prompting { exercise, .. }
            | Phase::Snoozed { exercise, .. }
            | Phase::Guiding { exercise, .. } => self.library.get(exercise).is_none(),
            Phase::Waiting(wait) => self.library.get(&wait.exercise).is_none(),
            Phase::Working => false,
        };
        if gone {
            let exercise = self.picker.pick(&self.library, &self.preferences);
            match &mut self.phase {
                Phase::Prompting { exercise: e, .. } | Phase::Snoozed { exercise: e, .. } => {
                    *e = exercise;
                }
                Phase::Waiting(wait) => wait.exercise = exercise,
                Phase::Guiding { .. } => {
                    self.actions.push_back(Action::Close);
                    self.phase = Phase::Working;
                    self.sitting = self.rules.interval;
                }
                Phase::Working => {}
            }
        }
        self.update(now);
    }

    /// What a status display shows.
    #[must_use]
    pub fn status(&self) -> Status {
        let away = self.presence.away_since().is_some();
        let phase = match (&self.phase, away && self.presence.rested) {
            (Phase::Guiding { .. }, _) => PhaseKind::Guiding,
            // A break taken during a pause (`deskbreak now`) is due; the pause stays.
            (Phase::Prompting { .. }, _) if self.pause.is_some() => PhaseKind::Due,
            // Off hours; a break asked for then (`deskbreak now`) is due all the same.
            (Phase::Working | Phase::Snoozed { .. } | Phase::Waiting(_), _)
                if !self.hours.open() =>
            {
                PhaseKind::OffHours
            }
            _ if self.pause.is_some() => PhaseKind::Paused,
            (_, true) => PhaseKind::Away,
            (Phase::Working, false) => PhaseKind::Working,
            (Phase::Prompting { .. }, false) => PhaseKind::Due,
            (Phase::Snoozed { .. }, false) => PhaseKind::Snoozed,
            (Phase::Waiting(wait), false) => match &wait.holds {
                Some(holds) if !holds.is_empty() => PhaseKind::Waiting,
                _ => wait.shown_as,
            },
        };
        let paused = self.pause.map(|p| match p.until {
            Some(until) => Paused::For(until.saturating_since(self.last)),
            None => Paused::UntilResumed,
        });
        let next_prompt_in = match &self.phase {
            Phase::Guiding { .. } => Some(Duration::ZERO),
            _ if self.presence.rested => None,
            Phase::Prompting { .. } => Some(Duration::ZERO),
            _ if self.pause.is_some() || !self.hours.open() => None,
            Phase::Working => Some(self.rules.interval.saturating_sub(self.sitting)),
            Phase::Snoozed { until, .. } => Some(until.saturating_since(self.last)),
            // Held back: shown when what holds it ends (or at max_delay, at the latest).
            Phase::Waiting(_) => match self.waiting_for() {
                Some(waiting) => waiting.shown_anyway_in,
                None => Some(Duration::ZERO),
            },
        };
        let p = &self.presence;
        Status {
            phase,
            sitting: self.sitting,
            sitting_counts: !p.rested
                && p.locked_since.is_none()
                && p.asleep_since.is_none()
                && self.hours.open(),
            next_prompt_in,
            snoozes: self.snoozes,
            paused,
            waiting: self.waiting_for(),
            off_hours_until: match self.hours {
                Hours::Closed { until } => Some(until),
                _ => None,
            },
        }
    }

    /// All sitting time since this engine started (plus what it restored): the ended
    /// stretches as recorded, and the current one. It only grows, except when a natural
    /// break takes back the idle minutes that led to it. The daily sitting record follows
    /// it ([`crate::stats::record::Tally`]).
    #[must_use]
    pub fn sitting_total(&self) -> Duration {
        self.sat_in_ended.saturating_add(self.sitting)
    }

    /// What to save so that a restart resumes where this run left off.
    #[must_use]
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            sitting_secs: self.sitting.as_secs(),
            snoozes: self.snoozes,
            picker: self.picker.memory().clone(),
        }
    }

    /// Accrue sitting time up to `now`. Time that runs backwards is ignored.
    fn advance(&mut self, now: Moment) {
        if now <= self.last {
            return;
        }
        // Short idle still counts as sitting (reading, thinking); a locked screen or a
        // sleeping machine does not, and after a natural break the clock stands at zero.
        let p = &self.presence;
        // Off hours no sitting time is counted at all.
        if !p.rested && p.locked_since.is_none() && p.asleep_since.is_none() && self.hours.open() {
            self.sitting = self.sitting.saturating_add(now.saturating_since(self.last));
            self.day_fresh = false;
        }
        self.last = now;
    }

    /// Bring everything time-driven up to date at `now`: main breaks, then micro-breaks.
    fn update(&mut self, now: Moment) {
        self.update_main(now);
        self.update_micro();
    }

    /// [`Self::update`] for the main breaks.
    fn update_main(&mut self, now: Moment) {
        self.advance(now);
        let now = self.last;

        if let Some(pause) = &mut self.pause {
            if pause.until.is_some_and(|until| now >= until) {
                self.pause = None;
            } else if pause.until.is_none()
                && !pause.reminded
                && now >= pause.since + self.rules.interval
            {
                pause.reminded = true;
                let paused_for = now.saturating_since(pause.since);
                self.actions.push_back(Action::StillPaused { paused_for });
            }
        }

        if matches!(self.phase, Phase::Guiding { .. }) {
            self.tick_guide(now);
            return;
        }
        if let Some(since) = self.presence.away_since()
            && !self.watching()
        {
            if !self.presence.rested
                && now >= since + self.rules.natural_break
                && self.natural_may_count(now)
            {
                self.natural_break(self.presence.sat_before);
                self.presence.rested = true;
            }
            // Nothing is shown while the user is away.
            return;
        }
        if self.pause.is_some() || !self.hours.open() {
            return;
        }

        match &self.phase {
            Phase::Working if self.sitting >= self.rules.interval => {
                let exercise = self.picker.pick(&self.library, &self.preferences);
                self.fall_due(now, exercise, 0, None);
            }
            Phase::Snoozed {
                until,
                exercise,
                repeat,
            } if now >= *until => {
                let (exercise, repeat) = (exercise.clone(), repeat.saturating_add(1));
                self.fall_due(now, exercise, repeat, None);
            }
            Phase::Waiting(_) => self.tick_wait(now),
            Phase::Prompting {
                renotify_at: Some(at),
                exercise,
                repeat,
                first,
                ..
            } if now >= *at => {
                let (exercise, repeat, first) =
                    (exercise.clone(), repeat.saturating_add(1), *first);
                self.show(now, exercise, repeat, Some(first));
            }
            _ => {}
        }
    }

    /// Show a prompt; `first` continues a run of re-shows of the same prompt.
    fn show(&mut self, now: Moment, exercise: String, repeat: u32, first: Option<PromptId>) {
        let id = PromptId(self.next_prompt);
        self.next_prompt = self.next_prompt.saturating_add(1);
        self.phase = Phase::Prompting {
            prompt: id,
            first: first.unwrap_or(id),
            exercise: exercise.clone(),
            renotify_at: self.rules.renotify.map(|every| now + every),
            repeat,
            guided: None,
        };
        self.actions.push_back(Action::Show(Prompt {
            id,
            exercise,
            sat_for: self.sitting,
            snooze_allowed: self.snoozes < self.rules.max_snoozes,
            snooze_for: self.rules.snooze,
            repeat,
            asked: false,
            snoozes_used_up: self.rules.max_snoozes > 0 && self.snoozes >= self.rules.max_snoozes,
        }));
    }

    fn activity(&mut self, now: Moment, activity: Activity) {
        let was_away = self.presence.away_since();
        match activity {
            Activity::Idle { since } => {
                // An idle start can be reported late, but never lies in the future.
                self.presence.idle_since = Some(since.min(now));
            }
            Activity::Active => self.presence.idle_since = None,
            Activity::Locked => {
                self.presence.locked_since.get_or_insert(now);
            }
            Activity::Unlocked => self.presence.locked_since = None,
            Activity::Asleep => {
                self.presence.asleep_since.get_or_insert(now);
                self.interrupt_guide(now);
            }
            Activity::Awake => {
                self.presence.asleep_since = None;
                self.presence.woke_at = Some(now);
                // Whatever idle time the idle source reported before the sleep is stale;
                // waking the machine takes input. A lock screen stays, though.
                self.presence.idle_since = None;
            }
        }
        self.presence.refresh();
        match (was_away, self.presence.away_since()) {
            (None, Some(started)) => {
                // Idle reported late was counted as sitting until now; take it back out.
                self.presence.sat_before = self
                    .sitting
                    .saturating_sub(self.last.saturating_since(started));
            }
            (Some(before), Some(started)) if started < before => {
                self.presence.sat_before = self
                    .presence
                    .sat_before
                    .saturating_sub(before.saturating_since(started));
            }
            _ => {}
        }
        if was_away.is_some() && self.presence.away_since().is_none() {
            // Back at the desk. After a natural break the sitting clock (stopped at zero)
            // starts again from here; after a short absence it simply kept running.
            self.presence.rested = false;
        }
        // An idle start reported late may already be past the natural-break threshold;
        // `update` after this call takes care of it.
    }

    /// The machine slept for `duration`, ending at `now` (noticed by the clock).
    fn slept(&mut self, now: Moment, duration: Duration) {
        let asleep_at = now - duration;
        if self.presence.woke_at.is_some_and(|woke| woke >= asleep_at) {
            // logind already reported this sleep and the wake-up after it.
            return;
        }
        self.interrupt_guide(asleep_at);
        // Sitting time counts only up to the moment the machine went to sleep.
        self.advance(asleep_at);
        let sat_before = match self.presence.away_since() {
            Some(_) => self.presence.sat_before,
            None => self.sitting,
        };
        // The sleep is over, whatever logind said or failed to say.
        self.presence.asleep_since = None;
        self.presence.refresh();
        self.last = self.last.max(now);
        if duration < self.rules.natural_break {
            // A short suspend is a short absence: not sitting, but no break either. If
            // nothing else keeps the user away, they are back.
            if self.presence.away_since().is_none() {
                self.presence.rested = false;
            }
            return;
        }
        if !self.presence.rested {
            self.natural_break(sat_before);
        }
        self.sitting = Duration::ZERO;
        // Waking the machine is a return to the desk, unless the session is still idle
        // or locked: then the break carries on until they come back.
        self.presence.rested = self.presence.away_since().is_some();
    }

    /// deskbreak was not running for `duration` before now.
    fn downtime(&mut self, duration: Duration) {
        if duration >= self.rules.natural_break {
            // Logged out, powered off: a break, though not one deskbreak saw.
            self.sitting = Duration::ZERO;
            self.snoozes = 0;
        } else {
            // A quick restart (or a crash): the user kept sitting.
            self.sitting = self.sitting.saturating_add(duration);
        }
    }

    /// `source` stopped: never leave the user "away" because the source that would say
    /// otherwise is gone.
    fn lost(&mut self, now: Moment, source: Source) {
        match source {
            Source::Idle => self.activity(now, Activity::Active),
            Source::Session => {
                self.activity(now, Activity::Unlocked);
                if self.presence.asleep_since.is_some() {
                    self.activity(now, Activity::Awake);
                }
            }
        }
    }

    /// Record a break taken by being away after sitting for `sat_for`, and restart the
    /// sitting clock.
    fn natural_break(&mut self, sat_for: Duration) {
        let exercise = match std::mem::replace(&mut self.phase, Phase::Working) {
            Phase::Working => None,
            Phase::Prompting { exercise, .. } | Phase::Guiding { exercise, .. } => {
                self.actions.push_back(Action::Close);
                Some(exercise)
            }
            Phase::Snoozed { exercise, .. } => Some(exercise),
            Phase::Waiting(wait) => {
                self.leave_wait(self.last, &wait);
                Some(wait.exercise)
            }
        };
        // Off hours, or after no sitting since they began, there was nothing to take a
        // break from.
        if !(self.day_fresh && sat_for.is_zero() && exercise.is_none()) {
            self.actions.push_back(Action::Record(Record {
                outcome: Outcome::Natural,
                exercise,
                sat_for,
                guided: None,
                waited: self.waited.take(),
            }));
        }
        self.micro.restart(self.last);
        self.sat_in_ended = self.sat_in_ended.saturating_add(sat_for.min(self.sitting));
        self.sitting = Duration::ZERO;
        self.snoozes = 0;
    }

    fn answer(&mut self, now: Moment, prompt: PromptId, answer: Answer, snooze_for: Duration) {
        let (current, first, exercise, repeat, guided) = match &self.phase {
            Phase::Prompting {
                prompt,
                first,
                exercise,
                repeat,
                guided,
                ..
            } => (*prompt, *first, exercise.clone(), *repeat, *guided),
            Phase::Guiding {
                prompt,
                first,
                exercise,
                repeat,
                started,
                ..
            } => (
                *prompt,
                *first,
                exercise.clone(),
                *repeat,
                Some(self.last.saturating_since(*started)),
            ),
            _ => return,
        };
        // A click on an earlier showing of the same prompt (one replaced by a re-show
        // while the click was on its way) still counts; anything older does not.
        if prompt < first || prompt > current {
            return;
        }
        let guiding = matches!(self.phase, Phase::Guiding { .. });
        match answer {
            Answer::Start if !guiding => {
                self.start_guide(current, first, exercise, repeat);
                return;
            }
            Answer::Start => return,
            Answer::Stop if guiding => {
                // Back to the reminder in the same bubble; a Done from it counts the
                // time guided so far.
                self.show(now, exercise, repeat.saturating_add(1), Some(first));
                if let Phase::Prompting { guided: slot, .. } = &mut self.phase {
                    *slot = guided;
                }
                return;
            }
            Answer::Stop => return,
            // Closing the guide's bubble stops the guide; the break is still due and
            // comes back at renotify like an unanswered reminder.
            Answer::Dismissed | Answer::Expired if guiding => {
                self.phase = Phase::Snoozed {
                    until: now + self.rules.renotify.unwrap_or(self.rules.snooze),
                    exercise,
                    repeat,
                };
                return;
            }
            _ => {}
        }
        // A dismissed bubble is already gone, unless a re-show has put up another since.
        let close = answer != Answer::Dismissed || prompt != current;
        self.conclude_guided(now, exercise, repeat, answer, close, snooze_for, guided);
    }

    /// Start guiding `exercise` in the bubble of `prompt`.
    fn start_guide(&mut self, prompt: PromptId, first: PromptId, exercise: String, repeat: u32) {
        let plan = self.library.get(&exercise).map(guide::Plan::for_exercise);
        let Some(plan) = plan else {
            return;
        };
        self.phase = Phase::Guiding {
            prompt,
            first,
            exercise,
            repeat,
            started: self.last,
            plan,
            shown_secs: None,
        };
        self.tick_guide(self.last);
    }

    /// Since when a guide's user has been away in a way that can make a natural break:
    /// locked or asleep (idle is expected while following a guide).
    fn guide_absence(&self) -> Option<Moment> {
        [self.presence.locked_since, self.presence.asleep_since]
            .into_iter()
            .flatten()
            .min()
    }

    /// Bring a running guide up to `now`: an update each second, completion at its end,
    /// a natural break if the user left (locked) for `natural_break`.
    fn tick_guide(&mut self, now: Moment) {
        let Phase::Guiding {
            prompt,
            exercise,
            started,
            plan,
            shown_secs,
            ..
        } = &mut self.phase
        else {
            return;
        };
        if let Some(since) = [self.presence.locked_since, self.presence.asleep_since]
            .into_iter()
            .flatten()
            .min()
            && now >= since + self.rules.natural_break
        {
            let sat_for = self.presence.sat_before;
            self.natural_break(sat_for);
            self.presence.rested = true;
            return;
        }
        let elapsed = now.saturating_since(*started);
        match plan.at(elapsed) {
            Some(progress) => {
                let secs = elapsed.as_secs();
                if *shown_secs != Some(secs) {
                    *shown_secs = Some(secs);
                    let step = GuideStep {
                        prompt: *prompt,
                        exercise: exercise.clone(),
                        progress,
                    };
                    self.actions.push_back(Action::Guide(step));
                }
            }
            None => {
                let (exercise, guided) = (exercise.clone(), plan.total());
                self.actions.push_back(Action::Record(Record {
                    outcome: Outcome::Done,
                    exercise: Some(exercise.clone()),
                    sat_for: self.sitting,
                    guided: Some(guided),
                    waited: self.waited.take(),
                }));
                self.actions
                    .push_back(Action::GuideDone { exercise, guided });
                self.micro.restart(now);
                self.sitting = Duration::ZERO;
                self.snoozes = 0;
                self.phase = Phase::Working;
                // Idle (or locked) while following the guide is not the start of a
                // break: the absence, if it goes on, starts now, from zero sitting.
                if self.presence.started.is_some() {
                    if self.presence.idle_since.is_some() {
                        self.presence.idle_since = Some(now);
                    }
                    self.presence.started = Some(now);
                    self.presence.sat_before = Duration::ZERO;
                }
            }
        }
    }

    /// A sleep starting at `at` interrupts a running guide: the reminder is due again
    /// (shown once the machine is awake), nothing recorded.
    fn interrupt_guide(&mut self, at: Moment) {
        if let Phase::Guiding {
            exercise, repeat, ..
        } = &self.phase
        {
            self.actions.push_back(Action::Close);
            self.phase = Phase::Snoozed {
                until: at,
                exercise: exercise.clone(),
                repeat: *repeat,
            };
        }
    }

    /// Apply `answer` to the break offering `exercise`.
    fn conclude(
        &mut self,
        now: Moment,
        exercise: String,
        repeat: u32,
        answer: Answer,
        close: bool,
        snooze_for: Duration,
    ) {
        self.conclude_guided(now, exercise, repeat, answer, close, snooze_for, None);
    }

    /// Apply `answer`, counting `guided` time spent in a guide for it.
    #[expect(clippy::too_many_arguments, reason = "one private step of `answer`")]
    fn conclude_guided(
        &mut self,
        now: Moment,
        exercise: String,
        repeat: u32,
        answer: Answer,
        close: bool,
        snooze_for: Duration,
        guided: Option<Duration>,
    ) {
        let used_up = self.snoozes >= self.rules.max_snoozes;
        let outcome = match answer {
            Answer::Done => Outcome::Done,
            Answer::Skip => Outcome::Skipped,
            Answer::Snooze if self.snoozes < self.rules.max_snoozes => Outcome::Snoozed,
            // A snooze the prompt did not offer (a stale or forged click) changes nothing.
            Answer::Snooze => return,
            Answer::Dismissed => Outcome::Dismissed,
            // The bubble is gone but the break is still due; renotify brings it back.
            Answer::Expired | Answer::Start | Answer::Stop => return,
        };
        self.actions.push_back(Action::Record(Record {
            outcome,
            exercise: Some(exercise.clone()),
            sat_for: self.sitting,
            guided: guided.filter(|_| outcome == Outcome::Done),
            waited: self.waited.take(),
        }));
        if close {
            self.actions.push_back(Action::Close);
        }
        if outcome == Outcome::Dismissed && used_up {
            // Snoozes are used up: a close snoozes no more (the count stays). The break
            // stays due and comes back at renotify, without Snooze.
            self.phase = Phase::Snoozed {
                until: now + self.rules.renotify.unwrap_or(self.rules.snooze),
                exercise,
                repeat,
            };
            return;
        }
        match outcome {
            Outcome::Snoozed | Outcome::Dismissed => {
                self.snoozes = self.snoozes.saturating_add(1);
                self.phase = Phase::Snoozed {
                    until: now + snooze_for,
                    exercise,
                    repeat,
                };
            }
            _ => {
                self.sat_in_ended = self.sat_in_ended.saturating_add(self.sitting);
                self.sitting = Duration::ZERO;
                self.snoozes = 0;
                self.phase = Phase::Working;
                self.micro.restart(now);
            }
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_hours;
#[cfg(test)]
mod tests_micro;
