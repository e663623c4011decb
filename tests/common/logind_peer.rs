//! A stand-in for systemd-logind (`org.freedesktop.login1`) on a private bus that plays
//! the system bus: the Manager (`GetSession`, `GetUser`, `PrepareForSleep`), one User
//! with its `Display` session, and one Session with `LockedHint` and `PropertiesChanged`,
//! as logind names them. The test replays lock, unlock, sleep and wake.

use std::sync::{Arc, Mutex, PoisonError};

use zbus::connection::{Builder, Connection};
use zbus::object_server::SignalEmitter;
use zbus::{OwnedObjectPath, fdo, interface};

const NAME: &str = "org.freedesktop.login1";
const MANAGER: &str = "/org/freedesktop/login1";
/// The session's id and path.
pub const SESSION_ID: &str = "c7";
pub const SESSION_PATH: &str = "/org/freedesktop/login1/session/c7";
const USER_PATH: &str = "/org/freedesktop/login1/user/_1000";

#[derive(Default)]
struct Calls {
    get_user: Vec<u32>,
    get_session: Vec<String>,
}

struct Manager {
    calls: Arc<Mutex<Calls>>,
}

#[interface(name = "org.freedesktop.login1.Manager")]
impl Manager {
    async fn get_session(&self, session_id: String) -> fdo::Result<OwnedObjectPath> {
        self.calls
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_session
            .push(session_id.clone());
        if session_id == SESSION_ID {
            Ok(OwnedObjectPath::try_from(SESSION_PATH).expect("valid path"))
        } else {
            Err(fdo::Error::Failed(format!(
                "No session '{session_id}' known"
            )))
        }
    }

    async fn get_user(&self, uid: u32) -> OwnedObjectPath {
        self.calls
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_user
            .push(uid);
        OwnedObjectPath::try_from(USER_PATH).expect("valid path")
    }

    #[zbus(signal)]
    async fn prepare_for_sleep(emitter: &SignalEmitter<'_>, start: bool) -> zbus::Result<()>;
}

struct User;

#[interface(name = "org.freedesktop.login1.User")]
impl User {
    #[zbus(property)]
    async fn display(&self) -> (String, OwnedObjectPath) {
        (
            SESSION_ID.to_owned(),
            OwnedObjectPath::try_from(SESSION_PATH).expect("valid path"),
        )
    }
}

struct Session {
    locked: bool,
}

#[interface(name = "org.freedesktop.login1.Session")]
impl Session {
    #[zbus(property)]
    async fn locked_hint(&self) -> bool {
        self.locked
    }

    #[zbus(property)]
    async fn id(&self) -> String {
        SESSION_ID.to_owned()
    }
}

/// The running stand-in.
pub struct Logind {
    conn: Connection,
    calls: Arc<Mutex<Calls>>,
}

impl Logind {
    /// Serve logind on the bus at `address`, with the session locked or not.
    pub async fn start(address: &str, locked: bool) -> Logind {
        let calls = Arc::new(Mutex::new(Calls::default()));
        let conn = Builder::address(address)
            .serve_at(
                MANAGER,
                Manager {
                    calls: Arc::clone(&calls),
                },
            )
            .serve_at(USER_PATH, User)
            .serve_at(SESSION_PATH, Session { locked })
            .name(NAME)
            .build()
            .await
            .unwrap_or_else(|e| panic!("logind stand-in cannot start: {e}"));
        Logind { conn, calls }
    }

    /// uids the client asked `GetUser` for.
    pub fn get_user_calls(&self) -> Vec<u32> {
        self.calls
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_user
            .clone()
    }

    /// Set `LockedHint` and announce it with `PropertiesChanged`, as logind does when a
    /// screen locker calls `SetLockedHint`.
    pub async fn set_locked(&self, locked: bool) {
        let iface = self
            .conn
            .object_server()
            .interface::<_, Session>(SESSION_PATH)
            .await
            .expect("session interface");
        iface.get_mut().await.locked = locked;
        iface
            .get()
            .await
            .locked_hint_changed(iface.signal_emitter())
            .await
            .expect("emit PropertiesChanged");
    }

    /// `PrepareForSleep(start)`: true before suspending, false after waking.
    pub async fn prepare_for_sleep(&self, start: bool) {
        let emitter = SignalEmitter::new(&self.conn, MANAGER).expect("emitter");
        Manager::prepare_for_sleep(&emitter, start)
            .await
            .expect("emit PrepareForSleep");
    }
}
