//! The waiting phase on virtual time: a due break held back by do-not-disturb, a
//! fullscreen window, an idle inhibitor or a meeting (see `engine/wait.rs`).

use super::*;
use crate::sources::holds::{Apps, Detail, Hold, Reason, Respect, Switch};

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn hold(reason: Reason) -> Hold {
    let zoom = || Apps::collect([Some("zoom".to_owned())]);
    Hold::new(match reason {
        Reason::DoNotDisturb => Detail::DoNotDisturb {
            server: "dunst".into(),
            switch: Switch::Paused,
        },
        Reason::Fullscreen => Detail::Fullscreen {
            app: Some("mpv".into()),
        },
        Reason::Inhibitor => Detail::Inhibitors {
            apps: zoom(),
            why: None,
        },
        Reason::Meeting => Detail::Camera(zoom()),
    })
}

/// A simulation that respects `respect`.
fn sim_with(respect: Respect) -> Sim {
    let mut sim = Sim::new(rules());
    sim.engine.set_respect(sim.now, respect);
    sim.drain();
    sim
}

fn respecting() -> Sim {
    sim_with(Respect::default())
}

impl Sim {
    /// The checks asked for since the last `take`.
    fn checks(&self) -> Vec<CheckId> {
        self.actions
            .iter()
            .filter_map(|a| match a {
                Action::CheckHolds(id) => Some(*id),
                _ => None,
            })
            .collect()
    }

    /// Answer the one check asked for since the last `take` with `holds`.
    fn answer_check(&mut self, holds: &[Hold]) {
        let checks = self.checks();
        let [check] = checks.as_slice() else {
            panic!("one check expected: {:?}", self.actions);
        };
        self.take();
        self.input(Input::Holds {
            check: *check,
            holds: holds.to_vec(),
        });
    }

    /// Let `d` pass while `holds` stay on, answering every check asked for meanwhile.
    /// Returns how many checks there were.
    fn hold_for(&mut self, d: Duration, holds: &[Hold]) -> usize {
        let end = self.now + d;
        let mut count = 0;
        loop {
            let checks = self.checks();
            if let Some(check) = checks.last() {
                count += 1;
                self.take();
                self.input(Input::Holds {
                    check: *check,
                    holds: holds.to_vec(),
                });
                continue;
            }
            let Some(next) = self.engine.poll_timeout().filter(|at| *at <= end) else {
                break;
            };
            let step = next.saturating_since(self.now);
            self.wait(step);
        }
        let rest = end.saturating_since(self.now);
        self.wait(rest);
        count
    }

    fn waiting_for(&self) -> Vec<Hold> {
        self.engine
            .status()
            .waiting
            .map(|w| w.holds)
            .unwrap_or_default()
    }
}

#[test]
fn a_due_break_is_checked_first_and_shown_at_once_when_nothing_holds() {
    let mut sim = respecting();
    sim.wait(mins(45));
    assert_eq!(sim.checks().len(), 1, "{:?}", sim.actions);
    assert!(
        sim.engine_prompts().is_empty(),
        "no prompt before the answer"
    );
    assert_eq!(
        sim.phase(),
        PhaseKind::Working,
        "no flicker through waiting while the check runs"
    );
    sim.answer_check(&[]);
    let prompt = sim.last_prompt().expect("shown once nothing holds");
    assert_eq!(prompt.sat_for, mins(45));
    assert_eq!(sim.phase(), PhaseKind::Due);
    sim.answer(Answer::Done);
    assert_eq!(sim.records()[0].waited, None, "it did not wait");
}

#[test]
fn with_nothing_respected_nothing_is_checked() {
    let mut sim = sim_with(Respect {
        do_not_disturb: false,
        fullscreen: false,
        meetings: false,
        max_delay: None,
    });
    sim.wait(mins(45));
    assert!(sim.checks().is_empty());
    assert_eq!(shows(&sim.take()).len(), 1);
}

