//! GNOME / Mutter: `org.gnome.Mutter.IdleMonitor` on the session bus.
//!
//! GNOME does not implement Wayland's ext-idle-notify, but Mutter offers watches: an idle
//! watch fires each time idle time reaches its interval, a user-active watch fires once
//! on the next input. Mutter sends `WatchFired` only to the connection that added the
//! watch, so the subscription is made on the same connection before the watch is added.
//! Event-driven: nothing wakes deskbreak while the state does not change.
//!
//! Mutter's watches live in gnome-shell: when it restarts (Alt+F2 `r` on X11, a crash)
//! they are gone. The backend follows the name's owner and arms its watches again on the
//! new one.

use std::time::Duration;

use futures_util::StreamExt;
use zbus::{Connection, proxy};

use super::{Backoff, Events, Owners, Presence};
use crate::bus;

/// The backend's name in config and logs.
pub const NAME: &str = "gnome";

/// Mutter's idle monitor for the core (all devices).
#[proxy(
    interface = "org.gnome.Mutter.IdleMonitor",
    default_service = "org.gnome.Mutter.IdleMonitor",
    default_path = "/org/gnome/Mutter/IdleMonitor/Core"
)]
pub trait IdleMonitor {
    /// Milliseconds since the last input.
    fn get_idletime(&self) -> zbus::Result<u64>;
    /// A watch that fires each time idle time reaches `interval` ms.
    fn add_idle_watch(&self, interval: u64) -> zbus::Result<u32>;
    /// A watch that fires once, on the next input.
    fn add_user_active_watch(&self) -> zbus::Result<u32>;
    /// Remove a watch.
    fn remove_watch(&self, id: u32) -> zbus::Result<()>;
    /// A watch fired.
    #[zbus(signal)]
    fn watch_fired(&self, id: u32) -> zbus::Result<()>;
}

/// Why Mutter's idle monitor cannot be used.
///
/// The message already says the bus error, so an error chain would say it twice; these
/// reasons are only ever shown with `Display` (in the log and by doctor).
#[derive(Debug, thiserror::Error)]
pub enum GnomeError {
    /// The proxy could not be made on the connection.
    #[error("{0}")]
    Proxy(#[source] zbus::Error),
    /// The idle monitor did not answer `GetIdletime`.
    #[error(
        "org.gnome.Mutter.IdleMonitor is not available ({}); not a GNOME session",
        bus::describe(.0)
    )]
    Unavailable(#[source] zbus::Error),
}

/// Mutter's idle monitor, reached over the daemon's session-bus connection.
#[derive(Debug)]
pub struct Backend {
    monitor: IdleMonitorProxy<'static>,
    threshold: Duration,
}

/// Check that Mutter's idle monitor answers on `connection`.
///
/// # Errors
///
/// The idle monitor does not answer: not a GNOME session.
pub async fn probe(connection: &Connection, threshold: Duration) -> Result<Backend, GnomeError> {
    let monitor = IdleMonitorProxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .map_err(GnomeError::Proxy)?;
    monitor
        .get_idletime()
        .await
        .map_err(GnomeError::Unavailable)?;
    Ok(Backend { monitor, threshold })
}

/// Why watching stopped.
enum Ended {
    /// The daemon stopped listening.
    Closed,
    /// Mutter left the bus, or a call to it failed. `owned`: the name has an owner now
    /// (a restarted Mutter, or one that failed a call), to be tried again.
    PeerGone { why: String, owned: bool },
}

