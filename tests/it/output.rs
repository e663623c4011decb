//! Output never panics: every printing command ends quietly on a closed pipe
//! (`deskbreak exercises | head -1`) and reports a full disk (`>/dev/full`) as an error.

use std::process::Stdio;

use crate::common::bus::PrivateBus;
use crate::common::daemon::{TestEnv, command};
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::session::text;
use crate::common::{TIMEOUT, with_timeout};

/// Every command that prints something without needing a running daemon.
const PRINTING: &[&[&str]] = &[
    &["--help"],
    &["--version"],
    &["config", "path"],
    &["config", "check"],
    &["config", "init"],
    &["exercises"],
    &["exercises", "show", "chin-tucks"],
    &["stats"],
    &["history"],
    &["status", "--format", "waybar"],
    &["completions", "bash"],
    &["doctor"],
    &["guide", "neck-side-tilts"],
];

/// A history with a few lines, so that `stats` and `history` have something to print.
fn with_history(env: &TestEnv) {
    let path = env.history_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let now = chrono::Local::now().to_rfc3339();
    let line = format!(
        "{{\"at\":\"{now}\",\"outcome\":\"done\",\"exercise\":\"chin-tucks\",\"sat_for_secs\":2700,\"guided_secs\":75}}\n"
    );
    std::fs::write(path, line.repeat(50)).unwrap();
}

async fn run_into(
    env: &TestEnv,
    bus: Option<&str>,
    args: &[&str],
    stdout: Stdio,
) -> std::process::Output {
    let mut cmd = command(env, bus);
    cmd.args(args).stdout(stdout).stderr(Stdio::piped());
    let child = cmd.spawn().expect("deskbreak runs");
    tokio::time::timeout(TIMEOUT, child.wait_with_output())
        .await
        .unwrap_or_else(|_| panic!("{args:?} hangs on a closed stdout"))
        .expect("deskbreak ends")
}

#[tokio::test]
async fn a_closed_pipe_ends_every_printing_command_quietly() {
    with_timeout(async {
        let bus = PrivateBus::start();
        let _server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        for args in PRINTING {
            let env = TestEnv::new();
            with_history(&env);
            // The reading end is gone before the command writes anything.
            let (reader, writer) = std::io::pipe().expect("a pipe");
            drop(reader);
            let out = run_into(&env, Some(bus.address()), args, Stdio::from(writer)).await;
            let err = text(&out.stderr);
            assert!(
                !err.contains("panicked") && !err.contains("Broken pipe"),
                "{args:?}: {err}"
            );
            let code = out.status.code();
            // doctor exits 1 when it finds a problem (no logind here), after printing.
            let allowed: &[i32] = if args[0] == "doctor" { &[0, 1] } else { &[0] };
            assert!(
                code.is_some_and(|c| allowed.contains(&c)),
                "{args:?}: {:?}, {err}",
                out.status
            );
        }
    })
    .await;
}

#[tokio::test]
async fn a_full_disk_is_an_error() {
    with_timeout(async {
        for args in [
            &["exercises"][..],
            &["stats"],
            &["history"],
            &["config", "path"],
            &["exercises", "show", "chin-tucks"],
        ] {
            let env = TestEnv::new();
            with_history(&env);
            let full = std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap();
            let out = run_into(&env, None, args, Stdio::from(full)).await;
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
            assert!(err.contains("No space left on device"), "{args:?}: {err}");
            assert!(!err.contains("panicked"), "{args:?}: {err}");
        }
    })
    .await;
}
