//! The tray icon end to end: the real daemon on a private bus with a test
//! StatusNotifierWatcher and host (`common::sni_host`), a test notification server and a
//! test desktop portal. The host reads the item's properties, follows its `New*` signals
//! and clicks its menu through `com.canonical.dbusmenu`, and the daemon's status is
//! checked after each click.

use std::collections::HashMap;
use std::time::Duration;

use chrono::{Local, TimeZone, Timelike};
use zbus::OwnedVariant;

use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv};
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::portal_peer::Portal;
use crate::common::session::{connect, phase, property, wait_for_phase};
use crate::common::sni_host::{ITEM, ITEM_PATH, MENU, SniHost, text};
use crate::common::{TIMEOUT, with_timeout};

/// Breaks every hour: nothing happens unless the test asks for it.
const QUIET: &str = r#"
[breaks]
interval = "1h"
snooze = "10m"
max_snoozes = 3
renotify = "0s"
"#;

fn item_name(daemon: &Daemon) -> String {
    format!("org.kde.StatusNotifierItem-{}-1", daemon.pid())
}

/// The row of `rows` whose label starts with `label`.
fn row<'a>(
    rows: &'a [(i32, HashMap<String, OwnedVariant>)],
    label: &str,
) -> &'a (i32, HashMap<String, OwnedVariant>) {
    rows.iter()
        .find(|(_, props)| {
            props
                .get("label")
                .and_then(|v| String::try_from(v.clone()).ok())
                .is_some_and(|l| l.starts_with(label))
        })
        .unwrap_or_else(|| panic!("no menu row {label:?} in {rows:?}"))
}

fn flag(props: &HashMap<String, OwnedVariant>, key: &str) -> bool {
    props
        .get(key)
        .map(|v| bool::try_from(v.clone()).expect("a boolean"))
        .unwrap_or(true)
}

fn label(props: &HashMap<String, OwnedVariant>) -> String {
    text(props, "label")
}

async fn owned(dbus: &zbus::fdo::DBusProxy<'_>, name: String) -> bool {
    dbus.name_has_owner(name.as_str().try_into().unwrap())
        .await
        .unwrap()
}

async fn paused_until(conn: &zbus::Connection) -> i64 {
    i64::try_from(property(conn, "PausedUntil").await.unwrap()).unwrap()
}

