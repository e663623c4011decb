//! Starting deskbreak with the desktop: a systemd user service (`deskbreak service
//! install`) or, where there is no systemd user manager, an XDG autostart entry
//! (`deskbreak service install --autostart`).
//!
//! The unit written is `systemd/deskbreak.service`, the one the Debian package ships, with
//! `ExecStart` pointing at the binary being run: one file, so the two never drift. A unit
//! the package installed for this very binary is used as it is, without a copy that would
//! hide its updates.
//!
//! `systemctl` is run as a program. `DESKBREAK_SYSTEMCTL` names another program to run
//! instead; the tests put a fake there that records its arguments.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use directories::BaseDirs;

use crate::t;

/// The unit's name.
pub const UNIT_NAME: &str = "deskbreak.service";

/// The unit as packaged (`ExecStart=/usr/bin/deskbreak run`).
pub const UNIT_TEMPLATE: &str = include_str!("../systemd/deskbreak.service");

/// Names the program run as `systemctl` (read only here).
const SYSTEMCTL_VAR: &str = "DESKBREAK_SYSTEMCTL";

/// Where packages and administrators put user units, in systemd's order of precedence.
/// `~/.config/systemd/user` comes before all of them, so a copy there hides them.
const SYSTEM_UNIT_DIRS: [&str; 3] = [
    "/etc/systemd/user",
    "/usr/local/lib/systemd/user",
    "/usr/lib/systemd/user",
];

/// Why installing or uninstalling failed. Each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// No home directory to find `~/.config` in.
    #[error("{}", t!("service-error-no-home"))]
    NoHome,
    /// The running binary's path could not be found.
    #[error("{}", t!("service-error-binary", error = .0.to_string()))]
    Binary(io::Error),
    /// The binary's path cannot be written into a unit or desktop file.
    #[error("{}", t!(
        "service-error-unusable-path",
        path = format!("{:?}", .path),
        why = .why.to_string()
    ))]
    UnusablePath {
        /// The binary's path.
        path: PathBuf,
        /// What is wrong with it.
        why: PathProblem,
    },
    /// A file could not be written or removed.
    #[error("{}", .action.describe(.path, .source))]
    File {
        /// What was being done.
        action: FileAction,
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// There is no systemd user manager to talk to.
    #[error("{}", t!("service-error-no-user-manager", reason = .reason.to_string()))]
    NoUserManager {
        /// Why not.
        reason: ManagerError,
    },
    /// A systemctl call failed.
    #[error("{}", t!(
        "service-error-systemctl",
        command = .command.as_str(),
        message = .message.as_str()
    ))]
    Systemctl {
        /// The arguments after `--user`.
        command: String,
        /// What it said.
        message: String,
    },
}

/// Why the binary's path cannot go into a unit or desktop file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PathProblem {
    /// Not UTF-8.
    #[error("{}", t!("service-path-not-utf8"))]
    NotUtf8,
    /// A control character (a line break would end the line).
    #[error("{}", t!("service-path-control"))]
    Control,
    /// Not absolute.
    #[error("{}", t!("service-path-relative"))]
    Relative,
}

/// What was being done to a file when it failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileAction {
    /// Writing it.
    Write,
    /// Removing it.
    Remove,
    /// Creating the folder it goes in.
    CreateFolder,
}

impl FileAction {
    fn describe(self, path: &Path, source: &io::Error) -> String {
        let (path, error) = (path.display().to_string(), source.to_string());
        match self {
            FileAction::Write => t!("service-error-write", path = path, error = error),
            FileAction::Remove => t!("service-error-remove", path = path, error = error),
            FileAction::CreateFolder => {
                t!("service-error-create-folder", path = path, error = error)
            }
        }
    }
}

/// Where the user's unit and autostart entry go.
#[derive(Clone, Debug)]
pub struct Locations {
    /// `$XDG_CONFIG_HOME/systemd/user/deskbreak.service`.
    pub unit: PathBuf,
    /// `$XDG_CONFIG_HOME/autostart/deskbreak.desktop`.
    pub autostart: PathBuf,
}

