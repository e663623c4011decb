//! Idle backends: how deskbreak learns that the user stopped (or resumed) using the
//! keyboard and mouse. One file per backend, probed in priority order.
//!
//! Every backend follows the same contract:
//!
//! * `probe(…, threshold) -> Result<Backend, XError>` checks that the backend works here
//!   (the error, its module's own enum, says why not, for the log), within a bounded time;
//! * `Backend::run(self, events)` reports [`Presence::Idle`] once when the user has been
//!   idle for `threshold`, then [`Presence::Active`] once when input resumes, and so on.
//!   It follows its peer: when the peer goes away (the bus name loses its owner, the
//!   socket breaks) it reports [`Presence::Lost`], and once the peer is back and the
//!   watches are armed again, [`Presence::Back`]. It returns when `events` is closed (the
//!   daemon stopped listening) or the peer cannot come back.
//!
//! [`start`] probes and runs on a task of its own and never blocks its caller: the
//! outcome of probing arrives as the first [`Report`], so a frozen display or a peer that
//! does not answer never stalls the daemon loop.
//!
//! Event-driven backends (Wayland, GNOME, X11 with SYNC's `IDLETIME` alarm) wake the
//! daemon only on a change; polled ones (ScreenSaver, X11 without that alarm) sleep until
//! the earliest moment the idle state could matter.

pub mod gnome;
pub mod screensaver;
pub mod wayland;
pub mod x11;

use std::time::Duration;

use futures_util::StreamExt;
use tokio::sync::mpsc;
use zbus::Connection;

/// The longest a backend's probe may take. A display or a peer that takes longer (a
/// frozen X server, a compositor that stopped answering) does not work here.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(5);

/// A change in the user's input activity, or in the backend's peer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// No input for `idle_for` (at least the threshold), as of the moment this is sent.
    Idle {
        /// How long ago the last input happened.
        idle_for: Duration,
    },
    /// Input again after being idle.
    Active,
    /// The backend's peer went away (logged by the backend): idle time is not measured
    /// until [`Presence::Back`]. The user counts as active meanwhile.
    Lost,
    /// The peer is back and the watches are armed again; the user counts as active
    /// until the next [`Presence::Idle`].
    Back,
}

/// What the backend task reports.
#[derive(Debug)]
pub enum Report {
    /// Probing ended: `kind` runs (or none does), and why the backends before it did not.
    /// Always the first report.
    Started {
        /// The backend in use; [`Kind::None`] if none works.
        kind: Kind,
        /// Why each backend tried before it (or the forced one) did not work.
        rejected: Vec<(Kind, ProbeError)>,
    },
    /// From the running backend.
    Presence(Presence),
}

