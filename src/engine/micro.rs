//! Micro-breaks: a second, lighter tier of cues (`[micro]`), off by default.
//!
//! Every `every` of sitting a one-line cue (a posture or eye-rest move, no buttons) is
//! shown for `length`, then closed by the daemon. Rules, all on the engine's time line:
//!
//! * sitting time since the last cue counts, as for main breaks (short idle included);
//!   a main break taken (done, skipped, natural, guided) and the start of working hours
//!   restart the count; a cue does not restart the main break's sitting time;
//! * a cue is shown only while counting toward a main break (not while one is due,
//!   snoozed, paused, away or off hours), never when the main break is due within
//!   [`QUIET`] and never less than [`QUIET`] after one ended: a cue that cannot be shown
//!   then is skipped (the main break restarts the count anyway);
//! * each cue shown is recorded (outcome `micro`), so stats can count them.

use std::time::Duration;

use super::Moment;

/// No cue this close to a main break, before or after it.
pub const QUIET: Duration = Duration::from_secs(5 * 60);

/// `[micro]`, validated: `every` sitting time between cues, each on screen for `length`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MicroRules {
    /// Sitting time between cues.
    pub every: Duration,
    /// How long a cue stays on screen.
    pub length: Duration,
}

/// The cues, by id, shown in turn. Their words are in [`crate::effects::reminder`].
pub const CUES: [&str; 3] = ["chin-tuck", "shoulder-squeeze", "look-far"];

/// A cue to put on screen, next to (never replacing) a main prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Which move (one of [`CUES`]).
    pub id: &'static str,
    /// How long it stays on screen; the daemon closes it after that.
    pub length: Duration,
}

/// Where the micro-break count stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Micro {
    /// Sitting time when the count last restarted (a cue shown): the next cue is due at
    /// `mark + every`. Zero after a main break (sitting restarts then too).
    mark: Duration,
    /// When the last main break ended; no cue within [`QUIET`] of it.
    main_ended: Option<Moment>,
    /// The cue on screen, closed at this moment.
    open_until: Option<Moment>,
    /// The next cue in [`CUES`] to show.
    next: usize,
}

/// What the engine knows that decides whether a cue may be shown now.
pub(super) struct Now {
    pub now: Moment,
    /// Sitting time now.
    pub sitting: Duration,
    /// Sitting time at which the main break falls due, if the engine is counting toward
    /// one now (working, present, within hours, not paused); `None` otherwise.
    pub main_due_at: Option<Duration>,
}

impl Micro {
    /// The count starting at `sitting` (restored at start-up: no cue for it).
    pub(super) fn starting_at(sitting: Duration) -> Self {
        Self {
            mark: sitting,
            ..Self::default()
        }
    }

    /// Count from zero sitting, with no main break to keep clear of (working hours began).
    pub(super) fn restart_count(&mut self) {
        self.mark = Duration::ZERO;
    }

    /// A main break ended at `now` (or working hours began): count from zero.
    pub(super) fn restart(&mut self, now: Moment) {
        self.mark = Duration::ZERO;
        self.main_ended = Some(now);
    }

    /// The sitting time went down without a break (a new config, a restored state):
    /// keep the mark within it.
    pub(super) fn clamp(&mut self, sitting: Duration) {
        self.mark = self.mark.min(sitting);
    }

    /// Bring the cues up to date: the cue to close, the cue to show.
    pub(super) fn update(&mut self, rules: Option<MicroRules>, at: &Now) -> Step {
        let mut step = Step::default();
        if self.open_until.is_some_and(|until| at.now >= until) {
            self.open_until = None;
            step.close = true;
        }
        let Some(rules) = rules.filter(|r| !r.every.is_zero()) else {
            return step;
        };
        let Some(main_due_at) = at.main_due_at else {
            return step;
        };
        if at.sitting < self.mark.saturating_add(rules.every) || self.open_until.is_some() {
            return step;
        }
        if main_due_at.saturating_sub(at.sitting) <= QUIET {
            // Too close to the main break, which restarts the count.
            return step;
        }
        if self.main_ended.is_some_and(|ended| at.now < ended + QUIET) {
            return step;
        }
        self.mark = at.sitting;
        self.open_until = Some(at.now + rules.length);
        let id = CUES[self.next % CUES.len()];
        self.next = (self.next + 1) % CUES.len();
        step.show = Some(Cue {
            id,
            length: rules.length,
        });
        step
    }

    /// The next moment a cue is closed or may be shown, if any.
    pub(super) fn timeout(&self, rules: Option<MicroRules>, at: &Now) -> Option<Moment> {
        let close = self.open_until;
        let show = rules
            .filter(|r| !r.every.is_zero())
            .zip(at.main_due_at)
            .filter(|_| self.open_until.is_none())
            .and_then(|(rules, main_due_at)| {
                let due = self.mark.saturating_add(rules.every);
                // Skipped when the main break comes first (within QUIET of it).
                if main_due_at.saturating_sub(due.max(at.sitting)) <= QUIET {
                    return None;
                }
                let by_sitting = at.now + due.saturating_sub(at.sitting);
                let after_main = self.main_ended.map_or(at.now, |ended| ended + QUIET);
                Some(by_sitting.max(after_main))
            });
        [close, show].into_iter().flatten().min()
    }
}

/// What [`Micro::update`] decided.
#[derive(Debug, Default)]
pub(super) struct Step {
    /// Take the cue off the screen.
    pub close: bool,
    /// Show this cue.
    pub show: Option<Cue>,
}

/// The engine's side: when cues are allowed, and carrying out [`Micro::update`].
impl super::Engine {
    /// What decides whether a cue may be shown now.
    pub(super) fn micro_now(&self) -> Now {
        let counting = matches!(self.phase, super::Phase::Working)
            && self.pause.is_none()
            && self.hours.open()
            && self.presence.away_since().is_none();
        Now {
            now: self.last,
            sitting: self.sitting,
            main_due_at: counting.then_some(self.rules.interval),
        }
    }

    /// Close the cue whose time is over; show the next one if it is due and allowed.
    pub(super) fn update_micro(&mut self) {
        let at = self.micro_now();
        self.micro.clamp(self.sitting);
        let step = self.micro.update(self.rules.micro, &at);
        if step.close {
            self.actions.push_back(super::Action::CloseMicro);
        }
        if let Some(cue) = step.show {
            self.actions.push_back(super::Action::Record(super::Record {
                outcome: super::Outcome::Micro,
                exercise: Some(cue.id.to_owned()),
                sat_for: self.sitting,
                guided: None,
                waited: None,
            }));
            self.actions.push_back(super::Action::Micro(cue));
        }
    }
}