/// For every reason: the break waits (phase `waiting`, with what holds it), is checked
/// again once a minute and not more, and is shown as soon as a check finds it clear; the
/// record of the break carries how long it waited and for what.
#[test]
fn each_reason_holds_the_break_until_it_clears() {
    for reason in Reason::ALL {
        let mut sim = respecting();
        sim.wait(mins(45));
        sim.answer_check(&[hold(reason)]);
        assert!(sim.engine_prompts().is_empty(), "{reason:?}: held back");
        assert_eq!(sim.phase(), PhaseKind::Waiting, "{reason:?}");
        assert_eq!(sim.waiting_for(), vec![hold(reason)]);
        assert!(
            sim.engine.wants_hold_hints(),
            "{reason:?}: follow the desktop"
        );
        sim.wait(secs(59));
        assert!(
            sim.checks().is_empty(),
            "{reason:?}: not checked within the minute"
        );
        let checks = sim.hold_for(mins(11) + secs(1), &[hold(reason)]);
        assert_eq!(checks, 12, "{reason:?}: once a minute, 46:00 to 57:00");
        assert!(sim.engine_prompts().is_empty());
        // Sitting kept counting while it waited.
        assert_eq!(sim.engine.status().sitting, mins(57));
        sim.wait(mins(1));
        sim.answer_check(&[]);
        let prompt = sim.last_prompt().expect("shown when clear");
        assert_eq!(prompt.sat_for, mins(58), "{reason:?}");
        assert_eq!(prompt.repeat, 0);
        assert_eq!(sim.phase(), PhaseKind::Due);
        assert!(!sim.engine.wants_hold_hints());
        sim.answer(Answer::Done);
        let records = sim.records();
        assert_eq!(records.len(), 1, "{reason:?}");
        assert_eq!(records[0].outcome, Outcome::Done);
        assert_eq!(
            records[0].waited,
            Some(Waited {
                duration: mins(13),
                reasons: vec![reason]
            }),
            "{reason:?}"
        );
        // The next break waits for nothing unless something holds it then.
        sim.take();
        sim.wait(mins(45));
        sim.answer_check(&[]);
        sim.answer(Answer::Skip);
        assert_eq!(sim.records()[0].waited, None, "{reason:?}: counted once");
    }
}

#[test]
fn a_reason_not_respected_does_not_hold_the_break() {
    let mut sim = sim_with(Respect {
        meetings: false,
        ..Respect::default()
    });
    sim.wait(mins(45));
    sim.answer_check(&[hold(Reason::Meeting)]);
    assert!(sim.last_prompt().is_some(), "a meeting is not respected");
    let mut sim = sim_with(Respect {
        fullscreen: false,
        ..Respect::default()
    });
    sim.wait(mins(45));
    sim.answer_check(&[hold(Reason::Inhibitor), hold(Reason::Fullscreen)]);
    assert!(
        sim.last_prompt().is_some(),
        "respect.fullscreen covers inhibitors too"
    );
}

#[test]
fn several_holds_are_all_reported_and_all_recorded() {
    let mut sim = respecting();
    sim.wait(mins(45));
    sim.answer_check(&[hold(Reason::Meeting), hold(Reason::DoNotDisturb)]);
    assert_eq!(
        sim.waiting_for(),
        vec![hold(Reason::DoNotDisturb), hold(Reason::Meeting)]
    );
    sim.hold_for(mins(3), &[hold(Reason::Meeting)]);
    assert_eq!(sim.waiting_for(), vec![hold(Reason::Meeting)]);
    sim.wait(mins(1));
    sim.answer_check(&[]);
    sim.answer(Answer::Done);
    let waited = sim.records()[0].waited.clone().unwrap();
    assert_eq!(waited.reasons, vec![Reason::DoNotDisturb, Reason::Meeting]);
    assert_eq!(waited.duration, mins(4));
}

#[test]
fn max_delay_shows_the_break_anyway() {
    let mut sim = sim_with(Respect {
        max_delay: Some(mins(20)),
        ..Respect::default()
    });
    sim.wait(mins(45));
    sim.answer_check(&[hold(Reason::Meeting)]);
    assert_eq!(
        sim.engine.status().next_prompt_in,
        Some(mins(20)),
        "shown at the latest then"
    );
    sim.hold_for(mins(20) - secs(1), &[hold(Reason::Meeting)]);
    assert!(sim.engine_prompts().is_empty());
    sim.hold_for(secs(1), &[hold(Reason::Meeting)]);
    let prompt = sim.last_prompt().expect("shown at max_delay");
    assert_eq!(prompt.sat_for, mins(65));
    assert_eq!(sim.phase(), PhaseKind::Due);
    assert!(!sim.engine.wants_hold_hints());
    sim.answer(Answer::Done);
    assert_eq!(
        sim.records()[0].waited,
        Some(Waited {
            duration: mins(20),
            reasons: vec![Reason::Meeting]
        })
    );
}

