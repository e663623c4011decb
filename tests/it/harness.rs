//! Self-test of the integration-test harness (tests/common): a real private
//! dbus-daemon, the test notification server, and a plain zbus client.
//! It does not run the deskbreak binary.

use std::collections::HashMap;
use std::time::Duration;

use futures_util::StreamExt;
use zbus::connection::{Builder, Connection};
use zbus::message::Type as MessageType;
use zbus::{MatchRule, MessageStream, Variant};

use crate::common::bus::PrivateBus;
use crate::common::daemon::{Daemon, TestEnv};
use crate::common::notify_server::{INTERFACE, NAME, NotifyServer, PATH, ServerOptions};
use crate::common::session::{connect, name_has_owner};
use crate::common::{TEST_LIMIT, TIMEOUT};

#[derive(Debug, PartialEq, Eq)]
enum Signal {
    ActionInvoked(u32, String),
    NotificationClosed(u32, u32),
}

/// Subscribes to the notification signals (ActionInvoked, NotificationClosed).
async fn subscribe(conn: &Connection) -> MessageStream {
    let rule = MatchRule::builder()
        .msg_type(MessageType::Signal)
        .interface(INTERFACE)
        .path(PATH)
        .build()
        .expect("valid rule");
    MessageStream::for_match_rule(rule, conn, None)
        .await
        .expect("AddMatch succeeds")
}

async fn next_signal(stream: &mut MessageStream) -> Signal {
    let msg = tokio::time::timeout(TIMEOUT, stream.next())
        .await
        .expect("a signal arrives in time")
        .expect("stream not ended")
        .expect("valid message");
    let header = msg.header();
    let member = header.member().expect("signal has a member").to_string();
    match member.as_str() {
        "ActionInvoked" => {
            let (id, key): (u32, String) = msg.body().deserialize().expect("(us) body");
            Signal::ActionInvoked(id, key)
        }
        "NotificationClosed" => {
            let (id, reason): (u32, u32) = msg.body().deserialize().expect("(uu) body");
            Signal::NotificationClosed(id, reason)
        }
        other => panic!("unexpected signal {other}"),
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "mirrors the D-Bus Notify signature"
)]
async fn notify_raw(
    conn: &Connection,
    app_name: &str,
    replaces_id: u32,
    summary: &str,
    body: &str,
    actions: &[&str],
    hints: HashMap<&str, Variant<'_>>,
    expire_timeout: i32,
) -> zbus::Result<u32> {
    let reply = conn
        .call_method(
            Some(NAME),
            PATH,
            Some(INTERFACE),
            "Notify",
            &(
                app_name,
                replaces_id,
                "",
                summary,
                body,
                actions,
                hints,
                expire_timeout,
            ),
        )
        .await?;
    reply.body().deserialize::<u32>()
}

async fn notify(conn: &Connection, replaces_id: u32, summary: &str, actions: &[&str]) -> u32 {
    let mut hints = HashMap::new();
    hints.insert("urgency", Variant::from(2u8));
    hints.insert("category", Variant::from("x-deskbreak.break"));
    notify_raw(
        conn,
        "deskbreak",
        replaces_id,
        summary,
        "time for a break",
        actions,
        hints,
        0,
    )
    .await
    .expect("Notify succeeds")
}

async fn close_notification(conn: &Connection, id: u32) {
    conn.call_method(Some(NAME), PATH, Some(INTERFACE), "CloseNotification", &id)
        .await
        .expect("CloseNotification succeeds");
}

const ACTIONS: [&str; 4] = ["done", "Done", "skip", "Skip"];

