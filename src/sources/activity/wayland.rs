//! Wayland idle backend: the compositor's `ext-idle-notify-v1` protocol.
//!
//! We ask the compositor for one idle notification with `timeout = threshold`; it then
//! sends `idled` once the user has not touched the seat for that long and `resumed` at the
//! next input. Nothing is polled: [`Backend::run`] sleeps on the Wayland socket (registered
//! with tokio's reactor) and wakes only when the compositor writes.
//!
//! Supported by wlroots-based compositors (Sway, Hyprland, river, labwc…), KDE Plasma 6,
//! COSMIC and niri; GNOME does not implement it (the `gnome` backend covers GNOME).

use std::path::{Path, PathBuf};
use std::time::Duration;

use tracing::{debug, info, warn};
use wayland_client::backend;
use wayland_client::protocol::{wl_callback, wl_registry, wl_seat};
use wayland_client::{ConnectError, Connection, Dispatch, DispatchError, Proxy, QueueHandle};
use wayland_protocols::ext::idle_notify::v1::client::{
    ext_idle_notification_v1::{self, ExtIdleNotificationV1},
    ext_idle_notifier_v1::ExtIdleNotifierV1,
};

use super::{Events, Presence};
use crate::sources::wayland_link::{Link, Synced, sync_done};

/// The backend's name in config and logs.
pub const NAME: &str = "wayland";

/// The highest `ext_idle_notifier_v1` version we know how to use. Version 2 adds
/// `get_input_idle_notification`.
const NOTIFIER_VERSION: u32 = 2;

/// How long the compositor gets to answer the start-up handshake. A live compositor answers
/// in milliseconds; a wedged one must not hang the daemon's start-up forever.
const PROBE_TIMEOUT: Duration = super::PROBE_TIMEOUT;

/// Why the Wayland backend cannot be used, or stopped working.
///
/// The message already says the underlying error, so an error chain would say it twice;
/// these reasons are only ever shown with `Display` (in the log and by doctor).
#[derive(Debug, thiserror::Error)]
pub enum WaylandError {
    /// The socket handed over in `WAYLAND_SOCKET` cannot be used.
    #[error("cannot use the socket in WAYLAND_SOCKET: {0}")]
    InheritedSocket(#[source] ConnectError),
    /// Not a Wayland session.
    #[error("WAYLAND_DISPLAY is not set (not a Wayland session)")]
    NoDisplay,
    /// `WAYLAND_DISPLAY` is relative and there is no runtime folder to resolve it in.
    #[error(
        "XDG_RUNTIME_DIR is not set to an absolute path, so WAYLAND_DISPLAY={} \
         cannot be located",
        .display.display()
    )]
    NoRuntimeDir {
        /// The value of `WAYLAND_DISPLAY`.
        display: PathBuf,
    },
    /// Nothing answers at the socket (or not within [`PROBE_TIMEOUT`]).
    #[error("cannot connect to the Wayland compositor at {}: {source}", .path.display())]
    Connect {
        /// The socket.
        path: PathBuf,
        /// Why not.
        source: std::io::Error,
    },
    /// wayland-client cannot use the connected socket.
    #[error("cannot use the Wayland socket at {}: {source}", .path.display())]
    Socket {
        /// The socket.
        path: PathBuf,
        /// Why not.
        source: ConnectError,
    },
    /// The socket cannot be registered with tokio.
    #[error("cannot watch the Wayland socket: {0}")]
    Watch(#[source] std::io::Error),
    /// The handshake took longer than [`PROBE_TIMEOUT`].
    #[error(
        "the Wayland compositor did not answer within {}",
        crate::human::duration(PROBE_TIMEOUT)
    )]
    Timeout,
    /// No `ext_idle_notifier_v1` global.
    #[error(
        "the compositor does not implement ext-idle-notify-v1 (no ext_idle_notifier_v1 \
         global; GNOME does not implement it, the gnome backend covers GNOME)"
    )]
    NoIdleNotify,
    /// No `wl_seat` global.
    #[error("the compositor offers no wl_seat, so there is no input to watch")]
    NoSeat,
    /// The compositor sent a protocol error.
    #[error("Wayland protocol error: {0}")]
    Protocol(#[source] backend::protocol::ProtocolError),
    /// Reading or writing the socket failed (the compositor went away, mostly).
    #[error("Wayland connection error: {0}")]
    Connection(#[source] std::io::Error),
    /// An event could not be dispatched.
    #[error("Wayland dispatch error: {0}")]
    Dispatch(#[source] DispatchError),
}

impl From<DispatchError> for WaylandError {
    fn from(err: DispatchError) -> Self {
        match err {
            DispatchError::Backend(e) => e.into(),
            e @ DispatchError::BadMessage { .. } => WaylandError::Dispatch(e),
        }
    }
}

impl From<backend::WaylandError> for WaylandError {
    fn from(err: backend::WaylandError) -> Self {
        match err {
            backend::WaylandError::Protocol(e) => WaylandError::Protocol(e),
            backend::WaylandError::Io(e) => WaylandError::Connection(e),
        }
    }
}

/// A connected backend: the compositor has accepted our idle notification and will send
/// `idled` / `resumed` on the socket held here.
pub struct Backend {
    wayland: Wayland,
    /// Kept so the object (and so the compositor's timer) lives as long as the backend.
    notification: ExtIdleNotificationV1,
    /// Whether the notification ignores idle inhibitors (notifier version >= 2).
    input_only: bool,
    /// Where to reconnect when the compositor goes away (`None`: a socket handed over in
    /// `WAYLAND_SOCKET`, which cannot be opened again).
    socket: Option<PathBuf>,
}

impl std::fmt::Debug for Backend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Backend")
            .field("threshold", &self.wayland.state.threshold)
            .field("notification", &self.notification.id())
            .field("input_only", &self.input_only)
            .finish_non_exhaustive()
    }
}

