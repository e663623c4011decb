//! Micro-breaks on virtual time, interleaved with main breaks, snoozes, pauses and
//! natural breaks.

use super::micro::MicroRules;
use super::*;

const MIN: Duration = Duration::from_secs(60);

fn mins(n: u64) -> Duration {
    MIN * n as u32
}

fn rules(every: u64) -> Rules {
    Rules {
        interval: mins(45),
        snooze: mins(10),
        max_snoozes: 3,
        renotify: None,
        natural_break: mins(5),
        micro: Some(MicroRules {
            every: mins(every),
            length: Duration::from_secs(20),
        }),
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
