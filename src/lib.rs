//! deskbreak: a desk-break reminder daemon for Linux desktops.
//!
//! # Layout
//!
//! Data flows one way: **sources → engine → effects**.
//!
//! * [`engine`] — the pure state machine: sitting time, prompts, answers, natural breaks.
//!   Time is passed in; it never touches a clock, a file or the bus.
//! * [`sources`] — what feeds the engine: idle backends, logind (lock, suspend), the
//!   suspend-aware clock, config edits; gathered in one `Sources::next` that says what woke
//!   the loop.
//! * [`bus`] — the one session-bus connection the daemon shares, with its call timeout.
//! * [`control`] — the D-Bus control interface (`org.deskbreak.Deskbreak1`): CLI calls
//!   forwarded to the loop over a channel, and the client the CLI uses.
//! * [`effects`] — what carries out its decisions (`Effects::carry_out`): desktop
//!   notifications (with a stderr fallback), history and state writes, the published status
//!   and the tray icon.
//! * [`store`] — the files it keeps: history (JSON lines) and state (atomic JSON).
//! * [`config`] — the TOML config: raw file types, then validated settings.
//! * [`exercises`] — the exercise library: the embedded one plus the user's own.
//! * [`pictures`] — a line drawing of each move, embedded as PNG.
//! * [`daemon`] — the loop in between: set-up, `while let Some(wake) = next() { step(wake) }`,
//!   shutdown; `step` feeds the engine and hands its actions to the effects.
//! * [`stats`] — the history summary behind `deskbreak stats`.
//! * [`status`] — the daemon's status, one typed value from the engine to the CLI and bars.
//! * [`status_view`] — how `deskbreak status` reads (words, JSON, waybar).
//! * [`cli`] — the command line (clap definitions; `main.rs` carries them out).
//! * [`paths`] — where files live (XDG base directories).
//! * [`i18n`] — every message a person reads, in the session's language (Fluent
//!   catalogs under `src/i18n/`, embedded); [`t!`] words one.
//! * [`service`] — starting with the desktop: the systemd user unit, or an XDG autostart
//!   entry (`deskbreak service install`).
//! * [`doctor`] — the `deskbreak doctor` checklist.
//! * [`trim`] — at rest, gives back the file pages start-up and the last break touched
//!   (the crate's only `unsafe`).

pub mod bus;
pub mod cli;
pub mod config;
pub mod control;
pub mod daemon;
pub mod doctor;
pub mod effects;
pub mod engine;
pub mod exercises;
pub mod human;
pub mod i18n;
pub mod paths;
pub mod pictures;
pub mod service;
pub mod sources;
pub mod stats;
pub mod status;
pub mod status_view;
pub mod store;
pub mod trim;
