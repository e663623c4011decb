//! Stand-ins for the session managers that list idle inhibitors, with their real names:
//!
//! * [`GnomeSession`]: gnome-session's `org.gnome.SessionManager` (`Inhibit`, `Uninhibit`,
//!   `IsInhibited`, `GetInhibitors`, the `InhibitedActions` property, `InhibitorAdded` /
//!   `InhibitorRemoved`), each inhibitor an object at `/org/gnome/SessionManager/InhibitorN`
//!   with `org.gnome.SessionManager.Inhibitor` (`GetAppId`, `GetReason`, `GetFlags`, …).
//! * [`KdePolicyAgent`]: PowerDevil's `org.kde.Solid.PowerManagement.PolicyAgent` as in
//!   Plasma 6.5 (`AddInhibition`, `ReleaseInhibition`, `HasInhibition`, `ListInhibitions`
//!   as `aas`, `ActiveInhibitions`, `InhibitionsChanged`, `PropertiesChanged`).
//!
//! The test plays an application: [`GnomeSession::inhibit`] and [`KdePolicyAgent::inhibit`]
//! call the real method from a connection of their own, as a video player would.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use zbus::connection::{Builder, Connection};
use zbus::object_server::{ObjectServer, SignalEmitter};
use zbus::{OwnedObjectPath, Variant, fdo, interface};

const GNOME_NAME: &str = "org.gnome.SessionManager";
const GNOME_PATH: &str = "/org/gnome/SessionManager";

/// gnome-session's `Inhibit` flags.
pub const GNOME_LOGOUT: u32 = 1;
pub const GNOME_SWITCH_USER: u32 = 2;
pub const GNOME_SUSPEND: u32 = 4;
pub const GNOME_IDLE: u32 = 8;

#[derive(Clone)]
struct GnomeInhibitor {
    path: OwnedObjectPath,
    app_id: String,
    reason: String,
    flags: u32,
}

#[derive(Default)]
struct GnomeState {
    serial: u32,
    /// By cookie.
    inhibitors: BTreeMap<u32, GnomeInhibitor>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

struct GnomeManager {
    state: Arc<Mutex<GnomeState>>,
}

impl GnomeManager {
    fn actions(&self) -> u32 {
        lock(&self.state)
            .inhibitors
            .values()
            .fold(0, |all, i| all | i.flags)
    }
}

#[interface(name = "org.gnome.SessionManager")]
impl GnomeManager {
    async fn inhibit(
        &self,
        #[zbus(object_server)] server: &ObjectServer,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
        app_id: String,
        _toplevel_xid: u32,
        reason: String,
        flags: u32,
    ) -> fdo::Result<u32> {
        if flags == 0 {
            return Err(fdo::Error::InvalidArgs("Invalid inhibit flags".into()));
        }
        let (cookie, inhibitor) = {
            let mut st = lock(&self.state);
            st.serial += 1;
            let path = OwnedObjectPath::try_from(format!("{GNOME_PATH}/Inhibitor{}", st.serial))
                .map_err(|e| fdo::Error::Failed(e.to_string()))?;
            // gnome-session's cookies are not the serials; neither are these.
            let cookie = 1000 + st.serial * 7;
            let inhibitor = GnomeInhibitor {
                path,
                app_id,
                reason,
                flags,
            };
            st.inhibitors.insert(cookie, inhibitor.clone());
            (cookie, inhibitor)
        };
        server
            .at(
                inhibitor.path.clone(),
                GnomeInhibitorIface(inhibitor.clone()),
            )
            .await
            .map_err(|e| fdo::Error::Failed(e.to_string()))?;
        self.inhibited_actions_changed(&emitter).await?;
        Self::inhibitor_added(&emitter, inhibitor.path.clone()).await?;
        Ok(cookie)
    }

    async fn uninhibit(
        &self,
        #[zbus(object_server)] server: &ObjectServer,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
        inhibit_cookie: u32,
    ) -> fdo::Result<()> {
        let Some(inhibitor) = lock(&self.state).inhibitors.remove(&inhibit_cookie) else {
            return Err(fdo::Error::InvalidArgs(
                "Unable to uninhibit: Invalid cookie".into(),
            ));
        };
        server
            .remove::<GnomeInhibitorIface, _>(inhibitor.path.clone())
            .await
            .map_err(|e| fdo::Error::Failed(e.to_string()))?;
        self.inhibited_actions_changed(&emitter).await?;
        Self::inhibitor_removed(&emitter, inhibitor.path).await?;
        Ok(())
    }

    async fn is_inhibited(&self, flags: u32) -> bool {
        self.actions() & flags != 0
    }

