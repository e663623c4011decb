//! Configuration: the TOML file ([`file`]) turned into validated settings ([`Config`]).
//!
//! A missing file means the embedded defaults ([`DEFAULT_TOML`], which is also what
//! `deskbreak config init` writes). A broken file is an error that names the file, the
//! line, the key and what was expected.

pub mod file;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::engine::micro::MicroRules;
use crate::engine::{Preferences, Rules, Schedule};
use crate::exercises::Library;
use crate::sources::activity::Choice;
use crate::sources::holds::Respect;
use crate::store::{MAX_CONFIG_BYTES, read_regular};
use file::RawConfig;

/// `micro.length` when not given.
const MICRO_LENGTH: std::time::Duration = std::time::Duration::from_secs(20);

/// The commented default config, embedded in the binary.
pub const DEFAULT_TOML: &str = include_str!("default.toml");

/// Validated settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// Timing rules for the engine.
    pub rules: Rules,
    /// Which exercises to suggest.
    pub preferences: Preferences,
    /// Which idle backend to use.
    pub backend: Choice,
    /// When to show the tray icon.
    pub tray: crate::effects::tray::Enabled,
    /// `[stats]`: the streak's goal and the weekly summary.
    pub stats: StatsConfig,
    /// `guide.sound`: a short sound when a guided break ends.
    pub guide_sound: bool,
    /// `[respect]`: when a due break waits (do-not-disturb, fullscreen, meetings).
    pub respect: Respect,
    /// `[schedule]`: working hours.
    pub schedule: Schedule,
    /// `ui.language`: the language of messages.
    pub language: crate::i18n::Choice,
}

/// `[stats]`, validated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatsConfig {
    /// The adherence (taken ÷ (taken + skipped)) a day needs for the streak, in percent.
    pub goal_percent: u8,
    /// Give a summary of last week on the first working day of a week.
    pub weekly_summary: bool,
}

impl Default for StatsConfig {
    fn default() -> Self {
        Self {
            goal_percent: 80,
            weekly_summary: false,
        }
    }
}

/// Why a config file was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line and column, when the problem has a place.
    pub location: Option<(usize, usize)>,
    /// The key path, e.g. `breaks.interval`.
    pub key: Option<String>,
    /// What is wrong and what is expected.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, column)) = self.location {
            write!(f, ":{line}:{column}")?;
        }
        if let Some(key) = &self.key {
            write!(f, ": {key}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

/// What is at the config path.
#[derive(Clone, Debug, PartialEq, Eq)]
#[expect(
    clippy::large_enum_variant,
    reason = "made once per read of the file and unpacked at once; a box buys nothing"
)]
pub enum Found {
    /// No file (or a symlink to nothing): the defaults apply at start-up.
    Missing,
    /// A file with nothing but white space in it: the defaults at start-up, but while
    /// running most likely an editor between truncating and writing.
    Empty,
    /// A valid file.
    Config(Config),
}

