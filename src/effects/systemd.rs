//! Telling systemd how the service is doing (`sd_notify`): ready, reloading, stopping, and
//! a one-line status for `systemctl --user status deskbreak`. A no-op outside systemd.

use sd_notify::NotifyState;

fn send(states: &[NotifyState<'_>]) {
    if let Err(err) = sd_notify::notify(states) {
        tracing::debug!(%err, "cannot notify systemd");
    }
}

/// Start-up is done: the bus name is owned and the sources are running.
pub fn ready() {
    send(&[NotifyState::Ready]);
}

/// The one-line status shown by `systemctl --user status`.
pub fn status(line: &str) {
    send(&[NotifyState::Status(line)]);
}

/// A config reload begins (systemd v253+ wants the monotonic time with it).
pub fn reloading() {
    match NotifyState::monotonic_usec_now() {
        Ok(now) => send(&[NotifyState::Reloading, now]),
        Err(_) => send(&[NotifyState::Reloading]),
    }
}

/// A reload is done, or start-up is.
pub fn reloaded() {
    send(&[NotifyState::Ready]);
}

/// Shutting down.
pub fn stopping() {
    send(&[NotifyState::Stopping]);
}
