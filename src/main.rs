//! The `deskbreak` binary: parse the command line, run the command, map errors to an
//! exit status (0 success, 1 failure, 2 bad usage).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Parser;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::prelude::*;

use deskbreak::cli::{Cli, Command, ConfigCommand, ExercisesCommand, Format, ServiceCommand};
use deskbreak::config::{self, Config, DEFAULT_TOML, Found};
use deskbreak::engine::Preferences;
use deskbreak::exercises::Library;
use deskbreak::paths::Paths;
use deskbreak::store::{ensure_dir, lock};
use deskbreak::{control, daemon, doctor, service, stats, status_view, t};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).and_then(|()| std::io::stdout().flush().with_context(stdout_error)) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`deskbreak exercises | head -1`): nothing left to say.
        Err(err) if broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // Even stderr may be closed; there is nowhere else to say it then.
            let _ = writeln!(std::io::stderr(), "deskbreak: {}", with_causes(&err));
            ExitCode::FAILURE
        }
    }
}

/// The context of a failed write to stdout.
fn stdout_error() -> String {
    t!("cli-cannot-write-stdout")
}

/// The error and its causes, as `{:#}` gives them, joined the way the language joins a
/// sentence and its reason ("cannot write X: No space left on device"; French puts a
/// space before the colon).
fn with_causes(err: &anyhow::Error) -> String {
    err.chain()
        .map(ToString::to_string)
        .reduce(|error, cause| t!("cli-error-cause", error = error, cause = cause))
        .unwrap_or_default()
}

/// Whether `err` is a write to a closed pipe.
fn broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Print `text` and a newline on stdout. Rust ignores SIGPIPE and `println!` panics on
/// a failed write; this returns the error instead (a closed pipe ends the command
/// quietly in `main`, a full disk is reported).
fn say(text: impl std::fmt::Display) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{text}")
        .and_then(|()| stdout.flush())
        .with_context(stdout_error)
}

/// Print `text` as it is (it ends with its own newline).
fn say_raw(text: &str) -> Result<()> {
    write_stdout(text.as_bytes())
}

/// A line printer for callbacks that cannot fail: the first error is kept for later.
struct Lines(Option<anyhow::Error>);

impl Lines {
    fn print(&mut self, line: &str) {
        if self.0.is_none()
            && let Err(err) = say(line)
        {
            self.0 = Some(err);
        }
    }

    fn finish(self) -> Result<()> {
        self.0.map_or(Ok(()), Err)
    }
}

fn run(cli: Cli) -> Result<()> {
    let paths = Paths::resolve(cli.config)?;
    if !matches!(cli.command, Command::Run) {
        set_language(&paths);
    }
    match cli.command {
        Command::Run => run_daemon(paths),
        Command::Config(ConfigCommand::Path) => say(paths.config.display()),
        Command::Config(ConfigCommand::Check) => config_check(&paths),
        Command::Config(ConfigCommand::Init) => config_init(&paths),
        Command::Stats { days, since, json } => stats_command(&paths, days, since, json),
        Command::History { csv, json } => history_command(&paths, csv, json),
        Command::Exercises { command: None } => list_exercises(&paths),
        Command::Exercises {
            command: Some(ExercisesCommand::Show { id }),
        } => show_exercise(&paths, &id),
        Command::Guide { id } => guide(&paths, id.as_deref()),
        Command::Done => control_call(&paths, control::Command::Done),
        Command::Snooze { duration } => control_call(&paths, control::Command::Snooze(duration)),
        Command::Skip => control_call(&paths, control::Command::Skip),
        Command::Now => control_call(&paths, control::Command::BreakNow),
        Command::Pause {
            duration,
            until: Some(at),
        } => {
            debug_assert!(duration.is_none(), "clap makes them exclusive");
            control_call(&paths, control::Command::PauseUntil(at))
        }
        Command::Pause {
            duration,
            until: None,
        } => control_call(&paths, control::Command::Pause(duration)),
        Command::Resume => control_call(&paths, control::Command::Resume),
        Command::Reload => control_call(&paths, control::Command::Reload),
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
            let mut lines = Lines(None);
            service::install(mode, &mut |line| lines.print(&line))?;
            lines.finish()
        }
        Command::Service(ServiceCommand::Uninstall) => {
            let mut lines = Lines(None);
            service::uninstall(&mut |line| lines.print(&line))?;
            lines.finish()
        }
        Command::Doctor => {
            let checks = client_runtime()?.block_on(doctor::diagnose(&paths));
            say_raw(&doctor::render(&checks))?;
            if doctor::has_problem(&checks) {
                bail!("{}", t!("doctor-found-problem"));
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
                .with_context(|| t!("cli-cannot-write-completions"))?;
            Ok(())
        }
        Command::Manpages { dir } => write_man_pages(&dir),
    }
}

