//! X11 idle backend: the SYNC extension's `IDLETIME` counter says when the user has been
//! idle for the threshold, MIT-SCREEN-SAVER measures how long ago the last input
//! happened, and XInput2 raw events announce its return.
//!
//! While the user is active we arm an alarm on `IDLETIME` (the server's milliseconds
//! since the last input) that fires once it reaches the threshold, and block on the X
//! socket: the server wakes us only then, however much or little the user types
//! meanwhile. A server without SYNC's `IDLETIME` is measured instead, at the one moment
//! it could matter: we sleep exactly until the idle time could first reach the
//! threshold, then measure again (a user who keeps working makes that a wake-up every
//! threshold or so). The return side is event-driven when the server speaks XInput2 2.0+:
//! while idle we select raw motion/key/button events on the root window and block until
//! one arrives (raw events reach us whichever window has the focus or a grab). Without
//! XInput2 we measure every 2 seconds instead.
//!
//! A pointer warp (`XWarpPointer`, which is what `xdotool mousemove` does) resets the
//! server's idle time but deliberately produces no raw event. Plain XInput2 motion on the
//! root window is selected as well to see it; it arrives when the pointer is over a
//! window nobody else selected XInput2 motion on (the bare root, in particular). A warp
//! over another client's window is only seen with the next real input.
//!
//! x11rb's [`RustConnection`] is blocking, so all X work happens on a dedicated thread
//! that reports with `blocking_send`. [`Backend::run`] stays on the async side and, when
//! the daemon drops its receiver, wakes that thread (a stop channel for its timed
//! sleeps, a `ClientMessage` sent to our own window for its blocking event waits) so it
//! ends promptly instead of on the next keystroke.
//!
//! Nothing here blocks the daemon: the probe connects on a thread of its own and is
//! given [`super::PROBE_TIMEOUT`] (an X server that is stopped accepts the connection and
//! never answers), and when the X connection breaks the X thread reports
//! [`Presence::Lost`], reconnects with backoff and reports [`Presence::Back`].

use std::fmt;
use std::sync::mpsc::{self as std_mpsc, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::sync::oneshot;
use x11rb::connection::{Connection, RequestConnection};
use x11rb::errors::{ConnectError, ReplyError, ReplyOrIdError};
use x11rb::protocol::Event;
use x11rb::protocol::screensaver::{self, ConnectionExt as _};
use x11rb::protocol::sync::{self, ConnectionExt as _};
use x11rb::protocol::xinput::{self, ConnectionExt as _, XIEventMask};
use x11rb::protocol::xproto::{
    AtomEnum, ClientMessageEvent, ConnectionExt as _, CreateWindowAux, EventMask, Window,
    WindowClass,
};
use x11rb::rust_connection::RustConnection;

use super::{Backoff, Events, Presence};

/// The backend's name in config and logs.
pub const NAME: &str = "x11";

/// How often the idle time is measured while idle when XInput2 is unavailable.
const POLL_WHILE_IDLE: Duration = Duration::from_secs(2);

/// The shortest sleep while active. The server counts idle time in whole milliseconds
/// and on its own clock, so right at the threshold a measurement can come out a hair
/// short; this floor keeps such a server (or one whose counter is stuck just below the
/// threshold) from turning the wait into a busy loop.
const MIN_SLEEP: Duration = Duration::from_millis(20);

/// How far the server's idle time may lag behind what our clock predicts before that
/// counts as input. Both clocks are monotonic; the lag only comes from the difference
/// between two round trips' latencies. Far below any sensible threshold, which is what
/// the idle time is always at least when this is used.
const CLOCK_SLACK: Duration = Duration::from_millis(250);

/// How long [`Backend::run`] waits for the X thread to finish once asked to stop. It
/// only runs out if the X server stopped answering mid-request.
const STOP_GRACE: Duration = Duration::from_secs(5);

/// The XInput2 version we announce. 2.1+ delivers raw events even while another client
/// holds a grab (a drag, a menu), which is exactly when the user is surely present.
const XI_VERSION: (u16, u16) = (2, 2);

/// `XIAllDevices`: raw events come from the physical (slave) devices and warps from the
/// master pointer; selecting on all devices gets both, also from XInput 2.0 servers.
const XI_ALL_DEVICES: xinput::DeviceId = 0;

/// A connected backend.
pub struct Backend {
    /// Shared with the [`Stopper`] in [`Backend::run`], which writes on it from another
    /// thread; `RustConnection` supports that and releases its lock while blocked.
    conn: Arc<RustConnection>,
    /// For log lines and error messages.
    display: String,
    /// The root window of our screen: where idle time is queried and input selected.
    root: Window,
    /// An unmapped InputOnly window of ours, only used as the target of the wake-up
    /// message: a `ClientMessage` sent with an empty event mask goes to the window's
    /// creator, i.e. back to this very connection.
    wake_window: Window,
    threshold: Duration,
    /// The negotiated XInput2 version, if 2.0 or later.
    xi2: Option<(u16, u16)>,
    /// Our alarm on the server's `IDLETIME` counter, if it has one.
    idle_alarm: Option<IdleAlarm>,
}

impl fmt::Debug for Backend {
    // By hand: the connection's own Debug output is noise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Backend")
            .field("display", &self.display)
            .field("root", &self.root)
            .field("threshold", &self.threshold)
            .field("xi2", &self.xi2)
            .field("idle_alarm", &self.idle_alarm)
            .finish_non_exhaustive()
    }
}