    async fn get_inhibitors(&self) -> Vec<OwnedObjectPath> {
        lock(&self.state)
            .inhibitors
            .values()
            .map(|i| i.path.clone())
            .collect()
    }

    #[zbus(property)]
    async fn inhibited_actions(&self) -> u32 {
        self.actions()
    }

    #[zbus(signal)]
    async fn inhibitor_added(emitter: &SignalEmitter<'_>, id: OwnedObjectPath) -> zbus::Result<()>;

    #[zbus(signal)]
    async fn inhibitor_removed(
        emitter: &SignalEmitter<'_>,
        id: OwnedObjectPath,
    ) -> zbus::Result<()>;
}

struct GnomeInhibitorIface(GnomeInhibitor);

#[interface(name = "org.gnome.SessionManager.Inhibitor")]
impl GnomeInhibitorIface {
    async fn get_app_id(&self) -> String {
        self.0.app_id.clone()
    }

    async fn get_client_id(&self) -> OwnedObjectPath {
        OwnedObjectPath::try_from("/").expect("valid path")
    }

    async fn get_reason(&self) -> String {
        self.0.reason.clone()
    }

    async fn get_flags(&self) -> u32 {
        self.0.flags
    }

    async fn get_toplevel_xid(&self) -> u32 {
        0
    }
}

/// The running gnome-session stand-in, and an application's connection to it.
pub struct GnomeSession {
    conn: Connection,
    app: Connection,
}

impl GnomeSession {
    /// Serve `org.gnome.SessionManager` on the bus at `address`.
    pub async fn start(address: &str) -> GnomeSession {
        let manager = GnomeManager {
            state: Arc::new(Mutex::new(GnomeState::default())),
        };
        let conn = Builder::address(address)
            .serve_at(GNOME_PATH, manager)
            .name(GNOME_NAME)
            .build()
            .await
            .unwrap_or_else(|e| panic!("GNOME session manager stand-in cannot start: {e}"));
        let app = Builder::address(address)
            .build()
            .await
            .unwrap_or_else(|e| panic!("the test application cannot connect: {e}"));
        GnomeSession { conn, app }
    }

    /// An application calls `Inhibit(app_id, 0, reason, flags)`; returns the cookie.
    pub async fn inhibit(&self, app_id: &str, reason: &str, flags: u32) -> u32 {
        let reply = self
            .app
            .call_method(
                Some(GNOME_NAME),
                GNOME_PATH,
                Some(GNOME_NAME),
                "Inhibit",
                &(app_id, 0u32, reason, flags),
            )
            .await
            .unwrap_or_else(|e| panic!("Inhibit({app_id:?}) failed: {e}"));
        reply
            .body()
            .deserialize::<u32>()
            .unwrap_or_else(|e| panic!("Inhibit answered no cookie: {e}"))
    }

    /// The application calls `Uninhibit(cookie)`.
    pub async fn uninhibit(&self, cookie: u32) {
        self.app
            .call_method(
                Some(GNOME_NAME),
                GNOME_PATH,
                Some(GNOME_NAME),
                "Uninhibit",
                &(cookie,),
            )
            .await
            .unwrap_or_else(|e| panic!("Uninhibit({cookie}) failed: {e}"));
    }

    /// gnome-session goes away.
    pub async fn stop(self) {
        let _ = self.conn.close().await;
        let _ = self.app.close().await;
    }
}

const KDE_NAME: &str = "org.kde.Solid.PowerManagement.PolicyAgent";
const KDE_PATH: &str = "/org/kde/Solid/PowerManagement/PolicyAgent";

/// PowerDevil's policies (`AddInhibition` types).
pub const KDE_INTERRUPT_SESSION: u32 = 1;
pub const KDE_CHANGE_SCREEN_SETTINGS: u32 = 4;

#[derive(Clone)]
struct KdeInhibition {
    policies: u32,
    who: String,
    why: String,
}

#[derive(Default)]
struct KdeState {
    next: u32,
    by_cookie: BTreeMap<u32, KdeInhibition>,
}

struct KdeAgent {
    state: Arc<Mutex<KdeState>>,
}

impl KdeAgent {
    /// `what` as PowerDevil spells it for logind: "sleep", "idle", "sleep:idle".
    fn what(policies: u32) -> String {
        let mut what = Vec::new();
        if policies & KDE_INTERRUPT_SESSION != 0 {
            what.push("sleep");
        }
        if policies & KDE_CHANGE_SCREEN_SETTINGS != 0 {
            what.push("idle");
        }
        what.join(":")
    }

