//! A real PulseAudio server of the test's own: no sound card, a null sink ("speakers", whose
//! monitor is "speakers.monitor") and a null source ("mic"), its native protocol socket in a
//! temp folder, with cookie authentication as a desktop has it. Recording clients are
//! `parec` (pulseaudio-utils), like any application's capture stream.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use deskbreak::sources::holds::meeting::pulse::Server;

/// A running `pulseaudio`, ended on drop.
pub struct Pulse {
    child: Child,
    dir: tempfile::TempDir,
    recorders: Vec<Child>,
}

impl Pulse {
    /// Start it and wait until its socket answers (panics, naming the package, if the
    /// programs are missing: `tests/run` installs them).
    pub fn start() -> Pulse {
        let dir = tempfile::tempdir().expect("temp dir");
        let child = Command::new("pulseaudio")
            .args([
                "--daemonize=no",
                "-n",
                "--exit-idle-time=-1",
                "--disable-shm=yes",
                "--use-pid-file=no",
                "--log-target=stderr",
                "-L",
                "module-null-sink sink_name=speakers",
                "-L",
                "module-null-source source_name=mic",
            ])
            .arg("-L")
            .arg(format!(
                "module-native-protocol-unix socket={}",
                dir.path().join("native").display()
            ))
            .envs(env(dir.path()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("pulseaudio (Debian package pulseaudio; tests/run installs it)");
        let pulse = Pulse {
            child,
            dir,
            recorders: Vec::new(),
        };
        let deadline = Instant::now() + super::TIMEOUT;
        while !pulse.pactl(&["info"]).0 {
            assert!(Instant::now() < deadline, "pulseaudio did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        pulse
    }

    /// How deskbreak finds it: the socket and the cookie the server made.
    pub fn server(&self) -> Server {
        Server {
            socket: self.dir.path().join("native"),
            cookie: Some(self.dir.path().join("config/pulse/cookie")),
            pipewire_socket: None,
        }
    }

    /// The environment that points a client (deskbreak's daemon) at it.
    pub fn client_env(&self) -> [(&'static str, PathBuf); 2] {
        let server = self.server();
        [
            (
                "PULSE_SERVER",
                PathBuf::from(format!("unix:{}", server.socket.display())),
            ),
            ("PULSE_COOKIE", server.cookie.unwrap_or_default()),
        ]
    }

    /// Run `pactl ARGS` against it: (succeeded, stdout).
    pub fn pactl(&self, args: &[&str]) -> (bool, String) {
        let output = Command::new("pactl")
            .args(args)
            .envs(env(self.dir.path()))
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .expect("pactl (Debian package pulseaudio-utils; tests/run installs it)");
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
        )
    }

    /// `pactl ARGS`, which must succeed.
    pub fn pactl_ok(&self, args: &[&str]) -> String {
        let (ok, out) = self.pactl(args);
        assert!(ok, "pactl {args:?} failed");
        out
    }

    /// How many capture streams the server has.
    pub fn source_outputs(&self) -> usize {
        self.pactl_ok(&["list", "short", "source-outputs"])
            .lines()
            .count()
    }

    /// Wait until the server has this many capture streams.
    pub fn wait_for_source_outputs(&self, count: usize) {
        let deadline = Instant::now() + super::TIMEOUT;
        while self.source_outputs() != count {
            assert!(
                Instant::now() < deadline,
                "the server never had {count} capture streams: {}",
                self.pactl_ok(&["list", "short", "source-outputs"])
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Start `parec ARGS` (recording to nowhere); returns its index among the recorders.
    pub fn record(&mut self, args: &[&str]) -> usize {
        let child = Command::new("parec")
            .args(args)
            .envs(env(self.dir.path()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("parec (Debian package pulseaudio-utils; tests/run installs it)");
        self.recorders.push(child);
        self.recorders.len() - 1
    }

    /// End one recorder started by [`Pulse::record`].
    pub fn stop_recording(&mut self, index: usize) {
        let recorder = &mut self.recorders[index];
        let _ = recorder.kill();
        let _ = recorder.wait();
    }
}

/// The server's and its clients' environment: everything in the temp folder.
fn env(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    vec![
        ("HOME", dir.to_owned()),
        ("XDG_RUNTIME_DIR", dir.to_owned()),
        ("XDG_CONFIG_HOME", dir.join("config")),
        ("PULSE_RUNTIME_PATH", dir.join("runtime")),
        ("PULSE_STATE_PATH", dir.join("state")),
        (
            "PULSE_SERVER",
            PathBuf::from(format!("unix:{}", dir.join("native").display())),
        ),
    ]
}

impl Drop for Pulse {
    fn drop(&mut self) {
        for recorder in &mut self.recorders {
            let _ = recorder.kill();
            let _ = recorder.wait();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
