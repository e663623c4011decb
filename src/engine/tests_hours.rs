//! Working hours on virtual time: the engine driven as the daemon drives it, with a
//! wall clock (in a zone that may change) beside the `CLOCK_BOOTTIME` time line.

use super::schedule::{Range, Schedule};
use super::tests::{mins, rules};
use super::tests_zone::{Cet, cet, utc};
use super::*;
use chrono::{DateTime, FixedOffset, TimeZone, Utc};

const WEEKDAYS: [bool; 7] = [true, true, true, true, true, false, false];

fn office() -> Schedule {
    Schedule::new(WEEKDAYS, vec![Range::parse("09:00-17:30").unwrap()]).unwrap()
}

#[derive(Clone, Copy)]
enum Zone {
    Cet,
    Fixed(FixedOffset),
}

/// The engine with a wall clock: wakes at the engine's deadlines and at the schedule's
/// boundaries, and tells the engine the hours at every wake-up, as the daemon does.
struct Day {
    engine: Engine,
    now: Moment,
    wall: DateTime<Utc>,
    zone: Zone,
    schedule: Schedule,
    fed: Option<Hours>,
    actions: Vec<Action>,
    /// Wall-clock time (in the zone) of each action.
    stamps: Vec<(String, Action)>,
}

impl Day {
    fn start(schedule: Schedule, at: DateTime<Cet>, snapshot: Snapshot) -> Self {
        let now = Moment::from_origin(Duration::from_secs(1000));
        let engine = Engine::new(
            now,
            rules(),
            Library::embedded(),
            Preferences::default(),
            snapshot,
            7,
        );
        let mut day = Self {
            engine,
            now,
            wall: utc(&at),
            zone: Zone::Cet,
            schedule,
            fed: None,
            actions: Vec::new(),
            stamps: Vec::new(),
        };
        day.follow();
        day.drain();
        day
    }

    fn local(&self) -> String {
        match self.zone {
            Zone::Cet => self.wall.with_timezone(&Cet).format("%a %H:%M").to_string(),
            Zone::Fixed(o) => self.wall.with_timezone(&o).format("%a %H:%M").to_string(),
        }
    }

    fn hours(&self) -> Hours {
        match self.zone {
            Zone::Cet => self.schedule.hours_at(&self.wall.with_timezone(&Cet)),
            Zone::Fixed(o) => self.schedule.hours_at(&self.wall.with_timezone(&o)),
        }
    }

    /// The daemon's `follow_hours`.
    fn follow(&mut self) {
        let hours = self.hours();
        if self.fed != Some(hours) {
            self.fed = Some(hours);
            self.engine.handle(self.now, Input::Hours(hours));
        }
    }

    fn drain(&mut self) {
        while let Some(action) = self.engine.poll_action() {
            self.stamps.push((self.local(), action.clone()));
            self.actions.push(action);
        }
    }

    fn tick(&mut self, d: Duration) {
        self.now = self.now + d;
        self.wall += chrono::Duration::from_std(d).unwrap();
    }

    /// Let `d` pass awake, waking at every deadline and boundary.
    fn wait(&mut self, d: Duration) {
        let end = self.now + d;
        loop {
            let boundary = self.fed.and_then(Hours::next_change).map(|at| {
                let ahead = (at.with_timezone(&Utc) - self.wall)
                    .to_std()
                    .unwrap_or_default();
                self.now + ahead
            });
            let next = [self.engine.poll_timeout(), boundary]
                .into_iter()
                .flatten()
                .filter(|t| *t <= end)
                .min();
            let Some(next) = next else { break };
            assert!(next >= self.now, "deadline in the past");
            self.tick(next.saturating_since(self.now));
            self.follow();
            self.engine.handle_timeout(self.now);
            self.drain();
            assert!(
                self.engine.poll_timeout().is_none_or(|t| t > self.now),
                "busy loop at {}",
                self.local()
            );
        }
        self.tick(end.saturating_since(self.now));
        self.follow();
        self.engine.handle_timeout(self.now);
        self.drain();
    }

    /// The machine sleeps for `d`: nothing wakes, then the wake-up sees the hours first
    /// and the clock's sleep after, as the daemon's `step` does.
    fn suspend(&mut self, d: Duration) {
        self.tick(d);
        self.follow();
        self.engine.handle(self.now, Input::Slept { duration: d });
        self.drain();
    }

    fn take(&mut self) -> Vec<Action> {
        self.stamps.clear();
        std::mem::take(&mut self.actions)
    }

