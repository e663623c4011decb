//! Footprint benchmark (issue 6): what deskbreak costs the machine, as figures a
//! command reproduces.
//!
//! Run with `cargo bench --bench footprint` (about three minutes; needs `dbus-daemon`,
//! `Xvfb`, `xdotool`, `strip`, for peak memory of `stats` `/usr/bin/time`, and for the
//! reference row `xwrits`). It
//! builds the binary as `cargo build --release` does (see [`target_bin`]) and starts it
//! on private buses, with the test notification server and
//! stand-ins for Mutter's IdleMonitor, a Wayland compositor, Xvfb and logind from
//! `tests/common/`, and prints a markdown table: each figure, its target from the
//! issue and PASS or MISS, then per-thread details for the rest windows. Beside the
//! X11 daemon it runs xwrits, a small X11 break timer, and measures it the same way.
//!
//! `FOOTPRINT_WINDOW_SECS` sets the measured rest window (default 60 s: at most one
//! wake-up per minute cannot be judged on less than a minute). `FOOTPRINT_ONLY` runs
//! only the parts named, comma-separated: `size`, `stats`, `startup`, `rest` (also
//! `rest:gnome`, `rest:x11`, … for one variant), `prompts` (runs the GNOME rest variant
//! first) and `timer`.

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
use common::daemon::TestEnv;
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

/// The parts `FOOTPRINT_ONLY` names (see the module doc); `None` runs everything.
fn only() -> Option<Vec<String>> {
    let only = std::env::var("FOOTPRINT_ONLY").ok()?;
    let parts: Vec<String> = only
        .split(',')
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then_some(parts)
}

/// Whether `part` runs.
pub(crate) fn wanted(part: &str) -> bool {
    only().is_none_or(|parts| parts.iter().any(|p| p == part))
}

/// Whether the rest variant `label` runs: all with `rest`, one with `rest:LABEL`, and
/// GNOME's for `prompts`.
pub(crate) fn variant_wanted(label: &str) -> bool {
    only().is_none_or(|parts| {
        parts.iter().any(|p| {
            p == "rest" || *p == format!("rest:{label}") || (p == "prompts" && label == "gnome")
        })
    })
}

/// The binary measured: `$FOOTPRINT_BIN` if set (to compare builds), else the one
/// `cargo build --release` makes, which this benchmark builds first.
///
/// Not the binary cargo built beside this benchmark: for a benchmark, cargo unifies the
/// dev-dependencies' features into the package's own (tokio's "full" here), so that
/// binary carries code users never get (tokio's multi-threaded scheduler, and with it
/// libm for its `pow`).
pub(crate) fn target_bin() -> String {
    static BIN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BIN.get_or_init(|| std::env::var("FOOTPRINT_BIN").unwrap_or_else(|_| build_release()))
        .clone()
}

/// `cargo build --release --bin deskbreak`; returns the executable's path.
fn build_release() -> String {
    progress("cargo build --release (the binary as shipped)");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(&cargo)
        .args(["build", "--release", "--locked", "--bin", "deskbreak"])
        .args(["--message-format", "json-render-diagnostics"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stderr(std::process::Stdio::inherit())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cargo}: {e}"));
    assert!(out.status.success(), "cargo build --release failed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "deskbreak")
        .find_map(|m| m["executable"].as_str().map(str::to_owned))
        .unwrap_or_else(|| panic!("cargo build --release named no deskbreak executable"))
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

    if wanted("size") {
        progress("binary size");
        machine::binary_size(&mut table);
    }

    let history_env = TestEnv::new();
    history_env.write_config(REST_CONFIG);
    let bytes = history::synthetic_history(&history_env.history_path(), HISTORY_LINES);
    if wanted("stats") {
        progress("deskbreak stats over a synthetic five-year history");
        stats::stats(&mut table, &history_env, bytes);
    }

    // logind on a second bus that plays the system bus, shared by the daemons.
    let system = PrivateBus::start();
    let _logind = Logind::start(system.address(), false).await;

    if wanted("startup") {
        progress("start-up");
        startup::startup(&mut table, &mut notes, system.address(), &history_env).await;
    }
    drop(history_env);

    if ["gnome", "wayland", "x11", "none", "tray"]
        .iter()
        .any(|v| variant_wanted(v))
    {
        progress(&format!(
            "at rest: settling {SETTLE:?}, then a {window:?} window"
        ));
        let mut variants = rest::rest(&mut table, &mut notes, system.address(), window).await;
        // The GNOME variant, if it ran, goes on to the prompts.
        let gnome = variants
            .iter()
            .position(|v| v.label == "gnome")
            .map(|i| variants.remove(i));
        for variant in variants {
            variant.stop().await;
        }
        if let Some(gnome) = gnome {
            if wanted("prompts") {
                progress(&format!("{PROMPTS} prompts shown and answered"));
                prompts::prompts(&mut table, &mut notes, &gnome).await;
            }
            gnome.stop().await;
        }
    }

    if wanted("timer") {
        progress("timer-driven prompts");
        prompts::timer_driven(&mut table, &mut notes).await;
    }
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
