//! Placeholder: being written.

use std::time::Duration;

use super::Events;

/// The backend's name in config and logs.
pub const NAME: &str = "wayland";

/// A connected backend.
#[derive(Debug)]
pub struct Backend;

/// Check that the backend works here.
pub async fn probe(_threshold: Duration) -> Result<Backend, String> {
    Err("not implemented yet".into())
}

impl Backend {
    /// Report presence changes until `events` closes.
    pub async fn run(self, _events: Events) {}
}
