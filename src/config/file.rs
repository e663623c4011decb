//! The config file as written: raw serde types, one per TOML table.
//!
//! Value checks live in the field deserializers so that every rejection carries the
//! span of the offending value (and so its line) and the key path.

use crate::t;
use std::time::Duration;

use serde::{Deserialize, Deserializer, de};

use crate::engine::schedule::{DAY_NAMES, Range};
use crate::exercises::Position;
use crate::sources::activity::{Choice, Kind};

/// The whole file. Every key is optional; missing ones take the embedded defaults.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawConfig {
    /// `[breaks]`
    pub breaks: RawBreaks,
    /// `[activity]`
    pub activity: RawActivity,
    /// `[exercises]`
    pub exercises: RawExercises,
    /// `[tray]`
    pub tray: RawTray,
    /// `[stats]`
    pub stats: RawStats,
    /// `[guide]`
    pub guide: RawGuide,
    /// `[respect]`
    pub respect: RawRespect,
    /// `[schedule]`
    pub schedule: RawSchedule,
    /// `[micro]`
    pub micro: RawMicro,
    /// `[ui]`
    pub ui: RawUi,
}

/// `[respect]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawRespect {
    /// A due break waits while the desktop's do-not-disturb is on.
    #[serde(deserialize_with = "flag")]
    pub do_not_disturb: Option<bool>,
    /// A due break waits while the focused window is fullscreen or idle is inhibited.
    #[serde(deserialize_with = "flag")]
    pub fullscreen: Option<bool>,
    /// A due break waits while the camera or the microphone is in use.
    #[serde(deserialize_with = "flag")]
    pub meetings: Option<bool>,
    /// Show the reminder anyway after waiting this long; zero = wait as long as it takes.
    #[serde(deserialize_with = "any_duration")]
    pub max_delay: Option<Duration>,
}

/// `[schedule]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawSchedule {
    /// Working days, Monday first.
    #[serde(deserialize_with = "days")]
    pub days: Option<[bool; 7]>,
    /// Working time on each of them.
    #[serde(deserialize_with = "ranges")]
    pub hours: Option<Vec<Range>>,
}

/// `[micro]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawMicro {
    /// Sitting time between micro-breaks; zero = off.
    #[serde(deserialize_with = "micro_every")]
    pub every: Option<Duration>,
    /// How long the cue stays on screen.
    #[serde(deserialize_with = "micro_length")]
    pub length: Option<Duration>,
}

/// `[ui]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawUi {
    /// The language of messages: "auto" (the session's locale) or a shipped one.
    #[serde(deserialize_with = "language")]
    pub language: Option<crate::i18n::Choice>,
}

/// `[guide]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawGuide {
    /// Play a short sound (the "complete" sound) when a guided break ends.
    pub sound: Option<bool>,
}

/// `[breaks]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawBreaks {
    /// Sitting time before a break is due.
    #[serde(deserialize_with = "positive_duration")]
    pub interval: Option<Duration>,
    /// How long a snooze lasts.
    #[serde(deserialize_with = "positive_duration")]
    pub snooze: Option<Duration>,
    /// Snoozes in a row before Snooze is no longer offered.
    #[serde(deserialize_with = "max_snoozes")]
    pub max_snoozes: Option<u32>,
    /// Re-show interval for an unanswered prompt; zero = never.
    #[serde(deserialize_with = "any_duration")]
    pub renotify: Option<Duration>,
}

/// `[activity]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawActivity {
    /// Which idle backend to use.
    #[serde(deserialize_with = "backend")]
    pub backend: Option<Choice>,
    /// An absence this long is a break taken.
    #[serde(deserialize_with = "positive_duration")]
    pub natural_break: Option<Duration>,
}

/// `[exercises]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawExercises {
    /// Positions the user can exercise in.
    #[serde(deserialize_with = "positions")]
    pub positions: Option<Vec<Position>>,
    /// Exercise ids never suggested.
    #[serde(deserialize_with = "exercise_ids")]
    pub exclude: Option<Vec<String>>,
}

/// `[tray]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawTray {
    /// When to show the tray icon.
    #[serde(deserialize_with = "tray_enabled")]
    pub enabled: Option<crate::effects::tray::Enabled>,
}

/// `[stats]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawStats {
    /// The adherence a day needs to count toward the streak, in percent.
    #[serde(deserialize_with = "goal")]
    pub goal: Option<u8>,
    /// A weekly summary notification on the first working day of a week.
    #[serde(deserialize_with = "flag")]
    pub weekly_summary: Option<bool>,
}

/// The longest duration any setting accepts; beyond it a value is surely a typo.
const LONGEST: Duration = Duration::from_secs(24 * 60 * 60);

fn duration<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
    let text =
        String::deserialize(d).map_err(|_| de::Error::custom(t!("config-duration-expected")))?;
    let value = humantime::parse_duration(text.trim()).map_err(|err| {
        de::Error::custom(t!(
            "config-duration-invalid",
            value = format!("{text:?}"),
            error = err.to_string()
        ))
    })?;
    if value > LONGEST {
        return Err(de::Error::custom(t!(
            "config-duration-too-long",
            value = format!("{text:?}")
        )));
    }
    Ok(value)
}

/// Zero (meaning "never") or at least a second.
fn any_duration<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
    let value = duration(d)?;
    if !value.is_zero() && value < Duration::from_secs(1) {
        return Err(de::Error::custom(t!("config-duration-zero-or-second")));
    }
    Ok(Some(value))
}

