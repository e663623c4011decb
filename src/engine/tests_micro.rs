//! Micro-breaks on virtual time, interleaved with main breaks, snoozes, pauses and
//! natural breaks.

use super::micro::MicroRules;
use super::tests::mins;
use super::*;

/// The scenarios' rules, without re-showing, and a micro-break every `every` minutes.
fn rules(every: u64) -> Rules {
    Rules {
        renotify: None,
        micro: Some(MicroRules {
            every: mins(every),
            length: Duration::from_secs(20),
        }),
        ..super::tests::rules()
    }
}

/// The engine on virtual time, noting when (minutes of run time) each action came.
struct Run {
    engine: Engine,
    start: Moment,
    now: Moment,
    log: Vec<(u64, Action)>,
}

impl Run {
    fn new(rules: Rules) -> Self {
        let now = Moment::from_origin(Duration::from_secs(500));
        let engine = Engine::new(
            now,
            rules,
            Library::embedded(),
            Preferences::default(),
            Snapshot::default(),
            3,
        );
        Self {
            engine,
            start: now,
            now,
            log: Vec::new(),
        }
    }

    fn drain(&mut self) {
        let at = self.now.saturating_since(self.start).as_secs();
        while let Some(action) = self.engine.poll_action() {
            self.log.push((at, action));
        }
    }

    fn wait(&mut self, d: Duration) {
        let end = self.now + d;
        while let Some(t) = self.engine.poll_timeout().filter(|t| *t <= end) {
            assert!(t >= self.now);
            self.now = t;
            self.engine.handle_timeout(t);
            self.drain();
            assert!(
                self.engine.poll_timeout().is_none_or(|n| n > self.now),
                "spin"
            );
        }
        self.now = end;
        self.engine.handle_timeout(end);
        self.drain();
    }

    fn input(&mut self, input: Input) {
        self.engine.handle(self.now, input);
        self.drain();
    }

    /// Seconds of run time at which cues were shown.
    fn cues(&self) -> Vec<u64> {
        self.log
            .iter()
            .filter(|(_, a)| matches!(a, Action::Micro(_)))
            .map(|(t, _)| *t)
            .collect()
    }

    fn closes(&self) -> Vec<u64> {
        self.log
            .iter()
            .filter(|(_, a)| matches!(a, Action::CloseMicro))
            .map(|(t, _)| *t)
            .collect()
    }

    fn prompts(&self) -> Vec<u64> {
        self.log
            .iter()
            .filter(|(_, a)| matches!(a, Action::Show(_)))
            .map(|(t, _)| *t)
            .collect()
    }
}

#[test]
fn micro_breaks_are_off_by_default() {
    assert_eq!(Rules::default().micro, None);
    let mut run = Run::new(Rules {
        micro: None,
        ..rules(20)
    });
    run.wait(mins(44));
    assert!(run.log.is_empty());
}

#[test]
fn a_cue_comes_every_interval_of_sitting_and_is_closed_after_its_length() {
    let mut run = Run::new(rules(10));
    run.wait(mins(44));
    // 10, 20, 30 minutes; 40 is within five minutes of the main break at 45.
    assert_eq!(run.cues(), [600, 1200, 1800]);
    assert_eq!(run.closes(), [620, 1220, 1820]);
    let records: Vec<(Outcome, Option<String>, Duration)> = run
        .log
        .iter()
        .filter_map(|(_, a)| match a {
            Action::Record(r) => Some((r.outcome, r.exercise.clone(), r.sat_for)),
            _ => None,
        })
        .collect();
    assert_eq!(
        records,
        [
            (Outcome::Micro, Some("chin-tuck".to_owned()), mins(10)),
            (
                Outcome::Micro,
                Some("shoulder-squeeze".to_owned()),
                mins(20)
            ),
            (Outcome::Micro, Some("look-far".to_owned()), mins(30)),
        ]
    );
}

#[test]
fn a_cue_does_not_restart_the_main_sitting_time() {
    let mut run = Run::new(rules(20));
    run.wait(mins(46));
    assert_eq!(run.cues(), [1200]);
    assert_eq!(
        run.prompts(),
        [2700],
        "the main break at 45 minutes all the same"
    );
}

#[test]
fn a_main_break_restarts_the_count_and_keeps_five_minutes_clear_after_it() {
    let mut run = Run::new(rules(2));
    run.wait(mins(45));
    run.log.clear();
    run.engine.answer_due(run.now, Answer::Done).unwrap();
    run.drain();
    run.log.clear();
    run.wait(mins(10));
    // Not at 2 minutes after the break: 5 minutes must pass first.
    assert_eq!(run.cues()[0], 45 * 60 + 5 * 60);
}

#[test]
fn no_cue_while_a_break_is_due_or_snoozed() {
    let mut run = Run::new(rules(10));
    run.wait(mins(45));
    run.log.clear();
    run.wait(mins(20));
    assert!(run.cues().is_empty(), "due: {:?}", run.log);
    run.engine.answer_due(run.now, Answer::Snooze).unwrap();
    run.drain();
    run.wait(mins(9));
    assert!(run.cues().is_empty(), "snoozed: {:?}", run.log);
}