#[tokio::test]
async fn the_tray_icon_shows_the_state_and_its_menu_steers_the_daemon() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config(QUIET);
        let bus = PrivateBus::start();
        let notifications = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let portal = Portal::start(bus.address()).await;
        let mut daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;
        let client = connect(bus.address()).await;
        wait_for_phase(&client, "working", TIMEOUT).await;

        // No tray on the desktop: the item is not on the bus at all.
        let dbus = zbus::fdo::DBusProxy::new(&client).await.unwrap();
        let name = item_name(&daemon);
        assert!(!owned(&dbus, name.clone()).await);

        // A tray appears after the daemon started: the item registers with it.
        let tray = SniHost::start(bus.address()).await;
        let service = tray.wait_for_registration(1, TIMEOUT).await;
        assert_eq!(service, name);
        assert!(owned(&dbus, name.clone()).await);

        let props = tray.item_properties(&service).await;
        assert_eq!(text(&props, "Id"), "deskbreak");
        assert_eq!(text(&props, "Category"), "ApplicationStatus");
        assert_eq!(text(&props, "Status"), "Active");
        assert_eq!(text(&props, "IconName"), "deskbreak-working");
        let menu_path = zbus::OwnedObjectPath::try_from(props["Menu"].clone()).unwrap();
        let menu_path = menu_path.as_str().to_owned();
        assert_eq!(menu_path, "/MenuBar");
        assert!(!bool::try_from(props["ItemIsMenu"].clone()).unwrap());
        let pixmaps: Vec<(i32, i32, Vec<u8>)> = props["IconPixmap"].clone().try_into().unwrap();
        let sizes: Vec<i32> = pixmaps.iter().map(|(w, _, _)| *w).collect();
        assert_eq!(sizes, vec![22, 32, 48]);
        for (w, h, bytes) in &pixmaps {
            assert_eq!(bytes.len(), (w * h * 4) as usize, "ARGB32, {w}x{h}");
        }
        type ToolTip = (String, Vec<(i32, i32, Vec<u8>)>, String, String);
        let tooltip: ToolTip = props["ToolTip"].clone().try_into().unwrap();
        assert_eq!(tooltip.2, "deskbreak");
        assert!(tooltip.3.starts_with("Working: sitting "), "{tooltip:?}");

        // The menu, as a host fetches it before showing it.
        let shown: bool = tray
            .call(&service, &menu_path, MENU, "AboutToShow", &(0i32,))
            .await
            .unwrap()
            .body()
            .deserialize()
            .unwrap();
        let rows = tray.menu(&service, &menu_path).await;
        let headline = label(&rows[0].1);
        assert!(headline.starts_with("Working: sitting "), "{headline}");
        assert!(
            !flag(&rows[0].1, "enabled"),
            "the status line is not clickable"
        );
        assert!(!headline.contains("idle backend"), "{headline}");
        let today = row(&rows, "Today:");
        assert_eq!(
            label(&today.1),
            "Today: no breaks yet",
            "AboutToShow said {shown}"
        );
        assert!(
            !flag(&row(&rows, "Snooze").1, "visible"),
            "nothing due to snooze"
        );
        assert!(!flag(&row(&rows, "Resume").1, "visible"), "nothing paused");
        let id = |label: &str| row(&rows, label).0;
        let (break_now, snooze, half_hour, hour, tomorrow, resume, open, quit) = (
            id("Take a break now"),
            id("Snooze"),
            id("Pause for 30 minutes"),
            id("Pause for 1 hour"),
            id("Pause until tomorrow"),
            id("Resume reminders"),
            id("Open config file"),
            id("Quit deskbreak"),
        );

        // Take a break now: the reminder is shown, the icon and tooltip follow.
        let (icons, tips) = (
            tray.signal_count("NewIcon"),
            tray.signal_count("NewToolTip"),
        );
        tray.click(&service, &menu_path, break_now).await;
        wait_for_phase(&client, "due", TIMEOUT).await;
        notifications.wait_for_notify(1, TIMEOUT).await;
        tray.wait_for_signal("NewIcon", icons, TIMEOUT).await;
        tray.wait_for_signal("NewToolTip", tips, TIMEOUT).await;
        tray.wait_for_signal("NewStatus", 0, TIMEOUT).await;
        tray.wait_for_signal("ItemsPropertiesUpdated", 0, TIMEOUT)
            .await;
        let props = tray.wait_for_icon(&service, "deskbreak-due").await;
        assert_eq!(text(&props, "Status"), "NeedsAttention");
        let tooltip: ToolTip = props["ToolTip"].clone().try_into().unwrap();
        assert!(tooltip.3.starts_with("Break due"), "{tooltip:?}");
        let rows = tray.menu(&service, &menu_path).await;
        assert!(flag(&row(&rows, "Snooze").1, "visible"));
        assert!(flag(&row(&rows, "Start guided break").1, "visible"));
        assert_eq!(
            label(&row(&rows, "Show the break again").1),
            "Show the break again"
        );

        // Snooze.
        tray.click(&service, &menu_path, snooze).await;
        wait_for_phase(&client, "snoozed", TIMEOUT).await;
        let props = tray.wait_for_icon(&service, "deskbreak-snoozed").await;
        assert_eq!(text(&props, "Status"), "Active");

        // Pause for 30 minutes, then Resume (shown only while paused).
        let before = Local::now().timestamp();
        tray.click(&service, &menu_path, half_hour).await;
        wait_for_phase(&client, "paused", TIMEOUT).await;
        let until = paused_until(&client).await;
        assert!((before + 1800..=before + 1805).contains(&until), "{until}");
        tray.wait_for_icon(&service, "deskbreak-paused").await;
        let rows = tray.menu(&service, &menu_path).await;
        assert!(flag(&row(&rows, "Resume").1, "visible"));
        assert!(!flag(&row(&rows, "Take a break now").1, "enabled"));
        // The snoozed break is still there after the pause.
        tray.click(&service, &menu_path, resume).await;
        wait_for_phase(&client, "snoozed", TIMEOUT).await;
        tray.wait_for_icon(&service, "deskbreak-snoozed").await;

        // Pause for 1 hour.
        let before = Local::now().timestamp();
        tray.click(&service, &menu_path, hour).await;
        wait_for_phase(&client, "paused", TIMEOUT).await;
        let until = paused_until(&client).await;
        assert!((before + 3600..=before + 3605).contains(&until), "{until}");
        tray.wait_for_icon(&service, "deskbreak-paused").await;
        tray.click(&service, &menu_path, resume).await;
        wait_for_phase(&client, "snoozed", TIMEOUT).await;

        // Pause until tomorrow: until the next local midnight.
        tray.click(&service, &menu_path, tomorrow).await;
        wait_for_phase(&client, "paused", TIMEOUT).await;
        let until = Local.timestamp_opt(paused_until(&client).await, 0).unwrap();
        assert!(until > Local::now(), "{until}");
        assert_eq!(
            (until.hour(), until.minute(), until.second()),
            (0, 0, 0),
            "{until}"
        );
        assert_eq!(
            until.date_naive(),
            Local::now().date_naive().succ_opt().unwrap(),
            "{until}"
        );
        tray.wait_for_icon(&service, "deskbreak-paused").await;
        // The snoozed break is still there after the pause.
        tray.click(&service, &menu_path, resume).await;
        wait_for_phase(&client, "snoozed", TIMEOUT).await;
        tray.wait_for_icon(&service, "deskbreak-snoozed").await;

        // A left click on the icon takes a break now; done through the CLI, it counts
        // in "Today".
        tray.call(&service, ITEM_PATH, ITEM, "Activate", &(0i32, 0i32))
            .await
            .unwrap();
        wait_for_phase(&client, "due", TIMEOUT).await;
        let done = crate::common::daemon::run_cli(&env, Some(bus.address()), &["done"]).await;
        assert!(done.status.success());
        wait_for_phase(&client, "working", TIMEOUT).await;
        env.wait_for_history(2, TIMEOUT).await;
        let _: bool = tray
            .call(&service, &menu_path, MENU, "AboutToShow", &(0i32,))
            .await
            .unwrap()
            .body()
            .deserialize()
            .unwrap();
        let rows = tray.menu(&service, &menu_path).await;
        assert_eq!(label(&row(&rows, "Today:").1), "Today: 1 break");

        // A click on a label or an unknown row does nothing, and says so for the latter.
        tray.click(&service, &menu_path, rows[0].0).await;
        assert!(
            tray.call(
                &service,
                &menu_path,
                MENU,
                "Event",
                &(999i32, "clicked", zbus::Variant::from(0i32), 0u32)
            )
            .await
            .is_err()
        );
        assert_eq!(phase(&client).await.as_deref(), Some("working"));

        // Open config file: created from the defaults (there was a config; keep it) and
        // handed to the desktop portal as a writable descriptor.
        tray.click(&service, &menu_path, open).await;
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        while portal.opened().is_empty() {
            assert!(
                tokio::time::Instant::now() < deadline,
                "the portal was not asked"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let opened = &portal.opened()[0];
        assert_eq!(opened.path, env.config_path());
        assert!(opened.writable_fd);
        assert!(opened.options.contains(&"writable".to_owned()));
        assert_eq!(std::fs::read_to_string(env.config_path()).unwrap(), QUIET);

        // Quit: the daemon stops cleanly, and the item leaves the bus with it.
        tray.click(&service, &menu_path, quit).await;
        let status = daemon.wait_exit(TIMEOUT).await;
        assert!(status.success(), "{status}");
        assert!(daemon.stderr().contains("deskbreak stopped; state saved"));
        assert!(!owned(&dbus, name.clone()).await);
    })
    .await;
}

