//! The session-bus connection: one per process, shared by the control service, the
//! notifier and the D-Bus idle backends, with one bound on every call made over it.
//!
//! zbus applies [`CALL_TIMEOUT`] to each method call on the connection
//! (`connection::Builder::method_timeout`), so no caller writes its own timeout; the
//! connection's own set-up (the socket, authentication, `Hello`) is bounded here, since a
//! bus socket that accepts and never answers would otherwise hang whoever connects.
//! logind lives on the system bus and keeps its own connection.

use std::time::Duration;

use zbus::{Connection, fdo};

/// The longest any peer on the bus (and the bus itself) gets to answer one call.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(5);

/// Why there is no session-bus connection.
#[derive(Debug, thiserror::Error)]
pub enum BusError {
    /// No address, no socket, or the bus refused us.
    #[error("{}", crate::t!("bus-error-unreachable", error = .0.to_string()))]
    Unreachable(zbus::Error),
    /// Something accepted the connection but never finished the handshake.
    #[error("{}", crate::t!("bus-error-no-answer", seconds = CALL_TIMEOUT.as_secs()))]
    NoAnswer,
}

/// Connect to the session bus, with [`CALL_TIMEOUT`] on every call made over it.
pub async fn session() -> Result<Connection, BusError> {
    let connect = zbus::connection::Builder::session()
        .method_timeout(CALL_TIMEOUT)
        .build();
    match tokio::time::timeout(CALL_TIMEOUT, connect).await {
        Ok(Ok(connection)) => Ok(connection),
        Ok(Err(err)) if timed_out(&err) => Err(BusError::NoAnswer),
        Ok(Err(err)) => Err(BusError::Unreachable(err)),
        Err(_) => Err(BusError::NoAnswer),
    }
}

/// Whether a call failed because its peer did not answer within [`CALL_TIMEOUT`].
#[must_use]
pub fn timed_out(err: &zbus::Error) -> bool {
    matches!(err, zbus::Error::InputOutput(e) if e.kind() == std::io::ErrorKind::TimedOut)
}

/// Whether a call failed because nobody owns the name it was sent to (and the bus
/// cannot start anyone for it).
#[must_use]
pub fn absent(err: &zbus::Error) -> bool {
    match err {
        zbus::Error::MethodError(name, _, _) => matches!(
            name.as_str(),
            "org.freedesktop.DBus.Error.ServiceUnknown"
                | "org.freedesktop.DBus.Error.NameHasNoOwner"
        ),
        zbus::Error::FDO(e) => matches!(
            **e,
            fdo::Error::ServiceUnknown(_) | fdo::Error::NameHasNoOwner(_)
        ),
        _ => false,
    }
}

/// A call's failure in words for a person (`doctor`): a timeout in the language in use,
/// saying how long was waited; anything else as zbus words it.
#[must_use]
pub fn cause(err: &zbus::Error) -> String {
    if timed_out(err) {
        crate::t!(
            "doctor-holds-no-answer",
            duration = crate::human::duration(CALL_TIMEOUT)
        )
    } else {
        err.to_string()
    }
}

/// A call's failure in words for the log: a timeout says how long was waited.
#[must_use]
pub fn describe(err: &zbus::Error) -> String {
    if timed_out(err) {
        format!("no answer within {} s", CALL_TIMEOUT.as_secs())
    } else {
        err.to_string()
    }
}