#[test]
fn no_cue_while_paused_and_the_count_goes_on_after() {
    let mut run = Run::new(rules(10));
    run.wait(mins(5));
    run.engine.pause(run.now, Some(run.now + mins(10)));
    run.drain();
    run.wait(mins(9));
    assert!(run.cues().is_empty());
    run.wait(mins(2));
    assert_eq!(run.cues(), [15 * 60], "shown as the pause ends");
}

#[test]
fn a_natural_break_restarts_the_count() {
    let mut run = Run::new(rules(20));
    run.wait(mins(21));
    assert_eq!(run.cues(), [1200]);
    run.input(Input::Activity(Activity::Idle { since: run.now }));
    run.wait(mins(10));
    run.input(Input::Activity(Activity::Active));
    run.log.clear();
    run.wait(mins(19));
    assert!(run.cues().is_empty(), "{:?}", run.log);
    run.wait(mins(1));
    assert_eq!(run.cues(), [(31 + 20) * 60]);
}

#[test]
fn no_cue_while_away() {
    let mut run = Run::new(rules(10));
    run.wait(mins(8));
    run.input(Input::Activity(Activity::Locked));
    run.wait(mins(4));
    assert!(run.cues().is_empty());
}

#[test]
fn no_cue_off_hours() {
    use chrono::TimeZone;
    let evening = chrono::FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 12, 3, 9, 0, 0)
        .unwrap();
    let mut run = Run::new(rules(10));
    run.input(Input::Hours(Hours::Closed { until: evening }));
    run.wait(mins(30));
    assert!(run.cues().is_empty());
    assert_eq!(run.engine.poll_timeout(), None, "nothing wakes off hours");
}

#[test]
fn a_cue_on_screen_is_closed_even_if_a_pause_starts() {
    let mut run = Run::new(rules(10));
    run.wait(mins(10));
    run.engine.pause(run.now, None);
    run.drain();
    run.wait(mins(1));
    assert_eq!(run.closes(), [620]);
}

// Holds (`[respect]`): a cue due is checked first, shown when nothing holds, else skipped.

use super::wait::{CHECK_GRACE, CheckId};
use crate::sources::holds::{Detail, Hold, Respect, Switch};

fn dnd() -> Hold {
    Hold::new(Detail::DoNotDisturb {
        server: "dunst".into(),
        switch: Switch::Paused,
    })
}

impl Run {
    /// A run that respects every hold.
    fn respecting(rules: Rules) -> Self {
        let mut run = Self::new(rules);
        run.engine.set_respect(run.now, Respect::default());
        run.drain();
        run
    }

    /// The checks asked for, with when (seconds of run time).
    fn checks(&self) -> Vec<(u64, CheckId)> {
        self.log
            .iter()
            .filter_map(|(t, a)| match a {
                Action::CheckHolds(id) => Some((*t, *id)),
                _ => None,
            })
            .collect()
    }

    fn answer(&mut self, check: CheckId, holds: &[Hold]) {
        self.input(Input::Holds {
            check,
            holds: holds.to_vec(),
        });
    }

    fn micro_records(&self) -> usize {
        self.log
            .iter()
            .filter(|(_, a)| matches!(a, Action::Record(r) if r.outcome == Outcome::Micro))
            .count()
    }
}

#[test]
fn a_cue_during_a_hold_is_skipped_and_the_next_comes_every_later() {
    let mut run = Run::respecting(rules(10));
    run.wait(mins(10));
    let checks = run.checks();
    assert_eq!(checks.len(), 1, "{:?}", run.log);
    assert_eq!(checks[0].0, 600, "checked when due");
    assert!(run.cues().is_empty(), "not shown before the answer");
    run.wait(Duration::from_secs(2));
    run.answer(checks[0].1, &[dnd()]);
    run.wait(mins(5));
    assert!(run.cues().is_empty(), "skipped, not queued: {:?}", run.log);
    assert_eq!(run.micro_records(), 0, "a skipped cue is not recorded");
    assert_eq!(run.checks().len(), 1, "no second check for the same cue");
    // The next cue falls due `every` after the one skipped, not after the answer.
    run.wait(mins(5));
    let checks = run.checks();
    assert_eq!(checks.len(), 2);
    assert_eq!(checks[1].0, 1200);
}

