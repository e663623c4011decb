//! `deskbreak service install [--autostart]` and `service uninstall` against a temporary
//! XDG_CONFIG_HOME and a fake `systemctl` that records its calls.

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use crate::common::daemon::{CLI_TIMEOUT, TestEnv, bin, command, text};
use crate::systemctl_fake::{FakeSystemctl, Manager};

/// `deskbreak ARGS` with `fake` as systemctl.
async fn service(env: &TestEnv, fake: &FakeSystemctl, args: &[&str]) -> Output {
    let mut cmd = command(env, None);
    fake.apply(&mut cmd);
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    let child = cmd.spawn().expect("cannot start deskbreak");
    let out = tokio::time::timeout(CLI_TIMEOUT, child.wait_with_output())
        .await
        .unwrap_or_else(|_| panic!("deskbreak {args:?} did not finish"))
        .expect("waiting for deskbreak failed");
    eprintln!(
        "deskbreak {args:?} -> {:?}\nstdout:\n{}stderr:\n{}",
        out.status,
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

fn unit_path(env: &TestEnv) -> PathBuf {
    env.config_home()
        .join("systemd")
        .join("user")
        .join("deskbreak.service")
}

fn autostart_path(env: &TestEnv) -> PathBuf {
    env.config_home()
        .join("autostart")
        .join("deskbreak.desktop")
}

/// The test binary as the unit must name it: symlinks resolved.
fn binary() -> PathBuf {
    std::fs::canonicalize(bin()).expect("the binary under test exists")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[tokio::test]
async fn install_writes_the_unit_for_this_binary_then_reloads_enables_and_starts_it() {
    let env = TestEnv::new();
    let fake = FakeSystemctl::new(env.home(), Manager::FRESH);

    let out = service(&env, &fake, &["service", "install"]).await;
    assert!(out.status.success());

    let unit = read(&unit_path(&env));
    let exec: Vec<&str> = unit
        .lines()
        .filter(|l| l.starts_with("ExecStart="))
        .collect();
    assert_eq!(exec, [format!("ExecStart={} run", binary().display())]);
    for line in [
        "Type=notify",
        "ExecReload=/bin/kill -HUP $MAINPID",
        "Restart=on-failure",
        "PartOf=graphical-session.target",
        "WantedBy=graphical-session.target",
    ] {
        assert!(unit.lines().any(|l| l == line), "{line} missing:\n{unit}");
    }
    assert!(
        !unit.lines().any(|l| l.starts_with("PrivateTmp=")),
        "the X11 socket lives in /tmp"
    );

    assert_eq!(
        fake.take_calls(),
        [
            "--user show-environment",
            "--user daemon-reload",
            "--user enable --now deskbreak.service",
            "--user is-active graphical-session.target",
        ]
    );
    let said = text(&out.stdout);
    assert!(
        said.contains(&format!("wrote {}", unit_path(&env).display())),
        "{said}"
    );
    assert!(said.contains("reloaded the systemd user manager"), "{said}");
    assert!(
        said.contains("enabled and started deskbreak.service"),
        "{said}"
    );
    assert!(
        !said.contains("graphical-session.target is not active"),
        "{said}"
    );

    // Again: nothing to rewrite, the manager is still told.
    let again = service(&env, &fake, &["service", "install"]).await;
    assert!(again.status.success());
    assert!(text(&again.stdout).contains("is up to date"));
    assert_eq!(read(&unit_path(&env)), unit);
    assert!(
        fake.take_calls()
            .contains(&"--user enable --now deskbreak.service".to_owned())
    );
}

#[tokio::test]
async fn install_warns_when_the_desktop_does_not_start_graphical_session_target() {
    let env = TestEnv::new();
    let fake = FakeSystemctl::new(
        env.home(),
        Manager::Running {
            enabled: "not-found",
            active: "inactive",
            session: "inactive",
        },
    );
    let out = service(&env, &fake, &["service", "install"]).await;
    assert!(out.status.success());
    let said = text(&out.stdout);
    assert!(
        said.contains("graphical-session.target is not active"),
        "{said}"
    );
    assert!(
        said.contains("deskbreak service install --autostart"),
        "{said}"
    );
}

#[tokio::test]
async fn without_a_user_manager_install_explains_the_autostart_way_and_exits_1() {
    let env = TestEnv::new();
    let fake = FakeSystemctl::new(env.home(), Manager::Missing);
    let out = service(&env, &fake, &["service", "install"]).await;
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "the systemd user manager cannot be reached (Failed to connect to bus: No medium found)"
        ),
        "{err}"
    );
    assert!(
        err.contains("deskbreak service install --autostart"),
        "{err}"
    );
    assert!(err.contains("nothing was changed"), "{err}");
    assert!(!unit_path(&env).exists(), "no unit is left behind");
    assert_eq!(fake.take_calls(), ["--user show-environment"]);
}

#[tokio::test]
async fn without_systemctl_install_says_so_and_exits_1() {
    let env = TestEnv::new();
    let mut cmd = command(&env, None);
    cmd.env("DESKBREAK_SYSTEMCTL", env.home().join("no-such-systemctl"))
        .args(["service", "install"]);
    let out = tokio::time::timeout(CLI_TIMEOUT, cmd.output())
        .await
        .expect("deskbreak service install did not finish")
        .expect("cannot run deskbreak");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("no-such-systemctl is not installed"), "{err}");
    assert!(err.contains("--autostart"), "{err}");
    assert!(!unit_path(&env).exists());
}

