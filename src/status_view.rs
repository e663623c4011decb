//! How `deskbreak status` reads: one line in words, JSON, or waybar's custom-module JSON.
//!
//! The daemon publishes absolute times (next break, pause end), so a view computed at
//! `now` is correct without asking the daemon again; `--follow` re-renders on each
//! change signal and when the minute on display changes.

use std::time::Duration;

use chrono::{DateTime, Local};
use serde_json::json;

use crate::engine::PhaseKind;
use crate::sources::holds::Hold;
use crate::status::{PauseEnd, Status};
use crate::{human, t};

/// Time from `now` until `at`, rounded up to the minute for display.
fn until(at: Option<DateTime<Local>>, now: DateTime<Local>) -> Duration {
    let Some(at) = at else {
        return Duration::ZERO;
    };
    // Milliseconds: the published second is rounded, so "now" must not be truncated.
    let ms = at
        .timestamp_millis()
        .saturating_sub(now.timestamp_millis())
        .max(0);
    // Whole seconds left (the published time is itself rounded to the second), then
    // minutes rounded up so that "in 1 min" shows until the very moment it is due.
    let secs = u64::try_from(ms / 1000).unwrap_or(0);
    Duration::from_secs(secs.div_ceil(60) * 60)
}

fn clock(at: Option<DateTime<Local>>) -> String {
    at.map_or_else(String::new, |t| human::time_of_day(&t))
}

/// Sitting time now: counted on from when it began while it counts (working, due,
/// snoozed), else estimated from the published next-break time while working.
fn sitting_now(s: &Status, now: DateTime<Local>) -> Duration {
    if s.sitting_since.is_some() {
        return s.sitting_at(now);
    }
    if let (PhaseKind::Working, Some(next)) = (s.phase, s.next_break) {
        let left =
            u64::try_from(next.timestamp().saturating_sub(now.timestamp()).max(0)).unwrap_or(0);
        return s.interval.saturating_sub(Duration::from_secs(left));
    }
    s.sitting
}

/// One hold in `--json`: its reason, its detail's kind and arguments, never words.
fn hold_json(hold: &Hold) -> serde_json::Value {
    let mut fields = serde_json::Map::new();
    fields.insert("reason".into(), json!(hold.reason.as_str()));
    hold.detail.json(&mut fields);
    serde_json::Value::Object(fields)
}

/// One glance: phase, time sitting, time to the next break, pause end, backend.
#[must_use]
pub fn text(status: Option<&Status>, now: DateTime<Local>) -> String {
    let Some(s) = status else {
        return t!("status-not-running");
    };
    t!(
        "status-line",
        summary = summary(s, now),
        backend = s.idle_backend.name()
    )
}

/// [`text`] without the idle backend: phase, time sitting, next break, pause end.
#[must_use]
pub fn summary(s: &Status, now: DateTime<Local>) -> String {
    let sitting = human::duration(sitting_now(s, now));
    match (s.phase, s.paused) {
        (PhaseKind::Working, _) => t!(
            "status-working",
            sitting = sitting,
            duration = human::duration(until(s.next_break, now)),
            time = clock(s.next_break)
        ),
        (PhaseKind::Due, _) => t!("status-due", sitting = sitting),
        (PhaseKind::Snoozed, _) => t!(
            "status-snoozed",
            sitting = sitting,
            duration = human::duration(until(s.next_break, now)),
            time = clock(s.next_break)
        ),
        (PhaseKind::Away, _) => t!("status-away"),
        (PhaseKind::Guiding, _) => t!("status-guiding"),
        (PhaseKind::Paused, Some(PauseEnd::At(at))) => t!(
            "status-paused-until",
            sitting = sitting,
            time = clock(Some(at)),
            duration = human::duration(until(Some(at), now))
        ),
        (PhaseKind::Paused, _) => t!("status-paused", sitting = sitting),
        (PhaseKind::Waiting, _) => {
            let holds: Vec<String> = s.waiting_for.iter().map(Hold::words).collect();
            // Only reasons this version does not know (a newer daemon): still waiting.
            let holds = if holds.is_empty() {
                t!("wait-unknown")
            } else {
                holds.join(", ")
            };
            match s.next_break {
                // `respect.max_delay`: shown then at the latest.
                Some(at) => t!(
                    "status-waiting-at-most",
                    holds = holds,
                    time = clock(Some(at)),
                    sitting = sitting
                ),
                None => t!("status-waiting", holds = holds, sitting = sitting),
            }
        }
        (PhaseKind::OffHours, _) => match s.off_hours_until {
            Some(at) => t!("status-off-hours-until", time = day_and_time(at, now)),
            None => t!("status-off-hours"),
        },
    }
}

