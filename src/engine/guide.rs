//! A guided break: the exercise's dose turned into timed steps ("Get ready", "Rep 3 of 10",
//! "Hold… 4 s", "Relax", "Switch sides"), and where a guide stands after some time.
//!
//! Pure: a [`Plan`] is made from an [`Exercise`] and read at an elapsed time. The engine
//! runs it on its own time line (and so does the terminal guide, for practice).

use std::time::Duration;

use crate::exercises::Exercise;

/// Seconds to get into position before the first step.
const GET_READY: u32 = 5;
/// Seconds to let go between two holds.
const RELAX: u32 = 3;
/// Seconds of rest between two sets.
const REST: u32 = 10;
/// Seconds to change to the other side.
const SWITCH: u32 = 5;
/// Seconds per repetition of a move without a hold: at least this…
const MIN_REP: u32 = 2;
/// …and at most this.
const MAX_REP: u32 = 8;

/// What a step asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// Get into the starting position.
    GetReady,
    /// One repetition of a move.
    Move,
    /// Hold the position.
    Hold,
    /// Let go between two holds.
    Relax,
    /// Rest between two sets.
    Rest,
    /// Change to the other side (or arm).
    Switch,
}

/// One timed step of a guide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// What it asks for.
    pub kind: StepKind,
    /// How long it lasts, in seconds.
    pub secs: u32,
    /// Repetition number and count (1-based), for moves and holds.
    pub rep: Option<(u32, u32)>,
    /// Set number and count, when there is more than one set.
    pub set: Option<(u32, u32)>,
    /// Side number (1 or 2), for exercises done on each side.
    pub side: Option<u32>,
}

impl Step {
    /// The step in a few words: "Rep 3 of 10", "Position" (a single hold: its countdown
    /// already says "hold…"), "Relax", "Other side".
    #[must_use]
    pub fn label(&self) -> String {
        let mut label = match (self.kind, self.rep) {
            (StepKind::GetReady, _) => crate::t!("guide-step-get-ready"),
            (StepKind::Relax, _) => crate::t!("guide-step-relax"),
            (StepKind::Rest, _) => crate::t!("guide-step-rest"),
            (StepKind::Switch, _) => crate::t!("guide-step-switch-sides"),
            (StepKind::Move | StepKind::Hold, Some((rep, reps))) if reps > 1 => {
                crate::t!("guide-step-rep", rep = rep, reps = reps)
            }
            (StepKind::Hold, _) => crate::t!("guide-step-hold"),
            (StepKind::Move, _) => crate::t!("guide-step-move"),
        };
        if let (Some((set, sets)), StepKind::Move | StepKind::Hold) = (self.set, self.kind) {
            label = crate::t!("guide-step-set", step = label, set = set, sets = sets);
        }
        if let (Some(side), StepKind::Move | StepKind::Hold) = (self.side, self.kind) {
            label = if side == 1 {
                crate::t!("guide-step-first-side", step = label)
            } else {
                crate::t!("guide-step-other-side", step = label)
            };
        }
        label
    }
}

/// The whole guide for one exercise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    steps: Vec<Step>,
    total: Duration,
}

/// Where a guide stands at some elapsed time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Index of the current step.
    pub index: usize,
    /// The current step.
    pub step: Step,
    /// Whole seconds left in the step (rounded up: "1 s" until it ends).
    pub left_secs: u32,
    /// How far the whole guide is, 0 to 100 (rounded down).
    pub percent: u8,
}

impl Plan {
    /// The guide for `exercise`: get ready, then each repetition (with its hold and a
    /// short relax between holds), a rest between sets, a switch between sides.
    #[must_use]
    pub fn for_exercise(exercise: &Exercise) -> Self {
        let dose = &exercise.dose;
        let reps = dose.reps.unwrap_or(1).max(1);
        let sets = dose.sets.max(1);
        let sides = if dose.per_side { 2 } else { 1 };
        let moves = reps.saturating_mul(sets).saturating_mul(sides).max(1);
        // A move without a hold takes its share of the exercise's duration.
        let per_rep =
            (exercise.duration_secs.saturating_sub(GET_READY) / moves).clamp(MIN_REP, MAX_REP);
        let mut steps = vec![Step {
            kind: StepKind::GetReady,
            secs: GET_READY,
            rep: None,
            set: None,
            side: None,
        }];
        for side in 1..=sides {
            if side > 1 {
                steps.push(Step {
                    kind: StepKind::Switch,
                    secs: SWITCH,
                    rep: None,
                    set: None,
                    side: Some(side),
                });
            }
            for set in 1..=sets {
                if set > 1 {
                    steps.push(Step {
                        kind: StepKind::Rest,
                        secs: REST,
                        rep: None,
                        set: Some((set, sets)),
                        side: None,
                    });
                }
                for rep in 1..=reps {
                    let base = Step {
                        kind: StepKind::Move,
                        secs: per_rep,
                        rep: Some((rep, reps)),
                        set: (sets > 1).then_some((set, sets)),
                        side: (sides > 1).then_some(side),
                    };
                    match dose.hold_secs {
                        Some(hold) => {
                            if rep > 1 {
                                steps.push(Step {
                                    kind: StepKind::Relax,
                                    secs: RELAX,
                                    ..base.clone()
                                });
                            }
                            steps.push(Step {
                                kind: StepKind::Hold,
                                secs: hold.max(1),
                                ..base
                            });
                        }
                        None => steps.push(base),
                    }
                }
            }
        }
        let total = steps.iter().map(|s| u64::from(s.secs)).sum();
        Self {
            steps,
            total: Duration::from_secs(total),
        }
    }