impl Config {
    /// Load the config at `path`; a missing or empty file gives the defaults.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        Self::load_with(path, &Library::embedded())
    }

    /// Load the config at `path`, checking exercise ids against `library` (the built-in
    /// exercises and the user's own); a missing or empty file gives the defaults.
    pub fn load_with(path: &Path, library: &Library) -> Result<Self, ConfigError> {
        match Self::read_with(path, library)? {
            Found::Missing | Found::Empty => Ok(Self::default()),
            Found::Config(config) => Ok(config),
        }
    }

    /// Read the config at `path`, telling a missing or empty file from a valid one.
    ///
    /// The file is read without blocking and capped at [`MAX_CONFIG_BYTES`]: a FIFO, a
    /// device or a folder there is an error naming the file, as is a symlink loop or a
    /// name too long; only "nothing there" is [`Found::Missing`].
    pub fn read(path: &Path) -> Result<Found, ConfigError> {
        Self::read_with(path, &Library::embedded())
    }

    /// [`Config::read`], checking exercise ids against `library`.
    pub fn read_with(path: &Path, library: &Library) -> Result<Found, ConfigError> {
        let unreadable = |message: String| ConfigError {
            path: path.to_owned(),
            location: None,
            key: None,
            message: crate::t!("config-unreadable", error = message),
        };
        let bytes = match read_regular(path, MAX_CONFIG_BYTES) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return Ok(Found::Missing),
            Err(err) => return Err(unreadable(err.reason())),
        };
        let text = String::from_utf8(bytes).map_err(|err| {
            let at = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let before = String::from_utf8_lossy(&bytes[..at]).into_owned();
            ConfigError {
                path: path.to_owned(),
                location: Some(line_column(&before, before.len())),
                key: None,
                message: crate::t!("config-not-utf8"),
            }
        })?;
        if text.trim().is_empty() {
            return Ok(Found::Empty);
        }
        Self::parse_with(&text, path, library).map(Found::Config)
    }

    /// Parse config text; `path` is only used in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<Self, ConfigError> {
        Self::parse_with(text, path, &Library::embedded())
    }

    /// Parse config text, checking exercise ids against `library`.
    pub fn parse_with(text: &str, path: &Path, library: &Library) -> Result<Self, ConfigError> {
        let raw: RawConfig = parse_raw(text).map_err(|(span, key, message)| ConfigError {
            path: path.to_owned(),
            location: span.map(|at| line_column(text, at)),
            key,
            message,
        })?;
        let defaults = Self::default();
        let rules = Rules {
            interval: raw.breaks.interval.unwrap_or(defaults.rules.interval),
            snooze: raw.breaks.snooze.unwrap_or(defaults.rules.snooze),
            max_snoozes: raw.breaks.max_snoozes.unwrap_or(defaults.rules.max_snoozes),
            renotify: match raw.breaks.renotify {
                Some(d) if d.is_zero() => None,
                Some(d) => Some(d),
                None => defaults.rules.renotify,
            },
            natural_break: raw
                .activity
                .natural_break
                .unwrap_or(defaults.rules.natural_break),
            micro: match raw.micro.every {
                Some(every) if !every.is_zero() => Some(MicroRules {
                    every,
                    length: raw.micro.length.unwrap_or(MICRO_LENGTH),
                }),
                _ => None,
            },
        };
        let schedule = match (raw.schedule.days, raw.schedule.hours) {
            (None, None) => Schedule::default(),
            (days, hours) => {
                let days = days.unwrap_or([true; 7]);
                let hours = hours.unwrap_or_else(|| Schedule::always().ranges().to_vec());
                // Both are non-empty: their deserializers say so.
                Schedule::new(days, hours).unwrap_or_default()
            }
        };
        let preferences = Preferences {
            positions: raw
                .exercises
                .positions
                .unwrap_or(defaults.preferences.positions),
            exclude: raw.exercises.exclude.unwrap_or_default(),
        };
        if let Some(unknown) = preferences
            .exclude
            .iter()
            .find(|id| library.get(id).is_none())
        {
            let quoted = format!("{unknown:?}");
            let location = text.lines().position(|l| l.contains(&quoted)).map(|i| {
                (
                    i + 1,
                    text.lines()
                        .nth(i)
                        .and_then(|l| l.find(&quoted))
                        .map_or(1, |c| c + 1),
                )
            });
            return Err(ConfigError {
                path: path.to_owned(),
                location,
                key: Some("exercises.exclude".into()),
                message: crate::t!("config-exercise-unknown", value = quoted),
            });
        }
        if !library.all().iter().any(|e| preferences.allows(e)) {
            return Err(ConfigError {
                path: path.to_owned(),
                location: find_line(text, "[exercises]").map(|line| (line, 1)),
                key: Some("exercises".into()),
                message: crate::t!("config-no-exercise-left"),
            });
        }
        Ok(Self {
            rules,
            preferences,
            backend: raw.activity.backend.unwrap_or_default(),
            tray: raw.tray.enabled.unwrap_or_default(),
            language: raw.ui.language.unwrap_or_default(),
            stats: StatsConfig {
                goal_percent: raw.stats.goal.unwrap_or(defaults.stats.goal_percent),
                weekly_summary: raw
                    .stats
                    .weekly_summary
                    .unwrap_or(defaults.stats.weekly_summary),
            },
            guide_sound: raw.guide.sound.unwrap_or(defaults.guide_sound),
            respect: Respect {
                do_not_disturb: raw
                    .respect
                    .do_not_disturb
                    .unwrap_or(defaults.respect.do_not_disturb),
                fullscreen: raw
                    .respect
                    .fullscreen
                    .unwrap_or(defaults.respect.fullscreen),
                meetings: raw.respect.meetings.unwrap_or(defaults.respect.meetings),
                max_delay: match raw.respect.max_delay {
                    Some(d) if d.is_zero() => None,
                    Some(d) => Some(d),
                    None => defaults.respect.max_delay,
                },
            },
            schedule,
        })
    }
}