fn positive_duration<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
    let value = duration(d)?;
    if value < Duration::from_secs(1) {
        return Err(de::Error::custom(t!("config-duration-at-least-second")));
    }
    Ok(Some(value))
}

fn days<'de, D: Deserializer<'de>>(d: D) -> Result<Option<[bool; 7]>, D::Error> {
    let names =
        Vec::<String>::deserialize(d).map_err(|_| de::Error::custom(t!("config-days-expected")))?;
    let mut days = [false; 7];
    for name in &names {
        let Some(i) = DAY_NAMES
            .iter()
            .position(|d| d.eq_ignore_ascii_case(name.trim()))
        else {
            return Err(de::Error::custom(t!(
                "config-day-unknown",
                value = format!("{name:?}")
            )));
        };
        days[i] = true;
    }
    if !days.contains(&true) {
        return Err(de::Error::custom(t!("config-days-empty")));
    }
    Ok(Some(days))
}

/// One range (`"09:00-17:30"`) or a list of them.
fn ranges<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<Range>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    let texts = match OneOrMany::deserialize(d)
        .map_err(|_| de::Error::custom(t!("config-hours-expected")))?
    {
        OneOrMany::One(text) => vec![text],
        OneOrMany::Many(texts) => texts,
    };
    if texts.is_empty() {
        return Err(de::Error::custom(t!("config-hours-empty")));
    }
    texts
        .iter()
        .map(|text| Range::parse(text).map_err(de::Error::custom))
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// Zero (off) or at least a second.
fn micro_every<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
    let value = duration(d)?;
    if !value.is_zero() && value < Duration::from_secs(1) {
        return Err(de::Error::custom(t!("config-duration-zero-or-second")));
    }
    Ok(Some(value))
}

/// From a second to five minutes: a cue, not a break.
fn micro_length<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
    let value = duration(d)?;
    if value < Duration::from_secs(1) || value > Duration::from_secs(5 * 60) {
        return Err(de::Error::custom(t!("config-micro-length-range")));
    }
    Ok(Some(value))
}

fn max_snoozes<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let value =
        i64::deserialize(d).map_err(|_| de::Error::custom(t!("config-max-snoozes-expected")))?;
    match u32::try_from(value) {
        Ok(n) if n <= 20 => Ok(Some(n)),
        _ => Err(de::Error::custom(t!(
            "config-max-snoozes-out-of-range",
            value = value
        ))),
    }
}

fn goal<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    let value = i64::deserialize(d).map_err(|_| de::Error::custom(t!("config-goal-expected")))?;
    match u8::try_from(value) {
        Ok(n) if (1..=100).contains(&n) => Ok(Some(n)),
        _ => Err(de::Error::custom(t!(
            "config-goal-out-of-range",
            value = value
        ))),
    }
}

fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    bool::deserialize(d)
        .map(Some)
        .map_err(|_| de::Error::custom(t!("config-flag-expected")))
}

fn positions<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<Position>>, D::Error> {
    let values = Vec::<String>::deserialize(d)
        .map_err(|_| de::Error::custom(t!("config-positions-expected")))?;
    let mut out = Vec::new();
    for value in &values {
        let position = match value.as_str() {
            "seated" => Position::Seated,
            "standing" => Position::Standing,
            other => {
                return Err(de::Error::custom(t!(
                    "config-position-unknown",
                    value = format!("{other:?}")
                )));
            }
        };
        if !out.contains(&position) {
            out.push(position);
        }
    }
    if out.is_empty() {
        return Err(de::Error::custom(t!("config-positions-empty")));
    }
    Ok(Some(out))
}

fn exercise_ids<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    // Whether each id exists is checked against the whole library (with the user's own
    // exercises) in `Config::parse_with`.
    let ids = Vec::<String>::deserialize(d)
        .map_err(|_| de::Error::custom(t!("config-exclude-expected")))?;
    Ok(Some(ids))
}

fn backend<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Choice>, D::Error> {
    // The names as the file writes them; not words to translate.
    let hint = r#""auto", "wayland", "gnome", "x11", "screensaver", "none""#;
    let name = String::deserialize(d)
        .map_err(|_| de::Error::custom(t!("config-backend-expected", choices = hint)))?;
    if name == "auto" {
        return Ok(Some(Choice::Auto));
    }
    Kind::from_name(&name)
        .map(|kind| Some(Choice::Only(kind)))
        .ok_or_else(|| {
            de::Error::custom(t!(
                "config-backend-unknown",
                value = format!("{name:?}"),
                choices = hint
            ))
        })
}

fn language<'de, D: Deserializer<'de>>(d: D) -> Result<Option<crate::i18n::Choice>, D::Error> {
    let name = String::deserialize(d).map_err(|_| {
        de::Error::custom(crate::t!(
            "config-language-expected",
            choices = crate::i18n::choices()
        ))
    })?;
    name.parse().map(Some).map_err(de::Error::custom)
}

fn tray_enabled<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<crate::effects::tray::Enabled>, D::Error> {
    use crate::effects::tray::Enabled;
    match String::deserialize(d)
        .map_err(|_| de::Error::custom(t!("config-tray-expected")))?
        .as_str()
    {
        "auto" => Ok(Some(Enabled::Auto)),
        "off" => Ok(Some(Enabled::Off)),
        other => Err(de::Error::custom(t!(
            "config-tray-unknown",
            value = format!("{other:?}")
        ))),
    }
}