    fn shows_at(&self) -> Vec<String> {
        self.stamps
            .iter()
            .filter(|(_, a)| matches!(a, Action::Show(_)))
            .map(|(t, _)| t.clone())
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

    fn status(&self) -> Status {
        self.engine.status()
    }

    fn off_until(&self) -> Option<String> {
        self.status()
            .off_hours_until
            .map(|t| t.with_timezone(&Cet).format("%a %H:%M").to_string())
    }
}

#[test]
fn before_the_day_begins_there_is_no_reminder_no_sitting_and_no_timer() {
    // Wednesday 2 December 2026, 08:00.
    let mut day = Day::start(office(), cet(2026, 12, 2, 8, 0), Snapshot::default());
    assert_eq!(day.status().phase, PhaseKind::OffHours);
    assert_eq!(day.off_until().as_deref(), Some("Wed 09:00"));
    assert_eq!(
        day.engine.poll_timeout(),
        None,
        "nothing to wake for off hours"
    );
    day.wait(mins(59));
    assert!(day.take().is_empty());
    assert_eq!(day.status().sitting, Duration::ZERO);
    assert!(!day.status().sitting_counts);
    assert_eq!(day.status().next_prompt_in, None);
}

#[test]
fn entering_working_hours_starts_the_sitting_time_from_zero() {
    let restored = Snapshot {
        sitting_secs: 30 * 60,
        ..Snapshot::default()
    };
    let mut day = Day::start(office(), cet(2026, 12, 2, 8, 50), restored);
    assert_eq!(
        day.status().sitting,
        Duration::ZERO,
        "off hours: not counted"
    );
    day.wait(mins(10));
    assert_eq!(day.status().phase, PhaseKind::Working);
    assert_eq!(day.status().sitting, Duration::ZERO);
    day.wait(mins(45));
    assert_eq!(day.shows_at(), ["Wed 09:45"]);
    assert!(day.records().is_empty());
}

#[test]
fn a_prompt_open_at_the_end_of_the_day_is_closed_without_a_record() {
    let mut day = Day::start(office(), cet(2026, 12, 2, 16, 40), Snapshot::default());
    day.wait(mins(45));
    assert_eq!(day.shows_at(), ["Wed 17:25"]);
    day.take();
    day.wait(mins(5));
    let actions = day.take();
    assert!(actions.contains(&Action::Close), "{actions:?}");
    assert!(
        !actions.iter().any(|a| matches!(a, Action::Record(_))),
        "{actions:?}"
    );
    assert_eq!(day.status().phase, PhaseKind::OffHours);
    assert_eq!(day.off_until().as_deref(), Some("Thu 09:00"));
    // The evening passes without a reminder.
    day.wait(mins(6 * 60));
    assert!(day.take().is_empty());
}

#[test]
fn the_weekend_is_off_hours_from_friday_evening_to_monday_morning() {
    let mut day = Day::start(office(), cet(2026, 12, 4, 17, 0), Snapshot::default());
    day.wait(mins(30));
    assert_eq!(day.off_until().as_deref(), Some("Mon 09:00"));
    day.take();
    day.wait(mins(60 * 63));
    assert!(day.take().is_empty(), "nothing over the weekend");
    assert_eq!(day.local(), "Mon 08:30");
    day.wait(mins(75));
    assert_eq!(day.shows_at(), ["Mon 09:45"]);
}

#[test]
fn a_night_shift_runs_across_midnight() {
    let nights = Schedule::new(WEEKDAYS, vec![Range::parse("22:00-06:00").unwrap()]).unwrap();
    // Friday 21:00: off until the shift starts at 22:00.
    let mut day = Day::start(nights, cet(2026, 12, 4, 21, 0), Snapshot::default());
    assert_eq!(day.off_until().as_deref(), Some("Fri 22:00"));
    day.wait(mins(60 + 45));
    assert_eq!(day.shows_at(), ["Fri 22:45"]);
    day.engine
        .answer_due(day.now, Answer::Done)
        .expect("a break is due");
    day.drain();
    day.take();
    // Past midnight the shift goes on: breaks keep coming until 06:00 Saturday.
    day.wait(mins(8 * 60));
    assert_eq!(day.shows_at()[0], "Fri 23:30");
    assert_eq!(day.status().phase, PhaseKind::OffHours);
    assert_eq!(day.off_until().as_deref(), Some("Mon 22:00"));
}

#[test]
fn the_monday_after_a_dst_change_starts_at_nine_on_the_new_wall_clock() {
    // Friday 27 March 2026 is on UTC+1, Monday 30 March on UTC+2.
    let mut day = Day::start(office(), cet(2026, 3, 27, 17, 0), Snapshot::default());
    day.wait(mins(30));
    day.take();
    // The spring change took an hour out of the weekend.
    day.wait(mins(60 * 62 + 30));
    assert_eq!(day.local(), "Mon 09:00");
    assert_eq!(day.status().phase, PhaseKind::Working);
    day.wait(mins(45));
    assert_eq!(day.shows_at(), ["Mon 09:45"]);
    assert_eq!(
        utc(&day.wall).to_rfc3339(),
        "2026-03-30T07:45:00+00:00",
        "09:45 on summer time"
    );
}

#[test]
fn a_time_zone_change_while_running_moves_the_end_of_the_day_and_keeps_the_sitting() {
    let mut day = Day::start(office(), cet(2026, 12, 2, 16, 0), Snapshot::default());
    day.wait(mins(30));
    assert_eq!(day.status().sitting, mins(30));
    // Flying west: 16:30 at UTC+1 is 15:30 at UTC+0; the day now ends two hours later.
    day.zone = Zone::Fixed(FixedOffset::east_opt(0).unwrap());
    day.wait(Duration::ZERO);
    assert_eq!(day.local(), "Wed 15:30");
    assert_eq!(
        day.status().sitting,
        mins(30),
        "the same working day goes on"
    );
    day.wait(mins(15));
    assert_eq!(day.shows_at(), ["Wed 15:45"]);
    day.engine.answer_due(day.now, Answer::Done).unwrap();
    day.drain();
    day.take();
    day.wait(mins(104));
    assert_ne!(
        day.status().phase,
        PhaseKind::OffHours,
        "17:29 in the new zone"
    );
    day.wait(mins(1));
    assert_eq!(day.status().phase, PhaseKind::OffHours);
    let until = day.status().off_hours_until.unwrap();
    assert_eq!(
        until,
        FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2026, 12, 3, 9, 0, 0)
            .unwrap()
    );
}

