//! The wall clock, for working hours (`[schedule]`): one wake-up at each boundary, and
//! one whenever the boundary may have moved.
//!
//! * A `timerfd` on `CLOCK_REALTIME`, armed at the next boundary's absolute time with
//!   `TFD_TIMER_CANCEL_ON_SET`: it fires at the boundary (also when that passed during a
//!   suspend: it fires at the wake-up), and the kernel cancels it, waking us, when the
//!   clock is set (NTP steps, `date -s`, and a resume, which moves the wall clock against
//!   the monotonic one).
//! * inotify on `/etc/localtime` (what timedated and admins replace to change the time
//!   zone; skipped when `TZ` is set, which a running process cannot see change). chrono
//!   re-reads the zone at most once a second, so the report waits [`ZONE_SETTLE`].
//!
//! Nothing runs without a schedule; with one, nothing runs between boundaries. Every
//! report means the same thing to the loop: evaluate the schedule again and re-arm.

use std::os::fd::OwnedFd;
use std::path::Path;
use std::pin::Pin;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use futures_util::StreamExt;
use inotify::{EventStream, Inotify, WatchMask};
use rustix::time::{
    Itimerspec, TimerfdClockId, TimerfdFlags, TimerfdTimerFlags, Timespec, timerfd_create,
    timerfd_settime,
};
use tokio::io::unix::AsyncFd;

/// How long after a time zone change the schedule is evaluated again: chrono's local
/// zone is cached for a second.
pub const ZONE_SETTLE: Duration = Duration::from_millis(1100);

const LOCALTIME: &str = "/etc/localtime";

/// What woke the wall clock; either way the schedule is evaluated again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The boundary it was armed for came.
    Boundary,
    /// The wall clock was set (or the machine resumed).
    ClockSet,
    /// The time zone changed.
    Zone,
}

/// The boundary timer and the time zone watch.
pub struct WallClock {
    timer: Option<AsyncFd<OwnedFd>>,
    /// Armed at all (a boundary is set).
    armed: bool,
    zone: Option<EventStream<Vec<u8>>>,
    /// A zone change seen, reported once this sleep ends.
    settle: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl WallClock {
    /// A wall clock that is not armed and watches nothing: nothing wakes at rest.
    #[must_use]
    pub fn idle() -> Self {
        Self {
            timer: None,
            armed: false,
            zone: None,
            settle: None,
        }
    }

    /// Wake at `at` (and on clock and zone changes); `None`: no schedule, watch
    /// nothing. Failures are logged and leave the schedule evaluated at every other
    /// wake-up only.
    pub fn arm(&mut self, at: Option<DateTime<FixedOffset>>) {
        let Some(at) = at else {
            self.timer = None;
            self.zone = None;
            self.settle = None;
            self.armed = false;
            return;
        };
        if self.timer.is_none() {
            match make_timer() {
                Ok(timer) => self.timer = Some(timer),
                Err(err) => {
                    tracing::warn!(
                        "cannot set a timer for working hours ({err}); their boundaries \
                         are noticed only at the next other wake-up"
                    );
                }
            }
        }
        if self.zone.is_none() && std::env::var_os("TZ").is_none() {
            self.zone = watch_zone(Path::new(LOCALTIME));
        }
        if let Some(timer) = &self.timer {
            let value = Itimerspec {
                it_interval: Timespec {
                    tv_sec: 0,
                    tv_nsec: 0,
                },
                it_value: Timespec {
                    // Never 0 (that disarms): a boundary before 1970 fires at once anyway.
                    tv_sec: at.timestamp().max(1),
                    tv_nsec: i64::from(at.timestamp_subsec_nanos()),
                },
            };
            let flags = TimerfdTimerFlags::ABSTIME | TimerfdTimerFlags::CANCEL_ON_SET;
            match timerfd_settime(timer.get_ref(), flags, &value) {
                Ok(_) => {
                    self.armed = true;
                    tracing::debug!(at = %at, "working hours: next boundary");
                }
                Err(err) => {
                    tracing::warn!("cannot arm the working-hours timer: {err}");
                    self.armed = false;
                }
            }
        }
    }

    /// The next change. Pending for ever while nothing is armed or watched.
    /// Cancel-safe: a readiness or an inotify event not taken stays for the next call.
    pub async fn next(&mut self) -> Change {
        loop {
            tokio::select! {
                change = timer_fired(self.timer.as_ref().filter(|_| self.armed)) => {
                    self.armed = false;
                    return change;
                }
                () = zone_event(&mut self.zone) => {
                    // Reported once chrono sees it too.
                    self.settle = Some(Box::pin(tokio::time::sleep(ZONE_SETTLE)));
                }
                () = settled(&mut self.settle) => {
                    self.settle = None;
                    return Change::Zone;
                }
            }
        }
    }
}

fn make_timer() -> std::io::Result<AsyncFd<OwnedFd>> {
    let fd = timerfd_create(
        TimerfdClockId::Realtime,
        TimerfdFlags::NONBLOCK | TimerfdFlags::CLOEXEC,
    )?;
    #[expect(
        deprecated,
        reason = "`AsyncFd::register` is unsafe, which this crate denies outside `trim`; the fd is an \
                  OwnedFd that only this AsyncFd uses, so `new` is sound here"
    )]
    AsyncFd::new(fd)
}

