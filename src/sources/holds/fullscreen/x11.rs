//! The X11 half of the fullscreen detector: EWMH's `_NET_ACTIVE_WINDOW` on the root window,
//! and that window's `_NET_WM_STATE` holding `_NET_WM_STATE_FULLSCREEN`.
//!
//! x11rb's connection is blocking, so every read runs on a thread of its own, over a
//! [`Bounded`] stream: each wait for the server has a deadline, so a frozen X server (one
//! that accepts a connection and never answers) costs one `Unreadable` reading and the
//! thread ends anyway. The watch's thread waits for `PropertyNotify` without a deadline,
//! but also on a stop socket that its async side closes when dropped.

use std::io;
use std::net::{TcpStream, ToSocketAddrs};
use std::os::unix::net::UnixStream;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec};
use tokio::sync::{mpsc, oneshot};
use x11rb::connection::Connection;
use x11rb::errors::{ConnectError, ConnectionError, ReplyError};
use x11rb::properties::WmClass;
use x11rb::protocol::Event;
use x11rb::protocol::xproto::{
    AtomEnum, ChangeWindowAttributesAux, ConnectionExt as _, EventMask, GetPropertyReply, Window,
};
use x11rb::reexports::x11rb_protocol::parse_display::{ConnectAddress, parse_display};
use x11rb::reexports::x11rb_protocol::xauth::{Family, get_auth};
use x11rb::rust_connection::{DefaultStream, PollMode, RustConnection, Stream};
use x11rb::utils::RawFdContainer;

use super::Focus;

/// How long one read may take, all round trips together; below the whole check's
/// [`super::super::CHECK_TIMEOUT`], so a frozen server is reported as such.
pub(super) const TIMEOUT: Duration = Duration::from_secs(3);

/// How long the watch waits before following a display again after losing it.
const RETRY: Duration = Duration::from_secs(30);

x11rb::atom_manager! {
    Atoms: AtomsCookie {
        _NET_ACTIVE_WINDOW,
        _NET_WM_STATE,
        _NET_WM_STATE_FULLSCREEN,
        _NET_WM_STATE_HIDDEN,
        _NET_WM_NAME,
        UTF8_STRING,
    }
}

/// Why the X11 fullscreen state could not be read. Shown with `Display` only (in the
/// reading), so each message says its cause itself.
#[derive(Debug, thiserror::Error)]
pub(super) enum Error {
    /// The display name cannot be parsed.
    #[error("DISPLAY={display} is not a display name")]
    BadDisplay {
        /// The display name.
        display: String,
    },
    /// Nothing answers at the display's address.
    #[error("cannot connect to X display {display}: {source}")]
    Connect {
        /// The display name.
        display: String,
        /// Why not.
        source: io::Error,
    },
    /// The server refused us or sent nonsense during the handshake.
    #[error("cannot connect to X display {display}: {source}")]
    Setup {
        /// The display name.
        display: String,
        /// What x11rb said.
        source: ConnectError,
    },
    /// The server did not answer in time.
    #[error(
        "X display {display} did not answer within {} s (is the X server stopped?)",
        TIMEOUT.as_secs()
    )]
    Timeout {
        /// The display name.
        display: String,
    },
    /// A request failed.
    #[error("X display {display}: {source}")]
    Request {
        /// The display name.
        display: String,
        /// What failed.
        source: ReplyError,
    },
    /// No EWMH window manager.
    #[error(
        "the window manager of X display {display} does not set _NET_ACTIVE_WINDOW \
         (not an EWMH window manager), so the focused window is unknown"
    )]
    NoActiveWindow {
        /// The display name.
        display: String,
    },
    /// The read's thread could not be started or died.
    #[error("cannot read X display {display}: {why}")]
    Thread {
        /// The display name.
        display: String,
        /// What happened.
        why: String,
    },
}

