//! An in-process notification server (`org.freedesktop.Notifications`) on a real bus.
//!
//! It records every call, and lets a test play the user: click an action,
//! dismiss a notification, let it expire, or make the whole server die.
//!
//! It can also play a desktop's do-not-disturb switch, with the real interfaces:
//! [`ServerOptions::dunst`] (`org.dunstproject.cmd0` `paused` / `pauseLevel`, as
//! `dunstctl set-paused` changes them), [`ServerOptions::plasma`] (KDE Plasma's
//! `Inhibited` property on `org.freedesktop.Notifications`), [`ServerOptions::mako`]
//! (`fr.emersion.Mako` `Modes` and `ListModes`; [`ServerOptions::mako_1_9`] without the
//! property) and [`ServerOptions::swaync`] (`org.erikreider.swaync.cc` `GetDnd`,
//! `IsInhibited`, `SubscribeV2`, under its own name too). [`NotifyServer::set_paused`],
//! [`NotifyServer::set_inhibited`], [`NotifyServer::set_mako_modes`] and
//! [`NotifyServer::set_swaync_dnd`] flip them and send the signals those servers send.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use zbus::connection::{Builder, Connection};
use zbus::interface;
use zbus::message::Header;
use zbus::names::BusName;
use zbus::{OwnedVariant, Variant};

/// The well-known name the server owns.
pub const NAME: &str = "org.freedesktop.Notifications";
/// The object path the server serves at.
pub const PATH: &str = "/org/freedesktop/Notifications";
/// The interface name.
pub const INTERFACE: &str = "org.freedesktop.Notifications";

/// `NotificationClosed` reason: the notification expired.
pub const REASON_EXPIRED: u32 = 1;
/// `NotificationClosed` reason: dismissed by the user.
pub const REASON_DISMISSED: u32 = 2;
/// `NotificationClosed` reason: closed by a call to `CloseNotification`.
pub const REASON_CLOSED_BY_CALL: u32 = 3;

/// How the test server behaves.
#[derive(Clone, Debug)]
pub struct ServerOptions {
    /// What `GetCapabilities` returns.
    pub capabilities: Vec<String>,
    /// Send `ActionInvoked`/`NotificationClosed` only to the unique name of the
    /// connection that called `Notify` for that id (as some real servers do),
    /// instead of broadcasting them.
    pub unicast_signals: bool,
    /// The server's name in `GetServerInformation` (e.g. "dunst" to be taken for it).
    pub name: String,
    /// The vendor in `GetServerInformation`.
    pub vendor: String,
    /// Serve dunst's `org.dunstproject.cmd0` (`paused`, `pauseLevel`) at the same path.
    pub dunst: bool,
    /// Serve KDE Plasma's `Inhibited` property (do-not-disturb) on the notifications
    /// interface; without it the property is unknown, as on other servers.
    pub plasma: bool,
    /// Serve mako's `fr.emersion.Mako` at `/fr/emersion/Mako`: `Some(true)` as 1.10 and
    /// later (the `Modes` property, announced), `Some(false)` as before (`ListModes` only).
    pub mako: Option<bool>,
    /// Serve swaync's `org.erikreider.swaync.cc` (and own that name).
    pub swaync: bool,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            capabilities: vec!["actions".to_owned(), "body".to_owned()],
            unicast_signals: false,
            name: "deskbreak-test".to_owned(),
            vendor: "deskbreak".to_owned(),
            dunst: false,
            plasma: false,
            mako: None,
            swaync: false,
        }
    }
}

impl ServerOptions {
    /// Playing dunst: its name, its capabilities and its `org.dunstproject.cmd0`.
    pub fn dunst() -> ServerOptions {
        ServerOptions {
            capabilities: [
                "actions",
                "body",
                "body-hyperlinks",
                "body-markup",
                "icon-static",
            ]
            .map(String::from)
            .to_vec(),
            name: "dunst".to_owned(),
            vendor: "knopwob".to_owned(),
            dunst: true,
            ..ServerOptions::default()
        }
    }

