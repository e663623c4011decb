//! What /proc says about a process: memory by mapping, CPU time and context switches
//! per thread.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Instant;

use crate::table::mib;
use crate::target_bin;

/// Memory of a process, in KiB.
#[derive(Clone, Debug, Default)]
pub(crate) struct Mem {
    pub(crate) rss: u64,
    pub(crate) pss: u64,
    pub(crate) pss_anon: u64,
    pub(crate) pss_file: u64,
    pub(crate) anon: u64,
    pub(crate) hwm: u64,
    pub(crate) threads: usize,
    /// Resident memory by mapping, largest first: (what, RSS, PSS).
    pub(crate) mappings: Vec<(String, u64, u64)>,
}

impl Mem {
    /// PSS with the deskbreak binary's own pages counted in full, as for the one daemon
    /// of a session: several daemons of this benchmark run at once and share them.
    pub(crate) fn pss_alone(&self) -> u64 {
        let bin = std::fs::canonicalize(target_bin())
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let (rss, pss) = self
            .mappings
            .iter()
            .filter(|(name, _, _)| *name == bin)
            .fold((0, 0), |(r, p), (_, rss, pss)| (r + rss, p + pss));
        self.pss - pss + rss
    }

    /// The largest mappings, for the notes.
    pub(crate) fn top(&self, n: usize) -> String {
        self.mappings
            .iter()
            .take(n)
            .map(|(name, rss, pss)| {
                let short = name.rsplit('/').next().unwrap_or(name);
                format!("{short} {rss} KiB (PSS {pss})")
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// RSS and PSS by mapping from /proc/PID/smaps, grouped by file (or `[heap]`,
/// `[stack]`, `[anon]`), largest RSS first.
pub(crate) fn mappings(pid: u32) -> Vec<(String, u64, u64)> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/smaps"))
        .unwrap_or_else(|e| panic!("cannot read /proc/{pid}/smaps: {e}"));
    let mut by_name: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut current = String::new();
    for line in text.lines() {
        let mut fields = line.split_whitespace();
        let first = fields.next().unwrap_or_default();
        if first.contains('-') && first.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            // address perms offset dev inode [path]
            let path: Vec<&str> = fields.skip(4).collect();
            current = if path.is_empty() {
                "[anon]".to_owned()
            } else {
                path.join(" ")
            };
        } else if first == "Rss:" || first == "Pss:" {
            let kib: u64 = fields.next().and_then(|n| n.parse().ok()).unwrap_or(0);
            let entry = by_name.entry(current.clone()).or_default();
            if first == "Rss:" {
                entry.0 += kib;
            } else {
                entry.1 += kib;
            }
        }
    }
    let mut list: Vec<(String, u64, u64)> = by_name
        .into_iter()
        .filter(|(_, (rss, _))| *rss > 0)
        .map(|(name, (rss, pss))| (name, rss, pss))
        .collect();
    list.sort_by_key(|m| std::cmp::Reverse(m.1));
    list
}

pub(crate) fn kib_field(text: &str, key: &str) -> u64 {
    text.lines()
        .find_map(|line| line.strip_prefix(key))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no {key} in:\n{text}"))
}

pub(crate) fn mem(pid: u32) -> Mem {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .unwrap_or_else(|e| panic!("cannot read /proc/{pid}/smaps_rollup: {e}"));
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_else(|e| panic!("cannot read /proc/{pid}/status: {e}"));
    Mem {
        rss: kib_field(&rollup, "Rss:"),
        pss: kib_field(&rollup, "Pss:"),
        pss_anon: kib_field(&rollup, "Pss_Anon:"),
        pss_file: kib_field(&rollup, "Pss_File:"),
        anon: kib_field(&rollup, "Anonymous:"),
        hwm: kib_field(&status, "VmHWM:"),
        threads: kib_field(&status, "Threads:") as usize,
        mappings: mappings(pid),
    }
}

pub(crate) fn mem_text(m: &Mem) -> String {
    format!(
        "RSS {} · PSS {} (anon {}, file {}; {} with the binary counted in full) · anon RSS {} \
         · {} thread(s); largest: {}",
        mib(m.rss),
        mib(m.pss),
        mib(m.pss_anon),
        mib(m.pss_file),
        mib(m.pss_alone()),
        mib(m.anon),
        m.threads,
        m.top(6)
    )
}

#[derive(Clone, Debug)]
pub(crate) struct ThreadStat {
    pub(crate) comm: String,
    /// Time on a CPU (`schedstat`, ns).
    pub(crate) run_ns: u64,
    /// Voluntary + nonvoluntary context switches.
    pub(crate) switches: u64,
}

#[derive(Clone, Debug)]
pub(crate) struct CpuSample {
    pub(crate) at: Instant,
    /// utime + stime of the whole process, clock ticks (USER_HZ = 100 on Linux).
    pub(crate) ticks: u64,
    pub(crate) threads: BTreeMap<u32, ThreadStat>,
}

pub(crate) fn cpu_sample(pid: u32) -> CpuSample {
    let at = Instant::now();
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .unwrap_or_else(|e| panic!("cannot read /proc/{pid}/stat: {e}"));
    // Fields after the command name, which is in parentheses and may contain spaces.
    let after = &stat[stat.rfind(')').expect("stat has a comm") + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    // utime and stime are fields 14 and 15; `after` starts at field 3.
    let ticks =
        fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime");
    let mut threads = BTreeMap::new();
    let dir = format!("/proc/{pid}/task");
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {dir}: {e}")) {
        let Ok(entry) = entry else { continue };
        let Some(tid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let base = entry.path();
        // A thread may end between listing and reading: skip it then.
        let (Ok(comm), Ok(sched), Ok(status)) = (
            std::fs::read_to_string(base.join("comm")),
            std::fs::read_to_string(base.join("schedstat")),
            std::fs::read_to_string(base.join("status")),
        ) else {
            continue;
        };
        let run_ns = sched
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let switches = kib_field(&status, "voluntary_ctxt_switches:")
            + kib_field(&status, "nonvoluntary_ctxt_switches:");
        threads.insert(
            tid,
            ThreadStat {
                comm: comm.trim().to_owned(),
                run_ns,
                switches,
            },
        );
    }
    CpuSample { at, ticks, threads }
}

#[derive(Debug)]
pub(crate) struct ThreadDelta {
    pub(crate) tid: u32,
    pub(crate) comm: String,
    pub(crate) switches: u64,
    pub(crate) run_ns: u64,
    pub(crate) new: bool,
}

#[derive(Debug)]
pub(crate) struct Window {
    pub(crate) secs: f64,
    pub(crate) ticks: u64,
    pub(crate) run_ns: u64,
    pub(crate) switches: u64,
    pub(crate) threads: Vec<ThreadDelta>,
    /// Threads that ended during the window: their last counts are lost.
    pub(crate) exited: Vec<String>,
}

impl Window {
    pub(crate) fn between(a: &CpuSample, b: &CpuSample) -> Window {
        let mut threads = Vec::new();
        for (tid, t) in &b.threads {
            let before = a.threads.get(tid);
            threads.push(ThreadDelta {
                tid: *tid,
                comm: t.comm.clone(),
                switches: t.switches - before.map_or(0, |s| s.switches.min(t.switches)),
                run_ns: t.run_ns - before.map_or(0, |s| s.run_ns.min(t.run_ns)),
                new: before.is_none(),
            });
        }
        let exited = a
            .threads
            .iter()
            .filter(|(tid, _)| !b.threads.contains_key(tid))
            .map(|(tid, t)| format!("{tid} {}", t.comm))
            .collect();
        Window {
            secs: b.at.duration_since(a.at).as_secs_f64(),
            ticks: b.ticks.saturating_sub(a.ticks),
            run_ns: threads.iter().map(|t| t.run_ns).sum(),
            switches: threads.iter().map(|t| t.switches).sum(),
            threads,
            exited,
        }
    }

    pub(crate) fn cpu_secs_per_hour(&self) -> f64 {
        self.run_ns as f64 / 1e9 * 3600.0 / self.secs
    }

    pub(crate) fn tick_secs_per_hour(&self) -> f64 {
        self.ticks as f64 / 100.0 * 3600.0 / self.secs
    }

    pub(crate) fn wakeups_per_min(&self) -> f64 {
        self.switches as f64 * 60.0 / self.secs
    }

    pub(crate) fn describe(&self) -> String {
        let mut out = String::new();
        for t in &self.threads {
            let _ = write!(
                out,
                "{}`{}` (tid {}): {} switch(es), {:.0} µs CPU; ",
                if t.new { "new " } else { "" },
                t.comm,
                t.tid,
                t.switches,
                t.run_ns as f64 / 1000.0
            );
        }
        if !self.exited.is_empty() {
            let _ = write!(
                out,
                "exited during the window (counts lost): {:?}",
                self.exited
            );
        }
        out.trim_end_matches("; ").to_owned()
    }
}
