//! The machine and the binary measured.

use std::time::Duration;

use crate::procfs::kib_field;
use crate::table::{Table, Verdict, mib};
use crate::{SETTLE, target_bin};

/// The 1-minute load average: other work on the machine inflates the timings.
pub(crate) fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|t| t.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".to_owned())
}

pub(crate) fn machine_notes(window: Duration, load_at_start: &str) -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines().find_map(|l| {
                l.strip_prefix("model name")
                    .map(|r| r.trim_start_matches([' ', '\t', ':']).to_owned())
            })
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mem_total = std::fs::read_to_string("/proc/meminfo")
        .map(|t| mib(kib_field(&t, "MemTotal:")))
        .unwrap_or_default();
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let dbus = std::process::Command::new("dbus-daemon")
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.lines().next().map(str::to_owned))
        .unwrap_or_default();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    let source = if std::env::var_os("FOOTPRINT_BIN").is_some() {
        "whatever FOOTPRINT_BIN was built from".to_owned()
    } else {
        match (
            git(&["rev-parse", "--short", "HEAD"]),
            git(&["status", "--porcelain"]),
        ) {
            (Some(head), Some(changes)) if changes.is_empty() => format!("git {head}"),
            (Some(head), Some(changes)) => format!(
                "git {head} + {} uncommitted change(s)",
                changes.lines().count()
            ),
            _ => "not a git checkout".to_owned(),
        }
    };
    format!(
        "Machine: {cores} core(s), {cpu}, {mem_total} RAM, Linux {}; {dbus}. Source: {source}.\n\
         Binary: `{}` ({}).\n\
         Load average (1 min) {load_at_start} at the start, {} at the end: \
         timings are wall-clock and grow when other work shares the cores.\n\
         Rest window {} s after {} s of quiet; CPU from /proc/PID/task/*/schedstat (ns), \
         wake-ups = voluntary + nonvoluntary context switches of all threads.\n",
        kernel.trim(),
        target_bin(),
        if std::env::var_os("FOOTPRINT_BIN").is_some() {
            "from FOOTPRINT_BIN"
        } else {
            "optimized: `cargo bench` builds it with the bench profile, which inherits release"
        },
        load_average(),
        window.as_secs(),
        SETTLE.as_secs()
    )
}

pub(crate) fn binary_size(table: &mut Table) {
    let size = std::fs::metadata(target_bin()).map_or(0, |m| m.len());
    let dir = tempfile::tempdir().expect("cannot create a temporary directory");
    let copy = dir.path().join("deskbreak");
    std::fs::copy(target_bin(), &copy).expect("cannot copy the binary");
    let stripped = match std::process::Command::new("strip").arg(&copy).status() {
        Ok(status) if status.success() => std::fs::metadata(&copy).ok().map(|m| m.len()),
        _ => None,
    };
    let measured = match stripped {
        Some(s) => format!(
            "{:.2} MiB ({s} bytes); {:.2} MiB as built",
            s as f64 / 1024.0 / 1024.0,
            size as f64 / 1024.0 / 1024.0
        ),
        None => format!(
            "n/a: `strip` failed or is missing (Debian package binutils); {size} bytes as built"
        ),
    };
    table.row(
        "Binary size, stripped release",
        measured,
        "— (none set)",
        Verdict::Info,
    );
}