#[test]
fn a_suspend_across_the_end_of_the_day_ends_it_without_a_record() {
    let mut day = Day::start(office(), cet(2026, 12, 2, 16, 10), Snapshot::default());
    day.wait(mins(49));
    assert_eq!(day.shows_at(), ["Wed 16:55"]);
    day.take();
    // The lid is closed at 17:00 with the prompt open, opened Thursday at 09:30.
    day.suspend(mins(16 * 60 + 31));
    let actions = day.take();
    assert!(actions.contains(&Action::Close), "{actions:?}");
    assert!(
        !actions.iter().any(|a| matches!(a, Action::Record(_))),
        "neither the prompt nor the night is a break on record: {actions:?}"
    );
    assert_eq!(day.status().phase, PhaseKind::Working);
    assert_eq!(day.status().sitting, Duration::ZERO);
    day.wait(mins(45));
    assert_eq!(day.shows_at(), ["Thu 10:15"]);
}

#[test]
fn a_suspend_that_ends_off_hours_leaves_the_engine_off_hours() {
    let mut day = Day::start(office(), cet(2026, 12, 2, 16, 0), Snapshot::default());
    day.wait(mins(20));
    day.suspend(mins(3 * 60));
    assert_eq!(day.status().phase, PhaseKind::OffHours);
    assert!(day.records().is_empty(), "{:?}", day.records());
    assert_eq!(day.engine.poll_timeout(), None);
}

#[test]
fn a_suspend_within_the_day_is_still_a_natural_break() {
    let mut day = Day::start(office(), cet(2026, 12, 2, 10, 0), Snapshot::default());
    day.wait(mins(30));
    day.suspend(mins(20));
    assert_eq!(
        day.records()
            .iter()
            .map(|r| (r.outcome, r.sat_for))
            .collect::<Vec<_>>(),
        [(Outcome::Natural, mins(30))]
    );
}

#[test]
fn a_break_asked_for_off_hours_is_shown_and_recorded() {
    let mut day = Day::start(office(), cet(2026, 12, 2, 19, 0), Snapshot::default());
    day.engine.break_now(day.now).unwrap();
    day.drain();
    assert_eq!(day.status().phase, PhaseKind::Due);
    day.engine.answer_due(day.now, Answer::Done).unwrap();
    day.drain();
    assert_eq!(day.records()[0].outcome, Outcome::Done);
    assert_eq!(day.status().phase, PhaseKind::OffHours);
}

#[test]
fn a_snoozed_break_at_the_end_of_the_day_does_not_come_back_in_the_evening() {
    let mut day = Day::start(office(), cet(2026, 12, 2, 16, 40), Snapshot::default());
    day.wait(mins(45));
    day.engine.answer_due(day.now, Answer::Snooze).unwrap();
    day.drain();
    day.take();
    day.wait(mins(4 * 60));
    assert!(day.shows_at().is_empty());
    assert_eq!(day.status().snoozes, 0, "the next day starts afresh");
}

#[test]
fn a_pause_running_out_off_hours_shows_nothing() {
    let mut day = Day::start(office(), cet(2026, 12, 2, 17, 0), Snapshot::default());
    day.wait(mins(20));
    let until = day.now + mins(30);
    day.engine.pause(day.now, Some(until));
    day.drain();
    day.wait(mins(60));
    assert!(day.shows_at().is_empty());
    assert_eq!(day.status().phase, PhaseKind::OffHours);
}