/// Check that the compositor named by `WAYLAND_DISPLAY` (or handed over as `WAYLAND_SOCKET`)
/// offers `ext-idle-notify-v1`, and start watching for `threshold` of inactivity.
///
/// # Errors
///
/// Why the backend cannot work here: not a Wayland session, no compositor at the socket,
/// no `ext-idle-notify-v1` or `wl_seat`, a protocol error, or no answer in time.
pub async fn probe(threshold: Duration) -> Result<Backend, WaylandError> {
    if std::env::var_os("WAYLAND_SOCKET").is_some() {
        // A compositor that spawned us passed an already-connected fd; only wayland-client
        // knows how to adopt it (it also unsets the variable so children do not reuse it).
        let conn = Connection::connect_to_env().map_err(WaylandError::InheritedSocket)?;
        return start(conn, threshold, None).await;
    }
    let path = socket_path_from_env()?;
    probe_socket(&path, threshold).await
}

/// Like [`probe`], but connects to the compositor listening at `path` instead of reading
/// the environment. Used by tests, which cannot change the process environment.
///
/// # Errors
///
/// As for [`probe`].
pub async fn probe_socket(path: &Path, threshold: Duration) -> Result<Backend, WaylandError> {
    let connect = tokio::time::timeout(PROBE_TIMEOUT, tokio::net::UnixStream::connect(path))
        .await
        .unwrap_or_else(|_| Err(std::io::ErrorKind::TimedOut.into()));
    let stream = connect
        .and_then(tokio::net::UnixStream::into_std)
        .map_err(|source| WaylandError::Connect {
            path: path.to_owned(),
            source,
        })?;
    let conn = Connection::from_socket(stream).map_err(|source| WaylandError::Socket {
        path: path.to_owned(),
        source,
    })?;
    start(conn, threshold, Some(path.to_owned())).await
}

/// Where wayland-client's `connect_to_env` would connect, resolved here so a failure can
/// say which variable is missing or which path did not answer.
fn socket_path_from_env() -> Result<PathBuf, WaylandError> {
    let display = std::env::var_os("WAYLAND_DISPLAY")
        .filter(|d| !d.is_empty())
        .ok_or(WaylandError::NoDisplay)?;
    let display = PathBuf::from(display);
    if display.is_absolute() {
        return Ok(display);
    }
    let Some(runtime_dir) = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|d| d.is_absolute())
    else {
        return Err(WaylandError::NoRuntimeDir { display });
    };
    Ok(runtime_dir.join(display))
}

