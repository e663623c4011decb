//! `deskbreak doctor` on a private bus: with and without a notification server, with and
//! without actions, with a broken config, with and without a running daemon and service.
//! The last test runs the installed package's binary (`.ci/run` runs it after `dpkg -i`).

use std::path::Path;
use std::process::{Output, Stdio};

use crate::common::TIMEOUT;
use crate::common::bus::PrivateBus;
use crate::common::daemon::{CLI_TIMEOUT, Daemon, NO_SYSTEM_BUS, TestEnv, command, text};
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::xvfb::Xvfb;
use crate::systemctl_fake::{FakeSystemctl, Manager};
use tokio::process::Command;

/// Runs `cmd` (set up for `deskbreak doctor`) to completion.
async fn finish(mut cmd: Command) -> Output {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let child = cmd.spawn().expect("cannot start deskbreak doctor");
    let out = tokio::time::timeout(CLI_TIMEOUT, child.wait_with_output())
        .await
        .expect("deskbreak doctor did not finish")
        .expect("waiting for deskbreak doctor failed");
    eprintln!(
        "doctor -> {:?}\nstdout:\n{}stderr:\n{}",
        out.status,
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

/// `deskbreak doctor` on `bus`, with a fake systemctl answering as `manager`.
async fn doctor(env: &TestEnv, bus: Option<&str>, manager: Manager) -> Output {
    let mut cmd = command(env, bus);
    FakeSystemctl::new(env.home(), manager).apply(&mut cmd);
    cmd.arg("doctor");
    finish(cmd).await
}

/// The line about `name`, e.g. "ok       notifications: …".
fn line<'a>(out: &'a str, name: &str) -> &'a str {
    out.lines()
        .find(|l| {
            l.split_once(' ')
                .is_some_and(|(_, rest)| rest.trim_start().starts_with(&format!("{name}: ")))
        })
        .unwrap_or_else(|| panic!("no {name:?} line in:\n{out}"))
}

/// The level word that starts the line about `name`.
fn level<'a>(out: &'a str, name: &str) -> &'a str {
    line(out, name)
        .split_whitespace()
        .next()
        .unwrap_or_default()
}

#[tokio::test]
async fn all_ok_with_a_server_with_actions_and_a_running_daemon() {
    let env = TestEnv::new();
    let bus = PrivateBus::start();
    let _server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
    let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
    daemon
        .wait_for_stderr("deskbreak is running", TIMEOUT)
        .await;

    let out = doctor(&env, Some(bus.address()), Manager::RUNNING).await;
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert_eq!(level(&said, "config"), "ok");
    assert!(
        line(&said, "config").contains("built-in defaults"),
        "{said}"
    );
    assert_eq!(level(&said, "session bus"), "ok");
    assert_eq!(
        line(&said, "notifications"),
        "ok       notifications: deskbreak-test 1.0 by deskbreak (specification 1.2), \
         shows Done/Snooze/Skip buttons"
    );
    assert_eq!(level(&said, "service"), "ok");
    assert!(
        line(&said, "service").contains("enabled and running"),
        "{said}"
    );
    assert_eq!(level(&said, "daemon"), "ok");
    assert!(
        line(&said, "daemon").contains(&format!("running (pid {})", daemon.pid())),
        "{said}"
    );
    // No display and no system bus here: these work less well, but breaks still come.
    assert_eq!(level(&said, "idle backend"), "warning");
    assert!(said.contains("wayland not used: "), "{said}");
    assert!(said.contains("x11 not used: "), "{said}");
    assert_eq!(level(&said, "logind"), "warning");
    assert!(said.contains("breaks should still come"), "{said}");
    daemon.terminate().await;
}

#[tokio::test]
async fn a_server_without_actions_is_a_warning_that_names_the_commands() {
    let env = TestEnv::new();
    let bus = PrivateBus::start();
    let options = ServerOptions {
        capabilities: vec!["body".into()],
        unicast_signals: false,
        ..ServerOptions::default()
    };
    let _server = NotifyServer::start(bus.address(), options).await;
    let out = doctor(&env, Some(bus.address()), Manager::RUNNING).await;
    let said = text(&out.stdout);
    assert_eq!(level(&said, "notifications"), "warning");
    assert!(
        line(&said, "notifications").contains("does not show buttons"),
        "{said}"
    );
    assert!(said.contains("`deskbreak done`"), "{said}");
}