#[test]
fn without_max_delay_it_waits_as_long_as_it_takes() {
    let mut sim = respecting();
    sim.wait(mins(45));
    sim.answer_check(&[hold(Reason::Fullscreen)]);
    assert_eq!(sim.engine.status().next_prompt_in, None);
    let checks = sim.hold_for(mins(180), &[hold(Reason::Fullscreen)]);
    assert_eq!(checks, 180);
    assert!(sim.engine_prompts().is_empty());
    assert_eq!(sim.phase(), PhaseKind::Waiting);
}

#[test]
fn a_hint_checks_again_at_once_and_a_burst_costs_one_check() {
    let mut sim = respecting();
    sim.wait(mins(45));
    sim.answer_check(&[hold(Reason::DoNotDisturb)]);
    sim.wait(secs(10));
    for _ in 0..50 {
        sim.input(Input::HoldsChanged);
    }
    assert_eq!(sim.checks().len(), 1, "one check for a burst of hints");
    sim.answer_check(&[]);
    assert!(sim.last_prompt().is_some(), "shown as soon as it is clear");
}

#[test]
fn a_hint_during_a_check_asks_for_one_more_after_it() {
    let mut sim = respecting();
    sim.wait(mins(45));
    sim.answer_check(&[hold(Reason::DoNotDisturb)]);
    sim.wait(secs(30));
    sim.input(Input::HoldsChanged);
    let [first] = sim.checks()[..] else {
        panic!("{:?}", sim.actions)
    };
    // The desktop changes again while the first check is running.
    sim.input(Input::HoldsChanged);
    assert_eq!(sim.checks().len(), 1, "one check at a time");
    sim.take();
    sim.input(Input::Holds {
        check: first,
        holds: vec![hold(Reason::DoNotDisturb)],
    });
    assert!(sim.checks().is_empty(), "not at once: spaced");
    sim.wait(HINT_SPACING);
    sim.answer_check(&[]);
    assert!(sim.last_prompt().is_some());
}

#[test]
fn hints_when_no_break_waits_do_nothing() {
    let mut sim = respecting();
    sim.wait(mins(10));
    sim.input(Input::HoldsChanged);
    assert!(sim.take().is_empty());
    assert!(!sim.engine.wants_hold_hints());
    sim.wait(mins(35));
    assert_eq!(sim.checks().len(), 1);
}

#[test]
fn a_lost_first_answer_shows_the_break_after_the_grace() {
    let mut sim = respecting();
    sim.wait(mins(45));
    assert_eq!(sim.checks().len(), 1);
    sim.take();
    sim.wait(CHECK_GRACE - secs(1));
    assert!(sim.take().is_empty());
    sim.wait(secs(1));
    assert!(
        sim.last_prompt().is_some(),
        "a lost answer never holds for ever"
    );
}

#[test]
fn a_lost_recheck_keeps_what_the_last_check_found() {
    let mut sim = respecting();
    sim.wait(mins(45));
    sim.answer_check(&[hold(Reason::Meeting)]);
    sim.wait(mins(1));
    assert_eq!(sim.checks().len(), 1);
    sim.take();
    sim.wait(CHECK_GRACE);
    assert!(sim.engine_prompts().is_empty());
    assert_eq!(sim.phase(), PhaseKind::Waiting);
    sim.wait(mins(1));
    sim.answer_check(&[]);
    assert!(sim.last_prompt().is_some());
}

#[test]
fn stale_and_unasked_answers_are_ignored() {
    let mut sim = respecting();
    sim.wait(mins(45));
    let [check] = sim.checks()[..] else {
        panic!("{:?}", sim.actions)
    };
    sim.take();
    sim.input(Input::Holds {
        check: CheckId(check.0 + 7),
        holds: vec![],
    });
    assert!(sim.take().is_empty(), "not the check asked for");
    sim.input(Input::Holds {
        check,
        holds: vec![hold(Reason::Meeting)],
    });
    sim.input(Input::Holds {
        check,
        holds: vec![],
    });
    assert!(sim.take().is_empty(), "answered once only");
    assert_eq!(sim.phase(), PhaseKind::Waiting);
}