/// Wait for the timer: `Boundary` when it expired, `ClockSet` when the clock was set.
/// Spurious readiness is waited through.
async fn timer_fired(timer: Option<&AsyncFd<OwnedFd>>) -> Change {
    let Some(timer) = timer else {
        return std::future::pending().await;
    };
    loop {
        let Ok(mut ready) = timer.readable().await else {
            return std::future::pending().await;
        };
        let mut buf = [0u8; 8];
        match rustix::io::read(timer.get_ref(), &mut buf) {
            Ok(_) => return Change::Boundary,
            Err(rustix::io::Errno::CANCELED) => return Change::ClockSet,
            Err(rustix::io::Errno::AGAIN) => ready.clear_ready(),
            Err(err) => {
                tracing::warn!("the working-hours timer failed: {err}");
                return std::future::pending().await;
            }
        }
    }
}

fn watch_zone(path: &Path) -> Option<EventStream<Vec<u8>>> {
    let dir = path.parent()?;
    let inotify = Inotify::init()
        .map_err(|err| tracing::debug!("cannot watch the time zone: {err}"))
        .ok()?;
    let mask = WatchMask::CREATE
        | WatchMask::MOVED_TO
        | WatchMask::DELETE
        | WatchMask::CLOSE_WRITE
        | WatchMask::ATTRIB;
    if let Err(err) = inotify.watches().add(dir, mask) {
        tracing::debug!(
            "cannot watch {} for time zone changes: {err}",
            dir.display()
        );
        return None;
    }
    inotify
        .into_event_stream(vec![0u8; 1024])
        .map_err(|err| tracing::debug!("cannot watch the time zone: {err}"))
        .ok()
}

/// The next event about `localtime` in its folder; pending for ever without a watch or
/// once the watch broke.
async fn zone_event(zone: &mut Option<EventStream<Vec<u8>>>) {
    let Some(events) = zone else {
        return std::future::pending().await;
    };
    loop {
        match events.next().await {
            Some(Ok(event)) if event.name.as_deref().is_some_and(|n| n == "localtime") => {
                return;
            }
            Some(Ok(_)) => {}
            Some(Err(err)) => {
                tracing::debug!("the time zone watch failed: {err}");
                *zone = None;
                return std::future::pending().await;
            }
            None => {
                *zone = None;
                return std::future::pending().await;
            }
        }
    }
}

async fn settled(settle: &mut Option<Pin<Box<tokio::time::Sleep>>>) {
    match settle {
        Some(sleep) => sleep.await,
        None => std::future::pending().await,
    }
}