impl Locations {
    /// The standard locations under `$XDG_CONFIG_HOME`.
    pub fn resolve() -> Result<Self, ServiceError> {
        let dirs = BaseDirs::new().ok_or(ServiceError::NoHome)?;
        let config = dirs.config_dir();
        Ok(Self {
            unit: config.join("systemd").join("user").join(UNIT_NAME),
            autostart: config.join("autostart").join("deskbreak.desktop"),
        })
    }
}

/// What one `systemctl` run printed.
#[derive(Debug)]
struct Ran {
    success: bool,
    stdout: String,
    stderr: String,
}

impl Ran {
    /// The first thing it said, for messages.
    fn said(&self) -> String {
        let text = if self.stderr.trim().is_empty() {
            &self.stdout
        } else {
            &self.stderr
        };
        text.lines()
            .find(|l| !l.trim().is_empty())
            .map_or_else(|| t!("service-no-output"), |line| line.trim().to_owned())
    }
}

/// Why `systemctl --user` could not be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ManagerError {
    /// The program is not there.
    #[error("{}", t!("service-manager-not-installed", program = .program.as_str()))]
    NotInstalled {
        /// The program tried.
        program: String,
    },
    /// The program is there but could not be started.
    #[error("{}", t!(
        "service-manager-cannot-run",
        program = .program.as_str(),
        reason = .reason.as_str()
    ))]
    CannotRun {
        /// The program tried.
        program: String,
        /// Why.
        reason: String,
    },
    /// It ran and said no (no user manager answers, typically).
    #[error("{0}")]
    Said(String),
}

/// `systemctl --user`, or the program `DESKBREAK_SYSTEMCTL` names.
#[derive(Clone, Debug)]
pub struct Systemctl {
    program: OsString,
}

impl Systemctl {
    /// `systemctl` from `PATH`, unless `DESKBREAK_SYSTEMCTL` names another program.
    #[must_use]
    pub fn from_env() -> Self {
        let program = std::env::var_os(SYSTEMCTL_VAR)
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| "systemctl".into());
        Self { program }
    }

    /// Run `systemctl --user ARGS`; `Err` when it cannot be run at all.
    fn run(&self, args: &[&str]) -> Result<Ran, ManagerError> {
        let output = Command::new(&self.program)
            .arg("--user")
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(|err| {
                let program = self.program.to_string_lossy().into_owned();
                if err.kind() == io::ErrorKind::NotFound {
                    ManagerError::NotInstalled { program }
                } else {
                    ManagerError::CannotRun {
                        program,
                        reason: err.to_string(),
                    }
                }
            })?;
        Ok(Ran {
            success: output.status.success(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        })
    }

    /// Run `systemctl --user ARGS` and require success.
    fn must(&self, args: &[&str]) -> Result<(), ServiceError> {
        let failed = |message| ServiceError::Systemctl {
            command: args.join(" "),
            message,
        };
        let ran = self.run(args).map_err(|err| failed(err.to_string()))?;
        if ran.success {
            Ok(())
        } else {
            Err(failed(ran.said()))
        }
    }

    /// Whether a systemd user manager answers; `Err` says why not.
    pub fn user_manager(&self) -> Result<(), ManagerError> {
        // The cheapest call that needs the manager and changes nothing.
        let ran = self.run(&["show-environment"])?;
        if ran.success {
            Ok(())
        } else {
            Err(ManagerError::Said(ran.said()))
        }
    }

    /// The first word `systemctl --user VERB deskbreak.service` prints (`enabled`,
    /// `disabled`, `active`, `failed`, …); `None` when it prints nothing (no such unit).
    fn word(&self, verb: &str, unit: &str) -> Option<String> {
        let ran = self.run(&[verb, unit]).ok()?;
        ran.stdout.split_whitespace().next().map(str::to_owned)
    }
}

