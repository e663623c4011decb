//! The tray icon: a StatusNotifierItem with a dbusmenu menu, on the daemon's own
//! session-bus connection.
//!
//! * [`icon`] — the looks, drawn in code (pure).
//! * `view` — what a published status looks like at a given time: look, tooltip, when
//!   the sitting ring next moves (pure).
//! * `item` — `org.kde.StatusNotifierItem` at `/StatusNotifierItem`.
//! * `menu` — `com.canonical.dbusmenu` at `/MenuBar`.
//! * `open` — "Open config file", outside the service's sandbox.
//! * `today` — "Today: N breaks", from the history's tail.
//!
//! # How it runs
//!
//! [`start`] spawns one task. It follows `NameOwnerChanged` of
//! `org.kde.StatusNotifierWatcher` (one match rule: with no tray on the desktop that is
//! all it costs). When a watcher is there, or appears, or restarts, the task serves the
//! two objects, takes a `org.kde.StatusNotifierItem-PID-1` name and registers it; when
//! the watcher leaves, it withdraws both. The daemon hands it each published status
//! through [`Tray::show`] (a `watch` channel: the loop never waits on the tray); the task
//! emits `NewIcon`, `NewToolTip` and `NewStatus` only when what they describe changed,
//! and, while the user sits, moves the ring at most every five minutes
//! ([`view::RING_STEP_MIN`]). Away, paused or off hours, it never wakes.
//!
//! Clicks come back as [`Click`]s and go to the daemon as control [`Request`]s, the same
//! path the CLI takes; "Quit" cancels the token [`start`] returns, which the daemon
//! treats as its shutdown. Dropping the [`Tray`] ends the task, which withdraws the item.

pub mod icon;
mod item;
mod menu;
mod open;
mod today;
mod view;

use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use chrono::Local;
use futures_util::StreamExt;
use tokio::sync::{mpsc, oneshot, watch};
use tokio_util::sync::CancellationToken;
use zbus::{Connection, fdo, proxy};

use crate::engine::Schedule;

pub use menu::Click;

use crate::control::{Command, Request};
use crate::engine::PhaseKind;
use crate::status::Status;
use icon::Look;
use item::Item;
use menu::{Menu, Row};

/// The watcher's well-known name, which tray hosts (Plasma, the AppIndicator extension,
/// waybar, …) own.
pub const WATCHER: &str = "org.kde.StatusNotifierWatcher";

/// How long a click waits for the daemon's answer. (Calls to the watcher are bounded by
/// the shared connection's method timeout, `bus::CALL_TIMEOUT`.)
const ANSWER_TIMEOUT: Duration = Duration::from_secs(5);

#[proxy(
    interface = "org.kde.StatusNotifierWatcher",
    default_service = "org.kde.StatusNotifierWatcher",
    default_path = "/StatusNotifierWatcher"
)]
trait StatusNotifierWatcher {
    fn register_status_notifier_item(&self, service: &str) -> zbus::Result<()>;
}

/// `tray.enabled`: when to show the icon.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Enabled {
    /// Whenever a StatusNotifierWatcher is on the bus.
    #[default]
    Auto,
    /// Never.
    Off,
}

/// What the two interfaces serve; the tray task keeps it up to date.
struct Shown {
    /// The status as last published by the daemon.
    status: Status,
    look: Look,
    /// `look` drawn at every size (drawn once per change of look, not per read).
    pixmap: Vec<(i32, i32, Vec<u8>)>,
    tooltip: String,
    rows: Vec<Row>,
    /// Breaks taken today, as last counted (`None`: unknown).
    today: Option<u32>,
    /// The menu layout's revision (constant: the rows are fixed).
    revision: u32,
    /// Where the history is, for the day's count.
    history: PathBuf,
}

impl Shown {
    fn status_word(&self) -> &'static str {
        if self.status.phase == PhaseKind::Due {
            "NeedsAttention"
        } else {
            "Active"
        }
    }
}

type Shared = Arc<Mutex<Shown>>;

fn lock(shared: &Shared) -> MutexGuard<'_, Shown> {
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What the daemon wants shown.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Wanted {
    status: Status,
    enabled: Enabled,
    /// `[schedule]`, for "Pause until tomorrow".
    schedule: Schedule,
}

/// The daemon's handle on the tray. Dropping it takes the icon away.
pub struct Tray {
    wanted: watch::Sender<Wanted>,
}

impl Tray {
    /// Show `status` (a no-op if it is the one shown).
    pub fn show(&self, status: &Status) {
        self.wanted.send_if_modified(|wanted| {
            if wanted.status == *status {
                return false;
            }
            status.clone_into(&mut wanted.status);
            true
        });
    }