/// Word this command's messages in `ui.language` (else the session's locale). A config
/// that cannot be read leaves the locale's language; the command that reads the config
/// reports why.
fn set_language(paths: &Paths) {
    let choice = Config::load(&paths.config).map_or_else(|_| Default::default(), |c| c.language);
    deskbreak::i18n::set(choice);
}

/// `deskbreak stats`: only reads (the history, the daily record, the state file).
fn stats_command(
    paths: &Paths,
    days: u32,
    since: Option<chrono::NaiveDate>,
    json: bool,
) -> Result<()> {
    let today = chrono::Local::now().date_naive();
    let config = Config::load(&paths.config)?;
    let period = match since {
        Some(date) => stats::Period::since(date, today)?,
        None => stats::Period::last(days, today),
    };
    let settings = stats::Settings::from_config(&config);
    let report = if json {
        // Machine-read: the exercise names as the file has them, whatever the language.
        deskbreak::i18n::scoped(deskbreak::i18n::Lang::En, || {
            stats::gather(paths, period, settings)
        })
    } else {
        stats::gather(paths, period, settings)
    }?;
    if report.damaged_lines > 0 {
        eprintln!(
            "deskbreak: {}",
            t!(
                "cli-damaged-lines",
                count = report.damaged_lines,
                path = paths.history().display().to_string()
            )
        );
    }
    let text = if json {
        stats::json::render(&report)
    } else {
        stats::chart::render(&report, colour_stdout())
    };
    write_stdout(text.as_bytes())
}