/// How deskbreak is set up to start, for `deskbreak doctor`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    /// `Err`: no systemd user manager, and why.
    pub manager: Result<(), ManagerError>,
    /// `systemctl --user is-enabled deskbreak.service`, when a manager answered and knows
    /// the unit.
    pub enabled: Option<String>,
    /// `systemctl --user is-active deskbreak.service`, when a manager answered.
    pub active: Option<String>,
    /// Whether the graphical session's target is active (`None`: no manager), since the
    /// unit starts with it.
    pub graphical_session: Option<bool>,
    /// The autostart entry, if there is one.
    pub autostart: Option<PathBuf>,
}

impl State {
    /// Whether the unit is enabled.
    #[must_use]
    pub fn is_enabled(&self) -> bool {
        self.enabled.as_deref() == Some("enabled")
    }

    /// Whether the unit is running.
    #[must_use]
    pub fn is_active(&self) -> bool {
        matches!(self.active.as_deref(), Some("active" | "reloading"))
    }
}

/// Ask systemd and look for the autostart entry.
pub fn state() -> Result<State, ServiceError> {
    let locations = Locations::resolve()?;
    let systemctl = Systemctl::from_env();
    let manager = systemctl.user_manager();
    let (enabled, active, graphical_session) = if manager.is_ok() {
        (
            systemctl.word("is-enabled", UNIT_NAME),
            systemctl.word("is-active", UNIT_NAME),
            Some(
                systemctl
                    .word("is-active", "graphical-session.target")
                    .as_deref()
                    == Some("active"),
            ),
        )
    } else {
        (None, None, None)
    };
    Ok(State {
        manager,
        enabled,
        active,
        graphical_session,
        autostart: locations.autostart.is_file().then_some(locations.autostart),
    })
}

/// The unit for `binary`: the packaged unit with its `ExecStart` pointing there.
pub fn unit_for(binary: &Path) -> Result<String, ServiceError> {
    let exec = format!("ExecStart={} run", systemd_quote(binary)?);
    let mut unit = format!(
        "# Written by `deskbreak service install` for {}.\n\
         # `deskbreak service uninstall` stops, disables and removes it.\n\n",
        checked_text(binary)?
    );
    for line in UNIT_TEMPLATE.lines() {
        unit.push_str(if line.starts_with("ExecStart=") {
            &exec
        } else {
            line
        });
        unit.push('\n');
    }
    Ok(unit)
}

/// The XDG autostart entry that runs `binary`. Its comment (what a desktop's list of
/// startup programs shows) is in every shipped language, as desktop entries do it.
pub fn autostart_entry_for(binary: &Path) -> Result<String, ServiceError> {
    use crate::i18n::{Lang, scoped};
    let comments: String = Lang::ALL
        .into_iter()
        .map(|lang| {
            let comment = scoped(lang, || t!("service-autostart-comment"));
            match lang {
                Lang::En => format!("Comment={comment}\n"),
                other => format!("Comment[{}]={comment}\n", other.code()),
            }
        })
        .collect();
    Ok(format!(
        "# Written by `deskbreak service install --autostart`; \
         `deskbreak service uninstall` removes it.\n\
         [Desktop Entry]\n\
         Type=Application\n\
         Name=deskbreak\n\
         {comments}\
         Exec={} run\n\
         Icon=preferences-desktop-accessibility\n\
         Terminal=false\n\
         NoDisplay=true\n\
         X-GNOME-Autostart-enabled=true\n",
        desktop_quote(binary)?
    ))
}

/// The path as UTF-8 text without control characters, or why not.
fn checked_text(path: &Path) -> Result<&str, ServiceError> {
    let unusable = |why| ServiceError::UnusablePath {
        path: path.to_owned(),
        why,
    };
    let text = path
        .to_str()
        .ok_or_else(|| unusable(PathProblem::NotUtf8))?;
    if text.chars().any(char::is_control) {
        return Err(unusable(PathProblem::Control));
    }
    if !path.is_absolute() {
        return Err(unusable(PathProblem::Relative));
    }
    Ok(text)
}

