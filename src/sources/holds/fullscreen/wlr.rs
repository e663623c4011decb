//! The wlroots half of the fullscreen detector: `zwlr_foreign_toplevel_manager_v1`
//! (sway, Hyprland, labwc, river, wayfire, niri), which lists every toplevel, XWayland
//! windows included, with its `state`: a toplevel both `activated` and `fullscreen` is a
//! focused fullscreen window.
//!
//! A read connects, binds the manager, waits one round trip (the compositor describes every
//! toplevel right after the bind, before the round trip's `done`), reads and disconnects.
//! The watch keeps its connection and hints when the answer changes. Every wait is on
//! tokio's reactor and bounded.

use std::path::{Path, PathBuf};
use std::time::Duration;

use tokio::sync::mpsc;
use wayland_client::protocol::{wl_callback, wl_registry};
use wayland_client::{
    ConnectError, Connection, Dispatch, DispatchError, Proxy, QueueHandle, event_created_child,
};
use wayland_protocols_wlr::foreign_toplevel::v1::client::{
    zwlr_foreign_toplevel_handle_v1::{self, ZwlrForeignToplevelHandleV1},
    zwlr_foreign_toplevel_manager_v1::{self, ZwlrForeignToplevelManagerV1},
};

use super::Focus;
use crate::sources::wayland_link::{Link, Synced, sync_done};

/// How long a read may take, connecting included. A live compositor answers in
/// milliseconds; together with the X read this stays below the whole check's bound.
pub(super) const TIMEOUT: Duration = Duration::from_secs(2);

/// How long the watch waits before following the compositor again after losing it.
const RETRY: Duration = Duration::from_secs(30);

/// The highest manager version we know. Version 2 brought the `fullscreen` state.
const MANAGER_VERSION: u32 = 3;

/// Why the compositor's toplevels could not be read. Shown with `Display` only.
#[derive(Debug, thiserror::Error)]
pub(super) enum Error {
    /// `WAYLAND_DISPLAY` is relative and there is no runtime folder to resolve it in.
    #[error(
        "XDG_RUNTIME_DIR is not set to an absolute path, so WAYLAND_DISPLAY={} cannot be located",
        .display.display()
    )]
    NoRuntimeDir {
        /// The value of `WAYLAND_DISPLAY`.
        display: PathBuf,
    },
    /// Nothing answers at the socket.
    #[error("cannot connect to the Wayland compositor at {}: {source}", .path.display())]
    Connect {
        /// The socket.
        path: PathBuf,
        /// Why not.
        source: std::io::Error,
    },
    /// wayland-client cannot use the socket.
    #[error("cannot use the Wayland socket at {}: {source}", .path.display())]
    Socket {
        /// The socket.
        path: PathBuf,
        /// Why not.
        source: ConnectError,
    },
    /// The compositor did not answer in time.
    #[error(
        "the Wayland compositor did not answer within {} s",
        TIMEOUT.as_secs()
    )]
    Timeout,
    /// No foreign-toplevel manager: GNOME, KDE and others.
    #[error(
        "the compositor offers no zwlr_foreign_toplevel_manager_v1, so its fullscreen windows \
         cannot be seen (GNOME and KDE on Wayland expose no fullscreen state): idle \
         inhibitors are the signal here"
    )]
    NoManager,
    /// A manager from before the `fullscreen` state.
    #[error(
        "the compositor's zwlr_foreign_toplevel_manager_v1 is version 1, which has no \
         fullscreen state (version 2 added it): idle inhibitors are the signal here"
    )]
    OldManager,
    /// The compositor ended the manager.
    #[error(
        "the compositor stopped listing its windows (zwlr_foreign_toplevel_manager_v1 finished)"
    )]
    Finished,
    /// The connection failed, or the compositor sent a protocol error.
    #[error("Wayland connection error: {0}")]
    Connection(#[source] DispatchError),
}

impl Error {
    /// Why, in words for `doctor`, in the language in use (`Display` is the log's
    /// English); the causes the system gives stay in its words.
    pub(super) fn words(&self) -> String {
        use crate::t;
        match self {
            Error::NoRuntimeDir { display } => t!(
                "doctor-wayland-no-runtime-dir",
                display = display.display().to_string()
            ),
            Error::Connect { path, source } => t!(
                "doctor-wayland-connect",
                path = path.display().to_string(),
                error = source.to_string()
            ),
            Error::Socket { path, source } => t!(
                "doctor-wayland-socket",
                path = path.display().to_string(),
                error = source.to_string()
            ),
            Error::Timeout => t!(
                "doctor-wayland-timeout",
                duration = crate::human::duration(TIMEOUT)
            ),
            Error::NoManager => t!("doctor-fullscreen-no-toplevels"),
            Error::OldManager => t!("doctor-fullscreen-old-toplevels"),
            Error::Finished => t!("doctor-fullscreen-toplevels-finished"),
            Error::Connection(err) => t!("doctor-wayland-connection", error = err.to_string()),
        }
    }

