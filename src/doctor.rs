//! `deskbreak doctor`: one checklist answering "why don't I get breaks?".
//!
//! Each check is data ([`Check`]: a name, a [`Level`], what was found and, unless all is
//! well, the fix in words), so the tests can look at them one by one; [`render`] puts
//! them into words. Nothing is written or changed, but two checks start something to see
//! whether it works: the idle check starts each idle backend in turn, as the daemon would
//! (it connects to the display or the bus and is stopped again at once), and asking for
//! the notification server starts one the bus can activate, as the daemon's first
//! reminder would.

mod holds;

use std::fmt::{self, Write as _};
use std::time::Duration;

use zbus::{Connection, fdo};

use crate::bus::{self, BusError};
use crate::effects::notifier::NotificationsProxy;

use crate::config::Config;
use crate::control;
use crate::human;
use crate::paths::Paths;
use crate::service;
use crate::sources::activity::{self, Choice, Kind, Report};
use crate::sources::logind;

/// The idle threshold to probe the backends with. The daemon probes with
/// `activity.natural_break`, capped at a minute; probing only asks whether a backend
/// works, so the exact value does not change the answer.
const PROBE_THRESHOLD: Duration = Duration::from_secs(60);

const NOTIFICATIONS: &str = "org.freedesktop.Notifications";

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Works.
    Ok,
    /// Breaks still come, but something works less well than it could.
    Warning,
    /// Breaks do not come (or not on the desktop) until this is fixed.
    Problem,
}

impl Level {
    /// The word printed for it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Ok => "ok",
            Level::Warning => "warning",
            Level::Problem => "problem",
        }
    }

    /// The word printed for it, in the language in use.
    #[must_use]
    pub fn word(self) -> String {
        match self {
            Level::Ok => crate::t!("doctor-level-ok"),
            Level::Warning => crate::t!("doctor-level-warning"),
            Level::Problem => crate::t!("doctor-level-problem"),
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One line of the checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// What was checked, e.g. `notifications`.
    pub name: &'static str,
    /// How it went.
    pub level: Level,
    /// What was found.
    pub detail: String,
    /// What to do about it; `None` when nothing needs doing.
    pub fix: Option<String>,
}

impl Check {
    fn ok(name: &'static str, detail: impl Into<String>) -> Self {
        Self {
            name,
            level: Level::Ok,
            detail: detail.into(),
            fix: None,
        }
    }

    fn warning(name: &'static str, detail: impl Into<String>, fix: impl Into<String>) -> Self {
        Self {
            name,
            level: Level::Warning,
            detail: detail.into(),
            fix: Some(fix.into()),
        }
    }

    fn problem(name: &'static str, detail: impl Into<String>, fix: impl Into<String>) -> Self {
        Self {
            name,
            level: Level::Problem,
            detail: detail.into(),
            fix: Some(fix.into()),
        }
    }
}

/// Whether any check found a problem (`deskbreak doctor` then exits with status 1).
#[must_use]
pub fn has_problem(checks: &[Check]) -> bool {
    checks.iter().any(|c| c.level == Level::Problem)
}

/// The checklist in words: one line per check (more lines of detail and the fix indented
/// below it), and a summary.
#[must_use]
pub fn render(checks: &[Check]) -> String {
    let mut out = String::new();
    for check in checks {
        let mut lines = check.detail.lines();
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "{:<8} {}: {}",
            check.level.word(),
            check.name,
            lines.next().unwrap_or_default()
        );
        for line in lines {
            let _ = writeln!(out, "{:<8} {line}", "");
        }
        if let Some(fix) = &check.fix {
            let _ = writeln!(
                out,
                "{:<8} {}",
                "",
                crate::t!("doctor-fix", fix = fix.as_str())
            );
        }
    }
    let count = |level| checks.iter().filter(|c| c.level == level).count();
    let (problems, warnings) = (count(Level::Problem), count(Level::Warning));
    let summary = match (problems, warnings) {
        (0, 0) => crate::t!("doctor-all-good"),
        (0, w) => crate::t!("doctor-warnings", warnings = w),
        (p, w) => crate::t!("doctor-problems", problems = p, warnings = w),
    };
    let _ = writeln!(out, "\n{summary}");
    out
}