/// A path as one word of a systemd command line (systemd.service, "Command lines"):
/// `%` starts a specifier and `$` a variable, so both are doubled; whitespace, quotes and
/// backslashes need double quotes, inside which `"` and `\` are escaped.
fn systemd_quote(path: &Path) -> Result<String, ServiceError> {
    let text = checked_text(path)?;
    let mut word = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => word.push_str("%%"),
            '$' => word.push_str("$$"),
            '\\' => word.push_str("\\\\"),
            '"' => word.push_str("\\\""),
            c => word.push(c),
        }
    }
    let needs_quotes = text
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '\\' | ';'));
    Ok(if needs_quotes {
        format!("\"{word}\"")
    } else {
        word
    })
}

/// A path as one argument of a desktop entry's `Exec` key (Desktop Entry Specification,
/// "The Exec key"): reserved characters need double quotes, inside which `"`, `` ` ``, `$`
/// and `\` are escaped; `%` is doubled (field codes); then the value's own escaping
/// doubles every backslash once more.
fn desktop_quote(path: &Path) -> Result<String, ServiceError> {
    let text = checked_text(path)?;
    let reserved = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\''
                    | '\\'
                    | '>'
                    | '<'
                    | '~'
                    | '|'
                    | '&'
                    | ';'
                    | '$'
                    | '*'
                    | '?'
                    | '#'
                    | '('
                    | ')'
                    | '`'
            )
    };
    let mut arg = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '`' | '$' | '\\' => {
                arg.push('\\');
                arg.push(c);
            }
            '%' => arg.push_str("%%"),
            c => arg.push(c),
        }
    }
    let arg = if text.chars().any(reserved) {
        format!("\"{arg}\"")
    } else {
        arg
    };
    Ok(arg.replace('\\', "\\\\"))
}

/// The binary being run, with symlinks resolved so the unit keeps working when a link
/// (e.g. in `~/.local/bin`) changes.
fn this_binary() -> Result<PathBuf, ServiceError> {
    std::env::current_exe()
        .and_then(std::fs::canonicalize)
        .map_err(ServiceError::Binary)
}

/// A unit for `binary` that a package or the administrator installed, if there is one.
fn system_unit_for(binary: &Path) -> Option<PathBuf> {
    let wanted = format!("ExecStart={} run", systemd_quote(binary).ok()?);
    SYSTEM_UNIT_DIRS
        .iter()
        .map(|dir| Path::new(dir).join(UNIT_NAME))
        .find(|path| {
            std::fs::read_to_string(path)
                .is_ok_and(|unit| unit.lines().any(|line| line.trim() == wanted))
        })
}

/// How to start with the desktop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A systemd user service.
    Systemd,
    /// An XDG autostart entry.
    Autostart,
}

/// Set deskbreak up to start with the desktop, telling `say` each thing done.
pub fn install(mode: Mode, say: &mut dyn FnMut(String)) -> Result<(), ServiceError> {
    let locations = Locations::resolve()?;
    let systemctl = Systemctl::from_env();
    let binary = this_binary()?;
    match mode {
        Mode::Systemd => install_unit(&locations, &systemctl, &binary, say),
        Mode::Autostart => install_autostart(&locations, &systemctl, &binary, say),
    }
}