/// `deskbreak history`: every line, streamed.
fn history_command(paths: &Paths, csv: bool, json: bool) -> Result<()> {
    use stats::export::{ExportError, Format, export};
    let format = match (csv, json) {
        (true, _) => Format::Csv,
        (_, true) => Format::Json,
        _ => Format::Text,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match export(&paths.history(), format, &mut out) {
        Ok(done) => {
            if done.damaged > 0 {
                eprintln!(
                    "deskbreak: {}",
                    t!(
                        "cli-damaged-lines",
                        count = done.damaged,
                        path = paths.history().display().to_string()
                    )
                );
            }
            Ok(())
        }
        // The reader went away (`| head`): nothing more to say.
        Err(ExportError::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(err.into()),
    }
}

/// Colour on a terminal, unless `NO_COLOR` is set (https://no-color.org) or the
/// terminal is dumb.
fn colour_stdout() -> bool {
    std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

/// Write to stdout; a closed pipe (`| head`) ends quietly in `main`.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .with_context(stdout_error)
}

fn run_daemon(paths: Paths) -> Result<()> {
    init_logging();
    // Before any file is read: a second instance (another session's, or one started by
    // hand while the service runs) must not touch the owner's files.
    let _owner = match lock::acquire(&paths.state_dir) {
        Ok(held) => Some(held),
        Err(err @ lock::LockError::Unavailable(_)) => {
            tracing::warn!("{err}; running without it, as nothing can be written there");
            None
        }
        Err(err) => return Err(err.into()),
    };
    // The config may exclude the user's own exercises; a broken exercises file is
    // reported by the daemon, which then starts with the built-in ones.
    let library = Library::load(&paths.own_exercises()).unwrap_or_else(|_| Library::embedded());
    // One thread, plus one for the blocking file writes (they are awaited one at a
    // time): every extra thread would cost a stack and a malloc arena all day.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .max_blocking_threads(1)
        .thread_keep_alive(deskbreak::trim::BLOCKING_THREAD_KEEP_ALIVE)
        .build()
        .with_context(|| t!("cli-cannot-start-runtime"))?;
    runtime.block_on(async {
        let shutdown = shutdown_signal()?;
        let config = match Config::read_with(&paths.config, &library)? {
            Found::Config(config) => {
                deskbreak::i18n::set(config.language);
                config
            }
            Found::Missing => {
                tracing::info!(
                    "{}: {}; the built-in defaults apply",
                    paths.config.display(),
                    config::missing(&paths.config)
                );
                Config::default()
            }
            Found::Empty => Config::default(),
        };
        daemon::run(paths, config, shutdown).await?;
        Ok(())
    })
}

fn client_runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .with_context(|| t!("cli-cannot-start-runtime"))
}

/// A command for the daemon; its answer worded here, in this terminal's language.
fn control_call(paths: &Paths, command: control::Command) -> Result<()> {
    let answer = client_runtime()?.block_on(async {
        let client = control::Client::connect().await?;
        client.ask(command, &paths.config).await
    });
    match answer {
        Ok(said) => say(said),
        // The daemon found the config broken; the same read here words it in this
        // terminal's language (the daemon's words if the file was fixed meanwhile).
        Err(control::ClientError::Declined(control::Declined::ConfigInvalid(_), said)) => {
            match Library::load(&paths.own_exercises())
                .map_err(anyhow::Error::from)
                .and_then(|library| Ok(Config::read_with(&paths.config, &library)?))
            {
                Err(err) => bail!(
                    "{}",
                    deskbreak::t!("cli-refused-config", error = format!("{err:#}"))
                ),
                Ok(_) => bail!("{said}"),
            }
        }
        Err(err) => Err(err.into()),
    }
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
        if !follow {
            let status = match control::Client::connect().await {
                Ok(client) => client.status().await,
                Err(err) => Err(err),
            };
            return match status {
                Ok(status) => say(render(Some(&status))),
                // A bar polling the one-shot form gets the `stopped` line, not a blank.
                Err(control::ClientError::NotRunning | control::ClientError::NoBus(_))
                    if format == Format::Waybar =>
                {
                    say(render(None))
                }
                Err(err) => Err(err.into()),
            };
        }
        let client = control::Client::connect().await?;
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

/// Signals whose default action would end the daemon without saving, and that mean
/// nothing to it: a stray `kill -USR1` (or a timer library's SIGALRM) is logged and
/// ignored. SIGXFSZ too: past a file size limit the write then fails, and is reported,
/// instead of killing the daemon.
const IGNORED_SIGNALS: [(i32, &str); 7] = [
    (rustix::process::Signal::USR1.as_raw(), "SIGUSR1"),
    (rustix::process::Signal::USR2.as_raw(), "SIGUSR2"),
    (rustix::process::Signal::ALARM.as_raw(), "SIGALRM"),
    (rustix::process::Signal::VTALARM.as_raw(), "SIGVTALRM"),
    (rustix::process::Signal::IO.as_raw(), "SIGIO"),
    (rustix::process::Signal::POWER.as_raw(), "SIGPWR"),
    (rustix::process::Signal::XFSZ.as_raw(), "SIGXFSZ"),
];

/// Completes on SIGTERM or SIGINT; from the moment it is created, the
/// [`IGNORED_SIGNALS`] no longer end the process.
fn shutdown_signal() -> Result<impl std::future::Future<Output = ()>> {
    use futures_util::StreamExt;
    use futures_util::stream::SelectAll;
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate())
        .with_context(|| t!("cli-cannot-handle-signal", signal = "SIGTERM"))?;
    let mut int = signal(SignalKind::interrupt())
        .with_context(|| t!("cli-cannot-handle-signal", signal = "SIGINT"))?;
    let mut ignored = SelectAll::new();
    for (raw, name) in IGNORED_SIGNALS {
        let mut stream = signal(SignalKind::from_raw(raw))
            .with_context(|| t!("cli-cannot-handle-signal", signal = name))?;
        ignored.push(
            futures_util::stream::poll_fn(move |cx| stream.poll_recv(cx)).map(move |()| name),
        );
    }
    Ok(async move {
        loop {
            tokio::select! {
                _ = term.recv() => return tracing::info!("SIGTERM: shutting down"),
                _ = int.recv() => return tracing::info!("SIGINT: shutting down"),
                Some(name) = ignored.next() => tracing::info!("{name} ignored: it means nothing to deskbreak"),
            }
        }
    })
}

/// deskbreak's own messages from info up; its libraries' only when something went wrong.
/// wayland-backend logs every connection error it also returns to us, and deskbreak
/// reports those itself, with what it does about them.
const DEFAULT_LOG_FILTER: &str = "warn,deskbreak=info,wayland_backend=off";

/// Logs go to stderr. Under systemd (which sets `JOURNAL_STREAM`) the journal adds its own
/// timestamps, so none are printed; colours only on a terminal. `RUST_LOG` filters by
/// target (`deskbreak=debug,zbus=info`); by default deskbreak says what it does (info) and
/// its libraries only what went wrong. A plain target filter, not `EnvFilter`: the daemon
/// runs all day, and `EnvFilter`'s regex engine costs about 200 KiB of resident code.
fn init_logging() {
    let filter = match std::env::var("RUST_LOG") {
        Ok(value) if !value.trim().is_empty() => value.parse::<Targets>().unwrap_or_else(|e| {
            eprintln!(
                "deskbreak: RUST_LOG={value:?} is not a filter ({e}); using {DEFAULT_LOG_FILTER}"
            );
            default_log_filter()
        }),
        _ => default_log_filter(),
    };
    let under_journal = std::env::var_os("JOURNAL_STREAM").is_some();
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none())
        .with_target(false);
    let registry = tracing_subscriber::registry();
    if under_journal {
        registry
            .with(layer.without_time().with_filter(filter))
            .init();
    } else {
        registry.with(layer.with_filter(filter)).init();
    }
}