/// Why the X11 backend cannot be used, or reconnect.
///
/// The message already says the underlying error, so an error chain would say it twice;
/// these reasons are only ever shown with `Display` (in the log and by doctor).
#[derive(Debug, thiserror::Error)]
pub enum X11Error {
    /// `$DISPLAY` is set but empty.
    #[error("DISPLAY is empty: no X11 session")]
    EmptyDisplay,
    /// `$DISPLAY` is not set.
    #[error("DISPLAY is not set: no X11 session")]
    NoDisplay,
    /// `$DISPLAY` is not UTF-8.
    #[error("DISPLAY is not valid UTF-8")]
    DisplayNotUtf8,
    /// The probe's thread could not be started.
    #[error("cannot start the X11 probe: {0}")]
    Thread(#[source] std::io::Error),
    /// The probe's thread ended without an answer.
    #[error("the X11 probe of display {display} failed")]
    ProbeDied {
        /// The display name.
        display: String,
    },
    /// The X server did not answer within [`super::PROBE_TIMEOUT`].
    #[error(
        "X display {display} did not answer within {} s (is the X server stopped?)",
        super::PROBE_TIMEOUT.as_secs()
    )]
    Timeout {
        /// The display name.
        display: String,
    },
    /// No connection to the X server.
    #[error("cannot connect to X display {display}: {source}")]
    Connect {
        /// The display name.
        display: String,
        /// What x11rb said.
        source: ConnectError,
    },
    /// The display's screen does not exist.
    #[error("X display {display} has no screen {screen}")]
    NoScreen {
        /// The display name.
        display: String,
        /// The screen number from the display name.
        screen: usize,
    },
    /// The server lacks MIT-SCREEN-SAVER.
    #[error(
        "X display {display} lacks the {} extension",
        screensaver::X11_EXTENSION_NAME
    )]
    NoScreenSaver {
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
    /// No id for our window.
    #[error("X display {display}: {source}")]
    NoId {
        /// The display name.
        display: String,
        /// What failed.
        source: ReplyOrIdError,
    },
}

/// Check that the backend works here: connect to the X server named by `$DISPLAY`.
///
/// # Errors
///
/// Not an X11 session, or its server cannot be used (see [`X11Error`]).
pub async fn probe(threshold: Duration) -> Result<Backend, X11Error> {
    // Checked here, because x11rb's own complaint about a missing DISPLAY does not say
    // that this simply is not an X11 session.
    match std::env::var("DISPLAY") {
        Ok(display) if !display.is_empty() => probe_display(&display, threshold).await,
        Ok(_) => Err(X11Error::EmptyDisplay),
        Err(std::env::VarError::NotPresent) => Err(X11Error::NoDisplay),
        Err(std::env::VarError::NotUnicode(_)) => Err(X11Error::DisplayNotUtf8),
    }
}

