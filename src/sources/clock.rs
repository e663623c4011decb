//! The engine's time line, and noticing that the machine slept.
//!
//! `std::time::Instant` and tokio's timers use `CLOCK_MONOTONIC`, which stops while the
//! machine is suspended. `CLOCK_BOOTTIME` keeps counting through a suspend and, like
//! `CLOCK_MONOTONIC`, never jumps with the wall clock. The engine runs on `CLOCK_BOOTTIME`;
//! the gap between the two clocks grows by exactly the time spent asleep, so comparing them
//! at each wake-up tells how long the machine slept, without any other source.

use std::time::Duration;

use rustix::time::{ClockId, Timespec, clock_gettime};

use crate::engine::Moment;

/// Growth of the sleep gap below this is measurement noise, not a suspend.
const SLEEP_THRESHOLD: Duration = Duration::from_secs(2);

fn read(id: ClockId) -> Duration {
    let Timespec { tv_sec, tv_nsec } = clock_gettime(id);
    Duration::new(
        u64::try_from(tv_sec).unwrap_or(0),
        u32::try_from(tv_nsec).unwrap_or(0),
    )
}

/// Reads the time line and reports sleeps.
#[derive(Debug)]
pub struct Clock {
    /// `CLOCK_BOOTTIME - CLOCK_MONOTONIC` at the last check: total time asleep since boot.
    asleep_total: Duration,
}

impl Default for Clock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock {
    /// A clock that reports sleeps from now on.
    #[must_use]
    pub fn new() -> Self {
        Self {
            asleep_total: asleep_total(),
        }
    }

    /// The current moment on the engine's time line.
    #[must_use]
    pub fn now(&self) -> Moment {
        Moment::from_origin(read(ClockId::Boottime))
    }

    /// How long the machine slept since the last call, if it did.
    pub fn slept(&mut self) -> Option<Duration> {
        let total = asleep_total();
        let grown = total.saturating_sub(self.asleep_total);
        self.asleep_total = total;
        (grown >= SLEEP_THRESHOLD).then_some(grown)
    }
}

fn asleep_total() -> Duration {
    // Read monotonic first so that the difference can only err toward zero.
    let monotonic = read(ClockId::Monotonic);
    read(ClockId::Boottime).saturating_sub(monotonic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boottime_moves_forward_and_no_sleep_is_seen_while_awake() {
        let mut clock = Clock::new();
        let a = clock.now();
        std::thread::sleep(Duration::from_millis(20));
        let b = clock.now();
        assert!(b.saturating_since(a) >= Duration::from_millis(20));
        assert_eq!(clock.slept(), None);
    }
}