fn install_unit(
    locations: &Locations,
    systemctl: &Systemctl,
    binary: &Path,
    say: &mut dyn FnMut(String),
) -> Result<(), ServiceError> {
    // Before writing anything: without a manager the unit would only be clutter.
    systemctl
        .user_manager()
        .map_err(|reason| ServiceError::NoUserManager { reason })?;
    let unit = unit_for(binary)?;
    if let Some(packaged) = system_unit_for(binary) {
        if remove(&locations.unit)? {
            say(t!(
                "service-removed-hiding",
                path = shown(&locations.unit),
                unit = shown(&packaged)
            ));
        } else {
            say(t!("service-using-installed", unit = shown(&packaged)));
        }
    } else if std::fs::read_to_string(&locations.unit).is_ok_and(|old| old == unit) {
        say(t!("service-up-to-date", path = shown(&locations.unit)));
    } else {
        write(&locations.unit, &unit)?;
        say(t!(
            "service-wrote-unit",
            path = shown(&locations.unit),
            binary = shown(binary)
        ));
    }
    // Two ways of starting would race for the bus name at every login.
    if remove(&locations.autostart)? {
        say(t!(
            "service-removed-autostart-replaced",
            path = shown(&locations.autostart)
        ));
    }
    systemctl.must(&["daemon-reload"])?;
    say(t!("service-reloaded"));
    systemctl.must(&["enable", "--now", UNIT_NAME])?;
    say(t!("service-enabled", unit = UNIT_NAME));
    if systemctl
        .word("is-active", "graphical-session.target")
        .as_deref()
        != Some("active")
    {
        say(t!("service-no-graphical-session"));
    }
    Ok(())
}

fn install_autostart(
    locations: &Locations,
    systemctl: &Systemctl,
    binary: &Path,
    say: &mut dyn FnMut(String),
) -> Result<(), ServiceError> {
    let entry = autostart_entry_for(binary)?;
    write(&locations.autostart, &entry)?;
    say(t!(
        "service-wrote-autostart",
        path = shown(&locations.autostart)
    ));
    // Two ways of starting would race for the bus name at every login.
    let manager = systemctl.user_manager();
    if manager.is_ok() && systemctl.word("is-enabled", UNIT_NAME).as_deref() == Some("enabled") {
        systemctl.must(&["disable", "--now", UNIT_NAME])?;
        say(t!("service-disabled-replaced", unit = UNIT_NAME));
    }
    if remove(&locations.unit)? {
        say(t!("service-removed", path = shown(&locations.unit)));
        if manager.is_ok() {
            systemctl.must(&["daemon-reload"])?;
            say(t!("service-reloaded"));
        }
    }
    say(t!("service-not-started-now"));
    Ok(())
}

/// Undo [`install`] (either mode), telling `say` each thing done.
pub fn uninstall(say: &mut dyn FnMut(String)) -> Result<(), ServiceError> {
    let locations = Locations::resolve()?;
    let systemctl = Systemctl::from_env();
    let manager = systemctl.user_manager();
    let own_unit = locations.unit.is_file();
    let system_unit = SYSTEM_UNIT_DIRS
        .iter()
        .map(|dir| Path::new(dir).join(UNIT_NAME))
        .find(|path| path.is_file());
    let mut did_something = false;

    match &manager {
        Ok(()) if own_unit || system_unit.is_some() => {
            let was_enabled = systemctl.word("is-enabled", UNIT_NAME).as_deref() == Some("enabled");
            let was_active = matches!(
                systemctl.word("is-active", UNIT_NAME).as_deref(),
                Some("active" | "activating" | "reloading")
            );
            if was_enabled || was_active {
                systemctl.must(&["disable", "--now", UNIT_NAME])?;
                say(t!("service-disabled", unit = UNIT_NAME));
                did_something = true;
            }
        }
        Ok(()) => {}
        Err(reason) if own_unit => say(t!(
            "service-no-manager-nothing-stopped",
            reason = reason.to_string()
        )),
        Err(_) => {}
    }
    if remove(&locations.unit)? {
        say(t!("service-removed", path = shown(&locations.unit)));
        did_something = true;
        if manager.is_ok() {
            systemctl.must(&["daemon-reload"])?;
            say(t!("service-reloaded"));
        }
    }
    if remove(&locations.autostart)? {
        say(t!(
            "service-removed-autostart",
            path = shown(&locations.autostart)
        ));
        did_something = true;
    }
    if !did_something {
        say(t!(
            "service-nothing-to-remove",
            unit = shown(&locations.unit),
            autostart = shown(&locations.autostart)
        ));
    }
    if let Some(path) = system_unit {
        say(t!("service-system-unit-stays", path = shown(&path)));
    }
    Ok(())
}

