//! A minimal Wayland compositor for tests: real Wayland protocol over a real Unix socket,
//! served by `wayland-server` on its own thread. It offers a `wl_seat` (no input devices)
//! and, optionally, `ext_idle_notifier_v1`, records every idle notification a client asks
//! for, and sends `idled` / `resumed` when the test says so (there is no real input, so
//! the requested timeouts are only recorded, never run). With
//! [`WaylandCompositor::start_with_toplevels`] it also offers
//! `zwlr_foreign_toplevel_manager_v1` and lists toplevels whose app id and state the test
//! sets, as sway or labwc list their windows.

use std::io::{ErrorKind, Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags};
use tokio::sync::watch;
use wayland_protocols::ext::idle_notify::v1::server::{
    ext_idle_notification_v1::{self, ExtIdleNotificationV1},
    ext_idle_notifier_v1::{self, ExtIdleNotifierV1},
};
use wayland_protocols_wlr::foreign_toplevel::v1::server::{
    zwlr_foreign_toplevel_handle_v1::{self, ZwlrForeignToplevelHandleV1},
    zwlr_foreign_toplevel_manager_v1::{self, ZwlrForeignToplevelManagerV1},
};
use wayland_server::Resource;
use wayland_server::backend::{ClientData, ClientId, DisconnectReason};
use wayland_server::protocol::wl_seat::{self, WlSeat};
use wayland_server::{Client, DataInit, Dispatch, Display, DisplayHandle, GlobalDispatch, New};

/// The socket's file name inside the compositor's directory.
pub const SOCKET_NAME: &str = "wayland-deskbreak-test";

/// The `wl_seat` version advertised.
pub const SEAT_VERSION: u32 = 7;

/// One idle notification a client asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Requested {
    /// The requested timeout.
    pub timeout_ms: u32,
    /// `get_input_idle_notification` (true) or `get_idle_notification` (false).
    pub input_only: bool,
}

enum Command {
    /// Send `idled` to every live notification; reply with how many.
    Idle(mpsc::Sender<usize>),
    /// Send `resumed` to every live notification; reply with how many.
    Resume(mpsc::Sender<usize>),
    /// Post a protocol error on every live notification (which disconnects its client);
    /// reply with how many.
    Fail(mpsc::Sender<usize>),
    /// Create or change a toplevel; reply with how many managers were told.
    Toplevel(Toplevel, mpsc::Sender<usize>),
    /// Close a toplevel; reply with how many managers were told.
    CloseToplevel(u32, mpsc::Sender<usize>),
}

/// A toplevel window as the test describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toplevel {
    /// The test's own number for it.
    pub id: u32,
    /// Its app id.
    pub app_id: String,
    /// Whether it has the focus (`activated`).
    pub activated: bool,
    /// Whether it is fullscreen.
    pub fullscreen: bool,
}

impl Toplevel {
    /// The `state` array of the protocol.
    fn states(&self) -> Vec<u8> {
        let mut states = Vec::new();
        if self.activated {
            states.push(zwlr_foreign_toplevel_handle_v1::State::Activated as u32);
        }
        if self.fullscreen {
            states.push(zwlr_foreign_toplevel_handle_v1::State::Fullscreen as u32);
        }
        states.iter().flat_map(|s| s.to_ne_bytes()).collect()
    }
}

/// A running test compositor. Dropping it stops the thread and disconnects every client.
pub struct WaylandCompositor {
    socket_path: PathBuf,
    commands: mpsc::Sender<Command>,
    /// One byte here wakes the compositor thread to read `commands`; closing it stops it.
    waker: Option<UnixStream>,
    requested: watch::Receiver<Vec<Requested>>,
    live: watch::Receiver<usize>,
    managers: watch::Receiver<usize>,
    thread: Option<JoinHandle<()>>,
}

impl WaylandCompositor {
    /// Serves `dir/wayland-deskbreak-test` with `ext_idle_notifier_v1` version 2.
    pub fn start(dir: &Path) -> WaylandCompositor {
        Self::start_with_version(dir, 2)
    }

    /// Like [`WaylandCompositor::start`], advertising `ext_idle_notifier_v1` at `version`.
    pub fn start_with_version(dir: &Path, version: u32) -> WaylandCompositor {
        Self::start_inner(dir, Some(version), None)
    }

    /// A compositor without `ext_idle_notifier_v1` (like GNOME's): only `wl_seat`.
    pub fn start_without_idle_notify(dir: &Path) -> WaylandCompositor {
        Self::start_inner(dir, None, None)
    }