/// Why there is no config at `path`, in words, for a path where [`Config::read`] found
/// nothing: usually no file, but a dotfile manager's symlink may point at nothing.
#[must_use]
pub fn missing(path: &Path) -> String {
    match std::fs::read_link(path) {
        Ok(target) => crate::t!(
            "config-missing-symlink",
            target = target.display().to_string()
        ),
        Err(_) => crate::t!("config-missing"),
    }
}

type RawError = (Option<usize>, Option<String>, String);

fn parse_raw(text: &str) -> Result<RawConfig, RawError> {
    let deserializer = toml::Deserializer::parse(text).map_err(|err| {
        let message = crate::t!("config-toml-syntax", error = err.message());
        (err.span().map(|s| s.start), None, message)
    })?;
    serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        let key = (path != ".").then_some(path);
        (
            inner.span().map(|s| s.start),
            key,
            serde_words(inner.message()),
        )
    })
}

/// serde's own words for what the raw layer refuses, in the current language: an unknown
/// key with the keys its table has, a table given a value. Anything else is already the
/// catalog's (the fields' own checks word theirs) and stays as it is.
pub(crate) fn serde_words(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((_field, expected)) = rest.split_once('`')
    {
        let choices = expected
            .strip_prefix(", expected one of ")
            .or_else(|| expected.strip_prefix(", expected "));
        return match choices {
            Some(choices) => crate::t!("config-key-unknown", choices = choices.replace('`', "")),
            None => crate::t!("config-key-unknown-none"),
        };
    }
    // A section (its raw type is a struct) written as a value: `breaks = 5`.
    if message.starts_with("invalid type: ") && message.contains(", expected struct Raw") {
        return crate::t!("config-table-expected");
    }
    message.to_owned()
}