#[tokio::test]
async fn autostart_writes_an_xdg_entry_that_runs_this_binary() {
    let env = TestEnv::new();
    let fake = FakeSystemctl::new(env.home(), Manager::Missing);
    let out = service(&env, &fake, &["service", "install", "--autostart"]).await;
    assert!(out.status.success());
    let entry = read(&autostart_path(&env));
    for line in [
        "[Desktop Entry]".to_owned(),
        "Type=Application".to_owned(),
        format!("Exec={} run", binary().display()),
        "NoDisplay=true".to_owned(),
        "X-GNOME-Autostart-enabled=true".to_owned(),
    ] {
        assert!(entry.lines().any(|l| l == line), "{line} missing:\n{entry}");
    }
    let said = text(&out.stdout);
    assert!(
        said.contains(&format!("wrote {}", autostart_path(&env).display())),
        "{said}"
    );
    assert!(said.contains("log out and back in"), "{said}");
    assert!(!unit_path(&env).exists());

    let removed = service(&env, &fake, &["service", "uninstall"]).await;
    assert!(removed.status.success());
    assert!(!autostart_path(&env).exists());
    assert!(
        text(&removed.stdout).contains(&format!(
            "removed the autostart entry {}",
            autostart_path(&env).display()
        )),
        "{}",
        text(&removed.stdout)
    );
}

#[tokio::test]
async fn uninstall_stops_disables_and_removes_the_unit() {
    let env = TestEnv::new();
    let fake = FakeSystemctl::new(env.home(), Manager::RUNNING);
    assert!(
        service(&env, &fake, &["service", "install"])
            .await
            .status
            .success()
    );
    assert!(unit_path(&env).exists());
    fake.take_calls();

    let out = service(&env, &fake, &["service", "uninstall"]).await;
    assert!(out.status.success());
    assert!(!unit_path(&env).exists());
    let calls = fake.take_calls();
    let at = |call: &str| {
        calls
            .iter()
            .position(|c| c == call)
            .unwrap_or_else(|| panic!("{call:?} not called: {calls:?}"))
    };
    assert!(at("--user disable --now deskbreak.service") < at("--user daemon-reload"));
    let said = text(&out.stdout);
    assert!(
        said.contains("stopped and disabled deskbreak.service"),
        "{said}"
    );
    assert!(
        said.contains(&format!("removed {}", unit_path(&env).display())),
        "{said}"
    );
}

#[tokio::test]
async fn uninstalling_nothing_is_fine_and_says_so() {
    let env = TestEnv::new();
    let fake = FakeSystemctl::new(env.home(), Manager::FRESH);
    let out = service(&env, &fake, &["service", "uninstall"]).await;
    assert!(out.status.success());
    assert!(
        text(&out.stdout).contains("nothing to remove"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        !fake
            .take_calls()
            .iter()
            .any(|c| c.contains("disable") || c.contains("daemon-reload")),
        "nothing to disable or reload"
    );
}

#[tokio::test]
async fn the_two_ways_of_starting_replace_each_other() {
    let env = TestEnv::new();
    let fake = FakeSystemctl::new(env.home(), Manager::RUNNING);
    assert!(
        service(&env, &fake, &["service", "install", "--autostart"])
            .await
            .status
            .success()
    );
    assert!(autostart_path(&env).exists());

    let out = service(&env, &fake, &["service", "install"]).await;
    assert!(out.status.success());
    assert!(
        !autostart_path(&env).exists(),
        "two daemons would race at login"
    );
    assert!(text(&out.stdout).contains("removed the autostart entry"));

    fake.take_calls();
    let out = service(&env, &fake, &["service", "install", "--autostart"]).await;
    assert!(out.status.success());
    assert!(autostart_path(&env).exists());
    assert!(!unit_path(&env).exists());
    assert!(
        fake.take_calls()
            .contains(&"--user disable --now deskbreak.service".to_owned())
    );
}

/// The unit written for a binary in a folder with a space (and a `%`) is one systemd
/// accepts, with the path quoted. Needs `systemd-analyze`; skipped without it.
#[test]
fn a_unit_for_an_awkward_path_passes_systemd_analyze_verify() {
    if std::process::Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("systemd-analyze is not installed: not checked");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("my 100% apps");
    std::fs::create_dir(&folder).unwrap();
    // Any executable will do: verify checks that ExecStart's program exists.
    let program = folder.join("deskbreak");
    std::fs::copy("/bin/true", &program).unwrap();
    let unit = deskbreak::service::unit_for(&program).unwrap();
    assert!(
        unit.contains(&format!(
            "ExecStart=\"{}/my 100%% apps/deskbreak\" run",
            dir.path().display()
        )),
        "{unit}"
    );
    let units = dir.path().join("units");
    std::fs::create_dir(&units).unwrap();
    std::fs::write(units.join("deskbreak.service"), unit).unwrap();
    let runtime = dir.path().join("runtime");
    std::fs::create_dir(&runtime).unwrap();
    let out = std::process::Command::new("systemd-analyze")
        .args(["--user", "verify", "--man=no"])
        .arg(units.join("deskbreak.service"))
        .env("XDG_RUNTIME_DIR", &runtime)
        .output()
        .unwrap();
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(out.status.success() && said.trim().is_empty(), "{said}");
}