impl Error {
    /// Why, in words for `doctor`, in the language in use (`Display` is the log's
    /// English); the causes the system gives stay in its words.
    pub(super) fn words(&self) -> String {
        use crate::t;
        match self {
            Error::BadDisplay { display } => {
                t!("doctor-x11-bad-display", display = display.as_str())
            }
            Error::Connect { display, source } => t!(
                "doctor-x11-connect",
                display = display.as_str(),
                error = source.to_string()
            ),
            Error::Setup { display, source } => t!(
                "doctor-x11-connect",
                display = display.as_str(),
                error = source.to_string()
            ),
            Error::Timeout { display } => t!(
                "doctor-x11-timeout",
                display = display.as_str(),
                duration = crate::human::duration(TIMEOUT)
            ),
            Error::Request { display, source } => t!(
                "doctor-x11-failed",
                display = display.as_str(),
                error = source.to_string()
            ),
            Error::NoActiveWindow { display } => {
                t!("doctor-fullscreen-no-ewmh", display = display.as_str())
            }
            // A thread that could not start or died: what happened, as it was told.
            Error::Thread { display, why } => t!(
                "doctor-x11-failed",
                display = display.as_str(),
                error = why.as_str()
            ),
        }
    }
}

/// What the focused X window is, per EWMH, within [`TIMEOUT`].
pub(super) async fn read(display: &str) -> Result<Focus, Error> {
    let (sender, read) = oneshot::channel();
    let name = display.to_owned();
    // On a thread of its own, not tokio's blocking pool (the daemon's one blocking thread
    // writes its files). The thread ends by itself: every wait in it has a deadline.
    let spawned = std::thread::Builder::new()
        .name("deskbreak-fs-x11".into())
        .spawn(move || {
            let _ = sender.send(read_blocking(&name));
        });
    let thread_error = |why: String| Error::Thread {
        display: display.to_owned(),
        why,
    };
    if let Err(e) = spawned {
        return Err(thread_error(e.to_string()));
    }
    // The stream's deadline ends the thread's waits; this one only covers what the
    // deadline cannot (resolving a remote display's host name).
    match tokio::time::timeout(TIMEOUT + Duration::from_millis(500), read).await {
        Ok(Ok(result)) => result,
        // Read by doctor (a reading's reason is in the language in use).
        Ok(Err(_)) => Err(thread_error(crate::t!("doctor-fullscreen-thread-ended"))),
        Err(_) => Err(Error::Timeout {
            display: display.to_owned(),
        }),
    }
}

/// The blocking part of [`read`].
fn read_blocking(display: &str) -> Result<Focus, Error> {
    let x = Display::connect(display, None, Instant::now() + TIMEOUT)?;
    let active = x.active_window()?;
    x.focus(active)
}

/// Follow the focused window's fullscreen state on `display` until dropped, sending a
/// hint whenever it changes (and when the display is lost or back).
pub(super) async fn watch(name: String, hint: mpsc::Sender<()>) {
    // Named apart: inside tracing's macros `display` means tracing's own function.
    loop {
        match watch_once(&name, &hint).await {
            Ended::Stopped => return,
            Ended::Failed(why) => {
                tracing::debug!("fullscreen: stopped following X display {name}: {why}");
                // Whatever held the break may be gone with the display: check again.
                let _ = hint.try_send(());
            }
        }
        tokio::time::sleep(RETRY).await;
    }
}

/// How a watch's thread ended.
enum Ended {
    /// Nobody listens any more.
    Stopped,
    /// The display failed (or could not be reached).
    Failed(Error),
}

/// One connection's worth of [`watch`].
async fn watch_once(display: &str, hint: &mpsc::Sender<()>) -> Ended {
    // Dropping `stop` (when this future is dropped, or returns) wakes the thread wherever
    // it waits on the server, and it ends.
    let (stop, stopped) = match UnixStream::pair() {
        Ok(pair) => pair,
        Err(e) => {
            return Ended::Failed(Error::Thread {
                display: display.to_owned(),
                why: e.to_string(),
            });
        }
    };
    let (sender, ended) = oneshot::channel();
    let name = display.to_owned();
    let thread_hint = hint.clone();
    let spawned = std::thread::Builder::new()
        .name("deskbreak-fs-xw".into())
        .spawn(move || {
            let _ = sender.send(watch_blocking(&name, stopped, &thread_hint));
        });
    if let Err(e) = spawned {
        return Ended::Failed(Error::Thread {
            display: display.to_owned(),
            why: e.to_string(),
        });
    }
    let ended = tokio::select! {
        ended = ended => ended,
        () = hint.closed() => return Ended::Stopped,
    };
    drop(stop);
    match ended {
        Ok(Ok(())) => Ended::Stopped,
        Ok(Err(e)) => Ended::Failed(e),
        Err(_) => Ended::Failed(Error::Thread {
            display: display.to_owned(),
            why: "the watching thread ended without an answer".into(),
        }),
    }
}

