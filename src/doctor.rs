//! `deskbreak doctor`: one checklist answering "why don't I get breaks?".
//!
//! Each check is data ([`Check`]: a name, a [`Level`], what was found and, unless all is
//! well, the fix in words), so the tests can look at them one by one; [`render`] puts
//! them into words. Nothing is written or changed, but two checks start something to see
//! whether it works: the idle check starts each idle backend in turn, as the daemon would
//! (it connects to the display or the bus and is stopped again at once), and asking for
//! the notification server starts one the bus can activate, as the daemon's first
//! reminder would.
//!
//! Everything is worded in the language in use (`doctor-…` messages): the checks' names,
//! what was found and the fixes; `doctor/words.rs` words what the sources report (why a backend
//! or logind cannot be used), whose `Display` stays English for the log. What the system
//! says (an OS error, the bus library's, systemctl's) is quoted as it says it.

mod holds;
mod words;

use std::fmt::{self, Write as _};
use std::time::Duration;

use zbus::{Connection, fdo};

use crate::bus;
use crate::effects::notifier::NotificationsProxy;

use crate::config::Config;
use crate::control;
use crate::exercises::Library;
use crate::human;
use crate::paths::Paths;
use crate::service;
use crate::sources::activity::{self, Choice, Kind, Report};
use crate::sources::logind;
use crate::t;

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
    /// The check's name as printed, in the language in use (`name` stays the same in
    /// every language).
    #[must_use]
    pub fn label(&self) -> String {
        match self.name {
            "config" => crate::t!("doctor-check-config"),
            "language" => crate::t!("doctor-check-language"),
            "session bus" => crate::t!("doctor-check-session-bus"),
            "notifications" => crate::t!("doctor-check-notifications"),
            "idle backend" => crate::t!("doctor-check-idle-backend"),
            "logind" => crate::t!("doctor-check-logind"),
            "holds" => crate::t!("doctor-check-holds"),
            "service" => crate::t!("doctor-check-service"),
            "daemon" => crate::t!("doctor-check-daemon"),
            other => other.to_owned(),
        }
    }

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
    // The level words make a column as wide as the language's widest, and two spaces.
    let width = [Level::Ok, Level::Warning, Level::Problem]
        .iter()
        .map(|level| level.word().chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    for check in checks {
        let mut lines = check.detail.lines();
        let first = crate::t!(
            "doctor-check-line",
            name = check.label(),
            detail = lines.next().unwrap_or_default()
        );
        // Writing to a String cannot fail.
        let _ = writeln!(out, "{:<width$}{first}", check.level.word());
        for line in lines {
            let _ = writeln!(out, "{:<width$}{line}", "");
        }
        if let Some(fix) = &check.fix {
            let _ = writeln!(
                out,
                "{:<width$}{}",
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
    let own = paths.own_exercises();
    // As the daemon reads them: a broken own file leaves the built-in exercises.
    let (library, own_error) = match Library::load(&own) {
        Ok(library) => (library, None),
        Err(err) => (Library::embedded(), Some(err)),
    };
    let (config_check, config) = check_config(paths, &library, own_error.as_ref());
    checks.push(config_check);
    checks.push(check_language(
        config
            .as_ref()
            .map_or_else(Default::default, |c| c.language),
        crate::i18n::process_env,
        &library,
        &own,
    ));
    let bus = match bus::session().await {
        Ok(connection) => {
            checks.push(Check::ok("session bus", t!("doctor-bus-reachable")));
            Some(connection)
        }
        Err(err) => {
            checks.push(Check::problem(
                "session bus",
                words::bus_error(&err),
                t!("doctor-bus-fix"),
            ));
            None
        }
    };
    checks.push(match &bus {
        Some(connection) => check_notifications(connection).await,
        None => Check::problem(
            "notifications",
            t!("doctor-notifications-no-bus"),
            t!("doctor-fix-bus-first"),
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
            t!("doctor-daemon-no-bus"),
            t!("doctor-fix-bus-first"),
        ),
    });
    checks
}

/// What the language check found: the language, where it comes from, and what of it is
/// not translated (and so reads in English).
#[derive(Clone, Debug, PartialEq, Eq)]
struct LanguageFindings {
    lang: crate::i18n::Lang,
    /// One of the `doctor-language-from-…` texts.
    from: String,
    /// Messages of `deskbreak.ftl` the language lacks (or has with other variables, or
    /// cannot read).
    messages: usize,
    /// Text fields of the built-in exercises it does not translate.
    fields: usize,
    /// The user's own exercises, when they have some and the language is not English.
    own: Option<OwnFindings>,
}

/// The user's own exercises in the language in use.
#[derive(Clone, Debug, PartialEq, Eq)]
struct OwnFindings {
    /// How many there are (new ones and replaced built-ins).
    total: usize,
    /// How many of them lack a text in the language.
    untranslated: usize,
    /// Their translation file for the language (`exercises.LANG.ftl`).
    file: std::path::PathBuf,
}

/// The language messages are worded in, where it comes from, and whether its
/// translation is complete: every message, every field of every built-in exercise, and
/// the user's own exercises (what it lacks reads in English).
fn check_language(
    choice: crate::i18n::Choice,
    env: impl Fn(&str) -> Option<String>,
    library: &Library,
    own_file: &std::path::Path,
) -> Check {
    use crate::i18n::{self, Choice, Lang};
    let lang = choice.resolve(&env);
    let from = match (choice, i18n::locale_name(&env)) {
        (Choice::Fixed(_), _) => t!("doctor-language-from-config"),
        (Choice::Auto, Some(locale)) if i18n::from_locale(&env).is_some() => {
            t!("doctor-language-from-locale", locale = locale)
        }
        (Choice::Auto, Some(locale)) => t!("doctor-language-untranslated", locale = locale),
        (Choice::Auto, None) => t!("doctor-language-no-locale"),
    };
    let gaps = i18n::gaps(lang);
    let messages = gaps.missing.len() + gaps.placeholders.len() + gaps.broken.len();
    let builtin = Library::embedded();
    let fields = builtin
        .all()
        .iter()
        .map(|e| crate::exercises::translation::missing_fields(lang, e))
        .sum();
    let own: Vec<_> = library
        .all()
        .iter()
        .filter(|e| library.is_own(&e.id))
        .collect();
    let own = (lang != Lang::En && !own.is_empty()).then(|| OwnFindings {
        total: own.len(),
        untranslated: own
            .iter()
            .filter(|e| crate::exercises::translation::missing_fields(lang, e) > 0)
            .count(),
        file: crate::exercises::translation::own_path(own_file, lang),
    });
    judge_language(&LanguageFindings {
        lang,
        from,
        messages,
        fields,
        own,
    })
}

/// The language check for what was found.
fn judge_language(found: &LanguageFindings) -> Check {
    const NAME: &str = "language";
    let (language, code, from) = (found.lang.autonym(), found.lang.code(), found.from.as_str());
    let mut lacks = Vec::new();
    if found.messages > 0 {
        lacks.push(t!("doctor-language-lacks-messages", count = found.messages));
    }
    if found.fields > 0 {
        lacks.push(t!("doctor-language-lacks-fields", count = found.fields));
    }
    let mut detail = match lacks.as_slice() {
        // The own exercises are judged on a line of their own.
        [] if found.own.is_some() => t!(
            "doctor-language-complete-builtin",
            language = language,
            code = code,
            from = from
        ),
        [] => t!(
            "doctor-language-complete",
            language = language,
            code = code,
            from = from
        ),
        [one] => t!(
            "doctor-language-lacks",
            language = language,
            code = code,
            from = from,
            missing = one.as_str()
        ),
        [first, second, ..] => t!(
            "doctor-language-lacks",
            language = language,
            code = code,
            from = from,
            missing = t!(
                "doctor-language-and",
                first = first.as_str(),
                second = second.as_str()
            )
        ),
    };
    let mut fixes = Vec::new();
    if !lacks.is_empty() {
        fixes.push(t!("doctor-language-fix"));
    }
    if let Some(own) = &found.own {
        let file = own.file.display().to_string();
        detail.push('\n');
        if own.untranslated == 0 {
            detail.push_str(&t!(
                "doctor-language-own-complete",
                total = own.total,
                file = file.as_str()
            ));
        } else if own.untranslated == own.total && own.total > 1 {
            detail.push_str(&t!("doctor-language-own-none", total = own.total));
            fixes.push(t!("doctor-language-own-fix", file = file.as_str()));
        } else {
            detail.push_str(&t!(
                "doctor-language-own-lacks",
                total = own.total,
                untranslated = own.untranslated
            ));
            fixes.push(t!("doctor-language-own-fix", file = file.as_str()));
        }
    }
    if fixes.is_empty() {
        Check::ok(NAME, detail)
    } else {
        Check::warning(NAME, detail, fixes.join("; "))
    }
}

/// The config check, and the config to probe the idle backend with (`None`: the file is
/// broken, so the backend is probed as the defaults choose it). `library` has the
/// user's own exercises (the config may name them), unless `own_error` says why not.
fn check_config(
    paths: &Paths,
    library: &Library,
    own_error: Option<&crate::exercises::OwnError>,
) -> (Check, Option<Config>) {
    const NAME: &str = "config";
    let path = &paths.config;
    let shown = path.display().to_string();
    // As `run` reads it: a symlink loop or a FIFO is a problem, not "no file".
    let found = match Config::read_with(path, library) {
        Ok(crate::config::Found::Missing) => Ok((
            t!("doctor-config-missing", path = shown.as_str()),
            Config::default(),
        )),
        Ok(crate::config::Found::Empty) => Ok((
            t!("doctor-config-empty", path = shown.as_str()),
            Config::default(),
        )),
        Ok(crate::config::Found::Config(config)) => Ok((
            t!(
                "doctor-config-valid",
                path = shown.as_str(),
                interval = human::duration(config.rules.interval)
            ),
            config,
        )),
        Err(err) => Err(err),
    };
    match (found, own_error) {
        (Ok((detail, config)), None) => (Check::ok(NAME, detail), Some(config)),
        (Ok((detail, config)), Some(own)) => (
            Check::warning(
                NAME,
                format!(
                    "{detail}\n{}",
                    t!("doctor-config-own-broken", error = own.to_string())
                ),
                t!("doctor-config-fix-own"),
            ),
            Some(config),
        ),
        (Err(err), _) => (
            Check::problem(NAME, err.to_string(), t!("doctor-config-fix")),
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
            t!("doctor-notifications-none", why = why),
            t!("doctor-notifications-none-fix"),
        )
    };
    let ((name, vendor, version, spec), capabilities) = match asked {
        Ok(found) => found,
        Err(err) if bus::absent(&err) => {
            return no_server(t!("doctor-name-unowned", name = NOTIFICATIONS));
        }
        Err(err) => return no_server(bus::cause(&err)),
    };
    let server = t!(
        "doctor-notifications-server",
        name = name.as_str(),
        version = version.as_str(),
        vendor = vendor.as_str(),
        spec = spec.as_str()
    );
    if capabilities.iter().any(|c| c == "actions") {
        let detail = match where_buttons_are(&name) {
            Some(place) => t!(
                "doctor-notifications-buttons-where",
                server = server,
                place = place
            ),
            None => t!("doctor-notifications-buttons", server = server),
        };
        Check::ok(NAME, detail)
    } else {
        Check::warning(
            NAME,
            t!("doctor-notifications-no-buttons", server = server),
            t!("doctor-notifications-no-buttons-fix"),
        )
    }
}

/// Where servers that hide actions keep them, and what a plain click does there.
fn where_buttons_are(server: &str) -> Option<String> {
    match server.to_lowercase().as_str() {
        "dunst" => Some(t!("doctor-notifications-dunst")),
        "mako" => Some(t!("doctor-notifications-mako")),
        _ => None,
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
        .map(|(kind, reason)| {
            let reason = words::probe_error(reason);
            format!(
                "\n{}",
                t!(
                    "doctor-idle-not-used",
                    backend = kind.name(),
                    reason = reason
                )
            )
        })
        .collect();
    match (kind, choice) {
        (Kind::None, Choice::Only(Kind::None)) => Check::warning(
            NAME,
            t!("doctor-idle-forced-none"),
            t!("doctor-idle-forced-none-fix"),
        ),
        (Kind::None, _) => Check::warning(
            NAME,
            format!("{}{because}", t!("doctor-idle-none")),
            t!("doctor-idle-none-fix"),
        ),
        (kind, _) => Check::ok(NAME, format!("{}{because}", kind.name())),
    }
}

async fn check_logind() -> Check {
    const NAME: &str = "logind";
    match logind::connect().await {
        Ok(logind) => Check::ok(
            NAME,
            t!(
                "doctor-logind-reachable",
                session = logind.session_path.to_string()
            ),
        ),
        Err(reason) => Check::warning(
            NAME,
            t!(
                "doctor-logind-unreachable",
                reason = words::logind_error(&reason)
            ),
            t!("doctor-logind-fix"),
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
                t!("doctor-service-unknown", error = words::service_error(&err)),
                t!("doctor-service-unknown-fix"),
            );
        }
    };
    let unit = service::UNIT_NAME;
    match (&state.manager, &state.autostart) {
        (Ok(()), Some(entry)) if state.is_enabled() => Check::warning(
            NAME,
            t!(
                "doctor-service-twice",
                unit = unit,
                entry = entry.display().to_string()
            ),
            t!("doctor-service-twice-fix"),
        ),
        (_, Some(entry)) => Check::ok(
            NAME,
            t!(
                "doctor-service-autostart",
                entry = entry.display().to_string()
            ),
        ),
        (Ok(()), None) if state.is_enabled() && state.is_active() => {
            if state.graphical_session == Some(false) {
                Check::warning(
                    NAME,
                    t!("doctor-service-no-graphical-session", unit = unit),
                    t!("doctor-service-no-graphical-session-fix"),
                )
            } else {
                Check::ok(NAME, t!("doctor-service-running", unit = unit))
            }
        }
        (Ok(()), None) if state.is_enabled() => Check::warning(
            NAME,
            t!(
                "doctor-service-enabled-not-running",
                unit = unit,
                state = state.active.as_deref().unwrap_or("unknown")
            ),
            t!("doctor-service-journal-fix"),
        ),
        (Ok(()), None) if state.is_active() => Check::warning(
            NAME,
            t!("doctor-service-not-enabled", unit = unit),
            t!("doctor-service-enable-fix"),
        ),
        (Ok(()), None) => Check::warning(
            NAME,
            t!(
                "doctor-service-not-started",
                unit = unit,
                state = state.enabled.as_deref().unwrap_or("not-found")
            ),
            t!("doctor-service-install-fix"),
        ),
        (Err(reason), None) => Check::warning(
            NAME,
            t!(
                "doctor-service-no-manager",
                reason = words::manager_error(reason)
            ),
            t!("doctor-service-no-manager-fix"),
        ),
    }
}

async fn check_daemon(connection: &Connection) -> Check {
    const NAME: &str = "daemon";
    let not_running = |why: String| {
        Check::problem(
            NAME,
            t!("doctor-daemon-not-running", why = why),
            t!("doctor-daemon-start-fix"),
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
        Ok(None) => return not_running(t!("doctor-name-unowned", name = control::NAME)),
        Err(err) => return not_running(bus::cause(&err)),
    };
    let status = async { control::Client::connect().await?.status().await }.await;
    match status {
        Ok(status) => Check::ok(
            NAME,
            t!(
                "doctor-daemon-running",
                pid = pid.to_string(),
                status = crate::status_view::summary(&status, chrono::Local::now()),
                backend = status.idle_backend.name()
            ),
        ),
        Err(err) => Check::warning(
            NAME,
            t!(
                "doctor-daemon-silent",
                pid = pid.to_string(),
                error = err.to_string()
            ),
            t!("doctor-daemon-restart-fix"),
        ),
    }
}

#[cfg(test)]
mod tests;
