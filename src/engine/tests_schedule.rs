//! Working-hours math: weekends, several ranges, midnight, DST gaps and folds, a time
//! zone change.

use super::*;
use crate::engine::tests_zone::{at_offset, cet, utc};

const WEEKDAYS: [bool; 7] = [true, true, true, true, true, false, false];

fn office() -> Schedule {
    Schedule::new(WEEKDAYS, vec![Range::parse("09:00-17:30").unwrap()]).unwrap()
}

fn split() -> Schedule {
    let ranges = ["08:30-12:00", "13:00-18:00"]
        .iter()
        .map(|r| Range::parse(r).unwrap())
        .collect();
    Schedule::new(WEEKDAYS, ranges).unwrap()
}

fn closed_until(hours: Hours) -> DateTime<FixedOffset> {
    match hours {
        Hours::Closed { until } => until,
        other => panic!("expected off hours, got {other:?}"),
    }
}

fn open(hours: Hours) -> (DateTime<FixedOffset>, DateTime<FixedOffset>) {
    match hours {
        Hours::Open { since, until } => (since, until),
        other => panic!("expected working hours, got {other:?}"),
    }
}

#[test]
fn within_a_working_day_it_is_open_from_the_start_to_the_end_of_the_range() {
    // 2026-12-02 is a Wednesday.
    let (since, until) = open(office().hours_at(&cet(2026, 12, 2, 12, 0)));
    assert_eq!(since, cet(2026, 12, 2, 9, 0));
    assert_eq!(until, cet(2026, 12, 2, 17, 30));
}

#[test]
fn the_end_of_a_range_is_outside_it_and_the_start_inside() {
    assert!(office().hours_at(&cet(2026, 12, 2, 9, 0)).open());
    assert!(!office().hours_at(&cet(2026, 12, 2, 17, 30)).open());
    assert!(!office().hours_at(&cet(2026, 12, 2, 8, 59)).open());
}

#[test]
fn friday_evening_is_off_hours_until_monday_morning() {
    let until = closed_until(office().hours_at(&cet(2026, 12, 4, 18, 0)));
    assert_eq!(until, cet(2026, 12, 7, 9, 0));
    let until = closed_until(office().hours_at(&cet(2026, 12, 6, 23, 59)));
    assert_eq!(until, cet(2026, 12, 7, 9, 0));
}

#[test]
fn the_lunch_gap_between_two_ranges_is_off_hours() {
    let until = closed_until(split().hours_at(&cet(2026, 12, 2, 12, 30)));
    assert_eq!(until, cet(2026, 12, 2, 13, 0));
    let (since, until) = open(split().hours_at(&cet(2026, 12, 2, 10, 0)));
    assert_eq!(since, cet(2026, 12, 2, 8, 30));
    assert_eq!(until, cet(2026, 12, 2, 12, 0));
}

#[test]
fn ranges_that_touch_are_one_stretch() {
    let ranges = ["09:00-12:00", "12:00-17:00"]
        .iter()
        .map(|r| Range::parse(r).unwrap())
        .collect();
    let schedule = Schedule::new(WEEKDAYS, ranges).unwrap();
    let (_, until) = open(schedule.hours_at(&cet(2026, 12, 2, 11, 0)));
    assert_eq!(until, cet(2026, 12, 2, 17, 0));
}

#[test]
fn a_night_shift_runs_across_midnight_and_belongs_to_the_day_it_starts() {
    let nights = Schedule::new(WEEKDAYS, vec![Range::parse("22:00-06:00").unwrap()]).unwrap();
    // Friday night's shift ends Saturday 06:00.
    let (since, until) = open(nights.hours_at(&cet(2026, 12, 5, 3, 0)));
    assert_eq!(since, cet(2026, 12, 4, 22, 0));
    assert_eq!(until, cet(2026, 12, 5, 6, 0));
    // Saturday night is not worked: the next shift is Monday 22:00.
    let until = closed_until(nights.hours_at(&cet(2026, 12, 5, 23, 0)));
    assert_eq!(until, cet(2026, 12, 7, 22, 0));
    // Monday 03:00 is the end of Sunday night, which is not worked.
    assert!(!nights.hours_at(&cet(2026, 12, 7, 3, 0)).open());
}

#[test]
fn consecutive_nights_and_days_that_cover_everything_are_always() {
    assert_eq!(
        Schedule::default().hours_at(&cet(2026, 12, 2, 3, 0)),
        Hours::Always
    );
    let halves = ["00:00-12:00", "12:00-24:00"]
        .iter()
        .map(|r| Range::parse(r).unwrap())
        .collect();
    let schedule = Schedule::new([true; 7], halves).unwrap();
    assert!(schedule.is_always());
    assert!(!office().is_always());
}