#[tokio::test]
async fn the_item_registers_again_when_the_tray_restarts() {
    with_timeout(async {
        let env = TestEnv::new();
        env.write_config(QUIET);
        let bus = PrivateBus::start();
        let _notifications = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        // The tray is there first this time.
        let mut tray = SniHost::start(bus.address()).await;
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        let service = tray.wait_for_registration(1, TIMEOUT).await;
        assert_eq!(service, item_name(&daemon));

        // The desktop shell restarts: the watcher leaves, the item is withdrawn...
        tray.stop_watcher().await;
        daemon.wait_for_stderr("tray icon withdrawn", TIMEOUT).await;
        let dbus = zbus::fdo::DBusProxy::new(tray.host()).await.unwrap();
        let gone = !dbus
            .name_has_owner(service.as_str().try_into().unwrap())
            .await
            .unwrap();
        assert!(gone, "the item's name is released while there is no tray");

        // ...and registered again with the new watcher, serving its properties.
        tray.start_watcher().await;
        let again = tray.wait_for_registration(2, TIMEOUT).await;
        assert_eq!(again, service);
        let props = tray.item_properties(&again).await;
        assert_eq!(text(&props, "IconName"), "deskbreak-working");
        assert!(daemon.terminate().await.success());
    })
    .await;
}

#[tokio::test]
async fn tray_off_hides_the_icon_and_a_reload_applies_it() {
    with_timeout(async {
        let env = TestEnv::new();
        let off = format!("{QUIET}\n[tray]\nenabled = \"off\"\n");
        env.write_config(&off);
        let bus = PrivateBus::start();
        let _notifications = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let tray = SniHost::start(bus.address()).await;
        let daemon = Daemon::spawn(&env, Some(bus.address()), &[]);
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;
        // Give it the time a registration takes when the tray is on (well under 1 s).
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert!(tray.registered().is_empty(), "{:?}", tray.registered());

        // Turned on in the running daemon: it registers.
        env.write_config(QUIET);
        let service = tray.wait_for_registration(1, TIMEOUT).await;
        assert_eq!(service, item_name(&daemon));

        // And off again: it leaves the bus.
        env.write_config(&off);
        daemon
            .wait_for_stderr("tray icon turned off", TIMEOUT)
            .await;
        let dbus = zbus::fdo::DBusProxy::new(tray.host()).await.unwrap();
        assert!(!owned(&dbus, service).await);
        assert!(daemon.terminate().await.success());
    })
    .await;
}
