//! Engine scenarios on virtual time.

use super::*;
use chrono::{DateTime, Local};

const MIN: Duration = Duration::from_secs(60);

/// `n` minutes (shared with the other engine test modules).
pub(super) fn mins(n: u64) -> Duration {
    MIN * n as u32
}

/// The rules the scenarios run on: 45 min, 10 min snoozes (3 in a row), re-shown every
/// 5 min, a natural break after 5 min away, no micro-breaks.
pub(super) fn rules() -> Rules {
    Rules {
        interval: mins(45),
        snooze: mins(10),
        max_snoozes: 3,
        renotify: Some(mins(5)),
        natural_break: mins(5),
        micro: None,
    }
}

/// Drives an engine through virtual time, as the daemon loop would.
struct Sim {
    engine: Engine,
    now: Moment,
    actions: Vec<Action>,
    /// The id of the last prompt shown, even after `take`.
    shown: Option<PromptId>,
}

impl Sim {
    fn new(rules: Rules) -> Self {
        Self::resume(rules, Snapshot::default())
    }

    fn resume(rules: Rules, snapshot: Snapshot) -> Self {
        let now = Moment::from_origin(Duration::from_secs(1000));
        let engine = Engine::new(
            now,
            rules,
            Library::embedded(),
            Preferences::default(),
            snapshot,
            42,
        );
        Self {
            engine,
            now,
            actions: Vec::new(),
            shown: None,
        }
    }

    fn drain(&mut self) {
        while let Some(action) = self.engine.poll_action() {
            if let Action::Show(prompt) = &action {
                self.shown = Some(prompt.id);
            }
            self.actions.push(action);
        }
    }

    /// Let `d` pass, waking the engine at every deadline it asks for.
    fn wait(&mut self, d: Duration) {
        let target = self.now + d;
        while let Some(deadline) = self.engine.poll_timeout() {
            if deadline > target {
                break;
            }
            assert!(
                deadline >= self.now,
                "deadline {deadline:?} lies before now {:?}",
                self.now
            );
            self.now = deadline;
            self.engine.handle_timeout(self.now);
            self.drain();
            let next = self.engine.poll_timeout();
            assert!(
                next.is_none_or(|n| n > self.now),
                "busy loop: deadline {next:?} not after {:?}",
                self.now
            );
        }
        self.now = target;
        self.engine.handle_timeout(self.now);
        self.drain();
    }

    fn input(&mut self, input: Input) {
        self.engine.handle(self.now, input);
        self.drain();
    }

    fn activity(&mut self, activity: Activity) {
        self.input(Input::Activity(activity));
    }

    fn answer(&mut self, answer: Answer) {
        let prompt = self.shown.expect("a prompt was shown");
        self.input(Input::Answer { prompt, answer });
    }

    fn take(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.actions)
    }

    fn last_prompt(&self) -> Option<Prompt> {
        self.engine_prompts().last().cloned()
    }

    fn engine_prompts(&self) -> Vec<Prompt> {
        self.actions
            .iter()
            .filter_map(|a| match a {
                Action::Show(p) => Some(p.clone()),
                _ => None,
            })
            .collect()
    }

    fn records(&self) -> Vec<Record> {
        self.actions
            .iter()
            .filter_map(|a| match a {
                Action::Record(r) => Some(r.clone()),
                _ => None,
            })
            .collect()
    }

    fn phase(&self) -> PhaseKind {
        self.engine.status().phase
    }
}

fn shows(actions: &[Action]) -> Vec<&Prompt> {
    actions
        .iter()
        .filter_map(|a| match a {
            Action::Show(p) => Some(p),
            _ => None,
        })
        .collect()
}

fn record(outcome: Outcome, exercise: Option<&str>, sat_for: Duration) -> Action {
    Action::Record(Record {
        outcome,
        exercise: exercise.map(str::to_owned),
        sat_for,
        guided: None,
        waited: None,
    })
}

#[test]
fn break_falls_due_after_interval_of_sitting() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(44));
    assert!(sim.take().is_empty(), "nothing before the interval");
    sim.wait(mins(1));
    let actions = sim.take();
    let [Action::Show(prompt)] = actions.as_slice() else {
        panic!("one prompt expected: {actions:?}");
    };
    assert_eq!(prompt.sat_for, mins(45));
    assert!(prompt.snooze_allowed);
    assert_eq!(prompt.repeat, 0);
    assert_eq!(sim.phase(), PhaseKind::Due);
}

#[test]
fn done_is_recorded_and_restarts_the_sitting_clock() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(46));
    let prompt = sim.last_prompt().unwrap();
    sim.take();
    sim.answer_id(prompt.id, Answer::Done);
    let exercise = prompt.exercise;
    assert_eq!(
        sim.take(),
        vec![
            record(Outcome::Done, Some(&exercise), mins(46)),
            Action::Close
        ]
    );
    assert_eq!(sim.engine.status().sitting, Duration::ZERO);
    sim.wait(mins(44));
    assert!(sim.take().is_empty());
    sim.wait(mins(1));
    assert_eq!(
        shows(&sim.take()).len(),
        1,
        "next break after a full interval"
    );
}

#[test]
fn skip_is_recorded_and_restarts_the_sitting_clock() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    sim.answer(Answer::Skip);
    let records = sim.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].outcome, Outcome::Skipped);
    assert_eq!(records[0].sat_for, mins(45));
    assert_eq!(sim.engine.status().sitting, Duration::ZERO);
    assert_eq!(sim.phase(), PhaseKind::Working);
}

#[test]
fn snooze_brings_the_same_exercise_back_and_sitting_keeps_accruing() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    let first = sim.last_prompt().unwrap();
    sim.answer(Answer::Snooze);
    assert_eq!(sim.phase(), PhaseKind::Snoozed);
    assert!(
        sim.take().contains(&Action::Close),
        "bubble closed on snooze"
    );
    sim.wait(mins(9));
    assert!(sim.take().is_empty());
    sim.wait(mins(1));
    let actions = sim.take();
    let again = shows(&actions);
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].exercise, first.exercise);
    assert_eq!(
        again[0].sat_for,
        mins(55),
        "sitting kept accruing while snoozed"
    );
    assert!(again[0].id > first.id);
}

#[test]
fn snooze_is_no_longer_offered_after_max_snoozes_in_a_row() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    for n in 0..3 {
        assert!(
            sim.last_prompt().unwrap().snooze_allowed,
            "snooze {n} offered"
        );
        sim.answer(Answer::Snooze);
        sim.wait(mins(10));
    }
    let prompt = sim.last_prompt().unwrap();
    assert!(!prompt.snooze_allowed, "the fourth prompt offers no snooze");
    // A forged or stale snooze is ignored: the prompt stays due.
    sim.take();
    sim.input(Input::Answer {
        prompt: prompt.id,
        answer: Answer::Snooze,
    });
    assert!(sim.take().is_empty());
    assert_eq!(sim.phase(), PhaseKind::Due);
    // Done resets the count.
    sim.answer_id(prompt.id, Answer::Done);
    sim.wait(mins(45));
    assert!(sim.last_prompt().unwrap().snooze_allowed);
}

