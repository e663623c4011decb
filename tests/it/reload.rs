//! Live config reload: an edit applies without a restart (the file watch, `deskbreak
//! reload` and SIGHUP), and a bad edit keeps the running config and is told once.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::session::Session;
use crate::common::{TIMEOUT, with_timeout};

/// An hour between breaks: nothing happens unless the config changes.
const HOURLY: &str = "[breaks]\ninterval = \"1h\"\nrenotify = \"0s\"\n";

/// Line 2 is wrong: `breaks.interval` is not a duration.
const BAD: &str = "[breaks]\ninterval = \"soon\"\nrenotify = \"0s\"\n";

/// The summary of the notification that reports a bad config.
const CONFIG_ERROR: &str = "deskbreak: config error";

/// How soon an edit must apply.
const SOON: Duration = Duration::from_secs(5);

/// Replaces `path` the way editors save: write a new file beside it, then rename it over.
fn save_like_an_editor(path: &Path, text: &str) {
    let temporary = path.with_file_name(".config.toml.swp");
    std::fs::write(&temporary, text).unwrap();
    std::fs::rename(&temporary, path).unwrap();
}

/// Writes `text` into the config file through a second name (a hard link) outside its
/// folder: the file changes without any event in the watched folder, so only `reload` or
/// SIGHUP can apply it. Checks that the watch indeed missed it.
async fn write_unseen(s: &Session, text: &str) {
    let link = s.env.home().join("config-link.toml");
    if !link.exists() {
        std::fs::hard_link(s.env.config_path(), &link).unwrap();
    }
    let before = s.status().await["interval_secs"].clone();
    std::fs::write(&link, text).unwrap();
    assert_eq!(std::fs::read_to_string(s.env.config_path()).unwrap(), text);
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        s.status().await["interval_secs"],
        before,
        "the watch saw the write through the link: the test cannot tell it from a reload"
    );
}

/// The config-error notifications so far.
fn config_errors(s: &Session) -> Vec<crate::common::notify_server::Notified> {
    s.server
        .notifications()
        .into_iter()
        .filter(|n| n.summary == CONFIG_ERROR)
        .collect()
}

/// Waits until `deskbreak status --json` shows `interval_secs`, within [`SOON`].
async fn wait_for_interval(s: &Session, secs: u64) {
    let started = Instant::now();
    s.wait_for_status(&format!("interval_secs {secs}"), |v| {
        v["interval_secs"] == secs
    })
    .await;
    assert!(
        started.elapsed() < SOON,
        "took {:?} to apply",
        started.elapsed()
    );
}

#[tokio::test]
async fn an_editor_style_save_applies_without_a_restart() {
    with_timeout(async {
        let s = Session::start(HOURLY).await;
        assert_eq!(s.status().await["interval_secs"], 3600);

        save_like_an_editor(&s.env.config_path(), &HOURLY.replace("1h", "2s"));
        wait_for_interval(&s, 2).await;
        s.daemon().wait_for_stderr("config reloaded", TIMEOUT).await;
        // The new interval is in force: a break falls due.
        let shown = s.server.wait_for_notify(1, SOON).await;
        assert!(
            shown.action_keys().contains(&"done".to_owned()),
            "{shown:?}"
        );
        assert!(config_errors(&s).is_empty());
        assert!(s.stop().await.success());
    })
    .await;
}

#[tokio::test]
async fn reload_applies_an_edit_the_watch_did_not_see() {
    with_timeout(async {
        let s = Session::start(HOURLY).await;
        write_unseen(&s, &HOURLY.replace("1h", "30m")).await;

        let out = s.cli_ok(&["reload"]).await;
        assert_eq!(
            out,
            format!("Config reloaded from {}.\n", s.env.config_path().display())
        );
        wait_for_interval(&s, 1800).await;
        assert!(s.stop().await.success());
    })
    .await;
}

#[tokio::test]
async fn sighup_reloads_the_config() {
    with_timeout(async {
        let s = Session::start(HOURLY).await;
        write_unseen(&s, &HOURLY.replace("1h", "20m")).await;

        s.daemon().signal(rustix::process::Signal::HUP);
        wait_for_interval(&s, 1200).await;
        s.daemon().wait_for_stderr("config reloaded", TIMEOUT).await;
        assert!(s.stop().await.success(), "SIGHUP does not stop the daemon");
    })
    .await;
}

