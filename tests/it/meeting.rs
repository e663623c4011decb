//! The meeting detector's microphone against a real PulseAudio server (the same protocol
//! pipewire-pulse serves), with `parec` as the recording applications.

use std::time::Duration;

use deskbreak::sources::holds::meeting;
use deskbreak::sources::holds::{Apps, Context, Detail, Hold, Reading, Reason, Signal};
use tokio::sync::mpsc;

use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv, command, run_cli, status_json, text};
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::pulse::Pulse;
use crate::common::{TIMEOUT, with_timeout};

/// A context whose /proc and /dev are empty folders: the camera reads clear, and ALSA is
/// not looked at while a sound server answers.
fn quiet_root() -> (tempfile::TempDir, Context) {
    // The words compared below are the English ones, whatever the machine's locale.
    deskbreak::i18n::set(deskbreak::i18n::Choice::Fixed(deskbreak::i18n::Lang::En));
    let dir = tempfile::tempdir().expect("temp dir");
    for sub in ["proc", "dev", "sys"] {
        std::fs::create_dir(dir.path().join(sub)).expect("folder");
    }
    let ctx = Context {
        proc_root: dir.path().join("proc"),
        dev_root: dir.path().join("dev"),
        sys_root: dir.path().join("sys"),
        ..Context::from_env(None)
    };
    (dir, ctx)
}

/// The microphone's reading from the sound server.
async fn microphone(ctx: &Context, pulse: &Pulse) -> Reading {
    let signals = meeting::read_with(ctx, Ok(pulse.server())).await;
    let names: Vec<&str> = signals.iter().map(|s| s.name).collect();
    assert_eq!(
        names,
        [
            "camera (/dev/video*)",
            "microphone (PulseAudio or PipeWire capture streams)"
        ],
        "with a sound server, ALSA is not read"
    );
    assert!(signals.iter().all(|s: &Signal| s.reason == Reason::Meeting));
    signals[1].reading.clone()
}

