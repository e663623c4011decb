//! The `deskbreak` binary: parse the command line, run the command, map errors to an
//! exit status (0 success, 1 failure, 2 bad usage).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Parser;
use tracing_subscriber::EnvFilter;

use deskbreak::cli::{Cli, Command, ConfigCommand, Format};
use deskbreak::config::{Config, DEFAULT_TOML};
use deskbreak::exercises::Library;
use deskbreak::paths::Paths;
use deskbreak::store::{ensure_dir, history};
use deskbreak::{control, daemon, stats, status_view};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("deskbreak: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let paths = Paths::resolve(cli.config)?;
    match cli.command {
        Command::Run => run_daemon(paths),
        Command::Config(ConfigCommand::Path) => {
            println!("{}", paths.config.display());
            Ok(())
        }
        Command::Config(ConfigCommand::Check) => {
            if !paths.config.exists() {
                println!(
                    "{}: no config file; the built-in defaults apply",
                    paths.config.display()
                );
                return Ok(());
            }
            Config::load(&paths.config)?;
            println!("{}: ok", paths.config.display());
            Ok(())
        }
        Command::Config(ConfigCommand::Init) => config_init(&paths),
        Command::Stats { days } => {
            let found = history::read(&paths.history())?;
            if !found.damaged_lines.is_empty() {
                eprintln!(
                    "deskbreak: skipped {} damaged line(s) in {}",
                    found.damaged_lines.len(),
                    paths.history().display()
                );
            }
            let summary = stats::summarize(&found.entries, chrono::Local::now(), days);
            print!("{summary}");
            Ok(())
        }
        Command::Exercises => {
            list_exercises();
            Ok(())
        }
        Command::Done => control_call(control::Command::Done),
        Command::Snooze { duration } => control_call(control::Command::Snooze(duration)),
        Command::Skip => control_call(control::Command::Skip),
        Command::Now => control_call(control::Command::BreakNow),
        Command::Pause {
            duration,
            until: Some(at),
        } => {
            debug_assert!(duration.is_none(), "clap makes them exclusive");
            control_call(control::Command::PauseUntil(at))
        }
        Command::Pause {
            duration,
            until: None,
        } => control_call(control::Command::Pause(duration)),
        Command::Resume => control_call(control::Command::Resume),
        Command::Reload => control_call(control::Command::Reload),
        Command::Status {
            json,
            format,
            follow,
        } => status(if json { Format::Json } else { format }, follow),
    }
}

fn run_daemon(paths: Paths) -> Result<()> {
    init_logging();
    let config = Config::load(&paths.config)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let shutdown = shutdown_signal()?;
        daemon::run(paths, config, shutdown).await?;
        Ok(())
    })
}

fn client_runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

fn control_call(command: control::Command) -> Result<()> {
    let answer = client_runtime()?.block_on(async {
        let client = control::Client::connect().await?;
        client.call(command).await
    })?;
    println!("{answer}");
    Ok(())
}

/// `deskbreak status`: once, or one line per change with `--follow`.
fn status(format: Format, follow: bool) -> Result<()> {
    let render = move |status: Option<&control::Status>| {
        let now = chrono::Local::now();
        match format {
            Format::Text => status_view::text(status, now),
            Format::Json => status_view::json(status, now),
            Format::Waybar => status_view::waybar(status, now),
        }
    };
    client_runtime()?.block_on(async {
        let client = control::Client::connect().await?;
        if !follow {
            let status = client.status().await?;
            println!("{}", render(Some(&status)));
            return Ok(());
        }
        let mut last = String::new();
        let mut stdout = std::io::stdout();
        // A line only when what it says changes; a closed stdout (the bar went away)
        // ends the loop.
        client
            .follow(
                |status| {
                    let line = render(status);
                    if line == last {
                        return true;
                    }
                    last = line;
                    writeln!(stdout, "{last}")
                        .and_then(|()| stdout.flush())
                        .is_ok()
                },
                std::time::Duration::from_secs(15),
            )
            .await?;
        Ok(())
    })
}

/// Completes on SIGTERM or SIGINT.
fn shutdown_signal() -> Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate()).context("cannot listen for SIGTERM")?;
    let mut int = signal(SignalKind::interrupt()).context("cannot listen for SIGINT")?;
    Ok(async move {
        tokio::select! {
            _ = term.recv() => tracing::info!("SIGTERM: shutting down"),
            _ = int.recv() => tracing::info!("SIGINT: shutting down"),
        }
    })
}

/// Logs go to stderr. Under systemd (which sets `JOURNAL_STREAM`) the journal adds its own
/// timestamps, so none are printed; colours only on a terminal. `RUST_LOG` filters.
fn init_logging() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let under_journal = std::env::var_os("JOURNAL_STREAM").is_some();
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none())
        .with_target(false);
    if under_journal {
        builder.without_time().init();
    } else {
        builder.init();
    }
}

fn config_init(paths: &Paths) -> Result<()> {
    let path = &paths.config;
    if path.exists() {
        bail!(
            "{} already exists; not overwriting it (remove it first to start over)",
            path.display()
        );
    }
    if let Some(dir) = path.parent() {
        ensure_dir(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(DEFAULT_TOML.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    println!("wrote the default config to {}", path.display());
    Ok(())
}

fn list_exercises() {
    for e in Library::embedded().all() {
        let needs: Vec<&str> = e.needs.iter().map(|n| n.as_str()).collect();
        let needs = if needs.is_empty() {
            String::new()
        } else {
            format!(", needs {}", needs.join(" and "))
        };
        println!("{:<28} {}", e.id, e.name);
        println!(
            "{:<28} {}, {}, {}, about {}{needs}",
            "",
            e.position.as_str(),
            e.area.as_str(),
            e.dose,
            deskbreak::human::duration(e.duration()),
        );
    }
}
