//! Command-line interface definitions (clap). `main.rs` carries them out.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

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
    /// Inspect or create the config file.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Summarize the break history of the last days.
    Stats {
        /// How many days, today included.
        #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=3660))]
        days: u32,
    },
    /// List the exercises deskbreak can suggest.
    Exercises,
    /// Tell the running daemon the due break is done.
    Done,
    /// Put the due break off for `breaks.snooze`.
    Snooze,
    /// Skip the due break.
    Skip,
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