/// A film or a call is sitting: with a fullscreen window, an inhibitor or a meeting
/// holding the break back, being idle for longer than `natural_break` is no break.
#[test]
fn idle_while_watching_is_sitting_not_a_break() {
    for reason in [Reason::Fullscreen, Reason::Inhibitor, Reason::Meeting] {
        let mut sim = respecting();
        sim.wait(mins(45));
        sim.answer_check(&[hold(reason)]);
        let since = sim.now;
        sim.activity(Activity::Idle { since });
        sim.hold_for(mins(30), &[hold(reason)]);
        assert!(
            sim.records().is_empty(),
            "{reason:?}: no natural break while watching: {:?}",
            sim.actions
        );
        assert_eq!(sim.phase(), PhaseKind::Waiting, "{reason:?}");
        assert_eq!(sim.engine.status().sitting, mins(75), "{reason:?}");
        // The film ends; the user stays idle: the absence counts from then.
        sim.wait(mins(1));
        sim.answer_check(&[]);
        assert!(
            sim.engine_prompts().is_empty(),
            "{reason:?}: nobody to show it to"
        );
        sim.wait(mins(5));
        // At `natural_break` the absence is checked once more: the film is over.
        sim.answer_check(&[]);
        let records = sim.records();
        assert_eq!(records.len(), 1, "{reason:?}: {:?}", sim.actions);
        assert_eq!(records[0].outcome, Outcome::Natural);
        assert_eq!(
            records[0].sat_for,
            mins(76),
            "{reason:?}: sitting up to the end"
        );
        assert_eq!(
            records[0].waited.as_ref().map(|w| w.reasons.clone()),
            Some(vec![reason])
        );
    }
}

#[test]
fn a_lock_while_watching_is_still_an_absence() {
    let mut sim = respecting();
    sim.wait(mins(45));
    sim.answer_check(&[hold(Reason::Fullscreen)]);
    sim.activity(Activity::Locked);
    sim.take();
    sim.wait(mins(5));
    assert!(sim.checks().is_empty(), "nothing checked while locked");
    let records = sim.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].outcome, Outcome::Natural);
    assert!(!sim.engine.wants_hold_hints());
}

#[test]
fn idle_with_do_not_disturb_is_a_natural_break() {
    let mut sim = respecting();
    sim.wait(mins(45));
    sim.answer_check(&[hold(Reason::DoNotDisturb)]);
    let since = sim.now;
    sim.activity(Activity::Idle { since });
    sim.take();
    sim.wait(mins(5));
    // At `natural_break` the absence is checked once: do-not-disturb is no film.
    sim.answer_check(&[hold(Reason::DoNotDisturb)]);
    let records = sim.records();
    assert_eq!(records.len(), 1, "{:?}", sim.actions);
    assert_eq!(records[0].outcome, Outcome::Natural);
    assert_eq!(
        records[0].waited,
        Some(Waited {
            duration: mins(5),
            reasons: vec![Reason::DoNotDisturb]
        })
    );
    assert_eq!(sim.phase(), PhaseKind::Away);
}

/// No break is due, the user watches a film (or sits in a call) without touching the
/// keyboard: when the idle time reaches `natural_break` it is checked, and a film, a
/// fullscreen window or a meeting keeps it sitting; once that ends, the absence counts.
#[test]
fn an_idle_film_before_a_break_is_due_is_sitting_not_a_break() {
    for reason in [Reason::Fullscreen, Reason::Inhibitor, Reason::Meeting] {
        let mut sim = respecting();
        sim.wait(mins(10));
        let since = sim.now;
        sim.activity(Activity::Idle { since });
        sim.take();
        sim.wait(mins(4));
        assert!(
            sim.checks().is_empty(),
            "{reason:?}: nothing checked before"
        );
        sim.wait(mins(1));
        sim.answer_check(&[hold(reason)]);
        assert!(sim.records().is_empty(), "{reason:?}: {:?}", sim.actions);
        // Still watching at the next mark: still sitting.
        sim.wait(mins(5));
        sim.answer_check(&[hold(reason)]);
        assert!(sim.records().is_empty(), "{reason:?}: {:?}", sim.actions);
        // The film ended; the user stays idle for another `natural_break`.
        sim.wait(mins(5));
        sim.answer_check(&[]);
        let records = sim.records();
        assert_eq!(records.len(), 1, "{reason:?}: {:?}", sim.actions);
        assert_eq!(records[0].outcome, Outcome::Natural);
        assert_eq!(
            records[0].sat_for,
            mins(20),
            "{reason:?}: the film was sitting"
        );
    }
}

