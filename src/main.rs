//! The `deskbreak` binary: parse the command line, run the command, map errors to an
//! exit status (0 success, 1 failure, 2 bad usage).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Parser;
use tracing_subscriber::EnvFilter;

use deskbreak::cli::{Cli, Command, ConfigCommand, Format, ServiceCommand};
use deskbreak::config::{Config, DEFAULT_TOML};
use deskbreak::exercises::Library;
use deskbreak::paths::Paths;
use deskbreak::store::{ensure_dir, history};
use deskbreak::{control, daemon, doctor, service, stats, status_view};

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
        Command::Service(ServiceCommand::Install { autostart }) => {
            let mode = if autostart {
                service::Mode::Autostart
            } else {
                service::Mode::Systemd
            };
            service::install(mode, &mut |line| println!("{line}"))?;
            Ok(())
        }
        Command::Service(ServiceCommand::Uninstall) => {
            service::uninstall(&mut |line| println!("{line}"))?;
            Ok(())
        }
        Command::Doctor => {
            let checks = client_runtime()?.block_on(doctor::diagnose(&paths));
            print!("{}", doctor::render(&checks));
            if doctor::has_problem(&checks) {
                bail!("found a problem; the fixes are above");
            }
            Ok(())
        }
        Command::Completions { shell } => {
            use clap::CommandFactory;
            // Into memory first: clap_complete panics on a failed write (e.g. `| head`).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "deskbreak", &mut script);
            std::io::stdout()
                .write_all(&script)
                .context("cannot write the completions")?;
            Ok(())
        }
        Command::Manpages { dir } => write_man_pages(&dir),
    }
}

fn run_daemon(paths: Paths) -> Result<()> {
    init_logging();
    let config = Config::load(&paths.config)?;
    // One thread, plus one for the blocking file writes (they are awaited one at a
    // time): every extra thread would cost a stack and a malloc arena all day.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .max_blocking_threads(1)
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
    let render = move |status: Option<&deskbreak::status::Status>| {
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

/// deskbreak's own messages from info up; its libraries' only when something went wrong.
/// wayland-backend logs every connection error it also returns to us, and deskbreak
/// reports those itself, with what it does about them.
const DEFAULT_LOG_FILTER: &str = "warn,deskbreak=info,wayland_backend=off";

/// Logs go to stderr. Under systemd (which sets `JOURNAL_STREAM`) the journal adds its own
/// timestamps, so none are printed; colours only on a terminal. `RUST_LOG` filters; by
/// default deskbreak says what it does (info) and its libraries only what went wrong.
fn init_logging() {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_LOG_FILTER));
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

/// `deskbreak.1` from the clap definitions plus the sections clap does not know about,
/// and a page per subcommand (`deskbreak-service-install.1`, …), so the pages never drift
/// from `--help`.
fn write_man_pages(dir: &std::path::Path) -> Result<()> {
    use clap::CommandFactory;
    const EXTRA: &str = r".SH FILES
.TP
\fI$XDG_CONFIG_HOME/deskbreak/config.toml\fR
The config (default \fI~/.config/deskbreak/config.toml\fR); \fBdeskbreak config init\fR
writes a commented one. Without it the built\-in defaults apply.
.TP
\fI$XDG_STATE_HOME/deskbreak/\fR
The break history (\fIhistory.jsonl\fR) and the saved state (\fIstate.json\fR)
(default \fI~/.local/state/deskbreak/\fR).
.TP
\fI/usr/lib/systemd/user/deskbreak.service\fR
The systemd user unit, as packaged.
.TP
\fI$XDG_CONFIG_HOME/systemd/user/deskbreak.service\fR
The unit \fBdeskbreak service install\fR writes for a binary installed elsewhere.
.TP
\fI$XDG_CONFIG_HOME/autostart/deskbreak.desktop\fR
The XDG autostart entry written by \fBdeskbreak service install \-\-autostart\fR.
.SH ENVIRONMENT
.TP
\fBRUST_LOG\fR
Log filter for \fBdeskbreak run\fR, e.g. \fIdeskbreak=debug\fR (default \fIDEFAULT_LOG_FILTER\fR).
.SH SEE ALSO
\fBsystemctl\fR(1), \fBjournalctl\fR(1)
";
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let written = || format!("cannot write the man pages into {}", dir.display());
    clap_mangen::generate_to(Cli::command(), dir).with_context(written)?;
    // The main page again, with FILES, ENVIRONMENT and SEE ALSO before the version; like
    // generate_to, without the `help` subcommand, which has no page.
    let extra = EXTRA.replace("DEFAULT_LOG_FILTER", DEFAULT_LOG_FILTER);
    let man = clap_mangen::Man::new(Cli::command().disable_help_subcommand(true));
    let mut page = Vec::new();
    man.render_title(&mut page)
        .and_then(|()| man.render_name_section(&mut page))
        .and_then(|()| man.render_synopsis_section(&mut page))
        .and_then(|()| man.render_description_section(&mut page))
        .and_then(|()| man.render_options_section(&mut page))
        .and_then(|()| man.render_subcommands_section(&mut page))
        .and_then(|()| page.write_all(extra.as_bytes()))
        .and_then(|()| man.render_version_section(&mut page))
        .with_context(written)?;
    let path = dir.join(man.get_filename());
    std::fs::write(&path, page).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
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
