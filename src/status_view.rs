//! How `deskbreak status` reads: one line in words, JSON, or waybar's custom-module JSON.
//!
//! The daemon publishes absolute times (next break, pause end), so a view computed at
//! `now` is correct without asking the daemon again; `--follow` re-renders on each
//! change signal and when the minute on display changes.

use std::time::Duration;

use chrono::{DateTime, Local, TimeZone};
use serde_json::json;

use crate::control::Status;
use crate::human;

fn at(unix: i64) -> Option<DateTime<Local>> {
    Local.timestamp_opt(unix, 0).single()
}

/// Time from `now` until `unix`, rounded up to the minute for display.
fn until(unix: i64, now: DateTime<Local>) -> Duration {
    // Milliseconds: the published second is rounded, so "now" must not be truncated.
    let ms = unix
        .saturating_mul(1000)
        .saturating_sub(now.timestamp_millis())
        .max(0);
    // Whole seconds left (the published time is itself rounded to the second), then
    // minutes rounded up so that "in 1 min" shows until the very moment it is due.
    let secs = u64::try_from(ms / 1000).unwrap_or(0);
    Duration::from_secs(secs.div_ceil(60) * 60)
}

fn clock(unix: i64) -> String {
    at(unix).map_or_else(String::new, |t| t.format("%H:%M").to_string())
}

/// Sitting time now, estimated from the published next-break time while working.
fn sitting_now(s: &Status, now: DateTime<Local>) -> Duration {
    if s.phase == "working" && s.next_break > 0 {
        let left = u64::try_from(s.next_break.saturating_sub(now.timestamp()).max(0)).unwrap_or(0);
        return Duration::from_secs(s.interval_secs.saturating_sub(left));
    }
    Duration::from_secs(s.sitting_secs)
}

/// One glance: phase, time sitting, time to the next break, pause end, backend.
#[must_use]
pub fn text(status: Option<&Status>, now: DateTime<Local>) -> String {
    let Some(s) = status else {
        return "deskbreak is not running".to_owned();
    };
    format!("{}; idle backend: {}", summary(s, now), s.idle_backend)
}

/// [`text`] without the idle backend: phase, time sitting, next break, pause end.
#[must_use]
pub fn summary(s: &Status, now: DateTime<Local>) -> String {
    let sitting = human::duration(sitting_now(s, now));
    match s.phase.as_str() {
        "working" => format!(
            "working: sitting {sitting}, next break in {} (at {})",
            human::duration(until(s.next_break, now)),
            clock(s.next_break)
        ),
        "due" => format!("break due: sitting {sitting}"),
        "snoozed" => format!(
            "snoozed: reminder again in {} (at {}), sitting {sitting}",
            human::duration(until(s.next_break, now)),
            clock(s.next_break)
        ),
        "away" => "away: on a break".to_owned(),
        "paused" if s.paused_until < 0 => {
            format!("paused until `deskbreak resume`; sitting {sitting}")
        }
        "paused" => format!(
            "paused until {} ({} left); sitting {sitting}",
            clock(s.paused_until),
            human::duration(until(s.paused_until, now))
        ),
        other => other.to_owned(),
    }
}

/// The full status as one JSON object, with readable times beside the raw ones.
#[must_use]
pub fn json(status: Option<&Status>, now: DateTime<Local>) -> String {
    let Some(s) = status else {
        return json!({ "running": false }).to_string();
    };
    let time = |unix: i64| {
        (unix > 0)
            .then(|| at(unix).map(|t| t.to_rfc3339()))
            .flatten()
    };
    json!({
        "running": true,
        "phase": s.phase,
        "sitting_secs": sitting_now(s, now).as_secs(),
        "interval_secs": s.interval_secs,
        "next_break": time(s.next_break),
        "next_break_in_secs": (s.next_break > 0)
            .then(|| s.next_break.saturating_sub(now.timestamp()).max(0)),
        "paused": s.paused_until != 0,
        "paused_until": time(s.paused_until),
        "idle_backend": s.idle_backend,
        "snoozes": s.snoozes,
    })
    .to_string()
}

/// A line for waybar's custom module (`return-type: json`).
#[must_use]
pub fn waybar(status: Option<&Status>, now: DateTime<Local>) -> String {
    let Some(s) = status else {
        return json!({
            "text": "",
            "tooltip": "deskbreak is not running",
            "class": "stopped",
            "percentage": 0,
        })
        .to_string();
    };
    let minutes = |unix: i64| format!("{}m", until(unix, now).as_secs() / 60);
    let text = match s.phase.as_str() {
        "working" | "snoozed" => minutes(s.next_break),
        "due" => "break".to_owned(),
        "away" => "away".to_owned(),
        "paused" => "paused".to_owned(),
        other => other.to_owned(),
    };
    let percentage = (sitting_now(s, now).as_secs().saturating_mul(100))
        .checked_div(s.interval_secs)
        .unwrap_or(0)
        .min(100);
    json!({
        "text": text,
        "tooltip": self::text(Some(s), now),
        "class": s.phase,
        "percentage": percentage,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(phase: &str, next_in: i64, now: DateTime<Local>) -> Status {
        Status {
            phase: phase.into(),
            sitting_secs: 600,
            interval_secs: 2700,
            next_break: now.timestamp() + next_in,
            paused_until: 0,
            idle_backend: "wayland".into(),
            snoozes: 0,
        }
    }

    #[test]
    fn words_give_the_whole_picture() {
        let now = Local::now();
        let s = status("working", 22 * 60, now);
        let line = text(Some(&s), now);
        assert!(
            line.starts_with("working: sitting 23 min, next break in 22 min (at "),
            "{line}"
        );
        assert!(line.ends_with("; idle backend: wayland"), "{line}");
        let mut paused = status("paused", 0, now);
        paused.next_break = 0;
        paused.paused_until = -1;
        assert!(text(Some(&paused), now).contains("paused until `deskbreak resume`"));
        paused.paused_until = now.timestamp() + 3600;
        assert!(text(Some(&paused), now).contains("(1 h left)"));
        assert_eq!(text(None, now), "deskbreak is not running");
    }

    #[test]
    fn waybar_has_text_tooltip_class_and_percentage() {
        let now = Local::now();
        let s = status("working", 27 * 60, now);
        let v: serde_json::Value = serde_json::from_str(&waybar(Some(&s), now)).unwrap();
        assert_eq!(v["text"], "27m");
        assert_eq!(v["class"], "working");
        assert_eq!(v["percentage"], 40);
        assert!(v["tooltip"].as_str().unwrap().starts_with("working: "));
        let due = status("due", 0, now);
        let v: serde_json::Value = serde_json::from_str(&waybar(Some(&due), now)).unwrap();
        assert_eq!(v["text"], "break");
        let v: serde_json::Value = serde_json::from_str(&waybar(None, now)).unwrap();
        assert_eq!(v["class"], "stopped");
    }

    #[test]
    fn json_is_complete() {
        let now = Local::now();
        let v: serde_json::Value =
            serde_json::from_str(&json(Some(&status("working", 60, now)), now)).unwrap();
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
        ] {
            assert!(v.get(key).is_some(), "{key} missing: {v}");
        }
        assert_eq!(v["next_break_in_secs"], 60);
    }
}
