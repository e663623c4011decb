//! The reliability suite: the real daemon killed at random points, its peers coming and
//! going, abuse on its bus interface, a full state folder, and the files' permissions
//! after it all.
//!
//! Randomness is seeded; each test prints its seed, and `DESKBREAK_TEST_SEED=N` replays
//! one. Every test is bounded in time.

use std::collections::HashMap;
use std::future::Future;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use rustix::process::Signal;
use serde_json::Value;
use zbus::Connection;
use zbus::OwnedVariant as OwnedValue;

use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv};
use crate::common::notify_server::{Notified, NotifyServer, ServerOptions};
use crate::common::session::{NAME, PATH, call, connect, error_name, name_has_owner};
use deskbreak::exercises::Library;
use deskbreak::store::history;

/// The prefix of the daemon's own named errors.
const REFUSAL: &str = "org.deskbreak.Deskbreak1.Error.";
/// What the daemon prints on stderr when a reminder cannot reach the desktop.
const ON_STDERR: &str = "*** Time for a break";
/// How long to wait for any one thing the daemon should do at once.
const SOON: Duration = Duration::from_secs(10);

// ---------------------------------------------------------------------------------------
// Helpers.

/// Fail the test if `test` runs longer than `limit`.
async fn bounded<T>(limit: Duration, what: &str, test: impl Future<Output = T>) -> T {
    match tokio::time::timeout(limit, test).await {
        Ok(value) => value,
        Err(_) => panic!("{what}: not finished within {limit:?}"),
    }
}

/// A small seeded generator (splitmix64): reproducible kill points without a crate.
struct Rng(u64);