/// Run every check, in the order a user would fix things.
pub async fn diagnose(paths: &Paths) -> Vec<Check> {
    let mut checks = Vec::new();
    let (config_check, config) = check_config(paths);
    checks.push(config_check);
    checks.push(check_language(
        config
            .as_ref()
            .map_or_else(Default::default, |c| c.language),
        crate::i18n::process_env,
    ));
    let bus = match bus::session().await {
        Ok(connection) => {
            checks.push(Check::ok("session bus", "reachable"));
            Some(connection)
        }
        Err(BusError::Unreachable(err)) => {
            checks.push(no_bus(err.to_string()));
            None
        }
        Err(err @ BusError::NoAnswer) => {
            checks.push(no_bus(err.to_string()));
            None
        }
    };
    checks.push(match &bus {
        Some(connection) => check_notifications(connection).await,
        None => Check::problem(
            "notifications",
            "not checked: without a session bus reminders only go to stderr",
            "fix the session bus first",
        ),
    });
    checks.push(check_idle_backend(config.as_ref(), bus.clone()).await);
    checks.push(check_logind().await);
    checks.push(holds::check(config.as_ref(), bus.clone()).await);
    checks.push(check_service());
    checks.push(match &bus {
        Some(connection) => check_daemon(connection).await,
        None => Check::problem(
            "daemon",
            "not checked: a running daemon is found through the session bus",
            "fix the session bus first",
        ),
    });
    checks
}

/// The language messages are worded in, where it comes from, and whether its
/// translation is complete (what it lacks reads in English).
fn check_language(choice: crate::i18n::Choice, env: impl Fn(&str) -> Option<String>) -> Check {
    use crate::i18n::{self, Choice, Lang};
    const NAME: &str = "language";
    let lang = choice.resolve(&env);
    let name = lang.autonym();
    let from = match (choice, i18n::locale_name(&env)) {
        (Choice::Fixed(_), _) => crate::t!("doctor-language-from-config"),
        (Choice::Auto, Some(locale)) if i18n::from_locale(&env).is_some() => {
            crate::t!("doctor-language-from-locale", locale = locale)
        }
        (Choice::Auto, Some(locale)) => crate::t!("doctor-language-untranslated", locale = locale),
        (Choice::Auto, None) => crate::t!("doctor-language-no-locale"),
    };
    let messages = i18n::gaps(lang);
    let exercises =
        crate::exercises::translation::gaps(lang, crate::exercises::Library::embedded().all());
    let missing = messages.missing.len() + messages.placeholders.len() + messages.broken.len();
    if lang == Lang::En || (missing == 0 && exercises.is_empty()) {
        return Check::ok(
            NAME,
            crate::t!(
                "doctor-language-complete",
                language = name,
                code = lang.code(),
                from = from
            ),
        );
    }
    Check::warning(
        NAME,
        crate::t!(
            "doctor-language-incomplete",
            language = name,
            code = lang.code(),
            from = from,
            messages = missing,
            exercises = exercises.len()
        ),
        crate::t!("doctor-language-fix"),
    )
}

fn no_bus(reason: String) -> Check {
    Check::problem(
        "session bus",
        format!("cannot connect: {reason}"),
        "run deskbreak inside your desktop session, where DBUS_SESSION_BUS_ADDRESS (or \
         $XDG_RUNTIME_DIR/bus) leads to the session bus",
    )
}

