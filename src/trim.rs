//! Giving back what start-up and each break touched, when the daemon comes to rest.
//!
//! The daemon starts, reads its files, probes the desktop, shows a reminder now and then,
//! and sits idle in between, most of an hour at a time. What ran stays mapped: the kernel
//! maps file pages in whole page-cache folios (64 KiB and more) around each page touched,
//! so parsing the command line, the config, the history's tail and the probes leave most
//! of the binary's code and constant data resident, and much of the C library's, though
//! none of it runs again at rest.
//!
//! [`at_rest`] drops those pages with `MADV_DONTNEED`: every private file mapping that is
//! read-only or read-and-execute (`r--p`, `r-xp` in `/proc/self/smaps`: code and constant
//! data of the binary, the C library and the loader) and holds no anonymous page. Such
//! pages are clean copies of the file: dropping one only removes this process's reference
//! to the page cache (the memory stays cached, shared and reclaimable), and the next
//! access maps it again with a minor fault, no disk read while the file is cached.
//! Nothing written is ever dropped: writable mappings (`.data`, `.bss`, heap, stacks) and
//! the relocated read-only data (`.data.rel.ro`, whose pages are anonymous copies) are
//! left alone. It also asks the C library to return freed heap (`malloc_trim`).
//!
//! [`when_quiet`] calls it once the loop has had nothing to do for [`QUIET`] after
//! start-up, and again after each reminder is over (see `daemon::Daemon::next`): one
//! timer each time, none at rest. The cost is the minor faults that map the pages back
//! when the next reminder runs.
//! This is the one module of the crate with `unsafe` code: one `madvise` and one
//! `malloc_trim` call.

#![allow(unsafe_code)]

use std::fs;
use std::future::{Future, poll_fn};
use std::pin::pin;
use std::task::Poll;
use std::time::Duration;

/// What one call gave back, in KiB of resident memory (for the log).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Trimmed {
    /// Size of the mappings (code and constant data) whose pages were dropped, resident
    /// or not.
    pub dropped_kib: u64,
    /// Resident memory before, in KiB (`None`: `/proc/self/statm` unreadable).
    pub rss_before_kib: Option<u64>,
    /// Resident memory after, in KiB.
    pub rss_after_kib: Option<u64>,
}

/// Unmap the file pages start-up (or the last break) touched, and give freed heap back.
/// Never fails: a `/proc` that cannot be read leaves everything as it is.
pub fn at_rest() -> Trimmed {
    let mut trimmed = Trimmed {
        rss_before_kib: resident_kib(),
        ..Trimmed::default()
    };
    if let Ok(smaps) = fs::read_to_string("/proc/self/smaps") {
        for range in clean_file_ranges(&smaps) {
            // SAFETY: `range` is a whole private, read-only (or read-and-execute) mapping
            // of a file, as the kernel lists it, with no anonymous (copied-on-write) page:
            // every resident page is a clean copy of the file. Dropping them loses
            // nothing, and the next access maps the same bytes again from the page cache
            // or the file. No page of it can become dirty meanwhile: it is not writable.
            // The mapping itself stays, so no address becomes invalid.
            let result = unsafe {
                rustix::mm::madvise(
                    range.start as *mut std::ffi::c_void,
                    range.end - range.start,
                    rustix::mm::Advice::LinuxDontNeed,
                )
            };
            if result.is_ok() {
                trimmed.dropped_kib += ((range.end - range.start) / 1024) as u64;
            }
        }
    }
    release_heap();
    trimmed.rss_after_kib = resident_kib();
    trimmed
}

/// How long the loop must have had nothing to do before [`when_quiet`] gives pages back:
/// long enough for the replies and signals that follow start-up or a reminder to have
/// come, short enough to be done well before anyone looks.
pub const QUIET: Duration = Duration::from_secs(5);

/// How long the runtime's blocking thread (file writes) outlives its last job: shorter
/// than [`QUIET`], so that it has exited, and its exit code run, before pages are given
/// back.
pub const BLOCKING_THREAD_KEEP_ALIVE: Duration = Duration::from_secs(2);
const _: () = assert!(BLOCKING_THREAD_KEEP_ALIVE.as_millis() < QUIET.as_millis());

/// Await `fut`; if it has not finished after `quiet`, give back what was touched
/// ([`at_rest`]) and wait on. `true` with the output when the pages were given back;
/// `false` when `fut` finished first (the caller tries again the next time it waits).
pub async fn when_quiet<F: Future>(fut: F, quiet: Duration) -> (F::Output, bool) {
    let mut fut = pin!(fut);
    let mut timer = pin!(tokio::time::sleep(quiet));
    let mut trimmed = false;
    poll_fn(|cx| {
        if let Poll::Ready(out) = fut.as_mut().poll(cx) {
            return Poll::Ready((out, trimmed));
        }
        // Only once `fut` has nothing ready and has registered what wakes it, so that
        // as little as possible runs between giving the pages back and blocking.
        if !trimmed && timer.as_mut().poll(cx).is_ready() {
            trimmed = true;
            let given = at_rest();
            tracing::debug!(?given, "quiet: pages given back");
        }
        Poll::Pending
    })
    .await
}

/// This process's resident memory in KiB, from `/proc/self/statm` (pages).
fn resident_kib() -> Option<u64> {
    let statm = fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_ascii_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4)
}