    /// Use `schedule` for "Pause until tomorrow" (after a reload).
    pub fn set_schedule(&self, schedule: &Schedule) {
        self.wanted.send_if_modified(|wanted| {
            let changed = wanted.schedule != *schedule;
            schedule.clone_into(&mut wanted.schedule);
            changed
        });
    }

    /// Turn the icon on or off (`tray.enabled`, after a reload).
    pub fn enable(&self, enabled: Enabled) {
        self.wanted.send_if_modified(|wanted| {
            let changed = wanted.enabled != enabled;
            wanted.enabled = enabled;
            changed
        });
    }
}

/// What the tray needs from the daemon.
pub struct Setup {
    /// The daemon's session-bus connection.
    pub connection: Connection,
    /// Where clicks go: the control service's request channel.
    pub requests: mpsc::Sender<Request>,
    /// The config file, for "Open config file".
    pub config: PathBuf,
    /// The history, for "Today: N breaks".
    pub history: PathBuf,
    /// The status to show first.
    pub status: Status,
    /// `tray.enabled`.
    pub enabled: Enabled,
    /// `[schedule]`: "Pause until tomorrow" lasts until the next working-hours start.
    pub schedule: Schedule,
}

/// Start the tray task. Returns its handle and the token "Quit" cancels.
#[must_use]
pub fn start(setup: Setup) -> (Tray, CancellationToken) {
    let now = Local::now();
    let look = view::look(&setup.status, now);
    let shown = Shown {
        look,
        pixmap: icon::pixmap(look),
        tooltip: view::tooltip(&setup.status, now),
        rows: menu::rows(&setup.status, now, None),
        today: None,
        revision: 1,
        history: setup.history,
        status: setup.status.clone(),
    };
    let (wanted, wishes) = watch::channel(Wanted {
        status: setup.status,
        enabled: setup.enabled,
        schedule: setup.schedule.clone(),
    });
    let (clicks_to, clicks) = mpsc::channel(8);
    let quit = CancellationToken::new();
    let runner = Runner {
        connection: setup.connection,
        shared: Arc::new(Mutex::new(shown)),
        requests: setup.requests,
        config: setup.config,
        schedule: setup.schedule,
        clicks_to,
        quit: quit.clone(),
        name: format!("org.kde.StatusNotifierItem-{}-1", std::process::id()),
        served: false,
        registered: false,
    };
    tokio::spawn(runner.run(wishes, clicks));
    (Tray { wanted }, quit)
}

/// `shutdown`, or "Quit" from the tray's menu, whichever comes first.
pub async fn or_quit(shutdown: impl Future<Output = ()>, quit: Option<CancellationToken>) {
    match quit {
        Some(quit) => tokio::select! {
            () = shutdown => {}
            () = quit.cancelled_owned() => {}
        },
        None => shutdown.await,
    }
}

/// The tray task's state.
struct Runner {
    connection: Connection,
    shared: Shared,
    requests: mpsc::Sender<Request>,
    config: PathBuf,
    /// `[schedule]`, as last wanted.
    schedule: Schedule,
    /// Handed to the interfaces each time they are served.
    clicks_to: mpsc::Sender<Click>,
    quit: CancellationToken,
    /// The well-known name the item is registered under.
    name: String,
    /// The objects are on the object server and the name is ours.
    served: bool,
    /// The watcher accepted the item.
    registered: bool,
}

impl Runner {
    async fn run(mut self, mut wishes: watch::Receiver<Wanted>, mut clicks: mpsc::Receiver<Click>) {
        let dbus = match fdo::DBusProxy::new(&self.connection).await {
            Ok(dbus) => dbus,
            Err(err) => {
                tracing::warn!(%err, "tray icon disabled: cannot watch for a tray");
                return;
            }
        };
        let mut enabled = wishes.borrow_and_update().enabled;
        let mut owners = match enabled {
            Enabled::Auto => self.follow(&dbus).await,
            Enabled::Off => None,
        };
        loop {
            let tick = if self.registered {
                view::next_step_in(&lock(&self.shared).status, Local::now())
            } else {
                None
            };
            tokio::select! {
                changed = wishes.changed() => {
                    if changed.is_err() {
                        break;
                    }
                    let wanted = wishes.borrow_and_update().clone();
                    self.schedule = wanted.schedule;
                    self.update(Some(wanted.status)).await;
                    if wanted.enabled != enabled {
                        enabled = wanted.enabled;
                        owners = match enabled {
                            Enabled::Auto => self.follow(&dbus).await,
                            Enabled::Off => {
                                self.withdraw().await;
                                tracing::info!("tray icon turned off (tray.enabled)");
                                None
                            }
                        };
                    }
                }
                Some(signal) = next_owner(&mut owners) => {
                    let appeared = signal
                        .args()
                        .is_ok_and(|args| args.new_owner().is_some());
                    if appeared {
                        tracing::info!("a StatusNotifierWatcher appeared");
                        self.register().await;
                    } else {
                        self.withdraw().await;
                        tracing::info!("the StatusNotifierWatcher left; tray icon withdrawn");
                    }
                }
                () = sleep(tick) => self.update(None).await,
                Some(click) = clicks.recv() => self.click(click).await,
            }
        }
        self.withdraw().await;
    }