    /// Playing KDE Plasma's notification server, with its `Inhibited` property.
    pub fn plasma() -> ServerOptions {
        ServerOptions {
            name: "Plasma".to_owned(),
            vendor: "KDE".to_owned(),
            plasma: true,
            ..ServerOptions::default()
        }
    }
}

impl ServerOptions {
    /// Playing mako 1.10 or later (its `Modes` property).
    pub fn mako() -> ServerOptions {
        ServerOptions {
            name: "mako".to_owned(),
            vendor: "emersion".to_owned(),
            mako: Some(true),
            ..ServerOptions::default()
        }
    }

    /// Playing mako before 1.10 (`ListModes`, no property, no signal).
    pub fn mako_1_9() -> ServerOptions {
        ServerOptions {
            mako: Some(false),
            ..ServerOptions::mako()
        }
    }

    /// Playing SwayNotificationCenter.
    pub fn swaync() -> ServerOptions {
        ServerOptions {
            name: "SwayNotificationCenter".to_owned(),
            vendor: "ErikReider".to_owned(),
            swaync: true,
            ..ServerOptions::default()
        }
    }
}

/// dunst's highest pause level (`MAX_PAUSE_LEVEL`): what `paused = true` sets.
const DUNST_MAX_PAUSE_LEVEL: u32 = 100;

/// One recorded `Notify` call.
#[derive(Clone, Debug)]
pub struct Notified {
    /// The id the server returned.
    pub id: u32,
    pub replaces_id: u32,
    pub app_name: String,
    pub summary: String,
    pub body: String,
    /// Flat list as on the wire: key, label, key, label, ...
    pub actions: Vec<String>,
    /// The keys of the hints dictionary, sorted.
    pub hint_keys: Vec<String>,
    /// The `urgency` hint (0 low, 1 normal, 2 critical), if given as a byte.
    pub urgency: Option<u8>,
    pub expire_timeout: i32,
    /// Unique bus name of the caller.
    pub sender: String,
    /// The `image-path` hint, if given as a string.
    pub image_path: Option<String>,
    /// The `value` hint (a progress bar, 0-100), if given as an integer.
    pub value: Option<i32>,
    /// The `sound-name` hint, if given as a string.
    pub sound_name: Option<String>,
}

impl Notified {
    /// The action keys (every even element of `actions`).
    pub fn action_keys(&self) -> Vec<String> {
        self.actions.iter().step_by(2).cloned().collect()
    }

    /// The label of the action with this key, if offered.
    pub fn action_label(&self, key: &str) -> Option<String> {
        self.actions
            .chunks(2)
            .find(|pair| pair[0] == key)
            .and_then(|pair| pair.get(1).cloned())
    }
}

#[derive(Default)]
struct State {
    next_id: u32,
    notified: Vec<Notified>,
    /// Every id ever handed out.
    known: BTreeSet<u32>,
    /// Ids notified and not closed (by any means) since.
    open: BTreeSet<u32>,
    /// For each id, the unique name of the last caller of `Notify` for it.
    owners: HashMap<u32, String>,
    /// Ids passed to `CloseNotification`, in call order.
    closed_by_client: Vec<u32>,
    /// dunst's pause level (0: not paused).
    pause_level: u32,
    /// Plasma's `Inhibited`.
    inhibited: bool,
    /// mako's current modes.
    mako_modes: Vec<String>,
    /// swaync's do-not-disturb and whether it has inhibitors.
    swaync_dnd: bool,
    swaync_inhibited: bool,
}

struct Shared {
    opts: ServerOptions,
    state: Mutex<State>,
    changed: tokio::sync::watch::Sender<u64>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn bump(&self) {
        self.changed.send_modify(|v| *v = v.wrapping_add(1));
    }

    /// Where a signal about `id` goes: `None` = broadcast.
    fn destination_for(&self, id: u32) -> Option<String> {
        if self.opts.unicast_signals {
            self.lock().owners.get(&id).cloned()
        } else {
            None
        }
    }
}