/// Why a backend was passed over.
#[derive(Debug, thiserror::Error)]
pub enum ProbeError {
    /// Wayland's probe failed.
    #[error(transparent)]
    Wayland(#[from] wayland::WaylandError),
    /// GNOME's probe failed.
    #[error(transparent)]
    Gnome(#[from] gnome::GnomeError),
    /// X11's probe failed.
    #[error(transparent)]
    X11(#[from] x11::X11Error),
    /// The ScreenSaver probe failed.
    #[error(transparent)]
    ScreenSaver(#[from] screensaver::ScreenSaverError),
    /// A D-Bus backend, and the daemon has no session bus.
    #[error("no session bus")]
    NoBus,
    /// [`Kind::None`] is not probed.
    #[error("not a backend")]
    NotABackend,
    /// The probe took longer than [`PROBE_TIMEOUT`].
    #[error("did not answer within {} s", PROBE_TIMEOUT.as_secs())]
    Timeout,
}

/// Where backends send their reports.
pub type Events = mpsc::Sender<Presence>;

/// Doubling waits between attempts to reach a peer that went away: quick for a restart,
/// then no more than one wake-up a minute for a peer that stays away.
#[derive(Debug)]
struct Backoff {
    next: Duration,
}

impl Backoff {
    const FIRST: Duration = Duration::from_millis(500);
    const LONGEST: Duration = Duration::from_secs(60);

    fn new() -> Self {
        Self { next: Self::FIRST }
    }

    /// The wait before the next attempt.
    fn step(&mut self) -> Duration {
        let wait = self.next;
        self.next = (self.next * 2).min(Self::LONGEST);
        wait
    }
}

/// The name owner of a D-Bus peer, followed through `NameOwnerChanged`.
type Owners = zbus::proxy::OwnerChangedStream<'static>;

/// Wait until a D-Bus peer that failed may be back: its name gets a new owner, or, while
/// an owner is there that did not answer, the next [`Backoff`] step has passed. `false`:
/// stop (the daemon stopped listening, or the bus connection ended).
async fn peer_may_be_back(
    events: &Events,
    owners: &mut Owners,
    owned: &mut bool,
    backoff: &mut Backoff,
) -> bool {
    loop {
        let retry = async {
            if *owned {
                tokio::time::sleep(backoff.step()).await;
            } else {
                std::future::pending::<()>().await;
            }
        };
        tokio::select! {
            () = events.closed() => return false,
            () = retry => return true,
            owner = owners.next() => match owner {
                Some(Some(_)) => {
                    *owned = true;
                    return true;
                }
                Some(None) => *owned = false,
                None => return false,
            },
        }
    }
}

/// Which idle backend to use (`activity.backend`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Choice {
    /// Probe in priority order and take the first that works.
    #[default]
    Auto,
    /// Force one backend.
    Only(Kind),
}

/// The idle backends, in probing priority order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Wayland `ext-idle-notify-v1` (sway, Hyprland, KDE Plasma, niri, COSMIC, labwc…).
    Wayland,
    /// GNOME / Mutter `org.gnome.Mutter.IdleMonitor`.
    Gnome,
    /// X11 MIT-SCREEN-SAVER.
    X11,
    /// `org.freedesktop.ScreenSaver.GetSessionIdleTime` (KDE on X11 and others).
    ScreenSaver,
    /// No idle detection: all wall time awake counts as sitting.
    None,
}

impl Kind {
    /// Probing order for `auto`.
    pub const PRIORITY: [Kind; 4] = [Kind::Wayland, Kind::Gnome, Kind::X11, Kind::ScreenSaver];

    /// The name used in config, logs and status.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Kind::Wayland => wayland::NAME,
            Kind::Gnome => gnome::NAME,
            Kind::X11 => x11::NAME,
            Kind::ScreenSaver => screensaver::NAME,
            Kind::None => "none",
        }
    }

    /// The backend with this config name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Kind> {
        [
            Kind::Wayland,
            Kind::Gnome,
            Kind::X11,
            Kind::ScreenSaver,
            Kind::None,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }
}

/// A backend that probed successfully, ready to run.
#[derive(Debug)]
enum Ready {
    Wayland(wayland::Backend),
    Gnome(gnome::Backend),
    X11(x11::Backend),
    ScreenSaver(screensaver::Backend),
}

/// Probe per `choice` and run the winner, all on a task of its own; returns at once. The
/// first report says which backend won ([`Report::Started`]); the task ends when the
/// returned receiver is dropped. The D-Bus backends use `session`, the daemon's
/// session-bus connection (`None`: they are not tried).
#[must_use]
pub fn start(
    choice: Choice,
    threshold: Duration,
    session: Option<Connection>,
) -> mpsc::Receiver<Report> {
    let (reports, receiver) = mpsc::channel(8);
    tokio::spawn(async move {
        let (kind, rejected, ready) = probe(choice, threshold, session.as_ref()).await;
        let started = Report::Started { kind, rejected };
        if reports.send(started).await.is_err() {
            return;
        }
        let Some(ready) = ready else { return };
        let (sender, mut presence) = mpsc::channel(8);
        let backend = async move {
            match ready {
                Ready::Wayland(b) => b.run(sender).await,
                Ready::Gnome(b) => b.run(sender).await,
                Ready::X11(b) => b.run(sender).await,
                Ready::ScreenSaver(b) => b.run(sender).await,
            }
        };
        let forward = async move {
            while let Some(event) = presence.recv().await {
                if reports.send(Report::Presence(event)).await.is_err() {
                    return;
                }
            }
        };
        // The backend ends when `presence` is dropped, i.e. when forwarding ends because
        // the daemon dropped its receiver.
        tokio::join!(backend, forward);
    });
    receiver
}