    /// Follow the watcher's comings and goings, and register with it if it is there.
    async fn follow(&mut self, dbus: &fdo::DBusProxy<'_>) -> Option<fdo::NameOwnerChangedStream> {
        // Subscribe before asking, so that a watcher appearing in between is not missed.
        let owners = match dbus
            .receive_name_owner_changed_with_args(&[(0, WATCHER)])
            .await
        {
            Ok(owners) => owners,
            Err(err) => {
                tracing::warn!(%err, "tray icon disabled: cannot watch for a tray");
                return None;
            }
        };
        let watcher = zbus::names::WellKnownName::from_static_str_unchecked(WATCHER).into();
        if dbus.name_has_owner(watcher).await.unwrap_or(false) {
            self.register().await;
        } else {
            tracing::debug!("no StatusNotifierWatcher on the bus; the tray icon waits for one");
        }
        Some(owners)
    }

    /// Bring [`Shown`] up to `status` (or the same status, later) and announce what
    /// changed.
    async fn update(&mut self, status: Option<Status>) {
        let now = Local::now();
        // A ring step: the same status, later.
        let tick = status.is_none();
        let (old, status) = {
            let shown = lock(&self.shared);
            let status = status.unwrap_or_else(|| shown.status.clone());
            (shown.status.clone(), status)
        };
        let old_phase = old.phase;
        // A change of phase is when a break may have been recorded.
        let today = if old_phase != status.phase || lock(&self.shared).today.is_none() {
            let history = lock(&self.shared).history.clone();
            today::count(history, now.date_naive()).await
        } else {
            lock(&self.shared).today
        };
        let look = view::look(&status, now);
        let tooltip = view::tooltip(&status, now);
        let rows = menu::rows(&status, now, today);
        let (new_icon, new_tooltip, new_status, rows_changed) = {
            let mut shown = lock(&self.shared);
            let word = shown.status_word();
            let new_icon = shown.look != look;
            let rows_changed = menu::changed(&shown.rows, &rows);
            // The daemon republishes as sitting time grows. That alone changes only the
            // countdown in the tooltip and in the menu's first row: it waits for the next
            // ring step, so that the host is woken at most as often as the ring moves
            // (the menu is brought up to date on `AboutToShow` anyway).
            let minute = |t: Option<chrono::DateTime<Local>>| t.map(|t| t.timestamp() / 60);
            let significant = tick
                || new_icon
                || old.phase != status.phase
                || old.paused != status.paused
                || minute(old.next_break) != minute(status.next_break)
                || rows_changed.iter().any(|(id, _)| *id != menu::HEADLINE);
            shown.status = status;
            shown.today = today;
            if !significant {
                return;
            }
            if new_icon {
                shown.look = look;
                shown.pixmap = icon::pixmap(look);
            }
            let new_tooltip = shown.tooltip != tooltip;
            shown.tooltip = tooltip;
            shown.rows = rows;
            let new_word = shown.status_word();
            (
                new_icon,
                new_tooltip,
                (word != new_word).then_some(new_word),
                rows_changed,
            )
        };
        if self.registered
            && let Err(err) = self
                .announce(new_icon, new_tooltip, new_status, rows_changed)
                .await
        {
            tracing::debug!(%err, "cannot announce the tray icon's change");
        }
    }

    async fn announce(
        &self,
        new_icon: bool,
        new_tooltip: bool,
        new_status: Option<&str>,
        rows: Vec<(i32, std::collections::HashMap<String, zbus::OwnedVariant>)>,
    ) -> zbus::Result<()> {
        let server = self.connection.object_server();
        let item = server.interface::<_, Item>(item::PATH).await?;
        let emitter = item.signal_emitter();
        if new_icon {
            Item::new_icon(emitter).await?;
        }
        if new_tooltip {
            Item::new_tool_tip(emitter).await?;
        }
        if let Some(word) = new_status {
            Item::new_status(emitter, word).await?;
        }
        if !rows.is_empty() {
            let menu = server.interface::<_, Menu>(menu::PATH).await?;
            Menu::items_properties_updated(menu.signal_emitter(), rows, Vec::new()).await?;
        }
        Ok(())
    }