async fn emit<B>(
    conn: &Connection,
    destination: Option<String>,
    member: &str,
    body: &B,
) -> zbus::Result<()>
where
    B: zbus::export::serde::Serialize + zbus::DynamicType,
{
    let dest = destination.as_deref().map(BusName::try_from).transpose()?;
    conn.emit_signal(dest, PATH, INTERFACE, member, body).await
}

struct NotificationsIface {
    shared: Arc<Shared>,
}

#[interface(name = "org.freedesktop.Notifications")]
impl NotificationsIface {
    #[expect(
        clippy::too_many_arguments,
        reason = "the D-Bus method has this signature"
    )]
    async fn notify(
        &self,
        #[zbus(header)] header: Header<'_>,
        app_name: String,
        replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        hints: HashMap<String, OwnedVariant>,
        expire_timeout: i32,
    ) -> u32 {
        let sender = header.sender().map(|s| s.to_string()).unwrap_or_default();
        let mut hint_keys: Vec<String> = hints.keys().cloned().collect();
        hint_keys.sort();
        let urgency = hints.get("urgency").and_then(|v| u8::try_from(v).ok());
        let text = |key: &str| {
            hints
                .get(key)
                .and_then(|v| String::try_from(v.try_clone().ok()?).ok())
        };
        let image_path = text("image-path");
        let sound_name = text("sound-name");
        let value = hints.get("value").and_then(|v| i32::try_from(v).ok());
        let id = {
            let mut st = self.shared.lock();
            let id = if replaces_id != 0 && st.known.contains(&replaces_id) {
                replaces_id
            } else {
                st.next_id += 1;
                st.next_id
            };
            st.known.insert(id);
            st.open.insert(id);
            st.owners.insert(id, sender.clone());
            st.notified.push(Notified {
                id,
                replaces_id,
                app_name,
                summary,
                body,
                actions,
                hint_keys,
                urgency,
                expire_timeout,
                sender,
                image_path,
                value,
                sound_name,
            });
            id
        };
        self.shared.bump();
        id
    }

    async fn close_notification(
        &self,
        #[zbus(connection)] conn: &Connection,
        id: u32,
    ) -> zbus::fdo::Result<()> {
        let was_open = {
            let mut st = self.shared.lock();
            st.closed_by_client.push(id);
            st.open.remove(&id)
        };
        self.shared.bump();
        if was_open {
            let dest = self.shared.destination_for(id);
            emit(
                conn,
                dest,
                "NotificationClosed",
                &(id, REASON_CLOSED_BY_CALL),
            )
            .await
            .map_err(|e| zbus::fdo::Error::Failed(e.to_string()))?;
        }
        Ok(())
    }

    async fn get_capabilities(&self) -> Vec<String> {
        self.shared.opts.capabilities.clone()
    }

    #[zbus(out_args("name", "vendor", "version", "spec_version"))]
    async fn get_server_information(&self) -> (String, String, String, String) {
        (
            self.shared.opts.name.clone(),
            self.shared.opts.vendor.clone(),
            "1.0".to_owned(),
            "1.2".to_owned(),
        )
    }

    /// KDE Plasma's do-not-disturb; unknown unless playing Plasma.
    #[zbus(property)]
    async fn inhibited(&self) -> zbus::fdo::Result<bool> {
        if !self.shared.opts.plasma {
            return Err(zbus::fdo::Error::UnknownProperty(
                "No such property \"Inhibited\"".to_owned(),
            ));
        }
        Ok(self.shared.lock().inhibited)
    }

    // Signals are declared so they show up in introspection; they are
    // emitted through `emit` so that they can be unicast.
    #[zbus(signal)]
    async fn action_invoked(
        emitter: &zbus::object_server::SignalEmitter<'_>,
        id: u32,
        action_key: &str,
    ) -> zbus::Result<()>;

    #[zbus(signal)]
    async fn notification_closed(
        emitter: &zbus::object_server::SignalEmitter<'_>,
        id: u32,
        reason: u32,
    ) -> zbus::Result<()>;
}

/// dunst's own interface, as far as do-not-disturb goes.
struct DunstIface {
    shared: Arc<Shared>,
}