    /// Like [`WaylandCompositor::start`], also offering `zwlr_foreign_toplevel_manager_v1`
    /// at `version` (as wlroots compositors do: 3).
    pub fn start_with_toplevels(dir: &Path, version: u32) -> WaylandCompositor {
        Self::start_inner(dir, Some(2), Some(version))
    }

    fn start_inner(
        dir: &Path,
        notifier_version: Option<u32>,
        manager_version: Option<u32>,
    ) -> WaylandCompositor {
        let socket_path = dir.join(SOCKET_NAME);
        // Bound before returning, so a client may connect as soon as start() returns.
        let listener = UnixListener::bind(&socket_path)
            .unwrap_or_else(|e| panic!("cannot bind {}: {e}", socket_path.display()));
        listener
            .set_nonblocking(true)
            .expect("cannot make the compositor's listener non-blocking");
        let (waker, wake_rx) = UnixStream::pair().expect("cannot create the waker pair");
        wake_rx
            .set_nonblocking(true)
            .expect("cannot make the waker non-blocking");
        let (commands, commands_rx) = mpsc::channel();
        let (requested_tx, requested) = watch::channel(Vec::new());
        let (live_tx, live) = watch::channel(0);
        let (managers_tx, managers) = watch::channel(0);
        let display: Display<Server> =
            Display::new().expect("cannot create the wayland-server display");
        let dh = display.handle();
        dh.create_global::<Server, WlSeat, ()>(SEAT_VERSION, ());
        if let Some(version) = notifier_version {
            dh.create_global::<Server, ExtIdleNotifierV1, ()>(version, ());
        }
        if let Some(version) = manager_version {
            dh.create_global::<Server, ZwlrForeignToplevelManagerV1, ()>(version, ());
        }
        let state = Server {
            requested: requested_tx,
            live: live_tx,
            notifications: Vec::new(),
            managers_count: managers_tx,
            managers: Vec::new(),
            toplevels: Vec::new(),
        };
        let thread = std::thread::Builder::new()
            .name("test-wayland-compositor".into())
            .spawn(move || serve(display, state, listener, wake_rx, commands_rx))
            .expect("cannot spawn the compositor thread");
        WaylandCompositor {
            socket_path,
            commands,
            waker: Some(waker),
            requested,
            live,
            managers,
            thread: Some(thread),
        }
    }

    /// Creates the toplevel `toplevel.id`, or changes it, and tells every bound manager.
    /// Returns how many managers were told.
    pub fn set_toplevel(&self, toplevel: Toplevel) -> usize {
        self.command(|reply| Command::Toplevel(toplevel, reply))
    }

    /// Closes the toplevel `id`. Returns how many managers were told.
    pub fn close_toplevel(&self, id: u32) -> usize {
        self.command(|reply| Command::CloseToplevel(id, reply))
    }

    /// How many foreign-toplevel managers are bound (and not stopped or disconnected).
    pub fn live_managers(&self) -> usize {
        *self.managers.borrow()
    }

    /// Waits until exactly `n` foreign-toplevel managers are bound. Panics after `timeout`.
    pub async fn wait_for_managers(&self, n: usize, timeout: Duration) {
        let mut rx = self.managers.clone();
        match tokio::time::timeout(timeout, rx.wait_for(|&bound| bound == n)).await {
            Ok(Ok(_)) => {}
            Ok(Err(_)) => panic!("the test compositor stopped before {n} bound managers"),
            Err(_) => panic!(
                "timed out after {timeout:?} waiting for {n} bound toplevel managers; there are {}",
                self.live_managers()
            ),
        }
    }

    /// The socket's full path.
    pub fn socket_path(&self) -> &Path {
        &self.socket_path
    }