fn default_log_filter() -> Targets {
    DEFAULT_LOG_FILTER
        .parse()
        .expect("DEFAULT_LOG_FILTER is a valid target filter")
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
(default \fI~/.local/state/deskbreak/\fR). One daemon owns the folder: it holds an
exclusive lock on \fIlock\fR there, with its pid in it; a second \fBdeskbreak run\fR
changes nothing and exits 1.
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
    std::fs::create_dir_all(dir)
        .with_context(|| t!("cli-cannot-create", path = dir.display().to_string()))?;
    let written = || {
        t!(
            "cli-cannot-write-man-pages",
            path = dir.display().to_string()
        )
    };
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
    std::fs::write(&path, page)
        .with_context(|| t!("cli-cannot-write", path = path.display().to_string()))?;
    Ok(())
}

fn config_init(paths: &Paths) -> Result<()> {
    let path = &paths.config;
    if path.exists() {
        bail!(
            "{}",
            t!("cli-config-exists", path = path.display().to_string())
        );
    }
    if let Some(dir) = path.parent() {
        ensure_dir(dir).map_err(|err| {
            anyhow::anyhow!(
                "{}",
                t!(
                    "cli-cannot-create-folder",
                    path = err.path.display().to_string(),
                    error = err.source.to_string()
                )
            )
        })?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| t!("cli-cannot-create", path = path.display().to_string()))?;
    file.write_all(DEFAULT_TOML.as_bytes())
        .with_context(|| t!("cli-cannot-write", path = path.display().to_string()))?;
    say(t!("cli-config-written", path = path.display().to_string()))
}

/// `deskbreak config check`: the config and the own exercises file.
fn config_check(paths: &Paths) -> Result<()> {
    let own = paths.own_exercises();
    let library = Library::load(&own)?;
    if own.exists() {
        let added = library
            .all()
            .iter()
            .filter(|e| library.is_own(&e.id))
            .count();
        say(t!(
            "cli-check-own-exercises",
            path = own.display().to_string(),
            count = added
        ))?;
    }
    for lang in deskbreak::i18n::Lang::ALL {
        let file = deskbreak::exercises::translation::own_path(&own, lang);
        if lang != deskbreak::i18n::Lang::En && file.exists() {
            say(t!("cli-check-ok", path = file.display().to_string()))?;
        }
    }
    // The same read as `run`'s: what one refuses, the other does too.
    let shown = paths.config.display().to_string();
    match Config::read_with(&paths.config, &library)? {
        Found::Missing => say(t!(
            "cli-check-missing",
            path = shown,
            why = config::missing(&paths.config)
        )),
        Found::Empty => say(t!("cli-check-empty", path = shown)),
        Found::Config(_) => say(t!("cli-check-ok", path = shown)),
    }
}

