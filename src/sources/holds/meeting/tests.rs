//! The camera and ALSA scans on a test root of files shaped like `/proc` and `/dev`.

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use super::*;

/// A folder with `proc/` and `dev/` in it.
struct Root {
    dir: tempfile::TempDir,
}

impl Root {
    fn new() -> Self {
        let root = Self {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        fs::create_dir_all(root.proc()).expect("proc");
        fs::create_dir_all(root.dev().join("snd")).expect("dev");
        for node in [
            "video0",
            "video1",
            "video10",
            "videoX",
            "snd/pcmC0D0c",
            "null",
        ] {
            fs::write(root.dev().join(node), "").expect("dev node");
        }
        root
    }

    fn proc(&self) -> PathBuf {
        self.dir.path().join("proc")
    }

    fn dev(&self) -> PathBuf {
        self.dir.path().join("dev")
    }

    /// A process with this `comm` and one `fd` link per target (paths under `dev/`, or
    /// absolute ones).
    fn process(&self, pid: u32, comm: &str, fds: &[&str]) {
        let dir = self.proc().join(pid.to_string());
        fs::create_dir_all(dir.join("fd")).expect("fd dir");
        fs::write(dir.join("comm"), format!("{comm}\n")).expect("comm");
        for (n, target) in fds.iter().enumerate() {
            let target = if target.starts_with('/') {
                PathBuf::from(target)
            } else {
                self.dev().join(target)
            };
            symlink(target, dir.join("fd").join((n + 3).to_string())).expect("fd link");
        }
    }

    /// `proc/asound/CARD/PCM/SUB/status`.
    fn substream(&self, path: &str, status: &str) {
        let dir = self.proc().join("asound").join(path);
        fs::create_dir_all(&dir).expect("asound dir");
        fs::write(dir.join("status"), status).expect("status");
    }

    fn context(&self) -> Context {
        Context {
            proc_root: self.proc(),
            dev_root: self.dev(),
            sys_root: self.dir.path().join("sys"),
            ..Context::from_env(None)
        }
    }
}

fn own_uid() -> u32 {
    rustix::process::getuid().as_raw()
}

fn later() -> Instant {
    Instant::now() + SCAN_BUDGET
}

fn running(owner: u32) -> String {
    format!(
        "state: RUNNING\nowner_pid   : {owner}\ntrigger_time: 5396.426212693\n\
         tstamp      : 5404.046838209\ndelay       : 0\navail       : 0\n"
    )
}

fn no_server() -> Result<pulse::Server, String> {
    Err("no sound server (test)".to_owned())
}

fn apps(named: &[&str], others: u32) -> Apps {
    Apps {
        named: named.iter().map(|n| (*n).to_owned()).collect(),
        others,
    }
}

fn held(detail: Detail) -> Reading {
    Reading::Held(Hold::new(detail))
}

#[test]
fn a_camera_node_open_by_one_of_the_users_processes_names_the_process() {
    let root = Root::new();
    root.process(100, "zoom", &["null", "snd/pcmC0D0c", "video0"]);
    root.process(101, "cheese", &["video10"]);
    // Not camera nodes: a look-alike name, a video node of another root, a sound device.
    root.process(
        200,
        "editor",
        &["videoX", "/elsewhere/dev/video0", "snd/pcmC0D0c"],
    );
    // Not processes: non-numeric entries of /proc.
    fs::create_dir_all(root.proc().join("self/fd")).expect("self");
    symlink(root.dev().join("video1"), root.proc().join("self/fd/3")).expect("self fd");

    let users = camera_users(&root.proc(), &root.dev(), own_uid(), later());
    assert_eq!(users, Ok(apps(&["cheese", "zoom"], 0)));
}

#[test]
fn processes_of_other_users_do_not_count() {
    let root = Root::new();
    root.process(100, "zoom", &["video0"]);
    let other = own_uid().wrapping_add(1);
    assert_eq!(
        camera_users(&root.proc(), &root.dev(), other, later()),
        Ok(Apps::default())
    );
}

#[test]
fn processes_that_end_or_hide_their_fds_during_the_scan_are_passed_over() {
    let root = Root::new();
    root.process(100, "zoom", &["video0"]);
    // Gone between the listing and the look: /proc/PID without fd/ or comm.
    fs::create_dir_all(root.proc().join("300")).expect("vanished");
    // A dangling fd link (the file closed meanwhile) and a process without comm (counted,
    // not named).
    root.process(400, "", &["video0", "/nowhere/at/all"]);
    fs::remove_file(root.proc().join("400/comm")).expect("comm");
    let users = camera_users(&root.proc(), &root.dev(), own_uid(), later());
    assert_eq!(users, Ok(apps(&["zoom"], 1)));
}

#[test]
fn a_scan_past_its_budget_is_unreadable_not_endless() {
    let root = Root::new();
    root.process(100, "zoom", &["video0"]);
    let past = Instant::now()
        .checked_sub(Duration::from_secs(1))
        .unwrap_or_else(Instant::now);
    let err = camera_users(&root.proc(), &root.dev(), own_uid(), past).expect_err("budget");
    assert!(err.contains("took longer than 2 s"), "{err}");
}

#[test]
fn an_unreadable_proc_is_said_so() {
    let root = Root::new();
    let missing = root.dir.path().join("no-proc");
    let err = camera_users(&missing, &root.dev(), own_uid(), later()).expect_err("missing");
    assert!(
        err.starts_with("cannot list ") && err.ends_with("no-proc: it does not exist"),
        "{err}"
    );
}

#[test]
fn only_running_alsa_capture_substreams_count() {
    let root = Root::new();
    root.process(100, "arecord", &[]);
    root.process(101, "aplay", &[]);
    root.substream("card0/pcm0c/sub0", &running(100));
    root.substream("card0/pcm0c/sub1", "closed\n");
    root.substream("card0/pcm0p/sub0", &running(101));
    root.substream("card1/pcm0c/sub0", "state: PREPARED\nowner_pid   : 101\n");
    root.substream("card1/pcm1c/sub0", "state: SETUP\nowner_pid   : 101\n");
    assert_eq!(alsa_capture_owners(&root.proc()), Ok(apps(&["arecord"], 0)));

    // An owner that has gone, and a status without one, are counted unnamed.
    root.substream("card2/pcm0c/sub0", &running(777));
    root.substream("card2/pcm0c/sub1", "state: RUNNING\n");
    assert_eq!(alsa_capture_owners(&root.proc()), Ok(apps(&["arecord"], 2)));
}

#[test]
fn no_asound_folder_means_no_alsa_card() {
    let root = Root::new();
    let err = alsa_capture_owners(&root.proc()).expect_err("no asound");
    assert!(err.ends_with("asound (no ALSA sound card)"), "{err}");
}

#[tokio::test]
async fn without_a_sound_server_alsa_is_the_microphone_signal() {
    let root = Root::new();
    root.process(100, "zoom", &["video0"]);
    root.process(200, "arecord", &[]);
    root.substream("card0/pcm0c/sub0", &running(200));
    let signals = read_with(&root.context(), no_server()).await;
    let readings: Vec<(&str, Reading)> = signals.into_iter().map(|s| (s.name, s.reading)).collect();
    assert_eq!(
        readings,
        vec![
            (CAMERA, held(Detail::Camera(apps(&["zoom"], 0)))),
            (
                MICROPHONE_SERVER,
                Reading::Unreadable("no sound server (test)".to_owned())
            ),
            (
                MICROPHONE_ALSA,
                held(Detail::Microphone(apps(&["arecord"], 0)))
            ),
        ]
    );
}

#[tokio::test]
async fn nothing_open_reads_clear() {
    let root = Root::new();
    root.process(100, "editor", &["null"]);
    root.substream("card0/pcm0c/sub0", "closed\n");
    let signals = read_with(&root.context(), no_server()).await;
    let readings: Vec<&Reading> = signals.iter().map(|s| &s.reading).collect();
    assert_eq!(readings[0], &Reading::Clear);
    assert_eq!(readings[2], &Reading::Clear);
    assert!(signals.iter().all(|s| s.reason == Reason::Meeting));
}

#[test]
fn a_hold_says_which_device_and_no_apps_is_clear() {
    let four = apps(&["a", "b", "c", "d"], 0);
    assert_eq!(
        held_if(four.clone(), Detail::Camera),
        held(Detail::Camera(four))
    );
    assert_eq!(held_if(Apps::default(), Detail::Microphone), Reading::Clear);
}

#[test]
fn video_nodes_are_video_and_digits_directly_under_dev() {
    let dev = Path::new("/dev");
    assert!(is_video_node(Path::new("/dev/video0"), dev));
    assert!(is_video_node(Path::new("/dev/video12"), dev));
    assert!(!is_video_node(Path::new("/dev/video"), dev));
    assert!(!is_video_node(Path::new("/dev/video0 (deleted)"), dev));
    assert!(!is_video_node(Path::new("/dev/v4l/video0"), dev));
    assert!(!is_video_node(Path::new("/dev/videodev"), dev));
}