/// The address ranges, in a `/proc/PID/smaps` text, of private file mappings that are
/// read-only or read-and-execute (`r--p`, `r-xp`) and hold no anonymous page: code and
/// constant data, all clean. Writable mappings, the relocated read-only data (its pages
/// are anonymous copies), anonymous and `[special]` mappings are left out, as is a
/// mapping whose `Anonymous:` line is missing.
fn clean_file_ranges(smaps: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut candidate: Option<std::ops::Range<usize>> = None;
    for line in smaps.lines() {
        if let Some(anonymous) = line.strip_prefix("Anonymous:") {
            if let Some(range) = candidate.take()
                && anonymous.trim() == "0 kB"
            {
                ranges.push(range);
            }
        } else if let Some(header) = mapping_header(line) {
            candidate = header;
        }
    }
    ranges
}

/// A mapping's header line: `Some(Some(range))` for a clean-file candidate,
/// `Some(None)` for any other mapping, `None` for a field line (`Rss: …`).
fn mapping_header(line: &str) -> Option<Option<std::ops::Range<usize>>> {
    let mut fields = line.split_ascii_whitespace();
    let range = fields.next()?;
    let (start, end) = range.split_once('-')?;
    let start = usize::from_str_radix(start, 16).ok()?;
    let end = usize::from_str_radix(end, 16).ok()?;
    let perms = fields.next()?;
    let _offset = fields.next();
    let _device = fields.next();
    let inode = fields.next().unwrap_or("0");
    let path = fields.next().unwrap_or("");
    let candidate = (perms == "r-xp" || perms == "r--p")
        && inode != "0"
        && path.starts_with('/')
        && start < end;
    Some(candidate.then_some(start..end))
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release_heap() {
    unsafe extern "C" {
        /// glibc: give free memory at the top of the heap, and whole free pages inside
        /// it, back to the kernel. Returns 1 if anything was released.
        fn malloc_trim(pad: usize) -> std::ffi::c_int;
    }
    // SAFETY: malloc_trim takes the allocator's own lock and only releases free memory.
    unsafe {
        malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_heap() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_clean_private_read_only_file_mappings_are_dropped() {
        let smaps = "\
55d0c0a00000-55d0c0a40000 r--p 00000000 fe:01 123 /usr/bin/deskbreak
Rss:                 696 kB
Anonymous:             0 kB
55d0c0a40000-55d0c0e00000 r-xp 00040000 fe:01 123 /usr/bin/deskbreak
Rss:                1444 kB
Anonymous:             0 kB
55d0c0e00000-55d0c0e20000 r--p 00400000 fe:01 123 /usr/bin/deskbreak
Rss:                 152 kB
Anonymous:           152 kB
55d0c0e20000-55d0c0e21000 rw-p 00420000 fe:01 123 /usr/bin/deskbreak
Anonymous:             0 kB
55d0c1000000-55d0c1100000 rw-p 00000000 00:00 0                          [heap]
Anonymous:             0 kB
7f0000000000-7f0000010000 r-xp 00000000 00:00 0
Anonymous:             0 kB
7f0000100000-7f0000200000 r-xp 00028000 fe:01 456 /usr/lib/x86_64-linux-gnu/libc.so.6
Rss:                 700 kB
Anonymous:             0 kB
7f0000300000-7f0000301000 r-xs 00000000 fe:01 789 /dev/shm/shared
Anonymous:             0 kB
7f0000400000-7f0000401000 r-xp 00000000 fe:01 790 /opt/no-anonymous-line
Rss:                   4 kB
7ffd00000000-7ffd00002000 r-xp 00000000 00:00 0                          [vdso]
Anonymous:             0 kB
garbage line
7f0000500000-7f0000400000 r-xp 00000000 fe:01 1 /backwards
Anonymous:             0 kB
";
        assert_eq!(
            clean_file_ranges(smaps),
            vec![
                0x55d0_c0a0_0000..0x55d0_c0a4_0000,
                0x55d0_c0a4_0000..0x55d0_c0e0_0000,
                0x7f00_0010_0000..0x7f00_0020_0000
            ]
        );
    }

    #[test]
    fn trimming_leaves_the_process_working() {
        // Unmaps this test binary's own code while it runs: what follows must still run,
        // and data must be unchanged.
        static TABLE: [u64; 4] = [3, 1, 4, 1];
        let data: Vec<u64> = (0..10_000).collect();
        let trimmed = at_rest();
        assert!(trimmed.dropped_kib > 0, "the test binary's code is mapped");
        assert_eq!(data.iter().sum::<u64>(), 49_995_000);
        assert_eq!(
            TABLE.iter().sum::<u64>(),
            9,
            "constant data reads back the same"
        );
        assert!(at_rest().dropped_kib > 0, "and again");
    }

    #[tokio::test(start_paused = true)]
    async fn pages_are_given_back_only_after_a_quiet_spell() {
        // A wake-up before the quiet spell is over: nothing is given back.
        let quick = tokio::time::sleep(Duration::from_secs(1));
        let ((), trimmed) = when_quiet(quick, Duration::from_secs(5)).await;
        assert!(!trimmed);
        // Nothing for longer: given back once, and the wait goes on to its end.
        let start = tokio::time::Instant::now();
        let slow = async {
            tokio::time::sleep(Duration::from_secs(30)).await;
            "woken"
        };
        let (out, trimmed) = when_quiet(slow, Duration::from_secs(5)).await;
        assert_eq!(out, "woken");
        assert!(trimmed);
        assert_eq!(start.elapsed(), Duration::from_secs(30));
    }
}