/// Handshake on a fresh connection, bounded by [`PROBE_TIMEOUT`].
async fn start(
    conn: Connection,
    threshold: Duration,
    socket: Option<PathBuf>,
) -> Result<Backend, WaylandError> {
    tokio::time::timeout(PROBE_TIMEOUT, handshake(conn, threshold, socket))
        .await
        .unwrap_or(Err(WaylandError::Timeout))
}

/// Lists the globals, binds the seat and the idle notifier and creates the notification,
/// then checks with a second round trip that the compositor accepted it.
async fn handshake(
    conn: Connection,
    threshold: Duration,
    socket: Option<PathBuf>,
) -> Result<Backend, WaylandError> {
    let mut wayland = Wayland::new(conn, threshold)?;
    let qh = wayland.link.handle();
    let registry = wayland.conn().display().get_registry(&qh, ());
    wayland.roundtrip().await?;

    let globals = &wayland.state.globals;
    let find = |interface: &str| globals.iter().find(|g| g.interface == interface);
    let notifier = find(ExtIdleNotifierV1::interface().name).ok_or(WaylandError::NoIdleNotify)?;
    let seat = find(wl_seat::WlSeat::interface().name).ok_or(WaylandError::NoSeat)?;
    // Version 1 is enough for the seat: it is only the notification's argument, and a
    // low version spares us events (and requests like `release`) we would not use.
    let seat: wl_seat::WlSeat = registry.bind(seat.name, 1, &qh, ());
    let notifier_version = notifier.version.clamp(1, NOTIFIER_VERSION);
    let notifier: ExtIdleNotifierV1 = registry.bind(notifier.name, notifier_version, &qh, ());

    let timeout_ms = u32::try_from(threshold.as_millis()).unwrap_or(u32::MAX);
    // The input-only notification ignores idle inhibitors: a video player inhibiting the
    // screen saver must not hide that the user walked away from the keyboard.
    let input_only = notifier.version() >= 2;
    let notification = if input_only {
        notifier.get_input_idle_notification(timeout_ms, &seat, &qh, ())
    } else {
        notifier.get_idle_notification(timeout_ms, &seat, &qh, ())
    };
    // The notification keeps working without the notifier object; the protocol allows
    // destroying it right away.
    notifier.destroy();
    // A compositor that rejects the request answers with a protocol error before the
    // round trip's `done`, so success here means the notification is live.
    wayland.roundtrip().await?;

    info!(
        timeout_ms,
        input_only,
        notifier_version = notifier.version(),
        "wayland: idle notification registered"
    );
    if !input_only {
        debug!("wayland: ext_idle_notifier_v1 version 1: idle inhibitors can mask idleness");
    }
    Ok(Backend {
        wayland,
        notification,
        input_only,
        socket,
    })
}

impl Backend {
    /// Report presence changes until `events` closes. When the compositor goes away,
    /// report [`Presence::Lost`], reconnect with backoff, and report [`Presence::Back`]
    /// once the new connection's idle notification is live.
    pub async fn run(mut self, events: Events) {
        loop {
            let failure = match self.report(&events).await {
                Some(failure) => failure,
                None => return,
            };
            warn!("wayland: lost the compositor connection: {failure}");
            if events.send(Presence::Lost).await.is_err() {
                return;
            }
            let Some(socket) = self.socket.clone() else {
                warn!(
                    "wayland: the socket came from WAYLAND_SOCKET and cannot be reopened; idle time is no longer tracked"
                );
                return;
            };
            let threshold = self.wayland.state.threshold;
            let mut backoff = super::Backoff::new();
            self = loop {
                tokio::select! {
                    () = events.closed() => return,
                    () = tokio::time::sleep(backoff.step()) => {}
                }
                match probe_socket(&socket, threshold).await {
                    Ok(backend) => break backend,
                    Err(why) => debug!("wayland: compositor not back yet: {why}"),
                }
            };
            info!("wayland: the compositor is back; idle time is tracked again");
            if events.send(Presence::Back).await.is_err() {
                return;
            }
        }
    }