/// Like [`probe`], for an explicit display name such as `":1"` (tests cannot change the
/// environment).
///
/// # Errors
///
/// As for [`probe`].
pub async fn probe_display(display: &str, threshold: Duration) -> Result<Backend, X11Error> {
    let (sender, probed) = oneshot::channel();
    let name = display.to_owned();
    // Connecting and the first round trips block, for good if the server is stopped. On
    // a thread of its own (not tokio's blocking pool, whose one thread writes the files
    // and which the runtime waits for on exit): left behind if it does not come back.
    std::thread::Builder::new()
        .name("deskbreak-x11-probe".into())
        .spawn(move || {
            // Nobody may be waiting any more: then the connection is simply dropped.
            let _ = sender.send(connect(name, threshold));
        })
        .map_err(X11Error::Thread)?;
    let display = display.to_owned();
    match tokio::time::timeout(super::PROBE_TIMEOUT, probed).await {
        Ok(Ok(result)) => result,
        Ok(Err(_)) => Err(X11Error::ProbeDied { display }),
        Err(_) => Err(X11Error::Timeout { display }),
    }
}

/// The blocking part of [`probe_display`].
fn connect(display: String, threshold: Duration) -> Result<Backend, X11Error> {
    let (conn, screen) = match x11rb::connect(Some(&display)) {
        Ok(connected) => connected,
        Err(source) => return Err(X11Error::Connect { display, source }),
    };
    let failed = |source: ReplyError| X11Error::Request {
        display: display.clone(),
        source,
    };
    let Some(root) = conn.setup().roots.get(screen).map(|s| s.root) else {
        return Err(X11Error::NoScreen {
            display: display.clone(),
            screen,
        });
    };

    let has_screensaver = conn
        .extension_information(screensaver::X11_EXTENSION_NAME)
        .map_err(|e| failed(e.into()))?
        .is_some();
    if !has_screensaver {
        return Err(X11Error::NoScreenSaver {
            display: display.clone(),
        });
    }
    conn.screensaver_query_version(1, 1)
        .map_err(|e| failed(e.into()))?
        .reply()
        .map_err(failed)?;
    // One real measurement: a server that advertises the extension but cannot answer
    // should be rejected now, while another backend can still be chosen.
    let idle = query_idle(&conn, root).map_err(failed)?;

    let xi2 = xi2_version(&conn).map_err(failed)?;
    let idle_alarm = match idle_counter(&conn).map_err(failed)? {
        Some(counter) => Some(create_idle_alarm(&conn, counter, threshold).map_err(
            |e| match e {
                ReplyOrIdError::X11Error(e) => failed(ReplyError::X11Error(e)),
                ReplyOrIdError::ConnectionError(e) => failed(ReplyError::ConnectionError(e)),
                source @ ReplyOrIdError::IdsExhausted => X11Error::NoId {
                    display: display.clone(),
                    source,
                },
            },
        )?),
        None => None,
    };

    let wake_window = match conn.generate_id() {
        Ok(id) => id,
        Err(source) => {
            return Err(X11Error::NoId {
                display: display.clone(),
                source,
            });
        }
    };
    conn.create_window(
        0, // depth: InputOnly windows must use 0
        wake_window,
        root,
        0,
        0,
        1,
        1,
        0, // border width: InputOnly windows must use 0
        WindowClass::INPUT_ONLY,
        0, // visual: CopyFromParent
        &CreateWindowAux::new(),
    )
    .map_err(|e| failed(e.into()))?
    .check()
    .map_err(failed)?;

    // Named apart: inside tracing's macros `display` means tracing's own function.
    let shown = display.as_str();
    let until_idle = match idle_alarm {
        Some(_) => "an IDLETIME alarm (SYNC) says when the threshold is reached",
        None => "no SYNC IDLETIME counter, so it is measured when the threshold could be reached",
    };
    match xi2 {
        Some((major, minor)) => tracing::info!(
            display = shown,
            idle = ?idle,
            "x11: idle time from MIT-SCREEN-SAVER; {until_idle}; return of input from XInput {major}.{minor} events"
        ),
        None => tracing::info!(
            display = shown,
            idle = ?idle,
            "x11: idle time from MIT-SCREEN-SAVER; {until_idle}; no XInput2, so while idle it is measured every {POLL_WHILE_IDLE:?}"
        ),
    }
    Ok(Backend {
        conn: Arc::new(conn),
        display,
        root,
        wake_window,
        threshold,
        xi2,
        idle_alarm,
    })
}