#[test]
fn a_cue_with_no_hold_is_shown_when_the_check_answers() {
    let mut run = Run::respecting(rules(10));
    run.wait(mins(10));
    let [(_, check)] = run.checks()[..] else {
        panic!("one check: {:?}", run.log);
    };
    run.wait(Duration::from_secs(1));
    run.answer(check, &[]);
    assert_eq!(run.cues(), [601]);
    assert_eq!(run.micro_records(), 1);
    run.wait(mins(1));
    assert_eq!(run.closes(), [621], "closed `length` after it was shown");
    // A hold that is not respected does not skip a cue.
    let mut run = Run::new(rules(10));
    run.engine.set_respect(
        run.now,
        Respect {
            do_not_disturb: false,
            ..Respect::default()
        },
    );
    run.drain();
    run.wait(mins(10));
    let [(_, check)] = run.checks()[..] else {
        panic!("one check: {:?}", run.log);
    };
    run.answer(check, &[dnd()]);
    assert_eq!(run.cues(), [600]);
}

#[test]
fn nothing_respected_shows_cues_without_a_check() {
    let mut run = Run::new(rules(10));
    run.engine.set_respect(
        run.now,
        Respect {
            do_not_disturb: false,
            fullscreen: false,
            meetings: false,
            max_delay: None,
        },
    );
    run.drain();
    run.wait(mins(21));
    assert!(run.checks().is_empty());
    assert_eq!(run.cues(), [600, 1200]);
}

#[test]
fn a_check_answer_that_never_comes_skips_the_cue_and_does_not_block_the_next_main_break() {
    let mut run = Run::respecting(rules(10));
    run.wait(mins(44));
    // Cues at 10, 20 and 30 minutes, each checked, none answered: each skipped, and each
    // lost check is given up on so that the next one is asked for.
    let checks = run.checks();
    assert_eq!(
        checks.iter().map(|(t, _)| *t).collect::<Vec<_>>(),
        [600, 1200, 1800],
        "{:?}",
        run.log
    );
    assert!(run.cues().is_empty());
    // A late answer to the first one is ignored.
    run.answer(checks[0].1, &[]);
    assert!(run.cues().is_empty());
    assert!(run.prompts().is_empty());
    // The main break at 45 minutes asks its own check, and is shown when it answers.
    run.wait(mins(1));
    let main = *run.checks().last().unwrap();
    assert_eq!(main.0, 2700);
    assert!(checks.iter().all(|(_, id)| *id != main.1));
    run.answer(main.1, &[]);
    assert_eq!(run.prompts(), [2700]);
}

#[test]
fn a_lost_micro_check_is_given_up_on_after_the_grace() {
    let mut run = Run::respecting(rules(10));
    run.wait(mins(10));
    run.wait(CHECK_GRACE - Duration::from_secs(1));
    // Still waiting: the engine's next wake is the moment it gives up.
    assert_eq!(
        run.engine.poll_timeout(),
        Some(run.now + Duration::from_secs(1))
    );
    run.wait(Duration::from_secs(1));
    // Given up: next wake is the next cue, 10 minutes after the one skipped.
    assert_eq!(
        run.engine.poll_timeout(),
        Some(run.start + mins(20)),
        "{:?}",
        run.log
    );
}

#[test]
fn a_micro_check_and_a_main_break_check_overlap() {
    let mut run = Run::respecting(rules(10));
    run.wait(mins(10));
    let [(_, check)] = run.checks()[..] else {
        panic!("one check: {:?}", run.log);
    };
    // While the cue's check is out, a new config brings the main break due at once: it
    // shares the check in flight (one at a time) and the cue is dropped.
    run.engine.reconfigure(
        run.now,
        Rules {
            interval: mins(5),
            ..rules(10)
        },
        Preferences::default(),
    );
    run.drain();
    assert_eq!(
        run.checks().len(),
        1,
        "one check serves both: {:?}",
        run.log
    );
    assert_eq!(
        run.engine.status().phase,
        PhaseKind::Working,
        "shown as before"
    );
    run.answer(check, &[dnd()]);
    assert!(run.cues().is_empty(), "no cue while a break is due");
    assert!(run.prompts().is_empty(), "the main break waits");
    assert_eq!(run.engine.status().phase, PhaseKind::Waiting);
    // Its re-check a minute later finds nothing: the prompt comes, still no cue.
    run.wait(mins(1));
    let recheck = run.checks().last().unwrap().1;
    assert_ne!(recheck, check);
    run.answer(recheck, &[]);
    assert_eq!(run.prompts(), [660]);
    assert!(run.cues().is_empty());
}

#[test]
fn a_main_break_waiting_and_its_check_leave_cues_alone_after_it() {
    // The main break falls due first (checked, clear, done): the next cue comes five
    // minutes later, checked on its own.
    let mut run = Run::respecting(rules(2));
    run.wait(mins(45));
    let main = run.checks().last().unwrap().1;
    run.answer(main, &[]);
    assert_eq!(run.prompts(), [2700]);
    run.engine.answer_due(run.now, Answer::Done).unwrap();
    run.drain();
    run.log.clear();
    run.wait(mins(5));
    let [(at, check)] = run.checks()[..] else {
        panic!("one check: {:?}", run.log);
    };
    assert_eq!(at, 2700 + 300);
    run.answer(check, &[]);
    assert_eq!(run.cues(), [3000]);
}