    /// The steps in order.
    #[must_use]
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// How long the whole guide takes.
    #[must_use]
    pub fn total(&self) -> Duration {
        self.total
    }

    /// Where the guide stands `elapsed` after it started; `None` once it is over.
    #[must_use]
    pub fn at(&self, elapsed: Duration) -> Option<Progress> {
        if elapsed >= self.total {
            return None;
        }
        let mut start = Duration::ZERO;
        for (index, step) in self.steps.iter().enumerate() {
            let end = start + Duration::from_secs(u64::from(step.secs));
            if elapsed < end {
                let left = end - elapsed;
                let left_secs = u32::try_from(left.as_millis().div_ceil(1000)).unwrap_or(u32::MAX);
                let percent = (elapsed.as_millis() * 100 / self.total.as_millis().max(1)).min(100);
                return Some(Progress {
                    index,
                    step: step.clone(),
                    left_secs,
                    percent: u8::try_from(percent).unwrap_or(100),
                });
            }
            start = end;
        }
        None
    }

    /// When, after `elapsed`, what the guide shows next changes: the next whole second
    /// of the guide (countdowns tick by the second), or its end.
    #[must_use]
    pub fn next_change(&self, elapsed: Duration) -> Duration {
        let next = Duration::from_secs(elapsed.as_secs() + 1);
        next.min(self.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercises::Library;

    fn plan(id: &str) -> Plan {
        Plan::for_exercise(Library::embedded().get(id).unwrap())
    }

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    #[test]
    fn holds_come_in_order_with_a_relax_between_them() {
        // chin tucks: 10 reps, hold 5 s.
        let plan = plan("chin-tucks");
        let kinds: Vec<StepKind> = plan.steps().iter().map(|s| s.kind).take(5).collect();
        assert_eq!(
            kinds,
            [
                StepKind::GetReady,
                StepKind::Hold,
                StepKind::Relax,
                StepKind::Hold,
                StepKind::Relax
            ]
        );
        let holds: Vec<&Step> = plan
            .steps()
            .iter()
            .filter(|s| s.kind == StepKind::Hold)
            .collect();
        assert_eq!(holds.len(), 10);
        assert!(holds.iter().all(|s| s.secs == 5));
        assert_eq!(holds[2].label(), "Rep 3 of 10");
        assert_eq!(plan.total(), secs(5 + 10 * 5 + 9 * 3));
    }

    #[test]
    fn each_side_and_each_set_get_their_own_steps() {
        let plan = plan("neck-side-tilts"); // hold 15 s, each side
        let labels: Vec<String> = plan.steps().iter().map(Step::label).collect();
        assert_eq!(
            labels,
            [
                "Get ready",
                "Position, first side",
                "Switch sides",
                "Position, other side"
            ]
        );
        let plan = self::plan("wall-angels"); // 2 sets of 8
        assert_eq!(
            plan.steps()
                .iter()
                .filter(|s| s.kind == StepKind::Rest)
                .count(),
            1
        );
        assert_eq!(
            plan.steps().last().map(Step::label).as_deref(),
            Some("Rep 8 of 8, set 2 of 2")
        );
    }

    #[test]
    fn progress_counts_down_each_step_and_rises_to_the_end() {
        let plan = plan("chin-tucks");
        let at = |s: u64| plan.at(secs(s)).unwrap();
        assert_eq!(
            (at(0).step.kind, at(0).left_secs, at(0).percent),
            (StepKind::GetReady, 5, 0)
        );
        assert_eq!((at(5).step.kind, at(5).left_secs), (StepKind::Hold, 5));
        assert_eq!(at(9).left_secs, 1);
        assert_eq!(at(10).step.kind, StepKind::Relax);
        let mut last = 0;
        for s in 0..plan.total().as_secs() {
            let p = at(s);
            assert!(p.percent >= last && p.percent < 100, "{s}: {p:?}");
            last = p.percent;
        }
        assert_eq!(plan.at(plan.total()), None);
        assert_eq!(plan.at(Duration::MAX), None);
    }

    #[test]
    fn it_wakes_once_a_second_and_not_past_the_end() {
        let plan = plan("neck-side-tilts");
        assert_eq!(plan.next_change(Duration::ZERO), secs(1));
        assert_eq!(plan.next_change(Duration::from_millis(1500)), secs(2));
        assert_eq!(
            plan.next_change(plan.total() - Duration::from_millis(10)),
            plan.total()
        );
    }

    #[test]
    fn every_built_in_guide_is_about_as_long_as_the_exercise() {
        for e in Library::embedded().all() {
            let total = Plan::for_exercise(e).total().as_secs();
            let said = u64::from(e.duration_secs);
            assert!(
                total >= said / 2 && total <= said * 2 + 10,
                "{}: {total} s vs {said} s",
                e.id
            );
        }
    }
}