impl Rng {
    /// Seeded from `DESKBREAK_TEST_SEED` or the clock; the seed is printed.
    fn new(test: &str) -> Rng {
        let seed = std::env::var("DESKBREAK_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            });
        eprintln!("{test}: seed {seed} (replay with DESKBREAK_TEST_SEED={seed})");
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// The daemon's `GetStatus`.
async fn get_status(conn: &Connection) -> HashMap<String, OwnedValue> {
    call(conn, "GetStatus", &())
        .await
        .expect("GetStatus answers")
        .body()
        .deserialize()
        .expect("GetStatus returns a{sv}")
}

fn text(status: &HashMap<String, OwnedValue>, key: &str) -> String {
    status
        .get(key)
        .and_then(|v| String::try_from(v.clone()).ok())
        .unwrap_or_default()
}

fn number(status: &HashMap<String, OwnedValue>, key: &str) -> u64 {
    status
        .get(key)
        .and_then(|v| u64::try_from(v.clone()).ok())
        .unwrap_or_else(|| panic!("{key} missing from {status:?}"))
}

/// Wait until the daemon serves its interface and has published its first status (its
/// state is restored by then).
async fn wait_ready(conn: &Connection, daemon: &Daemon) -> HashMap<String, OwnedValue> {
    let deadline = Instant::now() + SOON;
    loop {
        if let Ok(reply) = call(conn, "GetStatus", &()).await {
            let status: HashMap<String, OwnedValue> = reply.body().deserialize().expect("a{sv}");
            if !text(&status, "Phase").is_empty() {
                return status;
            }
        }
        assert!(
            Instant::now() < deadline,
            "the daemon did not become ready; its stderr:\n{}",
            daemon.stderr()
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// After a kill, wait until the bus has noticed and released the daemon's name, so that
/// the next daemon does not find it taken.
async fn wait_name_released(conn: &Connection) {
    let deadline = Instant::now() + SOON;
    while name_has_owner(conn, NAME).await {
        assert!(
            Instant::now() < deadline,
            "{NAME} still owned after the kill"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// Resident memory of a process, from `/proc/PID/status`.
fn vm_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("proc status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a VmRSS line")
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// Files in the state folder whose name starts with `prefix`.
fn files_starting(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.expect("a folder entry").path())
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// The state and history files, and the folder, are the user's alone.
fn assert_private(env: &TestEnv) {
    let dir = env.state_path().parent().expect("a folder").to_owned();
    assert_eq!(mode(&dir), 0o700, "{}", dir.display());
    let lock = dir.join("lock");
    for path in [env.state_path(), env.history_path(), lock]
        .into_iter()
        .chain(files_starting(&dir, "history.jsonl.damaged-"))
        .chain(files_starting(&dir, "state.json.damaged-"))
    {
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
}

fn read_state(env: &TestEnv) -> Option<Value> {
    let bytes = match std::fs::read(env.state_path()) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => panic!("cannot read the state: {e}"),
    };
    // Replaced atomically: never half a file, whenever the daemon died.
    let state: Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
        panic!(
            "state.json does not parse ({e}): {:?}",
            String::from_utf8_lossy(&bytes)
        )
    });
    assert_eq!(state["version"], 1, "{state}");
    Some(state)
}

fn recent(state: &Value) -> Vec<String> {
    state["engine"]["picker"]["recent"]
        .as_array()
        .unwrap_or_else(|| panic!("no picker memory in {state}"))
        .iter()
        .map(|v| v.as_str().expect("an id").to_owned())
        .collect()
}

/// `new` is `old` with at most `picks` suggestions appended, trimmed to the last 16.
fn picker_memory_continues(old: &[String], new: &[String], picks: usize) -> bool {
    (0..=old.len()).any(|k| {
        let kept = &old[k..];
        new.starts_with(kept) && new.len() - kept.len() <= picks && (k == 0 || new.len() == 16)
    })
}

/// The exercise id a notification suggests (its summary names the exercise).
fn exercise_of(shown: &Notified, library: &Library) -> String {
    let name = shown
        .summary
        .split_once(" · ")
        .map(|(name, _)| name)
        .unwrap_or_else(|| panic!("not a break prompt: {shown:?}"));
    library
        .all()
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no exercise named {name:?}"))
        .id
        .clone()
}

/// The history outcome a button records.
fn outcome_of(action: &str) -> &'static str {
    match action {
        "done" => "done",
        "skip" => "skipped",
        "snooze" => "snoozed",
        other => panic!("unexpected action {other}"),
    }
}

// ---------------------------------------------------------------------------------------
// 1. Crash safety.

/// Breaks come only when asked for (`BreakNow`), never re-shown by themselves, and no
/// idle backend is probed.
const CRASH_CONFIG: &str = r#"
[breaks]
interval = "1h"
snooze = "10m"
max_snoozes = 3
renotify = "0s"
[activity]
backend = "none"
natural_break = "5m"
"#;

/// Where a daemon's life ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KillPoint {
    /// Right after a button is clicked: while the answer is read, recorded or closed.
    AfterClick,
    /// With a prompt on screen, unanswered.
    PromptOpen,
    /// At rest, every answer recorded.
    AtRest,
    /// While `BreakNow` is on its way (picking, saving, notifying).
    DuringBreakNow,
}

/// What the test knows at a kill.
#[derive(Default)]
struct Known {
    /// The history entries present at the last kill.
    entries: Vec<history::Entry>,
    /// The state file at the last kill.
    state: Option<Value>,
    /// A torn last line the test added after the last kill: the bytes the start-up repair
    /// must leave (the good lines) and the damaged file it must keep aside.
    torn: Option<(Vec<u8>, Vec<u8>)>,
    /// Whole bad lines ([`PLANTED`]) in the history: start-up leaves them in place (only
    /// a torn tail is repaired) and readers skip them, until a torn tail's repair takes
    /// them aside with the rest of the file.
    planted: usize,
    /// The history (inode, bytes) at the last kill when it had planted lines and no torn
    /// tail: the next start-up must not touch it.
    untouched: Option<(u64, Vec<u8>)>,
}

/// A line no deskbreak wrote, planted in the history while a daemon runs, for a second
/// instance to find (and leave alone) and for the owner's next start-up to leave in place.
const PLANTED: &[u8] = b"{\"at\":\"planted by the test: not an entry\"}\n";

/// What a second instance must not change in the state folder.
#[derive(Debug, PartialEq, Eq)]
struct Untouchable {
    /// The history's inode: a repair would write a new file in its place.
    history_inode: Option<u64>,
    /// Files kept aside so far.
    kept_aside: Vec<PathBuf>,
}

impl Untouchable {
    fn now(env: &TestEnv) -> Untouchable {
        use std::os::unix::fs::MetadataExt;
        let dir = env.state_path().parent().expect("a folder").to_owned();
        let mut kept_aside = files_starting(&dir, "history.jsonl.damaged-");
        kept_aside.extend(files_starting(&dir, "state.json.damaged-"));
        Untouchable {
            history_inode: std::fs::metadata(env.history_path()).ok().map(|m| m.ino()),
            kept_aside,
        }
    }
}

/// A second `deskbreak run` started while `owner` runs: it must exit 1 at once, naming
/// the owner, having changed nothing.
async fn check_second_instance(
    mut loser: Daemon,
    owner: &Daemon,
    before: Untouchable,
    env: &TestEnv,
) {
    let status = loser.wait_exit(SOON).await;
    assert_eq!(
        status.code(),
        Some(1),
        "a second instance kept running or died: {status:?}; its stderr:\n{}",
        loser.stderr()
    );
    let said = loser.stderr();
    assert!(
        said.contains(&format!("already running (pid {})", owner.pid())),
        "the loser does not say who owns the folder: {said}"
    );
    assert_eq!(
        Untouchable::now(env),
        before,
        "the second instance changed the state folder; its stderr:\n{said}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_at_random_points_loses_no_recorded_line() {
    bounded(Duration::from_secs(150), "crash safety", async {
        let mut rng = Rng::new("crash safety");
        let library = Library::embedded();
        let env = TestEnv::new();
        env.write_config(CRASH_CONFIG);
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let client = connect(bus.address()).await;
        let dir = env.state_path().parent().expect("a folder").to_owned();
        let started = Instant::now();

        let mut known = Known::default();
        let (mut clicks, mut recorded_clicks, mut lives) = (0usize, 0usize, 0usize);
        let (mut sitting_checks, mut torn_repairs) = (0usize, 0usize);
        let (mut losers, mut planted_kept) = (0usize, 0usize);
        let mut kills: HashMap<String, usize> = HashMap::new();

        while recorded_clicks < 200
            || sitting_checks < 2
            || torn_repairs < 2
            || losers < 8
            || planted_kept < 2
        {
            assert!(
                started.elapsed() < Duration::from_secs(100),
                "too slow: {lives} lives, {clicks} answers in {:?}",
                started.elapsed()
            );
            lives += 1;
            let mut daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
            let status = wait_ready(&client, &daemon).await;

            // --- After the restart: nothing lost, a torn tail repaired, whole bad lines
            // left to readers, memory kept.
            let found = history::read(&env.history_path()).expect("the history reads");
            assert_eq!(
                found.damaged_lines.len(),
                known.planted,
                "damaged lines {:?} after the daemon's start-up repair",
                found.damaged_lines
            );
            assert_eq!(
                found.entries, known.entries,
                "the history after restart #{lives} is the one at the kill"
            );
            if let Some((before, damaged)) = known.torn.take() {
                daemon.wait_for_stderr("damaged line(s)", SOON).await;
                assert_eq!(
                    std::fs::read(env.history_path()).expect("history"),
                    before,
                    "the good lines stay in place, byte for byte"
                );
                let kept = files_starting(&dir, "history.jsonl.damaged-");
                assert_eq!(kept.len(), torn_repairs + 1, "{kept:?}");
                assert!(
                    kept.iter()
                        .any(|p| std::fs::read(p).expect("kept file") == damaged),
                    "the damaged file is kept as it was"
                );
                torn_repairs += 1;
            } else if let Some((inode, bytes)) = known.untouched.take() {
                use std::os::unix::fs::MetadataExt;
                let now = std::fs::metadata(env.history_path()).expect("history");
                assert_eq!(
                    (
                        now.ino(),
                        std::fs::read(env.history_path()).expect("history")
                    ),
                    (inode, bytes),
                    "start-up rewrote a history whose tail is whole; its stderr:\n{}",
                    daemon.stderr()
                );
                assert_eq!(
                    files_starting(&dir, "history.jsonl.damaged-").len(),
                    torn_repairs,
                    "start-up kept a whole history aside"
                );
                planted_kept += 1;
            }
            if let Some(state) = &known.state {
                let saved = state["engine"]["sitting_secs"].as_u64().expect("sitting");
                let saved_at: chrono::DateTime<chrono::FixedOffset> =
                    serde_json::from_value(state["saved_at"].clone()).expect("saved_at");
                let gap = (chrono::Local::now().fixed_offset() - saved_at)
                    .num_seconds()
                    .max(0) as u64;
                let sitting = number(&status, "SittingSeconds");
                assert!(
                    (saved..=saved + gap + 2).contains(&sitting),
                    "restart #{lives}: sitting {sitting} s, saved {saved} s {gap} s ago"
                );
                if saved >= 2 {
                    sitting_checks += 1;
                }
            }

            // --- One life.
            let before_life = server.notifications().len();
            let mut confirmed: Vec<&'static str> = Vec::new();
            let mut in_flight: Option<&'static str> = None;
            let mut first_pick: Option<String> = None;
            let sit = sitting_checks < 2 && lives % 5 == 3;
            let point = if sit {
                KillPoint::PromptOpen
            } else {
                *rng.pick(&[
                    KillPoint::AfterClick,
                    KillPoint::AfterClick,
                    KillPoint::PromptOpen,
                    KillPoint::AtRest,
                    KillPoint::DuringBreakNow,
                ])
            };
            let prompts = if sit { 1 } else { 1 + rng.below(12) as usize };
            // A second instance, in one life of two, while the prompt of a random round is
            // on its way (picking, saving, notifying): on the same bus, or on none (a
            // daemon of another session). Now and then a bad line waits in the history
            // for it to "repair".
            let loser_round = (rng.below(2) == 0).then(|| 1 + rng.below(prompts as u64) as usize);
            let mut planted = false;
            if sit {
                // Sit a while, so that there is sitting time to carry over.
                tokio::time::sleep(Duration::from_millis(2200)).await;
            }
            for n in 1..=prompts {
                let last = n == prompts;
                if last && point == KillPoint::DuringBreakNow {
                    let conn = client.clone();
                    let racing = tokio::spawn(async move { call(&conn, "BreakNow", &()).await });
                    std::thread::sleep(Duration::from_micros(rng.below(6000)));
                    daemon.signal(Signal::KILL);
                    let _ = racing.await;
                    break;
                }
                let loser = (loser_round == Some(n)).then(|| {
                    if !planted && planted_kept < 2 && rng.below(3) == 0 {
                        use std::io::Write;
                        use std::os::unix::fs::OpenOptionsExt;
                        std::fs::OpenOptions::new()
                            .append(true)
                            .create(true)
                            .mode(0o600)
                            .open(env.history_path())
                            .and_then(|mut f| f.write_all(PLANTED))
                            .expect("plant a bad line");
                        planted = true;
                    }
                    let before = Untouchable::now(&env);
                    let on = (rng.below(2) == 0).then(|| bus.address());
                    (Daemon::spawn(&env, on, &[]), before)
                });
                let count = server.notifications().len() + 1;
                call(&client, "BreakNow", &()).await.unwrap_or_else(|e| {
                    panic!("BreakNow refused: {e}; stderr:\n{}", daemon.stderr())
                });
                let shown = server.wait_for_notify(count, SOON).await;
                if let Some((loser, before)) = loser {
                    check_second_instance(loser, &daemon, before, &env).await;
                    losers += 1;
                }
                if first_pick.is_none() {
                    first_pick = Some(exercise_of(&shown, &library));
                }
                if last && point == KillPoint::PromptOpen {
                    if sit {
                        // The prompt marks the state dirty: wait for the sitting time to
                        // be saved.
                        let deadline = Instant::now() + SOON;
                        while read_state(&env)
                            .is_none_or(|s| s["engine"]["sitting_secs"].as_u64() < Some(2))
                        {
                            assert!(Instant::now() < deadline, "sitting time not saved");
                            tokio::time::sleep(Duration::from_millis(20)).await;
                        }
                    } else {
                        std::thread::sleep(Duration::from_micros(rng.below(3000)));
                    }
                    daemon.signal(Signal::KILL);
                    break;
                }
                // The answers (the guide's start is not one: it records at its end).
                let keys: Vec<String> = shown
                    .action_keys()
                    .into_iter()
                    .filter(|k| ["done", "snooze", "skip"].contains(&k.as_str()))
                    .collect();
                let action = rng.pick(&keys).clone();
                server.click(shown.id, &action).await;
                clicks += 1;
                if last && point == KillPoint::AfterClick {
                    in_flight = Some(outcome_of(&action));
                    std::thread::sleep(Duration::from_micros(rng.below(8000)));
                    daemon.signal(Signal::KILL);
                    break;
                }
                // The bubble is closed only after the answer is appended and flushed: a
                // close is the daemon saying "recorded".
                server.wait_for_close_by_client(shown.id, SOON).await;
                confirmed.push(outcome_of(&action));
                if last {
                    daemon.signal(Signal::KILL);
                }
            }
            *kills.entry(format!("{point:?}")).or_default() += 1;
            let status = daemon.wait_exit(SOON).await;
            assert_eq!(
                status.signal(),
                Some(9),
                "killed, not exited by itself: {status:?}"
            );
            wait_name_released(&client).await;
            assert!(!daemon.stderr().contains("panicked"), "{}", daemon.stderr());
            assert!(
                !daemon.stderr().contains("cannot write"),
                "the owner failed a write: {}",
                daemon.stderr()
            );

            // --- At the kill: every complete line reads; nothing recorded is lost.
            let found = history::read(&env.history_path()).expect("the history reads");
            known.planted += usize::from(planted);
            assert_eq!(
                found.damaged_lines.len(),
                known.planted,
                "SIGKILL left damaged lines {:?} in the history",
                found.damaged_lines
            );
            if known.planted > 0 {
                // The owner's next start-up leaves the planted lines (whole lines) alone.
                use std::os::unix::fs::MetadataExt;
                let inode = std::fs::metadata(env.history_path())
                    .expect("history")
                    .ino();
                let bytes = std::fs::read(env.history_path()).expect("history");
                known.untouched = Some((inode, bytes));
            }
            assert!(
                found.entries.starts_with(&known.entries),
                "lines present before life #{lives} were lost or changed"
            );
            let new: Vec<&str> = found.entries[known.entries.len()..]
                .iter()
                .map(|e| e.outcome.as_str())
                .collect();
            let extra = new.len().checked_sub(confirmed.len());
            assert!(
                new.starts_with(&confirmed)
                    && (extra == Some(0) || (extra == Some(1) && in_flight == new.last().copied())),
                "life #{lives}: the history gained {new:?}; the daemon confirmed {confirmed:?} \
                 (and {in_flight:?} was on its way)"
            );
            recorded_clicks += new.len();

            // --- The state: whole, plausible, and the picker's memory carried on.
            let state = read_state(&env);
            if let Some(state) = &state {
                let sitting = state["engine"]["sitting_secs"].as_u64().expect("sitting");
                assert!(
                    sitting <= started.elapsed().as_secs() + 1,
                    "sitting {sitting} s in a test that ran {:?}",
                    started.elapsed()
                );
                let new_recent = recent(state);
                assert!(new_recent.len() <= 16, "{new_recent:?}");
                let shown_in_life = server.notifications().len() - before_life;
                if let Some(old) = &known.state {
                    let old_recent = recent(old);
                    assert!(
                        picker_memory_continues(&old_recent, &new_recent, shown_in_life),
                        "life #{lives}: picker memory {new_recent:?} does not continue \
                         {old_recent:?} after {shown_in_life} prompt(s)"
                    );
                    // The first suggestion after the restart avoided the last few.
                    if let Some(first) = &first_pick {
                        let tail = &old_recent[old_recent.len().saturating_sub(4)..];
                        assert!(
                            !tail.contains(first),
                            "life #{lives}: {first} suggested again right after {tail:?}"
                        );
                    }
                }
            }
            known.state = state.or(known.state.take());
            known.entries = found.entries;

            // Now and then, tear the last line as a crash of the machine mid-write would
            // (SIGKILL alone cannot: a line is one write).
            if !known.entries.is_empty()
                && known.torn.is_none()
                && (torn_repairs < 2 && lives % 7 == 6)
            {
                let at_kill = std::fs::read(env.history_path()).expect("history");
                let line = serde_json::to_vec(known.entries.last().expect("an entry"))
                    .expect("serializes");
                let cut = 1 + rng.below(line.len() as u64 - 1) as usize;
                let mut damaged = at_kill.clone();
                damaged.extend_from_slice(&line[..cut]);
                std::fs::write(env.history_path(), &damaged).expect("tear");
                // The repair writes the good lines: planted lines go aside with the file.
                let mut before = Vec::with_capacity(at_kill.len());
                for line in at_kill.split_inclusive(|b| *b == b'\n') {
                    if line != PLANTED {
                        before.extend_from_slice(line);
                    }
                }
                known.torn = Some((before, damaged));
                known.planted = 0;
                known.untouched = None;
            }
        }

        // A last, clean run: everything still there, then a clean stop.
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        wait_ready(&client, &daemon).await;
        assert!(daemon.terminate().await.success());
        let found = history::read(&env.history_path()).expect("the history reads");
        assert_eq!(found.damaged_lines.len(), known.planted);
        assert_eq!(found.entries, known.entries);
        let state = read_state(&env).expect("a state");
        assert_eq!(
            recent(&state).len(),
            16,
            "the picker memory grew to its 16 across restarts: {state}"
        );
        // 5. Files are the user's, after all the crashes and repairs.
        assert_private(&env);
        let litter = files_starting(&dir, ".state.json.tmp-");
        eprintln!(
            "crash safety: {lives} lives, {clicks} answers clicked, {recorded_clicks} \
             recorded, kills {kills:?}, {torn_repairs} torn lines repaired, {losers} second \
             instances refused, {planted_kept} start-ups that left a planted line in place, \
             {sitting_checks} sitting-time carry-overs checked, {} temporary file(s) left \
             by kills, in {:?}",
            litter.len(),
            started.elapsed()
        );
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// 2. Peers come and go.

/// A break falls due one second after each answer; unanswered ones are not re-shown, so
/// a reminder reaching a returning server can only be the daemon's retry.
const PEERS_CONFIG: &str = r#"
[breaks]
interval = "1s"
snooze = "1h"
renotify = "0s"
[activity]
backend = "none"
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_notification_server_stops_and_starts_twenty_times() {
    bounded(Duration::from_secs(90), "peers come and go", async {
        let env = TestEnv::new();
        env.write_config(PEERS_CONFIG);
        let bus = PrivateBus::start();
        let client = connect(bus.address()).await;
        let mut server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        let mut shown = server.wait_for_notify(1, SOON).await;
        let started = Instant::now();

        for cycle in 0..20 {
            let on_stderr = daemon.stderr_count(ON_STDERR);
            if cycle % 2 == 0 {
                // Answered; the server dies; the next break falls due while it is down.
                server.click(shown.id, "done").await;
                server.wait_for_close_by_client(shown.id, SOON).await;
                server.stop().await;
            } else {
                // The server dies with the reminder on screen; one more is asked for
                // while it is down.
                let gone = daemon.stderr_count("the notification server went away");
                server.stop().await;
                daemon
                    .wait_for_stderr_count("the notification server went away", gone + 1, SOON)
                    .await;
                let answer = call(&client, "BreakNow", &()).await;
                assert!(answer.is_ok(), "cycle {cycle}: BreakNow: {answer:?}");
            }
            // Meanwhile: on stderr.
            daemon
                .wait_for_stderr_count(ON_STDERR, on_stderr + 1, SOON)
                .await;
            // Back: the reminder reaches the new server by itself.
            server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
            shown = server.wait_for_notify(1, Duration::from_secs(5)).await;
            assert!(
                shown.action_keys().contains(&"done".to_owned()),
                "cycle {cycle}: {shown:?}"
            );
            // Still there and answering.
            let status = bounded(Duration::from_secs(1), "GetStatus", get_status(&client)).await;
            assert_eq!(text(&status, "Phase"), "due", "cycle {cycle}: {status:?}");
        }
        // The last reminder is answered on the last server, and recorded.
        server.click(shown.id, "done").await;
        server.wait_for_close_by_client(shown.id, SOON).await;
        let outcomes: Vec<String> = env
            .history_lines()
            .iter()
            .map(|l| l["outcome"].as_str().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(
            outcomes,
            vec!["done"; 11],
            "one done per even cycle and the last"
        );
        assert!(!daemon.stderr().contains("panicked"), "{}", daemon.stderr());
        eprintln!("20 server restarts in {:?}", started.elapsed());
        assert!(daemon.terminate().await.success(), "exits cleanly");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_bus_going_away_stops_nothing_and_sigterm_still_exits_0() {
    bounded(Duration::from_secs(60), "the bus goes away", async {
        let config = PEERS_CONFIG.replace("renotify = \"0s\"", "renotify = \"1s\"");

        // The bus dies while the daemon runs: reminders go on, on stderr.
        let env = TestEnv::new();
        env.write_config(&config);
        let mut bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        server.wait_for_notify(1, SOON).await;
        let on_stderr = daemon.stderr_count(ON_STDERR);
        bus.stop();
        daemon.wait_for_stderr("lost the session bus", SOON).await;
        daemon
            .wait_for_stderr_count(ON_STDERR, on_stderr + 3, SOON)
            .await;
        assert!(
            std::fs::metadata(format!("/proc/{}", daemon.pid())).is_ok(),
            "still running"
        );
        let mut daemon = daemon;
        daemon.signal(Signal::TERM);
        let status = daemon.wait_exit(SOON).await;
        assert!(status.success(), "{status:?}\n{}", daemon.stderr());
        assert!(daemon.stderr().contains("state saved"));
        assert_eq!(read_state(&env).expect("saved")["version"], 1);
        drop(server);

        // The bus dies at the moment the daemon is told to stop.
        let env = TestEnv::new();
        env.write_config(&config);
        let mut bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let mut daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        server.wait_for_notify(1, SOON).await;
        daemon.signal(Signal::TERM);
        bus.stop();
        let status = daemon.wait_exit(SOON).await;
        assert!(status.success(), "{status:?}\n{}", daemon.stderr());
        assert!(daemon.stderr().contains("state saved"));
        assert_eq!(read_state(&env).expect("saved")["version"], 1);
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// 3. Abuse on the bus.

/// Seconds ahead a `PauseUntil` is accepted: up to `control::LONGEST_UNTIL` (7 days, so
/// the tray's "until tomorrow" and the next working hours fit), less a margin for the
/// time between building the call and the daemon reading it.
const UNTIL_ACCEPTED: std::ops::RangeInclusive<i64> = 1..=(7 * 86_400 - 400);

/// One call from the abusive client.
#[derive(Clone, Copy, Debug)]
enum Abuse {
    GetStatus,
    Done,
    Skip,
    BreakNow,
    Snooze(u64),
    Pause(u64),
    PauseUntilIn(i64),
    PauseUntil(i64),
    Resume,
    Reload,
    /// `Snooze("ten")`
    SnoozeString,
    /// `Pause(i32)`
    PauseI32,
    /// `PauseUntil(u64)`
    PauseUntilUnsigned,
    /// `Snooze()` with no argument
    SnoozeNothing,
    /// `Pause(1, 2)`
    PauseTwice,
    /// `Done("now")`: an argument where none is taken.
    DoneWithArgument,
    UnknownMethod,
    UnknownInterface,
    UnknownPath,
    /// `Properties.Set` on a read-only property.
    SetProperty(&'static str),
    SetUnknownProperty,
    GetProperty(&'static str),
    GetAll,
    Introspect,
    Ping,
}

/// Every call's answer, checked: a correct answer, or the error a caller should get.
async fn abuse(conn: &Connection, call_: Abuse) -> Result<(), String> {
    use Abuse::*;
    const PROPS: &str = "org.freedesktop.DBus.Properties";
    let now = chrono::Local::now().timestamp();
    let reply = match call_ {
        GetStatus => call(conn, "GetStatus", &()).await,
        Done => call(conn, "Done", &()).await,
        Skip => call(conn, "Skip", &()).await,
        BreakNow => call(conn, "BreakNow", &()).await,
        Snooze(s) => call(conn, "Snooze", &(s,)).await,
        Pause(s) => call(conn, "Pause", &(s,)).await,
        PauseUntilIn(s) => call(conn, "PauseUntil", &(now.saturating_add(s),)).await,
        PauseUntil(t) => call(conn, "PauseUntil", &(t,)).await,
        Resume => call(conn, "Resume", &()).await,
        Reload => call(conn, "Reload", &()).await,
        SnoozeString => call(conn, "Snooze", &("ten",)).await,
        PauseI32 => call(conn, "Pause", &(60i32,)).await,
        PauseUntilUnsigned => call(conn, "PauseUntil", &(60u64,)).await,
        SnoozeNothing => call(conn, "Snooze", &()).await,
        PauseTwice => call(conn, "Pause", &(1u64, 2u64)).await,
        DoneWithArgument => call(conn, "Done", &("now",)).await,
        UnknownMethod => call(conn, "Frobnicate", &()).await,
        UnknownInterface => {
            conn.call_method(Some(NAME), PATH, Some("org.deskbreak.Nope"), "Done", &())
                .await
        }
        UnknownPath => {
            conn.call_method(Some(NAME), "/org/deskbreak/Nope", Some(NAME), "Done", &())
                .await
        }
        SetProperty(p) => {
            let value = zbus::Variant::from(7u64);
            conn.call_method(Some(NAME), PATH, Some(PROPS), "Set", &(NAME, p, value))
                .await
        }
        SetUnknownProperty => {
            let value = zbus::Variant::from("x");
            conn.call_method(Some(NAME), PATH, Some(PROPS), "Set", &(NAME, "Nope", value))
                .await
        }
        GetProperty(p) => {
            conn.call_method(Some(NAME), PATH, Some(PROPS), "Get", &(NAME, p))
                .await
        }
        GetAll => {
            conn.call_method(Some(NAME), PATH, Some(PROPS), "GetAll", &(NAME,))
                .await
        }
        Introspect => {
            conn.call_method(
                Some(NAME),
                PATH,
                Some("org.freedesktop.DBus.Introspectable"),
                "Introspect",
                &(),
            )
            .await
        }
        Ping => {
            conn.call_method(
                Some(NAME),
                PATH,
                Some("org.freedesktop.DBus.Peer"),
                "Ping",
                &(),
            )
            .await
        }
    };
    let fdo = |name: &str| format!("org.freedesktop.DBus.Error.{name}");
    let ours = |name: &str| format!("{REFUSAL}{name}");
    // What this call may answer: Ok(check) or one of the named errors.
    let refusals: Vec<String> = match call_ {
        Done | Skip => vec![ours("NoBreakDue"), ours("Paused")],
        Snooze(s) if s <= 86_400 => {
            vec![ours("NoBreakDue"), ours("SnoozeLimit"), ours("Paused")]
        }
        BreakNow => vec![ours("Paused")],
        Resume => vec![ours("NotPaused")],
        Pause(s) if s <= 86_400 => vec![],
        PauseUntilIn(s) if UNTIL_ACCEPTED.contains(&s) => vec![],
        GetStatus | Reload | GetProperty(_) | GetAll | Introspect | Ping => vec![],
        Snooze(_) | Pause(_) | PauseUntil(_) | PauseUntilIn(_) => vec![ours("InvalidArgument")],
        SnoozeString | PauseI32 | PauseUntilUnsigned | SnoozeNothing | PauseTwice => {
            vec![fdo("InvalidArgs")]
        }
        // zbus reads no arguments for a method that takes none; either answer is fair.
        DoneWithArgument => vec![fdo("InvalidArgs"), ours("NoBreakDue"), ours("Paused")],
        UnknownMethod => vec![fdo("UnknownMethod")],
        UnknownInterface => vec![fdo("UnknownInterface")],
        UnknownPath => vec![fdo("UnknownObject")],
        SetProperty(_) => vec![fdo("PropertyReadOnly")],
        SetUnknownProperty => vec![fdo("UnknownProperty")],
    };
    let may_succeed = match call_ {
        Snooze(s) | Pause(s) => s <= 86_400,
        PauseUntilIn(s) => UNTIL_ACCEPTED.contains(&s),
        PauseUntil(_) => false,
        GetStatus | Done | Skip | BreakNow | Resume | Reload | GetProperty(_) | GetAll
        | Introspect | Ping | DoneWithArgument => true,
        SnoozeString | PauseI32 | PauseUntilUnsigned | SnoozeNothing | PauseTwice
        | UnknownMethod | UnknownInterface | UnknownPath | SetProperty(_) | SetUnknownProperty => {
            false
        }
    };
    match reply {
        Ok(_) if !may_succeed => Err(format!("{call_:?} was accepted")),
        Ok(message) => match call_ {
            GetStatus => {
                let status: HashMap<String, OwnedValue> = message
                    .body()
                    .deserialize()
                    .map_err(|e| format!("GetStatus: {e}"))?;
                if status.len() == 10 && !text(&status, "Phase").is_empty() {
                    Ok(())
                } else {
                    Err(format!("GetStatus answered {status:?}"))
                }
            }
            Done | Skip | BreakNow | Snooze(_) | Pause(_) | PauseUntilIn(_) | Resume
            | DoneWithArgument => {
                let sentence: String = message
                    .body()
                    .deserialize()
                    .map_err(|e| format!("{call_:?}: {e}"))?;
                if sentence.is_empty() {
                    Err(format!("{call_:?} answered an empty sentence"))
                } else {
                    Ok(())
                }
            }
            _ => Ok(()),
        },
        Err(err) => {
            let name = error_name(&err);
            if refusals.contains(&name) {
                Ok(())
            } else {
                Err(format!(
                    "{call_:?} failed with {name} ({err}); expected one of {refusals:?}"
                ))
            }
        }
    }
}

/// A mix of good, bad and repeated calls.
fn abuse_plan(rng: &mut Rng, count: usize) -> Vec<Abuse> {
    use Abuse::*;
    let choices = [
        GetStatus,
        Done,
        Skip,
        BreakNow,
        Snooze(0),
        Snooze(60),
        Snooze(1_000_000_000),
        Snooze(u64::MAX),
        Snooze(86_401),
        Pause(0),
        Pause(30),
        Pause(1_000_000_000),
        PauseUntilIn(600),
        PauseUntilIn(2 * 86_400),
        PauseUntilIn(8 * 86_400),
        PauseUntilIn(-60),
        PauseUntil(0),
        PauseUntil(i64::MAX),
        PauseUntil(i64::MIN),
        PauseUntil(-1),
        Resume,
        Reload,
        SnoozeString,
        PauseI32,
        PauseUntilUnsigned,
        SnoozeNothing,
        PauseTwice,
        DoneWithArgument,
        UnknownMethod,
        UnknownInterface,
        UnknownPath,
        SetProperty("Phase"),
        SetProperty("Snoozes"),
        SetProperty("IntervalSeconds"),
        SetUnknownProperty,
        GetProperty("SittingSeconds"),
        GetAll,
        Introspect,
        Ping,
    ];
    let repeated = [Done, Skip, BreakNow, Pause(0), Resume, Snooze(0)];
    let mut plan = Vec::with_capacity(count);
    while plan.len() < count {
        if rng.below(4) == 0 {
            // Rapid repeats of one command.
            let which = *rng.pick(&repeated);
            for _ in 0..5 + rng.below(20) {
                plan.push(which);
            }
        } else {
            plan.push(*rng.pick(&choices));
        }
    }
    plan.truncate(count);
    plan
}

/// Send `plan` with many calls in flight; return the failures.
async fn run_abuse(conn: &Connection, plan: Vec<Abuse>) -> Vec<String> {
    futures_util::stream::iter(plan)
        .map(|c| abuse(conn, c))
        .buffer_unordered(64)
        .filter_map(|r| async move { r.err() })
        .collect()
        .await
}

/// 1,000 calls of warm-up, then 10,000, pipelined 64 at a time from another connection;
/// every answer checked, then GetStatus within 1 s and VmRSS no more than 2 MiB up.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_bad_and_repeated_calls_get_named_answers_and_memory_stays_flat() {
    bounded(Duration::from_secs(120), "abuse on the bus", async {
        let mut rng = Rng::new("abuse");
        let env = TestEnv::new();
        env.write_config(CRASH_CONFIG);
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let mut cmd = crate::common::daemon::command(&env, Some(bus.address()));
        // Info, not debug: 10,000 calls' worth of debug lines only slow the test down.
        cmd.arg("run").env("RUST_LOG", "deskbreak=info");
        let daemon = Daemon::spawn_command(cmd);
        let client = connect(bus.address()).await;
        wait_ready(&client, &daemon).await;

        let started = Instant::now();
        let failures = run_abuse(&client, abuse_plan(&mut rng, 1_000)).await;
        assert!(failures.is_empty(), "warm-up: {failures:#?}");
        let warm = vm_rss_kib(daemon.pid());
        let warmed = started.elapsed();

        let failures = run_abuse(&client, abuse_plan(&mut rng, 10_000)).await;
        let abused = started.elapsed() - warmed;
        let mut sample = failures.clone();
        sample.truncate(20);
        assert!(
            failures.is_empty(),
            "{} of 10,000 calls answered wrongly, e.g. {sample:#?}",
            failures.len()
        );

        // Still responsive, right away.
        let asked = Instant::now();
        let status = bounded(
            Duration::from_secs(1),
            "GetStatus after abuse",
            get_status(&client),
        )
        .await;
        assert!(!text(&status, "Phase").is_empty());
        let answered_in = asked.elapsed();
        let after = vm_rss_kib(daemon.pid());
        eprintln!(
            "abuse: warm-up 1,000 calls in {warmed:?}, RSS {warm} KiB; 10,000 calls in \
             {abused:?}, RSS {after} KiB; GetStatus after in {answered_in:?}; {} \
             notifications, {} history lines",
            server.notifications().len(),
            env.history_lines().len()
        );
        assert!(
            after <= warm + 2048,
            "memory grew from {warm} KiB to {after} KiB over 10,000 calls"
        );
        assert!(!daemon.stderr().contains("panicked"), "{}", daemon.stderr());
        assert!(daemon.terminate().await.success(), "exits cleanly");
    })
    .await;
}

/// `deskbreak now` followed at once by `deskbreak done`: the second call arrives while the
/// daemon publishes the status the first one changed. (zbus holds the interface's read
/// lock for a call until the loop answers it; publishing once took the write lock, and the
/// daemon hung for good, deaf to SIGTERM.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_command_arriving_while_the_status_is_published_is_answered() {
    bounded(
        Duration::from_secs(60),
        "two commands close together",
        async {
            let env = TestEnv::new();
            env.write_config(CRASH_CONFIG);
            let bus = PrivateBus::start();
            let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
            let mut daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
            let client = connect(bus.address()).await;
            wait_ready(&client, &daemon).await;
            for round in 0..20 {
                let now =
                    tokio::time::timeout(Duration::from_secs(5), call(&client, "BreakNow", &()))
                        .await;
                assert!(matches!(now, Ok(Ok(_))), "round {round}: BreakNow: {now:?}");
                let done =
                    tokio::time::timeout(Duration::from_secs(5), call(&client, "Done", &())).await;
                let answered = match &done {
                    Ok(Ok(_)) => true,
                    Ok(Err(e)) => error_name(e).starts_with(REFUSAL),
                    Err(_) => false,
                };
                if !answered {
                    // Say whether a hung daemon still reacts to SIGTERM.
                    daemon.signal(Signal::TERM);
                    let exited =
                        tokio::time::timeout(Duration::from_secs(5), daemon.wait_exit(SOON))
                            .await
                            .is_ok();
                    panic!(
                        "round {round}: Done right after BreakNow got no answer in 5 s ({done:?}); \
                     {} notification(s) shown; after SIGTERM the daemon {}",
                        server.notifications().len(),
                        if exited { "exited" } else { "is still running" }
                    );
                }
            }
            assert!(daemon.terminate().await.success());
        },
    )
    .await;
}

// ---------------------------------------------------------------------------------------
// 4. A full state folder.

/// `deskbreak run` under a file-size limit (`prlimit --fsize`): writes to the state folder
/// fail as on a full disk (EFBIG instead of ENOSPC; the same error path). SIGXFSZ is
/// ignored, as its default action would kill the daemon instead of failing the write.
fn limited_daemon(env: &TestEnv, bus: Option<&str>, max_file_bytes: u64) -> Daemon {
    let model = crate::common::daemon::command(env, bus);
    let mut cmd = tokio::process::Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "trap '' XFSZ; exec prlimit --fsize={max_file_bytes} -- \"$0\" run"
        ))
        .arg(crate::common::daemon::bin())
        .env_clear()
        .current_dir(env.home());
    for (key, value) in model.as_std().get_envs() {
        if let Some(value) = value {
            cmd.env(key, value);
        }
    }
    Daemon::spawn_command(cmd)
}

async fn wait_for_limit(daemon: &Daemon, max_file_bytes: u64) {
    // prlimit execs the daemon in place: same pid, limit in force.
    let deadline = Instant::now() + SOON;
    loop {
        let comm =
            std::fs::read_to_string(format!("/proc/{}/comm", daemon.pid())).unwrap_or_default();
        if comm.trim() == "deskbreak" {
            let limits =
                std::fs::read_to_string(format!("/proc/{}/limits", daemon.pid())).expect("limits");
            let line = limits
                .lines()
                .find(|l| l.starts_with("Max file size"))
                .expect("a file size limit line");
            assert!(
                line.split_whitespace()
                    .nth(3)
                    .is_some_and(|v| v == max_file_bytes.to_string()),
                "{line}"
            );
            return;
        }
        assert!(Instant::now() < deadline, "prlimit did not start deskbreak");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_state_folder_is_reported_once_and_reminders_keep_coming() {
    if std::process::Command::new("prlimit")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("SKIPPED: prlimit (util-linux) is not installed");
        return;
    }
    bounded(Duration::from_secs(60), "a full state folder", async {
        // Nothing can be written at all; no desktop, so reminders go to stderr.
        let env = TestEnv::new();
        env.write_config(&PEERS_CONFIG.replace("renotify = \"0s\"", "renotify = \"1s\""));
        let daemon = limited_daemon(&env, None, 0);
        wait_for_limit(&daemon, 0).await;
        daemon.wait_for_stderr_count(ON_STDERR, 3, SOON).await;
        assert_eq!(
            daemon.stderr_count("cannot write to the state folder"),
            1,
            "one clear error: {}",
            daemon.stderr()
        );
        let error = daemon
            .wait_for_stderr("cannot write to the state folder", SOON)
            .await;
        assert!(
            error.contains("File too large"),
            "the cause is named: {error}"
        );
        assert!(daemon.terminate().await.success(), "exits cleanly");

        // The disk fills up in the middle of a history line.
        let env = TestEnv::new();
        env.write_config(PEERS_CONFIG);
        // One good line, and room for 40 more bytes: less than a state file needs, so
        // every write fails, as on a full disk.
        let good: Vec<u8> = (0..1)
            .map(|i| {
                format!(
                    "{{\"at\":\"2026-11-20T10:0{i}:00+00:00\",\"outcome\":\"done\",\
                     \"exercise\":\"chin-tucks\",\"sat_for_secs\":2700}}\n"
                )
            })
            .collect::<String>()
            .into_bytes();
        // As the daemon would have made them: a private folder and file.
        std::os::unix::fs::DirBuilderExt::mode(&mut std::fs::DirBuilder::new(), 0o700)
            .create(env.history_path().parent().expect("folder"))
            .expect("mkdir");
        std::fs::write(env.history_path(), &good).expect("history");
        std::fs::set_permissions(env.history_path(), std::fs::Permissions::from_mode(0o600))
            .expect("chmod");
        let limit = good.len() as u64 + 40;
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let daemon = limited_daemon(&env, Some(bus.address()), limit);
        wait_for_limit(&daemon, limit).await;
        for (n, action) in ["done", "skip", "done"].into_iter().enumerate() {
            let shown = server.wait_for_notify(n + 1, SOON).await;
            server.click(shown.id, action).await;
            server.wait_for_close_by_client(shown.id, SOON).await;
        }
        // Reminders keep coming after the failures.
        server.wait_for_notify(4, SOON).await;
        assert_eq!(
            daemon.stderr_count("cannot write to the state folder"),
            1,
            "{}",
            daemon.stderr()
        );
        assert!(daemon.terminate().await.success(), "exits cleanly");
        let torn = std::fs::read(env.history_path()).expect("history");
        assert!(torn.starts_with(&good), "the good lines are untouched");
        assert!(torn.len() as u64 <= limit);

        // Room again: the torn line is kept aside, the good ones stay, and new ones land.
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        daemon.wait_for_stderr("damaged line(s)", SOON).await;
        let shown = server.wait_for_notify(5, SOON).await;
        server.click(shown.id, "done").await;
        server.wait_for_close_by_client(shown.id, SOON).await;
        assert!(daemon.terminate().await.success());
        let found = history::read(&env.history_path()).expect("reads");
        assert!(found.damaged_lines.is_empty());
        assert_eq!(found.entries.len(), 2, "the good line and the new one");
        assert!(
            std::fs::read(env.history_path())
                .expect("history")
                .starts_with(&good)
        );
        let dir = env.state_path().parent().expect("folder").to_owned();
        let kept = files_starting(&dir, "history.jsonl.damaged-");
        assert_eq!(kept.len(), 1);
        assert_eq!(std::fs::read(&kept[0]).expect("kept"), torn);
        assert_private(&env);
    })
    .await;
}