/// The watch's thread: select `PropertyNotify` on the root window and on the focused
/// window, and hint whenever the focused window's fullscreen state changes. `Ok` once told
/// to stop.
fn watch_blocking(display: &str, stop: UnixStream, hint: &mpsc::Sender<()>) -> Result<(), Error> {
    let x = Display::connect(display, Some(stop), Instant::now() + TIMEOUT)?;
    x.select(x.root, EventMask::PROPERTY_CHANGE)?;
    let mut active = x.active_window()?;
    if let Some(window) = active {
        x.select_unchecked(window, EventMask::PROPERTY_CHANGE);
    }
    let mut focus = x.focus(active)?;
    loop {
        x.stream_deadline(None);
        let event = match x.conn.wait_for_event() {
            Ok(event) => event,
            Err(ConnectionError::IoError(e)) if is_stop(&e) => return Ok(()),
            Err(e) => return Err(x.failed(e.into())),
        };
        x.stream_deadline(Some(Instant::now() + TIMEOUT));
        let Event::PropertyNotify(change) = event else {
            // Errors of the unchecked selects (the window went away meanwhile) and events
            // every client gets (MappingNotify): nothing to follow.
            continue;
        };
        if change.window == x.root && change.atom == x.atoms._NET_ACTIVE_WINDOW {
            let now = x.active_window()?;
            if now != active {
                if let Some(old) = active {
                    x.select_unchecked(old, EventMask::NO_EVENT);
                }
                if let Some(new) = now {
                    x.select_unchecked(new, EventMask::PROPERTY_CHANGE);
                }
                active = now;
            }
        } else if Some(change.window) != active || change.atom != x.atoms._NET_WM_STATE {
            // A title, the user time, the stacking list: not what decides.
            continue;
        }
        let now = x.focus(active)?;
        if now != focus {
            tracing::debug!(?now, "fullscreen: the focused X window changed");
            focus = now;
            if hint.try_send(()).is_err() && hint.is_closed() {
                return Ok(());
            }
        }
    }
}

/// The error [`Bounded::poll`] ends a wait with once the watch is dropped.
#[derive(Debug, thiserror::Error)]
#[error("stopped")]
struct StopAsked;

/// Whether an I/O error is the stop socket's doing.
fn is_stop(error: &io::Error) -> bool {
    error.get_ref().is_some_and(|inner| inner.is::<StopAsked>())
}

/// A connection to one X display, with the atoms it needs.
struct Display {
    conn: RustConnection<Bounded>,
    name: String,
    root: Window,
    atoms: Atoms,
}

impl Display {
    /// Connect to `display` and intern the atoms, all before `deadline`. With `stop`, the
    /// connection's waits also end when the other end of `stop` closes.
    fn connect(display: &str, stop: Option<UnixStream>, deadline: Instant) -> Result<Self, Error> {
        let name = display.to_owned();
        let parsed = parse_display(Some(display)).map_err(|_| Error::BadDisplay {
            display: name.clone(),
        })?;
        let mut last = None;
        let mut connected = None;
        for address in parsed.connect_instruction() {
            match open(&address, deadline) {
                Ok(stream) => {
                    connected = Some(stream);
                    break;
                }
                Err(e) => last = Some(e),
            }
        }
        let Some((stream, (family, address))) = connected else {
            return Err(Error::Connect {
                display: name,
                source: last.unwrap_or_else(|| io::ErrorKind::NotFound.into()),
            });
        };
        // Errors reading ~/.Xauthority are only a reason to try without.
        let (auth_name, auth_data) = get_auth(family, &address, parsed.display)
            .ok()
            .flatten()
            .unwrap_or_default();
        let stream = Bounded {
            inner: stream,
            deadline: Mutex::new(Some(deadline)),
            stop,
        };
        let conn = RustConnection::connect_to_stream_with_auth_info(
            stream,
            usize::from(parsed.screen),
            auth_name,
            auth_data,
        )
        .map_err(|source| match source {
            ConnectError::IoError(e) if e.kind() == io::ErrorKind::TimedOut => Error::Timeout {
                display: name.clone(),
            },
            source => Error::Setup {
                display: name.clone(),
                source,
            },
        })?;
        // connect_to_stream checks that the screen exists; a server that lists no roots
        // would still not be worth a panic.
        let Some(root) = conn
            .setup()
            .roots
            .get(usize::from(parsed.screen))
            .map(|screen| screen.root)
        else {
            return Err(Error::Setup {
                display: name,
                source: ConnectError::InvalidScreen,
            });
        };
        let mut x = Display {
            conn,
            name,
            root,
            atoms: Atoms {
                _NET_ACTIVE_WINDOW: 0,
                _NET_WM_STATE: 0,
                _NET_WM_STATE_FULLSCREEN: 0,
                _NET_WM_STATE_HIDDEN: 0,
                _NET_WM_NAME: 0,
                UTF8_STRING: 0,
            },
        };
        x.atoms = Atoms::new(&x.conn)
            .map_err(ReplyError::from)
            .and_then(AtomsCookie::reply)
            .map_err(|e| x.failed(e))?;
        Ok(x)
    }