    /// The socket's file name: `WAYLAND_DISPLAY` when `XDG_RUNTIME_DIR` is its directory.
    pub fn socket_name(&self) -> &'static str {
        SOCKET_NAME
    }

    /// Every notification requested so far, in order.
    pub fn notifications(&self) -> Vec<Requested> {
        self.requested.borrow().clone()
    }

    /// How many notifications currently exist (requested and neither destroyed nor
    /// disconnected).
    pub fn live_notifications(&self) -> usize {
        *self.live.borrow()
    }

    /// Waits until at least `n` notifications have been requested, and returns them all.
    /// Panics after `timeout`.
    pub async fn wait_for_notifications(&self, n: usize, timeout: Duration) -> Vec<Requested> {
        let mut rx = self.requested.clone();
        match tokio::time::timeout(timeout, rx.wait_for(|r| r.len() >= n)).await {
            Ok(Ok(r)) => r.clone(),
            Ok(Err(_)) => panic!("the test compositor stopped before {n} notifications"),
            Err(_) => panic!(
                "timed out after {timeout:?} waiting for {n} idle notifications; got {:?}",
                self.notifications()
            ),
        }
    }

    /// Waits until exactly `n` notifications are live. Panics after `timeout`.
    pub async fn wait_for_live(&self, n: usize, timeout: Duration) {
        let mut rx = self.live.clone();
        match tokio::time::timeout(timeout, rx.wait_for(|&live| live == n)).await {
            Ok(Ok(_)) => {}
            Ok(Err(_)) => panic!("the test compositor stopped before {n} live notifications"),
            Err(_) => panic!(
                "timed out after {timeout:?} waiting for {n} live notifications; there are {}",
                self.live_notifications()
            ),
        }
    }

    /// Sends `idled` to every live notification (and flushes). Returns how many got it.
    pub fn idle_all(&self) -> usize {
        self.command(Command::Idle)
    }

    /// Sends `resumed` to every live notification (and flushes). Returns how many got it.
    pub fn resume_all(&self) -> usize {
        self.command(Command::Resume)
    }

    /// Posts a protocol error on every live notification, as a compositor does when a
    /// client misbehaves: the client is disconnected. Returns how many got it.
    pub fn fail_all(&self) -> usize {
        self.command(Command::Fail)
    }

    fn command(&self, make: impl FnOnce(mpsc::Sender<usize>) -> Command) -> usize {
        let (reply, replied) = mpsc::channel();
        self.commands
            .send(make(reply))
            .expect("the test compositor thread is gone");
        self.waker
            .as_ref()
            .expect("the waker lives until drop")
            .write_all(&[1])
            .expect("cannot wake the test compositor thread");
        // The thread only does in-memory work and a non-blocking flush, so blocking the
        // caller (even an async test) for this reply is brief.
        replied
            .recv_timeout(super::TIMEOUT)
            .expect("the test compositor did not answer")
    }
}

impl Drop for WaylandCompositor {
    fn drop(&mut self) {
        // EOF on the waker tells the thread to stop; dropping its Display closes every
        // client connection.
        drop(self.waker.take());
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            eprintln!("[wayland compositor] the compositor thread panicked");
        }
        let _ = std::fs::remove_file(&self.socket_path);
    }
}

/// The compositor's event loop: poll the listener, the clients and the waker.
fn serve(
    mut display: Display<Server>,
    mut state: Server,
    listener: UnixListener,
    mut wake_rx: UnixStream,
    commands: mpsc::Receiver<Command>,
) {
    let mut dh = display.handle();
    loop {
        let (accept, requests, wake) = {
            let mut fds = [
                PollFd::new(&listener, PollFlags::IN),
                PollFd::new(&display, PollFlags::IN),
                PollFd::new(&wake_rx, PollFlags::IN),
            ];
            match rustix::event::poll(&mut fds, None) {
                Ok(_) => {}
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => panic!("poll failed in the test compositor: {e}"),
            }
            let ready = |fd: &PollFd<'_>| !fd.revents().is_empty();
            (ready(&fds[0]), ready(&fds[1]), ready(&fds[2]))
        };
        if accept {
            loop {
                match listener.accept() {
                    Ok((stream, _)) => {
                        if let Err(e) = dh.insert_client(stream, Arc::new(ClientState)) {
                            eprintln!("[wayland compositor] cannot add a client: {e}");
                        }
                    }
                    Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                    Err(e) => panic!("accept failed in the test compositor: {e}"),
                }
            }
        }
        if wake {
            let mut buf = [0u8; 64];
            match wake_rx.read(&mut buf) {
                Ok(0) => return,
                Ok(_) => {}
                Err(e) if e.kind() == ErrorKind::WouldBlock => {}
                Err(e) => panic!("cannot read the test compositor's waker: {e}"),
            }
            while let Ok(command) = commands.try_recv() {
                let (reply, count) = match command {
                    Command::Idle(reply) => (reply, state.send_all(ExtIdleNotificationV1::idled)),
                    Command::Resume(reply) => {
                        (reply, state.send_all(ExtIdleNotificationV1::resumed))
                    }
                    Command::Fail(reply) => (
                        reply,
                        state.send_all(|n| {
                            n.post_error(0u32, "test compositor: failing on purpose")
                        }),
                    ),
                    Command::Toplevel(toplevel, reply) => {
                        (reply, state.set_toplevel(&dh, toplevel))
                    }
                    Command::CloseToplevel(id, reply) => (reply, state.close_toplevel(id)),
                };
                if let Err(e) = display.flush_clients() {
                    eprintln!("[wayland compositor] flush failed: {e}");
                }
                let _ = reply.send(count);
            }
        }
        if requests && let Err(e) = display.dispatch_clients(&mut state) {
            eprintln!("[wayland compositor] dispatch failed: {e}");
        }
        if let Err(e) = display.flush_clients() {
            eprintln!("[wayland compositor] flush failed: {e}");
        }
    }
}

