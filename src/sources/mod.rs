//! Sources: what feeds the engine besides answers to a prompt.
//!
//! * [`activity`] — idle backends (Wayland, GNOME, X11, ScreenSaver), probed in order.
//! * [`logind`] — screen lock and suspend from systemd-logind.
//! * [`config_watch`] — edits to the config file (inotify).
//! * [`clock`] — the engine's time line (`CLOCK_BOOTTIME`) and suspend detection when
//!   logind is not there.
//!
//! Notification answers arrive through [`crate::effects::notifier`] and CLI calls through
//! [`crate::control`]; the daemon loop turns all of them into engine inputs.

pub mod activity;
pub mod clock;
pub mod config_watch;
pub mod logind;