    /// The error for a failed request: a timeout if the deadline passed.
    fn failed(&self, source: ReplyError) -> Error {
        match &source {
            ReplyError::ConnectionError(ConnectionError::IoError(e))
                if e.kind() == io::ErrorKind::TimedOut =>
            {
                Error::Timeout {
                    display: self.name.clone(),
                }
            }
            _ => Error::Request {
                display: self.name.clone(),
                source,
            },
        }
    }

    /// Set the deadline of the connection's waits (`None`: none).
    fn stream_deadline(&self, deadline: Option<Instant>) {
        *self
            .conn
            .stream()
            .deadline
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = deadline;
    }

    /// A property of `window`, or `None` if the window is gone.
    fn property(
        &self,
        window: Window,
        property: u32,
        kind: impl Into<u32>,
        longs: u32,
    ) -> Result<Option<GetPropertyReply>, Error> {
        let reply = self
            .conn
            .get_property(false, window, property, kind, 0, longs)
            .map_err(|e| self.failed(e.into()))?
            .reply();
        match reply {
            Ok(reply) => Ok(Some(reply)),
            // The window was destroyed between the two requests: it is not focused any more.
            Err(ReplyError::X11Error(e)) if e.error_kind == x11rb::protocol::ErrorKind::Window => {
                Ok(None)
            }
            Err(e) => Err(self.failed(e)),
        }
    }

    /// The root window's `_NET_ACTIVE_WINDOW`: `None` if no window has the focus.
    fn active_window(&self) -> Result<Option<Window>, Error> {
        let reply = self
            .property(
                self.root,
                self.atoms._NET_ACTIVE_WINDOW,
                AtomEnum::WINDOW,
                1,
            )?
            .filter(|reply| reply.type_ != u32::from(AtomEnum::NONE))
            .ok_or_else(|| Error::NoActiveWindow {
                display: self.name.clone(),
            })?;
        Ok(reply
            .value32()
            .and_then(|mut values| values.next())
            .filter(|&window| window != x11rb::NONE))
    }

    /// Whether `window` (the focused one) is fullscreen, and what it is called.
    fn focus(&self, window: Option<Window>) -> Result<Focus, Error> {
        let Some(window) = window else {
            return Ok(Focus::Other);
        };
        let Some(state) = self.property(window, self.atoms._NET_WM_STATE, AtomEnum::ATOM, 64)?
        else {
            return Ok(Focus::Other);
        };
        let states: Vec<u32> = state.value32().map(Iterator::collect).unwrap_or_default();
        let fullscreen = states.contains(&self.atoms._NET_WM_STATE_FULLSCREEN)
            && !states.contains(&self.atoms._NET_WM_STATE_HIDDEN);
        if !fullscreen {
            return Ok(Focus::Other);
        }
        Ok(Focus::Fullscreen(self.app_name(window)?))
    }

    /// What to call the application of `window`: its `WM_CLASS` class ("mpv", "firefox"),
    /// else its title; `None` if it has neither.
    fn app_name(&self, window: Window) -> Result<Option<String>, Error> {
        let class = WmClass::get(&self.conn, window)
            .map_err(|e| self.failed(e.into()))?
            .reply();
        match class {
            Ok(Some(class)) if !class.class().is_empty() => {
                return Ok(Some(String::from_utf8_lossy(class.class()).into_owned()));
            }
            Ok(_) | Err(ReplyError::X11Error(_)) => {}
            Err(e) => return Err(self.failed(e)),
        }
        let title = self.property(window, self.atoms._NET_WM_NAME, self.atoms.UTF8_STRING, 64)?;
        Ok(title
            .filter(|t| t.format == 8 && !t.value.is_empty())
            .map(|t| String::from_utf8_lossy(&t.value).into_owned()))
    }

