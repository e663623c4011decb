//! `org.freedesktop.ScreenSaver.GetSessionIdleTime` on the session bus (KDE on X11,
//! and other desktops whose screen saver answers it).
//!
//! The interface has no idle signals, so this backend polls — but never on a fixed tick:
//! while the user is active it sleeps until the earliest moment idle time could reach
//! the threshold (an input in between only pushes that moment later); while idle, the
//! return cannot be predicted, so it checks every [`IDLE_CHECK`].

use std::time::Duration;

use zbus::Connection;

use super::{Events, Presence};

/// The backend's name in config and logs.
pub const NAME: &str = "screensaver";

const SERVICE: &str = "org.freedesktop.ScreenSaver";
const PATH: &str = "/org/freedesktop/ScreenSaver";
const CALL_TIMEOUT: Duration = Duration::from_secs(5);
/// How often to look for the user's return while they are idle.
const IDLE_CHECK: Duration = Duration::from_secs(5);

/// A connection to the screen saver service.
#[derive(Debug)]
pub struct Backend {
    connection: Connection,
    threshold: Duration,
}

/// Check that the screen saver answers `GetSessionIdleTime`.
pub async fn probe(threshold: Duration) -> Result<Backend, String> {
    let connection = super::session_bus().await?;
    idle_time(&connection)
        .await
        .map_err(|e| format!("{SERVICE}.GetSessionIdleTime is not available ({e})"))?;
    Ok(Backend {
        connection,
        threshold,
    })
}

/// The idle time the service reports. KDE answers in milliseconds, as the freedesktop
/// draft says.
async fn idle_time(connection: &Connection) -> Result<Duration, String> {
    let reply = tokio::time::timeout(
        CALL_TIMEOUT,
        connection.call_method(
            Some(SERVICE),
            PATH,
            Some(SERVICE),
            "GetSessionIdleTime",
            &(),
        ),
    )
    .await
    .map_err(|_| "GetSessionIdleTime timed out".to_owned())?
    .map_err(|e| e.to_string())?;
    let ms: u32 = reply.body().deserialize().map_err(|e| e.to_string())?;
    Ok(Duration::from_millis(u64::from(ms)))
}

impl Backend {
    /// Report presence changes until `events` closes or the service stops answering.
    pub async fn run(self, events: Events) {
        let mut idle = false;
        loop {
            let idle_for = match idle_time(&self.connection).await {
                Ok(idle_for) => idle_for,
                Err(err) => {
                    tracing::warn!(
                        "{SERVICE} stopped answering ({err}); idle time is no longer tracked"
                    );
                    return;
                }
            };
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
