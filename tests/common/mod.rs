//! Shared integration-test harness: a private D-Bus, a test notification
//! server, and helpers to run the real `deskbreak` binary.
#![allow(
    dead_code,
    reason = "each integration test binary uses a different part of the shared harness"
)]

use std::time::Duration;

pub mod bus;
pub mod daemon;
pub mod gnome_peer;
pub mod logind_peer;
pub mod notify_server;
pub mod wayland_compositor;
pub mod xvfb;

/// Default timeout for waiting on anything in a test.
pub const TIMEOUT: Duration = Duration::from_secs(15);
