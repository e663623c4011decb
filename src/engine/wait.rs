//! Holding a due break back while now is a bad moment (do-not-disturb, a fullscreen window
//! or an idle inhibitor, a meeting): the `waiting` phase.
//!
//! # Rules
//!
//! * When a break falls due (sitting time reached `interval`, a snooze or a pause ended)
//!   and the user respects any hold (`[respect]`), the engine asks for a check
//!   ([`Action::CheckHolds`]) instead of showing the prompt, and waits for its answer
//!   ([`Input::Holds`]). Nothing holds: the prompt is shown at once. Something does: the
//!   break waits (phase `waiting`) and the engine checks again at most once a minute
//!   ([`RECHECK`]), or as soon as a source hints that something changed
//!   ([`Input::HoldsChanged`], at most one check per [`HINT_SPACING`]).
//! * One check at a time. A check not answered within [`CHECK_GRACE`] counts as "nothing
//!   holds": a lost answer never keeps a break back for ever.
//! * `respect.max_delay` shows the prompt anyway once the break has waited that long.
//! * Waiting is sitting: sitting time keeps counting. While a hold that means the user is
//!   in front of the screen (fullscreen, an inhibitor, a meeting) is on, being idle is not
//!   a break: a film or a call is sitting, whatever the keyboard says. When such a hold
//!   ends while the user is still idle, the absence counts from then.
//! * The same holds when no break is due: an idle absence (not a lock or a sleep) that
//!   reaches `natural_break` is checked once before it counts as a break, when fullscreen
//!   windows or meetings are respected. A fullscreen window, an inhibitor or a meeting
//!   restarts the absence from then (it was sitting); anything else, or no answer within
//!   [`CHECK_GRACE`], lets it count. (GNOME's idle monitor ignores inhibitors: without this a
//!   film would be a break.)
//! * A prompt the user asks for (`deskbreak now`) and re-shows of a prompt already on
//!   screen are never held back.
//! * The record of the break that follows carries how long it waited and for what
//!   ([`Record::waited`]); waits interrupted (by a pause, say) add up.
//!
//! Any other tier that needs to know the holds (micro-breaks) asks with
//! [`Engine::request_check`] and reads the answer in [`Engine::holds_answered`].

use std::time::Duration;

use super::{Action, Engine, Moment, Phase, PhaseKind, PromptId};
use crate::sources::holds::{self, Hold, Reason};

/// Identifies one holds check, so that a late answer to an earlier one is not taken for
/// the current one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CheckId(pub u64);

/// While a break waits, it is checked again this long after the last answer.
pub const RECHECK: Duration = Duration::from_secs(60);

/// A check unanswered this long counts as "nothing holds" (the daemon bounds a check by
/// [`holds::CHECK_TIMEOUT`]; this covers an answer that never comes).
pub const CHECK_GRACE: Duration = Duration::from_secs(holds::CHECK_TIMEOUT.as_secs() + 4);

/// A hint asks for a new check at once, but no sooner than this after the last one, so
/// that a desktop that sends a burst of signals costs one check, not a storm.
pub const HINT_SPACING: Duration = Duration::from_secs(1);

/// How long a break waited, and for what (on the record of the break that follows).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Waited {
    /// Time held back.
    pub duration: Duration,
    /// What held it back, each reason once, in [`Reason::ALL`]'s order.
    pub reasons: Vec<Reason>,
}

impl Waited {
    /// Add another stretch of waiting.
    fn add(&mut self, duration: Duration, reasons: &[Reason]) {
        self.duration = self.duration.saturating_add(duration);
        for reason in reasons {
            if !self.reasons.contains(reason) {
                self.reasons.push(*reason);
            }
        }
        self.reasons.sort();
    }
}

/// What a waiting break waits for, as reported in the status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitingFor {
    /// The holds the last check found (at least one).
    pub holds: Vec<Hold>,
    /// How long the break has waited so far.
    pub waited: Duration,
    /// When `max_delay` shows it anyway, from now; `None` = no limit.
    pub shown_anyway_in: Option<Duration>,
}