#[tokio::test]
async fn notify_click_replace_close_dismiss_expire() {
    tokio::time::timeout(TEST_LIMIT, async {
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let client = connect(bus.address()).await;
        let mut signals = subscribe(&client).await;

        // Notify is recorded with everything the client sent.
        let id = notify(&client, 0, "Break!", &ACTIONS).await;
        assert_eq!(id, 1, "ids count up from 1");
        let n = server.wait_for_notify(1, TIMEOUT).await;
        assert_eq!(n.id, id);
        assert_eq!(n.replaces_id, 0);
        assert_eq!(n.app_name, "deskbreak");
        assert_eq!(n.summary, "Break!");
        assert_eq!(n.body, "time for a break");
        assert_eq!(n.actions, ACTIONS);
        assert_eq!(n.action_keys(), ["done", "skip"]);
        assert_eq!(n.action_label("skip").as_deref(), Some("Skip"));
        assert_eq!(n.action_label("nope"), None);
        assert_eq!(n.hint_keys, ["category", "urgency"]);
        assert_eq!(n.urgency, Some(2));
        assert_eq!(n.expire_timeout, 0);
        assert_eq!(
            n.sender,
            client.unique_name().expect("bus connection").as_str()
        );
        assert_eq!(server.open_ids(), [1]);

        // A click delivers ActionInvoked and leaves the notification open.
        server.click(id, "done").await;
        assert_eq!(
            next_signal(&mut signals).await,
            Signal::ActionInvoked(id, "done".into())
        );
        assert_eq!(server.open_ids(), [1]);

        // replaces_id of a known id reuses it; an unknown one gets a fresh id.
        assert_eq!(notify(&client, id, "Break! (updated)", &ACTIONS).await, id);
        let n2 = server.wait_for_notify(2, TIMEOUT).await;
        assert_eq!((n2.id, n2.replaces_id), (id, id));
        assert_eq!(n2.summary, "Break! (updated)");
        assert_eq!(notify(&client, 99, "other", &[]).await, 2);
        assert_eq!(server.notifications().len(), 3);
        assert_eq!(server.open_ids(), [1, 2]);

        // CloseNotification is recorded and answered by NotificationClosed(id, 3).
        close_notification(&client, id).await;
        server.wait_for_close_by_client(id, TIMEOUT).await;
        assert_eq!(server.closed_by_client(), [id]);
        assert_eq!(
            next_signal(&mut signals).await,
            Signal::NotificationClosed(id, 3)
        );
        assert_eq!(server.open_ids(), [2]);

        // Closing it again is recorded, but no second signal: the next signal
        // seen must be the dismissal below.
        close_notification(&client, id).await;
        assert_eq!(server.closed_by_client(), [id, id]);

        server.dismiss(2).await;
        assert_eq!(
            next_signal(&mut signals).await,
            Signal::NotificationClosed(2, 2)
        );
        assert!(server.open_ids().is_empty());

        let id3 = notify(&client, 0, "third", &ACTIONS).await;
        assert_eq!(id3, 3);
        server.expire(id3).await;
        assert_eq!(
            next_signal(&mut signals).await,
            Signal::NotificationClosed(id3, 1)
        );
        assert!(server.open_ids().is_empty());
    })
    .await
    .expect("test timed out");
}

#[tokio::test]
async fn capabilities_and_server_information() {
    tokio::time::timeout(TEST_LIMIT, async {
        let bus = PrivateBus::start();
        let opts = ServerOptions {
            capabilities: vec!["body".into()],
            ..ServerOptions::default()
        };
        let _server = NotifyServer::start(bus.address(), opts).await;
        let client = connect(bus.address()).await;

        let caps: Vec<String> = client
            .call_method(Some(NAME), PATH, Some(INTERFACE), "GetCapabilities", &())
            .await
            .expect("GetCapabilities succeeds")
            .body()
            .deserialize()
            .expect("as reply");
        assert_eq!(caps, ["body"]);
        assert_eq!(
            ServerOptions::default().capabilities,
            ["actions", "body"],
            "default capabilities"
        );

        let info: (String, String, String, String) = client
            .call_method(
                Some(NAME),
                PATH,
                Some(INTERFACE),
                "GetServerInformation",
                &(),
            )
            .await
            .expect("GetServerInformation succeeds")
            .body()
            .deserialize()
            .expect("(ssss) reply");
        assert_eq!(
            info,
            (
                "deskbreak-test".into(),
                "deskbreak".into(),
                "1.0".into(),
                "1.2".into()
            )
        );
    })
    .await
    .expect("test timed out");
}

#[tokio::test]
async fn broadcast_signals_reach_every_subscriber() {
    tokio::time::timeout(TEST_LIMIT, async {
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let caller = connect(bus.address()).await;
        let observer = connect(bus.address()).await;
        let mut caller_signals = subscribe(&caller).await;
        let mut observer_signals = subscribe(&observer).await;

        let id = notify(&caller, 0, "Break!", &ACTIONS).await;
        server.click(id, "skip").await;
        let expected = Signal::ActionInvoked(id, "skip".into());
        assert_eq!(next_signal(&mut caller_signals).await, expected);
        assert_eq!(next_signal(&mut observer_signals).await, expected);
    })
    .await
    .expect("test timed out");
}