struct ClientState;

impl ClientData for ClientState {
    fn initialized(&self, _client_id: ClientId) {}
    fn disconnected(&self, _client_id: ClientId, _reason: DisconnectReason) {}
}

/// The compositor's protocol state.
struct Server {
    requested: watch::Sender<Vec<Requested>>,
    live: watch::Sender<usize>,
    notifications: Vec<ExtIdleNotificationV1>,
    managers_count: watch::Sender<usize>,
    managers: Vec<ZwlrForeignToplevelManagerV1>,
    /// Each toplevel, with its handle for each manager that knows it.
    toplevels: Vec<(Toplevel, Vec<ZwlrForeignToplevelHandleV1>)>,
}

impl Server {
    /// Tell `manager` about `toplevel` (a new handle, then its details); the handle.
    fn announce(
        dh: &DisplayHandle,
        manager: &ZwlrForeignToplevelManagerV1,
        toplevel: &Toplevel,
    ) -> Option<ZwlrForeignToplevelHandleV1> {
        let client = manager.client()?;
        let handle = client
            .create_resource::<ZwlrForeignToplevelHandleV1, (), Server>(dh, manager.version(), ())
            .ok()?;
        manager.toplevel(&handle);
        Self::describe(&handle, toplevel);
        Some(handle)
    }

    fn describe(handle: &ZwlrForeignToplevelHandleV1, toplevel: &Toplevel) {
        handle.app_id(toplevel.app_id.clone());
        handle.title(format!("{} window", toplevel.app_id));
        handle.state(toplevel.states());
        handle.done();
    }

    fn set_toplevel(&mut self, dh: &DisplayHandle, toplevel: Toplevel) -> usize {
        self.managers.retain(|m| m.is_alive());
        let index = match self.toplevels.iter().position(|(t, _)| t.id == toplevel.id) {
            Some(index) => index,
            None => {
                let handles = self
                    .managers
                    .iter()
                    .filter_map(|m| Self::announce(dh, m, &toplevel))
                    .collect();
                self.toplevels.push((toplevel, handles));
                return self.managers.len();
            }
        };
        let (known, handles) = &mut self.toplevels[index];
        *known = toplevel;
        handles.retain(|h| h.is_alive());
        for handle in handles.iter() {
            Self::describe(handle, known);
        }
        handles.len()
    }

    fn close_toplevel(&mut self, id: u32) -> usize {
        let Some(index) = self.toplevels.iter().position(|(t, _)| t.id == id) else {
            return 0;
        };
        let (_, handles) = self.toplevels.remove(index);
        let alive: Vec<_> = handles.into_iter().filter(|h| h.is_alive()).collect();
        alive.iter().for_each(ZwlrForeignToplevelHandleV1::closed);
        alive.len()
    }

    fn count_managers(&mut self) {
        self.managers.retain(|m| m.is_alive());
        self.managers_count.send_replace(self.managers.len());
    }

    fn send_all(&mut self, send: fn(&ExtIdleNotificationV1)) -> usize {
        self.notifications.retain(|n| n.is_alive());
        self.notifications.iter().for_each(send);
        self.notifications.len()
    }

    fn forget(&mut self, notification: &ExtIdleNotificationV1) {
        self.notifications
            .retain(|n| n.id() != notification.id() && n.is_alive());
        self.live.send_replace(self.notifications.len());
    }

    fn add(&mut self, notification: ExtIdleNotificationV1, requested: Requested) {
        self.notifications.push(notification);
        self.live.send_replace(self.notifications.len());
        self.requested.send_modify(|r| r.push(requested));
    }
}

impl GlobalDispatch<WlSeat, ()> for Server {
    fn bind(
        _: &mut Self,
        _: &DisplayHandle,
        _: &Client,
        resource: New<WlSeat>,
        _: &(),
        data_init: &mut DataInit<'_, Self>,
    ) {
        let seat = data_init.init(resource, ());
        seat.capabilities(wl_seat::Capability::empty());
        if seat.version() >= 2 {
            seat.name("seat0".into());
        }
    }
}