/// A dunst or mako user is told where the buttons are and what a click does (issue 10).
#[tokio::test]
async fn on_dunst_and_mako_doctor_says_where_the_buttons_are() {
    for (name, says) in [
        (
            "dunst",
            "on dunst the buttons are in its context menu (`dunstctl context`",
        ),
        (
            "dunst",
            "a left click closes the reminder, which counts like Snooze",
        ),
        ("mako", "on mako the buttons are in `makoctl menu`"),
    ] {
        let env = TestEnv::new();
        let bus = PrivateBus::start();
        let options = ServerOptions {
            name: name.to_owned(),
            ..ServerOptions::default()
        };
        let server = NotifyServer::start(bus.address(), options).await;
        let out = doctor(&env, Some(bus.address()), Manager::RUNNING).await;
        let said = text(&out.stdout);
        let notifications = line(&said, "notifications");
        assert!(notifications.contains(says), "{name}: {said}");
        assert!(notifications.contains("starts the guide"), "{name}: {said}");
        server.stop().await;
    }
    // Another server is not told about dunst's menu.
    let env = TestEnv::new();
    let bus = PrivateBus::start();
    let _server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
    let out = doctor(&env, Some(bus.address()), Manager::RUNNING).await;
    let said = text(&out.stdout);
    assert!(
        !said.contains("context menu") && !said.contains("makoctl"),
        "{said}"
    );
}

#[tokio::test]
async fn no_notification_server_is_a_problem_and_exit_status_1() {
    let env = TestEnv::new();
    let bus = PrivateBus::start();
    let out = doctor(&env, Some(bus.address()), Manager::RUNNING).await;
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(level(&said, "notifications"), "problem");
    assert!(
        line(&said, "notifications").contains("no notification server"),
        "{said}"
    );
    assert!(
        said.contains(
            "install a notification daemon such as dunst or mako, or use a desktop that has one"
        ),
        "{said}"
    );
    assert!(text(&out.stderr).contains("found a problem"));
}

#[tokio::test]
async fn a_broken_config_is_a_problem_naming_file_line_and_key() {
    let env = TestEnv::new();
    env.write_config("[breaks]\ninterval = \"45m\"\nintervall = \"30m\"\n");
    let bus = PrivateBus::start();
    let _server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
    let out = doctor(&env, Some(bus.address()), Manager::RUNNING).await;
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        line(&said, "config").starts_with(&format!(
            "problem  config: {}:3:1: breaks.intervall: unknown key: expected one of interval,",
            env.config_path().display()
        )),
        "{said}"
    );
    assert!(said.contains("`deskbreak config check`"), "{said}");
}

#[tokio::test]
async fn no_daemon_and_no_service_say_how_to_start_one() {
    let env = TestEnv::new();
    let bus = PrivateBus::start();
    let _server = NotifyServer::start(bus.address(), ServerOptions::default()).await;

    let out = doctor(&env, Some(bus.address()), Manager::FRESH).await;
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(level(&said, "daemon"), "problem");
    assert!(
        line(&said, "daemon").contains("no deskbreak is running"),
        "{said}"
    );
    assert_eq!(level(&said, "service"), "warning");
    assert!(
        line(&said, "service").contains("does not start with your desktop"),
        "{said}"
    );
    assert!(said.contains("`deskbreak service install`"), "{said}");

    // Without a user manager the advice is the autostart entry; once written, it is ok.
    let out = doctor(&env, Some(bus.address()), Manager::Missing).await;
    let said = text(&out.stdout);
    assert!(
        line(&said, "service").contains("no systemd user manager"),
        "{said}"
    );
    assert!(said.contains("--autostart"), "{said}");
    let entry = env
        .config_home()
        .join("autostart")
        .join("deskbreak.desktop");
    std::fs::create_dir_all(entry.parent().unwrap()).unwrap();
    std::fs::write(&entry, "[Desktop Entry]\n").unwrap();
    let out = doctor(&env, Some(bus.address()), Manager::Missing).await;
    let said = text(&out.stdout);
    assert_eq!(level(&said, "service"), "ok");
    assert!(line(&said, "service").contains("autostart entry"), "{said}");
}

