//! The D-Bus control interface, `org.deskbreak.Deskbreak1` on the session bus: the
//! service side (a source for the daemon loop) and the client side (for the CLI).
//!
//! The interface never touches the engine: each call is forwarded to the daemon loop over
//! a channel with a reply slot, so the engine stays single-owner and lock-free.
//! Owning the well-known name also makes the daemon single-instance.

use tokio::sync::{mpsc, oneshot};
use zbus::{Connection, fdo, interface, proxy};

/// The well-known bus name.
pub const NAME: &str = "org.deskbreak.Deskbreak1";
/// The object path.
pub const PATH: &str = "/org/deskbreak/Deskbreak1";

/// What a control call asks the daemon to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// The due break was taken with its exercise.
    Done,
    /// Put the due break off by the configured snooze time.
    Snooze,
    /// Skip the due break.
    Skip,
}

/// Named errors a control call can return (`org.deskbreak.Deskbreak1.Error.*`).
#[derive(Debug, zbus::DBusError)]
#[zbus(prefix = "org.deskbreak.Deskbreak1.Error")]
pub enum ControlError {
    /// A transport error.
    #[zbus(error)]
    ZBus(zbus::Error),
    /// There is no break due to answer.
    NoBreakDue(String),
    /// Snoozes in a row have reached `breaks.max_snoozes`.
    SnoozeLimit(String),
    /// The daemon is shutting down.
    Unavailable(String),
}

/// A call waiting for the daemon loop's answer.
#[derive(Debug)]
pub struct Request {
    /// What to do.
    pub command: Command,
    /// Where the answer goes.
    pub reply: oneshot::Sender<Result<String, ControlError>>,
}

struct Service {
    requests: mpsc::Sender<Request>,
}

impl Service {
    async fn forward(&self, command: Command) -> Result<String, ControlError> {
        let (reply, answer) = oneshot::channel();
        let gone = || ControlError::Unavailable("deskbreak is shutting down".into());
        self.requests
            .send(Request { command, reply })
            .await
            .map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }
}

#[interface(name = "org.deskbreak.Deskbreak1")]
impl Service {
    /// Mark the due break as done. Returns a sentence saying what happened.
    async fn done(&self) -> Result<String, ControlError> {
        self.forward(Command::Done).await
    }

    /// Snooze the due break.
    async fn snooze(&self) -> Result<String, ControlError> {
        self.forward(Command::Snooze).await
    }

    /// Skip the due break.
    async fn skip(&self) -> Result<String, ControlError> {
        self.forward(Command::Skip).await
    }
}

/// Why the service could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// Another deskbreak owns the name.
    #[error("another deskbreak is already running on this session bus ({NAME} is taken)")]
    AlreadyRunning,
    /// No session bus, or it refused.
    #[error("cannot reach the session bus: {0}")]
    Bus(zbus::Error),
}

/// Serve the interface on the session bus. Calls arrive on the returned receiver; the
/// connection must be kept alive as long as the service should answer.
pub async fn serve() -> Result<(Connection, mpsc::Receiver<Request>), ServeError> {
    let (requests, receiver) = mpsc::channel(16);
    let connection = zbus::connection::Builder::session()
        .serve_at(PATH, Service { requests })
        .name(NAME)
        // A second instance must fail, not take over the first one's name.
        .allow_name_replacements(false)
        .replace_existing_names(false)
        .build()
        .await
        .map_err(|err| match err {
            zbus::Error::NameTaken => ServeError::AlreadyRunning,
            zbus::Error::FDO(ref e) if matches!(**e, fdo::Error::AddressInUse(_)) => {
                ServeError::AlreadyRunning
            }
            other => ServeError::Bus(other),
        })?;
    Ok((connection, receiver))
}

#[proxy(
    interface = "org.deskbreak.Deskbreak1",
    default_service = "org.deskbreak.Deskbreak1",
    default_path = "/org/deskbreak/Deskbreak1"
)]
trait Deskbreak1 {
    fn done(&self) -> zbus::Result<String>;
    fn snooze(&self) -> zbus::Result<String>;
    fn skip(&self) -> zbus::Result<String>;
}

/// Why a CLI call to the daemon failed, in words for the user.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// Nothing owns the name.
    #[error(
        "deskbreak is not running (nothing owns {NAME} on the session bus); start it with `deskbreak run`"
    )]
    NotRunning,
    /// No session bus.
    #[error("cannot reach the session bus ({0}); is this a desktop session?")]
    NoBus(zbus::Error),
    /// The daemon refused, with its reason.
    #[error("{0}")]
    Refused(String),
}

/// Send `command` to the running daemon; returns its answer.
pub async fn call(command: Command) -> Result<String, ClientError> {
    let connection = Connection::session().await.map_err(ClientError::NoBus)?;
    let proxy = Deskbreak1Proxy::new(&connection)
        .await
        .map_err(ClientError::NoBus)?;
    let result = match command {
        Command::Done => proxy.done().await,
        Command::Snooze => proxy.snooze().await,
        Command::Skip => proxy.skip().await,
    };
    result.map_err(|err| match err {
        zbus::Error::MethodError(name, message, _) => {
            let name = name.as_str();
            if name == "org.freedesktop.DBus.Error.ServiceUnknown"
                || name == "org.freedesktop.DBus.Error.NameHasNoOwner"
            {
                ClientError::NotRunning
            } else {
                ClientError::Refused(message.unwrap_or_else(|| name.to_owned()))
            }
        }
        zbus::Error::FDO(e) if matches!(*e, fdo::Error::ServiceUnknown(_)) => {
            ClientError::NotRunning
        }
        other => ClientError::NoBus(other),
    })
}