/// A break that fell due and is held back (or being checked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Wait {
    pub(super) exercise: String,
    pub(super) repeat: u32,
    /// Continues a run of re-shows of this prompt when shown.
    pub(super) first: Option<PromptId>,
    /// When it fell due.
    pub(super) since: Moment,
    /// What the last check found; `None` until a check answers (again, after the user
    /// was away: what held the break back then may be over).
    pub(super) holds: Option<Vec<Hold>>,
    /// Every reason that held it back so far, for the record.
    pub(super) seen: Vec<Reason>,
    /// When the last check was answered (the next regular check is [`RECHECK`] after).
    pub(super) answered: Option<Moment>,
    /// The phase reported while no check has found anything (what was shown before it
    /// fell due), so that a check that finds nothing does not flicker through `waiting`.
    pub(super) shown_as: PhaseKind,
}

/// Holds checks in flight: at most one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Checks {
    next: u64,
    /// The check asked for and not answered yet, with when it was asked.
    pending: Option<(CheckId, Moment)>,
    /// When the last check was asked for.
    last_sent: Option<Moment>,
    /// A source hinted at a change since the last check was asked for.
    hinted: bool,
    /// The idle absence (by when it started) that reached `natural_break` and waits for
    /// this check's answer before it counts as a break: a film or a call (an inhibitor, a
    /// fullscreen window, a meeting) is sitting, whatever the keyboard says.
    pub(super) natural: Option<Moment>,
}

impl Checks {
    /// Ask for a check at `now` unless one is in flight.
    fn request(&mut self, now: Moment) -> Option<CheckId> {
        if self.pending.is_some() {
            return None;
        }
        self.next = self.next.saturating_add(1);
        let id = CheckId(self.next);
        self.pending = Some((id, now));
        self.last_sent = Some(now);
        self.hinted = false;
        Some(id)
    }

    /// The answer to `check` arrived: whether it is the one in flight.
    fn answer(&mut self, check: CheckId) -> bool {
        if self.pending.is_some_and(|(id, _)| id == check) {
            self.pending = None;
            return true;
        }
        false
    }

    /// When the check in flight counts as unanswered.
    pub(super) fn gives_up_at(&self) -> Option<Moment> {
        self.pending.map(|(_, sent)| sent + CHECK_GRACE)
    }

    /// When a hint received asks for the next check.
    fn hint_at(&self) -> Option<Moment> {
        if !self.hinted || self.pending.is_some() {
            return None;
        }
        Some(
            self.last_sent
                .map_or(Moment::default(), |at| at + HINT_SPACING),
        )
    }

    /// Drop the check in flight (its answer, if it comes, is ignored).
    pub(super) fn forget(&mut self) {
        self.pending = None;
        self.hinted = false;
    }
}

impl Engine {
    /// Ask for a holds check now, unless one is in flight (its answer serves everyone).
    pub(super) fn request_check(&mut self, now: Moment) {
        if let Some(id) = self.checks.request(now) {
            self.actions.push_back(Action::CheckHolds(id));
        }
    }

    /// Whether any hold is respected (else nothing is ever checked).
    pub(super) fn respects_any(&self) -> bool {
        self.respect.is_some_and(|r| r.any())
    }

    /// A break falls due at `now`: show it, or wait for a check if holds are respected.
    pub(super) fn fall_due(
        &mut self,
        now: Moment,
        exercise: String,
        repeat: u32,
        first: Option<PromptId>,
    ) {
        if !self.respects_any() {
            self.show(now, exercise, repeat, first);
            return;
        }
        let shown_as = match self.phase {
            Phase::Snoozed { .. } => PhaseKind::Snoozed,
            _ => PhaseKind::Working,
        };
        self.phase = Phase::Waiting(Wait {
            exercise,
            repeat,
            first,
            since: now,
            holds: None,
            seen: Vec::new(),
            answered: None,
            shown_as,
        });
        self.request_check(now);
    }