impl Sim {
    fn answer_id(&mut self, prompt: PromptId, answer: Answer) {
        self.input(Input::Answer { prompt, answer });
    }
}

#[test]
fn dismissed_is_recorded_and_behaves_like_a_snooze() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    let prompt = sim.last_prompt().unwrap();
    sim.take();
    sim.answer_id(prompt.id, Answer::Dismissed);
    let actions = sim.take();
    assert_eq!(
        actions,
        vec![record(Outcome::Dismissed, Some(&prompt.exercise), mins(45))],
        "no Close: the bubble is already gone"
    );
    assert_eq!(sim.phase(), PhaseKind::Snoozed);
    assert_eq!(sim.engine.status().snoozes, 1, "counts toward max_snoozes");
    sim.wait(mins(10));
    assert_eq!(shows(&sim.take()).len(), 1);
}

#[test]
fn unanswered_prompt_is_reshown_every_renotify_with_updated_sitting_time() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    sim.wait(mins(16));
    let actions = sim.take();
    assert!(
        !actions.contains(&Action::Close),
        "re-shows replace the bubble, they do not close it"
    );
    let prompts = shows(&actions);
    assert_eq!(prompts.len(), 4, "at 45, 50, 55 and 60 min: {prompts:?}");
    let sat: Vec<Duration> = prompts.iter().map(|p| p.sat_for).collect();
    assert_eq!(sat, vec![mins(45), mins(50), mins(55), mins(60)]);
    let repeats: Vec<u32> = prompts.iter().map(|p| p.repeat).collect();
    assert_eq!(repeats, vec![0, 1, 2, 3]);
    assert!(prompts.windows(2).all(|w| w[0].id < w[1].id));
    assert!(prompts.windows(2).all(|w| w[0].exercise == w[1].exercise));
}

#[test]
fn renotify_zero_never_reshows() {
    let mut sim = Sim::new(Rules {
        renotify: None,
        ..rules()
    });
    sim.wait(mins(45));
    sim.wait(mins(120));
    assert_eq!(shows(&sim.take()).len(), 1);
    assert_eq!(
        sim.engine.poll_timeout(),
        None,
        "nothing left to wake up for"
    );
    assert_eq!(sim.phase(), PhaseKind::Due);
}

#[test]
fn expired_prompt_is_still_due_and_comes_back_at_renotify() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    sim.take();
    sim.answer_id(PromptId(1), Answer::Expired);
    assert!(sim.take().is_empty(), "an expiry records nothing");
    assert_eq!(sim.phase(), PhaseKind::Due);
    sim.wait(mins(5));
    assert_eq!(shows(&sim.take()).len(), 1);
}

#[test]
fn a_click_on_a_replaced_showing_counts_once() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(50)); // shown at 45, re-shown at 50
    let prompts = sim.engine_prompts();
    assert_eq!(prompts.len(), 2);
    sim.take();
    // The click was on its way when the re-show replaced the bubble.
    sim.answer_id(prompts[0].id, Answer::Done);
    assert_eq!(sim.records().len(), 1);
    sim.take();
    sim.answer_id(prompts[1].id, Answer::Done);
    sim.answer_id(prompts[1].id, Answer::Dismissed);
    assert!(sim.take().is_empty(), "second answer ignored");
}

#[test]
fn answers_to_an_earlier_break_are_ignored() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    let old = sim.last_prompt().unwrap();
    sim.answer(Answer::Snooze);
    sim.wait(mins(10));
    let new = sim.last_prompt().unwrap();
    assert!(new.id > old.id);
    sim.take();
    sim.answer_id(old.id, Answer::Done);
    assert!(
        sim.take().is_empty(),
        "the snoozed bubble's late click is stale"
    );
    assert_eq!(sim.phase(), PhaseKind::Due);
}

#[test]
fn short_idle_counts_as_sitting() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(20));
    sim.activity(Activity::Idle { since: sim.now });
    sim.wait(mins(4));
    sim.activity(Activity::Active);
    assert_eq!(sim.engine.status().sitting, mins(24));
    sim.wait(mins(21));
    assert_eq!(shows(&sim.take()).len(), 1);
}

#[test]
fn long_idle_is_a_natural_break_and_sitting_restarts_on_return() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    sim.activity(Activity::Idle { since: sim.now });
    sim.wait(mins(5));
    assert_eq!(
        sim.take(),
        vec![record(Outcome::Natural, None, mins(30))],
        "recorded when the absence reaches natural_break, with the time sat before it"
    );
    assert_eq!(sim.phase(), PhaseKind::Away);
    sim.wait(mins(60));
    assert!(sim.take().is_empty(), "nothing while away");
    sim.activity(Activity::Active);
    assert_eq!(sim.engine.status().sitting, Duration::ZERO);
    sim.wait(mins(44));
    assert!(sim.take().is_empty());
    sim.wait(mins(1));
    assert_eq!(shows(&sim.take()).len(), 1);
}

#[test]
fn idle_reported_late_past_the_threshold_is_a_natural_break_at_once() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    let left_at = sim.now;
    sim.wait(mins(7));
    sim.activity(Activity::Idle { since: left_at });
    assert_eq!(sim.take(), vec![record(Outcome::Natural, None, mins(30))]);
}

#[test]
fn natural_break_during_an_open_prompt_closes_it() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    let prompt = sim.last_prompt().unwrap();
    sim.take();
    sim.wait(mins(1));
    sim.activity(Activity::Idle { since: sim.now });
    sim.wait(mins(5));
    assert_eq!(
        sim.take(),
        vec![
            Action::Close,
            record(Outcome::Natural, Some(&prompt.exercise), mins(46))
        ]
    );
    // A late click on the closed prompt changes nothing.
    sim.answer_id(prompt.id, Answer::Done);
    assert!(sim.take().is_empty());
}

#[test]
fn no_prompt_while_away_it_waits_for_the_return() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(43));
    sim.activity(Activity::Idle { since: sim.now });
    sim.wait(mins(4)); // due at 45 but the user is away (not long enough for a break)
    assert!(sim.take().is_empty());
    sim.activity(Activity::Active);
    let actions = sim.take();
    let prompts = shows(&actions);
    assert_eq!(prompts.len(), 1, "shown on return");
    assert_eq!(prompts[0].sat_for, mins(47));
}