/// 1-based line and column of byte offset `at`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn find_line(text: &str, needle: &str) -> Option<usize> {
    text.lines()
        .position(|l| l.trim().starts_with(needle))
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::exercises::Position;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/cfg/config.toml"))
    }

    fn error(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn the_commented_default_file_is_exactly_the_defaults() {
        assert_eq!(parse(DEFAULT_TOML).unwrap(), Config::default());
    }

    #[test]
    fn an_empty_file_means_defaults() {
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn durations_are_human() {
        let config = parse(
            "[breaks]\ninterval = \"1h 30m\"\nsnooze = \"20s\"\nrenotify = \"0s\"\n\
             [activity]\nnatural_break = \"2m\"\n",
        )
        .unwrap();
        assert_eq!(config.rules.interval, Duration::from_secs(90 * 60));
        assert_eq!(config.rules.snooze, Duration::from_secs(20));
        assert_eq!(config.rules.renotify, None, "0s = never");
        assert_eq!(config.rules.natural_break, Duration::from_secs(120));
    }

    #[test]
    fn backend_can_be_forced() {
        use crate::sources::activity::Kind;
        let config = parse("[activity]\nbackend = \"x11\"\n").unwrap();
        assert_eq!(config.backend, Choice::Only(Kind::X11));
        let config = parse("[activity]\nbackend = \"none\"\n").unwrap();
        assert_eq!(config.backend, Choice::Only(Kind::None));
        assert_eq!(parse("").unwrap().backend, Choice::Auto);
    }

    #[test]
    fn respect_is_on_by_default_and_each_can_be_turned_off() {
        let config = parse("").unwrap();
        assert_eq!(config.respect, Respect::default());
        assert!(config.respect.do_not_disturb && config.respect.fullscreen);
        assert!(config.respect.meetings);
        assert_eq!(config.respect.max_delay, None);
        let config = parse(
            "[respect]\ndo_not_disturb = false\nfullscreen = false\nmeetings = false\n\
             max_delay = \"20m\"\n",
        )
        .unwrap();
        assert!(!config.respect.any());
        assert_eq!(config.respect.max_delay, Some(Duration::from_secs(20 * 60)));
        assert_eq!(
            parse("[respect]\nmax_delay = \"0s\"\n")
                .unwrap()
                .respect
                .max_delay,
            None,
            "0s = wait as long as it takes"
        );
    }

    #[test]
    fn bad_respect_values_name_the_line_and_key() {
        let err = error("[breaks]\ninterval = \"45m\"\n[respect]\nmeetings = \"yes\"\n");
        assert_eq!(
            err,
            "/cfg/config.toml:4:12: respect.meetings: expected true or false"
        );
        let err = error("[respect]\nmax_delay = \"soon\"\n");
        assert!(
            err.starts_with("/cfg/config.toml:2:13: respect.max_delay: invalid duration \"soon\""),
            "{err}"
        );
        let err = error("[respect]\ncamera = true\n");
        assert!(
            err.ends_with(
                "respect.camera: unknown key: expected one of do_not_disturb, fullscreen, \
                 meetings, max_delay"
            ),
            "{err}"
        );
    }

    #[test]
    fn the_tray_can_be_turned_off() {
        use crate::effects::tray::Enabled;
        assert_eq!(parse("").unwrap().tray, Enabled::Auto);
        assert_eq!(
            parse("[tray]\nenabled = \"off\"\n").unwrap().tray,
            Enabled::Off
        );
        let e = error("[tray]\nenabled = \"no\"\n");
        assert!(
            e.starts_with("/cfg/config.toml:2:11: tray.enabled: "),
            "{e}"
        );
        assert!(e.contains("expected \"auto\""), "{e}");
    }

    #[test]
    fn serdes_and_tomls_own_words_are_framed_in_the_language_in_use() {
        use crate::i18n::{Lang, scoped};
        let e = error("[breaks]\nintervall = \"5m\"\n");
        assert!(
            e.ends_with(
                ":2:1: breaks.intervall: unknown key: expected one of interval, snooze, \
                 max_snoozes, renotify"
            ),
            "{e}"
        );
        let e = error("breaks = 5\n");
        assert!(
            e.ends_with(":1:10: breaks: expected a table (a [section] header and its keys)"),
            "{e}"
        );
        let e = error("[breaks\n");
        assert!(
            e.ends_with(":1:8: not valid TOML: unclosed table, expected `]`"),
            "{e}"
        );
        let german = |text: &str| scoped(Lang::De, || error(text));
        assert!(
            german("[breaks]\nintervall = \"5m\"\n").ends_with(
                "breaks.intervall: unbekannter Schlüssel: erwartet wird einer von interval, \
                 snooze, max_snoozes, renotify"
            ),
            "{}",
            german("[breaks]\nintervall = \"5m\"\n")
        );
        assert!(
            german("[breaks\n").ends_with(": kein gültiges TOML: unclosed table, expected `]`")
        );
        // The fields' own words are not framed again.
        let e = german("[respect]\nfullscreen = \"yes\"\n");
        assert!(
            e.ends_with("respect.fullscreen: erwartet wird true oder false"),
            "{e}"
        );
        assert_eq!(
            serde_words("unknown field `x`, there are no fields"),
            "unknown key: this table has no keys"
        );
    }

    #[test]
    fn stats_settings_are_read_and_checked() {
        let config = parse("[stats]\ngoal = 90\nweekly_summary = true\n").unwrap();
        assert_eq!(config.stats.goal_percent, 90);
        assert!(config.stats.weekly_summary);
        let e = error("[stats]\ngoal = 0\n");
        assert!(
            e.contains(":2:") && e.contains("stats.goal") && e.contains("1 to 100"),
            "{e}"
        );
        let e = error("[stats]\ngoal = \"80%\"\n");
        assert!(e.contains("stats.goal: expected a whole number"), "{e}");
        let e = error("[stats]\nweekly_summary = \"yes\"\n");
        assert!(
            e.contains("stats.weekly_summary: expected true or false"),
            "{e}"
        );
    }

    #[test]
    fn exercise_preferences_are_read() {
        let config =
            parse("[exercises]\npositions = [\"seated\"]\nexclude = [\"chin-tucks\"]\n").unwrap();
        assert_eq!(config.preferences.positions, vec![Position::Seated]);
        assert_eq!(config.preferences.exclude, vec!["chin-tucks".to_owned()]);
    }

    #[test]
    fn unknown_key_names_file_line_key_and_what_is_expected() {
        let e = error("[breaks]\ninterval = \"45m\"\nintervall = \"30m\"\n");
        assert!(
            e.starts_with("/cfg/config.toml:3:1: breaks.intervall: "),
            "{e}"
        );
        assert!(e.contains("unknown key: expected one of interval,"), "{e}");
    }

    #[test]
    fn unknown_table_is_an_error() {
        let e = error("[brakes]\ninterval = \"45m\"\n");
        assert!(
            e.starts_with("/cfg/config.toml:1:2: brakes: unknown key: expected one of breaks,"),
            "{e}"
        );
    }

    #[test]
    fn bad_duration_explains_the_format() {
        let e = error("[breaks]\nsnooze = \"ten minutes\"\n");
        assert!(
            e.starts_with("/cfg/config.toml:2:10: breaks.snooze: "),
            "{e}"
        );
        assert!(e.contains("invalid duration \"ten minutes\""), "{e}");
        assert!(e.contains("\"1h 30m\""), "{e}");
    }

    #[test]
    fn wrong_types_are_errors() {
        let e = error("[breaks]\ninterval = 45\n");
        assert!(e.contains("breaks.interval: expected a duration"), "{e}");
        let e = error("[breaks]\nmax_snoozes = \"3\"\n");
        assert!(
            e.contains("breaks.max_snoozes: expected a whole number"),
            "{e}"
        );
        let e = error("[exercises]\npositions = \"seated\"\n");
        assert!(e.contains("exercises.positions: expected a list"), "{e}");
    }

    #[test]
    fn impossible_values_are_errors() {
        for (text, key, what) in [
            (
                "[breaks]\ninterval = \"0s\"\n",
                "breaks.interval",
                "at least 1s",
            ),
            (
                "[breaks]\ninterval = \"3d\"\n",
                "breaks.interval",
                "longer than 24h",
            ),
            (
                "[breaks]\nmax_snoozes = -1\n",
                "breaks.max_snoozes",
                "out of range",
            ),
            (
                "[breaks]\nmax_snoozes = 99\n",
                "breaks.max_snoozes",
                "out of range",
            ),
            (
                "[activity]\nnatural_break = \"0s\"\n",
                "activity.natural_break",
                "at least 1s",
            ),
            (
                "[exercises]\npositions = []\n",
                "exercises.positions",
                "must not be empty",
            ),
            (
                "[exercises]\npositions = [\"lying\"]\n",
                "exercises.positions",
                "unknown position",
            ),
            (
                "[exercises]\nexclude = [\"nope\"]\n",
                "exercises.exclude",
                "unknown exercise id",
            ),
        ] {
            let e = error(text);
            assert!(e.contains(":2:"), "{text}: {e}");
            assert!(e.contains(key), "{text}: {e}");
            assert!(e.contains(what), "{text}: {e}");
        }
    }

    #[test]
    fn excluding_everything_is_an_error() {
        let ids: Vec<String> = Library::embedded()
            .all()
            .iter()
            .filter(|e| e.position == Position::Seated)
            .map(|e| format!("{:?}", e.id))
            .collect();
        let text = format!(
            "[exercises]\npositions = [\"seated\"]\nexclude = [{}]\n",
            ids.join(", ")
        );
        let e = error(&text);
        assert!(
            e.contains("config.toml:1:1: exercises: positions and exclude leave no"),
            "{e}"
        );
    }

    #[test]
    fn syntax_errors_have_a_place() {
        let e = error("[breaks]\ninterval = \"45m\n");
        assert!(e.starts_with("/cfg/config.toml:2:"), "{e}");
    }

    #[test]
    fn a_missing_file_means_defaults_an_unreadable_one_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            Config::load(&dir.path().join("absent.toml")).unwrap(),
            Config::default()
        );
        let e = Config::load(dir.path()).unwrap_err().to_string();
        assert!(e.contains("cannot read the file"), "{e}");
    }

    #[test]
    fn missing_empty_and_valid_files_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        assert_eq!(Config::read(&path).unwrap(), Found::Missing);
        std::fs::write(&path, "").unwrap();
        assert_eq!(Config::read(&path).unwrap(), Found::Empty);
        std::fs::write(&path, " \n\n").unwrap();
        assert_eq!(Config::read(&path).unwrap(), Found::Empty);
        // Comments only: a real file that asks for the defaults.
        std::fs::write(&path, "# mine\n").unwrap();
        assert_eq!(
            Config::read(&path).unwrap(),
            Found::Config(Config::default())
        );
    }

    #[test]
    fn special_files_oversized_files_and_loops_are_errors_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.toml");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
        )
        .unwrap();
        let e = Config::read(&fifo).unwrap_err().to_string();
        assert!(
            e.starts_with(&format!("{}: cannot read", fifo.display())),
            "{e}"
        );
        assert!(e.contains("FIFO"), "{e}");
        let e = Config::read(Path::new("/dev/urandom"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("character device"), "{e}");
        let big = dir.path().join("big.toml");
        let mut text = String::from("[breaks]\n");
        while text.len() as u64 <= MAX_CONFIG_BYTES {
            text.push_str("# padding padding padding padding padding padding\n");
        }
        std::fs::write(&big, &text).unwrap();
        let e = Config::read(&big).unwrap_err().to_string();
        assert!(e.contains("larger than 1 MiB"), "{e}");
        let (a, b) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        let e = Config::read(&a).unwrap_err().to_string();
        assert!(e.contains("symbolic links"), "{e}");
        let long = dir.path().join("x".repeat(300));
        let e = Config::read(&long).unwrap_err().to_string();
        assert!(e.contains("too long"), "{e}");
    }

    #[test]
    fn working_hours_and_micro_breaks_are_read() {
        let config = parse(
            "[schedule]\ndays = [\"mon\", \"Fri\"]\nhours = [\"08:30-12:00\", \"13:00-18:00\"]\n\
             [micro]\nevery = \"20m\"\n",
        )
        .unwrap();
        assert_eq!(
            config.schedule.days(),
            [true, false, false, false, true, false, false]
        );
        let ranges: Vec<String> = config
            .schedule
            .ranges()
            .iter()
            .map(|r| r.to_string())
            .collect();
        assert_eq!(ranges, ["08:30-12:00", "13:00-18:00"]);
        let micro = config.rules.micro.unwrap();
        assert_eq!(micro.every, Duration::from_secs(20 * 60));
        assert_eq!(micro.length, Duration::from_secs(20));
        let one = parse("[schedule]\nhours = \"09:00-17:30\"\n").unwrap();
        assert_eq!(one.schedule.days(), [true; 7]);
        assert!(!one.schedule.is_always());
        assert_eq!(
            parse("[micro]\nevery = \"0s\"\n").unwrap().rules.micro,
            None
        );
    }

    #[test]
    fn bad_working_hours_name_the_line_the_key_and_what_is_expected() {
        for (text, at, key, what) in [
            (
                "[schedule]\ndays = [\"mon\", \"fry\"]\n",
                "config.toml:2:",
                "schedule.days",
                "unknown day \"fry\"",
            ),
            (
                "[schedule]\ndays = []\n",
                "config.toml:2:",
                "schedule.days",
                "must not be empty",
            ),
            (
                "[schedule]\n\nhours = \"9-17\"\n",
                "config.toml:3:",
                "schedule.hours",
                "\"09:00-17:30\"",
            ),
            (
                "[schedule]\nhours = [\"09:00-12:00\", \"13:00-13:00\"]\n",
                "config.toml:2:",
                "schedule.hours",
                "empty range",
            ),
            (
                "[schedule]\nhours = 9\n",
                "config.toml:2:",
                "schedule.hours",
                "or a list",
            ),
            (
                "[micro]\nevery = \"500ms\"\n",
                "config.toml:2:",
                "micro.every",
                "at least 1s",
            ),
            (
                "[micro]\nlength = \"10m\"\n",
                "config.toml:2:",
                "micro.length",
                "from 1s to 5m",
            ),
        ] {
            let e = error(text);
            assert!(e.contains(at), "{text}: {e}");
            assert!(e.contains(&format!("{key}: ")), "{text}: {e}");
            assert!(e.contains(what), "{text}: {e}");
        }
    }
}