#[test]
fn an_idle_absence_with_nothing_holding_is_a_break_after_its_check() {
    let mut sim = respecting();
    sim.wait(mins(10));
    let since = sim.now;
    sim.activity(Activity::Idle { since });
    sim.take();
    sim.wait(mins(5));
    sim.answer_check(&[]);
    let records = sim.records();
    assert_eq!(records.len(), 1, "{:?}", sim.actions);
    assert_eq!(records[0].outcome, Outcome::Natural);
    assert_eq!(records[0].sat_for, mins(10));
}

#[test]
fn a_lost_answer_lets_the_idle_absence_count_after_the_grace() {
    let mut sim = respecting();
    sim.wait(mins(10));
    let since = sim.now;
    sim.activity(Activity::Idle { since });
    sim.take();
    sim.wait(mins(5));
    assert_eq!(sim.checks().len(), 1);
    sim.take();
    sim.wait(CHECK_GRACE);
    let records = sim.records();
    assert_eq!(records.len(), 1, "{:?}", sim.actions);
    assert_eq!(records[0].outcome, Outcome::Natural);
}

/// A check for one absence that never came back does not decide the next absence.
#[test]
fn a_check_lost_during_an_earlier_absence_does_not_decide_the_next_one() {
    let mut sim = respecting();
    sim.wait(mins(10));
    let since = sim.now;
    sim.activity(Activity::Idle { since });
    sim.take();
    sim.wait(mins(5));
    assert_eq!(sim.checks().len(), 1, "the first absence is checked");
    sim.take();
    // Back before the answer, which never comes.
    sim.wait(secs(1));
    sim.activity(Activity::Active);
    sim.wait(CHECK_GRACE);
    let since = sim.now;
    sim.activity(Activity::Idle { since });
    sim.take();
    sim.wait(mins(5));
    assert!(
        sim.records().is_empty(),
        "not counted unchecked: {:?}",
        sim.actions
    );
    sim.answer_check(&[hold(Reason::Inhibitor)]);
    assert!(sim.records().is_empty(), "a film: {:?}", sim.actions);
}

#[test]
fn without_fullscreen_or_meetings_respected_an_idle_absence_is_not_checked() {
    let mut sim = sim_with(Respect {
        fullscreen: false,
        meetings: false,
        ..Respect::default()
    });
    sim.wait(mins(10));
    let since = sim.now;
    sim.activity(Activity::Idle { since });
    sim.take();
    sim.wait(mins(5));
    assert!(sim.checks().is_empty());
    assert_eq!(sim.records().len(), 1);
}

#[test]
fn back_from_a_short_absence_the_break_is_checked_again_at_once() {
    let mut sim = respecting();
    sim.wait(mins(45));
    sim.answer_check(&[hold(Reason::DoNotDisturb)]);
    let since = sim.now;
    sim.activity(Activity::Idle { since });
    sim.take();
    sim.wait(mins(3));
    assert!(sim.take().is_empty());
    sim.activity(Activity::Active);
    sim.answer_check(&[]);
    assert!(sim.last_prompt().is_some());
}

#[test]
fn a_check_answered_after_the_user_left_shows_nothing() {
    let mut sim = respecting();
    sim.wait(mins(45));
    let since = sim.now;
    sim.activity(Activity::Idle { since });
    sim.answer_check(&[]);
    assert!(sim.engine_prompts().is_empty(), "nobody there");
    sim.wait(mins(2));
    sim.activity(Activity::Active);
    sim.answer_check(&[]);
    assert!(
        sim.last_prompt().is_some(),
        "shown on return, after a new check"
    );
}