#[test]
fn renotify_waits_while_the_user_is_away() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    sim.take();
    sim.activity(Activity::Idle { since: sim.now });
    sim.wait(mins(4));
    assert!(sim.take().is_empty());
    sim.activity(Activity::Active);
    assert_eq!(shows(&sim.take()).len(), 0, "renotify not yet due at 49");
    sim.wait(mins(1));
    assert_eq!(shows(&sim.take()).len(), 1);
}

#[test]
fn lock_counts_as_away() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(10));
    sim.activity(Activity::Locked);
    sim.wait(mins(3));
    sim.activity(Activity::Unlocked);
    assert!(sim.take().is_empty(), "a short lock is not a break");
    assert_eq!(
        sim.engine.status().sitting,
        mins(10),
        "but not sitting either"
    );
    sim.activity(Activity::Locked);
    sim.wait(mins(20));
    sim.activity(Activity::Unlocked);
    assert_eq!(sim.take(), vec![record(Outcome::Natural, None, mins(10))]);
    assert_eq!(sim.engine.status().sitting, Duration::ZERO);
}

#[test]
fn a_short_lock_just_before_the_break_does_not_fire_it_on_unlock() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(43));
    sim.activity(Activity::Locked);
    sim.wait(mins(4));
    sim.activity(Activity::Unlocked);
    assert!(sim.take().is_empty(), "nothing right on unlock");
    sim.wait(mins(2));
    assert_eq!(
        shows(&sim.take()).len(),
        1,
        "due after 45 min of actual sitting"
    );
}

#[test]
fn idle_and_lock_overlap_the_user_is_back_only_when_both_end() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(10));
    sim.activity(Activity::Idle { since: sim.now });
    sim.wait(mins(1));
    sim.activity(Activity::Locked);
    sim.wait(mins(2));
    sim.activity(Activity::Active); // moving the mouse on the lock screen
    sim.wait(mins(3));
    assert_eq!(
        sim.take(),
        vec![record(Outcome::Natural, None, mins(10))],
        "still locked: the absence since the idle start reached natural_break"
    );
    sim.activity(Activity::Unlocked);
    assert_eq!(sim.phase(), PhaseKind::Working);
}

#[test]
fn long_sleep_restarts_the_timer_and_shows_nothing_for_the_sleep() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(40));
    // Eight hours asleep: the wall clock and CLOCK_BOOTTIME both moved on.
    sim.now = sim.now + mins(480);
    sim.input(Input::Slept {
        duration: mins(480),
    });
    assert_eq!(sim.take(), vec![record(Outcome::Natural, None, mins(40))]);
    assert_eq!(sim.engine.status().sitting, Duration::ZERO);
    assert_eq!(sim.phase(), PhaseKind::Working);
    sim.wait(mins(44));
    assert!(sim.take().is_empty(), "no prompt right after waking");
    sim.wait(mins(1));
    assert_eq!(shows(&sim.take()).len(), 1);
}

#[test]
fn suspend_in_the_middle_of_an_open_prompt_closes_it_as_natural() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(47));
    let prompt = sim.last_prompt().unwrap();
    sim.take();
    sim.now = sim.now + mins(30);
    sim.input(Input::Slept { duration: mins(30) });
    assert_eq!(
        sim.take(),
        vec![
            Action::Close,
            record(Outcome::Natural, Some(&prompt.exercise), mins(47))
        ]
    );
    sim.answer_id(prompt.id, Answer::Done);
    assert!(sim.take().is_empty(), "a late click after wake is ignored");
}

#[test]
fn a_short_sleep_is_neither_sitting_nor_a_break() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(44));
    sim.now = sim.now + mins(2);
    sim.input(Input::Slept { duration: mins(2) });
    assert!(
        sim.take().is_empty(),
        "no break fires right after the suspend"
    );
    assert_eq!(sim.engine.status().sitting, mins(44));
}

#[test]
fn a_sleep_ends_the_asleep_state_even_without_logind_saying_so() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(20));
    sim.activity(Activity::Asleep);
    sim.now = sim.now + mins(60);
    sim.input(Input::Slept { duration: mins(60) });
    assert_eq!(sim.take(), vec![record(Outcome::Natural, None, mins(20))]);
    // logind never reports the wake-up: the user must not stay "away" for ever.
    sim.wait(mins(45));
    assert_eq!(shows(&sim.take()).len(), 1);
}

#[test]
fn a_sleep_noticed_by_the_clock_after_logind_reported_it_is_not_counted_twice() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    sim.activity(Activity::Asleep);
    sim.now = sim.now + mins(60);
    sim.activity(Activity::Awake);
    assert_eq!(sim.take(), vec![record(Outcome::Natural, None, mins(30))]);
    sim.wait(mins(1));
    sim.input(Input::Slept { duration: mins(60) });
    assert!(sim.take().is_empty());
    assert_eq!(sim.engine.status().sitting, mins(1));
}

#[test]
fn idle_before_a_sleep_is_not_recorded_as_sitting() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    sim.activity(Activity::Idle { since: sim.now });
    sim.wait(mins(4));
    sim.now = sim.now + mins(60);
    sim.input(Input::Slept { duration: mins(60) });
    assert_eq!(sim.take(), vec![record(Outcome::Natural, None, mins(30))]);
}

#[test]
fn absurd_saved_values_do_not_panic() {
    let mut sim = Sim::resume(
        rules(),
        Snapshot {
            sitting_secs: u64::MAX,
            snoozes: u32::MAX,
            picker: PickerMemory::default(),
        },
    );
    sim.wait(mins(1));
    sim.answer(Answer::Dismissed);
    sim.wait(mins(30));
    assert!(!sim.engine_prompts().is_empty());
}

#[test]
fn sleep_into_a_lock_screen_is_one_break_until_unlock() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(20));
    sim.activity(Activity::Locked);
    sim.now = sim.now + mins(60);
    sim.input(Input::Slept { duration: mins(60) });
    assert_eq!(sim.take(), vec![record(Outcome::Natural, None, mins(20))]);
    sim.wait(mins(50));
    assert!(sim.take().is_empty(), "still locked after wake: no prompt");
    sim.activity(Activity::Unlocked);
    assert_eq!(sim.engine.status().sitting, Duration::ZERO);
    sim.wait(mins(45));
    assert_eq!(shows(&sim.take()).len(), 1);
    assert_eq!(sim.records().len(), 0, "one natural break, not two");
}

#[test]
fn time_running_backwards_neither_fires_nor_swallows_a_break() {
    // The engine's time line is CLOCK_BOOTTIME, which wall-clock changes (time zone, DST,
    // NTP) do not touch; a moment that goes backwards anyway is ignored.
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    let earlier = sim.now - mins(60);
    sim.engine.handle_timeout(earlier);
    sim.engine
        .handle(earlier, Input::Activity(Activity::Active));
    sim.drain();
    assert!(sim.take().is_empty());
    assert_eq!(sim.engine.status().sitting, mins(30));
    sim.wait(mins(15));
    assert_eq!(
        shows(&sim.take()).len(),
        1,
        "due at exactly 45 min of sitting"
    );
}

