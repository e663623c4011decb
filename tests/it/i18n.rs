//! The session's language end to end: the real daemon started with `LANG=de_DE.UTF-8` on a
//! private bus words its reminder and buttons in German on the test notification server;
//! the CLI words its replies in its own language; machine-read output does not change.

use std::time::Duration;

use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, NO_SESSION_BUS, TestEnv, command, text};
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::{TIMEOUT, with_timeout};
use deskbreak::exercises::Library;
use deskbreak::i18n::{self, Lang};

/// A break after 2 s of sitting, snoozes of 10 min, nothing else in the way.
const FAST: &str = r#"
[breaks]
interval = "2s"
snooze = "10m"
renotify = "0s"
[activity]
backend = "none"
natural_break = "5m"
"#;

/// The binary in `env` on `bus`, with `LANG` set (`None`: the harness's clean, C locale).
fn localized(env: &TestEnv, bus: &str, lang: Option<&str>) -> tokio::process::Command {
    let mut cmd = command(env, Some(bus));
    if let Some(lang) = lang {
        cmd.env("LANG", lang);
    }
    cmd
}

async fn cli(
    env: &TestEnv,
    bus: &str,
    lang: Option<&str>,
    args: &[&str],
) -> (bool, String, String) {
    let mut cmd = localized(env, bus, lang);
    cmd.args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let out = tokio::time::timeout(TIMEOUT, cmd.output())
        .await
        .expect("the CLI finishes")
        .expect("the CLI runs");
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

#[tokio::test]
async fn a_german_session_gets_a_german_reminder_and_buttons_and_the_same_json() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config(FAST);
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let mut daemon_cmd = localized(&env, bus.address(), Some("de_DE.UTF-8"));
        daemon_cmd.arg("run");
        let daemon = Daemon::spawn_command(daemon_cmd);
        daemon.wait_for_stderr("language=de", TIMEOUT).await;

        let shown = server.wait_for_notify(1, TIMEOUT).await;
        let library = Library::embedded();
        let id = library
            .all()
            .iter()
            .map(|e| e.id.clone())
            .find(|id| {
                i18n::scoped(Lang::De, || {
                    shown.summary.starts_with(library.get(id).unwrap().name())
                })
            })
            .unwrap_or_else(|| panic!("the summary starts with a German exercise name: {shown:?}"));
        let exercise = library.get(&id).unwrap();
        let (german, english) = (
            i18n::scoped(Lang::De, || (exercise.name(), exercise.glance_safety())),
            i18n::scoped(Lang::En, || (exercise.name(), exercise.glance_safety())),
        );
        assert_ne!(german, english, "{id} is translated");
        assert!(
            shown.summary.starts_with(&format!("{} · ", german.0)),
            "{shown:?}"
        );
        assert!(
            shown.body.contains(&german.1),
            "the German safety cue: {}",
            shown.body
        );
        assert!(shown.body.contains("im Sitzen"), "{}", shown.body);
        // The buttons, worded as the German catalog words them, and not in English.
        assert_eq!(shown.action_label("done").as_deref(), Some("Erledigt"));
        assert_eq!(shown.action_label("skip").as_deref(), Some("Überspringen"));
        assert_eq!(
            shown.action_label("snooze").as_deref(),
            Some(
                i18n::scoped(Lang::De, || deskbreak::t!(
                    "reminder-button-snooze",
                    duration = deskbreak::human::duration(Duration::from_secs(600))
                ))
                .as_str()
            )
        );
        assert_eq!(
            shown.action_label("start").as_deref(),
            Some("Anleitung starten")
        );
        assert_eq!(
            shown.action_keys(),
            vec!["default", "done", "snooze", "skip", "start"]
        );

        // Machine-read output is the same in any language: three reads, German between
        // two English ones, so that a whole second passing cannot make them differ.
        let (ok, en1, _) = cli(&env, bus.address(), None, &["status", "--json"]).await;
        assert!(ok);
        let (ok, de, _) = cli(
            &env,
            bus.address(),
            Some("de_DE.UTF-8"),
            &["status", "--json"],
        )
        .await;
        assert!(ok);
        let (ok, en2, _) = cli(&env, bus.address(), None, &["status", "--json"]).await;
        assert!(ok);
        assert!(
            de == en1 || de == en2,
            "German {de} vs English {en1} / {en2}"
        );
        assert!(de.contains("\"phase\":\"due\""), "{de}");
        let (ok, bar, _) = cli(
            &env,
            bus.address(),
            Some("de_DE.UTF-8"),
            &["status", "--format", "waybar"],
        )
        .await;
        assert!(ok);
        assert!(bar.contains("\"class\":\"due\""), "{bar}");

        // The CLI words its reply in its own language, whatever the daemon's.
        let (ok, said, err) = cli(&env, bus.address(), Some("fr_FR.UTF-8"), &["snooze"]).await;
        assert!(ok, "{err}");
        let french = i18n::scoped(Lang::Fr, || {
            deskbreak::t!(
                "cli-reply-next-break",
                done = deskbreak::t!("cli-reply-snoozed"),
                duration = deskbreak::human::remaining(Duration::from_secs(600))
            )
        });
        assert_eq!(said.trim_end(), french);
        assert!(!said.contains("Snoozed"), "{said}");
        // And its refusals: an error name from the daemon, French words here.
        let (ok, _, err) = cli(&env, bus.address(), Some("fr_FR.UTF-8"), &["resume"]).await;
        assert!(!ok);
        let refused = i18n::scoped(Lang::Fr, || deskbreak::t!("cli-refused-not-paused"));
        assert_ne!(refused, "Reminders are not paused.");
        assert!(err.contains(&refused), "{err}");
        // The same refusal for a C locale is English.
        let (_, _, err) = cli(&env, bus.address(), None, &["resume"]).await;
        assert!(err.contains("Reminders are not paused."), "{err}");

        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn ui_language_overrides_the_locale_and_doctor_says_so() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config("[ui]\nlanguage = \"es\"\n");
        let bus = PrivateBus::start();
        let (_, out, _) = cli(&env, bus.address(), Some("de_DE.UTF-8"), &["doctor"]).await;
        // Doctor speaks the chosen language, check names included.
        let line = out
            .lines()
            .find(|l| l.contains(" idioma: "))
            .unwrap_or_else(|| panic!("a language line, in Spanish: {out}"));
        assert!(
            line.contains("Español (es, ui.language en la configuración): "),
            "{line}"
        );
        for english in [" session bus: ", " notifications: ", " daemon: ", "fix: "] {
            assert!(!out.contains(english), "{english:?} in {out}");
        }
        assert!(out.contains(" bus de sesión: accesible"), "{out}");
        // A bad value is a config error naming the key, with what is accepted.
        env.write_config("[ui]\nlanguage = \"klingon\"\n");
        let (ok, _, err) = cli(&env, bus.address(), None, &["config", "check"]).await;
        assert!(!ok);
        assert!(err.contains(":2:12: ui.language: unknown language \"klingon\": expected one of \"auto\", \"en\", \"de\", \"fr\", \"es\""), "{err}");
    })
    .await;
}