/// An alarm of ours on the server's `IDLETIME` counter.
#[derive(Clone, Copy, Debug)]
struct IdleAlarm {
    counter: sync::Counter,
    alarm: sync::Alarm,
}

/// The server's `IDLETIME` system counter (SYNC 3.0+), if it has one.
fn idle_counter(conn: &RustConnection) -> Result<Option<sync::Counter>, ReplyError> {
    if conn
        .extension_information(sync::X11_EXTENSION_NAME)?
        .is_none()
    {
        return Ok(None);
    }
    let version = conn.sync_initialize(3, 1)?.reply()?;
    if version.major_version < 3 {
        return Ok(None);
    }
    let counters = conn.sync_list_system_counters()?.reply()?;
    Ok(counters
        .counters
        .iter()
        .find(|c| c.name == b"IDLETIME")
        .map(|c| c.counter))
}

/// An alarm on `counter` (`IDLETIME`) for `threshold`, inactive until
/// [`Backend::wait_until_idle`] arms it.
fn create_idle_alarm(
    conn: &RustConnection,
    counter: sync::Counter,
    threshold: Duration,
) -> Result<IdleAlarm, ReplyOrIdError> {
    let alarm = conn.generate_id()?;
    // Without events: one that fires at once (the user already idle) would leave an
    // event behind for the first wait to take for a fresh one. No delta: once fired, an
    // alarm stays inactive until armed again.
    let aux = sync::CreateAlarmAux::new()
        .counter(counter)
        .value_type(sync::VALUETYPE::ABSOLUTE)
        .value(millis(threshold))
        .test_type(sync::TESTTYPE::POSITIVE_COMPARISON)
        .delta(int64(0))
        .events(0);
    conn.sync_create_alarm(alarm, &aux)?.check()?;
    Ok(IdleAlarm { counter, alarm })
}

/// `duration` in milliseconds, the unit of `IDLETIME`.
fn millis(duration: Duration) -> sync::Int64 {
    int64(i64::try_from(duration.as_millis()).unwrap_or(i64::MAX))
}
/// `value` as SYNC's 64-bit integer.
fn int64(value: i64) -> sync::Int64 {
    // The two halves: the truncating casts are the point.
    sync::Int64 {
        hi: (value >> 32) as i32,
        lo: value as u32,
    }
}

