//! Sources: what feeds the engine besides user answers.
//!
//! * [`clock`] — the engine's time line (`CLOCK_BOOTTIME`) and suspend detection.
//!
//! Real activity sources (idle backends, logind) are added here; until then the daemon
//! treats the user as always present.

pub mod activity;
pub mod clock;
pub mod logind;
