//! Running the real `deskbreak` binary in an isolated environment.

use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Output, Stdio};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use tokio::process::{Child, Command};
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// Used as `DBUS_SESSION_BUS_ADDRESS` when a test runs the binary without a bus.
pub const NO_SESSION_BUS: &str = "unix:path=/nonexistent/deskbreak-test-no-bus";
/// Always used as `DBUS_SYSTEM_BUS_ADDRESS`.
pub const NO_SYSTEM_BUS: &str = "unix:path=/nonexistent/deskbreak-test-no-system-bus";

/// How long [`run_cli`] lets the binary run.
pub const CLI_TIMEOUT: Duration = Duration::from_secs(20);
/// How long [`Daemon::terminate`] waits after SIGTERM.
pub const TERMINATE_TIMEOUT: Duration = Duration::from_secs(10);

/// The path of the binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_deskbreak")
}

/// A fresh HOME with XDG directories, all inside one temporary directory.
pub struct TestEnv {
    pub dir: tempfile::TempDir,
}

impl Default for TestEnv {
    fn default() -> Self {
        Self::new()
    }
}

impl TestEnv {
    /// Creates the temporary directory and its `config`, `state`, `data` and
    /// `runtime` (mode 0700) subfolders.
    pub fn new() -> TestEnv {
        let dir = tempfile::Builder::new()
            .prefix("deskbreak-env-")
            .tempdir()
            .expect("cannot create a temporary directory for the test environment");
        let env = TestEnv { dir };
        for d in [
            env.config_home(),
            env.state_home(),
            env.data_home(),
            env.runtime_dir(),
        ] {
            std::fs::create_dir_all(&d)
                .unwrap_or_else(|e| panic!("cannot create {}: {e}", d.display()));
        }
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(env.runtime_dir(), std::fs::Permissions::from_mode(0o700))
            .expect("cannot chmod the runtime dir");
        env
    }

    /// `HOME`.
    pub fn home(&self) -> &Path {
        self.dir.path()
    }

    /// `XDG_CONFIG_HOME`.
    pub fn config_home(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    /// `XDG_STATE_HOME`.
    pub fn state_home(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    /// `XDG_DATA_HOME`.
    pub fn data_home(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// `XDG_RUNTIME_DIR`.
    pub fn runtime_dir(&self) -> PathBuf {
        self.dir.path().join("runtime")
    }

    /// `$XDG_CONFIG_HOME/deskbreak/config.toml`.
    pub fn config_path(&self) -> PathBuf {
        self.config_home().join("deskbreak").join("config.toml")
    }

    /// Writes `toml` to [`TestEnv::config_path`], creating its folder.
    pub fn write_config(&self, toml: &str) {
        let path = self.config_path();
        std::fs::create_dir_all(path.parent().expect("config path has a parent"))
            .expect("cannot create the config folder");
        std::fs::write(&path, toml)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }

    /// `$XDG_STATE_HOME/deskbreak/history.jsonl`.
    pub fn history_path(&self) -> PathBuf {
        self.state_home().join("deskbreak").join("history.jsonl")
    }

    /// `$XDG_STATE_HOME/deskbreak/state.json`.
    pub fn state_path(&self) -> PathBuf {
        self.state_home().join("deskbreak").join("state.json")
    }

    /// Every line of the history file, parsed as JSON. Empty if the file is
    /// missing; blank lines are skipped; panics (showing the line) if a line
    /// is not valid JSON.
    pub fn history_lines(&self) -> Vec<serde_json::Value> {
        let path = self.history_path();
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
            Err(e) => panic!("cannot read {}: {e}", path.display()),
        };
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, line)| {
                serde_json::from_str(line).unwrap_or_else(|e| {
                    panic!(
                        "{} line {} is not valid JSON ({e}): {line:?}",
                        path.display(),
                        i + 1
                    )
                })
            })
            .collect()
    }

