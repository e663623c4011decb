//! The do-not-disturb and idle-inhibitor detectors (`sources::holds::{dnd, inhibit}`)
//! against real peers on a private bus: the test notification server playing dunst and
//! KDE Plasma, the real `dconf-service` for GNOME, and stand-ins for gnome-session and
//! PowerDevil. Each test reads, starts the watch, changes the peer, and expects a hint and
//! the new reading. The last ones run the daemon: a due break waits while KDE's
//! do-not-disturb is on or a GNOME idle inhibitor is there, and comes once it is gone.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use deskbreak::sources::holds::{
    Apps, Context, Detail, Hold, Reading, Reason, Signal, Switch, dnd, inhibit,
};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv, command, status_json};
use crate::common::dconf::DconfService;
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::session_manager::{
    GNOME_IDLE, GNOME_LOGOUT, GNOME_SUSPEND, GnomeSession, KDE_CHANGE_SCREEN_SETTINGS,
    KDE_INTERRUPT_SESSION, KdePolicyAgent,
};
use crate::common::xfconf::XfconfPeer;
use crate::common::{TIMEOUT, with_timeout};

/// A context on `bus`, its own connection with the daemon's call timeout.
async fn context(bus: &PrivateBus, dconf_user: Option<PathBuf>) -> Context {
    let conn = zbus::connection::Builder::address(bus.address())
        .method_timeout(deskbreak::bus::CALL_TIMEOUT)
        .build()
        .await
        .expect("cannot connect to the private bus");
    Context {
        bus: Some(conn),
        dconf_user,
        ..Context::from_env(None)
    }
}

/// Held by `server` (the name it gives itself) with its do-not-disturb `switch`.
fn dnd_on(server: &str, switch: Switch) -> Reading {
    Reading::Held(Hold::new(Detail::DoNotDisturb {
        server: server.to_owned(),
        switch,
    }))
}

/// Held by one application inhibiting idle, for `why`.
fn inhibited(app: &str, why: &str) -> Reading {
    Reading::Held(Hold::new(Detail::Inhibitors {
        apps: Apps::collect([Some(app.to_owned())]),
        why: Some(why.to_owned()),
    }))
}

fn one(signals: Vec<Signal>) -> Signal {
    assert_eq!(signals.len(), 1, "expected one signal, got {signals:?}");
    signals.into_iter().next().expect("one signal")
}

/// A running watch and its hints.
struct Watch {
    task: JoinHandle<()>,
    hints: mpsc::Receiver<()>,
}

impl Watch {
    /// Start `watch` and wait for its first hint: from then on it follows everything.
    async fn start<F>(watch: impl FnOnce(mpsc::Sender<()>) -> F) -> Watch
    where
        F: Future<Output = ()> + Send + 'static,
    {
        let (tx, hints) = mpsc::channel(1);
        let mut this = Watch {
            task: tokio::spawn(watch(tx)),
            hints,
        };
        this.hint("the watch to be ready").await;
        this
    }

    /// Wait for the next hint.
    async fn hint(&mut self, what: &str) {
        tokio::time::timeout(TIMEOUT, self.hints.recv())
            .await
            .unwrap_or_else(|_| panic!("no hint after {what}"))
            .unwrap_or_else(|| panic!("the watch ended before {what}"));
    }