    /// The answer to a holds check (see [`super::Input::Holds`]).
    pub(super) fn holds_answered(&mut self, now: Moment, check: CheckId, found: Vec<Hold>) {
        if !self.checks.answer(check) {
            // A late answer to a check given up on, or one never asked for.
            return;
        }
        let respect = self.respect.unwrap_or_default();
        let mut found: Vec<Hold> = found
            .into_iter()
            .filter(|h| respect.respects(h.reason))
            .collect();
        found.sort();
        found.dedup();
        // An idle absence that reached `natural_break` waits for this answer.
        self.natural_answered(now, &found);
        // A micro-break cue waiting for this check is shown or skipped first.
        self.micro_answered(found.is_empty());
        let watching = self.watching();
        let Phase::Waiting(wait) = &mut self.phase else {
            return;
        };
        wait.answered = Some(now);
        let was_presence = wait.holds.as_deref().is_some_and(keeps_sitting);
        for hold in &found {
            if !wait.seen.contains(&hold.reason) {
                wait.seen.push(hold.reason);
            }
        }
        wait.seen.sort();
        wait.holds = Some(found);
        let found = wait.holds.as_deref().unwrap_or_default();
        let (clear, presence) = (found.is_empty(), keeps_sitting(found));
        if watching && was_presence && !presence {
            // The film or the call ended with the user idle: the absence starts now.
            let sitting = self.sitting;
            self.presence.restart_absence(now, sitting);
        }
        let away = self.presence.away_since().is_some() && !self.watching();
        if away {
            // Nothing is shown to someone away, and what holds the break back may be
            // over when they are back: they are checked again then.
            if let Phase::Waiting(wait) = &mut self.phase {
                wait.holds = None;
                wait.answered = None;
            }
            return;
        }
        if clear {
            self.end_wait(now);
        }
    }

    /// Whether an idle absence that reached `natural_break` at `now` may count as a break
    /// yet. With fullscreen windows, inhibitors or meetings respected, the first time it
    /// asks for a check and says no; the answer ([`Self::natural_answered`]) decides, or,
    /// if none comes within [`CHECK_GRACE`], the break counts.
    pub(super) fn natural_may_count(&mut self, now: Moment) -> bool {
        let Some(respect) = self.respect else {
            return true;
        };
        let p = &self.presence;
        let idle_only =
            p.idle_since.is_some() && p.locked_since.is_none() && p.asleep_since.is_none();
        let absence = p.away_since();
        if !idle_only || !(respect.fullscreen || respect.meetings) {
            self.checks.natural = None;
            return true;
        }
        let lost = self.checks.gives_up_at().is_some_and(|at| now >= at);
        if self.checks.natural != absence {
            // A new absence: a check left from an earlier one that never came back is
            // dropped, so that this one is asked for.
            if lost {
                self.checks.forget();
            }
            self.checks.natural = absence;
            self.request_check(now);
            return false;
        }
        if lost || self.checks.gives_up_at().is_none() {
            // The answer is lost: the absence counts as the break it looks like.
            self.checks.forget();
            self.checks.natural = None;
            return true;
        }
        false
    }

    /// When an idle absence waiting for a check counts as a break anyway.
    pub(super) fn natural_check_deadline(&self) -> Option<Moment> {
        self.checks
            .natural
            .filter(|_| self.checks.natural == self.presence.away_since())
            .and(self.checks.gives_up_at())
    }

    /// The check an idle absence waited for came back with `found`: a film or a call
    /// restarts the absence from now (it was sitting); anything else lets it count.
    fn natural_answered(&mut self, now: Moment, found: &[Hold]) {
        let Some(asked_for) = self.checks.natural.take() else {
            return;
        };
        let Some(since) = self.presence.away_since() else {
            return;
        };
        if asked_for != since || self.presence.rested || now < since + self.rules.natural_break {
            return;
        }
        if keeps_sitting(found) {
            let sitting = self.sitting;
            self.presence.restart_absence(now, sitting);
        } else if !self.watching() {
            self.natural_break(self.presence.sat_before);
            self.presence.rested = true;
        }
    }

    /// A source said something a check reads may have changed.
    pub(super) fn holds_hinted(&mut self) {
        if matches!(self.phase, Phase::Waiting(_)) {
            self.checks.hinted = true;
        }
    }

    /// The waiting break is shown now: what it waited is kept for its record.
    fn end_wait(&mut self, now: Moment) {
        let Phase::Waiting(wait) = std::mem::replace(&mut self.phase, Phase::Working) else {
            return;
        };
        self.leave_wait(now, &wait);
        self.show(now, wait.exercise, wait.repeat, wait.first);
    }

    /// The waiting phase ends at `now` (shown, paused, answered from the CLI, a natural
    /// break): the check in flight is forgotten, and the wait, if anything held the
    /// break back, is kept for the next record.
    pub(super) fn leave_wait(&mut self, now: Moment, wait: &Wait) {
        self.checks.forget();
        if !wait.seen.is_empty() {
            let waited = self.waited.get_or_insert_with(Waited::default);
            waited.add(now.saturating_since(wait.since), &wait.seen);
        }
    }