/// "09:00" today, "Mon 09:00" on another day within a week, "24 Dec 09:00" beyond.
fn day_and_time(at: DateTime<Local>, now: DateTime<Local>) -> String {
    let days = (at.date_naive() - now.date_naive()).num_days();
    let time = human::time_of_day(&at);
    match days {
        0 => time,
        1..=6 => t!(
            "date-weekday-time",
            weekday = human::weekday_short(at.date_naive()),
            time = time
        ),
        _ => t!(
            "date-day-month-time",
            date = human::day_month(at.date_naive()),
            time = time
        ),
    }
}

/// The full status as one JSON object, with readable times beside the raw ones.
#[must_use]
pub fn json(status: Option<&Status>, now: DateTime<Local>) -> String {
    let Some(s) = status else {
        return json!({ "running": false }).to_string();
    };
    let paused_until = match s.paused {
        Some(PauseEnd::At(at)) => Some(at.to_rfc3339()),
        Some(PauseEnd::UntilResumed) | None => None,
    };
    json!({
        "running": true,
        "phase": s.phase.as_str(),
        "sitting_secs": sitting_now(s, now).as_secs(),
        "interval_secs": s.interval.as_secs(),
        "next_break": s.next_break.map(|t| t.to_rfc3339()),
        "next_break_in_secs": s
            .next_break
            .map(|t| t.timestamp().saturating_sub(now.timestamp()).max(0)),
        "paused": s.paused.is_some(),
        "paused_until": paused_until,
        "idle_backend": s.idle_backend.name(),
        "snoozes": s.snoozes,
        "waiting_for": s
            .waiting_for
            .iter()
            .map(hold_json)
            .collect::<Vec<_>>(),
        "off_hours_until": s.off_hours_until.map(|t| t.to_rfc3339()),
    })
    .to_string()
}

