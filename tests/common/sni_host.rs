//! A test tray on a real bus: a StatusNotifierWatcher (`org.kde.StatusNotifierWatcher`)
//! on one connection, and a host on another that reads items the way Plasma, the
//! AppIndicator extension and waybar do: their `org.kde.StatusNotifierItem` properties,
//! their `New*` signals, and their `com.canonical.dbusmenu` menu.
//!
//! The watcher can leave the bus and come back (a desktop shell restarting) while the
//! host keeps its connection.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use futures_util::StreamExt;
use tokio::sync::watch;
use zbus::connection::{Builder, Connection};
use zbus::message::Header;
use zbus::object_server::SignalEmitter;
use zbus::{OwnedVariant, Variant, interface};

/// The watcher's name and path.
pub const WATCHER: &str = "org.kde.StatusNotifierWatcher";
pub const WATCHER_PATH: &str = "/StatusNotifierWatcher";
/// The item's interface and default path.
pub const ITEM: &str = "org.kde.StatusNotifierItem";
pub const ITEM_PATH: &str = "/StatusNotifierItem";
/// The menu interface.
pub const MENU: &str = "com.canonical.dbusmenu";

#[derive(Default)]
struct Log {
    /// Services registered with the watcher, in order, as given.
    registered: Vec<String>,
    /// Signals seen from items: `NewIcon`, `NewToolTip`, `NewStatus`,
    /// `ItemsPropertiesUpdated`, `LayoutUpdated`.
    signals: Vec<String>,
}

#[derive(Clone)]
struct Shared {
    log: Arc<Mutex<Log>>,
    changed: watch::Sender<u64>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Log> {
        self.log.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn poke(&self) {
        self.changed.send_modify(|n| *n = n.wrapping_add(1));
    }

    async fn wait(&self, what: &str, timeout: Duration, done: impl Fn(&Log) -> bool) {
        let mut rx = self.changed.subscribe();
        let waited = tokio::time::timeout(timeout, async {
            loop {
                if done(&self.lock()) {
                    return;
                }
                let _ = rx.changed().await;
            }
        })
        .await;
        if waited.is_err() {
            let log = self.lock();
            panic!(
                "timed out after {timeout:?} waiting for {what}; registered {:?}, signals {:?}",
                log.registered, log.signals
            );
        }
    }
}

struct Watcher {
    shared: Shared,
}

#[interface(name = "org.kde.StatusNotifierWatcher")]
impl Watcher {
    async fn register_status_notifier_item(
        &self,
        #[zbus(header)] header: Header<'_>,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
        service: String,
    ) {
        // As Plasma does: a path means "the sender, at this path".
        let name = if service.starts_with('/') {
            header
                .sender()
                .map(|s| format!("{s}{service}"))
                .unwrap_or(service)
        } else {
            service
        };
        self.shared.lock().registered.push(name.clone());
        self.shared.poke();
        let _ = Self::status_notifier_item_registered(&emitter, &name).await;
    }

    async fn register_status_notifier_host(&self, _service: String) {}

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        self.shared.lock().registered.clone()
    }

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }

    #[zbus(signal)]
    async fn status_notifier_item_registered(
        emitter: &SignalEmitter<'_>,
        service: &str,
    ) -> zbus::Result<()>;
}

/// A watcher and a host on the bus at `address`.
pub struct SniHost {
    address: String,
    shared: Shared,
    watcher: Option<Connection>,
    host: Connection,
    listener: tokio::task::JoinHandle<()>,
}

impl SniHost {
    /// Starts the host (listening for item signals) and the watcher.
    pub async fn start(address: &str) -> SniHost {
        let shared = Shared {
            log: Arc::default(),
            changed: watch::Sender::new(0),
        };
        let host = Builder::address(address)
            .build()
            .await
            .expect("the test tray host cannot connect");
        let rule = zbus::MatchRule::builder()
            .msg_type(zbus::message::Type::Signal)
            .build()
            .expect("a valid match rule");
        let mut signals = zbus::MessageStream::for_match_rule(rule, &host, None)
            .await
            .expect("cannot subscribe to signals");
        let listener_shared = shared.clone();
        let listener = tokio::spawn(async move {
            while let Some(Ok(message)) = signals.next().await {
                let header = message.header();
                let (Some(interface), Some(member)) = (header.interface(), header.member()) else {
                    continue;
                };
                if interface.as_str() == ITEM || interface.as_str() == MENU {
                    listener_shared.lock().signals.push(member.to_string());
                    listener_shared.poke();
                }
            }
        });
        let mut tray = SniHost {
            address: address.to_owned(),
            shared,
            watcher: None,
            host,
            listener,
        };
        tray.start_watcher().await;
        tray
    }

    /// Starts the watcher (after [`SniHost::stop_watcher`]): it owns its name again.
    pub async fn start_watcher(&mut self) {
        assert!(self.watcher.is_none(), "the watcher is running");
        let watcher = Builder::address(self.address.as_str())
            .serve_at(
                WATCHER_PATH,
                Watcher {
                    shared: self.shared.clone(),
                },
            )
            .name(WATCHER)
            .build()
            .await
            .expect("the test watcher cannot start");
        self.watcher = Some(watcher);
    }