/// The config check, and the config to probe the idle backend with (`None`: the file is
/// broken, so the backend is probed as the defaults choose it).
fn check_config(paths: &Paths) -> (Check, Option<Config>) {
    let path = &paths.config;
    // As `run` reads it: a symlink loop or a FIFO is a problem, not "no file".
    if matches!(Config::read(path), Ok(crate::config::Found::Missing)) {
        return (
            Check::ok(
                "config",
                format!("no file at {}; the built-in defaults apply", path.display()),
            ),
            Some(Config::default()),
        );
    }
    match Config::load(path) {
        Ok(config) => (
            Check::ok(
                "config",
                format!(
                    "{} is valid (a break every {} of sitting)",
                    path.display(),
                    human::duration(config.rules.interval)
                ),
            ),
            Some(config),
        ),
        Err(err) => (
            Check::problem(
                "config",
                err.to_string(),
                "correct the file (`deskbreak config check` checks it again); until then \
                 `deskbreak run` refuses to start and a running daemon keeps its last good config",
            ),
            None,
        ),
    }
}

async fn check_notifications(connection: &Connection) -> Check {
    const NAME: &str = "notifications";
    let asked = async {
        let proxy = NotificationsProxy::new(connection).await?;
        let info = proxy.get_server_information().await?;
        let capabilities = proxy.get_capabilities().await?;
        Ok::<_, zbus::Error>((info, capabilities))
    }
    .await;
    let no_server = |why: String| {
        Check::problem(
            NAME,
            format!("no notification server ({why}); reminders only go to stderr"),
            "install a notification daemon such as dunst or mako, or use a desktop that has \
             one (GNOME, KDE Plasma, Xfce, …)",
        )
    };
    let ((name, vendor, version, spec), capabilities) = match asked {
        Ok(found) => found,
        Err(err) if bus::absent(&err) => return no_server(format!("nothing owns {NOTIFICATIONS}")),
        Err(err) => return no_server(bus::describe(&err)),
    };
    let server = format!("{name} {version} by {vendor} (specification {spec})");
    if capabilities.iter().any(|c| c == "actions") {
        Check::ok(
            NAME,
            format!(
                "{server}, shows Done/Snooze/Skip buttons{}",
                where_buttons_are(&name)
            ),
        )
    } else {
        Check::warning(
            NAME,
            format!("{server} does not show buttons on notifications"),
            "answer a break from a terminal with `deskbreak done`, `deskbreak snooze` or \
             `deskbreak skip` (the reminder says so), or use a notification server with \
             actions, such as dunst, mako or your desktop's own",
        )
    }
}

/// Where servers that hide actions keep them, and what a plain click does there.
fn where_buttons_are(server: &str) -> &'static str {
    match server.to_lowercase().as_str() {
        "dunst" => {
            "; on dunst the buttons are in its context menu (`dunstctl context`, which needs \
             dmenu or rofi; bind it to a key), a middle click starts the guide, and a left \
             click closes the reminder, which counts like Snooze"
        }
        "mako" => {
            "; on mako the buttons are in `makoctl menu` (bind it to a key), and a click \
             on the bubble starts the guide"
        }
        _ => "",
    }
}

async fn check_idle_backend(config: Option<&Config>, bus: Option<Connection>) -> Check {
    const NAME: &str = "idle backend";
    let choice = config.map_or(Choice::Auto, |c| c.backend);
    // Starts the backend to see it work (each probe is bounded); only the verdict is
    // wanted: dropping the receiver ends the backend's task.
    let mut reports = activity::start(choice, PROBE_THRESHOLD, bus);
    let (kind, rejected) = match reports.recv().await {
        Some(Report::Started { kind, rejected }) => (kind, rejected),
        _ => (Kind::None, Vec::new()),
    };
    drop(reports);
    // One line per backend passed over, in probing order, under the verdict.
    let because: String = rejected
        .iter()
        .map(|(kind, reason)| format!("\n{} not used: {reason}", kind.name()))
        .collect();
    match (kind, choice) {
        (Kind::None, Choice::Only(Kind::None)) => Check::warning(
            NAME,
            "none, as `activity.backend = \"none\"` in the config says: all waking time \
             counts as sitting",
            "set `activity.backend = \"auto\"` so time away from the keyboard counts as a break",
        ),
        (Kind::None, _) => Check::warning(
            NAME,
            format!("none works here, so all waking time counts as sitting{because}"),
            "run deskbreak inside your desktop session (it needs WAYLAND_DISPLAY or DISPLAY, \
             or GNOME's idle monitor); if `activity.backend` forces a backend, try \"auto\"",
        ),
        (kind, _) => Check::ok(NAME, format!("{}{because}", kind.name())),
    }
}

