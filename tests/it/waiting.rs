//! The waiting phase end to end: the real daemon on a private bus with the test
//! notification server playing dunst. A due break waits while dunst is paused (status,
//! waybar, D-Bus, no bubble; the daemon runs in German and each CLI words what it waits
//! for in its own language, while `--json` and the bus carry no words at all), comes as soon as dunst is resumed (through the watch, not
//! the minute's re-check), and its history line says how long it waited and why. The
//! desktop is followed only while the break waits: the daemon's match rules on the bus
//! show it.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use zbus::Connection;

use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv, command, run_cli, text};
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::session::{connect, property};
use crate::common::{TIMEOUT, with_timeout};

/// A break every 4 s of sitting (time to read the daemon's match rules at rest first), no
/// idle backend, do-not-disturb respected; meetings not (nothing on the test machine may
/// hold the break), and no display, so no fullscreen window can.
const CONFIG: &str = r#"
[breaks]
interval = "4s"
renotify = "0s"
[activity]
backend = "none"
[respect]
do_not_disturb = true
fullscreen = true
meetings = false
"#;

/// `deskbreak status ARGS` of the daemon on `bus`, its stdout.
async fn status(env: &TestEnv, bus: &PrivateBus, args: &[&str]) -> String {
    let mut all = vec!["status"];
    all.extend_from_slice(args);
    let out = run_cli(env, Some(bus.address()), &all).await;
    assert!(out.status.success(), "status failed: {}", text(&out.stderr));
    text(&out.stdout)
}

/// [`status`] run with `LANG=lang`.
async fn status_in(env: &TestEnv, bus: &PrivateBus, lang: &str, args: &[&str]) -> String {
    let mut cmd = command(env, Some(bus.address()));
    cmd.env("LANG", lang)
        .arg("status")
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let out = tokio::time::timeout(TIMEOUT, cmd.output())
        .await
        .expect("status finishes")
        .expect("status runs");
    assert!(out.status.success(), "status failed: {}", text(&out.stderr));
    text(&out.stdout)
}

/// The match rules the daemon's connections hold on the bus that follow a property of a
/// peer (dbus-daemon's `Debug.Stats.GetAllMatchRules`, for the unique names in `owners`).
/// The notifier follows only its own signals; a `PropertiesChanged` rule is a detector's.
async fn following(client: &Connection, owners: &[String]) -> BTreeSet<String> {
    let reply = client
        .call_method(
            Some("org.freedesktop.DBus"),
            "/org/freedesktop/DBus",
            Some("org.freedesktop.DBus.Debug.Stats"),
            "GetAllMatchRules",
            &(),
        )
        .await
        .expect("GetAllMatchRules (dbus-daemon's stats interface)");
    let all: std::collections::HashMap<String, Vec<String>> = reply.body().deserialize().unwrap();
    owners
        .iter()
        .flat_map(|owner| all.get(owner).cloned().unwrap_or_default())
        .filter(|rule| rule.contains("member='PropertiesChanged'"))
        .collect()
}

/// The unique names of the daemon's connections: the one that owns its name, and the one
/// its notifier and detectors use (the same, today; both are looked for).
async fn daemon_connections(client: &Connection) -> Vec<String> {
    let dbus = zbus::fdo::DBusProxy::new(client).await.unwrap();
    let owner = dbus
        .get_name_owner("org.deskbreak.Deskbreak1".try_into().unwrap())
        .await
        .expect("the daemon owns its name");
    vec![owner.to_string()]
}