#[test]
fn a_pause_while_waiting_checks_nothing_and_resume_checks_again() {
    let mut sim = respecting();
    sim.wait(mins(45));
    sim.answer_check(&[hold(Reason::Meeting)]);
    sim.engine.pause(sim.now, None);
    sim.drain();
    assert_eq!(sim.phase(), PhaseKind::Paused);
    assert!(!sim.engine.wants_hold_hints());
    sim.take();
    sim.wait(mins(30));
    assert!(sim.checks().is_empty());
    sim.engine.resume(sim.now).unwrap();
    sim.drain();
    sim.answer_check(&[]);
    let prompt = sim.last_prompt().expect("shown after the pause");
    assert_eq!(prompt.sat_for, mins(75));
}

#[test]
fn a_snoozed_break_coming_back_waits_too() {
    let mut sim = respecting();
    sim.wait(mins(45));
    sim.answer_check(&[]);
    sim.answer(Answer::Snooze);
    sim.take();
    sim.wait(mins(10));
    sim.answer_check(&[hold(Reason::Fullscreen)]);
    assert_eq!(sim.phase(), PhaseKind::Waiting);
    sim.wait(mins(1));
    sim.answer_check(&[]);
    let prompt = sim.last_prompt().unwrap();
    assert_eq!(prompt.repeat, 1);
}

#[test]
fn the_snoozed_phase_is_reported_while_its_return_is_checked() {
    let mut sim = respecting();
    sim.wait(mins(45));
    sim.answer_check(&[]);
    sim.answer(Answer::Snooze);
    sim.take();
    sim.wait(mins(10));
    assert_eq!(sim.checks().len(), 1);
    assert_eq!(sim.phase(), PhaseKind::Snoozed);
}

#[test]
fn asked_for_breaks_and_answers_from_outside_are_not_held() {
    let mut sim = respecting();
    sim.wait(mins(45));
    sim.answer_check(&[hold(Reason::Meeting)]);
    sim.wait(mins(2));
    sim.take();
    sim.engine.break_now(sim.now).unwrap();
    sim.drain();
    assert!(
        sim.last_prompt().is_some(),
        "`deskbreak now` shows it at once"
    );
    assert!(!sim.engine.wants_hold_hints());
    sim.answer(Answer::Done);
    assert_eq!(
        sim.records()[0].waited.as_ref().map(|w| w.duration),
        Some(mins(2))
    );

    let mut sim = respecting();
    sim.wait(mins(45));
    sim.answer_check(&[hold(Reason::Meeting)]);
    sim.wait(mins(3));
    sim.take();
    sim.engine.answer_due(sim.now, Answer::Done).unwrap();
    sim.drain();
    let records = sim.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].outcome, Outcome::Done);
    assert!(
        !sim.take().contains(&Action::Close),
        "nothing was on screen"
    );
    assert_eq!(sim.phase(), PhaseKind::Working);
    assert!(!sim.engine.wants_hold_hints());
}

#[test]
fn a_reshown_prompt_is_not_checked() {
    let mut sim = respecting();
    sim.wait(mins(45));
    sim.answer_check(&[]);
    sim.take();
    sim.wait(mins(5));
    assert!(sim.checks().is_empty());
    assert_eq!(shows(&sim.take()).len(), 1, "renotify as before");
}

#[test]
fn turning_respect_off_while_waiting_shows_the_break() {
    let mut sim = respecting();
    sim.wait(mins(45));
    sim.answer_check(&[hold(Reason::Meeting)]);
    sim.engine.set_respect(
        sim.now,
        Respect {
            meetings: false,
            fullscreen: false,
            do_not_disturb: false,
            max_delay: None,
        },
    );
    sim.drain();
    assert!(sim.last_prompt().is_some());
}

#[test]
fn the_status_says_what_it_waits_for() {
    let mut sim = respecting();
    sim.wait(mins(45));
    sim.answer_check(&[hold(Reason::Meeting)]);
    sim.wait(secs(30));
    let status = sim.engine.status();
    assert_eq!(status.phase, PhaseKind::Waiting);
    assert!(status.sitting_counts);
    let waiting = status.waiting.unwrap();
    assert_eq!(waiting.holds, vec![hold(Reason::Meeting)]);
    assert_eq!(waiting.waited, secs(30));
    assert_eq!(waiting.shown_anyway_in, None);
}