async fn check_logind() -> Check {
    const NAME: &str = "logind";
    match logind::connect().await {
        Ok(logind) => Check::ok(
            NAME,
            format!(
                "reachable, watching session {}: screen lock and suspend count as time away",
                logind.session_path
            ),
        ),
        Err(reason) => Check::warning(
            NAME,
            format!(
                "not reachable ({reason}): screen lock is not tracked, and a suspend is noticed only by the clock"
            ),
            "deskbreak needs systemd-logind (or elogind) on the system bus to see screen \
             locks; without it, breaks still come",
        ),
    }
}

fn check_service() -> Check {
    const NAME: &str = "service";
    let state = match service::state() {
        Ok(state) => state,
        Err(err) => {
            return Check::warning(
                NAME,
                format!("cannot tell: {err}"),
                "start deskbreak with your desktop: `deskbreak service install`",
            );
        }
    };
    let unit = service::UNIT_NAME;
    let journal = "`journalctl --user -u deskbreak` says why; `systemctl --user restart \
                   deskbreak` starts it again";
    match (&state.manager, &state.autostart) {
        (Ok(()), Some(entry)) if state.is_enabled() => Check::warning(
            NAME,
            format!(
                "{unit} is enabled and the autostart entry {} exists: two daemons race for the \
                 bus at every login",
                entry.display()
            ),
            "keep one: `deskbreak service install` (systemd) or `deskbreak service install \
             --autostart` removes the other",
        ),
        (_, Some(entry)) => Check::ok(
            NAME,
            format!(
                "starts at login from the autostart entry {}",
                entry.display()
            ),
        ),
        (Ok(()), None) if state.is_enabled() && state.is_active() => {
            if state.graphical_session == Some(false) {
                Check::warning(
                    NAME,
                    format!(
                        "{unit} is enabled and running, but graphical-session.target is not \
                         active, so it will not start by itself at the next login"
                    ),
                    "your desktop does not start graphical-session.target: use `deskbreak \
                     service install --autostart` instead",
                )
            } else {
                Check::ok(NAME, format!("{unit} is enabled and running"))
            }
        }
        (Ok(()), None) if state.is_enabled() => Check::warning(
            NAME,
            format!(
                "{unit} is enabled but {}",
                state.active.as_deref().unwrap_or("not running")
            ),
            journal,
        ),
        (Ok(()), None) if state.is_active() => Check::warning(
            NAME,
            format!("{unit} is running but not enabled: it will not start at the next login"),
            "`deskbreak service install` enables it",
        ),
        (Ok(()), None) => Check::warning(
            NAME,
            format!(
                "deskbreak does not start with your desktop ({unit} is {})",
                state.enabled.as_deref().unwrap_or("not installed")
            ),
            "`deskbreak service install` installs, enables and starts the user service",
        ),
        (Err(reason), None) => Check::warning(
            NAME,
            format!(
                "deskbreak does not start with your desktop: no systemd user manager \
                 ({reason}) and no autostart entry"
            ),
            "`deskbreak service install --autostart` starts it when you log in; or start \
             `deskbreak run` from your window manager's startup file",
        ),
    }
}

