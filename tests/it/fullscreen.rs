//! The fullscreen detector against real display servers: Xvfb, with the test playing the
//! window manager's part through the EWMH properties (`tests/common/ewmh.rs`).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use tokio::sync::mpsc;
use tokio::time::timeout;

use crate::common::ewmh::Ewmh;
use crate::common::with_timeout;
use crate::common::xvfb::{Xvfb, unused_display};
use deskbreak::sources::holds::{
    self, CHECK_TIMEOUT, Context, Hold, Reading, Reason, Respect, Signal, fullscreen,
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

fn held(detail: &str) -> Reading {
    Reading::Held(Hold {
        reason: Reason::Fullscreen,
        detail: detail.to_owned(),
    })
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
        assert_eq!(read_x11(xvfb.display()).await, held("mpv is fullscreen"));

        // Fullscreen but not focused (the user switched away from the film): clear.
        wm.activate(Some(editor));
        assert_eq!(read_x11(xvfb.display()).await, Reading::Clear);
        wm.activate(None);
        assert_eq!(read_x11(xvfb.display()).await, Reading::Clear);

        wm.activate(Some(player));
        assert_eq!(read_x11(xvfb.display()).await, held("mpv is fullscreen"));
        wm.set_fullscreen(player, false);
        assert_eq!(read_x11(xvfb.display()).await, Reading::Clear);

        // Without WM_CLASS the title names it; without either it is "a window".
        let untitled = wm.window("");
        wm.set_fullscreen(untitled, true);
        wm.activate(Some(untitled));
        assert_eq!(
            read_x11(xvfb.display()).await,
            held("a window is fullscreen")
        );
        wm.set_title(untitled, "Slides – Quarterly review");
        assert_eq!(
            read_x11(xvfb.display()).await,
            held("Slides – Quarterly review is fullscreen")
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
            vec![Hold {
                reason: Reason::Fullscreen,
                detail: "mpv is fullscreen".into(),
            }]
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
        assert_eq!(read_x11(xvfb.display()).await, held("mpv is fullscreen"));

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