    async fn properties_changed(emitter: &SignalEmitter<'_>) -> zbus::Result<()> {
        let changed: HashMap<&str, Variant<'_>> = HashMap::new();
        let invalidated = vec!["RequestedInhibitions", "ActiveInhibitions"];
        emitter
            .connection()
            .emit_signal(
                None::<zbus::names::BusName<'_>>,
                KDE_PATH,
                "org.freedesktop.DBus.Properties",
                "PropertiesChanged",
                &(KDE_NAME, changed, invalidated),
            )
            .await
    }
}

#[interface(name = "org.kde.Solid.PowerManagement.PolicyAgent")]
impl KdeAgent {
    async fn add_inhibition(
        &self,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
        types: u32,
        app_name: String,
        reason: String,
    ) -> fdo::Result<u32> {
        let cookie = {
            let mut st = lock(&self.state);
            st.next += 1;
            let cookie = st.next;
            st.by_cookie.insert(
                cookie,
                KdeInhibition {
                    policies: types,
                    who: app_name.clone(),
                    why: reason.clone(),
                },
            );
            cookie
        };
        Self::properties_changed(&emitter).await?;
        Self::inhibitions_changed(&emitter, vec![vec![app_name, reason]], Vec::new()).await?;
        Ok(cookie)
    }

    async fn release_inhibition(
        &self,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
        cookie: u32,
    ) -> fdo::Result<()> {
        let Some(gone) = lock(&self.state).by_cookie.remove(&cookie) else {
            return Ok(());
        };
        Self::properties_changed(&emitter).await?;
        Self::inhibitions_changed(&emitter, Vec::new(), vec![gone.who]).await?;
        Ok(())
    }

    async fn has_inhibition(&self, types: u32) -> bool {
        lock(&self.state)
            .by_cookie
            .values()
            .any(|i| i.policies & types != 0)
    }

    /// Plasma 6.5's shape: a list of [who, why].
    async fn list_inhibitions(&self) -> Vec<Vec<String>> {
        lock(&self.state)
            .by_cookie
            .values()
            .map(|i| vec![i.who.clone(), i.why.clone()])
            .collect()
    }

    /// (what, who, why, mode, flags): all active, all allowed.
    #[zbus(property(emits_changed_signal = "false"))]
    async fn active_inhibitions(&self) -> Vec<(String, String, String, String, u32)> {
        lock(&self.state)
            .by_cookie
            .values()
            .map(|i| {
                (
                    Self::what(i.policies),
                    i.who.clone(),
                    i.why.clone(),
                    "block".to_owned(),
                    0x1 | 0x2,
                )
            })
            .collect()
    }

    #[zbus(signal)]
    async fn inhibitions_changed(
        emitter: &SignalEmitter<'_>,
        added: Vec<Vec<String>>,
        removed: Vec<String>,
    ) -> zbus::Result<()>;
}

/// The running PowerDevil stand-in, and an application's connection to it.
pub struct KdePolicyAgent {
    conn: Connection,
    app: Connection,
}

impl KdePolicyAgent {
    /// Serve the policy agent on the bus at `address`.
    pub async fn start(address: &str) -> KdePolicyAgent {
        let agent = KdeAgent {
            state: Arc::new(Mutex::new(KdeState::default())),
        };
        let conn = Builder::address(address)
            .serve_at(KDE_PATH, agent)
            .name(KDE_NAME)
            .build()
            .await
            .unwrap_or_else(|e| panic!("KDE policy agent stand-in cannot start: {e}"));
        let app = Builder::address(address)
            .build()
            .await
            .unwrap_or_else(|e| panic!("the test application cannot connect: {e}"));
        KdePolicyAgent { conn, app }
    }

    /// An application calls `AddInhibition(types, app_name, reason)`; returns the cookie.
    pub async fn inhibit(&self, types: u32, app_name: &str, reason: &str) -> u32 {
        self.app
            .call_method(
                Some(KDE_NAME),
                KDE_PATH,
                Some(KDE_NAME),
                "AddInhibition",
                &(types, app_name, reason),
            )
            .await
            .unwrap_or_else(|e| panic!("AddInhibition({app_name:?}) failed: {e}"))
            .body()
            .deserialize::<u32>()
            .unwrap_or_else(|e| panic!("AddInhibition answered no cookie: {e}"))
    }

    /// The application calls `ReleaseInhibition(cookie)`.
    pub async fn release(&self, cookie: u32) {
        self.app
            .call_method(
                Some(KDE_NAME),
                KDE_PATH,
                Some(KDE_NAME),
                "ReleaseInhibition",
                &(cookie,),
            )
            .await
            .unwrap_or_else(|e| panic!("ReleaseInhibition({cookie}) failed: {e}"));
    }

    /// PowerDevil goes away.
    pub async fn stop(self) {
        let _ = self.conn.close().await;
        let _ = self.app.close().await;
    }
}