/// A path as the messages show it.
fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Write `text` to `path`, creating its folder.
fn write(path: &Path, text: &str) -> Result<(), ServiceError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| ServiceError::File {
            action: FileAction::CreateFolder,
            path: dir.to_owned(),
            source,
        })?;
    }
    std::fs::write(path, text).map_err(|source| ServiceError::File {
        action: FileAction::Write,
        path: path.to_owned(),
        source,
    })
}

/// Remove `path`; `false` if it was not there.
fn remove(path: &Path) -> Result<bool, ServiceError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(source) => Err(ServiceError::File {
            action: FileAction::Remove,
            path: path.to_owned(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packaged_unit_runs_the_packaged_binary() {
        let exec: Vec<&str> = UNIT_TEMPLATE
            .lines()
            .filter(|l| l.starts_with("ExecStart="))
            .collect();
        assert_eq!(exec, ["ExecStart=/usr/bin/deskbreak run"]);
    }

    #[test]
    fn the_written_unit_differs_from_the_packaged_one_only_in_exec_start() {
        let unit = unit_for(Path::new("/opt/db/deskbreak")).unwrap();
        assert!(
            unit.contains("\nExecStart=/opt/db/deskbreak run\n"),
            "{unit}"
        );
        let strip = |text: &str| -> Vec<String> {
            text.lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("ExecStart="))
                .map(str::to_owned)
                .collect()
        };
        assert_eq!(strip(&unit), strip(UNIT_TEMPLATE));
    }

    #[test]
    fn systemd_words_are_quoted_and_escaped() {
        let q = |p: &str| systemd_quote(Path::new(p)).unwrap();
        assert_eq!(q("/usr/bin/deskbreak"), "/usr/bin/deskbreak");
        assert_eq!(q("/home/a b/deskbreak"), "\"/home/a b/deskbreak\"");
        assert_eq!(q("/x/100%/$HOME/d"), "/x/100%%/$$HOME/d");
        assert_eq!(q("/x/a\"b\\c"), "\"/x/a\\\"b\\\\c\"");
        assert!(systemd_quote(Path::new("/x/a\nb")).is_err());
        assert!(systemd_quote(Path::new("relative/deskbreak")).is_err());
    }

    #[test]
    fn desktop_exec_arguments_are_quoted_and_escaped() {
        let q = |p: &str| desktop_quote(Path::new(p)).unwrap();
        assert_eq!(q("/usr/bin/deskbreak"), "/usr/bin/deskbreak");
        assert_eq!(q("/home/a b/deskbreak"), "\"/home/a b/deskbreak\"");
        assert_eq!(q("/x/50%/d"), "/x/50%%/d");
        // `$` is reserved: quoted and escaped, and the escape's backslash doubled again.
        assert_eq!(q("/x/$y/d"), "\"/x/\\\\$y/d\"");
    }

    #[test]
    fn the_autostart_entry_runs_the_daemon_hidden() {
        let entry = autostart_entry_for(Path::new("/opt/db/deskbreak")).unwrap();
        for line in [
            "[Desktop Entry]",
            "Type=Application",
            "Exec=/opt/db/deskbreak run",
            "NoDisplay=true",
            "X-GNOME-Autostart-enabled=true",
            "Comment=Desk-break reminder",
            "Comment[de]=Erinnerung an Pausen am Schreibtisch",
            "Comment[fr]=Rappel de pauses au bureau",
            "Comment[es]=Recordatorio de pausas en el escritorio",
        ] {
            assert!(
                entry.lines().any(|l| l == line),
                "{line} missing in:\n{entry}"
            );
        }
    }
}