    /// Waits until the history file has at least `n` lines and returns them all (see
    /// [`TestEnv::history_lines`]). Checks every 50 ms; panics after `timeout`, showing
    /// the lines there are.
    pub async fn wait_for_history(&self, n: usize, timeout: Duration) -> Vec<serde_json::Value> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let lines = self.history_lines();
            if lines.len() >= n {
                return lines;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "expected {n} history lines, have {lines:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// `program` with a clean environment pointing at `env`, as a blocking `std` command: the
/// environment is cleared, then `PATH`, `HOME`, `XDG_CONFIG_HOME`, `XDG_STATE_HOME`,
/// `XDG_DATA_HOME`, `XDG_RUNTIME_DIR`, `DBUS_SESSION_BUS_ADDRESS` ([`NO_SESSION_BUS`]) and
/// `DBUS_SYSTEM_BUS_ADDRESS` ([`NO_SYSTEM_BUS`]). stdin is null. No log settings: the
/// footprint benchmark measures the default level with it.
pub fn base_command(env: &TestEnv, program: &str) -> std::process::Command {
    let mut cmd = std::process::Command::new(program);
    cmd.env_clear()
        .env(
            "PATH",
            std::env::var_os("PATH").unwrap_or_else(|| "/usr/local/bin:/usr/bin:/bin".into()),
        )
        .env("HOME", env.home())
        .env("XDG_CONFIG_HOME", env.config_home())
        .env("XDG_STATE_HOME", env.state_home())
        .env("XDG_DATA_HOME", env.data_home())
        .env("XDG_RUNTIME_DIR", env.runtime_dir())
        .env("DBUS_SESSION_BUS_ADDRESS", NO_SESSION_BUS)
        .env("DBUS_SYSTEM_BUS_ADDRESS", NO_SYSTEM_BUS)
        .current_dir(env.home())
        .stdin(Stdio::null());
    cmd
}

/// The binary with a clean environment pointing at `env` and, if given, the bus.
///
/// [`base_command`]'s environment, plus `RUST_LOG=deskbreak=debug`, `RUST_BACKTRACE=1`,
/// `NO_COLOR=1` and `DBUS_SESSION_BUS_ADDRESS` (the bus, or [`NO_SESSION_BUS`]).
pub fn command(env: &TestEnv, bus: Option<&str>) -> Command {
    let mut cmd = Command::from(base_command(env, bin()));
    cmd.env("RUST_LOG", "deskbreak=debug")
        .env("RUST_BACKTRACE", "1")
        .env("NO_COLOR", "1")
        .env("DBUS_SESSION_BUS_ADDRESS", bus.unwrap_or(NO_SESSION_BUS))
        .kill_on_drop(true);
    cmd
}

/// Output bytes as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs the binary with `args` to completion (at most [`CLI_TIMEOUT`]),
/// capturing stdout and stderr. Panics if it cannot start or times out.
pub async fn run_cli(env: &TestEnv, bus: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = command(env, bus);
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    let child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {} {args:?}: {e}", bin()));
    // On timeout the child is dropped, and kill_on_drop kills it.
    match tokio::time::timeout(CLI_TIMEOUT, child.wait_with_output()).await {
        Ok(Ok(out)) => out,
        Ok(Err(e)) => panic!("waiting for deskbreak {args:?} failed: {e}"),
        Err(_) => panic!("deskbreak {args:?} did not finish within {CLI_TIMEOUT:?}"),
    }
}

/// `deskbreak status --json` of the daemon on `bus`, parsed. Panics if the command fails
/// or does not print JSON.
pub async fn status_json(env: &TestEnv, bus: &str) -> serde_json::Value {
    let out = run_cli(env, Some(bus), &["status", "--json"]).await;
    assert!(out.status.success(), "status failed: {}", text(&out.stderr));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("status --json is not JSON ({e}): {}", text(&out.stdout)))
}

#[derive(Default)]
struct Lines {
    stderr: Vec<String>,
    stdout: Vec<String>,
    stderr_closed: bool,
}

struct Captured {
    out: Mutex<Lines>,
    changed: watch::Sender<u64>,
}

impl Captured {
    fn lock(&self) -> MutexGuard<'_, Lines> {
        self.out.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Removes ANSI escape sequences (colours), in case the binary emits them anyway.
fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                // CSI: parameters, then one final byte in 0x40..=0x7e.
                for c in chars.by_ref() {
                    if ('\u{40}'..='\u{7e}').contains(&c) {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn collect_lines<R>(reader: R, captured: Arc<Captured>, is_stderr: bool, pid: u32) -> JoinHandle<()>
where
    R: AsyncRead + Unpin + Send + 'static,
{
    tokio::spawn(async move {
        let mut lines = BufReader::new(reader).lines();
        loop {
            match lines.next_line().await {
                Ok(Some(line)) => {
                    let line = strip_ansi(&line);
                    if is_stderr {
                        eprintln!("[daemon {pid}] {line}");
                        captured.lock().stderr.push(line);
                    } else {
                        eprintln!("[daemon {pid} stdout] {line}");
                        captured.lock().stdout.push(line);
                    }
                    captured.changed.send_modify(|v| *v = v.wrapping_add(1));
                }
                Ok(None) => break,
                Err(e) => {
                    eprintln!("[daemon {pid}] <error reading output: {e}>");
                    break;
                }
            }
        }
        if is_stderr {
            captured.lock().stderr_closed = true;
            captured.changed.send_modify(|v| *v = v.wrapping_add(1));
        }
    })
}

/// A running `deskbreak run`. Killed if dropped.
pub struct Daemon {
    child: Child,
    pid: u32,
    captured: Arc<Captured>,
    readers: Vec<JoinHandle<()>>,
}

impl Daemon {
    /// Starts `deskbreak run <extra_args>` in `env` on `bus` (see [`command`]).
    /// Must be called inside a tokio runtime. Its stderr and stdout are
    /// collected and echoed with a `[daemon PID]` prefix.
    pub fn spawn(env: &TestEnv, bus: Option<&str>, extra_args: &[&str]) -> Daemon {
        let mut cmd = command(env, bus);
        cmd.arg("run").args(extra_args);
        Daemon::spawn_command(cmd)
    }

    /// Starts any command with the same output collection as
    /// [`Daemon::spawn`] (stdout/stderr piped, stdin null, killed on drop).
    /// Must be called inside a tokio runtime.
    pub fn spawn_command(mut cmd: Command) -> Daemon {
        cmd.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
        let pid = child.id().expect("a just-spawned child has a pid");
        let captured = Arc::new(Captured {
            out: Mutex::new(Lines::default()),
            changed: watch::Sender::new(0),
        });
        let stderr = child.stderr.take().expect("stderr was piped");
        let stdout = child.stdout.take().expect("stdout was piped");
        let readers = vec![
            collect_lines(stderr, Arc::clone(&captured), true, pid),
            collect_lines(stdout, Arc::clone(&captured), false, pid),
        ];
        Daemon {
            child,
            pid,
            captured,
            readers,
        }
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// All stderr lines so far, joined with newlines.
    pub fn stderr(&self) -> String {
        self.captured.lock().stderr.join("\n")
    }

    /// All stdout lines so far, joined with newlines.
    pub fn stdout(&self) -> String {
        self.captured.lock().stdout.join("\n")
    }

    /// Waits for a stderr line containing `needle` and returns the first such
    /// line. Panics on timeout, or as soon as stderr closes without one,
    /// showing all stderr so far.
    pub async fn wait_for_stderr(&self, needle: &str, timeout: Duration) -> String {
        self.wait_for_stderr_count(needle, 1, timeout).await
    }

    /// Like [`Daemon::wait_for_stderr`], but waits for the `count`-th
    /// (1-based) stderr line containing `needle`, and returns it.
    pub async fn wait_for_stderr_count(
        &self,
        needle: &str,
        count: usize,
        timeout: Duration,
    ) -> String {
        assert!(count >= 1, "wait_for_stderr_count: count is 1-based");
        let mut rx = self.captured.changed.subscribe();
        let waited = tokio::time::timeout(timeout, async {
            loop {
                {
                    let out = self.captured.lock();
                    if let Some(line) = out
                        .stderr
                        .iter()
                        .filter(|l| l.contains(needle))
                        .nth(count - 1)
                    {
                        return Ok(line.clone());
                    }
                    if out.stderr_closed {
                        return Err(());
                    }
                }
                let _ = rx.changed().await;
            }
        })
        .await;
        match waited {
            Ok(Ok(line)) => line,
            Ok(Err(())) => panic!(
                "daemon (pid {}) closed its stderr (exited?) before printing line #{count} \
                 containing {needle:?}; its stderr:\n{}",
                self.pid,
                self.stderr()
            ),
            Err(_) => panic!(
                "timed out after {timeout:?} waiting for daemon (pid {}) stderr line #{count} \
                 containing {needle:?}; its stderr so far:\n{}",
                self.pid,
                self.stderr()
            ),
        }
    }

    /// How many stderr lines so far contain `needle`.
    pub fn stderr_count(&self, needle: &str) -> usize {
        self.captured
            .lock()
            .stderr
            .iter()
            .filter(|l| l.contains(needle))
            .count()
    }

    /// Sends a signal to the daemon.
    pub fn signal(&self, sig: rustix::process::Signal) {
        let raw = i32::try_from(self.pid).expect("pid fits in i32");
        let pid = rustix::process::Pid::from_raw(raw).expect("pid is not 0");
        rustix::process::kill_process(pid, sig)
            .unwrap_or_else(|e| panic!("cannot signal daemon pid {}: {e}", self.pid));
    }

    /// Waits up to `timeout` for the daemon to exit by itself, and for its
    /// output to be fully collected. Panics on timeout.
    pub async fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let status = match tokio::time::timeout(timeout, self.child.wait()).await {
            Ok(Ok(status)) => status,
            Ok(Err(e)) => panic!("waiting for daemon pid {} failed: {e}", self.pid),
            Err(_) => panic!(
                "daemon (pid {}) did not exit within {timeout:?}; its stderr so far:\n{}",
                self.pid,
                self.stderr()
            ),
        };
        // Let the readers reach EOF so stderr() is complete. A grandchild
        // holding the pipes open must not hang the test, hence the bound.
        for reader in self.readers.drain(..) {
            let _ = tokio::time::timeout(Duration::from_secs(5), reader).await;
        }
        status
    }

    /// Sends SIGTERM and waits up to 10 s for the daemon to exit (panics if it
    /// does not). Returns its exit status. If it had already exited, no signal
    /// is sent and that exit status is returned.
    pub async fn terminate(mut self) -> ExitStatus {
        // Already exited (and now reaped): do not signal a pid that may be reused.
        if let Ok(Some(_)) = self.child.try_wait() {
            eprintln!(
                "[daemon {}] had already exited before terminate()",
                self.pid
            );
        } else {
            self.signal(rustix::process::Signal::TERM);
        }
        self.wait_exit(TERMINATE_TIMEOUT).await
    }
}