#[tokio::test]
async fn the_idle_backend_line_names_the_winner_and_why_the_others_lost() {
    let env = TestEnv::new();
    let bus = PrivateBus::start();
    let xvfb = Xvfb::start();
    let mut cmd = command(&env, Some(bus.address()));
    FakeSystemctl::new(env.home(), Manager::RUNNING).apply(&mut cmd);
    cmd.env("DISPLAY", xvfb.display()).arg("doctor");
    let out = finish(cmd).await;
    let said = text(&out.stdout);
    assert_eq!(line(&said, "idle backend"), "ok       idle backend: x11");
    // Probed before x11, in priority order, each with its reason on its own line.
    let wayland = said.find("\n         wayland not used: WAYLAND_DISPLAY is not set");
    let gnome = said.find("\n         gnome not used: ");
    assert!(
        wayland.is_some() && gnome.is_some() && wayland < gnome,
        "{said}"
    );
    assert!(!said.contains("x11 not used"), "{said}");
}

#[tokio::test]
async fn an_enabled_service_that_is_not_running_points_at_the_journal() {
    let env = TestEnv::new();
    let bus = PrivateBus::start();
    let manager = Manager::Running {
        enabled: "enabled",
        active: "failed",
        session: "active",
    };
    let out = doctor(&env, Some(bus.address()), manager).await;
    let said = text(&out.stdout);
    assert_eq!(level(&said, "service"), "warning");
    assert!(
        line(&said, "service").contains("deskbreak.service is enabled but failed"),
        "{said}"
    );
    assert!(said.contains("journalctl --user -u deskbreak"), "{said}");
}

#[tokio::test]
async fn without_a_session_bus_everything_on_it_is_a_problem() {
    let env = TestEnv::new();
    let out = doctor(&env, None, Manager::Missing).await;
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(level(&said, "session bus"), "problem");
    assert!(
        line(&said, "session bus").contains("cannot connect"),
        "{said}"
    );
    assert_eq!(level(&said, "notifications"), "problem");
    assert_eq!(level(&said, "daemon"), "problem");
}

/// The binary the Debian package installed: `--version`, a daemon and `doctor` on a
/// private bus with a test notification server. `.ci/run` runs it after `dpkg -i` with
/// `cargo test --test doctor -- --ignored`; `DESKBREAK_INSTALLED` may name another path.
#[tokio::test]
#[ignore = "needs the installed package (run by .ci/run after dpkg -i)"]
async fn the_installed_binary_runs_and_diagnoses_itself() {
    let installed =
        std::env::var("DESKBREAK_INSTALLED").unwrap_or_else(|_| "/usr/bin/deskbreak".into());
    assert!(
        Path::new(&installed).is_file(),
        "{installed} is not installed"
    );
    let env = TestEnv::new();
    let bus = PrivateBus::start();
    // Like crate::common::daemon::command, for another binary.
    let run = |args: &[&str]| {
        let mut cmd = Command::new(&installed);
        cmd.env_clear()
            .env(
                "PATH",
                std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into()),
            )
            .env("HOME", env.home())
            .env("XDG_CONFIG_HOME", env.config_home())
            .env("XDG_STATE_HOME", env.state_home())
            .env("XDG_DATA_HOME", env.data_home())
            .env("XDG_RUNTIME_DIR", env.runtime_dir())
            .env("NO_COLOR", "1")
            .env("DBUS_SESSION_BUS_ADDRESS", bus.address())
            .env("DBUS_SYSTEM_BUS_ADDRESS", NO_SYSTEM_BUS)
            .current_dir(env.home())
            .stdin(Stdio::null())
            .kill_on_drop(true)
            .args(args);
        FakeSystemctl::new(env.home(), Manager::RUNNING).apply(&mut cmd);
        cmd
    };

    let version = finish(run(&["--version"])).await;
    assert!(version.status.success());
    assert_eq!(
        text(&version.stdout).trim(),
        format!("deskbreak {}", env!("CARGO_PKG_VERSION"))
    );

    let _server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
    let daemon = Daemon::spawn_command(run(&["run"]));
    // The default log level: deskbreak's own info lines.
    daemon
        .wait_for_stderr("deskbreak is running", TIMEOUT)
        .await;

    let out = finish(run(&["doctor"])).await;
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert_eq!(level(&said, "notifications"), "ok");
    assert_eq!(level(&said, "daemon"), "ok");
    assert_eq!(level(&said, "service"), "ok");
    daemon.terminate().await;
}

