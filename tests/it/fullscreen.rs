//! The fullscreen detector against real display servers: Xvfb, with the test playing the
//! window manager's part through the EWMH properties (`tests/common/ewmh.rs`), and the
//! test Wayland compositor listing toplevels through `zwlr_foreign_toplevel_manager_v1`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use tokio::sync::mpsc;
use tokio::time::timeout;

use crate::common::TIMEOUT;
use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv, command, run_cli, status_json, text};
use crate::common::ewmh::Ewmh;
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::wayland_compositor::{Toplevel, WaylandCompositor};
use crate::common::with_timeout;
use crate::common::xvfb::{Xvfb, unused_display};
use deskbreak::sources::holds::{
    self, CHECK_TIMEOUT, Context, Detail, Hold, Reading, Reason, Respect, Signal, fullscreen,
};

/// How long a hint may take after the property changed.
const HINT_WITHIN: Duration = Duration::from_secs(3);
/// How long to wait to be sure that no hint comes.
const QUIET_FOR: Duration = Duration::from_millis(400);

/// A context with only `display` (an X11 session), on the real `/proc`.
fn x11_context(display: &str) -> Context {
    Context {
        bus: None,
        x11_display: Some(display.to_owned()),
        wayland_display: None,
        proc_root: PathBuf::from("/proc"),
        dev_root: PathBuf::from("/dev"),
        sys_root: PathBuf::from("/sys"),
        dconf_user: None,
    }
}

/// The one signal the detector reads in a plain X11 session.
async fn read_x11(display: &str) -> Reading {
    let signals = fullscreen::read(&x11_context(display)).await;
    match signals.as_slice() {
        [
            Signal {
                name: "X11 fullscreen window",
                reason: Reason::Fullscreen,
                reading,
            },
        ] => reading.clone(),
        other => panic!("expected one X11 fullscreen signal, got {other:?}"),
    }
}

/// Held by a fullscreen window of `app` (`None`: one that gives no name).
fn held(app: Option<&str>) -> Reading {
    Reading::Held(Hold::new(Detail::Fullscreen {
        app: app.map(str::to_owned),
    }))
}

#[tokio::test]
async fn a_focused_fullscreen_x_window_is_held_and_unfullscreening_releases_it() {
    with_timeout(async {
        let xvfb = Xvfb::start();
        let wm = Ewmh::connect(xvfb.display());
        let player = wm.window("mpv");
        let editor = wm.window("gedit");
        wm.activate(Some(player));
        assert_eq!(read_x11(xvfb.display()).await, Reading::Clear);

        wm.set_fullscreen(player, true);
        assert_eq!(read_x11(xvfb.display()).await, held(Some("mpv")));

        // Fullscreen but not focused (the user switched away from the film): clear.
        wm.activate(Some(editor));
        assert_eq!(read_x11(xvfb.display()).await, Reading::Clear);
        wm.activate(None);
        assert_eq!(read_x11(xvfb.display()).await, Reading::Clear);

        wm.activate(Some(player));
        assert_eq!(read_x11(xvfb.display()).await, held(Some("mpv")));
        wm.set_fullscreen(player, false);
        assert_eq!(read_x11(xvfb.display()).await, Reading::Clear);

        // Without WM_CLASS the title names it; without either it is "a window".
        let untitled = wm.window("");
        wm.set_fullscreen(untitled, true);
        wm.activate(Some(untitled));
        assert_eq!(read_x11(xvfb.display()).await, held(None));
        wm.set_title(untitled, "Slides – Quarterly review");
        assert_eq!(
            read_x11(xvfb.display()).await,
            held(Some("Slides – Quarterly review"))
        );

        // A focused window that is gone (the window manager has not caught up yet).
        wm.destroy(untitled);
        assert_eq!(read_x11(xvfb.display()).await, Reading::Clear);
    })
    .await;
}