    /// Bring a waiting break up to `now` (the user is at the desk, or watching; nothing
    /// paused).
    pub(super) fn tick_wait(&mut self, now: Moment) {
        let Phase::Waiting(wait) = &self.phase else {
            return;
        };
        let max_delay = self.respect.and_then(|r| r.max_delay);
        if !self.respects_any() || max_delay.is_some_and(|d| now >= wait.since + d) {
            self.end_wait(now);
            return;
        }
        if self.checks.gives_up_at().is_some_and(|at| now >= at) {
            self.checks.forget();
            let Phase::Waiting(wait) = &mut self.phase else {
                return;
            };
            if wait.holds.is_none() {
                // The answer was lost: nothing is known to hold the break back.
                self.end_wait(now);
                return;
            }
            // A re-check was lost: what the last one found stands until the next.
            wait.answered = Some(now);
        }
        if self.wait_check_at().is_some_and(|at| now >= at) {
            self.request_check(now);
        }
    }

    /// When the waiting break needs the engine next (its check, a re-check, max_delay).
    pub(super) fn wait_deadline(&self) -> Option<Moment> {
        let Phase::Waiting(wait) = &self.phase else {
            return None;
        };
        let max_delay = self
            .respect
            .and_then(|r| r.max_delay)
            .map(|d| wait.since + d);
        [max_delay, self.checks.gives_up_at(), self.wait_check_at()]
            .into_iter()
            .flatten()
            .min()
    }

    /// When the next check of the waiting break is asked for (none while one is in
    /// flight): a minute after the last answer, at once if none is known (the user
    /// just came back), or soon after a hint.
    fn wait_check_at(&self) -> Option<Moment> {
        let Phase::Waiting(wait) = &self.phase else {
            return None;
        };
        if self.checks.pending.is_some() {
            return None;
        }
        let regular = match (&wait.holds, wait.answered) {
            (Some(_), Some(at)) => at + RECHECK,
            _ => wait.since,
        };
        [Some(regular), self.checks.hint_at()]
            .into_iter()
            .flatten()
            .min()
            .map(|at| at.max(self.last))
    }

    /// Whether the user, idle (not locked, not asleep), is watching or in a call: the
    /// break waits on a hold that means they are in front of the screen. Then the idle
    /// time is sitting, and the wait goes on as if they were typing.
    pub(super) fn watching(&self) -> bool {
        let p = &self.presence;
        p.idle_since.is_some()
            && p.locked_since.is_none()
            && p.asleep_since.is_none()
            && matches!(&self.phase, Phase::Waiting(Wait { holds: Some(h), .. }) if keeps_sitting(h))
    }

    /// Whether sources should be followed for hints ([`super::Input::HoldsChanged`]):
    /// only while a break waits.
    #[must_use]
    pub fn wants_hold_hints(&self) -> bool {
        matches!(self.phase, Phase::Waiting(_))
    }

    /// What a waiting break waits for, if one does (and a check found something).
    pub(super) fn waiting_for(&self) -> Option<WaitingFor> {
        let Phase::Waiting(wait) = &self.phase else {
            return None;
        };
        let holds = wait.holds.clone().filter(|h| !h.is_empty())?;
        let waited = self.last.saturating_since(wait.since);
        let shown_anyway_in = self
            .respect
            .and_then(|r| r.max_delay)
            .map(|d| d.saturating_sub(waited));
        Some(WaitingFor {
            holds,
            waited,
            shown_anyway_in,
        })
    }
}

/// Whether these holds mean the user is at the screen though maybe not typing.
fn keeps_sitting(holds: &[Hold]) -> bool {
    holds.iter().any(|h| {
        matches!(
            h.reason,
            Reason::Fullscreen | Reason::Inhibitor | Reason::Meeting
        )
    })
}

impl super::Presence {
    /// An idle absence (not a lock or a sleep) starts again at `now`, with `sitting`
    /// as the sitting time it would record.
    fn restart_absence(&mut self, now: Moment, sitting: Duration) {
        if self.idle_since.is_some() && self.locked_since.is_none() && self.asleep_since.is_none() {
            self.idle_since = Some(now);
            self.started = Some(now);
            self.sat_before = sitting;
        }
    }
}
