//! Screen lock and suspend from systemd-logind on the system bus.
//!
//! * Lock: the session's `LockedHint` property, which screen lockers (GNOME, KDE, swaylock
//!   through its integration, …) set; followed through `PropertiesChanged`.
//! * Suspend: `Manager.PrepareForSleep(true)` just before the machine sleeps and
//!   `PrepareForSleep(false)` right after it wakes. The engine measures the sleep on
//!   `CLOCK_BOOTTIME`, which keeps counting while suspended.
//!
//! The session is `$XDG_SESSION_ID` when set; a systemd user service is outside any
//! session, so otherwise the user's display session (`User.Display`) is used.

use std::time::Duration;

use futures_util::StreamExt;
use tokio::sync::mpsc;
use zbus::{Connection, OwnedObjectPath, proxy};

/// What logind reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionEvent {
    /// The session was locked.
    Locked,
    /// The session was unlocked.
    Unlocked,
    /// The machine is about to sleep.
    Sleeping,
    /// The machine woke up.
    Woke,
}

const CALL_TIMEOUT: Duration = Duration::from_secs(5);

/// Why logind cannot be followed.
#[derive(Debug, thiserror::Error)]
pub enum LogindError {
    /// No system bus.
    #[error("no system bus ({0})")]
    NoBus(zbus::Error),
    /// It did not answer in time.
    #[error("logind did not answer")]
    Timeout,
    /// `$XDG_SESSION_ID` names a session logind does not know.
    #[error("logind does not know session {id} ({source})")]
    UnknownSession {
        /// The session id.
        id: String,
        /// What logind said.
        source: zbus::Error,
    },
    /// logind does not answer for the user.
    #[error("logind is not available ({0})")]
    Unavailable(zbus::Error),
    /// The user's display session cannot be read.
    #[error("cannot read the user's display session ({0})")]
    NoDisplay(zbus::Error),
    /// The user has no graphical session.
    #[error("the user has no graphical session")]
    NoGraphicalSession,
    /// The connection closed.
    #[error("the system bus connection closed")]
    Closed,
    /// Any other bus error.
    #[error(transparent)]
    Bus(#[from] zbus::Error),
}

#[proxy(
    interface = "org.freedesktop.login1.Manager",
    default_service = "org.freedesktop.login1",
    default_path = "/org/freedesktop/login1"
)]
trait Manager {
    fn get_session(&self, session_id: &str) -> zbus::Result<OwnedObjectPath>;
    fn get_user(&self, uid: u32) -> zbus::Result<OwnedObjectPath>;
    #[zbus(signal)]
    fn prepare_for_sleep(&self, start: bool) -> zbus::Result<()>;
}

#[proxy(
    interface = "org.freedesktop.login1.User",
    default_service = "org.freedesktop.login1"
)]
trait User {
    #[zbus(property)]
    fn display(&self) -> zbus::Result<(String, OwnedObjectPath)>;
}

#[proxy(
    interface = "org.freedesktop.login1.Session",
    default_service = "org.freedesktop.login1"
)]
trait Session {
    #[zbus(property)]
    fn locked_hint(&self) -> zbus::Result<bool>;
}

/// A connection to logind, watching one session.
#[derive(Debug)]
pub struct Logind {
    manager: ManagerProxy<'static>,
    session: SessionProxy<'static>,
    /// The session's id, for the log.
    pub session_path: String,
}

/// Connect to logind on the system bus and find the user's graphical session.
pub async fn connect() -> Result<Logind, LogindError> {
    let connect = async {
        let connection = Connection::system().await.map_err(LogindError::NoBus)?;
        let manager = ManagerProxy::new(&connection).await?;
        let path = session_path(&connection, &manager).await?;
        let session = SessionProxy::builder(&connection)
            .path(path.clone())
            .build()
            .await?;
        Ok(Logind {
            manager,
            session,
            session_path: path.to_string(),
        })
    };
    tokio::time::timeout(CALL_TIMEOUT * 2, connect)
        .await
        .map_err(|_| LogindError::Timeout)?
}

async fn session_path(
    connection: &Connection,
    manager: &ManagerProxy<'static>,
) -> Result<OwnedObjectPath, LogindError> {
    if let Ok(id) = std::env::var("XDG_SESSION_ID")
        && !id.is_empty()
    {
        return manager
            .get_session(&id)
            .await
            .map_err(|source| LogindError::UnknownSession { id, source });
    }
    let uid = rustix::process::getuid().as_raw();
    let user_path = manager
        .get_user(uid)
        .await
        .map_err(LogindError::Unavailable)?;
    let user = UserProxy::builder(connection)
        .path(user_path)
        .build()
        .await?;
    let (id, path) = user.display().await.map_err(LogindError::NoDisplay)?;
    if id.is_empty() {
        return Err(LogindError::NoGraphicalSession);
    }
    Ok(path)
}

impl Logind {
    /// Report lock and sleep changes until `events` closes or logind goes away.
    pub async fn run(self, events: mpsc::Sender<SessionEvent>) {
        if let Err(err) = self.watch(&events).await {
            tracing::warn!(
                "logind watch stopped: {err}; screen lock and suspend are no longer tracked"
            );
        }
    }

    async fn watch(&self, events: &mpsc::Sender<SessionEvent>) -> Result<(), LogindError> {
        let mut sleeps = self.manager.receive_prepare_for_sleep().await?;
        let mut locks = self.session.receive_locked_hint_changed().await;
        let mut locked = self.session.locked_hint().await.unwrap_or(false);
        if locked && events.send(SessionEvent::Locked).await.is_err() {
            return Ok(());
        }
        loop {
            let event = tokio::select! {
                () = events.closed() => return Ok(()),
                signal = sleeps.next() => {
                    let Some(signal) = signal else {
                        return Err(LogindError::Closed);
                    };
                    match signal.args() {
                        Ok(args) if args.start => SessionEvent::Sleeping,
                        Ok(_) => SessionEvent::Woke,
                        Err(err) => {
                            tracing::debug!(%err, "unreadable PrepareForSleep");
                            continue;
                        }
                    }
                }
                change = locks.next() => {
                    let Some(change) = change else {
                        return Err(LogindError::Closed);
                    };
                    match change.get().await {
                        Ok(now_locked) if now_locked != locked => {
                            locked = now_locked;
                            if locked { SessionEvent::Locked } else { SessionEvent::Unlocked }
                        }
                        Ok(_) => continue,
                        Err(err) => {
                            tracing::debug!(%err, "unreadable LockedHint");
                            continue;
                        }
                    }
                }
            };
            if events.send(event).await.is_err() {
                return Ok(());
            }
        }
    }
}