#[tokio::test]
async fn read_all_reads_the_fullscreen_state_only_when_respected() {
    with_timeout(async {
        let xvfb = Xvfb::start();
        let wm = Ewmh::connect(xvfb.display());
        let player = wm.window("mpv");
        wm.set_fullscreen(player, true);
        wm.activate(Some(player));
        let ctx = x11_context(xvfb.display());

        let respect = Respect {
            do_not_disturb: false,
            meetings: false,
            ..Respect::default()
        };
        let signals = holds::read_all(&ctx, &respect).await;
        assert_eq!(
            holds::holds(&signals, &respect),
            vec![Hold::new(Detail::Fullscreen {
                app: Some("mpv".into())
            })]
        );

        let ignore = Respect {
            fullscreen: false,
            ..respect
        };
        let signals = holds::read_all(&ctx, &ignore).await;
        assert!(
            signals.iter().all(|s| s.reason != Reason::Fullscreen),
            "respect.fullscreen = false must not even read it: {signals:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn without_an_ewmh_window_manager_the_x_focus_is_unreadable() {
    with_timeout(async {
        // A bare server: nobody sets _NET_ACTIVE_WINDOW.
        let xvfb = Xvfb::start();
        match read_x11(xvfb.display()).await {
            Reading::Unreadable(why) => assert!(
                why.contains("_NET_ACTIVE_WINDOW") && why.contains(xvfb.display()),
                "the reason should say what is missing, and where: {why}"
            ),
            other => panic!("expected Unreadable, got {other:?}"),
        }
    })
    .await;
}

#[tokio::test]
async fn a_frozen_or_vanished_x_server_costs_an_unreadable_reading_in_bounded_time() {
    with_timeout(async {
        let mut xvfb = Xvfb::start();
        let wm = Ewmh::connect(xvfb.display());
        let player = wm.window("mpv");
        wm.set_fullscreen(player, true);
        wm.activate(Some(player));

        xvfb.freeze();
        let asked = Instant::now();
        let reading = read_x11(xvfb.display()).await;
        let took = asked.elapsed();
        xvfb.thaw();
        match reading {
            Reading::Unreadable(why) => assert!(
                why.contains("did not answer"),
                "a frozen server is named as such: {why}"
            ),
            other => panic!("a frozen server cannot be read, got {other:?}"),
        }
        assert!(
            took < CHECK_TIMEOUT,
            "the reading took {took:?}, longer than a whole check may ({CHECK_TIMEOUT:?})"
        );
        eprintln!("a frozen X server was given up on after {took:?}");
        // Thawed, it answers again.
        assert_eq!(read_x11(xvfb.display()).await, held(Some("mpv")));

        let display = xvfb.display().to_owned();
        xvfb.stop();
        match read_x11(&display).await {
            Reading::Unreadable(why) => assert!(
                why.contains("cannot connect") && why.contains(&display),
                "a vanished server: {why}"
            ),
            other => panic!("a vanished server cannot be read, got {other:?}"),
        }
        match read_x11(&unused_display()).await {
            Reading::Unreadable(why) => assert!(why.contains("cannot connect"), "{why}"),
            other => panic!("no server at all cannot be read, got {other:?}"),
        }
    })
    .await;
}

/// Waits for one hint.
async fn expect_hint(hints: &mut mpsc::Receiver<()>, after: &str) {
    match timeout(HINT_WITHIN, hints.recv()).await {
        Ok(Some(())) => {}
        Ok(None) => panic!("the watch ended instead of hinting after {after}"),
        Err(_) => panic!("no hint within {HINT_WITHIN:?} after {after}"),
    }
}

/// Checks that no hint comes for a while.
async fn expect_quiet(hints: &mut mpsc::Receiver<()>, after: &str) {
    if let Ok(hint) = timeout(QUIET_FOR, hints.recv()).await {
        panic!("expected no hint after {after}, got {hint:?}");
    }
}

/// How many threads of this process carry `name` (as the kernel shortens it).
fn threads_named(name: &str) -> usize {
    std::fs::read_dir("/proc/self/task")
        .expect("cannot list this process's threads")
        .filter_map(Result::ok)
        .filter_map(|task| std::fs::read_to_string(task.path().join("comm")).ok())
        .filter(|comm| comm.trim_end() == name)
        .count()
}

#[tokio::test]
async fn the_x_watch_hints_when_the_focused_window_goes_fullscreen_or_back() {
    with_timeout(async {
        let xvfb = Xvfb::start();
        let wm = Ewmh::connect(xvfb.display());
        let player = wm.window("mpv");
        let editor = wm.window("gedit");
        wm.activate(Some(editor));
        let (hint, mut hints) = mpsc::channel(4);
        let watch = tokio::spawn(fullscreen::watch(x11_context(xvfb.display()), hint));
        // Let the watch select its events before anything changes.
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(threads_named("deskbreak-fs-xw"), 1, "one thread follows X");

        // Changes that do not make the focused window fullscreen wake no check.
        wm.set_title(editor, "notes.txt");
        wm.set_fullscreen(player, true);
        expect_quiet(
            &mut hints,
            "a title change and a fullscreen window in the back",
        )
        .await;

        wm.activate(Some(player));
        expect_hint(&mut hints, "focusing a fullscreen window").await;
        wm.set_title(player, "film.mkv");
        expect_quiet(&mut hints, "a title change").await;
        wm.set_fullscreen(player, false);
        expect_hint(&mut hints, "leaving fullscreen").await;
        wm.set_fullscreen(player, true);
        expect_hint(&mut hints, "going fullscreen again").await;
        wm.activate(Some(editor));
        expect_hint(&mut hints, "focusing another window").await;
        // The watch follows the newly focused window.
        wm.set_fullscreen(editor, true);
        expect_hint(&mut hints, "the focused editor going fullscreen").await;

        // Dropped while the server is frozen, the watch still ends its thread.
        xvfb.freeze();
        watch.abort();
        let _ = watch.await;
        let deadline = Instant::now() + Duration::from_secs(3);
        while threads_named("deskbreak-fs-xw") > 0 {
            assert!(
                Instant::now() < deadline,
                "the watch's thread did not end after the watch was dropped"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        xvfb.thaw();
    })
    .await;
}

/// A temporary directory standing in for `XDG_RUNTIME_DIR` (or `/proc`).
fn temp_dir(prefix: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(prefix)
        .tempdir()
        .expect("cannot create a temporary directory")
}

/// A Wayland session's context: the compositor's socket, an X display that must not be
/// asked unless the test says so, and `proc_root` for the Xwayland check.
fn wayland_context(
    compositor: &WaylandCompositor,
    x11: &str,
    proc_root: &std::path::Path,
) -> Context {
    Context {
        bus: None,
        x11_display: Some(x11.to_owned()),
        wayland_display: Some(compositor.socket_path().display().to_string()),
        proc_root: proc_root.to_owned(),
        dev_root: PathBuf::from("/dev"),
        sys_root: PathBuf::from("/sys"),
        dconf_user: None,
    }
}

/// A folder shaped like `/proc` with one process of ours, named `comm`.
fn proc_with(comm: &str) -> tempfile::TempDir {
    let root = temp_dir("deskbreak-proc-");
    let process = root.path().join("4242");
    std::fs::create_dir(&process).expect("cannot create the fake process");
    std::fs::write(process.join("comm"), format!("{comm}\n")).expect("cannot write comm");
    std::fs::create_dir(root.path().join("self")).expect("cannot create self");
    root
}

fn toplevel(id: u32, app_id: &str, activated: bool, fullscreen: bool) -> Toplevel {
    Toplevel {
        id,
        app_id: app_id.to_owned(),
        activated,
        fullscreen,
    }
}

/// The signals of one read, by name.
async fn read_named(ctx: &Context) -> Vec<(&'static str, Reading)> {
    fullscreen::read(ctx)
        .await
        .into_iter()
        .map(|s| {
            assert_eq!(s.reason, Reason::Fullscreen);
            (s.name, s.reading)
        })
        .collect()
}

const WAYLAND: &str = "Wayland fullscreen window";
const XWAYLAND: &str = "XWayland fullscreen window";

#[tokio::test]
async fn a_focused_fullscreen_wayland_toplevel_is_held_and_unfullscreening_releases_it() {
    with_timeout(async {
        let dir = temp_dir("deskbreak-wayland-");
        let compositor = WaylandCompositor::start_with_toplevels(dir.path(), 3);
        // An X display nobody serves: the compositor's list covers XWayland windows, so
        // asking X would only add an unreadable signal.
        let proc_root = proc_with("Xwayland");
        let ctx = wayland_context(&compositor, &unused_display(), proc_root.path());

        compositor.set_toplevel(toplevel(1, "foot", true, false));
        compositor.set_toplevel(toplevel(2, "mpv", false, true));
        assert_eq!(read_named(&ctx).await, vec![(WAYLAND, Reading::Clear)]);

        // The film gets the focus.
        compositor.set_toplevel(toplevel(1, "foot", false, false));
        compositor.set_toplevel(toplevel(2, "mpv", true, true));
        assert_eq!(read_named(&ctx).await, vec![(WAYLAND, held(Some("mpv")))]);

        compositor.set_toplevel(toplevel(2, "mpv", true, false));
        assert_eq!(read_named(&ctx).await, vec![(WAYLAND, Reading::Clear)]);

        compositor.set_toplevel(toplevel(2, "mpv", true, true));
        assert_eq!(read_named(&ctx).await, vec![(WAYLAND, held(Some("mpv")))]);
        compositor.close_toplevel(2);
        assert_eq!(read_named(&ctx).await, vec![(WAYLAND, Reading::Clear)]);

        // Each read disconnects again.
        compositor.wait_for_managers(0, TIMEOUT).await;
    })
    .await;
}

#[tokio::test]
async fn without_a_toplevel_manager_inhibitors_are_the_signal_and_xwayland_is_asked_only_if_it_runs()
 {
    with_timeout(async {
        let dir = temp_dir("deskbreak-wayland-");
        // Like GNOME's or KDE's: no zwlr_foreign_toplevel_manager_v1.
        let compositor = WaylandCompositor::start_without_idle_notify(dir.path());
        let no_xwayland = proc_with("gnome-shell");
        let ctx = wayland_context(&compositor, &unused_display(), no_xwayland.path());
        let signals = read_named(&ctx).await;
        match signals.as_slice() {
            [
                (WAYLAND, Reading::Unreadable(why)),
                (XWAYLAND, Reading::Clear),
            ] => assert!(
                why.contains("zwlr_foreign_toplevel_manager_v1")
                    && why.contains("inhibitors are the signal"),
                "doctor must say why and what counts instead: {why}"
            ),
            other => panic!("expected an unreadable Wayland signal and no X asked, got {other:?}"),
        }

        // An Xwayland of ours runs: its X windows are read.
        let xvfb = Xvfb::start();
        let wm = Ewmh::connect(xvfb.display());
        let game = wm.window("supertuxkart");
        wm.set_fullscreen(game, true);
        wm.activate(Some(game));
        let xwayland = proc_with("Xwayland");
        let ctx = wayland_context(&compositor, xvfb.display(), xwayland.path());
        let signals = read_named(&ctx).await;
        assert!(
            matches!(
                signals.as_slice(),
                [(WAYLAND, Reading::Unreadable(_)), (XWAYLAND, _)]
            ),
            "{signals:?}"
        );
        assert_eq!(signals[1].1, held(Some("supertuxkart")));

        // A version 1 manager has no fullscreen state.
        let old_dir = temp_dir("deskbreak-wayland-");
        let old = WaylandCompositor::start_with_toplevels(old_dir.path(), 1);
        let ctx = wayland_context(&old, &unused_display(), no_xwayland.path());
        match read_named(&ctx).await.as_slice() {
            [
                (WAYLAND, Reading::Unreadable(why)),
                (XWAYLAND, Reading::Clear),
            ] => {
                assert!(why.contains("version 1"), "{why}");
            }
            other => panic!("expected an unreadable Wayland signal, got {other:?}"),
        }
    })
    .await;
}

#[tokio::test]
async fn a_wayland_compositor_that_never_answers_costs_an_unreadable_reading_in_bounded_time() {
    with_timeout(async {
        let dir = temp_dir("deskbreak-wayland-");
        // Accepts connections (the kernel does, into the backlog) and never answers.
        let path = dir.path().join("wayland-wedged");
        let _listener = std::os::unix::net::UnixListener::bind(&path).expect("cannot bind");
        let proc_root = proc_with("sway");
        let ctx = Context {
            bus: None,
            x11_display: None,
            wayland_display: Some(path.display().to_string()),
            proc_root: proc_root.path().to_owned(),
            dev_root: PathBuf::from("/dev"),
            sys_root: PathBuf::from("/sys"),
            dconf_user: None,
        };
        let asked = Instant::now();
        let signals = read_named(&ctx).await;
        let took = asked.elapsed();
        match signals.as_slice() {
            [(WAYLAND, Reading::Unreadable(why))] => {
                assert!(why.contains("did not answer"), "{why}");
            }
            other => panic!("expected an unreadable Wayland signal, got {other:?}"),
        }
        assert!(took < CHECK_TIMEOUT, "the reading took {took:?}");

        // Nobody at the socket at all.
        drop(_listener);
        std::fs::remove_file(&path).expect("cannot remove the socket");
        match read_named(&ctx).await.as_slice() {
            [(WAYLAND, Reading::Unreadable(why))] => {
                assert!(
                    why.contains("cannot connect") && why.contains("wayland-wedged"),
                    "{why}"
                );
            }
            other => panic!("expected an unreadable Wayland signal, got {other:?}"),
        }
    })
    .await;
}

#[tokio::test]
async fn the_wayland_watch_hints_when_the_focused_toplevel_goes_fullscreen_or_back() {
    with_timeout(async {
        let dir = temp_dir("deskbreak-wayland-");
        let compositor = WaylandCompositor::start_with_toplevels(dir.path(), 3);
        let proc_root = proc_with("Xwayland");
        let ctx = wayland_context(&compositor, &unused_display(), proc_root.path());
        compositor.set_toplevel(toplevel(1, "foot", true, false));
        let (hint, mut hints) = mpsc::channel(4);
        let watch = tokio::spawn(fullscreen::watch(ctx, hint));
        compositor.wait_for_managers(1, TIMEOUT).await;

        // A fullscreen window in the back, a new window: nothing the check would see.
        compositor.set_toplevel(toplevel(2, "mpv", false, true));
        compositor.set_toplevel(toplevel(3, "firefox", false, false));
        expect_quiet(&mut hints, "a fullscreen window in the back").await;

        compositor.set_toplevel(toplevel(1, "foot", false, false));
        compositor.set_toplevel(toplevel(2, "mpv", true, true));
        expect_hint(&mut hints, "focusing a fullscreen toplevel").await;
        compositor.set_toplevel(toplevel(2, "mpv", true, false));
        expect_hint(&mut hints, "leaving fullscreen").await;
        compositor.set_toplevel(toplevel(2, "mpv", true, true));
        expect_hint(&mut hints, "going fullscreen again").await;
        compositor.close_toplevel(2);
        expect_hint(&mut hints, "closing the fullscreen toplevel").await;

        // Dropped, the watch disconnects.
        watch.abort();
        let _ = watch.await;
        compositor.wait_for_managers(0, TIMEOUT).await;

        // A compositor that goes away while a break waits: one hint, so the check says so.
        let (hint, mut hints) = mpsc::channel(4);
        let proc_root = proc_with("Xwayland");
        let ctx = wayland_context(&compositor, &unused_display(), proc_root.path());
        let watch = tokio::spawn(fullscreen::watch(ctx, hint));
        compositor.wait_for_managers(1, TIMEOUT).await;
        drop(compositor);
        expect_hint(&mut hints, "the compositor going away").await;
        watch.abort();
    })
    .await;
}

/// A break every 2 s of sitting, no idle backend (all waking time is sitting), and only
/// the fullscreen hold respected, so that nothing else on this machine holds the break.
const FAST: &str = r#"
[breaks]
interval = "2s"
snooze = "2s"
renotify = "0s"
[activity]
backend = "none"
[respect]
do_not_disturb = false
meetings = false
fullscreen = true
"#;

#[tokio::test]
async fn a_fullscreen_x_window_defers_a_due_break_and_unfullscreening_shows_it() {
    with_timeout(async {
        let xvfb = Xvfb::start();
        let wm = Ewmh::connect(xvfb.display());
        let player = wm.window("mpv");
        wm.set_fullscreen(player, true);
        wm.activate(Some(player));

        let env = TestEnv::new();
        env.write_config(FAST);
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let mut cmd = command(&env, Some(bus.address()));
        cmd.env("DISPLAY", xvfb.display()).arg("run");
        let daemon = Daemon::spawn_command(cmd);
        daemon
            .wait_for_stderr("deskbreak is running", TIMEOUT)
            .await;

        // Due after 2 s, the break waits instead of interrupting the film.
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
        assert_eq!(
            waiting["waiting_for"][0]["reason"], "fullscreen",
            "{waiting}"
        );
        assert_eq!(
            waiting["waiting_for"][0],
            serde_json::json!({"reason": "fullscreen", "kind": "window", "app": "mpv"}),
            "{waiting}"
        );
        let words = run_cli(&env, Some(bus.address()), &["status"]).await;
        let words = text(&words.stdout);
        assert!(
            words.contains("waiting: mpv is fullscreen; sitting "),
            "status says what the break waits for: {words}"
        );
        // Held a while longer, still nothing shown.
        tokio::time::sleep(Duration::from_secs(1)).await;
        assert!(
            server.notifications().is_empty(),
            "a reminder was shown over a fullscreen window: {:?}",
            server.notifications()
        );

        // Leaving fullscreen: the watch's hint brings the reminder at once, well before the
        // once-a-minute re-check would.
        let left = Instant::now();
        wm.set_fullscreen(player, false);
        let shown = server.wait_for_notify(1, Duration::from_secs(10)).await;
        eprintln!(
            "the reminder came {:?} after leaving fullscreen",
            left.elapsed()
        );

        server.click(shown.id, "done").await;
        let lines = env.wait_for_history(1, TIMEOUT).await;
        assert_eq!(lines[0]["outcome"], "done", "{lines:?}");
        assert_eq!(
            lines[0]["waited_for"],
            serde_json::json!(["fullscreen"]),
            "{lines:?}"
        );
        assert!(
            lines[0]["waited_secs"].as_u64().is_some_and(|s| s >= 1),
            "the record says how long the break waited: {lines:?}"
        );
        assert!(daemon.terminate().await.success());
    })
    .await;
}
