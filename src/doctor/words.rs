//! What the sources report, in the words `doctor` prints, in the language in use.
//!
//! The errors' `Display` stays English: it is what the log says. A cause quoted from the
//! system (an `io::Error`, what zbus, x11rb or wayland-client say, systemctl's own words)
//! stays as the system words it.

use crate::bus::{self, BusError};
use crate::human;
use crate::service::{ManagerError, ServiceError};
use crate::sources::activity::{
    PROBE_TIMEOUT, ProbeError, gnome::GnomeError, screensaver::ScreenSaverError,
    wayland::WaylandError, x11::X11Error,
};
use crate::sources::logind::LogindError;
use crate::t;

/// Why there is no session bus.
pub(super) fn bus_error(err: &BusError) -> String {
    match err {
        BusError::Unreachable(err) => t!("doctor-bus-cannot-connect", error = err.to_string()),
        BusError::NoAnswer => t!(
            "doctor-bus-no-answer",
            duration = human::duration(bus::CALL_TIMEOUT)
        ),
    }
}

/// Why an idle backend was passed over.
pub(super) fn probe_error(err: &ProbeError) -> String {
    match err {
        ProbeError::Wayland(err) => wayland_error(err),
        ProbeError::Gnome(GnomeError::Proxy(err))
        | ProbeError::ScreenSaver(ScreenSaverError::Proxy(err)) => bus::cause(err),
        ProbeError::Gnome(GnomeError::Unavailable(err)) => {
            t!("doctor-gnome-unavailable", error = bus::cause(err))
        }
        ProbeError::ScreenSaver(ScreenSaverError::Unavailable(err)) => {
            t!("doctor-screensaver-unavailable", error = bus::cause(err))
        }
        ProbeError::X11(err) => x11_error(err),
        ProbeError::NoBus => t!("doctor-hold-no-bus"),
        ProbeError::NotABackend => t!("doctor-idle-not-a-backend"),
        ProbeError::Timeout => t!(
            "doctor-idle-timeout",
            duration = human::duration(PROBE_TIMEOUT)
        ),
    }
}

fn wayland_error(err: &WaylandError) -> String {
    match err {
        WaylandError::InheritedSocket(err) => {
            t!("doctor-wayland-inherited-socket", error = err.to_string())
        }
        WaylandError::NoDisplay => t!("doctor-wayland-no-display"),
        WaylandError::NoRuntimeDir { display } => t!(
            "doctor-wayland-no-runtime-dir",
            display = display.display().to_string()
        ),
        WaylandError::Connect { path, source } => t!(
            "doctor-wayland-connect",
            path = path.display().to_string(),
            error = source.to_string()
        ),
        WaylandError::Socket { path, source } => t!(
            "doctor-wayland-socket",
            path = path.display().to_string(),
            error = source.to_string()
        ),
        WaylandError::Watch(err) => t!("doctor-wayland-watch", error = err.to_string()),
        WaylandError::Timeout => t!(
            "doctor-wayland-timeout",
            duration = human::duration(PROBE_TIMEOUT)
        ),
        WaylandError::NoIdleNotify => t!("doctor-wayland-no-idle-notify"),
        WaylandError::NoSeat => t!("doctor-wayland-no-seat"),
        WaylandError::Protocol(err) => t!("doctor-wayland-protocol", error = err.to_string()),
        WaylandError::Connection(err) => {
            t!("doctor-wayland-connection", error = err.to_string())
        }
        WaylandError::Dispatch(err) => t!("doctor-wayland-dispatch", error = err.to_string()),
    }
}

fn x11_error(err: &X11Error) -> String {
    match err {
        X11Error::EmptyDisplay => t!("doctor-x11-empty-display"),
        X11Error::NoDisplay => t!("doctor-x11-no-display"),
        X11Error::DisplayNotUtf8 => t!("doctor-x11-display-not-utf8"),
        X11Error::Thread(err) => t!("doctor-x11-thread", error = err.to_string()),
        X11Error::ProbeDied { display } => {
            t!("doctor-x11-probe-died", display = display.as_str())
        }
        X11Error::Timeout { display } => t!(
            "doctor-x11-timeout",
            display = display.as_str(),
            duration = human::duration(PROBE_TIMEOUT)
        ),
        X11Error::Connect { display, source } => t!(
            "doctor-x11-connect",
            display = display.as_str(),
            error = source.to_string()
        ),
        X11Error::NoScreen { display, screen } => t!(
            "doctor-x11-no-screen",
            display = display.as_str(),
            screen = *screen
        ),
        X11Error::NoScreenSaver { display } => t!(
            "doctor-x11-no-screensaver",
            display = display.as_str(),
            extension = x11rb::protocol::screensaver::X11_EXTENSION_NAME
        ),
        X11Error::Request { display, source } => t!(
            "doctor-x11-failed",
            display = display.as_str(),
            error = source.to_string()
        ),
        X11Error::NoId { display, source } => t!(
            "doctor-x11-failed",
            display = display.as_str(),
            error = source.to_string()
        ),
    }
}

/// Why logind cannot be followed.
pub(super) fn logind_error(err: &LogindError) -> String {
    match err {
        LogindError::NoBus(err) => t!("doctor-logind-no-bus", error = err.to_string()),
        LogindError::Timeout => t!("doctor-logind-timeout"),
        LogindError::UnknownSession { id, source } => t!(
            "doctor-logind-unknown-session",
            id = id.as_str(),
            error = bus::cause(source)
        ),
        LogindError::Unavailable(err) => {
            t!("doctor-logind-unavailable", error = bus::cause(err))
        }
        LogindError::NoDisplay(err) => t!("doctor-logind-no-display", error = bus::cause(err)),
        LogindError::NoGraphicalSession => t!("doctor-logind-no-graphical-session"),
        LogindError::Closed => t!("doctor-logind-closed"),
        LogindError::Bus(err) => bus::cause(err),
    }
}

/// Why there is no systemd user manager to ask.
pub(super) fn manager_error(err: &ManagerError) -> String {
    match err {
        ManagerError::NotInstalled { program } => {
            t!("doctor-systemctl-not-installed", program = program.as_str())
        }
        ManagerError::CannotRun { program, reason } => t!(
            "doctor-systemctl-cannot-run",
            program = program.as_str(),
            error = reason.as_str()
        ),
        // systemctl's own words.
        ManagerError::Said(said) => said.clone(),
    }
}

/// Why the service's state cannot be told (only a missing home folder stops it).
pub(super) fn service_error(err: &ServiceError) -> String {
    match err {
        ServiceError::NoHome => t!("doctor-service-no-home"),
        other => other.to_string(),
    }
}