#[test]
fn snapshot_carries_sitting_and_snoozes_across_a_restart() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    sim.answer(Answer::Snooze);
    sim.wait(mins(3));
    let snapshot = sim.engine.snapshot();
    assert_eq!(snapshot.sitting_secs, 48 * 60);
    assert_eq!(snapshot.snoozes, 1);
    assert_eq!(snapshot.picker.recent.len(), 1);

    let mut resumed = Sim::resume(rules(), snapshot);
    // Over the interval already: prompt at once, with one snooze used.
    resumed.wait(Duration::ZERO);
    let prompt = resumed.last_prompt().expect("prompt after restart");
    assert_eq!(prompt.sat_for, mins(48));
    assert_ne!(prompt.exercise, sim.engine.snapshot().picker.recent[0]);
}

#[test]
fn reconfigure_applies_the_new_interval_at_once() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    sim.engine.reconfigure(
        sim.now,
        Rules {
            interval: mins(25),
            ..rules()
        },
        Preferences::default(),
    );
    sim.drain();
    assert_eq!(shows(&sim.take()).len(), 1, "already past the new interval");
}

#[test]
fn random_inputs_never_panic_loop_or_stack_prompts() {
    // A small deterministic fuzzer over the engine's whole input space.
    let mut seed = 0x5eed_u64;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    for round in 0..200 {
        let mut sim = Sim::new(Rules {
            interval: mins(1 + next(60)),
            snooze: mins(1 + next(20)),
            max_snoozes: next(4) as u32,
            renotify: (next(3) > 0).then(|| mins(1 + next(10))),
            natural_break: mins(1 + next(10)),
            micro: (next(2) > 0).then(|| micro::MicroRules {
                every: mins(1 + next(30)),
                length: Duration::from_secs(1 + next(120)),
            }),
        });
        let mut open: Option<PromptId> = None;
        let mut micro_open = false;
        for _ in 0..300 {
            match next(12) {
                0..=3 => sim.wait(Duration::from_secs(next(1200))),
                10 => {
                    let now = sim.now;
                    match next(3) {
                        0 => sim.engine.pause(now, None),
                        1 => sim
                            .engine
                            .pause(now, Some(now + Duration::from_secs(next(3600)))),
                        _ => {
                            let _ = sim.engine.resume(now);
                        }
                    }
                    sim.drain();
                }
                11 => {
                    let now = sim.now;
                    let _ = match next(3) {
                        0 => sim.engine.break_now(now),
                        1 => sim
                            .engine
                            .snooze_due(now, Duration::from_secs(1 + next(600))),
                        _ => sim.engine.answer_due(now, Answer::Done),
                    };
                    sim.drain();
                }
                4 => sim.activity(Activity::Idle {
                    since: sim.now - Duration::from_secs(next(900)),
                }),
                5 => sim.activity(Activity::Active),
                6 => sim.activity(
                    [
                        Activity::Locked,
                        Activity::Unlocked,
                        Activity::Asleep,
                        Activity::Awake,
                    ][next(4) as usize],
                ),
                7 => {
                    let d = Duration::from_secs(next(3600));
                    sim.now = sim.now + d;
                    sim.input(Input::Slept { duration: d });
                }
                _ => {
                    let answer = [
                        Answer::Done,
                        Answer::Snooze,
                        Answer::Skip,
                        Answer::Dismissed,
                        Answer::Expired,
                        Answer::Start,
                        Answer::Stop,
                    ][next(7) as usize];
                    let prompt = PromptId(next(20));
                    sim.input(Input::Answer { prompt, answer });
                }
            }
            for action in sim.take() {
                match action {
                    Action::Show(p) => {
                        if let Some(previous) = open {
                            assert!(p.id > previous, "round {round}: ids only grow");
                        }
                        open = Some(p.id);
                    }
                    Action::Close => {
                        assert!(open.is_some(), "round {round}: close without a prompt");
                        open = None;
                    }
                    Action::Micro(_) => {
                        assert!(!micro_open, "round {round}: one cue at a time");
                        micro_open = true;
                    }
                    Action::CloseMicro => {
                        assert!(micro_open, "round {round}: close without a cue");
                        micro_open = false;
                    }
                    Action::Record(_)
                    | Action::StillPaused { .. }
                    | Action::Guide(_)
                    | Action::GuideDone { .. }
                    | Action::CheckHolds(_) => {}
                }
            }
        }
    }
}

#[test]
fn answering_from_outside_needs_a_due_break() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(10));
    assert_eq!(
        sim.engine.answer_due(sim.now, Answer::Done),
        Err(Refusal::NoBreakDue)
    );
    assert_eq!(
        sim.engine.answer_due(sim.now, Answer::Snooze),
        Err(Refusal::NoBreakDue)
    );
    sim.wait(mins(35));
    let prompt = sim.last_prompt().unwrap();
    sim.take();
    assert_eq!(sim.engine.answer_due(sim.now, Answer::Done), Ok(()));
    sim.drain();
    assert_eq!(
        sim.take(),
        vec![
            record(Outcome::Done, Some(&prompt.exercise), mins(45)),
            Action::Close
        ]
    );
}

#[test]
fn done_from_outside_works_while_snoozed_and_snooze_respects_the_limit() {
    let mut sim = Sim::new(Rules {
        max_snoozes: 1,
        ..rules()
    });
    sim.wait(mins(45));
    let prompt = sim.last_prompt().unwrap();
    assert_eq!(sim.engine.answer_due(sim.now, Answer::Snooze), Ok(()));
    assert_eq!(
        sim.engine.answer_due(sim.now, Answer::Snooze),
        Err(Refusal::SnoozeLimit)
    );
    sim.drain();
    sim.take();
    sim.wait(mins(2));
    assert_eq!(sim.engine.answer_due(sim.now, Answer::Done), Ok(()));
    sim.drain();
    assert_eq!(
        sim.records(),
        vec![Record {
            outcome: Outcome::Done,
            exercise: Some(prompt.exercise),
            sat_for: mins(47),
            guided: None,
            waited: None,
        }]
    );
    assert_eq!(sim.phase(), PhaseKind::Working);
    sim.wait(mins(20));
    assert!(
        shows(&sim.take()).is_empty(),
        "the snoozed prompt does not come back after done"
    );
}