#[tokio::test]
async fn a_bad_edit_keeps_the_running_config_and_is_told_once() {
    with_timeout(async {
        let s = Session::start(HOURLY).await;
        let path = s.env.config_path().display().to_string();
        let before = s.status().await;

        std::fs::write(s.env.config_path(), BAD).unwrap();
        let told = s
            .server
            .wait_until("a config-error notification", SOON, |st| {
                st.notifications()
                    .iter()
                    .find(|n| n.summary == CONFIG_ERROR)
                    .cloned()
            })
            .await;
        assert!(told.body.contains(&format!("{path}:2:")), "{told:?}");
        assert!(told.body.contains("breaks.interval"), "{told:?}");
        assert!(told.body.contains("The running config is kept"), "{told:?}");
        let logged = s
            .daemon()
            .wait_for_stderr("config not applied", TIMEOUT)
            .await;
        assert!(logged.contains("ERROR"), "{logged}");
        assert!(logged.contains(&format!("{path}:2:")), "{logged}");
        assert!(logged.contains("breaks.interval"), "{logged}");

        // The old config runs on.
        let after = s.status().await;
        assert_eq!(after["interval_secs"], 3600, "{after}");
        assert_eq!(after["phase"], before["phase"], "{after}");

        // `reload` says what is wrong, and fails.
        let err = s.cli_fails(&["reload"], 1).await;
        assert!(err.contains(&format!("{path}:2:")), "{err}");
        assert!(err.contains("breaks.interval"), "{err}");
        assert!(err.contains("the running config is kept"), "{err}");

        // The same bad content saved again: not told a second time.
        std::fs::write(s.env.config_path(), BAD).unwrap();
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert_eq!(config_errors(&s).len(), 1, "{}", s.server.describe());
        assert_eq!(
            s.daemon().stderr_count("config not applied"),
            1,
            "{}",
            s.daemon().stderr()
        );
        assert_eq!(s.status().await["interval_secs"], 3600);

        // Fixed: the fix applies, and nothing more is said about the error.
        std::fs::write(s.env.config_path(), HOURLY.replace("1h", "30m")).unwrap();
        wait_for_interval(&s, 1800).await;
        assert_eq!(config_errors(&s).len(), 1, "{}", s.server.describe());

        // Broken again later: that is news, and is told.
        std::fs::write(s.env.config_path(), BAD).unwrap();
        s.server
            .wait_until("a second config-error notification", SOON, |st| {
                (st.notifications()
                    .iter()
                    .filter(|n| n.summary == CONFIG_ERROR)
                    .count()
                    == 2)
                    .then_some(())
            })
            .await;
        assert_eq!(s.status().await["interval_secs"], 1800);
        assert!(s.stop().await.success());
    })
    .await;
}

/// Error bubbles replace each other (one on screen at a time) and the last one closes by
/// itself once the file is fixed; the log says the fixed config is in force (issue 10).
#[tokio::test]
async fn config_error_bubbles_replace_each_other_and_close_once_fixed() {
    with_timeout(async {
        let s = Session::start(HOURLY).await;
        std::fs::write(s.env.config_path(), BAD).unwrap();
        let first = s
            .server
            .wait_until("a config-error notification", SOON, |st| {
                st.notifications()
                    .iter()
                    .find(|n| n.summary == CONFIG_ERROR)
                    .cloned()
            })
            .await;

        // A different mistake: told, in the same bubble.
        std::fs::write(
            s.env.config_path(),
            "[breaks]\ninterval = \"1h\"\nrenotify = \"later\"\n",
        )
        .unwrap();
        let second = s
            .server
            .wait_until("a second config-error notification", SOON, |st| {
                st.notifications()
                    .iter()
                    .filter(|n| n.summary == CONFIG_ERROR)
                    .nth(1)
                    .cloned()
            })
            .await;
        assert!(second.body.contains("breaks.renotify"), "{second:?}");
        assert_eq!(second.replaces_id, first.id, "{}", s.server.describe());
        let mut open: Vec<u32> = config_errors(&s)
            .iter()
            .map(|n| n.id)
            .filter(|id| s.server.open_ids().contains(id))
            .collect();
        open.dedup();
        assert_eq!(
            open.len(),
            1,
            "one error bubble at a time: {}",
            s.server.describe()
        );

        // Fixed: the bubble closes by itself, and the log says the config is in force.
        std::fs::write(s.env.config_path(), HOURLY.replace("1h", "30m")).unwrap();
        s.server.wait_for_close_by_client(open[0], SOON).await;
        wait_for_interval(&s, 1800).await;
        let logged = s.daemon().wait_for_stderr("good again", TIMEOUT).await;
        assert!(logged.contains("in force"), "{logged}");
        assert!(s.server.open_ids().is_empty(), "{}", s.server.describe());
        assert!(s.stop().await.success());
    })
    .await;
}
