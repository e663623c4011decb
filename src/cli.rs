//! Command-line interface definitions (clap). `main.rs` carries them out.

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Local, NaiveDate, NaiveTime};
use clap::{Parser, Subcommand, ValueEnum};

/// deskbreak: get up and move before your back complains.
///
/// Tracks how long you have been sitting and, when a break is due, suggests one
/// desk-friendly exercise in a desktop notification with Done, Snooze and Skip buttons.
#[derive(Debug, Parser)]
#[command(name = "deskbreak", version, about, long_about)]
pub struct Cli {
    /// Use this config file instead of $XDG_CONFIG_HOME/deskbreak/config.toml.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the daemon in the foreground (what the systemd user service runs).
    Run,
    /// Show what the running daemon is doing: phase, sitting time, next break.
    Status {
        /// Print the full status as JSON (same as --format json).
        #[arg(long, conflicts_with = "format")]
        json: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Keep running and print a line every time the status changes (for bars).
        #[arg(long)]
        follow: bool,
    },
    /// The due break is done.
    Done,
    /// Put the due break off, by DURATION or by `breaks.snooze`.
    Snooze {
        /// How long, e.g. "15m".
        #[arg(value_parser = parse_duration)]
        duration: Option<Duration>,
    },
    /// Skip the due break.
    Skip,
    /// Take a break now: show a prompt whatever the sitting time.
    Now,
    /// Pause reminders for DURATION, until a time, or until `deskbreak resume`.
    Pause {
        /// How long, e.g. "1h 30m".
        #[arg(value_parser = parse_duration, conflicts_with = "until")]
        duration: Option<Duration>,
        /// Until this time of day, e.g. "14:00" (tomorrow if already past today).
        #[arg(long, value_name = "HH:MM", value_parser = parse_time_of_day)]
        until: Option<DateTime<Local>>,
    },
    /// End a pause.
    Resume,
    /// Make the running daemon re-read its config file.
    Reload,
    /// Inspect or create the config file.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Chart your breaks: taken, skipped and snoozed per day, sitting time, the longest
    /// stretch without a break, the share taken, streak and body areas.
    Stats {
        /// How many days, today included (1 to 3650). Past 31 the rows are weeks.
        #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=3650))]
        days: u32,
        /// From this date (YYYY-MM-DD) up to today, instead of --days.
        #[arg(long, value_name = "DATE", value_parser = parse_date, conflicts_with = "days")]
        since: Option<NaiveDate>,
        /// Print the figures as JSON (the schema is in the README).
        #[arg(long)]
        json: bool,
    },
    /// Print every line of the break history, oldest first.
    History {
        /// As CSV with a header row, for a spreadsheet.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// As one JSON array.
        #[arg(long)]
        json: bool,
    },
    /// List the exercises deskbreak can suggest (yours and excluded ones marked), or show
    /// one in full.
    Exercises {
        /// What to do; without one, list them.
        #[command(subcommand)]
        command: Option<ExercisesCommand>,
    },
    /// Follow a guided break in this terminal: the due break, or exercise ID. With no
    /// break due, `guide ID` is practice and records nothing.
    Guide {
        /// The exercise (see `deskbreak exercises`); default: the due break's.
        id: Option<String>,
    },
    /// Start deskbreak with your desktop (a systemd user service), or stop doing so.
    #[command(subcommand)]
    Service(ServiceCommand),
    /// Check why breaks might not come: bus, notifications, idle backend, logind, config,
    /// service. It changes nothing, but starts each idle backend briefly to see whether it
    /// works. Exits with status 1 if something needs fixing.
    Doctor,
    /// Print the shell completion script for SHELL, e.g.
    /// `deskbreak completions bash > ~/.local/share/bash-completion/completions/deskbreak`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write the man pages (deskbreak.1 and one per subcommand) into DIR; packaging
    /// runs it.
    #[command(hide = true)]
    Manpages {
        /// The folder to write them into (created if missing).
        dir: PathBuf,
    },
}

/// `deskbreak exercises …`
#[derive(Debug, Subcommand)]
pub enum ExercisesCommand {
    /// Print one exercise in full: steps, dose, safety, source.
    Show {
        /// The exercise id (see `deskbreak exercises`).
        id: String,
    },
}

/// `deskbreak service …`
#[derive(Debug, Subcommand)]
pub enum ServiceCommand {
    /// Install the systemd user service for this binary, enable it and start it.
    Install {
        /// Without systemd: write an XDG autostart entry instead, so the desktop starts
        /// deskbreak at login.
        #[arg(long)]
        autostart: bool,
    },
    /// Stop and disable the service and remove what `install` wrote.
    Uninstall,
}

/// How `status` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One line in words.
    Text,
    /// The full status as one JSON object per line.
    Json,
    /// One JSON line for waybar's custom module: text, tooltip, class, percentage.
    Waybar,
}

/// `deskbreak config …`
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Write the commented default config (refuses to overwrite an existing file).
    Init,
    /// Check the config file and report the first problem.
    Check,
    /// Print the config file's path.
    Path,
}

/// A duration the human way, between 1 s and 24 h.
fn parse_duration(text: &str) -> Result<Duration, String> {
    let d = humantime::parse_duration(text.trim())
        .map_err(|e| format!("{e}; expected a duration such as \"15m\" or \"1h 30m\""))?;
    if d < Duration::from_secs(1) || d > Duration::from_secs(24 * 60 * 60) {
        return Err("must be between 1s and 24h".into());
    }
    Ok(d)
}

/// "2026-11-23" → that date.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{text:?} is not a date; expected YYYY-MM-DD, e.g. 2026-11-23"))
}

/// "14:00" → the next such moment (today, or tomorrow if it has passed).
fn parse_time_of_day(text: &str) -> Result<DateTime<Local>, String> {
    let time = NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| format!("{text:?} is not a time of day; expected HH:MM, e.g. 14:00"))?;
    let now = Local::now();
    let mut day = now.date_naive();
    for _ in 0..2 {
        if let Some(at) = day.and_time(time).and_local_timezone(Local).earliest()
            && at > now
        {
            return Ok(at);
        }
        day = day.succ_opt().ok_or("no such day")?;
    }
    Err(format!(
        "{text} does not exist today or tomorrow (a clock change?)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_checked() {
        assert_eq!(parse_duration("15m"), Ok(Duration::from_secs(900)));
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("2d").is_err());
        assert!(parse_duration("soon").unwrap_err().contains("15m"));
    }

    #[test]
    fn dates_are_iso() {
        assert_eq!(
            parse_date("2026-11-23"),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
        );
        assert!(parse_date("23/11/2026").unwrap_err().contains("YYYY-MM-DD"));
    }

    #[test]
    fn a_time_of_day_is_the_next_such_moment() {
        let at = parse_time_of_day("14:00").unwrap();
        let now = Local::now();
        assert!(at > now && at - now <= chrono::Duration::hours(24));
        assert_eq!(at.format("%H:%M").to_string(), "14:00");
        assert!(parse_time_of_day("25:00").is_err());
    }

    #[test]
    fn the_cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