#[interface(name = "org.dunstproject.cmd0")]
impl DunstIface {
    #[zbus(property(emits_changed_signal = "false"), name = "paused")]
    async fn paused(&self) -> bool {
        self.shared.lock().pause_level != 0
    }

    #[zbus(property(emits_changed_signal = "false"), name = "pauseLevel")]
    async fn pause_level(&self) -> u32 {
        self.shared.lock().pause_level
    }
}

/// mako's interface, as far as modes go.
struct MakoIface {
    shared: Arc<Shared>,
}

#[interface(name = "fr.emersion.Mako")]
impl MakoIface {
    async fn list_modes(&self) -> Vec<String> {
        self.shared.lock().mako_modes.clone()
    }

    /// 1.10 and later; unknown before, as sd-bus answers.
    #[zbus(property(emits_changed_signal = "false"))]
    async fn modes(&self) -> zbus::fdo::Result<Vec<String>> {
        if self.shared.opts.mako != Some(true) {
            return Err(zbus::fdo::Error::UnknownProperty(
                "Unknown property or interface.".to_owned(),
            ));
        }
        Ok(self.shared.lock().mako_modes.clone())
    }
}

/// swaync's control-center interface, as far as do-not-disturb goes.
struct SwayncIface {
    shared: Arc<Shared>,
}

#[interface(name = "org.erikreider.swaync.cc")]
impl SwayncIface {
    async fn get_dnd(&self) -> bool {
        self.shared.lock().swaync_dnd
    }

    async fn is_inhibited(&self) -> bool {
        self.shared.lock().swaync_inhibited
    }

    #[zbus(signal)]
    async fn subscribe_v2(
        emitter: &zbus::object_server::SignalEmitter<'_>,
        count: u32,
        dnd: bool,
        cc_open: bool,
        inhibited: bool,
    ) -> zbus::Result<()>;
}

/// swaync's second name and its object.
const SWAYNC_NAME: &str = "org.erikreider.swaync.cc";
const SWAYNC_PATH: &str = "/org/erikreider/swaync/cc";
const MAKO_PATH: &str = "/fr/emersion/Mako";

/// Handle on a running test notification server.
pub struct NotifyServer {
    conn: Connection,
    shared: Arc<Shared>,
    address: String,
}

impl NotifyServer {
    /// Connects to the bus at `address`, serves the interface and owns
    /// `org.freedesktop.Notifications`. Panics on failure (e.g. the name is taken).
    pub async fn start(address: &str, opts: ServerOptions) -> NotifyServer {
        let shared = Arc::new(Shared {
            opts,
            state: Mutex::new(State::default()),
            changed: tokio::sync::watch::Sender::new(0),
        });
        let iface = NotificationsIface {
            shared: Arc::clone(&shared),
        };
        let mut builder = Builder::address(address).serve_at(PATH, iface);
        if shared.opts.dunst {
            builder = builder.serve_at(
                PATH,
                DunstIface {
                    shared: Arc::clone(&shared),
                },
            );
        }
        if shared.opts.mako.is_some() {
            builder = builder.serve_at(
                MAKO_PATH,
                MakoIface {
                    shared: Arc::clone(&shared),
                },
            );
        }
        if shared.opts.swaync {
            builder = builder
                .serve_at(
                    SWAYNC_PATH,
                    SwayncIface {
                        shared: Arc::clone(&shared),
                    },
                )
                .name(SWAYNC_NAME);
        }
        let conn = builder.name(NAME).build().await.unwrap_or_else(|e| {
            panic!("test notification server cannot connect to {address:?} or own {NAME}: {e}")
        });
        NotifyServer {
            conn,
            shared,
            address: address.to_owned(),
        }
    }

    /// The bus address this server is connected to.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// The server's own unique bus name.
    pub fn unique_name(&self) -> String {
        self.conn
            .unique_name()
            .map(|n| n.to_string())
            .unwrap_or_default()
    }

    /// Every `Notify` call so far, in order.
    pub fn notifications(&self) -> Vec<Notified> {
        self.shared.lock().notified.clone()
    }

    /// Ids passed to `CloseNotification` so far, in call order (duplicates kept).
    pub fn closed_by_client(&self) -> Vec<u32> {
        self.shared.lock().closed_by_client.clone()
    }