/// The server's XInput2 version, or `None` if it has no XInput 2.0+.
fn xi2_version(conn: &RustConnection) -> Result<Option<(u16, u16)>, ReplyError> {
    if conn
        .extension_information(xinput::X11_EXTENSION_NAME)?
        .is_none()
    {
        return Ok(None);
    }
    match conn
        .xinput_xi_query_version(XI_VERSION.0, XI_VERSION.1)?
        .reply()
    {
        Ok(reply) if reply.major_version >= 2 => {
            Ok(Some((reply.major_version, reply.minor_version)))
        }
        Ok(_) => Ok(None),
        // An XInput 1.x server does not know the request: no XInput2, not a failure.
        Err(ReplyError::X11Error(e)) => {
            tracing::debug!("x11: XIQueryVersion refused ({e:?}); no XInput2");
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// How long ago the last user input happened, per the server.
fn query_idle(conn: &RustConnection, root: Window) -> Result<Duration, ReplyError> {
    // A malformed reply surfaces as a parse error inside `ReplyError`, never as a panic.
    let info = conn.screensaver_query_info(root)?.reply()?;
    Ok(Duration::from_millis(info.ms_since_user_input.into()))
}

/// One idle time measurement, with the moment (on our clock) it was taken.
#[derive(Clone, Copy, Debug)]
struct Sample {
    idle: Duration,
    at: Instant,
}

impl Sample {
    /// Whether `later` shows input since `self`. Comparing the two idle times alone is
    /// not enough: input right after `self` and a pause longer than `self.idle` give a
    /// larger idle time, yet the user was there. Without input the idle time grows in
    /// step with the clock, so anything clearly short of that means input.
    fn input_before(self, later: Sample) -> bool {
        let expected = self.idle + later.at.saturating_duration_since(self.at);
        later.idle + CLOCK_SLACK < expected
    }
}

/// How a wait while idle ended.
enum Wait {
    /// The user is back.
    Input,
    /// The daemon stopped listening.
    Stop,
}

impl Backend {
    /// Report presence changes until `events` closes, reconnecting when the X
    /// connection breaks.
    pub async fn run(self, events: Events) {
        let (stop_sender, stop) = std_mpsc::channel::<()>();
        let (done_sender, mut done) = oneshot::channel::<()>();
        let current = Arc::new(Mutex::new(Some((Arc::clone(&self.conn), self.wake_window))));
        let stopper = Stopper {
            current: Arc::clone(&current),
            stop: Some(stop_sender),
        };
        let thread_events = events.clone();
        let spawned = std::thread::Builder::new()
            .name("deskbreak-x11".into())
            .spawn(move || {
                // Dropped when the thread ends, however it ends: that is what `run` awaits.
                let _done = done_sender;
                self.follow(&thread_events, &stop, &current);
            });
        if let Err(e) = spawned {
            tracing::warn!("x11: cannot start the X thread: {e}");
            return;
        }
        tokio::select! {
            () = events.closed() => {}
            // The thread ended on its own.
            _ = &mut done => return,
        }
        // Wake the thread wherever it waits, then let it finish so that when `run`
        // returns the thread is gone too.
        drop(stopper);
        if tokio::time::timeout(STOP_GRACE, done).await.is_err() {
            tracing::warn!(
                "x11: the X thread did not stop within {STOP_GRACE:?} (X server not answering?); leaving it behind"
            );
        }
    }

    /// The X thread: watch, and when the connection breaks, reconnect with backoff.
    /// `current` is where the [`Stopper`] finds the connection to nudge.
    fn follow(mut self, events: &Events, stop: &std_mpsc::Receiver<()>, current: &Current) {
        loop {
            match self.watch(events, stop) {
                Ok(()) => {
                    tracing::debug!("x11: stopped, nobody listens any more");
                    return;
                }
                Err(e) => tracing::warn!(
                    display = %self.display,
                    "x11: the X connection failed ({e}); idle time is not tracked until the display is back"
                ),
            }
            *current.lock().unwrap_or_else(PoisonError::into_inner) = None;
            if events.blocking_send(Presence::Lost).is_err() {
                return;
            }
            let mut backoff = Backoff::new();
            self = loop {
                if stopping(events, stop) || sleep_or_stop(stop, backoff.step()) {
                    return;
                }
                match connect(self.display.clone(), self.threshold) {
                    Ok(backend) => break backend,
                    Err(why) => tracing::debug!("x11: display not back yet: {why}"),
                }
            };
            *current.lock().unwrap_or_else(PoisonError::into_inner) =
                Some((Arc::clone(&self.conn), self.wake_window));
            tracing::info!(display = %self.display, "x11: the display is back; idle time is tracked again");
            if events.blocking_send(Presence::Back).is_err() {
                return;
            }
        }
    }

    /// The X thread's loop. `Ok` when told to stop, `Err` when the X connection failed.
    fn watch(&self, events: &Events, stop: &std_mpsc::Receiver<()>) -> Result<(), ReplyError> {
        // Start by assuming the user is active: nothing is reported until the first
        // measurement reaches the threshold.
        loop {
            let idle = match self.idle_alarm {
                Some(alarm) => match self.wait_until_idle(alarm, events, stop)? {
                    Some(sample) => sample,
                    None => return Ok(()),
                },
                None => match self.measure_until_idle(events, stop)? {
                    Some(sample) => sample,
                    None => return Ok(()),
                },
            };
            tracing::debug!(idle_for = ?idle.idle, "x11: user idle");
            if events
                .blocking_send(Presence::Idle {
                    idle_for: idle.idle,
                })
                .is_err()
            {
                return Ok(());
            }

            let waited = match self.xi2 {
                Some(_) => self.wait_for_input_xi2(idle, events, stop)?,
                None => self.wait_for_input_polling(idle, events, stop)?,
            };
            match waited {
                Wait::Input => {}
                Wait::Stop => return Ok(()),
            }
            tracing::debug!("x11: user active");
            if events.blocking_send(Presence::Active).is_err() {
                return Ok(());
            }
        }
    }

    /// While active with an `IDLETIME` alarm: arm it and block until it fires with the
    /// idle time at the threshold. `None` when told to stop.
    fn wait_until_idle(
        &self,
        idle_alarm: IdleAlarm,
        events: &Events,
        stop: &std_mpsc::Receiver<()>,
    ) -> Result<Option<Sample>, ReplyError> {
        let IdleAlarm { counter, alarm } = idle_alarm;
        loop {
            // Armed (again): if the idle time already reached the threshold, it fires at
            // once.
            let aux = sync::ChangeAlarmAux::new()
                .counter(counter)
                .value_type(sync::VALUETYPE::ABSOLUTE)
                .value(millis(self.threshold))
                .test_type(sync::TESTTYPE::POSITIVE_COMPARISON)
                .delta(int64(0))
                .events(1);
            self.conn.sync_change_alarm(alarm, &aux)?.check()?;
            loop {
                if stopping(events, stop) {
                    return Ok(None);
                }
                match self.conn.wait_for_event()? {
                    Event::SyncAlarmNotify(fired) if fired.alarm == alarm => break,
                    // The stopper's nudge: the loop head checks whether to stop.
                    Event::ClientMessage(message) if message.window == self.wake_window => {}
                    other => log_unexpected(&other),
                }
            }
            // Measured, not taken from the event: input may have come since it fired.
            let sample = self.sample()?;
            if sample.idle >= self.threshold {
                return Ok(Some(sample));
            }
        }
    }

    /// While active without an `IDLETIME` alarm: measure at the earliest moment the
    /// threshold could be reached, until it is. `None` when told to stop.
    fn measure_until_idle(
        &self,
        events: &Events,
        stop: &std_mpsc::Receiver<()>,
    ) -> Result<Option<Sample>, ReplyError> {
        loop {
            if stopping(events, stop) {
                return Ok(None);
            }
            let sample = self.sample()?;
            if sample.idle >= self.threshold {
                return Ok(Some(sample));
            }
            // Nothing selected arrives now, but some events reach every client
            // (MappingNotify); unread, they would pile up for as long as we run.
            self.discard_events()?;
            // The earliest moment the threshold can be reached; any input meanwhile
            // only pushes it later, which the next measurement finds out.
            let left = self.threshold.saturating_sub(sample.idle).max(MIN_SLEEP);
            if sleep_or_stop(stop, left) {
                return Ok(None);
            }
        }
    }

    /// While idle with XInput2: block on input events. `idle` is the measurement that
    /// found the user idle.
    fn wait_for_input_xi2(
        &self,
        idle: Sample,
        events: &Events,
        stop: &std_mpsc::Receiver<()>,
    ) -> Result<Wait, ReplyError> {
        self.select_input(
            XIEventMask::RAW_MOTION
                | XIEventMask::RAW_KEY_PRESS
                | XIEventMask::RAW_BUTTON_PRESS
                | XIEventMask::MOTION,
        )?;
        let waited = self.block_until_input(idle, events, stop);
        // Deselect however the wait ended, so an active user's every mouse move does not
        // wake us; if the connection is broken, the wait's error is the one to report.
        let deselected = self.select_input(XIEventMask::from(0u32));
        let waited = waited?;
        deselected?;
        // The deselect's round trip has put every input event sent before it in our queue;
        // drop them now, or they would end the next idle period at once.
        self.discard_events()?;
        Ok(waited)
    }

    /// The blocking part of [`Backend::wait_for_input_xi2`], with input selected.
    fn block_until_input(
        &self,
        idle: Sample,
        events: &Events,
        stop: &std_mpsc::Receiver<()>,
    ) -> Result<Wait, ReplyError> {
        // Input between the measurement and the (checked, hence already processed)
        // selection produced no event; measuring again catches it.
        if idle.input_before(self.sample()?) {
            return Ok(Wait::Input);
        }
        loop {
            if stopping(events, stop) {
                return Ok(Wait::Stop);
            }
            match self.conn.wait_for_event()? {
                Event::XinputRawMotion(_)
                | Event::XinputRawKeyPress(_)
                | Event::XinputRawButtonPress(_)
                | Event::XinputMotion(_) => return Ok(Wait::Input),
                // The stopper's nudge: the loop head checks whether to stop.
                Event::ClientMessage(message) if message.window == self.wake_window => {}
                other => log_unexpected(&other),
            }
        }
    }

    /// While idle without XInput2: measure every [`POLL_WHILE_IDLE`].
    fn wait_for_input_polling(
        &self,
        mut idle: Sample,
        events: &Events,
        stop: &std_mpsc::Receiver<()>,
    ) -> Result<Wait, ReplyError> {
        loop {
            if stopping(events, stop) || sleep_or_stop(stop, POLL_WHILE_IDLE) {
                return Ok(Wait::Stop);
            }
            let now = self.sample()?;
            if idle.input_before(now) {
                return Ok(Wait::Input);
            }
            self.discard_events()?;
            idle = now;
        }
    }

    /// Measure the idle time now.
    fn sample(&self) -> Result<Sample, ReplyError> {
        let idle = query_idle(&self.conn, self.root)?;
        // Taken after the reply: the server measured a round trip's latency earlier,
        // which `CLOCK_SLACK` absorbs.
        Ok(Sample {
            idle,
            at: Instant::now(),
        })
    }

    /// Drop every event already received, without blocking.
    fn discard_events(&self) -> Result<(), ReplyError> {
        while let Some(event) = self.conn.poll_for_event()? {
            log_unexpected(&event);
        }
        Ok(())
    }

    /// Select exactly `mask` as XInput2 events on the root window (empty: deselect).
    fn select_input(&self, mask: XIEventMask) -> Result<(), ReplyError> {
        self.conn
            .xinput_xi_select_events(
                self.root,
                &[xinput::EventMask {
                    deviceid: XI_ALL_DEVICES,
                    mask: vec![mask],
                }],
            )?
            .check()
    }
}

/// Events we did not ask for. X errors from our unchecked requests also arrive here.
fn log_unexpected(event: &Event) {
    match event {
        Event::Error(e) => tracing::warn!("x11: X error: {e:?}"),
        Event::XinputRawMotion(_)
        | Event::XinputRawKeyPress(_)
        | Event::XinputRawButtonPress(_)
        | Event::XinputMotion(_)
        | Event::ClientMessage(_)
        | Event::SyncAlarmNotify(_) => {}
        other => tracing::trace!("x11: ignoring {other:?}"),
    }
}

/// Whether the daemon stopped listening (or [`Backend::run`] gave up on us).
fn stopping(events: &Events, stop: &std_mpsc::Receiver<()>) -> bool {
    events.is_closed() || !matches!(stop.try_recv(), Err(TryRecvError::Empty))
}

/// Sleep for `duration` unless told to stop first; true if told to stop.
fn sleep_or_stop(stop: &std_mpsc::Receiver<()>, duration: Duration) -> bool {
    !matches!(stop.recv_timeout(duration), Err(RecvTimeoutError::Timeout))
}

/// The X thread's connection and wake-up window, while it has one: where the
/// [`Stopper`] nudges it.
type Current = Mutex<Option<(Arc<RustConnection>, Window)>>;

/// Stops the X thread when dropped: in [`Backend::run`] once the daemon stops
/// listening, and also if `run` itself is cancelled.
struct Stopper {
    /// The X thread's connection and wake-up window, while it has one.
    current: Arc<Current>,
    /// Dropping it ends the thread's timed sleeps.
    stop: Option<std_mpsc::Sender<()>>,
}

impl Drop for Stopper {
    fn drop(&mut self) {
        // Stop first, nudge second: whenever the thread sees the nudge (or misses it
        // while draining), the stop is already visible to it.
        drop(self.stop.take());
        let current = self
            .current
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let Some((conn, window)) = current else {
            // Between connections: the thread only sleeps on the stop channel.
            return;
        };
        let nudge = ClientMessageEvent::new(32, window, AtomEnum::NONE, [0u32; 5]);
        let sent = conn
            .send_event(false, window, EventMask::NO_EVENT, nudge)
            .map(drop)
            .and_then(|()| conn.flush());
        if let Err(e) = sent {
            // The thread then ends on the same broken connection by itself.
            tracing::debug!("x11: cannot wake the X thread: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    //! The fallbacks. Xvfb's XInput and SYNC extensions cannot be disabled, so their
    //! absence is forced here, where the private fields are reachable; everything else
    //! is tested against Xvfb in `tests/it/x11.rs`.

    use std::io::{BufRead, BufReader};
    use std::process::{Child, Command, Stdio};
    use std::time::Instant;

    use tokio::sync::mpsc;
    use tokio::time::timeout;

    use super::*;

    /// Xvfb, stopped when dropped.
    struct Xvfb(Child);

    impl Drop for Xvfb {
        fn drop(&mut self) {
            // SIGTERM first: it lets Xvfb remove its socket and lock file.
            let pid = i32::try_from(self.0.id())
                .ok()
                .and_then(rustix::process::Pid::from_raw);
            if let Some(pid) = pid {
                let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
            }
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = self.0.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

    /// Starts Xvfb on a display it picks itself; returns it and the display name.
    fn xvfb() -> (Xvfb, String) {
        let mut child = Command::new("Xvfb")
            .args(["-displayfd", "1", "-screen", "0", "640x480x24"])
            .args(["-nolisten", "tcp"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run Xvfb: install the Debian package xvfb ({e})"));
        let stdout = child.stdout.take().expect("stdout was piped");
        let server = Xvfb(child);
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("Xvfb announces its display");
        assert!(!line.trim().is_empty(), "Xvfb exited without a display");
        (server, format!(":{}", line.trim()))
    }

    #[tokio::test]
    async fn without_xinput2_the_return_is_polled() {
        let threshold = Duration::from_secs(1);
        let (_server, display) = xvfb();
        let mut backend = probe_display(&display, threshold)
            .await
            .expect("Xvfb has MIT-SCREEN-SAVER");
        backend.xi2 = None;
        let (sender, mut receiver) = mpsc::channel(8);
        let task = tokio::spawn(backend.run(sender));

        let first = timeout(Duration::from_secs(10), receiver.recv()).await;
        match first {
            Ok(Some(Presence::Idle { idle_for })) => assert!(idle_for >= threshold),
            other => panic!("expected Idle, got {other:?}"),
        }

        let typed = Command::new("xdotool")
            .args(["key", "shift"])
            .env("DISPLAY", &display)
            .status()
            .unwrap_or_else(|e| {
                panic!("cannot run xdotool: install the Debian package xdotool ({e})")
            });
        assert!(typed.success(), "xdotool failed: {typed}");
        let asked = Instant::now();
        let next = timeout(POLL_WHILE_IDLE + Duration::from_secs(1), receiver.recv()).await;
        assert_eq!(next, Ok(Some(Presence::Active)));
        // Polled, so not instantly (unless the key happened right before a poll).
        eprintln!("Active {:?} after the key press", asked.elapsed());

        drop(receiver);
        timeout(Duration::from_secs(3), task)
            .await
            .expect("run() returns soon after the receiver is dropped")
            .expect("run() does not panic");
    }

    #[tokio::test]
    async fn without_an_idletime_alarm_the_threshold_is_measured_on_a_timer() {
        let threshold = Duration::from_secs(1);
        let (_server, display) = xvfb();
        let mut backend = probe_display(&display, threshold)
            .await
            .expect("Xvfb has MIT-SCREEN-SAVER");
        assert!(backend.idle_alarm.is_some(), "Xvfb has SYNC's IDLETIME");
        backend.idle_alarm = None;
        let (sender, mut receiver) = mpsc::channel(8);
        let task = tokio::spawn(backend.run(sender));

        let idle = |got: Option<Presence>| match got {
            Some(Presence::Idle { idle_for }) => assert!(idle_for >= threshold),
            other => panic!("expected Idle, got {other:?}"),
        };
        let first = timeout(Duration::from_secs(10), receiver.recv()).await;
        idle(first.expect("Idle within 10 s"));
        let moved = Command::new("xdotool")
            .args(["mousemove_relative", "5", "5"])
            .env("DISPLAY", &display)
            .status()
            .unwrap_or_else(|e| {
                panic!("cannot run xdotool: install the Debian package xdotool ({e})")
            });
        assert!(moved.success(), "xdotool failed: {moved}");
        let last_input = Instant::now();
        let next = timeout(Duration::from_secs(1), receiver.recv()).await;
        assert_eq!(next, Ok(Some(Presence::Active)), "XInput2 reports the move");
        let again = timeout(threshold + Duration::from_secs(5), receiver.recv()).await;
        idle(again.expect("Idle again"));
        assert!(
            last_input.elapsed() >= threshold - Duration::from_millis(100),
            "Idle came {:?} after the last input, threshold {threshold:?}",
            last_input.elapsed()
        );

        drop(receiver);
        timeout(Duration::from_secs(3), task)
            .await
            .expect("run() returns soon after the receiver is dropped")
            .expect("run() does not panic");
    }
}