/// A line for waybar's custom module (`return-type: json`).
#[must_use]
pub fn waybar(status: Option<&Status>, now: DateTime<Local>) -> String {
    let Some(s) = status else {
        return json!({
            "text": "",
            "tooltip": t!("status-not-running"),
            "class": "stopped",
            "percentage": 0,
        })
        .to_string();
    };
    let text = match s.phase {
        PhaseKind::Working | PhaseKind::Snoozed => t!(
            "status-bar-minutes",
            minutes = until(s.next_break, now).as_secs() / 60
        ),
        PhaseKind::Due => t!("status-bar-due"),
        PhaseKind::Away => t!("status-bar-away"),
        PhaseKind::Guiding => t!("status-bar-guiding"),
        PhaseKind::Paused => t!("status-bar-paused"),
        PhaseKind::Waiting => t!("status-bar-waiting"),
        PhaseKind::OffHours => t!("status-bar-off-hours"),
    };
    let percentage = (sitting_now(s, now).as_secs().saturating_mul(100))
        .checked_div(s.interval.as_secs())
        .unwrap_or(0)
        .min(100);
    json!({
        "text": text,
        "tooltip": self::text(Some(s), now),
        "class": s.phase.as_str(),
        "percentage": percentage,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::activity::Kind;
    use crate::sources::holds::{Apps, Detail, Switch};

    fn status(phase: PhaseKind, next_in: i64, now: DateTime<Local>) -> Status {
        Status {
            phase,
            sitting: Duration::from_secs(600),
            sitting_since: None,
            interval: Duration::from_secs(2700),
            next_break: Some(now + chrono::Duration::seconds(next_in)),
            paused: None,
            idle_backend: Kind::Wayland,
            snoozes: 0,
            waiting_for: Vec::new(),
            off_hours_until: None,
        }
    }

    #[test]
    fn words_give_the_whole_picture() {
        let now = Local::now();
        let s = status(PhaseKind::Working, 22 * 60, now);
        let line = text(Some(&s), now);
        assert!(
            line.starts_with("working: sitting 23 min, next break in 22 min (at "),
            "{line}"
        );
        assert!(line.ends_with("; idle backend: wayland"), "{line}");
        let mut paused = status(PhaseKind::Paused, 0, now);
        paused.next_break = None;
        paused.paused = Some(PauseEnd::UntilResumed);
        assert!(text(Some(&paused), now).contains("paused until `deskbreak resume`"));
        paused.paused = Some(PauseEnd::At(now + chrono::Duration::seconds(3600)));
        assert!(text(Some(&paused), now).contains("(1 h left)"));
        assert_eq!(text(None, now), "deskbreak is not running");
    }

    #[test]
    fn off_hours_say_until_when_by_day_and_time() {
        use chrono::TimeZone;
        // A Wednesday evening.
        let now = Local.with_ymd_and_hms(2026, 12, 2, 18, 0, 0).unwrap();
        let mut s = status(PhaseKind::OffHours, 0, now);
        s.next_break = None;
        s.off_hours_until = Local.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).single();
        assert_eq!(summary(&s, now), "off hours until Mon 09:00");
        s.off_hours_until = Local.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).single();
        assert_eq!(summary(&s, now), "off hours until Thu 09:00");
        s.off_hours_until = Local.with_ymd_and_hms(2026, 12, 2, 19, 30, 0).single();
        assert_eq!(summary(&s, now), "off hours until 19:30");
        s.off_hours_until = Local.with_ymd_and_hms(2026, 12, 24, 9, 0, 0).single();
        assert_eq!(summary(&s, now), "off hours until 24 Dec 09:00");
        // The day and month are the language's words, not chrono's English.
        use crate::i18n::{Lang, scoped};
        let words = |lang, at: Option<DateTime<Local>>| {
            let mut s = s.clone();
            s.off_hours_until = at;
            scoped(lang, || summary(&s, now))
        };
        let monday = Local.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).single();
        let eve = Local.with_ymd_and_hms(2026, 12, 24, 9, 0, 0).single();
        assert_eq!(
            words(Lang::De, monday),
            "außerhalb der Arbeitszeit bis Mo. 09:00"
        );
        assert_eq!(
            words(Lang::De, eve),
            "außerhalb der Arbeitszeit bis 24. Dez. 09:00"
        );
        assert_eq!(
            words(Lang::Fr, monday),
            "hors des heures de travail jusqu'à lun. 09:00"
        );
        assert_eq!(
            words(Lang::Fr, eve),
            "hors des heures de travail jusqu'à 24 déc. 09:00"
        );
        assert_eq!(
            words(Lang::Es, monday),
            "fuera del horario de trabajo hasta lun. 09:00"
        );
        assert_eq!(
            words(Lang::Es, eve),
            "fuera del horario de trabajo hasta 24 dic. 09:00"
        );
        s.off_hours_until = Local.with_ymd_and_hms(2026, 12, 2, 19, 30, 0).single();
        let v: serde_json::Value = serde_json::from_str(&waybar(Some(&s), now)).unwrap();
        assert_eq!(v["class"], "off_hours");
        assert_eq!(v["tooltip"], "off hours until 19:30; idle backend: wayland");
        let v: serde_json::Value = serde_json::from_str(&json(Some(&s), now)).unwrap();
        assert_eq!(v["phase"], "off_hours");
        assert_eq!(
            v["off_hours_until"],
            s.off_hours_until.unwrap().to_rfc3339().as_str()
        );
    }

    #[test]
    fn waybar_has_text_tooltip_class_and_percentage() {
        let now = Local::now();
        let s = status(PhaseKind::Working, 27 * 60, now);
        let v: serde_json::Value = serde_json::from_str(&waybar(Some(&s), now)).unwrap();
        assert_eq!(v["text"], "27m");
        assert_eq!(v["class"], "working");
        assert_eq!(v["percentage"], 40);
        assert!(v["tooltip"].as_str().unwrap().starts_with("working: "));
        let due = status(PhaseKind::Due, 0, now);
        let v: serde_json::Value = serde_json::from_str(&waybar(Some(&due), now)).unwrap();
        assert_eq!(v["text"], "break");
        let v: serde_json::Value = serde_json::from_str(&waybar(None, now)).unwrap();
        assert_eq!(v["class"], "stopped");
    }

    #[test]
    fn a_waiting_break_says_what_it_waits_for_everywhere() {
        let now = Local::now();
        let mut s = status(PhaseKind::Waiting, 0, now);
        s.next_break = None;
        s.waiting_for = vec![
            Hold::new(Detail::Camera(Apps::collect([Some("zoom".into()), None]))),
            Hold::new(Detail::DoNotDisturb {
                server: "dunst".into(),
                switch: Switch::Paused,
            }),
        ];
        let words = summary(&s, now);
        assert!(
            words.starts_with(
                "waiting: meeting (camera in use by zoom and 1 more), do not disturb (dunst is \
                 paused); sitting "
            ),
            "{words}"
        );
        let german = crate::i18n::scoped(crate::i18n::Lang::De, || summary(&s, now));
        assert!(
            german.starts_with(
                "wartet: Besprechung (Kamera in Gebrauch durch zoom und 1 weitere), \
                 „Nicht stören“ (dunst ist pausiert); "
            ),
            "{german}"
        );
        s.next_break = Some(now + chrono::Duration::minutes(20));
        let words = summary(&s, now);
        assert!(words.contains("at the latest"), "{words}");
        let v: serde_json::Value = serde_json::from_str(&waybar(Some(&s), now)).unwrap();
        assert_eq!(v["class"], "waiting");
        assert_eq!(v["text"], "wait");
        assert!(
            v["tooltip"]
                .as_str()
                .unwrap()
                .starts_with("waiting: meeting")
        );
        let machine = json(Some(&s), now);
        let v: serde_json::Value = serde_json::from_str(&machine).unwrap();
        assert_eq!(v["phase"], "waiting");
        assert_eq!(
            v["waiting_for"],
            json!([
                {"reason": "meeting", "kind": "camera", "apps": ["zoom"], "others": 1},
                {"reason": "do_not_disturb", "kind": "paused", "server": "dunst"},
            ])
        );
        for lang in crate::i18n::Lang::ALL {
            assert_eq!(
                crate::i18n::scoped(lang, || json(Some(&s), now)),
                machine,
                "--json in {lang}"
            );
        }
        // A newer daemon's reason or kind: still a sensible line, never a key.
        s.waiting_for = vec![Hold {
            reason: crate::sources::holds::Reason::Meeting,
            detail: Detail::from_wire(
                crate::sources::holds::Reason::Meeting,
                "screen_share",
                [("output".to_owned(), "HDMI-1".to_owned())].into(),
            ),
        }];
        s.next_break = None;
        assert!(summary(&s, now).starts_with("waiting: meeting; sitting "));
        let v: serde_json::Value = serde_json::from_str(&json(Some(&s), now)).unwrap();
        assert_eq!(
            v["waiting_for"],
            json!([{"reason": "meeting", "kind": "screen_share", "output": "HDMI-1"}])
        );
        s.waiting_for.clear();
        let words = summary(&s, now);
        assert!(!words.contains("wait-"), "{words}");
        assert!(words.starts_with("waiting: "), "{words}");
    }

    #[test]
    fn json_is_complete() {
        let now = Local::now();
        let v: serde_json::Value =
            serde_json::from_str(&json(Some(&status(PhaseKind::Working, 60, now)), now)).unwrap();
        for key in [
            "running",
            "phase",
            "sitting_secs",
            "interval_secs",
            "next_break",
            "next_break_in_secs",
            "paused",
            "paused_until",
            "idle_backend",
            "snoozes",
            "waiting_for",
            "off_hours_until",
        ] {
            assert!(v.get(key).is_some(), "{key} missing: {v}");
        }
        assert_eq!(v["next_break_in_secs"], 60);
    }
}