/// What the command line says when it cannot do what it was asked, in German for a German
/// session: no daemon on the bus, no bus at all, a date in the future, no systemd user
/// manager. Each message is the German catalog's, whole, with nothing English left in it
/// but the system's own cause.
#[tokio::test]
async fn a_german_terminal_gets_german_errors_when_nothing_runs() {
    with_timeout(async {
        let env = TestEnv::new();
        let bus = PrivateBus::start();
        let de = Some("de_DE.UTF-8");
        let german = |f: &dyn Fn() -> String| i18n::scoped(Lang::De, f);

        // No daemon on the bus: the command fails with the German sentence, and so does
        // every command that needs the daemon.
        let not_running =
            german(&|| deskbreak::t!("cli-error-not-running", name = "org.deskbreak.Deskbreak1"));
        assert!(
            not_running.starts_with("deskbreak läuft nicht"),
            "{not_running}"
        );
        for args in [&["snooze"][..], &["status"], &["pause", "30m"]] {
            let (ok, out, err) = cli(&env, bus.address(), de, args).await;
            assert!(!ok, "{args:?} fails: {out}");
            assert_eq!(err, format!("deskbreak: {not_running}\n"), "{args:?}");
        }
        // A bar gets its `stopped` line, the tooltip in German, the class as always.
        let (ok, bar, _) = cli(&env, bus.address(), de, &["status", "--format", "waybar"]).await;
        assert!(ok);
        assert!(bar.contains("\"class\":\"stopped\""), "{bar}");
        assert!(
            bar.contains("\"tooltip\":\"deskbreak läuft nicht\""),
            "{bar}"
        );

        // No bus at all: German words around the bus library's own cause, which is said
        // once (not "no session bus" inside "cannot reach the session bus").
        let (ok, _, err) = cli(&env, "unix:path=/nonexistent/bus", de, &["now"]).await;
        assert!(!ok);
        assert!(
            err.starts_with("deskbreak: der Sitzungsbus ist nicht erreichbar: "),
            "{err}"
        );
        assert!(err.contains("ist das eine Desktop-Sitzung?"), "{err}");
        assert!(!err.contains("no session bus"), "{err}");

        // A command line that reads files: a date in the future.
        let (ok, _, err) = cli(&env, bus.address(), de, &["stats", "--since", "2999-01-01"]).await;
        assert!(!ok);
        assert_eq!(
            err,
            "deskbreak: 2999-01-01 liegt in der Zukunft; geben Sie ein Datum bis heute an\n"
        );

        // `service install` where no systemd user manager can be reached: nothing written,
        // the way out said in German.
        let mut install = localized(&env, bus.address(), de);
        install
            .args(["service", "install"])
            .env("DESKBREAK_SYSTEMCTL", env.home().join("no-such-systemctl"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let out = tokio::time::timeout(TIMEOUT, install.output())
            .await
            .expect("the CLI finishes")
            .expect("the CLI runs");
        let err = text(&out.stderr);
        assert!(!out.status.success());
        assert!(
            err.starts_with("deskbreak: die systemd-Benutzerinstanz ist nicht erreichbar ("),
            "{err}"
        );
        assert!(
            err.contains("no-such-systemctl ist nicht installiert), deshalb"),
            "{err}"
        );
        assert!(
            err.contains("\n    deskbreak service install --autostart\n"),
            "{err}"
        );
        assert!(!err.contains("cannot"), "{err}");
        assert!(
            !env.config_home().join("systemd").exists(),
            "nothing written"
        );
    })
    .await;
}

/// A failed write says what failed in the terminal's language and then the system's
/// cause, joined as the language joins them (French: a no-break space before the colon).
#[tokio::test]
async fn a_french_error_joins_its_cause_the_french_way() {
    with_timeout(async {
        let env = TestEnv::new();
        let mut cmd = localized(&env, NO_SESSION_BUS, Some("fr_FR.UTF-8"));
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        cmd.args(["completions", "bash"])
            .stdout(full)
            .stderr(std::process::Stdio::piped());
        // Spawned, not `output()`, which would capture stdout instead of /dev/full.
        let child = cmd.spawn().expect("the CLI runs");
        let out = tokio::time::timeout(TIMEOUT, child.wait_with_output())
            .await
            .expect("the CLI finishes")
            .expect("the CLI is waited for");
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(
            err.starts_with("deskbreak: impossible d'écrire le script de complétion\u{a0}: "),
            "{err}"
        );
        assert!(err.contains("(os error 28)"), "the system's cause: {err}");
    })
    .await;
}

/// With no notification server, a German daemon writes its reminder to the terminal in
/// German, under a German heading, while its log line about it stays English.
#[tokio::test]
async fn a_german_reminder_without_a_desktop_goes_to_the_terminal_in_german() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config(FAST);
        let bus = PrivateBus::start();
        let mut daemon_cmd = localized(&env, bus.address(), Some("de_DE.UTF-8"));
        daemon_cmd.arg("run");
        let daemon = Daemon::spawn_command(daemon_cmd);
        daemon.wait_for_stderr("language=de", TIMEOUT).await;
        let heading = daemon
            .wait_for_stderr("*** Zeit für eine Pause: ", TIMEOUT)
            .await;
        assert!(heading.ends_with(" ***"), "{heading}");
        daemon
            .wait_for_stderr("Im Terminal antworten: deskbreak done", TIMEOUT)
            .await;
        let log = daemon
            .wait_for_stderr(
                "reminder written to stderr because the desktop is unavailable",
                TIMEOUT,
            )
            .await;
        assert!(!log.contains("Zeit für"), "the log line is English: {log}");
        assert!(
            !daemon.stderr().contains("Time for a break"),
            "{}",
            daemon.stderr()
        );
        assert!(daemon.terminate().await.success());
    })
    .await;
}