#[test]
fn sleep_reported_by_logind_is_an_absence_from_its_start() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(47));
    let prompt = sim.last_prompt().unwrap();
    sim.take();
    sim.activity(Activity::Asleep);
    // Timers do not fire while the machine sleeps; the next thing is the wake-up.
    sim.now = sim.now + mins(60);
    sim.activity(Activity::Awake);
    assert_eq!(
        sim.take(),
        vec![
            Action::Close,
            record(Outcome::Natural, Some(&prompt.exercise), mins(47))
        ]
    );
    // The suspend-detecting clock may notice the same sleep afterwards: no second record.
    assert_eq!(sim.engine.status().sitting, Duration::ZERO);
    sim.wait(mins(44));
    assert!(sim.take().is_empty(), "no prompt right after waking");
    sim.wait(mins(1));
    assert_eq!(shows(&sim.take()).len(), 1);
}

#[test]
fn clock_noticing_a_sleep_before_logind_reports_the_wake_records_it_once() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    sim.activity(Activity::Asleep);
    sim.now = sim.now + mins(60);
    sim.input(Input::Slept { duration: mins(60) });
    sim.activity(Activity::Awake);
    assert_eq!(sim.take(), vec![record(Outcome::Natural, None, mins(30))]);
    assert_eq!(sim.phase(), PhaseKind::Working);
}

#[test]
fn a_short_logind_sleep_is_not_sitting() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    sim.activity(Activity::Asleep);
    sim.now = sim.now + mins(2);
    sim.activity(Activity::Awake);
    assert!(sim.take().is_empty());
    assert_eq!(sim.engine.status().sitting, mins(30));
}

#[test]
fn a_timed_pause_shows_nothing_and_ends_by_itself() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(40));
    sim.engine.pause(sim.now, Some(sim.now + mins(30)));
    assert_eq!(sim.phase(), PhaseKind::Paused);
    assert_eq!(sim.engine.status().paused, Some(Paused::For(mins(30))));
    sim.wait(mins(29));
    assert!(shows(&sim.take()).is_empty(), "no prompt while paused");
    sim.wait(mins(1));
    assert_eq!(
        shows(&sim.take()).len(),
        1,
        "the overdue break at the end of the pause"
    );
    assert_eq!(sim.engine.status().paused, None);
}

#[test]
fn pausing_takes_an_open_prompt_off_the_screen() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    sim.take();
    sim.engine.pause(sim.now, None);
    sim.drain();
    assert_eq!(sim.take(), vec![Action::Close]);
    assert_eq!(
        sim.engine.answer_due(sim.now, Answer::Done),
        Err(Refusal::Paused)
    );
}

#[test]
fn now_during_a_pause_takes_the_break_and_the_pause_stays() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    let offered = shows(&sim.take())[0].exercise.clone();
    sim.engine.pause(sim.now, None);
    sim.drain();
    sim.take();
    assert_eq!(sim.engine.break_now(sim.now), Ok(()));
    sim.drain();
    let taken = sim.take();
    let shown = shows(&taken);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].exercise, offered, "the break that was due");
    assert_eq!(sim.phase(), PhaseKind::Due);
    assert_eq!(sim.engine.answer_due(sim.now, Answer::Done), Ok(()));
    sim.drain();
    assert_eq!(sim.phase(), PhaseKind::Paused, "the pause stays");
    assert_eq!(sim.engine.status().paused, Some(Paused::UntilResumed));
}

#[test]
fn resume_keeps_the_snoozed_exercise_and_its_time() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    let prompt = shows(&sim.take())[0].clone();
    sim.input(Input::Answer {
        prompt: prompt.id,
        answer: Answer::Snooze,
    });
    sim.take();
    sim.wait(mins(2));
    sim.engine.pause(sim.now, None);
    sim.wait(mins(3));
    assert_eq!(sim.engine.resume(sim.now), Ok(()));
    sim.drain();
    assert!(
        shows(&sim.take()).is_empty(),
        "not at once: the snooze has 5 min left"
    );
    assert_eq!(sim.phase(), PhaseKind::Snoozed);
    sim.wait(mins(5));
    let taken = sim.take();
    let back = shows(&taken);
    assert_eq!(back.len(), 1);
    assert_eq!(
        back[0].exercise, prompt.exercise,
        "the snoozed exercise comes back"
    );
}

#[test]
fn an_open_ended_pause_reminds_once_after_an_interval() {
    let mut sim = Sim::new(rules());
    sim.engine.pause(sim.now, None);
    assert_eq!(sim.engine.status().paused, Some(Paused::UntilResumed));
    sim.wait(mins(44));
    assert!(sim.take().is_empty());
    sim.wait(mins(1));
    assert_eq!(
        sim.take(),
        vec![Action::StillPaused {
            paused_for: mins(45)
        }]
    );
    sim.wait(mins(300));
    assert!(sim.take().is_empty(), "only once");
    assert_eq!(sim.engine.resume(sim.now), Ok(()));
    sim.drain();
    assert_eq!(
        shows(&sim.take()).len(),
        1,
        "sitting kept counting: overdue"
    );
    assert_eq!(sim.engine.resume(sim.now), Err(Refusal::NotPaused));
}

#[test]
fn natural_breaks_still_count_while_paused() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(20));
    sim.engine.pause(sim.now, None);
    sim.activity(Activity::Idle { since: sim.now });
    sim.wait(mins(5));
    assert_eq!(
        sim.records(),
        vec![Record {
            outcome: Outcome::Natural,
            exercise: None,
            sat_for: mins(20),
            guided: None,
            waited: None,
        }]
    );
}

#[test]
fn break_now_shows_a_prompt_at_once() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(5));
    assert_eq!(sim.engine.break_now(sim.now), Ok(()));
    sim.drain();
    let prompt = sim.last_prompt().expect("shown");
    assert_eq!(prompt.sat_for, mins(5));
    sim.answer(Answer::Done);
    assert_eq!(sim.engine.status().sitting, Duration::ZERO);
}

#[test]
fn snooze_from_outside_can_name_its_length() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    assert_eq!(sim.engine.snooze_due(sim.now, mins(2)), Ok(()));
    sim.drain();
    sim.take();
    sim.wait(mins(2));
    assert_eq!(shows(&sim.take()).len(), 1, "back after 2 min, not 10");
}

// --- Restoring after downtime: the wall-clock gap across a restart is an input. ---

/// A restart of an engine that had `snapshot`, after `down` of downtime.
fn restart(snapshot: Snapshot, down: Duration) -> Sim {
    let mut sim = Sim::resume(rules(), snapshot);
    sim.input(Input::Downtime { duration: down });
    sim
}

#[test]
fn a_quick_restart_keeps_the_sitting_time_and_adds_the_gap() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    let mut restarted = restart(sim.engine.snapshot(), mins(2));
    assert_eq!(restarted.engine.status().sitting, mins(32));
    assert!(restarted.take().is_empty(), "no record, no prompt");
    restarted.wait(mins(12));
    assert!(restarted.take().is_empty());
    restarted.wait(mins(1));
    assert_eq!(shows(&restarted.take()).len(), 1, "due after 45 min in all");
}