#[test]
fn the_monday_after_the_spring_change_starts_at_nine_on_the_new_offset() {
    // Friday before the change is on UTC+1, Monday after on UTC+2.
    let until = closed_until(office().hours_at(&cet(2026, 3, 27, 18, 0)));
    assert_eq!(until, cet(2026, 3, 30, 9, 0));
    assert_eq!(until.offset().local_minus_utc(), 7200);
    assert_eq!(utc(&until).to_rfc3339(), "2026-03-30T07:00:00+00:00");
}

#[test]
fn a_boundary_in_the_spring_gap_falls_as_far_after_the_gap() {
    // 02:30 does not exist on 29 March 2026 (02:00 → 03:00): the range starts at 03:30.
    let sunday = [false, false, false, false, false, false, true];
    let schedule = Schedule::new(sunday, vec![Range::parse("02:30-05:00").unwrap()]).unwrap();
    let until = closed_until(schedule.hours_at(&cet(2026, 3, 29, 3, 0)));
    assert_eq!(until, cet(2026, 3, 29, 3, 30));
    assert!(schedule.hours_at(&cet(2026, 3, 29, 3, 45)).open());
}

#[test]
fn a_boundary_in_the_autumn_fold_is_its_first_occurrence() {
    // 02:30 happens twice on 25 October 2026; the range starts at the first.
    let sunday = [false, false, false, false, false, false, true];
    let schedule = Schedule::new(sunday, vec![Range::parse("02:30-04:00").unwrap()]).unwrap();
    let (since, until) = open(schedule.hours_at(&cet(2026, 10, 25, 3, 30)));
    assert_eq!(utc(&since).to_rfc3339(), "2026-10-25T00:30:00+00:00");
    assert_eq!(utc(&until).to_rfc3339(), "2026-10-25T03:00:00+00:00");
    // The hour that repeats makes the range 30 minutes longer than on the wall clock.
    assert_eq!(until - since, chrono::Duration::minutes(150));
}

#[test]
fn a_new_time_zone_moves_the_boundaries_with_the_wall_clock() {
    // 16:00 at UTC+1 = 15:00 at UTC+0: both within hours, but the day ends at 17:30
    // local time in whichever zone is in force.
    let berlin = at_offset(1, 2026, 12, 2, 16, 0);
    let london = berlin.with_timezone(&FixedOffset::east_opt(0).unwrap());
    let (_, end_berlin) = open(office().hours_at(&berlin));
    let (_, end_london) = open(office().hours_at(&london));
    assert_eq!(utc(&end_berlin).to_rfc3339(), "2026-12-02T16:30:00+00:00");
    assert_eq!(utc(&end_london).to_rfc3339(), "2026-12-02T17:30:00+00:00");
    // Flying east at 17:00 UTC: already off hours in Tokyo (02:00 the next day).
    let tokyo = berlin.with_timezone(&FixedOffset::east_opt(9 * 3600).unwrap());
    let until = closed_until(office().hours_at(&tokyo));
    assert_eq!(until, at_offset(9, 2026, 12, 3, 9, 0));
}

#[test]
fn the_next_start_is_the_next_working_morning() {
    let next = |t| office().next_start(&t).unwrap();
    assert_eq!(next(cet(2026, 12, 2, 12, 0)), cet(2026, 12, 3, 9, 0));
    assert_eq!(next(cet(2026, 12, 4, 12, 0)), cet(2026, 12, 7, 9, 0));
    assert_eq!(next(cet(2026, 12, 5, 10, 0)), cet(2026, 12, 7, 9, 0));
    assert_eq!(next(cet(2026, 12, 2, 7, 0)), cet(2026, 12, 2, 9, 0));
    assert_eq!(
        Schedule::default().next_start(&cet(2026, 12, 2, 7, 0)),
        None
    );
}

#[test]
fn ranges_are_parsed_strictly_with_a_hint() {
    assert_eq!(
        Range::parse("08:30-12:00").unwrap().to_string(),
        "08:30-12:00"
    );
    assert_eq!(
        Range::parse("9:05-17:00").unwrap().to_string(),
        "09:05-17:00"
    );
    assert_eq!(
        Range::parse("00:00-24:00").unwrap().to_string(),
        "00:00-24:00"
    );
    for bad in [
        "9-17",
        "25:00-26:00",
        "09:00-09:00",
        "09:00",
        "09:60-10:00",
        "24:00-01:00",
        "09:0-10:00",
    ] {
        let err = Range::parse(bad).unwrap_err();
        assert!(err.to_string().contains("09:00-17:30"), "{bad}: {err}");
    }
}

#[test]
fn a_schedule_needs_a_day_and_a_range() {
    assert!(Schedule::new([false; 7], vec![Range::parse("09:00-17:00").unwrap()]).is_none());
    assert!(Schedule::new(WEEKDAYS, Vec::new()).is_none());
}
