//! Footprint benchmark (issue 6): what deskbreak costs the machine, as figures a
//! command reproduces.
//!
//! Run with `cargo bench --bench footprint` (about three minutes; needs `dbus-daemon`,
//! `Xvfb`, `xdotool`, `strip`, for peak memory of `stats` `/usr/bin/time`, and for the
//! reference row `xwrits`). It
//! starts the optimized binary (`cargo bench` builds it with the `bench` profile, which
//! inherits `release`) on private buses, with the test notification server and
//! stand-ins for Mutter's IdleMonitor, a Wayland compositor, Xvfb and logind from
//! `tests/common/`, and prints a markdown table: each figure, its target from the
//! issue and PASS or MISS, then per-thread details for the rest windows. Beside the
//! X11 daemon it runs xwrits, a small X11 break timer, and measures it the same way.
//!
//! `FOOTPRINT_WINDOW_SECS` sets the measured rest window (default 60 s: at most one
//! wake-up per minute cannot be judged on less than a minute).

#[path = "../../tests/common/mod.rs"]
mod common;

mod daemon;
mod history;
mod machine;
mod procfs;
mod prompts;
mod rest;
mod startup;
mod stats;
mod table;

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use common::bus::PrivateBus;
use common::daemon::{TestEnv, bin};
use common::logind_peer::Logind;

use table::Table;

/// Prompts shown (by `BreakNow`) and answered (by clicking Done) in a row.
pub(crate) const PROMPTS: usize = 1000;
/// Start-ups timed; the median is reported.
pub(crate) const STARTUP_RUNS: usize = 11;
/// `deskbreak stats` runs timed; the median is reported.
pub(crate) const STATS_RUNS: usize = 5;
/// Timer-driven prompts timed.
pub(crate) const TIMER_CYCLES: usize = 8;
/// Lines of synthetic history: about 33 a day for five years.
pub(crate) const HISTORY_LINES: usize = 60_000;
/// Quiet time before a rest window. Longer than tokio's 10 s keep-alive of idle
/// blocking-pool threads, so that threads from start-up are gone and none exits
/// during the window (an exited thread's context switches can no longer be read).
pub(crate) const SETTLE: Duration = Duration::from_secs(12);
/// The rest window after the 1,000 prompts.
pub(crate) const AFTER_WINDOW: Duration = Duration::from_secs(20);
/// How long anything may take before the benchmark gives up.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(20);
/// The history file is polled this often while waiting for an outcome line.
pub(crate) const FILE_POLL: Duration = Duration::from_micros(50);

/// Config of the daemons at rest: nothing falls due during the benchmark.
pub(crate) const REST_CONFIG: &str = "[breaks]\ninterval = \"1h\"\n";

// Targets from issues 6 and 11.
/// RSS at rest, every idle backend.
pub(crate) const RSS_TARGET_KIB: u64 = 4 * 1024;
/// RSS at rest after [`PROMPTS`] prompts answered.
pub(crate) const RSS_AFTER_PROMPTS_TARGET_KIB: u64 = 4 * 1024 + 512;
pub(crate) const CPU_TARGET_SECS_PER_HOUR: f64 = 0.3;
pub(crate) const WAKEUPS_TARGET_PER_MIN: f64 = 1.0;
pub(crate) const READY_TARGET: Duration = Duration::from_millis(50);
pub(crate) const NOTIFY_TARGET: Duration = Duration::from_millis(20);
pub(crate) const STATS_TARGET: Duration = Duration::from_millis(100);

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs this without it.
    if !std::env::args().any(|arg| arg == "--bench") {
        println!("footprint: skipped (run it with `cargo bench --bench footprint`)");
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("cannot start the tokio runtime");
    let report = runtime.block_on(run());
    print!("{report}");
}

pub(crate) fn progress(what: &str) {
    eprintln!("[footprint] {what}");
}

/// The binary measured: `$FOOTPRINT_BIN` if set (to compare builds), else the one cargo
/// built for this benchmark.
pub(crate) fn target_bin() -> String {
    std::env::var("FOOTPRINT_BIN").unwrap_or_else(|_| bin().to_owned())
}

async fn run() -> String {
    let started = Instant::now();
    let window = Duration::from_secs(
        std::env::var("FOOTPRINT_WINDOW_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(60),
    );
    let load_at_start = machine::load_average();
    let mut table = Table::default();
    let mut notes = String::new();

    progress("binary size");
    machine::binary_size(&mut table);

    progress("deskbreak stats over a synthetic five-year history");
    let history_env = TestEnv::new();
    history_env.write_config(REST_CONFIG);
    let bytes = history::synthetic_history(&history_env.history_path(), HISTORY_LINES);
    stats::stats(&mut table, &history_env, bytes);

    // logind on a second bus that plays the system bus, shared by the daemons.
    let system = PrivateBus::start();
    let _logind = Logind::start(system.address(), false).await;

    progress("start-up");
    startup::startup(&mut table, &mut notes, system.address(), &history_env).await;
    drop(history_env);

    progress(&format!(
        "at rest: settling {SETTLE:?}, then a {window:?} window"
    ));
    let variants = rest::rest(&mut table, &mut notes, system.address(), window).await;

    progress(&format!("{PROMPTS} prompts shown and answered"));
    let mut variants = variants;
    let gnome = variants.remove(0);
    for variant in variants {
        variant.stop().await;
    }
    prompts::prompts(&mut table, &mut notes, &gnome).await;
    gnome.stop().await;

    progress("timer-driven prompts");
    prompts::timer_driven(&mut table).await;
    drop(system);

    let mut out = String::new();
    let _ = writeln!(out, "\n## deskbreak footprint\n");
    let _ = writeln!(out, "{}", machine::machine_notes(window, &load_at_start));
    out.push_str(&table.render());
    let misses = table.misses();
    let _ = writeln!(
        out,
        "\n{} target(s) missed{}\n",
        misses.len(),
        if misses.is_empty() {
            String::new()
        } else {
            format!(": {}", misses.join("; "))
        }
    );
    let _ = writeln!(out, "### Details\n\n{notes}");
    let _ = writeln!(
        out,
        "(benchmark took {:.0} s)",
        started.elapsed().as_secs_f64()
    );
    out
}