impl Dispatch<WlSeat, ()> for Server {
    fn request(
        _: &mut Self,
        _: &Client,
        seat: &WlSeat,
        request: wl_seat::Request,
        _: &(),
        _: &DisplayHandle,
        _: &mut DataInit<'_, Self>,
    ) {
        match request {
            wl_seat::Request::Release => {}
            // The seat advertises no capabilities, so asking for a device is the client's
            // protocol error (and leaving the new object uninitialized is only allowed
            // once the client is dead).
            _ => seat.post_error(
                wl_seat::Error::MissingCapability,
                "the test compositor has no input devices",
            ),
        }
    }
}

impl GlobalDispatch<ExtIdleNotifierV1, ()> for Server {
    fn bind(
        _: &mut Self,
        _: &DisplayHandle,
        _: &Client,
        resource: New<ExtIdleNotifierV1>,
        _: &(),
        data_init: &mut DataInit<'_, Self>,
    ) {
        data_init.init(resource, ());
    }
}

impl Dispatch<ExtIdleNotifierV1, ()> for Server {
    fn request(
        state: &mut Self,
        _: &Client,
        _: &ExtIdleNotifierV1,
        request: ext_idle_notifier_v1::Request,
        _: &(),
        _: &DisplayHandle,
        data_init: &mut DataInit<'_, Self>,
    ) {
        let (id, timeout_ms, input_only) = match request {
            ext_idle_notifier_v1::Request::GetIdleNotification { id, timeout, .. } => {
                (id, timeout, false)
            }
            ext_idle_notifier_v1::Request::GetInputIdleNotification { id, timeout, .. } => {
                (id, timeout, true)
            }
            _ => return,
        };
        let notification = data_init.init(id, ());
        state.add(
            notification,
            Requested {
                timeout_ms,
                input_only,
            },
        );
    }
}

impl Dispatch<ExtIdleNotificationV1, ()> for Server {
    fn request(
        state: &mut Self,
        _: &Client,
        notification: &ExtIdleNotificationV1,
        request: ext_idle_notification_v1::Request,
        _: &(),
        _: &DisplayHandle,
        _: &mut DataInit<'_, Self>,
    ) {
        if let ext_idle_notification_v1::Request::Destroy = request {
            state.forget(notification);
        }
    }

    fn destroyed(state: &mut Self, _: ClientId, notification: &ExtIdleNotificationV1, _: &()) {
        state.forget(notification);
    }
}

impl GlobalDispatch<ZwlrForeignToplevelManagerV1, ()> for Server {
    fn bind(
        state: &mut Self,
        dh: &DisplayHandle,
        _: &Client,
        resource: New<ZwlrForeignToplevelManagerV1>,
        _: &(),
        data_init: &mut DataInit<'_, Self>,
    ) {
        let manager = data_init.init(resource, ());
        // As wlroots does: every existing toplevel, described, right after the bind.
        for (toplevel, handles) in &mut state.toplevels {
            handles.extend(Self::announce(dh, &manager, toplevel));
        }
        state.managers.push(manager);
        state.count_managers();
    }
}

impl Dispatch<ZwlrForeignToplevelManagerV1, ()> for Server {
    fn request(
        state: &mut Self,
        _: &Client,
        manager: &ZwlrForeignToplevelManagerV1,
        request: zwlr_foreign_toplevel_manager_v1::Request,
        _: &(),
        _: &DisplayHandle,
        _: &mut DataInit<'_, Self>,
    ) {
        if let zwlr_foreign_toplevel_manager_v1::Request::Stop = request {
            manager.finished();
            state.managers.retain(|m| m.id() != manager.id());
            state.count_managers();
        }
    }

    fn destroyed(state: &mut Self, _: ClientId, manager: &ZwlrForeignToplevelManagerV1, _: &()) {
        state.managers.retain(|m| m.id() != manager.id());
        state.count_managers();
    }
}

impl Dispatch<ZwlrForeignToplevelHandleV1, ()> for Server {
    fn request(
        _: &mut Self,
        _: &Client,
        _: &ZwlrForeignToplevelHandleV1,
        _: zwlr_foreign_toplevel_handle_v1::Request,
        _: &(),
        _: &DisplayHandle,
        _: &mut DataInit<'_, Self>,
    ) {
        // Requests to change a toplevel (activate, close, …) are not for this compositor,
        // and `destroy` needs no bookkeeping: dead handles are skipped.
    }
}
