//! The integration tests: one binary, so that the suite links once.
//!
//! Each module runs the real `deskbreak` binary (or a real part of it) against private
//! buses and real peers from the shared harness in `tests/common/`.

#[path = "../common/mod.rs"]
mod common;
#[path = "../systemctl_fake/mod.rs"]
mod systemctl_fake;

mod bus;
mod cli;
mod config_edits;
mod control;
mod doctor;
mod files;
mod follow;
mod fullscreen;
mod fuzz;
mod gnome;
mod guide;
mod harness;
mod holds;
mod hours;
mod i18n;
mod logind;
mod meeting;
mod notifications;
mod output;
mod owner;
mod reliability;
mod reload;
mod restart;
mod screensaver;
mod sd_notify;
mod service;
mod special_files;
mod stats;
mod tray;
mod waiting;
mod wayland;
mod x11;
