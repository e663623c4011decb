//! Effects: carrying out what the engine decided.
//!
//! * [`reminder`] — the words of a prompt (pure, testable).
//! * [`systemd`] — readiness and a one-line status for the service manager.
//! * [`notifier`] — putting it on the desktop through `org.freedesktop.Notifications`, and
//!   turning button presses back into answers; stderr when there is no desktop.
//! * [`tray`] — the tray icon (StatusNotifierItem and its menu), whose clicks come back
//!   as control requests.
//!
//! History and state writes go through [`crate::store`].

pub mod notifier;
pub mod reminder;
pub mod systemd;
pub mod tray;