    /// Serve the item (if not yet) and register it with the watcher.
    async fn register(&mut self) {
        self.registered = false;
        self.update(None).await;
        if !self.served {
            if let Err(err) = self.serve().await {
                tracing::warn!(%err, "cannot serve the tray icon");
                self.withdraw().await;
                return;
            }
            self.served = true;
        }
        let registered = async {
            let watcher = StatusNotifierWatcherProxy::builder(&self.connection)
                .cache_properties(zbus::proxy::CacheProperties::No)
                .build()
                .await?;
            watcher.register_status_notifier_item(&self.name).await
        };
        match registered.await {
            Ok(()) => {
                tracing::info!(name = %self.name, "tray icon registered");
                self.registered = true;
            }
            Err(err) if crate::bus::timed_out(&err) => {
                tracing::warn!("the StatusNotifierWatcher did not answer; no tray icon");
                self.withdraw().await;
            }
            Err(err) => {
                tracing::warn!(%err, "the StatusNotifierWatcher refused the tray icon");
                self.withdraw().await;
            }
        }
    }

    async fn serve(&self) -> zbus::Result<()> {
        let server = self.connection.object_server();
        server
            .at(
                item::PATH,
                Item {
                    shared: Arc::clone(&self.shared),
                    clicks: self.clicks_to.clone(),
                },
            )
            .await?;
        server
            .at(
                menu::PATH,
                Menu {
                    shared: Arc::clone(&self.shared),
                    clicks: self.clicks_to.clone(),
                },
            )
            .await?;
        let flags = zbus::fdo::RequestNameFlags::DO_NOT_QUEUE;
        self.connection
            .request_name_with_flags(self.name.as_str(), flags)
            .await?;
        Ok(())
    }

    /// Take the item off the bus: nothing of it is left while no tray is there.
    async fn withdraw(&mut self) {
        self.registered = false;
        if !self.served {
            return;
        }
        self.served = false;
        let server = self.connection.object_server();
        let _ = server.remove::<Item, _>(item::PATH).await;
        let _ = server.remove::<Menu, _>(menu::PATH).await;
        let _ = self.connection.release_name(self.name.as_str()).await;
    }

    async fn click(&mut self, click: Click) {
        let command = match click {
            Click::BreakNow => Command::BreakNow,
            Click::Guide => Command::Guide(None),
            Click::Snooze => Command::Snooze(None),
            Click::Pause(d) => Command::Pause(Some(d)),
            Click::PauseUntilTomorrow => {
                Command::PauseUntil(view::tomorrow(Local::now(), &self.schedule))
            }
            Click::Resume => Command::Resume,
            Click::OpenConfig => {
                let connection = self.connection.clone();
                let path = self.config.clone();
                // Bounded in time (each way of opening has its own timeout); it must not
                // hold up the icon meanwhile.
                tokio::spawn(async move {
                    let default = crate::config::DEFAULT_TOML;
                    match open::open(&connection, &path, default).await {
                        Ok(how) => tracing::info!(path = %path.display(), how, "config opened"),
                        Err(err) => {
                            tracing::warn!("cannot open the config file {}: {err}", path.display())
                        }
                    }
                });
                return;
            }
            Click::Quit => {
                tracing::info!("quit from the tray");
                self.quit.cancel();
                return;
            }
        };
        let (reply, answer) = oneshot::channel();
        let asked = async {
            self.requests
                .send(Request { command, reply })
                .await
                .map_err(|_| ())?;
            answer.await.map_err(|_| ())
        };
        match tokio::time::timeout(ANSWER_TIMEOUT, asked).await {
            Ok(Ok(Ok(said))) => tracing::info!(?click, "tray: {said}"),
            Ok(Ok(Err(refused))) => tracing::info!(?click, "tray: refused: {refused}"),
            Ok(Err(())) | Err(_) => tracing::debug!(?click, "tray: the daemon did not answer"),
        }
    }
}

/// The watcher's next change of owner; never, while not following it.
async fn next_owner(
    owners: &mut Option<fdo::NameOwnerChangedStream>,
) -> Option<fdo::NameOwnerChanged> {
    match owners {
        Some(owners) => owners.next().await,
        None => std::future::pending().await,
    }
}

async fn sleep(duration: Option<Duration>) {
    match duration {
        Some(duration) => tokio::time::sleep(duration).await,
        None => std::future::pending().await,
    }
}