/// The sentences of English's doctor messages (the text between their placeables, three
/// words or more) that `lang`'s catalog does not also use: in a `lang` doctor output,
/// any of them is English that fell through.
fn english_doctor_sentences(lang: deskbreak::i18n::Lang) -> Vec<String> {
    let theirs = lang.messages_source();
    let english = deskbreak::i18n::Lang::En.messages_source();
    let mut sentences = Vec::new();
    let mut in_doctor = false;
    for line in english.lines() {
        if line.starts_with("doctor-") {
            in_doctor = true;
        } else if !line.starts_with([' ', '\t']) {
            in_doctor = false;
        }
        if !in_doctor || line.trim_start().starts_with('#') {
            continue;
        }
        let value = line.split_once(" = ").map_or(line, |(_, v)| v);
        // The text outside `{ … }`, and outside selector variant keys.
        let mut depth = 0;
        let mut plain = String::new();
        for c in value.chars() {
            match c {
                '{' => {
                    depth += 1;
                    plain.push('\n');
                }
                '}' => depth -= 1,
                c if depth == 0 => plain.push(c),
                _ => {}
            }
        }
        for part in plain.split('\n') {
            // A selector's variant: "*[other] 2 warnings" is "2 warnings".
            let part = part.trim();
            let part = part.split_once("] ").map_or(part, |(_, rest)| rest).trim();
            if part.split_whitespace().count() >= 3 && !theirs.contains(part) {
                sentences.push(part.to_owned());
            }
        }
    }
    assert!(
        sentences.len() > 50,
        "too few sentences found: {sentences:?}"
    );
    sentences
}

/// With the locale German, French or Spanish, nothing doctor prints is English but what
/// the system says (quoted causes), in a healthy session and in a broken one.
#[tokio::test]
async fn doctor_speaks_the_locales_language_in_every_line() {
    use deskbreak::i18n::Lang;
    let env = TestEnv::new();
    let bus = PrivateBus::start();
    let _server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
    let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
    daemon
        .wait_for_stderr("deskbreak is running", TIMEOUT)
        .await;
    let lonely = PrivateBus::start();
    for (lang, locale, ok) in [
        (Lang::De, "de_DE.UTF-8", "ok"),
        (Lang::Fr, "fr_FR.UTF-8", "ok"),
        (Lang::Es, "es_ES.UTF-8", "ok"),
    ] {
        let english = english_doctor_sentences(lang);
        for (bus, manager) in [
            (Some(bus.address()), Manager::RUNNING),
            (Some(lonely.address()), Manager::FRESH),
            (None, Manager::Missing),
        ] {
            let mut cmd = command(&env, bus);
            FakeSystemctl::new(env.home(), manager).apply(&mut cmd);
            cmd.env("LANG", locale).arg("doctor");
            let out = finish(cmd).await;
            let said = text(&out.stdout);
            for sentence in &english {
                assert!(
                    !said.contains(sentence.as_str()),
                    "{lang}: {sentence:?} in\n{said}"
                );
            }
            // Every check's line starts with the language's level word.
            let levels = deskbreak::i18n::scoped(lang, || {
                [
                    deskbreak::t!("doctor-level-ok"),
                    deskbreak::t!("doctor-level-warning"),
                    deskbreak::t!("doctor-level-problem"),
                ]
            });
            assert_eq!(levels[0], ok);
            let checks = said
                .lines()
                .take_while(|l| !l.is_empty())
                .filter(|l| !l.starts_with(' '))
                .count();
            assert_eq!(checks, 9, "{lang}: nine checks in\n{said}");
            for line in said.lines().take_while(|l| !l.is_empty()) {
                if !line.starts_with(' ') {
                    assert!(
                        levels.iter().any(|w| line.starts_with(&format!("{w} "))),
                        "{lang}: {line}"
                    );
                }
            }
        }
    }
    daemon.terminate().await;
}