    /// Select `mask` on `window`, checked.
    fn select(&self, window: Window, mask: EventMask) -> Result<(), Error> {
        self.conn
            .change_window_attributes(window, &ChangeWindowAttributesAux::new().event_mask(mask))
            .map_err(|e| self.failed(e.into()))?
            .check()
            .map_err(|e| self.failed(e))
    }

    /// Select `mask` on `window`, unchecked: a window of another client can vanish at any
    /// moment, and the error then arrives as an event, which the watch skips.
    fn select_unchecked(&self, window: Window, mask: EventMask) {
        let sent = self
            .conn
            .change_window_attributes(window, &ChangeWindowAttributesAux::new().event_mask(mask))
            .map(|cookie| cookie.ignore_error());
        if let Err(e) = sent {
            // The connection is broken: the next wait says so.
            tracing::debug!("fullscreen: cannot select on X window {window:#x}: {e}");
        }
    }
}

/// Open a stream to one of the display's addresses. A Unix socket connects at once; a
/// TCP connection is given the time left until `deadline`.
fn open(
    address: &ConnectAddress<'_>,
    deadline: Instant,
) -> io::Result<(DefaultStream, (Family, Vec<u8>))> {
    match address {
        ConnectAddress::Socket(path) => DefaultStream::from_unix_stream(UnixStream::connect(path)?),
        ConnectAddress::Hostname(host, port) => {
            let mut last = io::Error::from(io::ErrorKind::NotFound);
            for address in (*host, *port).to_socket_addrs()? {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(io::ErrorKind::TimedOut.into());
                }
                match TcpStream::connect_timeout(&address, left) {
                    Ok(stream) => return DefaultStream::from_tcp_stream(stream),
                    Err(e) => last = e,
                }
            }
            Err(last)
        }
        _ => Err(io::ErrorKind::Unsupported.into()),
    }
}

/// x11rb's own stream, with every wait bounded: by a deadline (a `TimedOut` error once
/// it passes) and, for the watch, by a stop socket (a [`StopAsked`] error once its other end
/// closes). x11rb waits only through [`Stream::poll`].
struct Bounded {
    inner: DefaultStream,
    deadline: Mutex<Option<Instant>>,
    stop: Option<UnixStream>,
}

impl Stream for Bounded {
    fn poll(&self, mode: PollMode) -> io::Result<()> {
        let mut flags = PollFlags::empty();
        if mode.readable() {
            flags |= PollFlags::IN;
        }
        if mode.writable() {
            flags |= PollFlags::OUT;
        }
        loop {
            let deadline = *self.deadline.lock().unwrap_or_else(PoisonError::into_inner);
            let timeout = match deadline {
                Some(deadline) => {
                    let left = deadline.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return Err(io::ErrorKind::TimedOut.into());
                    }
                    Some(Timespec::try_from(left).map_err(|_| io::ErrorKind::InvalidInput)?)
                }
                None => None,
            };
            let mut fds = vec![PollFd::new(&self.inner, flags)];
            if let Some(stop) = &self.stop {
                fds.push(PollFd::new(stop, PollFlags::IN));
            }
            match rustix::event::poll(&mut fds, timeout.as_ref()) {
                // Timed out: the loop head says so.
                Ok(0) => {}
                Ok(_) if fds.get(1).is_some_and(|stop| !stop.revents().is_empty()) => {
                    return Err(io::Error::other(StopAsked));
                }
                // Errors (POLLERR, POLLHUP) surface in the read or write that follows.
                Ok(_) => return Ok(()),
                Err(rustix::io::Errno::INTR) => {}
                Err(e) => return Err(e.into()),
            }
        }
    }

    fn read(&self, buf: &mut [u8], fd_storage: &mut Vec<RawFdContainer>) -> io::Result<usize> {
        self.inner.read(buf, fd_storage)
    }

    fn write(&self, buf: &[u8], fds: &mut Vec<RawFdContainer>) -> io::Result<usize> {
        self.inner.write(buf, fds)
    }

    fn write_vectored(
        &self,
        bufs: &[io::IoSlice<'_>],
        fds: &mut Vec<RawFdContainer>,
    ) -> io::Result<usize> {
        self.inner.write_vectored(bufs, fds)
    }
}
