//! `deskbreak stats` over the five-year history (issue 13: under 100 ms and 16 MiB peak),
//! with a daily sitting record for every day of it, and the exports.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::daemon::{TestEnv, base_command};
use crate::table::{Table, Verdict, mib, ms, spread};
use crate::{STATS_RUNS, STATS_TARGET, target_bin};

/// Peak memory (max RSS) `deskbreak stats` may use over five years (issue 13).
const STATS_PEAK_TARGET_KIB: u64 = 16 * 1024;

/// A daily sitting record for every day the history covers, as the daemon writes it.
fn write_daily_record(env: &TestEnv) {
    let history = std::fs::read_to_string(env.history_path()).expect("the history");
    let mut dates: Vec<&str> = history
        .lines()
        .filter_map(|l| l.split("\"at\":\"").nth(1).and_then(|r| r.get(..10)))
        .collect();
    dates.dedup();
    let days: String = dates
        .iter()
        .enumerate()
        .map(|(i, date)| {
            format!(
                "{{\"date\":\"{date}\",\"sitting_secs\":{},\"longest_secs\":{}}}\n",
                20_000 + (i * 97) % 9_000,
                2_400 + (i * 31) % 1_800
            )
        })
        .collect();
    std::fs::write(env.history_path().with_file_name("days.jsonl"), days)
        .expect("cannot write days.jsonl");
}

pub(crate) fn stats(table: &mut Table, env: &TestEnv, bytes: u64) {
    let lines = env.history_lines().len();
    write_daily_record(env);
    let time_available = Path::new("/usr/bin/time").exists();
    for (label, args) in [
        ("`deskbreak stats` (last 7 days)", vec!["stats"]),
        (
            "`deskbreak stats --days 1830` (all five years: weeks and heatmap)",
            vec!["stats", "--days", "1830"],
        ),
        (
            "`deskbreak stats --json --days 3650` (= `GetStats(3650)`)",
            vec!["stats", "--json", "--days", "3650"],
        ),
        (
            "`deskbreak history --csv` (every line)",
            vec!["history", "--csv"],
        ),
    ] {
        let mut walls = Vec::new();
        // One warm-up run (page cache), then the timed ones.
        for run in 0..=STATS_RUNS {
            let mut cmd = base_command(env, &target_bin());
            cmd.args(&args);
            let t0 = Instant::now();
            let out = cmd.output().expect("cannot run deskbreak stats");
            let wall = t0.elapsed();
            assert!(
                out.status.success() && !String::from_utf8_lossy(&out.stderr).contains("damaged"),
                "deskbreak {args:?} failed: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            if run > 0 {
                walls.push(wall);
            }
        }
        let (median, _, max) = spread(&mut walls);
        // Peak memory and CPU time (user + sys, 10 ms resolution) from /usr/bin/time:
        // CPU time shows how much of the wall time was waiting for a busy machine.
        let (peak, cpu) = if time_available {
            let dir = tempfile::tempdir().expect("tempdir");
            let report = dir.path().join("time");
            let (mut peaks, mut cpus) = (Vec::new(), Vec::new());
            for _ in 0..STATS_RUNS {
                let mut cmd = base_command(env, "/usr/bin/time");
                cmd.arg("-f")
                    .arg("%M %U %S")
                    .arg("-o")
                    .arg(&report)
                    .arg(target_bin())
                    .args(&args);
                let out = cmd.output().expect("cannot run /usr/bin/time");
                assert!(
                    out.status.success(),
                    "/usr/bin/time deskbreak {args:?} failed"
                );
                let text = std::fs::read_to_string(&report).unwrap_or_default();
                let fields: Vec<f64> = text
                    .lines()
                    .last()
                    .unwrap_or_default()
                    .split_whitespace()
                    .filter_map(|f| f.parse().ok())
                    .collect();
                if let [kib, user, sys] = fields[..] {
                    peaks.push(kib as u64);
                    cpus.push(Duration::from_secs_f64(user + sys));
                }
            }
            if cpus.is_empty() {
                (None, None)
            } else {
                let (cpu, _, _) = spread(&mut cpus);
                (peaks.iter().copied().max(), Some(cpu))
            }
        } else {
            (None, None)
        };
        let cpu = cpu.map_or_else(String::new, |c| {
            format!("; CPU (user+sys) median {}", ms(c))
        });
        table.row(
            format!(
                "{label} over {lines} lines ({:.1} MiB), wall",
                bytes as f64 / 1024.0 / 1024.0
            ),
            format!(
                "median {} of {STATS_RUNS} (max {}){cpu}",
                ms(median),
                ms(max)
            ),
            // The targets are for `stats`; the export is measured alongside.
            if args[0] == "stats" {
                "< 100 ms"
            } else {
                "—"
            },
            if args[0] == "stats" {
                Verdict::of(median < STATS_TARGET)
            } else {
                Verdict::Info
            },
        );
        let (peak, verdict) = match peak {
            Some(kib) => (mib(kib), Verdict::of(kib < STATS_PEAK_TARGET_KIB)),
            None if time_available => (
                "n/a (cannot read /usr/bin/time's report)".to_owned(),
                Verdict::Info,
            ),
            None => (
                "n/a: /usr/bin/time is missing (Debian package `time`)".to_owned(),
                Verdict::Info,
            ),
        };
        table.row(
            format!("{label}, peak memory (max RSS)"),
            peak,
            if args[0] == "stats" {
                "< 16 MiB"
            } else {
                "—"
            },
            if args[0] == "stats" {
                verdict
            } else {
                Verdict::Info
            },
        );
    }
}