    /// Ids notified and not closed since (by the client, dismissal or expiry).
    pub fn open_ids(&self) -> Vec<u32> {
        self.shared.lock().open.iter().copied().collect()
    }

    /// Waits until at least `count` `Notify` calls arrived in total and returns
    /// the `count`-th (1-based). Panics on timeout, listing what did arrive.
    pub async fn wait_for_notify(&self, count: usize, timeout: Duration) -> Notified {
        assert!(count >= 1, "wait_for_notify: count is 1-based");
        let desc = format!("{count} Notify call(s)");
        self.wait_until(&desc, timeout, |st| {
            st.notifications().get(count - 1).cloned()
        })
        .await
    }

    /// Waits until the client called `CloseNotification(id)`. Panics on timeout.
    pub async fn wait_for_close_by_client(&self, id: u32, timeout: Duration) {
        let desc = format!("CloseNotification({id})");
        self.wait_until(&desc, timeout, |st| {
            st.closed_by_client().contains(&id).then_some(())
        })
        .await;
    }

    /// Waits until `check` returns `Some`, re-checking on every server event.
    /// Panics on timeout with what the server saw.
    pub async fn wait_until<T>(
        &self,
        what: &str,
        timeout: Duration,
        mut check: impl FnMut(&StateView<'_>) -> Option<T>,
    ) -> T {
        let mut rx = self.shared.changed.subscribe();
        let result = tokio::time::timeout(timeout, async {
            loop {
                {
                    let st = self.shared.lock();
                    if let Some(v) = check(&StateView(&st)) {
                        return v;
                    }
                }
                // The sender lives as long as `self`, so this cannot fail.
                let _ = rx.changed().await;
            }
        })
        .await;
        match result {
            Ok(v) => v,
            Err(_) => panic!(
                "timed out after {timeout:?} waiting for {what}; the test notification server saw:\n{}",
                self.describe()
            ),
        }
    }

    /// A human-readable dump of everything recorded, for panic messages.
    pub fn describe(&self) -> String {
        let st = self.shared.lock();
        let mut out = format!("  {} Notify call(s):\n", st.notified.len());
        for (i, n) in st.notified.iter().enumerate() {
            out.push_str(&format!("    #{}: {n:?}\n", i + 1));
        }
        out.push_str(&format!(
            "  CloseNotification calls: {:?}\n  open ids: {:?}\n",
            st.closed_by_client, st.open
        ));
        out
    }

    /// Emits `ActionInvoked(id, action_key)`, as if the user clicked that
    /// action. Does NOT close the notification (like dunst): the client is
    /// expected to close it.
    pub async fn click(&self, id: u32, action_key: &str) {
        let dest = self.shared.destination_for(id);
        emit(&self.conn, dest, "ActionInvoked", &(id, action_key))
            .await
            .unwrap_or_else(|e| panic!("cannot emit ActionInvoked({id}, {action_key:?}): {e}"));
    }

    /// Emits `NotificationClosed(id, 2)` (dismissed by the user) and marks it closed.
    pub async fn dismiss(&self, id: u32) {
        self.close_with(id, REASON_DISMISSED).await;
    }

    /// Emits `NotificationClosed(id, 1)` (expired) and marks it closed.
    pub async fn expire(&self, id: u32) {
        self.close_with(id, REASON_EXPIRED).await;
    }

    /// Emits `NotificationClosed(id, reason)` with any reason and marks it closed.
    pub async fn close_with(&self, id: u32, reason: u32) {
        self.shared.lock().open.remove(&id);
        self.shared.bump();
        let dest = self.shared.destination_for(id);
        emit(&self.conn, dest, "NotificationClosed", &(id, reason))
            .await
            .unwrap_or_else(|e| panic!("cannot emit NotificationClosed({id}, {reason}): {e}"));
    }

    /// Pause or resume, as `dunstctl set-paused true|false` does: the pause level goes to
    /// dunst's maximum or to 0, and `PropertiesChanged` carries `paused` and `pauseLevel`.
    pub async fn set_paused(&self, paused: bool) {
        assert!(
            self.shared.opts.dunst,
            "set_paused: the server does not play dunst"
        );
        let level = if paused { DUNST_MAX_PAUSE_LEVEL } else { 0 };
        self.shared.lock().pause_level = level;
        let changed: HashMap<&str, Variant<'_>> = HashMap::from([
            ("paused", Variant::from(paused)),
            ("pauseLevel", Variant::from(level)),
        ]);
        self.properties_changed("org.dunstproject.cmd0", changed)
            .await;
    }

    /// Turn Plasma's do-not-disturb on or off (its `Inhibited`), with `PropertiesChanged`.
    pub async fn set_inhibited(&self, inhibited: bool) {
        assert!(
            self.shared.opts.plasma,
            "set_inhibited: the server does not play Plasma"
        );
        self.shared.lock().inhibited = inhibited;
        let changed = HashMap::from([("Inhibited", Variant::from(inhibited))]);
        self.properties_changed(INTERFACE, changed).await;
    }

    /// Set mako's modes, as `makoctl mode -s …` does; 1.10 and later announce it with
    /// `PropertiesChanged` invalidating `Modes` (sd-bus's EMITS_INVALIDATION).
    pub async fn set_mako_modes(&self, modes: &[&str]) {
        let Some(announced) = self.shared.opts.mako else {
            panic!("set_mako_modes: the server does not play mako");
        };
        self.shared.lock().mako_modes = modes.iter().map(|m| m.to_string()).collect();
        if announced {
            self.properties_changed_at(MAKO_PATH, "fr.emersion.Mako", HashMap::new(), &["Modes"])
                .await;
        }
    }

    /// Turn swaync's do-not-disturb on or off (`swaync-client -d`), with `SubscribeV2`.
    pub async fn set_swaync_dnd(&self, dnd: bool) {
        assert!(
            self.shared.opts.swaync,
            "set_swaync_dnd: the server does not play swaync"
        );
        let (count, inhibited) = {
            let mut st = self.shared.lock();
            st.swaync_dnd = dnd;
            (st.open.len() as u32, st.swaync_inhibited)
        };
        self.conn
            .emit_signal(
                None::<BusName<'_>>,
                SWAYNC_PATH,
                SWAYNC_NAME,
                "SubscribeV2",
                &(count, dnd, false, inhibited),
            )
            .await
            .unwrap_or_else(|e| panic!("cannot emit SubscribeV2: {e}"));
    }

    async fn properties_changed(&self, interface: &str, changed: HashMap<&str, Variant<'_>>) {
        self.properties_changed_at(PATH, interface, changed, &[])
            .await;
    }

    async fn properties_changed_at(
        &self,
        path: &str,
        interface: &str,
        changed: HashMap<&str, Variant<'_>>,
        invalidated: &[&str],
    ) {
        self.conn
            .emit_signal(
                None::<BusName<'_>>,
                path,
                "org.freedesktop.DBus.Properties",
                "PropertiesChanged",
                &(interface, changed, invalidated.to_vec()),
            )
            .await
            .unwrap_or_else(|e| panic!("cannot emit PropertiesChanged for {interface}: {e}"));
    }

    /// The server "dies": releases `org.freedesktop.Notifications` and closes
    /// its connection. `NotifyServer::start` on the same address brings a new one.
    pub async fn stop(self) {
        // The bus may already be gone; then there is nothing left to release.
        let _ = self.conn.release_name(NAME).await;
        let _ = self.conn.close().await;
    }
}

/// Read-only view of the recorded state, for [`NotifyServer::wait_until`].
pub struct StateView<'a>(&'a State);

impl StateView<'_> {
    /// Every `Notify` call so far, in order.
    pub fn notifications(&self) -> &[Notified] {
        &self.0.notified
    }

    /// Ids passed to `CloseNotification`, in call order.
    pub fn closed_by_client(&self) -> &[u32] {
        &self.0.closed_by_client
    }

    /// Whether `id` is notified and not closed.
    pub fn is_open(&self, id: u32) -> bool {
        self.0.open.contains(&id)
    }
}
