//! `org.freedesktop.ScreenSaver.GetSessionIdleTime` on the session bus (KDE on X11,
//! and other desktops whose screen saver answers it).
//!
//! The interface has no idle signals, so this backend polls — but never on a fixed tick:
//! while the user is active it sleeps until the earliest moment idle time could reach
//! the threshold (an input in between only pushes that moment later); while idle, the
//! return cannot be predicted, so it checks every [`IDLE_CHECK`].
//!
//! When the service stops answering (its owner left the bus, or a call failed) the
//! backend reports [`Presence::Lost`] and waits for a new owner (or retries one that is
//! still there, with backoff), then [`Presence::Back`].

use std::time::Duration;

use zbus::{Connection, proxy};

use super::{Backoff, Events, Owners, Presence};
use crate::bus;

/// The backend's name in config and logs.
pub const NAME: &str = "screensaver";

/// How often to look for the user's return while they are idle.
const IDLE_CHECK: Duration = Duration::from_secs(5);

/// The freedesktop screen saver's idle time.
#[proxy(
    interface = "org.freedesktop.ScreenSaver",
    default_service = "org.freedesktop.ScreenSaver",
    default_path = "/org/freedesktop/ScreenSaver"
)]
pub trait ScreenSaver {
    /// Milliseconds since the last input (KDE answers in milliseconds, as the
    /// freedesktop draft says).
    fn get_session_idle_time(&self) -> zbus::Result<u32>;
}

/// Why the screen saver service cannot be used.
///
/// The message already says the bus error, so an error chain would say it twice; these
/// reasons are only ever shown with `Display` (in the log and by doctor).
#[derive(Debug, thiserror::Error)]
pub enum ScreenSaverError {
    /// The proxy could not be made on the connection.
    #[error("{0}")]
    Proxy(#[source] zbus::Error),
    /// The service did not answer `GetSessionIdleTime`.
    #[error(
        "org.freedesktop.ScreenSaver.GetSessionIdleTime is not available ({})",
        bus::describe(.0)
    )]
    Unavailable(#[source] zbus::Error),
}

/// The screen saver service, reached over the daemon's session-bus connection.
#[derive(Debug)]
pub struct Backend {
    screensaver: ScreenSaverProxy<'static>,
    threshold: Duration,
}

/// Check that the screen saver on `connection` answers `GetSessionIdleTime`.
///
/// # Errors
///
/// No screen saver service answers `GetSessionIdleTime` here.
pub async fn probe(
    connection: &Connection,
    threshold: Duration,
) -> Result<Backend, ScreenSaverError> {
    let screensaver = ScreenSaverProxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .map_err(ScreenSaverError::Proxy)?;
    idle_time(&screensaver)
        .await
        .map_err(ScreenSaverError::Unavailable)?;
    Ok(Backend {
        screensaver,
        threshold,
    })
}

async fn idle_time(screensaver: &ScreenSaverProxy<'_>) -> zbus::Result<Duration> {
    let ms = screensaver.get_session_idle_time().await?;
    Ok(Duration::from_millis(u64::from(ms)))
}

impl Backend {
    /// Report presence changes until `events` closes, following the service when it
    /// goes away and comes back.
    pub async fn run(self, events: Events) {
        let mut owners: Owners = match self.screensaver.inner().receive_owner_changed().await {
            Ok(owners) => owners,
            Err(err) => {
                tracing::warn!(
                    "screensaver: cannot follow the service ({}); idle time is no longer tracked",
                    bus::describe(&err)
                );
                let _ = events.send(Presence::Lost).await;
                return;
            }
        };
        let mut idle = false;
        let mut lost = false;
        let mut backoff = Backoff::new();
        loop {
            let idle_for = match idle_time(&self.screensaver).await {
                Ok(idle_for) => idle_for,
                Err(err) => {
                    let mut owned = !bus::absent(&err);
                    if !lost {
                        tracing::warn!(
                            "screensaver: the service stopped answering ({}); idle time is \
                             not tracked until it is back",
                            bus::describe(&err)
                        );
                        if events.send(Presence::Lost).await.is_err() {
                            return;
                        }
                        lost = true;
                        idle = false;
                        backoff = Backoff::new();
                    }
                    if !super::peer_may_be_back(&events, &mut owners, &mut owned, &mut backoff)
                        .await
                    {
                        return;
                    }
                    continue;
                }
            };
            if lost {
                tracing::info!("screensaver: the service answers again; idle time is tracked");
                if events.send(Presence::Back).await.is_err() {
                    return;
                }
                lost = false;
            }
            let report = match (idle, idle_for >= self.threshold) {
                (false, true) => Some(Presence::Idle { idle_for }),
                (true, false) => Some(Presence::Active),
                _ => None,
            };
            if let Some(report) = report {
                idle = matches!(report, Presence::Idle { .. });
                if events.send(report).await.is_err() {
                    return;
                }
            }
            let nap = if idle {
                IDLE_CHECK
            } else {
                self.threshold
                    .saturating_sub(idle_for)
                    .max(Duration::from_millis(100))
            };
            tokio::select! {
                () = events.closed() => return,
                () = tokio::time::sleep(nap) => {}
            }
        }
    }
}