    /// Whether this compositor can never be read (so there is nothing to follow).
    pub(super) fn is_permanent(&self) -> bool {
        matches!(self, Error::NoManager | Error::OldManager)
    }
}

/// Where `WAYLAND_DISPLAY` points: itself if absolute, else inside `XDG_RUNTIME_DIR`.
fn socket_path(display: &str) -> Result<PathBuf, Error> {
    let display = PathBuf::from(display);
    if display.is_absolute() {
        return Ok(display);
    }
    std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute())
        .map(|dir| dir.join(&display))
        .ok_or(Error::NoRuntimeDir { display })
}

/// What the compositor's focused toplevel is, within [`TIMEOUT`].
pub(super) async fn read(display: &str) -> Result<Focus, Error> {
    let path = socket_path(display)?;
    let session = Session::open(&path).await?;
    Ok(session.state.focus())
    // Dropping the session disconnects: the compositor forgets our objects.
}

/// Follow the focused toplevel until dropped, hinting when its fullscreen state changes.
/// Returns at once (`Err`) if this compositor can never be read.
pub(super) async fn watch(display: &str, hint: mpsc::Sender<()>) -> Result<(), Error> {
    let path = socket_path(display)?;
    let mut first = true;
    loop {
        let failure = match Session::open(&path).await {
            Ok(session) => {
                first = false;
                match session.follow(&hint).await {
                    Ok(()) => return Ok(()),
                    Err(e) => e,
                }
            }
            Err(e) if first && e.is_permanent() => return Err(e),
            Err(e) => e,
        };
        tracing::debug!("fullscreen: stopped following the Wayland compositor: {failure}");
        // What held the break may have gone with it: check again.
        if hint.try_send(()).is_err() && hint.is_closed() {
            return Ok(());
        }
        tokio::select! {
            () = tokio::time::sleep(RETRY) => {}
            () = hint.closed() => return Ok(()),
        }
    }
}

/// A connection with the toplevel manager bound and every toplevel described.
struct Session {
    link: Link<Toplevels>,
    state: Toplevels,
}

impl Session {
    /// Connect to the compositor at `path` and bind its manager, within [`TIMEOUT`].
    async fn open(path: &Path) -> Result<Session, Error> {
        tokio::time::timeout(TIMEOUT, Session::open_unbounded(path))
            .await
            .unwrap_or(Err(Error::Timeout))
    }

    async fn open_unbounded(path: &Path) -> Result<Session, Error> {
        let stream = tokio::net::UnixStream::connect(path)
            .await
            .and_then(tokio::net::UnixStream::into_std)
            .map_err(|source| Error::Connect {
                path: path.to_owned(),
                source,
            })?;
        let conn = Connection::from_socket(stream).map_err(|source| Error::Socket {
            path: path.to_owned(),
            source,
        })?;
        let mut link = Link::new(conn).map_err(|source| Error::Connect {
            path: path.to_owned(),
            source,
        })?;
        let mut state = Toplevels::default();
        let qh = link.handle();
        let registry = link.conn().display().get_registry(&qh, ());
        link.roundtrip(&mut state)
            .await
            .map_err(Error::Connection)?;
        let manager = state
            .globals
            .iter()
            .find(|g| g.interface == ZwlrForeignToplevelManagerV1::interface().name)
            .ok_or(Error::NoManager)?;
        if manager.version < 2 {
            return Err(Error::OldManager);
        }
        let _manager: ZwlrForeignToplevelManagerV1 =
            registry.bind(manager.name, manager.version.min(MANAGER_VERSION), &qh, ());
        // Every toplevel is described (through its `done`) before this round trip ends.
        link.roundtrip(&mut state)
            .await
            .map_err(Error::Connection)?;
        Ok(Session { link, state })
    }