#[tokio::test]
async fn dunst_paused_holds_the_reminder_until_it_is_resumed() {
    with_timeout(async {
        let bus = PrivateBus::start();
        let dunst = NotifyServer::start(bus.address(), ServerOptions::dunst()).await;
        dunst.set_paused(true).await;
        let env = TestEnv::new();
        env.write_config(CONFIG);
        let mut cmd = command(&env, Some(bus.address()));
        // The daemon words in German; every CLI below in its own language.
        cmd.env("LANG", "de_DE.UTF-8").arg("run");
        let daemon = Daemon::spawn_command(cmd);
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;
        let client = connect(bus.address()).await;
        let owners = daemon_connections(&client).await;

        // At rest nothing follows dunst (a second in, so that anything started at
        // start-up would be there).
        tokio::time::sleep(Duration::from_secs(1)).await;
        let at_rest = following(&client, &owners).await;
        assert!(
            status(&env, &bus, &["--json"])
                .await
                .contains(r#""phase":"working""#),
            "read at rest: the break fell due too soon"
        );
        assert!(
            at_rest.is_empty(),
            "something is followed at rest: {at_rest:#?}"
        );

        // Due, and held back.
        let deadline = Instant::now() + TIMEOUT;
        let json = loop {
            let json = status(&env, &bus, &["--json"]).await;
            if json.contains(r#""phase":"waiting""#) {
                break json;
            }
            assert!(
                Instant::now() < deadline,
                "the break never waited: {json}\ndaemon stderr:\n{}",
                daemon.stderr()
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            v["waiting_for"],
            serde_json::json!([{"reason": "do_not_disturb", "kind": "paused", "server": "dunst"}]),
            "{json}"
        );
        // The daemon is German; a CLI in the C locale words it in English, one in French
        // in French, the waybar tooltip too, and --json says the same in each.
        let words = status(&env, &bus, &[]).await;
        assert!(
            words.starts_with("waiting: do not disturb (dunst is paused); sitting "),
            "{words}"
        );
        let english = status_in(&env, &bus, "en_GB.UTF-8", &[]).await;
        assert!(
            english.starts_with("waiting: do not disturb (dunst is paused); sitting "),
            "{english}"
        );
        let french = status_in(&env, &bus, "fr_FR.UTF-8", &[]).await;
        assert!(
            french.starts_with("en attente\u{a0}: ne pas déranger (dunst est en pause)\u{a0}; "),
            "{french}"
        );
        let bar: serde_json::Value = serde_json::from_str(
            &status_in(&env, &bus, "fr_FR.UTF-8", &["--format", "waybar"]).await,
        )
        .unwrap();
        assert_eq!(bar["class"], "waiting", "{bar}");
        let tooltip = bar["tooltip"].as_str().unwrap_or_default();
        assert!(
            tooltip.contains("ne pas déranger (dunst est en pause)"),
            "{tooltip}"
        );
        for lang in ["de_DE.UTF-8", "fr_FR.UTF-8", "es_ES.UTF-8"] {
            let theirs: serde_json::Value =
                serde_json::from_str(&status_in(&env, &bus, lang, &["--json"]).await).unwrap();
            assert_eq!(theirs["waiting_for"], v["waiting_for"], "--json in {lang}");
            assert_eq!(theirs["phase"], v["phase"], "--json in {lang}");
        }
        type WaitingFor = (String, String, std::collections::BTreeMap<String, String>);
        let on_bus: Vec<WaitingFor> = property(&client, "WaitingFor")
            .await
            .unwrap()
            .try_into()
            .unwrap();
        assert_eq!(
            on_bus,
            vec![(
                "do_not_disturb".to_owned(),
                "paused".to_owned(),
                [("server".to_owned(), "dunst".to_owned())].into()
            )]
        );
        // While it waits, dunst is followed.
        let watch = following(&client, &owners).await;
        assert!(
            watch.iter().any(|r| r.contains("org.dunstproject.cmd0")),
            "dunst is not followed while the break waits: {watch:#?}"
        );
        tokio::time::sleep(Duration::from_secs(2)).await;
        assert!(
            dunst.notifications().is_empty(),
            "a reminder was sent to a paused dunst: {:?}",
            dunst.notifications()
        );

        // Resumed: the reminder comes at once, not at the next minute's check.
        let resumed = Instant::now();
        dunst.set_paused(false).await;
        let shown = dunst.wait_for_notify(1, Duration::from_secs(20)).await;
        let after = resumed.elapsed();
        assert!(
            after < Duration::from_secs(20),
            "the reminder came {after:?} after dunst was resumed"
        );
        eprintln!("the reminder came {after:?} after dunst was resumed");

        // No longer waiting: dunst is no longer followed.
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = following(&client, &owners).await;
            if left.is_empty() {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "still followed after the reminder was shown: {left:#?}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }

        dunst.click(shown.id, "done").await;
        let lines = env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "done", "{lines:?}");
        assert_eq!(
            lines[0]["waited_for"],
            serde_json::json!(["do_not_disturb"]),
            "{lines:?}"
        );
        let waited = lines[0]["waited_secs"].as_u64().expect("waited_secs");
        assert!(waited >= 2, "waited {waited} s: {lines:?}");
        assert!(daemon.terminate().await.success());
    })
    .await;
}