/// The library with the user's own exercises and the config's preferences, as far as
/// they can be read (a listing still works with a broken config).
fn library_and_preferences(paths: &Paths) -> Result<(Library, Preferences)> {
    let library = Library::load(&paths.own_exercises())?;
    let preferences = match Config::load_with(&paths.config, &library) {
        Ok(config) => config.preferences,
        Err(err) => {
            let _ = writeln!(
                std::io::stderr(),
                "deskbreak: {}",
                t!("cli-exclusions-not-shown", error = err.to_string())
            );
            Preferences::default()
        }
    };
    Ok((library, preferences))
}

fn list_exercises(paths: &Paths) -> Result<()> {
    let (library, preferences) = library_and_preferences(paths)?;
    for e in library.all() {
        let marks = match (library.is_own(&e.id), !preferences.allows(e)) {
            (false, false) => String::new(),
            (true, false) => format!("  ({})", t!("exercises-mark-yours")),
            (false, true) => format!("  ({})", t!("exercises-mark-excluded")),
            (true, true) => format!("  ({})", t!("exercises-mark-yours-excluded")),
        };
        say(format!("{:<28} {}{marks}", e.id, e.name()))?;
        say(format!("{:<28} {}", "", exercise_details(e, false)))?;
    }
    Ok(())
}

/// `deskbreak exercises show ID`: everything about one exercise.
fn show_exercise(paths: &Paths, id: &str) -> Result<()> {
    let (library, preferences) = library_and_preferences(paths)?;
    let Some(e) = library.get(id) else {
        bail!("{}", t!("cli-no-such-exercise", id = format!("{id:?}")));
    };
    let mut text = format!("{} ({})\n", e.name(), e.id);
    text.push_str(&capitalized(&exercise_details(e, true)));
    text.push('\n');
    if library.is_own(&e.id) {
        text.push_str(&t!(
            "exercises-show-yours",
            path = paths.own_exercises().display().to_string()
        ));
        text.push('\n');
    }
    if !preferences.allows(e) {
        text.push_str(&t!("exercises-show-excluded"));
        text.push('\n');
    }
    text.push('\n');
    for (i, step) in e.steps().iter().enumerate() {
        text.push_str(&format!("{}. {step}\n", i + 1));
    }
    text.push('\n');
    text.push_str(&t!("exercises-show-dose", dose = e.dose.to_string()));
    text.push('\n');
    text.push_str(&t!("exercises-show-safety", safety = e.safety()));
    text.push('\n');
    if !e.source.is_empty() {
        text.push_str(&t!("exercises-show-source", source = e.source.as_str()));
        text.push('\n');
    }
    say_raw(&text)
}