    /// The watcher leaves the bus (its connection closes); the host stays.
    pub async fn stop_watcher(&mut self) {
        if let Some(watcher) = self.watcher.take() {
            let _ = watcher.close().await;
        }
    }

    /// Every service registered so far.
    pub fn registered(&self) -> Vec<String> {
        self.shared.lock().registered.clone()
    }

    /// Waits until `n` registrations happened; returns the `n`-th service.
    pub async fn wait_for_registration(&self, n: usize, timeout: Duration) -> String {
        self.shared
            .wait(&format!("registration #{n}"), timeout, |log| {
                log.registered.len() >= n
            })
            .await;
        self.shared.lock().registered[n - 1].clone()
    }

    /// How many times `member` was seen so far.
    pub fn signal_count(&self, member: &str) -> usize {
        self.shared
            .lock()
            .signals
            .iter()
            .filter(|s| *s == member)
            .count()
    }

    /// Waits until `member` was seen more than `after` times.
    pub async fn wait_for_signal(&self, member: &str, after: usize, timeout: Duration) {
        self.shared
            .wait(&format!("signal {member} #{}", after + 1), timeout, |log| {
                log.signals.iter().filter(|s| *s == member).count() > after
            })
            .await;
    }

    /// The host's connection.
    pub fn host(&self) -> &Connection {
        &self.host
    }

    /// Every property of the item at `service` (`Properties.GetAll`), as the host reads
    /// them after a `New*` signal.
    pub async fn item_properties(&self, service: &str) -> HashMap<String, OwnedVariant> {
        let props = zbus::fdo::PropertiesProxy::builder(&self.host)
            .destination(service.to_owned())
            .path(ITEM_PATH)
            .cache_properties(zbus::proxy::CacheProperties::No)
            .build()
            .await
            .expect("cannot make a properties proxy");
        props
            .get_all(zbus::names::InterfaceName::from_static_str_unchecked(ITEM))
            .await
            .unwrap_or_else(|e| panic!("GetAll on the item {service} failed: {e}"))
    }

    /// Waits until the item's `IconName` is `want` (read every 20 ms, as after `NewIcon`),
    /// and returns all its properties then.
    pub async fn wait_for_icon(&self, service: &str, want: &str) -> HashMap<String, OwnedVariant> {
        let deadline = tokio::time::Instant::now() + super::TIMEOUT;
        loop {
            let props = self.item_properties(service).await;
            if text(&props, "IconName") == want {
                return props;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "the icon did not become {want:?}; last: {:?}",
                text(&props, "IconName")
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Calls `method` on the item or its menu.
    pub async fn call<B>(
        &self,
        service: &str,
        path: &str,
        interface: &str,
        method: &str,
        body: &B,
    ) -> zbus::Result<zbus::Message>
    where
        B: zbus::export::serde::Serialize + zbus::DynamicType,
    {
        self.host
            .call_method(Some(service), path, Some(interface), method, body)
            .await
    }

    /// The menu's rows from `GetLayout(0, -1, [])`: `(id, properties)` in order.
    pub async fn menu(
        &self,
        service: &str,
        menu_path: &str,
    ) -> Vec<(i32, HashMap<String, OwnedVariant>)> {
        let reply = self
            .call(
                service,
                menu_path,
                MENU,
                "GetLayout",
                &(0i32, -1i32, Vec::<String>::new()),
            )
            .await
            .expect("GetLayout failed");
        type Node = (i32, HashMap<String, OwnedVariant>, Vec<OwnedVariant>);
        let (_revision, root): (u32, Node) = reply
            .body()
            .deserialize()
            .expect("GetLayout's reply is (u(ia{sv}av))");
        root.2
            .into_iter()
            .map(|child| {
                let variant: Variant<'_> = child.into();
                let (id, props, _children): Node = variant
                    .try_into()
                    .expect("a menu child is a (ia{sv}av) structure");
                (id, props)
            })
            .collect()
    }

    /// Clicks menu row `id` (`Event(id, "clicked", 0, 0)`).
    pub async fn click(&self, service: &str, menu_path: &str, id: i32) {
        self.call(
            service,
            menu_path,
            MENU,
            "Event",
            &(id, "clicked", Variant::from(0i32), 0u32),
        )
        .await
        .unwrap_or_else(|e| panic!("Event({id}, clicked) failed: {e}"));
    }
}

impl Drop for SniHost {
    fn drop(&mut self) {
        self.listener.abort();
    }
}

/// A string property.
pub fn text(props: &HashMap<String, OwnedVariant>, key: &str) -> String {
    props
        .get(key)
        .and_then(|v| String::try_from(v.clone()).ok())
        .unwrap_or_else(|| panic!("no string property {key}: {props:?}"))
}