#[tokio::test]
async fn unicast_signals_reach_only_the_caller() {
    tokio::time::timeout(TEST_LIMIT, async {
        let bus = PrivateBus::start();
        let opts = ServerOptions {
            unicast_signals: true,
            ..ServerOptions::default()
        };
        let server = NotifyServer::start(bus.address(), opts).await;
        let a = connect(bus.address()).await;
        let b = connect(bus.address()).await;
        let mut a_signals = subscribe(&a).await;
        let mut b_signals = subscribe(&b).await;

        let id_a = notify(&a, 0, "for a", &ACTIONS).await;
        let id_b = notify(&b, 0, "for b", &ACTIONS).await;
        assert_ne!(id_a, id_b);

        // Signals about a's notification go to a only...
        server.click(id_a, "done").await;
        assert_eq!(
            next_signal(&mut a_signals).await,
            Signal::ActionInvoked(id_a, "done".into())
        );
        close_notification(&a, id_a).await;
        assert_eq!(
            next_signal(&mut a_signals).await,
            Signal::NotificationClosed(id_a, 3)
        );
        // ...and b's go to b only. b's subscription works, and since the bus
        // keeps one sender's messages in order, had b received anything about
        // id_a it would be seen before this.
        server.dismiss(id_b).await;
        assert_eq!(
            next_signal(&mut b_signals).await,
            Signal::NotificationClosed(id_b, 2)
        );
        // And a did not get b's.
        server.click(id_a, "skip").await;
        assert_eq!(
            next_signal(&mut a_signals).await,
            Signal::ActionInvoked(id_a, "skip".into())
        );
    })
    .await
    .expect("test timed out");
}

#[tokio::test]
async fn server_stop_and_restart() {
    tokio::time::timeout(TEST_LIMIT, async {
        let bus = PrivateBus::start();
        let client = connect(bus.address()).await;
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        assert!(name_has_owner(&client, NAME).await);
        assert_eq!(notify(&client, 0, "first life", &[]).await, 1);

        server.stop().await;
        assert!(!name_has_owner(&client, NAME).await, "name released");
        let err = notify_raw(&client, "deskbreak", 0, "s", "b", &[], HashMap::new(), -1)
            .await
            .expect_err("nobody serves Notify now");
        // No service directories: the bus must not try to activate anything.
        assert!(
            err.to_string().contains("ServiceUnknown") || err.to_string().contains("not provided"),
            "unexpected error: {err}"
        );

        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        assert!(name_has_owner(&client, NAME).await, "name owned again");
        assert_eq!(
            notify(&client, 0, "second life", &[]).await,
            1,
            "a restarted server starts from scratch"
        );
        assert_eq!(
            server.wait_for_notify(1, TIMEOUT).await.summary,
            "second life"
        );
    })
    .await
    .expect("test timed out");
}

#[tokio::test]
async fn wait_for_notify_times_out_with_a_report() {
    tokio::time::timeout(TEST_LIMIT, async {
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let client = connect(bus.address()).await;
        notify(&client, 0, "only one", &[]).await;
        let waiting =
            tokio::spawn(
                async move { server.wait_for_notify(2, Duration::from_millis(200)).await },
            );
        let panic = waiting.await.expect_err("must panic").into_panic();
        let msg = panic.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(msg.contains("2 Notify call(s)"), "{msg}");
        assert!(msg.contains("only one"), "{msg}");
    })
    .await
    .expect("test timed out");
}

#[tokio::test]
async fn private_bus_stop_disconnects_clients() {
    tokio::time::timeout(TEST_LIMIT, async {
        let mut bus = PrivateBus::start();
        assert!(bus.address().starts_with("unix:"), "{}", bus.address());
        let client = connect(bus.address()).await;
        assert!(name_has_owner(&client, "org.freedesktop.DBus").await);
        bus.stop();
        assert!(bus.is_stopped());
        tokio::time::timeout(TIMEOUT, client.closed())
            .await
            .expect("client sees the bus go away");
        // The address is dead now.
        assert!(Builder::address(bus.address()).build().await.is_err());
    })
    .await
    .expect("test timed out");
}