    /// No hint comes within a short while.
    async fn quiet(&mut self, what: &str) {
        if let Ok(Some(())) =
            tokio::time::timeout(Duration::from_millis(700), self.hints.recv()).await
        {
            panic!("a hint after {what}");
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[tokio::test]
async fn dunst_paused_holds_and_resumed_clears() {
    with_timeout(async {
        let bus = PrivateBus::start();
        let dunst = NotifyServer::start(bus.address(), ServerOptions::dunst()).await;
        let ctx = context(&bus, None).await;

        let signal = one(dnd::read(&ctx).await);
        assert_eq!(signal.name, "dunst do-not-disturb");
        assert_eq!(signal.reason, Reason::DoNotDisturb);
        assert_eq!(signal.reading, Reading::Clear);

        let watch_ctx = ctx.clone();
        let mut watch = Watch::start(|tx| dnd::watch(watch_ctx, tx)).await;
        dunst.set_paused(true).await;
        watch.hint("dunstctl set-paused true").await;
        assert_eq!(
            one(dnd::read(&ctx).await).reading,
            dnd_on("dunst", Switch::Paused)
        );
        dunst.set_paused(false).await;
        watch.hint("dunstctl set-paused false").await;
        assert_eq!(one(dnd::read(&ctx).await).reading, Reading::Clear);
    })
    .await;
}

#[tokio::test]
async fn a_dunst_restarted_paused_is_followed() {
    with_timeout(async {
        let bus = PrivateBus::start();
        let dunst = NotifyServer::start(bus.address(), ServerOptions::dunst()).await;
        let ctx = context(&bus, None).await;
        let watch_ctx = ctx.clone();
        let mut watch = Watch::start(|tx| dnd::watch(watch_ctx, tx)).await;

        dunst.stop().await;
        watch.hint("dunst exited").await;
        let gone = one(dnd::read(&ctx).await);
        assert_eq!(
            gone.reading,
            Reading::Unreadable("no notification server is running".into())
        );

        let dunst = NotifyServer::start(bus.address(), ServerOptions::dunst()).await;
        watch.hint("dunst came back").await;
        // The new dunst is followed, not only the old one.
        dunst.set_paused(true).await;
        loop {
            watch.hint("the new dunst paused").await;
            if one(dnd::read(&ctx).await).reading == dnd_on("dunst", Switch::Paused) {
                break;
            }
        }
    })
    .await;
}

#[tokio::test]
async fn plasma_inhibited_holds_and_cleared_clears() {
    with_timeout(async {
        let bus = PrivateBus::start();
        let plasma = NotifyServer::start(bus.address(), ServerOptions::plasma()).await;
        let ctx = context(&bus, None).await;

        let signal = one(dnd::read(&ctx).await);
        assert_eq!(signal.name, "KDE do-not-disturb");
        assert_eq!(signal.reading, Reading::Clear);

        let watch_ctx = ctx.clone();
        let mut watch = Watch::start(|tx| dnd::watch(watch_ctx, tx)).await;
        plasma.set_inhibited(true).await;
        watch.hint("Plasma's do-not-disturb on").await;
        assert_eq!(
            one(dnd::read(&ctx).await).reading,
            dnd_on("Plasma", Switch::On)
        );
        plasma.set_inhibited(false).await;
        watch.hint("Plasma's do-not-disturb off").await;
        assert_eq!(one(dnd::read(&ctx).await).reading, Reading::Clear);
    })
    .await;
}

#[tokio::test]
async fn a_mako_do_not_disturb_mode_holds_and_is_followed_from_1_10() {
    with_timeout(async {
        let bus = PrivateBus::start();
        let mako = NotifyServer::start(bus.address(), ServerOptions::mako()).await;
        let ctx = context(&bus, None).await;
        let signal = one(dnd::read(&ctx).await);
        assert_eq!(signal.name, "mako do-not-disturb");
        assert_eq!(signal.reading, Reading::Clear);

        let watch_ctx = ctx.clone();
        let mut watch = Watch::start(|tx| dnd::watch(watch_ctx, tx)).await;
        // Another mode is not do-not-disturb.
        mako.set_mako_modes(&["default", "away"]).await;
        watch.hint("makoctl mode -s away").await;
        assert_eq!(one(dnd::read(&ctx).await).reading, Reading::Clear);
        mako.set_mako_modes(&["default", "do-not-disturb"]).await;
        watch.hint("makoctl mode -a do-not-disturb").await;
        assert_eq!(
            one(dnd::read(&ctx).await).reading,
            dnd_on("mako", Switch::Mode)
        );
        mako.set_mako_modes(&["default"]).await;
        watch.hint("makoctl mode -r do-not-disturb").await;
        assert_eq!(one(dnd::read(&ctx).await).reading, Reading::Clear);
    })
    .await;
}

#[tokio::test]
async fn a_mako_before_1_10_is_read_through_list_modes() {
    with_timeout(async {
        let bus = PrivateBus::start();
        let mako = NotifyServer::start(bus.address(), ServerOptions::mako_1_9()).await;
        let ctx = context(&bus, None).await;
        assert_eq!(one(dnd::read(&ctx).await).reading, Reading::Clear);
        // No signal before 1.10: the engine's re-check reads it.
        mako.set_mako_modes(&["do-not-disturb"]).await;
        assert_eq!(
            one(dnd::read(&ctx).await).reading,
            dnd_on("mako", Switch::Mode)
        );
    })
    .await;
}

#[tokio::test]
async fn swaync_do_not_disturb_holds_and_is_followed() {
    with_timeout(async {
        let bus = PrivateBus::start();
        let swaync = NotifyServer::start(bus.address(), ServerOptions::swaync()).await;
        let ctx = context(&bus, None).await;
        let signal = one(dnd::read(&ctx).await);
        assert_eq!(signal.name, "swaync do-not-disturb");
        assert_eq!(signal.reading, Reading::Clear);

        let watch_ctx = ctx.clone();
        let mut watch = Watch::start(|tx| dnd::watch(watch_ctx, tx)).await;
        swaync.set_swaync_dnd(true).await;
        watch.hint("swaync-client --dnd-on").await;
        assert_eq!(
            one(dnd::read(&ctx).await).reading,
            dnd_on("SwayNotificationCenter", Switch::On)
        );
        swaync.set_swaync_dnd(false).await;
        watch.hint("swaync-client --dnd-off").await;
        assert_eq!(one(dnd::read(&ctx).await).reading, Reading::Clear);
    })
    .await;
}

#[tokio::test]
async fn xfce_do_not_disturb_through_xfconf_holds_and_is_followed() {
    with_timeout(async {
        let bus = PrivateBus::start();
        let options = ServerOptions {
            name: "Xfce Notify Daemon".into(),
            vendor: "Xfce".into(),
            ..ServerOptions::default()
        };
        let _notifyd = NotifyServer::start(bus.address(), options).await;
        let ctx = context(&bus, None).await;
        // xfconfd not running: said so.
        assert_eq!(
            one(dnd::read(&ctx).await).reading,
            Reading::Unreadable(
                "xfconfd is not running, so xfce4-notifyd's do-not-disturb cannot be read".into()
            )
        );
        let xfconf = XfconfPeer::start(bus.address()).await;
        // Never set: off.
        let signal = one(dnd::read(&ctx).await);
        assert_eq!(signal.name, "Xfce do-not-disturb");
        assert_eq!(signal.reading, Reading::Clear);

        let watch_ctx = ctx.clone();
        let mut watch = Watch::start(|tx| dnd::watch(watch_ctx, tx)).await;
        xfconf
            .set_bool("xfce4-panel", "/do-not-disturb", true)
            .await;
        watch.quiet("another channel changed").await;
        xfconf
            .set_bool("xfce4-notifyd", "/do-not-disturb", true)
            .await;
        watch.hint("do-not-disturb on").await;
        assert_eq!(
            one(dnd::read(&ctx).await).reading,
            dnd_on("Xfce Notify Daemon", Switch::On)
        );
        xfconf
            .set_bool("xfce4-notifyd", "/do-not-disturb", false)
            .await;
        watch.hint("do-not-disturb off").await;
        assert_eq!(one(dnd::read(&ctx).await).reading, Reading::Clear);
    })
    .await;
}

#[tokio::test]
async fn a_server_without_a_switch_or_no_server_is_unreadable_with_the_reason() {
    with_timeout(async {
        let bus = PrivateBus::start();
        let ctx = context(&bus, None).await;
        assert_eq!(
            one(dnd::read(&ctx).await).reading,
            Reading::Unreadable("no notification server is running".into())
        );

        let options = ServerOptions {
            name: "notification-daemon".into(),
            ..ServerOptions::default()
        };
        let _server = NotifyServer::start(bus.address(), options).await;
        let signal = one(dnd::read(&ctx).await);
        assert_eq!(signal.name, "do-not-disturb");
        assert_eq!(
            signal.reading,
            Reading::Unreadable(
                "the notification server notification-daemon has no do-not-disturb setting \
                 deskbreak can read"
                    .into()
            )
        );

        // A server that says it is dunst but has no dunst interface: an old dunst.
        let bus = PrivateBus::start();
        let options = ServerOptions {
            name: "dunst".into(),
            ..ServerOptions::default()
        };
        let _server = NotifyServer::start(bus.address(), options).await;
        let ctx = context(&bus, None).await;
        let Reading::Unreadable(why) = one(dnd::read(&ctx).await).reading else {
            panic!("an old dunst's pause was read");
        };
        assert!(
            why.starts_with("dunst does not say whether it is paused"),
            "{why}"
        );
    })
    .await;
}

#[tokio::test]
async fn gnome_show_banners_off_through_dconf_holds_and_on_clears() {
    with_timeout(async {
        let bus = PrivateBus::start();
        let home = tempfile::tempdir().expect("no temporary folder");
        let config_home = home.path().join("config");
        let runtime = home.path().join("runtime");
        std::fs::create_dir_all(&runtime).expect("cannot make the runtime folder");
        let _shell = NotifyServer::start(
            bus.address(),
            ServerOptions {
                name: "gnome-shell".into(),
                vendor: "GNOME".into(),
                ..ServerOptions::default()
            },
        )
        .await;
        let dconf = DconfService::start(bus.address(), &config_home, &runtime).await;
        let ctx = context(&bus, Some(dconf.database())).await;

        // No database yet: every key has its default.
        let signal = one(dnd::read(&ctx).await);
        assert_eq!(signal.name, "GNOME do-not-disturb");
        assert_eq!(signal.reading, Reading::Clear);

        let watch_ctx = ctx.clone();
        let mut watch = Watch::start(|tx| dnd::watch(watch_ctx, tx)).await;
        dconf
            .write("/org/gnome/desktop/interface/color-scheme", "'prefer-dark'")
            .await;
        watch.quiet("another key changed").await;
        assert_eq!(one(dnd::read(&ctx).await).reading, Reading::Clear);

        let show_banners = "/org/gnome/desktop/notifications/show-banners";
        dconf.write(show_banners, "false").await;
        watch.hint("show-banners set to false").await;
        assert_eq!(
            one(dnd::read(&ctx).await).reading,
            dnd_on("gnome-shell", Switch::On)
        );
        dconf.write(show_banners, "true").await;
        watch.hint("show-banners set to true").await;
        assert_eq!(one(dnd::read(&ctx).await).reading, Reading::Clear);

        // A damaged database is unreadable, with the file named.
        dconf.write(show_banners, "false").await;
        watch.hint("show-banners set to false again").await;
        std::fs::write(dconf.database(), b"not a database").expect("cannot damage the file");
        let Reading::Unreadable(why) = one(dnd::read(&ctx).await).reading else {
            panic!("a damaged database was read");
        };
        assert!(
            why.contains("dconf/user") && why.contains("not a dconf database"),
            "{why}"
        );
        dconf.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_gnome_idle_inhibitor_holds_with_its_name_and_its_removal_clears() {
    with_timeout(async {
        let bus = PrivateBus::start();
        let session = GnomeSession::start(bus.address()).await;
        let ctx = context(&bus, None).await;

        let signal = one(inhibit::read(&ctx).await);
        assert_eq!(signal.name, "GNOME idle inhibitors");
        assert_eq!(signal.reason, Reason::Inhibitor);
        assert_eq!(signal.reading, Reading::Clear);

        let watch_ctx = ctx.clone();
        let mut watch = Watch::start(|tx| inhibit::watch(watch_ctx, tx)).await;
        // Inhibiting logout or suspend is not inhibiting idle.
        let download = session
            .inhibit(
                "org.gnome.Nautilus",
                "Copying files",
                GNOME_LOGOUT | GNOME_SUSPEND,
            )
            .await;
        watch.hint("a logout inhibitor").await;
        assert_eq!(one(inhibit::read(&ctx).await).reading, Reading::Clear);

        let call = session
            .inhibit("zoom", "In a meeting", GNOME_IDLE | GNOME_SUSPEND)
            .await;
        watch.hint("an idle inhibitor").await;
        assert_eq!(
            one(inhibit::read(&ctx).await).reading,
            inhibited("zoom", "In a meeting")
        );
        session.uninhibit(call).await;
        watch.hint("the idle inhibitor removed").await;
        assert_eq!(one(inhibit::read(&ctx).await).reading, Reading::Clear);
        session.uninhibit(download).await;
        watch.hint("the logout inhibitor removed").await;
        session.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_kde_idle_inhibition_holds_with_its_name_and_its_release_clears() {
    with_timeout(async {
        let bus = PrivateBus::start();
        let agent = KdePolicyAgent::start(bus.address()).await;
        let ctx = context(&bus, None).await;

        let signal = one(inhibit::read(&ctx).await);
        assert_eq!(signal.name, "KDE idle inhibitors");
        assert_eq!(signal.reading, Reading::Clear);

        let watch_ctx = ctx.clone();
        let mut watch = Watch::start(|tx| inhibit::watch(watch_ctx, tx)).await;
        // Keeping the machine awake is not keeping the screen on.
        let download = agent
            .inhibit(KDE_INTERRUPT_SESSION, "ktorrent", "Downloading")
            .await;
        watch.hint("a sleep inhibition").await;
        assert_eq!(one(inhibit::read(&ctx).await).reading, Reading::Clear);

        let film = agent
            .inhibit(KDE_CHANGE_SCREEN_SETTINGS, "vlc", "Playing a film")
            .await;
        watch.hint("an idle inhibition").await;
        assert_eq!(
            one(inhibit::read(&ctx).await).reading,
            inhibited("vlc", "Playing a film")
        );
        agent.release(film).await;
        watch.hint("the idle inhibition released").await;
        assert_eq!(one(inhibit::read(&ctx).await).reading, Reading::Clear);
        agent.release(download).await;
        agent.stop().await;
    })
    .await;
}

#[tokio::test]
async fn without_a_session_manager_inhibitors_are_unreadable_and_not_followed() {
    with_timeout(async {
        let bus = PrivateBus::start();
        let ctx = context(&bus, None).await;
        assert_eq!(
            one(inhibit::read(&ctx).await).reading,
            Reading::Unreadable(
                "no session manager that lists idle inhibitors (GNOME's or KDE's) is running"
                    .into()
            )
        );
        // Nothing to follow: the watch ends at once, without a hint.
        let (tx, mut hints) = mpsc::channel(1);
        tokio::time::timeout(TIMEOUT, inhibit::watch(ctx, tx))
            .await
            .expect("the watch did not end");
        assert!(hints.try_recv().is_err());
    })
    .await;
}

/// A break every 2 s of sitting, no idle backend (all waking time is sitting), do-not-
/// disturb and inhibitors respected (`fullscreen` covers inhibitors; no display here, so no
/// fullscreen window can hold), meetings not (nothing on this machine may hold the break).
const FAST: &str = r#"
[breaks]
interval = "2s"
snooze = "2s"
renotify = "0s"
[activity]
backend = "none"
[respect]
do_not_disturb = true
fullscreen = true
meetings = false
"#;

/// Start the daemon on `bus` with [`FAST`], wait until its due break waits, check that it
/// waits for `reason` because of `detail` (`waiting_for[0]` of `status --json`) and shows
/// nothing; then `release` and expect
/// the reminder soon (through the watch's hint, not the minute's re-check), and the
/// record to say what it waited for.
async fn defers_until_released<F: Future<Output = ()>>(
    bus: &PrivateBus,
    server: &NotifyServer,
    reason: &str,
    detail: serde_json::Value,
    release: impl FnOnce() -> F,
) {
    let env = TestEnv::new();
    env.write_config(FAST);
    let mut cmd = command(&env, Some(bus.address()));
    cmd.arg("run");
    let daemon = Daemon::spawn_command(cmd);
    daemon
        .wait_for_stderr("deskbreak is running", TIMEOUT)
        .await;

    let deadline = Instant::now() + TIMEOUT;
    let waiting = loop {
        let now = status_json(&env, bus.address()).await;
        if now["phase"] == "waiting" {
            break now;
        }
        assert!(
            Instant::now() < deadline,
            "the break never waited: {now}\ndaemon stderr:\n{}",
            daemon.stderr()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(waiting["waiting_for"][0]["reason"], reason, "{waiting}");
    assert_eq!(waiting["waiting_for"][0], detail, "{waiting}");
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(
        server.notifications().is_empty(),
        "a reminder was shown while {detail}: {:?}",
        server.notifications()
    );

    let released = Instant::now();
    release().await;
    let shown = server.wait_for_notify(1, Duration::from_secs(10)).await;
    eprintln!(
        "the reminder came {:?} after the release",
        released.elapsed()
    );
    server.click(shown.id, "done").await;
    let lines = env.wait_for_history(1, TIMEOUT).await;
    assert_eq!(lines[0]["outcome"], "done", "{lines:?}");
    assert_eq!(
        lines[0]["waited_for"],
        serde_json::json!([reason]),
        "{lines:?}"
    );
    assert!(daemon.terminate().await.success());
}

#[tokio::test]
async fn plasma_do_not_disturb_defers_a_due_break_until_it_is_turned_off() {
    with_timeout(async {
        let bus = PrivateBus::start();
        let plasma = NotifyServer::start(bus.address(), ServerOptions::plasma()).await;
        plasma.set_inhibited(true).await;
        defers_until_released(
            &bus,
            &plasma,
            "do_not_disturb",
            serde_json::json!({"reason": "do_not_disturb", "kind": "on", "server": "Plasma"}),
            || plasma.set_inhibited(false),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_gnome_idle_inhibitor_defers_a_due_break_until_it_is_removed() {
    with_timeout(async {
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let session = GnomeSession::start(bus.address()).await;
        let call = session.inhibit("zoom", "In a meeting", GNOME_IDLE).await;
        defers_until_released(
            &bus,
            &server,
            "inhibitor",
            serde_json::json!({
                "reason": "inhibitor", "kind": "idle", "apps": ["zoom"], "others": 0,
                "why": "In a meeting",
            }),
            || session.uninhibit(call),
        )
        .await;
    })
    .await;
}