/// The microphone held by `apps` (sorted), with no unnamed ones.
fn in_use_by(apps: &[&str]) -> Reading {
    Reading::Held(Hold::new(Detail::Microphone(Apps {
        named: apps.iter().map(|a| (*a).to_owned()).collect(),
        others: 0,
    })))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_applications_recording_the_microphone_hold_a_break() {
    tokio::time::timeout(Duration::from_secs(60), async {
        let (_root, ctx) = quiet_root();
        let mut pulse = Pulse::start();
        // As on a desktop, deskbreak proves who it is with the server's cookie.
        let cookie = pulse.server().cookie.expect("cookie path");
        assert_eq!(std::fs::metadata(&cookie).map(|m| m.len()).ok(), Some(256));
        assert_eq!(microphone(&ctx, &pulse).await, Reading::Clear);

        // Recording what the speakers play (a visualizer, a screen recorder's desktop
        // audio): the sink's monitor.
        pulse.record(&["-d", "speakers.monitor", "--client-name=visualizer"]);
        // A mixer's level meter on the microphone.
        pulse.record(&[
            "-d",
            "mic",
            "--client-name=pavucontrol",
            "--property=application.id=org.PulseAudio.pavucontrol",
        ]);
        // Always-on filters: echo cancellation and a loopback, the server's own streams.
        pulse.pactl_ok(&[
            "load-module",
            "module-echo-cancel",
            "source_master=mic",
            "sink_master=speakers",
            "aec_method=null",
            "source_name=mic_ec",
            "sink_name=speakers_ec",
        ]);
        pulse.pactl_ok(&[
            "load-module",
            "module-loopback",
            "source=mic",
            "sink=speakers",
        ]);
        pulse.wait_for_source_outputs(4);
        assert_eq!(
            microphone(&ctx, &pulse).await,
            Reading::Clear,
            "monitors, meters and filters are not an application recording:\n{}",
            pulse.pactl_ok(&["list", "source-outputs"])
        );

        // A call: recording the microphone (here through the echo canceller, as a call
        // app would), and another app on the raw microphone.
        let call = pulse.record(&["-d", "mic_ec", "--client-name=Jitsi Meet"]);
        pulse.wait_for_source_outputs(5);
        assert_eq!(microphone(&ctx, &pulse).await, in_use_by(&["Jitsi Meet"]));
        let recorder = pulse.record(&["-d", "mic", "--client-name=Audacity"]);
        pulse.wait_for_source_outputs(6);
        assert_eq!(
            microphone(&ctx, &pulse).await,
            in_use_by(&["Audacity", "Jitsi Meet"])
        );

        pulse.stop_recording(call);
        pulse.stop_recording(recorder);
        pulse.wait_for_source_outputs(4);
        assert_eq!(microphone(&ctx, &pulse).await, Reading::Clear);
    })
    .await
    .expect("test timed out");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_without_the_cookie_file_is_still_let_in_by_its_credentials() {
    tokio::time::timeout(Duration::from_secs(60), async {
        let (_root, ctx) = quiet_root();
        let mut pulse = Pulse::start();
        let mut server = pulse.server();
        server.cookie = None;
        pulse.record(&["-d", "mic", "--client-name=recorder"]);
        pulse.wait_for_source_outputs(1);
        let signals = meeting::read_with(&ctx, Ok(server)).await;
        assert_eq!(signals[1].reading, in_use_by(&["recorder"]));
    })
    .await
    .expect("test timed out");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watching_hints_when_a_recording_starts_and_ends() {
    tokio::time::timeout(Duration::from_secs(60), async {
        let mut pulse = Pulse::start();
        let (hint, mut hints) = mpsc::channel(1);
        let watch = tokio::spawn(meeting::watch_with(Ok(pulse.server()), hint));
        // The subscription is made before anything changes: give it a moment, then check
        // that nothing was hinted at rest.
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert!(hints.try_recv().is_err(), "a hint with nothing changed");

        let call = pulse.record(&["-d", "mic", "--client-name=call"]);
        tokio::time::timeout(TIMEOUT, hints.recv())
            .await
            .expect("a hint when the recording started")
            .expect("the watch is running");
        pulse.wait_for_source_outputs(1);
        while hints.try_recv().is_ok() {}

        pulse.stop_recording(call);
        tokio::time::timeout(TIMEOUT, hints.recv())
            .await
            .expect("a hint when the recording ended")
            .expect("the watch is running");

        // The server going away ends the watch (the engine's re-check remains).
        drop(pulse);
        tokio::time::timeout(TIMEOUT, watch)
            .await
            .expect("the watch ended with the server")
            .expect("the watch did not panic");
    })
    .await
    .expect("test timed out");
}

/// A break every 2 s of sitting, no idle backend, and only meetings respected.
const FAST: &str = r#"
[breaks]
interval = "2s"
snooze = "2s"
renotify = "0s"
[activity]
backend = "none"
[respect]
do_not_disturb = false
fullscreen = false
meetings = true
"#;

#[tokio::test]
async fn a_call_on_the_microphone_defers_a_due_break_until_it_ends() {
    with_timeout(async {
        let mut pulse = Pulse::start();
        let call = pulse.record(&["-d", "mic", "--client-name=Jitsi Meet"]);
        pulse.wait_for_source_outputs(1);

        let env = TestEnv::new();
        env.write_config(FAST);
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let mut cmd = command(&env, Some(bus.address()));
        cmd.envs(pulse.client_env()).arg("run");
        let daemon = Daemon::spawn_command(cmd);
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;

        // Due after 2 s of sitting, the break waits for the call.
        let deadline = std::time::Instant::now() + TIMEOUT;
        let waiting = loop {
            let now = status_json(&env, bus.address()).await;
            if now["phase"] == "waiting" {
                break now;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the break never waited: {now}\ndaemon stderr:\n{}",
                daemon.stderr()
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        assert_eq!(waiting["waiting_for"][0]["reason"], "meeting", "{waiting}");
        assert_eq!(
            waiting["waiting_for"][0],
            serde_json::json!({
                "reason": "meeting", "kind": "microphone", "apps": ["Jitsi Meet"], "others": 0,
            }),
            "{waiting}"
        );
        let words = text(&run_cli(&env, Some(bus.address()), &["status"]).await.stdout);
        assert!(
            words.contains("waiting: meeting (microphone in use by Jitsi Meet)"),
            "status says what the break waits for: {words}"
        );
        tokio::time::sleep(Duration::from_secs(1)).await;
        assert!(
            server.notifications().is_empty(),
            "a reminder was shown during the call: {:?}",
            server.notifications()
        );

        // Hanging up: the sound server's event brings the reminder at once, well before
        // the once-a-minute re-check.
        pulse.stop_recording(call);
        let shown = server.wait_for_notify(1, Duration::from_secs(10)).await;
        server.click(shown.id, "done").await;
        let lines = env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(
            lines[0]["waited_for"],
            serde_json::json!(["meeting"]),
            "{lines:?}"
        );
        assert!(daemon.terminate().await.success());
    })
    .await;
}