#[tokio::test]
async fn test_env_layout_and_history() {
    tokio::time::timeout(TEST_LIMIT, async {
        let env = TestEnv::new();
        for d in [
            env.config_home(),
            env.state_home(),
            env.data_home(),
            env.runtime_dir(),
        ] {
            assert!(d.is_dir(), "{} exists", d.display());
            assert!(d.starts_with(env.dir.path()));
        }
        assert!(env.config_path().ends_with("config/deskbreak/config.toml"));
        env.write_config("[break]\nevery = \"20m\"\n");
        assert_eq!(
            std::fs::read_to_string(env.config_path()).unwrap(),
            "[break]\nevery = \"20m\"\n"
        );

        assert!(env.history_lines().is_empty(), "missing file = no lines");
        assert!(
            env.history_path()
                .ends_with("state/deskbreak/history.jsonl")
        );
        assert!(env.state_path().ends_with("state/deskbreak/state.json"));
        std::fs::create_dir_all(env.history_path().parent().unwrap()).unwrap();
        std::fs::write(
            env.history_path(),
            "{\"event\":\"done\"}\n\n{\"event\":\"skip\",\"n\":2}\n",
        )
        .unwrap();
        let lines = env.history_lines();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1]["n"], 2);

        std::fs::write(env.history_path(), "{\"event\":\"done\"}\nnot json\n").unwrap();
        let panic = std::panic::catch_unwind(|| env.history_lines()).expect_err("must panic");
        let msg = panic.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(msg.contains("not json"), "{msg}");
    })
    .await
    .expect("test timed out");
}

/// `TestEnv::wait_for_history` returns once there are enough lines, and panics with
/// what there is on timeout.
#[tokio::test]
async fn wait_for_history_waits_for_enough_lines() {
    crate::common::with_timeout(async {
        let env = TestEnv::new();
        let path = env.history_path();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let writer = tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(300)).await;
            std::fs::write(&path, "{\"n\":1}\n{\"n\":2}\n").unwrap();
        });
        let lines = env.wait_for_history(2, TIMEOUT).await;
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1]["n"], 2);
        writer.await.unwrap();

        let waiting =
            tokio::spawn(async move { env.wait_for_history(3, Duration::from_millis(200)).await });
        let panic = waiting.await.expect_err("must panic").into_panic();
        let msg = panic.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(msg.contains("expected 3 history lines"), "{msg}");
    })
    .await;
}

/// The process plumbing of `Daemon`, exercised on `sh` instead of deskbreak.
#[tokio::test]
async fn daemon_process_plumbing() {
    tokio::time::timeout(TEST_LIMIT, async {
        // A long-running process that logs, with colour codes, and handles SIGTERM.
        let mut cmd = tokio::process::Command::new("sh");
        cmd.arg("-c").arg(
            "trap 'echo got TERM >&2; exit 3' TERM; \
             printf '\\033[32mINFO\\033[0m ready\\n' >&2; echo out-line; \
             echo tick >&2; echo tick >&2; \
             while :; do sleep 0.05; done",
        );
        let daemon = Daemon::spawn_command(cmd);
        assert!(daemon.pid() > 0);
        assert_eq!(daemon.wait_for_stderr("ready", TIMEOUT).await, "INFO ready");
        assert_eq!(
            daemon.wait_for_stderr_count("tick", 2, TIMEOUT).await,
            "tick"
        );
        assert_eq!(daemon.stderr_count("tick"), 2);
        let status = daemon.terminate().await;
        assert_eq!(status.code(), Some(3));

        // A process that exits: wait_exit, and early failure of wait_for_stderr.
        let mut cmd = tokio::process::Command::new("sh");
        cmd.arg("-c").arg("echo bye >&2; exit 7");
        let mut daemon = Daemon::spawn_command(cmd);
        let status = daemon.wait_exit(TIMEOUT).await;
        assert_eq!(status.code(), Some(7));
        assert_eq!(daemon.stderr(), "bye");
        let waiting = tokio::spawn(async move {
            // Long timeout: must fail at once, since stderr is closed.
            daemon
                .wait_for_stderr("never printed", Duration::from_secs(3600))
                .await
        });
        let panic = waiting.await.expect_err("must panic").into_panic();
        let msg = panic.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(msg.contains("closed its stderr"), "{msg}");
        assert!(msg.contains("bye"), "{msg}");
    })
    .await
    .expect("test timed out");
}