/// "seated, neck, 10 reps, about 2 min, needs a wall": the line under an exercise's
/// name. `full`: the whole dose is in its own line below, so it is left out here.
fn exercise_details(e: &deskbreak::exercises::Exercise, full: bool) -> String {
    use deskbreak::exercises::{Area, Need, Position};
    let position = match e.position {
        Position::Seated => t!("position-seated"),
        Position::Standing => t!("position-standing"),
    };
    let area = match e.area {
        Area::Neck => t!("area-neck"),
        Area::Shoulders => t!("area-shoulders"),
        Area::UpperBack => t!("area-upper-back"),
        Area::Chest => t!("area-chest"),
    };
    let duration = deskbreak::human::about(e.duration());
    let details = if full {
        t!(
            "exercises-details-full",
            position = position,
            area = area,
            duration = duration
        )
    } else {
        t!(
            "exercises-details",
            position = position,
            area = area,
            dose = e.dose.to_string(),
            duration = duration
        )
    };
    let needs = e
        .needs
        .iter()
        .map(|n| match n {
            Need::Chair => t!("need-chair"),
            Need::Wall => t!("need-wall"),
            Need::Doorway => t!("need-doorway"),
        })
        .reduce(|first, second| t!("list-and", first = first, second = second));
    match needs {
        Some(things) => t!(
            "exercises-details-needs",
            details = details,
            things = things
        ),
        None => details,
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// `deskbreak guide [ID]`: the guided break in the terminal. The due break is guided by
/// the daemon (which records it when it ends); this only shows it. With no break due,
/// `guide ID` is practice, timed here, and records nothing.
fn guide(paths: &Paths, id: Option<&str>) -> Result<()> {
    use deskbreak::engine::guide::Plan;
    let (library, _) = library_and_preferences(paths)?;
    if let Some(id) = id
        && library.get(id).is_none()
    {
        bail!("{}", t!("cli-no-such-exercise", id = format!("{id:?}")));
    }
    client_runtime()?.block_on(async {
        let client = control::Client::connect().await;
        let answer = match &client {
            Ok(client) => {
                client
                    .ask(
                        control::Command::Guide(id.map(str::to_owned)),
                        &paths.config,
                    )
                    .await
            }
            Err(_) => Err(control::ClientError::NotRunning),
        };
        use control::{ClientError, Declined};
        let (exercise, recorded) = match (answer, id) {
            (Ok(guided), _) => (guided, true),
            (
                Err(ClientError::Declined(Declined::NoBreakDue, _) | ClientError::NotRunning),
                Some(id),
            ) => (id.to_owned(), false),
            (Err(ClientError::Declined(Declined::NoBreakDue, why)), None) => {
                bail!("{}", t!("guide-cli-no-break", why = why))
            }
            (Err(err), _) => return Err(err.into()),
        };
        let Some(e) = library.get(&exercise) else {
            bail!(
                "{}",
                t!("guide-cli-unknown-exercise", id = format!("{exercise:?}"))
            );
        };
        let plan = Plan::for_exercise(e);
        let about = deskbreak::human::about(plan.total());
        let dose = e.glance_dose();
        say(if recorded {
            t!(
                "guide-cli-start-recorded",
                exercise = e.name(),
                dose = dose,
                duration = about
            )
        } else {
            t!(
                "guide-cli-start-practice",
                exercise = e.name(),
                dose = dose,
                duration = about
            )
        })?;
        say(format!("{}\n{}", e.glance_how(), e.glance_safety()))?;
        let tty = std::io::stdout().is_terminal();
        let start = tokio::time::Instant::now();
        let mut shown: Option<(usize, u32)> = None;
        let ctrl_c = tokio::signal::ctrl_c();
        tokio::pin!(ctrl_c);
        loop {
            let elapsed = start.elapsed();
            let Some(progress) = plan.at(elapsed) else {
                break;
            };
            let key = (progress.index, if tty { progress.left_secs } else { 0 });
            if shown != Some(key) {
                shown = Some(key);
                let text = deskbreak::effects::reminder::render_guide(
                    e,
                    &progress,
                    deskbreak::effects::reminder::Channel {
                        buttons: false,
                        commands: false,
                        markup: false,
                    },
                );
                let step = text.summary.split_once(" · ").map_or("", |(_, s)| s);
                if tty {
                    let bar = "#".repeat(usize::from(progress.percent / 5));
                    write_stdout(
                        format!("\r\x1b[2K[{bar:<20}] {:>3}%  {step}", progress.percent).as_bytes(),
                    )?;
                } else {
                    say(format!("{:>3}%  {step}", progress.percent))?;
                }
            }
            // Has the daemon's guide ended early (Stop in the bubble, a natural break)?
            if recorded
                && let Ok(client) = &client
                && let Ok(status) = client.status().await
                && status.phase != deskbreak::engine::PhaseKind::Guiding
            {
                if tty {
                    write_stdout(b"\n")?;
                }
                return say(t!("guide-cli-stopped-elsewhere"));
            }
            let next = plan.next_change(elapsed);
            tokio::select! {
                () = tokio::time::sleep_until(start + next) => {}
                _ = &mut ctrl_c => {
                    if tty {
                        write_stdout(b"\n")?;
                    }
                    if recorded && let Ok(client) = &client {
                        let answer = client.ask(control::Command::StopGuide, &paths.config).await?;
                        return say(t!("guide-cli-stopped-answer", stopped = answer));
                    }
                    return say(t!("guide-cli-stopped"));
                }
            }
        }
        if tty {
            write_stdout(b"\n")?;
        }
        if !recorded {
            return say(t!("guide-cli-done-practice"));
        }
        // The daemon ends its guide on its own clock: wait for it to say so.
        if let Ok(client) = &client {
            let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(5);
            while tokio::time::Instant::now() < deadline {
                match client.status().await {
                    Ok(status) if status.phase == deskbreak::engine::PhaseKind::Guiding => {
                        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                    }
                    _ => return say(t!("guide-cli-done-recorded")),
                }
            }
        }
        say(t!("guide-cli-done-unconfirmed"))
    })
}
