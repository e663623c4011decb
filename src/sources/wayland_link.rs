//! A Wayland connection driven by tokio, shared by the Wayland idle backend and the
//! fullscreen detector: the socket is registered with the reactor and read only when it is
//! readable, so waiting costs no thread and no timer, and every wait can be bounded with
//! `tokio::time::timeout` (a wedged compositor must not hang the daemon).

use std::io::ErrorKind;

use tokio::io::Interest;
use wayland_client::backend::WaylandError;
use wayland_client::protocol::wl_callback::{self, WlCallback};
use wayland_client::{Connection, Dispatch, DispatchError, EventQueue, QueueHandle};

/// State that follows its own `wl_display.sync` callbacks, for [`Link::roundtrip`]: its
/// `Dispatch<WlCallback, ()>` calls [`Synced::synced`] on `done`.
pub(crate) trait Synced {
    /// The flag [`Link::roundtrip`] clears and `done` sets.
    fn synced(&mut self) -> &mut bool;
}

/// Sets the flag of [`Synced`] state when the sync's `done` comes: the body of
/// `Dispatch<WlCallback, ()>::event` for such a state.
pub(crate) fn sync_done<S: Synced>(state: &mut S, event: &wl_callback::Event) {
    if let wl_callback::Event::Done { .. } = event {
        *state.synced() = true;
    }
}

/// A connection and its one event queue.
pub(crate) struct Link<S> {
    conn: Connection,
    /// A duplicate of the connection's socket fd, used only for readiness: wayland-client
    /// does all reading and writing on its own fd. A tokio `UnixStream` is the safe way to
    /// register an fd with the reactor (`AsyncFd` registration is `unsafe` since tokio
    /// 1.54, and this crate denies unsafe code outside `trim`). Both fds share one open file
    /// description, so the readiness seen here is the connection's.
    socket: tokio::net::UnixStream,
    queue: EventQueue<S>,
}

impl<S: 'static> Link<S> {
    /// Register `conn`'s socket with tokio.
    pub(crate) fn new(conn: Connection) -> std::io::Result<Self> {
        let socket = conn
            .backend()
            .poll_fd()
            .try_clone_to_owned()
            .map(std::os::unix::net::UnixStream::from)
            // tokio requires non-blocking mode; wayland-client reads and writes with
            // MSG_DONTWAIT anyway, so sharing the flag with its fd changes nothing for it.
            .and_then(|s| s.set_nonblocking(true).map(|()| s))
            .and_then(tokio::net::UnixStream::from_std)?;
        let queue = conn.new_event_queue();
        Ok(Link {
            conn,
            socket,
            queue,
        })
    }

    /// The connection.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The handle new objects are created on.
    pub(crate) fn handle(&self) -> QueueHandle<S> {
        self.queue.handle()
    }

    /// Sends everything queued so far and waits until the compositor has processed it
    /// (and every event it sent before is dispatched into `state`).
    pub(crate) async fn roundtrip(&mut self, state: &mut S) -> Result<(), DispatchError>
    where
        S: Synced + Dispatch<WlCallback, ()>,
    {
        *state.synced() = false;
        self.conn.display().sync(&self.queue.handle(), ());
        while !*state.synced() {
            self.dispatch(state).await?;
        }
        Ok(())
    }

    /// Flushes our requests, then waits until at least one event has been dispatched into
    /// `state`. Cancel-safe: no read guard or half-done state is held across an await.
    pub(crate) async fn dispatch(&mut self, state: &mut S) -> Result<(), DispatchError> {
        loop {
            // Events already read (one read can bring several) must be handled first:
            // the socket will not become readable again for them.
            if self.queue.dispatch_pending(state)? > 0 {
                return Ok(());
            }
            self.flush().await?;
            self.socket.readable().await.map_err(io_error)?;
            let Some(guard) = self.queue.prepare_read() else {
                continue;
            };
            // Going through try_io lets tokio clear the readiness when the read finds
            // nothing (stale readiness, or only display-internal events such as delete_id),
            // so the next readable() sleeps until the compositor writes again.
            let read = self
                .socket
                .try_io(Interest::READABLE, || match guard.read() {
                    Err(WaylandError::Io(e)) if e.kind() == ErrorKind::WouldBlock => Err(e),
                    other => Ok(other),
                });
            match read {
                Ok(Ok(_)) => {}
                Ok(Err(e)) => return Err(e.into()),
                Err(e) if e.kind() == ErrorKind::WouldBlock => {}
                Err(e) => return Err(io_error(e)),
            }
        }
    }

    /// Writes out queued requests, waiting for socket space in the rare case it is full.
    pub(crate) async fn flush(&self) -> Result<(), DispatchError> {
        loop {
            self.socket.writable().await.map_err(io_error)?;
            let flushed = self
                .socket
                .try_io(Interest::WRITABLE, || match self.conn.flush() {
                    Err(WaylandError::Io(e)) if e.kind() == ErrorKind::WouldBlock => Err(e),
                    other => Ok(other),
                });
            match flushed {
                Ok(result) => return result.map_err(DispatchError::from),
                Err(e) if e.kind() == ErrorKind::WouldBlock => {}
                Err(e) => return Err(io_error(e)),
            }
        }
    }
}

/// A socket error, as wayland-client reports its own.
fn io_error(e: std::io::Error) -> DispatchError {
    DispatchError::Backend(WaylandError::Io(e))
}