impl Backend {
    /// Report presence changes until `events` closes, following Mutter through restarts.
    pub async fn run(self, events: Events) {
        let owners = self.monitor.inner().receive_owner_changed().await;
        let mut owners: Owners = match owners {
            Ok(owners) => owners,
            Err(err) => {
                tracing::warn!(
                    "gnome: cannot follow the idle monitor ({}); idle time is no longer tracked",
                    bus::describe(&err)
                );
                let _ = events.send(Presence::Lost).await;
                return;
            }
        };
        let mut lost = false;
        let mut backoff = Backoff::new();
        loop {
            let (why, mut owned) = match self.watch(&events, &mut owners, &mut lost).await {
                Ended::Closed => return,
                Ended::PeerGone { why, owned } => (why, owned),
            };
            if !lost {
                tracing::warn!(
                    "gnome: the idle monitor went away ({why}); idle time is not tracked \
                     until it is back"
                );
                if events.send(Presence::Lost).await.is_err() {
                    return;
                }
                lost = true;
                backoff = Backoff::new();
            } else {
                tracing::debug!("gnome: the idle monitor is not back yet ({why})");
            }
            // An owner that is there is tried again after a while; one that left is
            // waited for.
            if !super::peer_may_be_back(&events, &mut owners, &mut owned, &mut backoff).await {
                return;
            }
        }
    }

    /// Arm the watches and report until Mutter goes or `events` closes. `lost`: this is
    /// a return after [`Presence::Lost`], reported as [`Presence::Back`] (and `lost`
    /// cleared) once the watches are armed.
    async fn watch(&self, events: &Events, owners: &mut Owners, lost: &mut bool) -> Ended {
        let gone = |e: zbus::Error| Ended::PeerGone {
            why: bus::describe(&e),
            owned: !bus::absent(&e),
        };
        // Subscribed before the watch is added, so that no firing is missed.
        let mut fired = match self.monitor.receive_watch_fired().await {
            Ok(fired) => fired,
            Err(e) => return gone(e),
        };
        let interval_ms = u64::try_from(self.threshold.as_millis()).unwrap_or(u64::MAX);
        let idle_watch = match self.monitor.add_idle_watch(interval_ms).await {
            Ok(id) => id,
            Err(e) => return gone(e),
        };
        if *lost {
            tracing::info!("gnome: the idle monitor is back; idle time is tracked again");
            if events.send(Presence::Back).await.is_err() {
                return Ended::Closed;
            }
            *lost = false;
        }
        let mut active_watch: Option<u32> = None;
        loop {
            let signal = tokio::select! {
                () = events.closed() => return Ended::Closed,
                owner = owners.next() => match owner {
                    // A new owner is a new Mutter without our watches.
                    Some(Some(_)) => return Ended::PeerGone {
                        why: "gnome-shell restarted".into(),
                        owned: true,
                    },
                    Some(None) => return Ended::PeerGone {
                        why: "gnome-shell left the bus".into(),
                        owned: false,
                    },
                    None => {
                        tracing::warn!("gnome: lost the session bus; idle time is no longer tracked");
                        let _ = events.send(Presence::Lost).await;
                        return Ended::Closed;
                    }
                },
                signal = fired.next() => signal,
            };
            let Some(signal) = signal else {
                // The bus connection ended: nothing can come back on it.
                tracing::warn!("gnome: lost the session bus; idle time is no longer tracked");
                let _ = events.send(Presence::Lost).await;
                return Ended::Closed;
            };
            let Ok(id) = signal.args().map(|a| a.id) else {
                continue;
            };
            if id == idle_watch && active_watch.is_none() {
                // Ask for the next input before reporting, so none is missed.
                match self.monitor.add_user_active_watch().await {
                    Ok(id) => active_watch = Some(id),
                    Err(e) => return gone(e),
                }
                let idle_for = self
                    .monitor
                    .get_idletime()
                    .await
                    .map(Duration::from_millis)
                    .unwrap_or(self.threshold)
                    .max(self.threshold);
                if events.send(Presence::Idle { idle_for }).await.is_err() {
                    return Ended::Closed;
                }
            } else if Some(id) == active_watch {
                // User-active watches fire once and are removed by Mutter.
                active_watch = None;
                if events.send(Presence::Active).await.is_err() {
                    return Ended::Closed;
                }
            }
        }
    }
}