#[test]
fn downtime_of_a_natural_break_restarts_sitting_and_snoozes_without_a_record() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    sim.answer(Answer::Snooze);
    sim.wait(mins(1));
    let mut restarted = restart(sim.engine.snapshot(), mins(5));
    assert_eq!(restarted.engine.status().sitting, Duration::ZERO);
    assert_eq!(restarted.engine.status().snoozes, 0);
    assert!(
        restarted.take().is_empty(),
        "the history holds only what deskbreak saw"
    );
    restarted.wait(mins(45));
    assert_eq!(shows(&restarted.take()).len(), 1);
}

#[test]
fn a_restart_over_the_interval_prompts_at_once() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(44));
    let restarted = restart(sim.engine.snapshot(), mins(3));
    assert_eq!(shows(&restarted.actions).len(), 1);
    assert_eq!(restarted.last_prompt().unwrap().sat_for, mins(47));
}

#[test]
fn restored_values_are_kept_within_sense() {
    let sim = restart(
        Snapshot {
            sitting_secs: 30 * 24 * 3600,
            snoozes: 99,
            picker: PickerMemory::default(),
        },
        Duration::ZERO,
    );
    let status = sim.engine.status();
    assert_eq!(status.sitting, MAX_RESTORED_SITTING);
    assert_eq!(status.snoozes, 3, "at most max_snoozes");
    assert!(!sim.last_prompt().unwrap().snooze_allowed);
}

#[test]
fn a_crash_between_saves_never_reads_as_a_break_with_the_defaults() {
    // The daemon saves at least every half natural_break (effects::save_every); a crash
    // just before a save and a restart some seconds later is less than natural_break down.
    let every = crate::effects::save_every(rules().natural_break);
    let mut sim = Sim::new(rules());
    sim.wait(mins(20));
    let saved = sim.engine.snapshot();
    sim.wait(every);
    // Killed here; systemd restarts it after a few seconds.
    let down = every + Duration::from_secs(30);
    assert!(down < rules().natural_break);
    let restarted = restart(saved, down);
    assert!(restarted.records().is_empty(), "no natural break");
    assert_eq!(
        restarted.engine.status().sitting,
        mins(20) + down,
        "the sitting time until the crash and the restart's gap"
    );
}

// --- A source that stops. ---

#[test]
fn losing_the_idle_backend_while_idle_counts_the_user_as_present() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    sim.activity(Activity::Idle { since: sim.now });
    sim.wait(mins(2));
    sim.input(Input::Lost(Source::Idle));
    assert_eq!(sim.phase(), PhaseKind::Working);
    sim.wait(mins(10));
    assert!(
        sim.records().is_empty(),
        "no natural break from a stale idle report"
    );
    sim.wait(mins(3));
    assert_eq!(
        shows(&sim.take()).len(),
        1,
        "all time counts as sitting from then on"
    );
}

#[test]
fn losing_the_idle_backend_after_a_natural_break_starts_sitting_again() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    sim.activity(Activity::Idle { since: sim.now });
    sim.wait(mins(10));
    assert_eq!(sim.phase(), PhaseKind::Away);
    sim.take();
    sim.input(Input::Lost(Source::Idle));
    assert_eq!(sim.phase(), PhaseKind::Working);
    assert_eq!(sim.engine.status().sitting, Duration::ZERO);
    sim.wait(mins(45));
    assert_eq!(shows(&sim.take()).len(), 1);
}

#[test]
fn losing_logind_while_locked_unlocks() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    sim.activity(Activity::Locked);
    sim.wait(mins(2));
    sim.input(Input::Lost(Source::Session));
    sim.wait(mins(14));
    assert!(sim.take().is_empty());
    sim.wait(mins(1));
    assert_eq!(
        shows(&sim.take()).len(),
        1,
        "locked time did not count; sitting counts again after the loss"
    );
}

#[test]
fn losing_logind_while_asleep_wakes() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    sim.activity(Activity::Asleep);
    sim.now = sim.now + mins(1);
    sim.input(Input::Lost(Source::Session));
    sim.wait(mins(14));
    assert!(sim.take().is_empty());
    sim.wait(mins(1));
    assert_eq!(shows(&sim.take()).len(), 1, "never asleep for ever");
}

#[test]
fn losing_logind_keeps_what_the_idle_backend_said() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    sim.activity(Activity::Idle { since: sim.now });
    sim.input(Input::Lost(Source::Session));
    sim.wait(mins(5));
    assert_eq!(
        sim.records(),
        vec![Record {
            outcome: Outcome::Natural,
            exercise: None,
            sat_for: mins(30),
            guided: None,
            waited: None,
        }],
        "still idle: the absence goes on"
    );
}

// --- One sleep, counted once, as the loop feeds it: the clock's `Slept` first, then
// whatever logind said in the same wake-up. ---

#[test]
fn a_sleep_seen_by_both_in_one_wake_up_is_recorded_once() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    sim.activity(Activity::Asleep);
    sim.now = sim.now + mins(60);
    // The loop wakes on logind's Woke; the clock says the same.
    sim.input(Input::Slept { duration: mins(60) });
    sim.activity(Activity::Awake);
    assert_eq!(sim.take(), vec![record(Outcome::Natural, None, mins(30))]);
    assert_eq!(sim.engine.status().sitting, Duration::ZERO);
    assert_eq!(sim.phase(), PhaseKind::Working);
}

#[test]
fn a_sleep_whose_start_logind_missed_is_recorded_once() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    sim.now = sim.now + mins(60);
    sim.input(Input::Slept { duration: mins(60) });
    sim.activity(Activity::Awake);
    sim.wait(mins(1));
    assert_eq!(sim.take(), vec![record(Outcome::Natural, None, mins(30))]);
    assert_eq!(sim.engine.status().sitting, mins(1));
}

#[test]
fn logind_first_then_the_clock_at_the_next_wake_up_is_one_sleep() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    sim.activity(Activity::Asleep);
    sim.now = sim.now + mins(60);
    sim.activity(Activity::Awake);
    sim.wait(mins(3));
    // The clock is read at the next wake-up and reports the same sleep.
    sim.input(Input::Slept { duration: mins(60) });
    assert_eq!(sim.records().len(), 1);
    assert_eq!(sim.engine.status().sitting, mins(3));
}

#[test]
fn a_short_sleep_seen_by_both_is_neither_sitting_nor_a_break() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(30));
    sim.activity(Activity::Asleep);
    sim.now = sim.now + mins(2);
    sim.input(Input::Slept { duration: mins(2) });
    sim.activity(Activity::Awake);
    assert!(sim.take().is_empty());
    assert_eq!(sim.engine.status().sitting, mins(30));
}

// ---- Guided breaks ----------------------------------------------------------------

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn guide_steps(actions: &[Action]) -> Vec<&GuideStep> {
    actions
        .iter()
        .filter_map(|a| match a {
            Action::Guide(step) => Some(step),
            _ => None,
        })
        .collect()
}