    /// Forward the compositor's reports until `events` closes (`None`) or the
    /// connection fails.
    async fn report(&mut self, events: &Events) -> Option<WaylandError> {
        loop {
            while let Some(presence) = self.wayland.state.reports.pop_front() {
                if events.send(presence).await.is_err() {
                    debug!("wayland: event receiver closed, stopping");
                    return None;
                }
            }
            tokio::select! {
                result = self.wayland.dispatch() => {
                    if let Err(e) = result {
                        return Some(e);
                    }
                }
                () = events.closed() => {
                    debug!("wayland: event receiver closed, stopping");
                    return None;
                }
            }
        }
    }
}

/// The idle backend's connection and the state its events update.
struct Wayland {
    link: Link<State>,
    state: State,
}

impl Wayland {
    fn new(conn: Connection, threshold: Duration) -> Result<Wayland, WaylandError> {
        Ok(Wayland {
            link: Link::new(conn).map_err(WaylandError::Watch)?,
            state: State {
                threshold,
                globals: Vec::new(),
                synced: false,
                reports: std::collections::VecDeque::new(),
            },
        })
    }

    fn conn(&self) -> &Connection {
        self.link.conn()
    }

    /// Sends everything queued so far and waits until the compositor has processed it.
    async fn roundtrip(&mut self) -> Result<(), WaylandError> {
        Ok(self.link.roundtrip(&mut self.state).await?)
    }

    /// Waits until at least one event has been dispatched into `self.state`. Cancel-safe.
    async fn dispatch(&mut self) -> Result<(), WaylandError> {
        Ok(self.link.dispatch(&mut self.state).await?)
    }
}

/// One global from the registry.
struct Global {
    name: u32,
    interface: String,
    version: u32,
}

/// What the event handlers update.
struct State {
    threshold: Duration,
    globals: Vec<Global>,
    /// Set by the `done` of the latest `wl_display.sync`.
    synced: bool,
    /// Reports not yet handed to the daemon, oldest first.
    reports: std::collections::VecDeque<Presence>,
}

impl Dispatch<wl_registry::WlRegistry, ()> for State {
    fn event(
        state: &mut Self,
        _: &wl_registry::WlRegistry,
        event: wl_registry::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        match event {
            wl_registry::Event::Global {
                name,
                interface,
                version,
            } => state.globals.push(Global {
                name,
                interface,
                version,
            }),
            // A seat that goes away (unplugged) just stops producing events; the
            // notification itself stays valid, so there is nothing to undo.
            wl_registry::Event::GlobalRemove { name } => {
                debug!(name, "wayland: global removed");
                state.globals.retain(|g| g.name != name);
            }
            _ => {}
        }
    }
}

impl Synced for State {
    fn synced(&mut self) -> &mut bool {
        &mut self.synced
    }
}

impl Dispatch<wl_callback::WlCallback, ()> for State {
    fn event(
        state: &mut Self,
        _: &wl_callback::WlCallback,
        event: wl_callback::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        sync_done(state, &event);
    }
}

impl Dispatch<wl_seat::WlSeat, ()> for State {
    fn event(
        _: &mut Self,
        _: &wl_seat::WlSeat,
        _: wl_seat::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        // Capabilities and name do not matter: the compositor tracks the seat's input.
    }
}

impl Dispatch<ExtIdleNotifierV1, ()> for State {
    fn event(
        _: &mut Self,
        _: &ExtIdleNotifierV1,
        _: <ExtIdleNotifierV1 as Proxy>::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        // The notifier has no events.
    }
}

impl Dispatch<ExtIdleNotificationV1, ()> for State {
    fn event(
        state: &mut Self,
        _: &ExtIdleNotificationV1,
        event: ext_idle_notification_v1::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        let presence = match event {
            // `idled` comes exactly when the timeout (= threshold) of no input has elapsed.
            ext_idle_notification_v1::Event::Idled => Presence::Idle {
                idle_for: state.threshold,
            },
            ext_idle_notification_v1::Event::Resumed => Presence::Active,
            _ => return,
        };
        debug!(?presence, "wayland: compositor reports");
        state.reports.push_back(presence);
    }
}