/// Probe per `choice`, each backend within [`PROBE_TIMEOUT`]: the winner (or `None`)
/// and why the others were passed over.
async fn probe(
    choice: Choice,
    threshold: Duration,
    session: Option<&Connection>,
) -> (Kind, Vec<(Kind, ProbeError)>, Option<Ready>) {
    let candidates: Vec<Kind> = match choice {
        Choice::Auto => Kind::PRIORITY.to_vec(),
        Choice::Only(Kind::None) => Vec::new(),
        Choice::Only(kind) => vec![kind],
    };
    let mut rejected = Vec::new();
    for kind in candidates {
        let probed = async {
            match (kind, session) {
                (Kind::Wayland, _) => Ok(Ready::Wayland(wayland::probe(threshold).await?)),
                (Kind::Gnome, Some(bus)) => Ok(Ready::Gnome(gnome::probe(bus, threshold).await?)),
                (Kind::X11, _) => Ok(Ready::X11(x11::probe(threshold).await?)),
                (Kind::ScreenSaver, Some(bus)) => Ok(Ready::ScreenSaver(
                    screensaver::probe(bus, threshold).await?,
                )),
                (Kind::Gnome | Kind::ScreenSaver, None) => Err(ProbeError::NoBus),
                (Kind::None, _) => Err(ProbeError::NotABackend),
            }
        };
        let probed = tokio::time::timeout(PROBE_TIMEOUT, probed)
            .await
            .unwrap_or(Err(ProbeError::Timeout));
        match probed {
            Ok(ready) => return (kind, rejected, Some(ready)),
            Err(reason) => rejected.push((kind, reason)),
        }
    }
    (Kind::None, rejected, None)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    /// The reasons read as they did when they were plain strings: the log, doctor and
    /// the integration tests quote them.
    #[test]
    fn probe_errors_say_what_they_said_as_strings() {
        let said = |err: ProbeError| err.to_string();
        assert_eq!(said(ProbeError::NoBus), "no session bus");
        assert_eq!(said(ProbeError::NotABackend), "not a backend");
        assert_eq!(said(ProbeError::Timeout), "did not answer within 5 s");
        assert_eq!(
            said(x11::X11Error::NoDisplay.into()),
            "DISPLAY is not set: no X11 session"
        );
        assert_eq!(
            said(
                x11::X11Error::Timeout {
                    display: ":7".into()
                }
                .into()
            ),
            "X display :7 did not answer within 5 s (is the X server stopped?)"
        );
        assert_eq!(
            said(
                x11::X11Error::NoScreenSaver {
                    display: ":7".into()
                }
                .into()
            ),
            "X display :7 lacks the MIT-SCREEN-SAVER extension"
        );
        assert_eq!(
            said(wayland::WaylandError::NoDisplay.into()),
            "WAYLAND_DISPLAY is not set (not a Wayland session)"
        );
        assert_eq!(
            said(
                wayland::WaylandError::NoRuntimeDir {
                    display: PathBuf::from("wayland-1")
                }
                .into()
            ),
            "XDG_RUNTIME_DIR is not set to an absolute path, so WAYLAND_DISPLAY=wayland-1 \
             cannot be located"
        );
        assert_eq!(
            said(
                wayland::WaylandError::Connect {
                    path: PathBuf::from("/run/user/1/wayland-1"),
                    source: std::io::ErrorKind::TimedOut.into(),
                }
                .into()
            ),
            "cannot connect to the Wayland compositor at /run/user/1/wayland-1: timed out"
        );
        assert_eq!(
            said(wayland::WaylandError::Timeout.into()),
            "the Wayland compositor did not answer within 5 s"
        );
        let absent = || zbus::Error::Failure("gone".into());
        assert_eq!(
            said(gnome::GnomeError::Unavailable(absent()).into()),
            format!(
                "org.gnome.Mutter.IdleMonitor is not available ({}); not a GNOME session",
                crate::bus::describe(&absent())
            )
        );
        assert_eq!(
            said(screensaver::ScreenSaverError::Unavailable(absent()).into()),
            format!(
                "org.freedesktop.ScreenSaver.GetSessionIdleTime is not available ({})",
                crate::bus::describe(&absent())
            )
        );
    }
}
