//! Config edits that must not be lost (issue 9, item 4): a config that is a symlink into a
//! dotfiles folder, a config folder moved away or removed and made again, and editors that
//! leave the file missing or empty for a moment while saving.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::session::Session;
use crate::common::with_timeout;

/// Two hours between breaks: the user's setting, far from the 45 min default.
const TWO_HOURS: &str =
    "[breaks]\ninterval = \"2h\"\nrenotify = \"0s\"\n[activity]\nbackend = \"none\"\n";

/// Line 2 is wrong.
const BAD: &str = "[breaks]\ninterval = \"soon\"\n";

/// How soon an edit must apply.
const SOON: Duration = Duration::from_secs(5);

fn with_interval(text: &str) -> String {
    TWO_HOURS.replace("2h", text)
}

/// Replaces `path` the way editors save: write a new file beside it, then rename it over.
fn save_like_an_editor(path: &Path, text: &str) {
    let temporary = path.with_file_name(".deskbreak-edit.swp");
    std::fs::write(&temporary, text).unwrap();
    std::fs::rename(&temporary, path).unwrap();
}

/// Waits until the daemon runs with `secs` between breaks, within [`SOON`].
async fn wait_for_interval(s: &Session, secs: u64, what: &str) {
    let started = Instant::now();
    loop {
        let status = s.status().await;
        if status["interval_secs"] == secs {
            return;
        }
        assert!(
            started.elapsed() < SOON,
            "{what}: interval still {} after {:?}, expected {secs}; stderr:\n{}",
            status["interval_secs"],
            started.elapsed(),
            s.daemon().stderr()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Watches the running interval for `gap`, asserting it stays `secs` throughout.
async fn interval_stays(s: &Session, secs: u64, gap: Duration, what: &str) {
    let until = Instant::now() + gap;
    while Instant::now() < until {
        let status = s.status().await;
        assert_eq!(status["interval_secs"], secs, "{what}: {status}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn edits_of_a_symlinked_dotfile_apply() {
    with_timeout(async {
        let mut s = Session::start(TWO_HOURS).await;
        assert!(s.stop_daemon().await.success());
        // As GNU stow links it: a relative symlink into ~/dotfiles.
        let dotfiles = s.env.home().join("dotfiles/deskbreak/.config/deskbreak");
        std::fs::create_dir_all(&dotfiles).unwrap();
        let target = dotfiles.join("config.toml");
        std::fs::write(&target, TWO_HOURS).unwrap();
        let config = s.env.config_path();
        std::fs::remove_file(&config).unwrap();
        std::os::unix::fs::symlink(
            "../../dotfiles/deskbreak/.config/deskbreak/config.toml",
            &config,
        )
        .unwrap();
        // (the env's config home is HOME/config, so two levels up is HOME)
        assert_eq!(std::fs::read_to_string(&config).unwrap(), TWO_HOURS);
        s.start_daemon().await;
        assert_eq!(s.status().await["interval_secs"], 7200);

        // The dotfile edited in place, and saved the way editors do.
        std::fs::write(&target, with_interval("30m")).unwrap();
        wait_for_interval(&s, 1800, "the target written in place").await;
        save_like_an_editor(&target, &with_interval("20m"));
        wait_for_interval(&s, 1200, "the target saved by rename").await;

        // The link pointed elsewhere (a home-manager switch): the new target counts, and
        // its edits are seen.
        let next = s.env.home().join("generation-2.toml");
        std::fs::write(&next, with_interval("10m")).unwrap();
        let link = config.with_file_name(".config.toml.new");
        std::os::unix::fs::symlink(&next, &link).unwrap();
        std::fs::rename(&link, &config).unwrap();
        wait_for_interval(&s, 600, "the link replaced").await;
        std::fs::write(&next, with_interval("5m")).unwrap();
        wait_for_interval(&s, 300, "the new target edited").await;
        assert!(s.stop().await.success());
    })
    .await;
}

#[tokio::test]
async fn the_config_folder_moved_away_or_removed_and_made_again_is_watched_again() {
    with_timeout(async {
        let s = Session::start(TWO_HOURS).await;
        let config = s.env.config_path();
        let folder = config.parent().unwrap().to_owned();

        // Moved away (a backup before an experiment), then made again by hand.
        std::fs::rename(&folder, folder.with_file_name("deskbreak.bak")).unwrap();
        tokio::time::sleep(Duration::from_millis(500)).await;
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(&config, with_interval("30m")).unwrap();
        wait_for_interval(&s, 1800, "a config in the new folder").await;
        std::fs::write(&config, with_interval("20m")).unwrap();
        wait_for_interval(&s, 1200, "a later edit in the new folder").await;
        // Edits in the moved-away folder are not the config's.
        std::fs::write(
            folder.with_file_name("deskbreak.bak/config.toml"),
            with_interval("1m"),
        )
        .unwrap();
        interval_stays(&s, 1200, Duration::from_secs(1), "an edit of the backup").await;

        // Removed with everything in it, then restored from elsewhere.
        std::fs::remove_dir_all(&folder).unwrap();
        tokio::time::sleep(Duration::from_millis(500)).await;
        std::fs::create_dir(&folder).unwrap();
        save_like_an_editor(&config, &with_interval("10m"));
        wait_for_interval(&s, 600, "a config after the folder was removed").await;
        save_like_an_editor(&config, &with_interval("5m"));
        wait_for_interval(&s, 300, "a later edit after the folder was removed").await;

        // A folder moved into place whole.
        let staged = s.env.home().join("staged");
        std::fs::create_dir(&staged).unwrap();
        std::fs::write(staged.join("config.toml"), with_interval("15m")).unwrap();
        std::fs::remove_dir_all(&folder).unwrap();
        std::fs::rename(&staged, &folder).unwrap();
        wait_for_interval(&s, 900, "a folder moved into place").await;
        std::fs::write(&config, with_interval("25m")).unwrap();
        wait_for_interval(&s, 1500, "an edit in the folder moved into place").await;
        assert!(s.stop().await.success());
    })
    .await;
}

#[tokio::test]
async fn a_missing_or_empty_file_while_saving_keeps_the_last_good_config() {
    with_timeout(async {
        let s = Session::start(TWO_HOURS).await;
        let config = s.env.config_path();
        assert_eq!(s.status().await["interval_secs"], 7200);

        // Truncated, then written 0.8 s later.
        std::fs::File::create(&config).unwrap();
        interval_stays(&s, 7200, Duration::from_millis(800), "the file empty").await;
        std::fs::write(&config, with_interval("90m")).unwrap();
        wait_for_interval(&s, 5400, "the write after the truncation").await;

        // Removed, then made again 0.8 s later.
        std::fs::remove_file(&config).unwrap();
        interval_stays(&s, 5400, Duration::from_millis(800), "the file missing").await;
        std::fs::write(&config, with_interval("80m")).unwrap();
        wait_for_interval(&s, 4800, "the file made again").await;

        // Emptied, then an invalid edit: the user's last good config stays.
        std::fs::File::create(&config).unwrap();
        tokio::time::sleep(Duration::from_millis(800)).await;
        std::fs::write(&config, BAD).unwrap();
        s.daemon().wait_for_stderr("config not applied", SOON).await;
        interval_stays(&s, 4800, Duration::from_millis(500), "after the bad edit").await;

        // `reload` with no file says so, and keeps it too.
        std::fs::remove_file(&config).unwrap();
        let err = s.cli_fails(&["reload"], 1).await;
        assert!(
            err.contains(&format!(
                "{}: no config file; the running config is kept",
                config.display()
            )),
            "{err}"
        );
        assert_eq!(s.status().await["interval_secs"], 4800);
        assert!(s.stop().await.success());
    })
    .await;
}