/// A prompt is out; returns it with the plan its exercise's guide follows.
fn due(sim: &mut Sim) -> (Prompt, guide::Plan) {
    sim.wait(mins(45));
    let prompt = sim.last_prompt().expect("a prompt");
    let plan = guide::Plan::for_exercise(Library::embedded().get(&prompt.exercise).unwrap());
    sim.take();
    (prompt, plan)
}

#[test]
fn a_guide_runs_its_steps_in_order_each_second_and_records_done_with_its_time() {
    let mut sim = Sim::new(rules());
    let (prompt, plan) = due(&mut sim);
    sim.answer(Answer::Start);
    assert_eq!(sim.phase(), PhaseKind::Guiding);
    sim.wait(plan.total() - secs(1));
    let taken = sim.take();
    let steps = guide_steps(&taken);
    assert_eq!(
        steps.len() as u64,
        plan.total().as_secs(),
        "one update a second"
    );
    assert!(
        steps.iter().all(|s| s.prompt == prompt.id),
        "the same bubble"
    );
    assert!(
        steps
            .windows(2)
            .all(|w| w[0].progress.index <= w[1].progress.index
                && w[0].progress.percent <= w[1].progress.percent),
        "steps and progress only move forward"
    );
    assert_eq!(steps[0].progress.step.kind, guide::StepKind::GetReady);
    assert!(shows(&taken).is_empty() && sim.records().is_empty());
    sim.wait(secs(1));
    let taken = sim.take();
    assert_eq!(
        taken,
        vec![
            Action::Record(Record {
                outcome: Outcome::Done,
                exercise: Some(prompt.exercise.clone()),
                sat_for: mins(45) + plan.total(),
                guided: Some(plan.total()),
                waited: None,
            }),
            Action::GuideDone {
                exercise: prompt.exercise,
                guided: plan.total(),
            },
        ]
    );
    assert_eq!(sim.phase(), PhaseKind::Working);
    assert_eq!(sim.engine.status().sitting, Duration::ZERO);
    // At rest again: nothing wakes before the next break.
    assert_eq!(sim.engine.poll_timeout(), Some(sim.now + mins(45)));
}

#[test]
fn idle_while_following_a_guide_is_no_natural_break() {
    let mut sim = Sim::new(rules());
    let (_, plan) = due(&mut sim);
    sim.answer(Answer::Start);
    sim.activity(Activity::Idle { since: sim.now });
    sim.wait(plan.total());
    assert_eq!(sim.records()[0].outcome, Outcome::Done);
    // Still idle after the guide: the absence counts from its end, from zero sitting.
    sim.take();
    sim.wait(mins(4));
    assert!(
        sim.records().is_empty(),
        "not a break yet: {:?}",
        sim.records()
    );
    sim.wait(mins(1));
    assert_eq!(sim.records()[0].outcome, Outcome::Natural);
    assert_eq!(sim.records()[0].sat_for, Duration::ZERO);
}

#[test]
fn stop_brings_the_reminder_back_and_a_later_done_counts_the_time_guided() {
    let mut sim = Sim::new(rules());
    let (prompt, _) = due(&mut sim);
    sim.answer(Answer::Start);
    sim.wait(secs(12));
    sim.take();
    assert_eq!(sim.engine.stop_guide(sim.now), Ok(()));
    sim.drain();
    let taken = sim.take();
    let back = shows(&taken);
    assert_eq!(
        back.len(),
        1,
        "the reminder again, in the same bubble: {taken:?}"
    );
    assert_eq!(back[0].exercise, prompt.exercise);
    assert!(sim.records().is_empty(), "stop records nothing");
    assert_eq!(sim.phase(), PhaseKind::Due);
    assert_eq!(sim.engine.stop_guide(sim.now), Err(Refusal::NotGuiding));
    sim.wait(secs(30));
    sim.answer(Answer::Done);
    assert_eq!(sim.records()[0].outcome, Outcome::Done);
    assert_eq!(sim.records()[0].guided, Some(secs(12)));
}

#[test]
fn the_stop_button_and_a_close_of_the_guide_bubble_stop_it() {
    let mut sim = Sim::new(rules());
    due(&mut sim);
    sim.answer(Answer::Start);
    sim.wait(secs(3));
    let step = guide_steps(&sim.take())[0].prompt;
    sim.input(Input::Answer {
        prompt: step,
        answer: Answer::Stop,
    });
    assert_eq!(sim.phase(), PhaseKind::Due);
    sim.answer(Answer::Start);
    sim.wait(secs(3));
    sim.take();
    sim.answer(Answer::Dismissed);
    assert!(sim.records().is_empty(), "a closed guide records nothing");
    assert_ne!(sim.phase(), PhaseKind::Guiding);
    sim.wait(mins(5));
    assert_eq!(sim.engine_prompts().len(), 1, "back at renotify");
}

#[test]
fn a_lock_for_a_natural_break_in_the_middle_of_a_guide_ends_it_as_natural() {
    let mut sim = Sim::new(Rules {
        natural_break: mins(1),
        ..rules()
    });
    let (prompt, _) = due(&mut sim);
    sim.answer(Answer::Start);
    sim.wait(secs(5));
    sim.activity(Activity::Locked);
    sim.take();
    sim.wait(mins(1));
    let taken = sim.take();
    assert!(taken.contains(&Action::Close), "{taken:?}");
    let records: Vec<&Record> = taken
        .iter()
        .filter_map(|a| match a {
            Action::Record(r) => Some(r),
            _ => None,
        })
        .collect();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].outcome, Outcome::Natural);
    assert_eq!(
        records[0].exercise.as_deref(),
        Some(prompt.exercise.as_str())
    );
    assert!(guide_steps(&taken).len() <= 300);
    assert_ne!(sim.phase(), PhaseKind::Guiding);
}

#[test]
fn a_suspend_in_the_middle_of_a_guide_stops_it_and_the_reminder_returns_on_waking() {
    let mut sim = Sim::new(rules());
    let (prompt, _) = due(&mut sim);
    sim.answer(Answer::Start);
    sim.wait(secs(5));
    sim.activity(Activity::Asleep);
    let taken = sim.take();
    assert!(taken.contains(&Action::Close), "{taken:?}");
    assert!(
        sim.engine
            .poll_timeout()
            .is_none_or(|t| t > sim.now + secs(60)),
        "no ticks asleep"
    );
    sim.wait(mins(1));
    sim.activity(Activity::Awake);
    let taken = sim.take();
    let back = shows(&taken);
    assert_eq!(back.len(), 1, "{taken:?}");
    assert_eq!(back[0].exercise, prompt.exercise);
    assert!(sim.records().is_empty());

    // A long suspend noticed only by the clock: a natural break.
    sim.answer(Answer::Start);
    sim.wait(secs(5));
    sim.take();
    sim.now = sim.now + mins(20);
    sim.input(Input::Slept { duration: mins(20) });
    assert_eq!(sim.records()[0].outcome, Outcome::Natural);
    assert_eq!(sim.phase(), PhaseKind::Working);
}

