//! What the D-Bus detectors share: calls that never start a service, signal streams that
//! follow a name's owner, hints that coalesce, and peer text made safe to show.
//!
//! A detector asks about desktops that may not be running. Every call is sent with
//! `NO_AUTO_START`, so asking never launches a notification server or `xfconfd` the bus
//! could activate; a name nobody owns answers at once with an error ([`crate::bus::absent`]).
//! Each call is bounded by the shared connection's timeout ([`crate::bus::CALL_TIMEOUT`]).

use std::pin::Pin;

use futures_util::{Stream, StreamExt};
use tokio::sync::mpsc::{self, error::TrySendError};
use zbus::proxy::CacheProperties;
use zbus::{Connection, OwnedVariant, proxy};

/// `org.freedesktop.DBus.Properties`, without auto-start.
#[proxy(interface = "org.freedesktop.DBus.Properties")]
trait Properties {
    #[zbus(no_autostart)]
    fn get(&self, interface_name: &str, property_name: &str) -> zbus::Result<OwnedVariant>;
}

/// Read one property of `interface` at `destination` `path`.
pub(super) async fn property(
    conn: &Connection,
    destination: &'static str,
    path: &'static str,
    interface: &str,
    name: &str,
) -> zbus::Result<OwnedVariant> {
    PropertiesProxy::builder(conn)
        .destination(destination)
        .path(path)
        .cache_properties(CacheProperties::No)
        .build()
        .await?
        .get(interface, name)
        .await
}

/// A stream of the signals `member` (all of them with `None`) of `interface` that the
/// current owner of `destination` sends from `path`, with string arguments matched as in
/// a match rule. zbus follows the owner, so a server that restarts is still heard.
pub(super) async fn signals(
    conn: &Connection,
    destination: &'static str,
    path: &'static str,
    interface: &'static str,
    member: Option<&'static str>,
    args: &[(u8, &str)],
) -> zbus::Result<Ticks> {
    let proxy = zbus::proxy::Builder::<zbus::Proxy<'_>>::new(conn)
        .destination(destination)
        .path(path)
        .interface(interface)
        .cache_properties(CacheProperties::No)
        .build()
        .await?;
    let stream = match member {
        Some(member) => proxy.receive_signal_with_args(member, args).await?,
        None => proxy.receive_all_signals().await?,
    };
    Ok(Box::pin(stream.map(|_| ())))
}

/// The comings and goings of `name`'s owner (one tick per change).
pub(super) async fn owner_changes(conn: &Connection, name: &'static str) -> zbus::Result<Ticks> {
    let proxy = zbus::fdo::DBusProxy::new(conn).await?;
    let stream = proxy
        .receive_name_owner_changed_with_args(&[(0, name)])
        .await?;
    Ok(Box::pin(stream.map(|_| ())))
}

/// Whether anyone owns `name` now.
pub(super) async fn owned(conn: &Connection, name: &'static str) -> bool {
    match zbus::fdo::DBusProxy::new(conn).await {
        Ok(proxy) => match zbus::names::BusName::try_from(name) {
            Ok(bus_name) => proxy.name_has_owner(bus_name).await.unwrap_or(false),
            Err(_) => false,
        },
        Err(_) => false,
    }
}

/// A stream that only says "something happened".
pub(super) type Ticks = Pin<Box<dyn Stream<Item = ()> + Send>>;

/// Send one hint; hints not yet taken are one hint. `false`: nobody listens any more.
pub(super) fn hint(hint: &mpsc::Sender<()>) -> bool {
    !matches!(hint.try_send(()), Err(TrySendError::Closed(())))
}

/// Longest piece of a peer's text (an app id, a reason) kept for the status and history.
const MAX_PEER_TEXT: usize = 60;

/// A peer's text as it may be shown: control characters become spaces, runs of spaces
/// one, and it is cut to [`MAX_PEER_TEXT`] characters.
pub(super) fn clean(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = if c.is_control() { ' ' } else { c };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        if out.chars().count() == MAX_PEER_TEXT {
            out.pop();
            out.push('…');
            break;
        }
        out.push(c);
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peer_text_is_one_short_line() {
        assert_eq!(
            clean("  Firefox\n\tplaying\u{7}video "),
            "Firefox playing video"
        );
        assert_eq!(clean(""), "");
        let long = "x".repeat(500);
        let cut = clean(&long);
        assert_eq!(cut.chars().count(), MAX_PEER_TEXT);
        assert!(cut.ends_with('…'));
    }

    #[tokio::test]
    async fn hints_coalesce_and_a_dropped_receiver_stops_the_sender() {
        let (tx, mut rx) = mpsc::channel(1);
        assert!(hint(&tx));
        assert!(hint(&tx));
        assert_eq!(rx.recv().await, Some(()));
        assert!(rx.try_recv().is_err());
        drop(rx);
        assert!(!hint(&tx));
    }
}
