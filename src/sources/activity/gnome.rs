//! GNOME / Mutter: `org.gnome.Mutter.IdleMonitor` on the session bus.
//!
//! GNOME does not implement Wayland's ext-idle-notify, but Mutter offers watches: an idle
//! watch fires each time idle time reaches its interval, a user-active watch fires once
//! on the next input. Mutter sends `WatchFired` only to the connection that added the
//! watch, so the subscription is made on the same connection before the watch is added.
//! Event-driven: nothing wakes deskbreak while the state does not change.

use std::time::Duration;

use futures_util::StreamExt;
use zbus::message::Type;
use zbus::{Connection, MatchRule, MessageStream};

use super::{Events, Presence};

/// The backend's name in config and logs.
pub const NAME: &str = "gnome";

const SERVICE: &str = "org.gnome.Mutter.IdleMonitor";
const PATH: &str = "/org/gnome/Mutter/IdleMonitor/Core";
const INTERFACE: &str = "org.gnome.Mutter.IdleMonitor";
const CALL_TIMEOUT: Duration = Duration::from_secs(5);

/// A connection to Mutter's idle monitor.
#[derive(Debug)]
pub struct Backend {
    connection: Connection,
    threshold: Duration,
}

/// Check that Mutter's idle monitor answers on the session bus.
pub async fn probe(threshold: Duration) -> Result<Backend, String> {
    let connection = super::session_bus().await?;
    let _: u64 = call(&connection, "GetIdletime", &())
        .await
        .map_err(|e| format!("{SERVICE} is not available ({e}); not a GNOME session"))?;
    Ok(Backend {
        connection,
        threshold,
    })
}

impl Backend {
    /// Report presence changes until `events` closes or Mutter goes away.
    pub async fn run(self, events: Events) {
        if let Err(err) = self.watch(&events).await {
            tracing::warn!("GNOME idle monitor stopped: {err}; idle time is no longer tracked");
        }
    }

    async fn watch(&self, events: &Events) -> Result<(), String> {
        let rule = MatchRule::builder()
            .msg_type(Type::Signal)
            .interface(INTERFACE)
            .member("WatchFired")
            .path(PATH)
            .build()
            .map_err(|e| e.to_string())?;
        let mut fired = MessageStream::for_match_rule(rule, &self.connection, None)
            .await
            .map_err(|e| e.to_string())?;
        let interval_ms = u64::try_from(self.threshold.as_millis()).unwrap_or(u64::MAX);
        let idle_watch: u32 = call(&self.connection, "AddIdleWatch", &(interval_ms,)).await?;
        let mut active_watch: Option<u32> = None;

        loop {
            let message = tokio::select! {
                () = events.closed() => return Ok(()),
                message = fired.next() => message,
            };
            let Some(message) = message else {
                return Err("the session bus connection closed".into());
            };
            let Ok(message) = message else { continue };
            let Ok(id) = message.body().deserialize::<u32>() else {
                continue;
            };
            if id == idle_watch && active_watch.is_none() {
                // Ask for the next input before reporting, so none is missed.
                active_watch = Some(call(&self.connection, "AddUserActiveWatch", &()).await?);
                let idle_for = call::<u64>(&self.connection, "GetIdletime", &())
                    .await
                    .map(Duration::from_millis)
                    .unwrap_or(self.threshold)
                    .max(self.threshold);
                if events.send(Presence::Idle { idle_for }).await.is_err() {
                    return Ok(());
                }
            } else if Some(id) == active_watch {
                // User-active watches fire once and are removed by Mutter.
                active_watch = None;
                if events.send(Presence::Active).await.is_err() {
                    return Ok(());
                }
            }
        }
    }
}

async fn call<R>(
    connection: &Connection,
    method: &str,
    body: &(impl serde::Serialize + zbus::zvariant::DynamicType),
) -> Result<R, String>
where
    R: for<'d> zbus::zvariant::DynamicDeserialize<'d>,
{
    let reply = tokio::time::timeout(
        CALL_TIMEOUT,
        connection.call_method(Some(SERVICE), PATH, Some(INTERFACE), method, body),
    )
    .await
    .map_err(|_| format!("{method} timed out"))?
    .map_err(|e| e.to_string())?;
    reply.body().deserialize().map_err(|e| e.to_string())
}