#[test]
fn a_cli_answer_in_the_middle_of_a_guide_ends_it() {
    let mut sim = Sim::new(rules());
    let (prompt, _) = due(&mut sim);
    sim.answer(Answer::Start);
    sim.wait(secs(20));
    sim.take();
    assert_eq!(sim.engine.break_now(sim.now), Err(Refusal::Guiding));
    assert_eq!(sim.engine.guide(sim.now, None), Err(Refusal::Guiding));
    assert_eq!(sim.engine.answer_due(sim.now, Answer::Done), Ok(()));
    sim.drain();
    let taken = sim.take();
    assert!(taken.contains(&Action::Close));
    assert!(taken.contains(&Action::Record(Record {
        outcome: Outcome::Done,
        exercise: Some(prompt.exercise),
        sat_for: mins(45) + secs(20),
        guided: Some(secs(20)),
        waited: None,
    })));
    assert_eq!(sim.phase(), PhaseKind::Working);
    assert!(guide_steps(&taken).is_empty());
}

#[test]
fn the_terminal_guide_needs_a_break_due_and_may_pick_the_exercise() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(10));
    assert_eq!(
        sim.engine.guide(sim.now, Some("chin-tucks")),
        Err(Refusal::NoBreakDue)
    );
    assert_eq!(sim.engine.guide(sim.now, None), Err(Refusal::NoBreakDue));
    sim.wait(mins(35));
    sim.answer(Answer::Snooze);
    sim.take();
    assert_eq!(
        sim.engine.guide(sim.now, Some("nope")),
        Err(Refusal::NoBreakDue)
    );
    assert_eq!(sim.engine.guide(sim.now, Some("chin-tucks")), Ok(()));
    assert_eq!(sim.engine.guiding(), Some("chin-tucks"));
    assert_eq!(sim.phase(), PhaseKind::Guiding);
    let plan = guide::Plan::for_exercise(Library::embedded().get("chin-tucks").unwrap());
    sim.wait(plan.total());
    let records = sim.records();
    assert_eq!(records.last().map(|r| r.outcome), Some(Outcome::Done));
    assert_eq!(
        records.last().and_then(|r| r.exercise.clone()).as_deref(),
        Some("chin-tucks")
    );
}

#[test]
fn a_close_after_the_snoozes_are_used_up_is_dismissed_and_comes_back_at_renotify() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    for _ in 0..3 {
        sim.answer(Answer::Snooze);
        sim.wait(mins(10));
    }
    assert_eq!(sim.engine.status().snoozes, 3);
    let last = sim.last_prompt().unwrap();
    assert!(!last.snooze_allowed && last.snoozes_used_up);
    sim.take();
    sim.answer(Answer::Dismissed);
    assert_eq!(sim.records()[0].outcome, Outcome::Dismissed);
    assert_eq!(
        sim.engine.status().snoozes,
        3,
        "capped: a close snoozes no more"
    );
    sim.take();
    sim.wait(mins(5));
    let back = sim
        .last_prompt()
        .expect("back after renotify, not after the snooze");
    assert!(!back.snooze_allowed && back.snoozes_used_up);
    // Before the limit a close still counts like a snooze.
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    sim.answer(Answer::Dismissed);
    assert_eq!(sim.engine.status().snoozes, 1);
}

#[test]
fn the_sitting_total_keeps_ended_stretches_and_drops_the_idle_before_a_natural_break() {
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    sim.answer(Answer::Done);
    assert_eq!(sim.engine.sitting_total(), mins(45));
    sim.wait(mins(20));
    assert_eq!(sim.engine.sitting_total(), mins(65));
    // Idle for good: five idle minutes count until they become a natural break.
    sim.activity(Activity::Idle { since: sim.now });
    sim.wait(mins(4));
    assert_eq!(sim.engine.sitting_total(), mins(69));
    sim.wait(mins(2));
    assert_eq!(
        sim.records().last().map(|r| (r.outcome, r.sat_for)),
        Some((Outcome::Natural, mins(20)))
    );
    assert_eq!(
        sim.engine.sitting_total(),
        mins(65),
        "the idle minutes taken back"
    );
    sim.wait(mins(30));
    assert_eq!(
        sim.engine.sitting_total(),
        mins(65),
        "away: nothing accrues"
    );
    sim.activity(Activity::Active);
    sim.wait(mins(10));
    assert_eq!(sim.engine.sitting_total(), mins(75));
}

/// What a status display shows at `later`, from the status published at `published`.
fn shown_sitting(sim: &Sim, published: DateTime<Local>, later: DateTime<Local>) -> u64 {
    let status = crate::status::Status::new(
        &sim.engine.status(),
        rules().interval,
        crate::sources::activity::Kind::X11,
        published,
    );
    let json: serde_json::Value =
        serde_json::from_str(&crate::status_view::json(Some(&status), later)).unwrap();
    json["sitting_secs"].as_u64().unwrap()
}

#[test]
fn the_published_sitting_time_keeps_counting_while_due_or_snoozed_and_stops_when_away() {
    use chrono::TimeZone;
    let wall = Local.timestamp_opt(1_800_000_000, 0).unwrap();
    let later = |d: Duration| wall + chrono::Duration::from_std(d).unwrap();
    let mut sim = Sim::new(rules());
    sim.wait(mins(45));
    assert_eq!(sim.phase(), PhaseKind::Due);
    assert!(sim.engine.status().sitting_counts);
    // Published when the break fell due; read 3 minutes later (nothing changed since).
    assert_eq!(
        shown_sitting(&sim, wall, later(mins(3))),
        mins(48).as_secs(),
        "a due break does not stop the sitting clock"
    );
    sim.wait(mins(3));
    assert_eq!(sim.engine.status().sitting, mins(48), "the engine agrees");

    sim.answer(Answer::Snooze);
    assert_eq!(sim.phase(), PhaseKind::Snoozed);
    assert_eq!(
        shown_sitting(&sim, wall, later(mins(4))),
        mins(52).as_secs(),
        "nor does a snooze"
    );
    sim.wait(mins(4));
    assert_eq!(sim.engine.status().sitting, mins(52));

    // Locked: sitting stops, and so does what is shown.
    sim.activity(Activity::Locked);
    assert!(!sim.engine.status().sitting_counts);
    assert_eq!(
        shown_sitting(&sim, wall, later(mins(3))),
        mins(52).as_secs(),
        "a locked screen is not sitting"
    );
}

mod wait;