    /// Hint whenever the focused toplevel's fullscreen state changes; `Ok` once nobody
    /// listens any more.
    async fn follow(mut self, hint: &mpsc::Sender<()>) -> Result<(), Error> {
        let mut focus = self.state.focus();
        loop {
            tokio::select! {
                dispatched = self.link.dispatch(&mut self.state) => {
                    dispatched.map_err(Error::Connection)?;
                }
                () = hint.closed() => return Ok(()),
            }
            if self.state.finished {
                return Err(Error::Finished);
            }
            let now = self.state.focus();
            if now != focus {
                tracing::debug!(?now, "fullscreen: the focused Wayland toplevel changed");
                focus = now;
                if hint.try_send(()).is_err() && hint.is_closed() {
                    return Ok(());
                }
            }
        }
    }
}

/// One registry global.
struct Global {
    name: u32,
    interface: String,
    version: u32,
}

/// One toplevel as the compositor last described it (through its latest `done`).
struct Toplevel {
    handle: ZwlrForeignToplevelHandleV1,
    app_id: Option<String>,
    title: Option<String>,
    /// The states of the latest `state` event, not yet confirmed by `done`.
    pending: Vec<u32>,
    /// The states as of the latest `done`.
    states: Vec<u32>,
}

/// What the event handlers update.
#[derive(Default)]
struct Toplevels {
    globals: Vec<Global>,
    synced: bool,
    toplevels: Vec<Toplevel>,
    /// The compositor sent `finished`.
    finished: bool,
}

impl Toplevels {
    /// The focused toplevel's state: fullscreen if one is both activated and fullscreen
    /// (and not minimized).
    fn focus(&self) -> Focus {
        let has = |t: &Toplevel, s: zwlr_foreign_toplevel_handle_v1::State| {
            t.states.contains(&(s as u32))
        };
        use zwlr_foreign_toplevel_handle_v1::State;
        self.toplevels
            .iter()
            .find(|t| {
                has(t, State::Activated) && has(t, State::Fullscreen) && !has(t, State::Minimized)
            })
            .map_or(Focus::Other, |t| {
                Focus::Fullscreen(t.app_id.clone().or_else(|| t.title.clone()))
            })
    }

    fn toplevel(&mut self, handle: &ZwlrForeignToplevelHandleV1) -> Option<&mut Toplevel> {
        self.toplevels.iter_mut().find(|t| t.handle == *handle)
    }
}

impl Synced for Toplevels {
    fn synced(&mut self) -> &mut bool {
        &mut self.synced
    }
}

impl Dispatch<wl_callback::WlCallback, ()> for Toplevels {
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

impl Dispatch<wl_registry::WlRegistry, ()> for Toplevels {
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
            wl_registry::Event::GlobalRemove { name } => state.globals.retain(|g| g.name != name),
            _ => {}
        }
    }
}

impl Dispatch<ZwlrForeignToplevelManagerV1, ()> for Toplevels {
    fn event(
        state: &mut Self,
        _: &ZwlrForeignToplevelManagerV1,
        event: zwlr_foreign_toplevel_manager_v1::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        match event {
            zwlr_foreign_toplevel_manager_v1::Event::Toplevel { toplevel } => {
                state.toplevels.push(Toplevel {
                    handle: toplevel,
                    app_id: None,
                    title: None,
                    pending: Vec::new(),
                    states: Vec::new(),
                });
            }
            zwlr_foreign_toplevel_manager_v1::Event::Finished => state.finished = true,
            _ => {}
        }
    }

    event_created_child!(Toplevels, ZwlrForeignToplevelManagerV1, [
        zwlr_foreign_toplevel_manager_v1::EVT_TOPLEVEL_OPCODE => (ZwlrForeignToplevelHandleV1, ()),
    ]);
}

impl Dispatch<ZwlrForeignToplevelHandleV1, ()> for Toplevels {
    fn event(
        state: &mut Self,
        handle: &ZwlrForeignToplevelHandleV1,
        event: zwlr_foreign_toplevel_handle_v1::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        use zwlr_foreign_toplevel_handle_v1::Event;
        if let Event::Closed = event {
            handle.destroy();
            state.toplevels.retain(|t| t.handle != *handle);
            return;
        }
        let Some(toplevel) = state.toplevel(handle) else {
            return;
        };
        match event {
            Event::Title { title } => toplevel.title = Some(title),
            Event::AppId { app_id } => toplevel.app_id = Some(app_id),
            // An array of native-endian u32; a ragged tail is the compositor's mistake.
            Event::State { state } => {
                toplevel.pending = state
                    .chunks_exact(4)
                    .map(|b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]))
                    .collect();
            }
            Event::Done => toplevel.states.clone_from(&toplevel.pending),
            _ => {}
        }
    }
}
