//! Shared integration-test harness: a private D-Bus, a test notification
//! server, and helpers to run the real `deskbreak` binary.
#![allow(
    dead_code,
    reason = "each integration test binary uses a different part of the shared harness"
)]

use std::future::Future;
use std::time::Duration;

pub mod bus;
pub mod daemon;
pub mod dconf;
pub mod ewmh;
pub mod gnome_peer;
pub mod logind_peer;
pub mod notify_server;
pub mod portal_peer;
pub mod pulse;
pub mod session;
pub mod session_manager;
pub mod sni_host;
pub mod wayland_compositor;
pub mod xfconf;
pub mod xvfb;

/// Default timeout for waiting on anything in a test.
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// Whole-test limit applied by [`with_timeout`].
pub const TEST_LIMIT: Duration = Duration::from_secs(60);

/// Runs a test body, failing the test ("test timed out") if it takes longer than
/// [`TEST_LIMIT`].
pub async fn with_timeout<F: Future<Output = ()>>(test: F) {
    tokio::time::timeout(TEST_LIMIT, test)
        .await
        .expect("test timed out");
}