async fn check_daemon(connection: &Connection) -> Check {
    const NAME: &str = "daemon";
    let not_running = |why: String| {
        Check::problem(
            NAME,
            format!("no deskbreak is running on this session bus ({why})"),
            "start it: `deskbreak service install` (then it starts with your desktop), or \
             `deskbreak run` in a terminal",
        )
    };
    let asked = async {
        let dbus = fdo::DBusProxy::new(connection).await?;
        let name = zbus::names::BusName::from_static_str(control::NAME)?;
        match dbus.get_connection_unix_process_id(name).await {
            Ok(pid) => Ok(Some(pid)),
            Err(fdo::Error::NameHasNoOwner(_)) => Ok(None),
            Err(err) => Err(zbus::Error::from(err)),
        }
    }
    .await;
    let pid = match asked {
        Ok(Some(pid)) => pid,
        Ok(None) => return not_running(format!("nothing owns {}", control::NAME)),
        Err(err) => return not_running(bus::describe(&err)),
    };
    let status = async { control::Client::connect().await?.status().await }.await;
    match status {
        Ok(status) => Check::ok(
            NAME,
            format!(
                "running (pid {pid}): {}, idle backend {}",
                status.phase.as_str(),
                status.idle_backend.name()
            ),
        ),
        Err(err) => Check::warning(
            NAME,
            format!("running (pid {pid}), but it does not answer: {err}"),
            "restart it: `systemctl --user restart deskbreak`, or stop and start `deskbreak run`",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checklist_reads_as_words_with_fixes_under_their_line() {
        let checks = vec![
            Check::ok("session bus", "reachable"),
            Check::warning("logind", "not reachable", "install logind"),
            Check::ok("idle backend", "x11\nwayland not used: no"),
            Check::problem("config", "/c.toml:3:1: oops", "correct it"),
        ];
        assert!(has_problem(&checks));
        assert_eq!(
            render(&checks),
            "ok       session bus: reachable\n\
             warning  logind: not reachable\n         fix: install logind\n\
             ok       idle backend: x11\n         wayland not used: no\n\
             problem  config: /c.toml:3:1: oops\n         fix: correct it\n\
             \n1 problem and 1 warning: fix the problems first.\n"
        );
    }

    #[test]
    fn warnings_alone_are_not_a_problem() {
        let checks = vec![
            Check::ok("session bus", "reachable"),
            Check::warning("logind", "not reachable", "install logind"),
            Check::warning("service", "not enabled", "enable it"),
        ];
        assert!(!has_problem(&checks));
        assert!(render(&checks).ends_with("\n2 warnings; breaks should still come.\n"));
        assert!(render(&checks[..1]).ends_with("\nAll good: breaks should come.\n"));
    }

    #[test]
    fn the_language_check_names_the_language_where_it_comes_from_and_what_it_lacks() {
        use crate::i18n::{Choice, Lang};
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let german = check_language(Choice::Auto, env(&[("LANG", "de_DE.UTF-8")]));
        assert_eq!(german.name, "language");
        assert!(
            german
                .detail
                .starts_with("Deutsch (de, from the locale de_DE.UTF-8): "),
            "{german:?}"
        );
        // Complete or not, as the completeness check says; never a problem.
        let complete = crate::i18n::gaps(Lang::De).is_empty()
            && crate::exercises::translation::gaps(
                Lang::De,
                crate::exercises::Library::embedded().all(),
            )
            .is_empty();
        assert_eq!(german.level == Level::Ok, complete, "{german:?}");
        assert_ne!(german.level, Level::Problem);
        let chosen = check_language(Choice::Fixed(Lang::Fr), env(&[("LANG", "de_DE.UTF-8")]));
        assert!(
            chosen
                .detail
                .starts_with("Français (fr, ui.language in the config): "),
            "{chosen:?}"
        );
        let untranslated = check_language(Choice::Auto, env(&[("LANG", "pt_BR.UTF-8")]));
        assert_eq!(
            untranslated,
            Check::ok(
                "language",
                "English (en, no translation for the locale pt_BR.UTF-8): \
                 every message and exercise is translated"
            )
        );
        let none = check_language(Choice::Auto, env(&[("LANGUAGE", "de")]));
        assert!(
            none.detail.starts_with("English (en, no locale set)"),
            "{none:?}"
        );
    }
}
