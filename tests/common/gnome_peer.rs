//! A stand-in for Mutter's `org.gnome.Mutter.IdleMonitor` on a private bus, with the
//! real names: `GetIdletime`, `AddIdleWatch`, `AddUserActiveWatch`, `RemoveWatch` and the
//! `WatchFired` signal, sent (as Mutter does) only to the connection that added the watch.
//! The test plays the user with `go_idle` and `come_back`.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use zbus::connection::{Builder, Connection};
use zbus::interface;
use zbus::message::Header;
use zbus::names::BusName;

const NAME: &str = "org.gnome.Mutter.IdleMonitor";
const PATH: &str = "/org/gnome/Mutter/IdleMonitor/Core";
const INTERFACE: &str = "org.gnome.Mutter.IdleMonitor";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Watch {
    Idle { interval_ms: u64 },
    UserActive,
}

#[derive(Default)]
struct State {
    next_id: u32,
    /// (id, kind, owner's unique name)
    watches: Vec<(u32, Watch, String)>,
    idle_ms: u64,
}

struct Iface {
    state: Arc<Mutex<State>>,
}

fn lock(state: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

#[interface(name = "org.gnome.Mutter.IdleMonitor")]
impl Iface {
    async fn get_idletime(&self) -> u64 {
        lock(&self.state).idle_ms
    }

    async fn add_idle_watch(&self, #[zbus(header)] header: Header<'_>, interval: u64) -> u32 {
        self.add(
            header,
            Watch::Idle {
                interval_ms: interval,
            },
        )
    }

    async fn add_user_active_watch(&self, #[zbus(header)] header: Header<'_>) -> u32 {
        self.add(header, Watch::UserActive)
    }

    async fn remove_watch(&self, id: u32) {
        lock(&self.state).watches.retain(|w| w.0 != id);
    }

    #[zbus(signal)]
    async fn watch_fired(
        emitter: &zbus::object_server::SignalEmitter<'_>,
        id: u32,
    ) -> zbus::Result<()>;
}

impl Iface {
    fn add(&self, header: Header<'_>, watch: Watch) -> u32 {
        let owner = header.sender().map(|s| s.to_string()).unwrap_or_default();
        let mut st = lock(&self.state);
        st.next_id += 1;
        let id = st.next_id;
        st.watches.push((id, watch, owner));
        id
    }
}

/// The running stand-in.
pub struct GnomeIdleMonitor {
    conn: Connection,
    state: Arc<Mutex<State>>,
}

impl GnomeIdleMonitor {
    /// Serve the idle monitor on the bus at `address`.
    pub async fn start(address: &str) -> GnomeIdleMonitor {
        let state = Arc::new(Mutex::new(State::default()));
        let conn = Builder::address(address)
            .serve_at(
                PATH,
                Iface {
                    state: Arc::clone(&state),
                },
            )
            .name(NAME)
            .build()
            .await
            .unwrap_or_else(|e| panic!("GNOME idle monitor stand-in cannot start: {e}"));
        GnomeIdleMonitor { conn, state }
    }

    /// gnome-shell exits (or restarts): its connection closes, and with it go the name
    /// and every watch.
    pub async fn stop(self) {
        self.conn
            .close()
            .await
            .unwrap_or_else(|e| panic!("GNOME idle monitor stand-in cannot stop: {e}"));
    }

    /// The watches currently registered.
    pub fn watches(&self) -> Vec<Watch> {
        lock(&self.state)
            .watches
            .iter()
            .map(|w| w.1.clone())
            .collect()
    }

    /// Wait until a watch matching `want` is registered.
    pub async fn wait_for_watch(&self, want: impl Fn(&Watch) -> bool, timeout: Duration) {
        let deadline = tokio::time::Instant::now() + timeout;
        while !self.watches().iter().any(&want) {
            assert!(
                tokio::time::Instant::now() < deadline,
                "watch not registered; have {:?}",
                self.watches()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    async fn fire(&self, id: u32, owner: &str) {
        let dest = BusName::try_from(owner.to_owned()).expect("owner is a bus name");
        self.conn
            .emit_signal(Some(dest), PATH, INTERFACE, "WatchFired", &(id,))
            .await
            .expect("emit WatchFired");
    }

    /// The user has been idle for `idle_ms`: fire every idle watch whose interval it reached.
    pub async fn go_idle(&self, idle_ms: u64) {
        let due: Vec<(u32, String)> = {
            let mut st = lock(&self.state);
            st.idle_ms = idle_ms;
            st.watches
                .iter()
                .filter(|w| matches!(w.1, Watch::Idle { interval_ms } if interval_ms <= idle_ms))
                .map(|w| (w.0, w.2.clone()))
                .collect()
        };
        for (id, owner) in due {
            self.fire(id, &owner).await;
        }
    }

    /// Input again: fire (and remove, as Mutter does) every user-active watch.
    pub async fn come_back(&self) {
        let due: Vec<(u32, String)> = {
            let mut st = lock(&self.state);
            st.idle_ms = 0;
            let due = st
                .watches
                .iter()
                .filter(|w| w.1 == Watch::UserActive)
                .map(|w| (w.0, w.2.clone()))
                .collect();
            st.watches.retain(|w| w.1 != Watch::UserActive);
            due
        };
        for (id, owner) in due {
            self.fire(id, &owner).await;
        }
    }
}
