//! A private headless X server (Xvfb) and real input for it (xdotool).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long Xvfb may take to announce its display.
const START_TIMEOUT: Duration = Duration::from_secs(15);

/// A running `Xvfb`, terminated when dropped.
pub struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    /// Starts `Xvfb -displayfd 1 -screen 0 640x480x24 -nolisten tcp`: the server
    /// picks a free display number itself and writes it to its stdout, so parallel
    /// tests never race for one. Panics (naming the Debian package) if Xvfb is missing.
    pub fn start() -> Xvfb {
        Xvfb::start_with(&[])
    }

    /// Like [`Xvfb::start`], with extra server arguments (e.g. `-extension NAME` to
    /// disable one).
    pub fn start_with(extra_args: &[&str]) -> Xvfb {
        Xvfb::spawn(None, extra_args)
    }

    /// A new server on `display` (`":3"`), e.g. after [`Xvfb::stop`] on the same one: an
    /// X server that went away and comes back.
    pub fn start_on(display: &str) -> Xvfb {
        Xvfb::spawn(Some(display), &[])
    }

    fn spawn(display: Option<&str>, extra_args: &[&str]) -> Xvfb {
        let mut child = Command::new("Xvfb")
            .args(display)
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "640x480x24",
                "-nolisten",
                "tcp",
            ])
            .args(extra_args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                if e.kind() == std::io::ErrorKind::NotFound {
                    panic!("Xvfb is not installed: install the Debian package xvfb ({e})")
                }
                panic!("cannot start Xvfb: {e}")
            });
        let stdout = child.stdout.take().expect("stdout was piped");
        let (sender, receiver) = std::sync::mpsc::channel();
        // A thread, because a blocking pipe read has no timeout of its own.
        std::thread::spawn(move || {
            let mut line = String::new();
            let read = BufReader::new(stdout).read_line(&mut line).map(|_| line);
            let _ = sender.send(read);
        });
        let number = match receiver.recv_timeout(START_TIMEOUT) {
            Ok(Ok(line)) if !line.trim().is_empty() => line.trim().to_owned(),
            Ok(Ok(_)) => {
                let status = child.wait();
                panic!("Xvfb exited without announcing a display ({status:?})")
            }
            Ok(Err(e)) => panic!("cannot read Xvfb's display number: {e}"),
            Err(_) => {
                let _ = child.kill();
                panic!("Xvfb did not announce a display within {START_TIMEOUT:?}")
            }
        };
        let display = format!(":{number}");
        eprintln!("[xvfb] started on {display} (pid {})", child.id());
        Xvfb { child, display }
    }

    /// The display name, e.g. `":3"`.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// Runs `xdotool <args>` on this display (DISPLAY set for the child only) and
    /// asserts it succeeded. Panics (naming the Debian package) if xdotool is missing.
    pub async fn xdotool(&self, args: &[&str]) {
        let output = tokio::process::Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .stdin(Stdio::null())
            .output()
            .await
            .unwrap_or_else(|e| {
                if e.kind() == std::io::ErrorKind::NotFound {
                    panic!("xdotool is not installed: install the Debian package xdotool ({e})")
                }
                panic!("cannot run xdotool {args:?}: {e}")
            });
        assert!(
            output.status.success(),
            "xdotool {args:?} on {} failed ({}): {}",
            self.display,
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }

    fn send(&self, signal: rustix::process::Signal) {
        let pid = i32::try_from(self.child.id())
            .ok()
            .and_then(rustix::process::Pid::from_raw)
            .expect("Xvfb has a pid");
        rustix::process::kill_process(pid, signal)
            .unwrap_or_else(|e| panic!("cannot send {signal:?} to Xvfb: {e}"));
    }

    /// Freezes the server (SIGSTOP): it keeps its socket, and accepts connections that
    /// it never answers, like a hung X server.
    pub fn freeze(&self) {
        self.send(rustix::process::Signal::STOP);
    }

    /// Lets a frozen server go on (SIGCONT).
    pub fn thaw(&self) {
        self.send(rustix::process::Signal::CONT);
    }

    /// Stops the server now (SIGTERM, then SIGKILL after 5 s) and waits for it.
    pub fn stop(&mut self) {
        if let Ok(Some(_)) = self.child.try_wait() {
            return;
        }
        // A frozen server would only act on SIGTERM once continued.
        self.thaw();
        // SIGTERM lets Xvfb remove its socket and lock file; kill() would leave them.
        let pid = i32::try_from(self.child.id())
            .ok()
            .and_then(rustix::process::Pid::from_raw);
        if let Some(pid) = pid {
            let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A display name no X server listens on (no socket in `/tmp/.X11-unix`).
pub fn unused_display() -> String {
    (4000..5000)
        .find(|n| {
            !std::path::Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !std::path::Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .map(|n| format!(":{n}"))
        .expect("some display number in 4000..5000 is unused")
}
