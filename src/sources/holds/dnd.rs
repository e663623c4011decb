//! Do-not-disturb: whether the desktop's notification server holds bubbles back now.
//!
//! Which switch to read depends on who serves `org.freedesktop.Notifications`, so the
//! server is asked its name first (`GetServerInformation`), then its own switch:
//!
//! | server (its name) | switch | followed through |
//! | --- | --- | --- |
//! | dunst (`dunst`) | `org.dunstproject.cmd0` `paused` | `PropertiesChanged` |
//! | mako (`mako`) | a mode named `do-not-disturb`: `fr.emersion.Mako` `Modes` (1.10+), else `ListModes` | `PropertiesChanged` (1.10+) |
//! | SwayNotificationCenter | `org.erikreider.swaync.cc` `GetDnd` (and `IsInhibited`) | `SubscribeV2` / `Subscribe` |
//! | xfce4-notifyd (`Xfce Notify Daemon`) | xfconf channel `xfce4-notifyd`, `/do-not-disturb` | `org.xfce.Xfconf` `PropertyChanged` |
//! | KDE Plasma (`Plasma`) | `org.freedesktop.Notifications` `Inhibited` | `PropertiesChanged` |
//! | GNOME Shell (`gnome-shell`) | dconf `org.gnome.desktop.notifications` `show-banners` (the database file) | `ca.desrt.dconf.Writer` `Notify` |
//!
//! Any other server is asked for `Inhibited` too (the one switch outside a vendor's
//! namespace); one without it is reported unreadable, with its name. Reading only the
//! running server's switch means a stale setting of a desktop not in use (an `xfconf` or a
//! dconf value left from another session) never holds a break.

use futures_util::StreamExt;
use futures_util::stream::select_all;
use tokio::sync::mpsc;
use zbus::proxy::CacheProperties;
use zbus::{Connection, OwnedVariant, proxy};

use super::peers::{self, Ticks};
use super::{Context, Detail, Hold, Reading, Reason, Signal, Switch, dconf};
use crate::{bus, t};

const NOTIFICATIONS: &str = "org.freedesktop.Notifications";
const NOTIFICATIONS_PATH: &str = "/org/freedesktop/Notifications";
const PROPERTIES: &str = "org.freedesktop.DBus.Properties";

const DUNST_INTERFACE: &str = "org.dunstproject.cmd0";

const MAKO_PATH: &str = "/fr/emersion/Mako";
const MAKO_INTERFACE: &str = "fr.emersion.Mako";
/// The mode mako's documentation (and `makoctl mode -a`) uses for do-not-disturb.
const MAKO_DND_MODE: &str = "do-not-disturb";

const SWAYNC: &str = "org.erikreider.swaync.cc";
const SWAYNC_PATH: &str = "/org/erikreider/swaync/cc";

const XFCONF: &str = "org.xfce.Xfconf";
const XFCONF_PATH: &str = "/org/xfce/Xfconf";
const XFCE_CHANNEL: &str = "xfce4-notifyd";
const XFCE_DND: &str = "/do-not-disturb";
/// xfconfd's answer for a property never set (do-not-disturb then is off).
const XFCONF_NOT_FOUND: &str = "org.xfce.Xfconf.Error.PropertyNotFound";

const DCONF: &str = "ca.desrt.dconf";
const DCONF_USER_PATH: &str = "/ca/desrt/dconf/Writer/user";
const DCONF_WRITER: &str = "ca.desrt.dconf.Writer";

/// Who serves notifications, by the name it gives.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Server {
    Dunst,
    Mako,
    Swaync,
    Xfce,
    Plasma,
    Gnome,
    /// Anyone else, with the name it gave.
    Other(String),
}

impl Server {
    fn from_name(name: &str) -> Server {
        match name {
            "dunst" => Server::Dunst,
            "mako" => Server::Mako,
            "SwayNotificationCenter" => Server::Swaync,
            "Xfce Notify Daemon" => Server::Xfce,
            "Plasma" => Server::Plasma,
            "gnome-shell" => Server::Gnome,
            other => Server::Other(peers::clean(other)),
        }
    }

    /// The name the server gives itself (`GetServerInformation`).
    fn own_name(&self) -> &str {
        match self {
            Server::Dunst => "dunst",
            Server::Mako => "mako",
            Server::Swaync => "SwayNotificationCenter",
            Server::Xfce => "Xfce Notify Daemon",
            Server::Plasma => "Plasma",
            Server::Gnome => "gnome-shell",
            Server::Other(name) => name,
        }
    }

    /// What `doctor` calls this signal.
    fn signal_name(&self) -> &'static str {
        match self {
            Server::Dunst => "dunst do-not-disturb",
            Server::Mako => "mako do-not-disturb",
            Server::Swaync => "swaync do-not-disturb",
            Server::Xfce => "Xfce do-not-disturb",
            Server::Plasma => "KDE do-not-disturb",
            Server::Gnome => "GNOME do-not-disturb",
            Server::Other(_) => "do-not-disturb",
        }
    }
}

#[proxy(
    interface = "org.freedesktop.Notifications",
    default_service = "org.freedesktop.Notifications",
    default_path = "/org/freedesktop/Notifications"
)]
trait Server {
    #[zbus(no_autostart)]
    fn get_server_information(&self) -> zbus::Result<(String, String, String, String)>;
}

#[proxy(
    interface = "fr.emersion.Mako",
    default_service = "org.freedesktop.Notifications",
    default_path = "/fr/emersion/Mako"
)]
trait Mako {
    #[zbus(no_autostart)]
    fn list_modes(&self) -> zbus::Result<Vec<String>>;
}

#[proxy(
    interface = "org.erikreider.swaync.cc",
    default_service = "org.erikreider.swaync.cc",
    default_path = "/org/erikreider/swaync/cc"
)]
trait Swaync {
    #[zbus(no_autostart)]
    fn get_dnd(&self) -> zbus::Result<bool>;
    #[zbus(no_autostart)]
    fn is_inhibited(&self) -> zbus::Result<bool>;
}

#[proxy(
    interface = "org.xfce.Xfconf",
    default_service = "org.xfce.Xfconf",
    default_path = "/org/xfce/Xfconf"
)]
trait Xfconf {
    #[zbus(no_autostart)]
    fn get_property(&self, channel: &str, property: &str) -> zbus::Result<OwnedVariant>;
}

/// Ask who serves notifications. `Ok(None)`: nobody.
async fn identify(conn: &Connection) -> Result<Option<Server>, String> {
    let proxy = ServerProxy::builder(conn)
        .cache_properties(CacheProperties::No)
        .build()
        .await
        .map_err(|e| bus::describe(&e))?;
    match proxy.get_server_information().await {
        Ok((name, ..)) => Ok(Some(Server::from_name(&name))),
        Err(err) if bus::absent(&err) => Ok(None),
        Err(err) => Err(t!("doctor-dnd-anonymous", error = bus::describe(&err))),
    }
}

/// Read the running notification server's do-not-disturb.
pub async fn read(ctx: &Context) -> Vec<Signal> {
    let Some(conn) = &ctx.bus else {
        let reading = Reading::Unreadable(t!("doctor-hold-no-bus"));
        return vec![signal("do-not-disturb", reading)];
    };
    let server = match identify(conn).await {
        Ok(Some(server)) => server,
        Ok(None) => {
            let reading = Reading::Unreadable(t!("doctor-dnd-no-server"));
            return vec![signal("do-not-disturb", reading)];
        }
        Err(why) => return vec![signal("do-not-disturb", Reading::Unreadable(why))],
    };
    let reading = match &server {
        Server::Dunst => dunst(conn).await,
        Server::Mako => mako(conn).await,
        Server::Swaync => swaync(conn).await,
        Server::Xfce => xfce(conn).await,
        Server::Plasma => plasma(conn).await,
        Server::Gnome => gnome(ctx).await,
        Server::Other(name) => match inhibited_property(conn).await {
            Ok(on) => held_if(on, &server, Switch::HoldsBack),
            Err(_) => Reading::Unreadable(t!("doctor-dnd-unknown-server", server = name.as_str())),
        },
    };
    vec![signal(server.signal_name(), reading)]
}

fn signal(name: &'static str, reading: Reading) -> Signal {
    Signal {
        name,
        reason: Reason::DoNotDisturb,
        reading,
    }
}

fn held_if(on: bool, server: &Server, switch: Switch) -> Reading {
    if on {
        Reading::Held(Hold::new(Detail::DoNotDisturb {
            server: server.own_name().to_owned(),
            switch,
        }))
    } else {
        Reading::Clear
    }
}

async fn dunst(conn: &Connection) -> Reading {
    let paused = peers::property(
        conn,
        NOTIFICATIONS,
        NOTIFICATIONS_PATH,
        DUNST_INTERFACE,
        "paused",
    )
    .await;
    match paused.map(bool::try_from) {
        Ok(Ok(on)) => held_if(on, &Server::Dunst, Switch::Paused),
        Ok(Err(_)) => Reading::Unreadable(t!("doctor-dnd-dunst-odd")),
        Err(err) => Reading::Unreadable(t!("doctor-dnd-dunst-silent", error = bus::describe(&err))),
    }
}

async fn mako(conn: &Connection) -> Reading {
    // 1.10 and later have the property (and announce its changes); before, the method.
    let modes = match peers::property(conn, NOTIFICATIONS, MAKO_PATH, MAKO_INTERFACE, "Modes").await
    {
        Ok(value) => Vec::<String>::try_from(value),
        Err(_) => match MakoProxy::builder(conn)
            .cache_properties(CacheProperties::No)
            .build()
            .await
        {
            Ok(proxy) => proxy.list_modes().await,
            Err(err) => Err(err),
        },
    };
    match modes {
        Ok(modes) => held_if(
            modes.iter().any(|m| m == MAKO_DND_MODE),
            &Server::Mako,
            Switch::Mode,
        ),
        Err(err) => Reading::Unreadable(t!("doctor-dnd-mako-silent", error = bus::describe(&err))),
    }
}

async fn swaync(conn: &Connection) -> Reading {
    let silent = |err: zbus::Error| {
        Reading::Unreadable(t!("doctor-dnd-swaync-silent", error = bus::describe(&err)))
    };
    let proxy = match SwayncProxy::builder(conn)
        .cache_properties(CacheProperties::No)
        .build()
        .await
    {
        Ok(proxy) => proxy,
        Err(err) => return silent(err),
    };
    match proxy.get_dnd().await {
        Ok(true) => held_if(true, &Server::Swaync, Switch::On),
        // Its inhibitors (`swaync-client --inhibitor-add`) hold bubbles back the same
        // way; an older swaync without them is simply not inhibited.
        Ok(false) => held_if(
            proxy.is_inhibited().await.unwrap_or(false),
            &Server::Swaync,
            Switch::Inhibited,
        ),
        Err(err) => silent(err),
    }
}

async fn xfce(conn: &Connection) -> Reading {
    let silent = |err: zbus::Error| {
        Reading::Unreadable(t!("doctor-dnd-xfconf-silent", error = bus::describe(&err)))
    };
    let proxy = match XfconfProxy::builder(conn)
        .cache_properties(CacheProperties::No)
        .build()
        .await
    {
        Ok(proxy) => proxy,
        Err(err) => return silent(err),
    };
    match proxy.get_property(XFCE_CHANNEL, XFCE_DND).await {
        Ok(value) => match bool::try_from(value) {
            Ok(on) => held_if(on, &Server::Xfce, Switch::On),
            Err(_) => Reading::Unreadable(t!("doctor-dnd-xfconf-odd")),
        },
        Err(zbus::Error::MethodError(name, _, _)) if name.as_str() == XFCONF_NOT_FOUND => {
            Reading::Clear
        }
        Err(err) if bus::absent(&err) => Reading::Unreadable(t!("doctor-dnd-xfconf-absent")),
        Err(err) => silent(err),
    }
}

async fn inhibited_property(conn: &Connection) -> zbus::Result<bool> {
    let value = peers::property(
        conn,
        NOTIFICATIONS,
        NOTIFICATIONS_PATH,
        NOTIFICATIONS,
        "Inhibited",
    )
    .await?;
    bool::try_from(value)
}

async fn plasma(conn: &Connection) -> Reading {
    match inhibited_property(conn).await {
        Ok(on) => held_if(on, &Server::Plasma, Switch::On),
        Err(err) => Reading::Unreadable(t!("doctor-dnd-kde-silent", error = bus::describe(&err))),
    }
}

async fn gnome(ctx: &Context) -> Reading {
    let Some(path) = ctx.dconf_user.clone() else {
        return Reading::Unreadable(t!("doctor-dnd-no-home"));
    };
    let read = tokio::task::spawn_blocking(move || {
        let bytes =
            crate::store::read_regular(&path, dconf::MAX_DB_BYTES).map_err(|e| e.to_string())?;
        match bytes {
            // Never written: every key has its default (banners shown).
            None => Ok(None),
            Some(bytes) => dconf::lookup(&bytes, dconf::SHOW_BANNERS).map_err(|e| {
                let path = path.display().to_string();
                match e {
                    dconf::GvdbError::Header => t!("doctor-dnd-dconf-not-database", path = path),
                    dconf::GvdbError::Table | dconf::GvdbError::Item(_) => {
                        t!("doctor-dnd-dconf-damaged", path = path)
                    }
                }
            }),
        }
    })
    .await;
    match read {
        Ok(Ok(Some(dconf::Value::Bool(false)))) => held_if(true, &Server::Gnome, Switch::On),
        // Unset, true, or of the wrong type (GSettings then uses the default, true).
        Ok(Ok(_)) => Reading::Clear,
        Ok(Err(why)) => Reading::Unreadable(why),
        Err(_) => Reading::Unreadable(t!("doctor-dnd-dconf-failed")),
    }
}

/// Follow the running server's do-not-disturb (and the server itself coming, going or
/// being replaced) until dropped. One hint is sent once everything is followed, so that a
/// change just before is not lost.
pub async fn watch(ctx: Context, hint: mpsc::Sender<()>) {
    let Some(conn) = ctx.bus.clone() else {
        return;
    };
    loop {
        // Subscribed first, so a server replaced while it is being asked is not missed.
        let Ok(mut owners) = peers::owner_changes(&conn, NOTIFICATIONS).await else {
            return;
        };
        let mut changes = match identify(&conn).await {
            Ok(Some(server)) => match follow(&conn, &server).await {
                Ok(streams) => select_all(streams),
                Err(err) => {
                    tracing::debug!(error = %bus::describe(&err), "cannot follow do-not-disturb");
                    select_all(Vec::new())
                }
            },
            Ok(None) => select_all(Vec::new()),
            // A server that answers oddly or not at all: only its replacement is
            // followed (the engine's once-a-minute re-check covers the rest).
            Err(why) => {
                tracing::debug!(%why, "cannot tell the notification server");
                select_all(Vec::new())
            }
        };
        // Everything is followed from here on: what changed before (since the check that
        // started the wait, or while the server was being replaced) is read again now.
        if !peers::hint(&hint) {
            return;
        }
        let server_changed = loop {
            tokio::select! {
                owner = owners.next() => break owner.is_some(),
                Some(()) = changes.next() => {
                    if !peers::hint(&hint) {
                        return;
                    }
                }
            }
        };
        if !server_changed {
            // The bus connection closed.
            return;
        }
    }
}

/// The signals that say `server`'s do-not-disturb may have changed.
async fn follow(conn: &Connection, server: &Server) -> zbus::Result<Vec<Ticks>> {
    Ok(match server {
        Server::Dunst => vec![changed(conn, NOTIFICATIONS_PATH, DUNST_INTERFACE).await?],
        Server::Mako => vec![changed(conn, MAKO_PATH, MAKO_INTERFACE).await?],
        Server::Plasma | Server::Other(_) => {
            vec![changed(conn, NOTIFICATIONS_PATH, NOTIFICATIONS).await?]
        }
        // Every signal of the interface: `SubscribeV2`, and `Subscribe` of older ones.
        Server::Swaync => vec![peers::signals(conn, SWAYNC, SWAYNC_PATH, SWAYNC, None, &[]).await?],
        Server::Xfce => {
            let args = [(0, XFCE_CHANNEL), (1, XFCE_DND)];
            vec![
                peers::signals(
                    conn,
                    XFCONF,
                    XFCONF_PATH,
                    XFCONF,
                    Some("PropertyChanged"),
                    &args,
                )
                .await?,
                peers::signals(
                    conn,
                    XFCONF,
                    XFCONF_PATH,
                    XFCONF,
                    Some("PropertyRemoved"),
                    &args,
                )
                .await?,
            ]
        }
        Server::Gnome => vec![dconf_changes(conn).await?],
    })
}

/// `PropertiesChanged` of `interface` at `path`, from the notification server.
async fn changed(
    conn: &Connection,
    path: &'static str,
    interface: &'static str,
) -> zbus::Result<Ticks> {
    let args = [(0, interface)];
    peers::signals(
        conn,
        NOTIFICATIONS,
        path,
        PROPERTIES,
        Some("PropertiesChanged"),
        &args,
    )
    .await
}

/// dconf's `Notify` for changes that cover `show-banners` (GNOME writes many other keys).
async fn dconf_changes(conn: &Connection) -> zbus::Result<Ticks> {
    let proxy = zbus::proxy::Builder::<zbus::Proxy<'_>>::new(conn)
        .destination(DCONF)
        .path(DCONF_USER_PATH)
        .interface(DCONF_WRITER)
        .cache_properties(CacheProperties::No)
        .build()
        .await?;
    let stream = proxy.receive_signal("Notify").await?;
    Ok(Box::pin(stream.filter_map(|message| async move {
        let (prefix, changes, _tag): (String, Vec<String>, String) =
            message.body().deserialize().ok()?;
        covers(&prefix, &changes, dconf::SHOW_BANNERS).then_some(())
    })))
}

/// Whether a dconf change (a prefix and paths under it; a path ending in `/` is a whole
/// folder reset) touches `key`.
fn covers(prefix: &str, changes: &[String], key: &str) -> bool {
    let touches = |path: &str| path == key || (path.ends_with('/') && key.starts_with(path));
    if changes.is_empty() {
        return touches(prefix);
    }
    changes
        .iter()
        .any(|change| touches(&format!("{prefix}{change}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn servers_are_told_apart_by_the_names_they_give() {
        assert_eq!(Server::from_name("dunst"), Server::Dunst);
        assert_eq!(Server::from_name("mako"), Server::Mako);
        assert_eq!(Server::from_name("SwayNotificationCenter"), Server::Swaync);
        assert_eq!(Server::from_name("Xfce Notify Daemon"), Server::Xfce);
        assert_eq!(Server::from_name("Plasma"), Server::Plasma);
        assert_eq!(Server::from_name("gnome-shell"), Server::Gnome);
        assert_eq!(
            Server::from_name("notification-daemon\n"),
            Server::Other("notification-daemon".into())
        );
    }

    #[test]
    fn a_dconf_change_counts_when_it_covers_show_banners() {
        let key = dconf::SHOW_BANNERS;
        let list = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // `gsettings set`: the key itself as the prefix, no changes listed.
        assert!(covers(key, &[], key));
        assert!(covers(key, &list(&[""]), key));
        assert!(covers(
            "/org/gnome/desktop/notifications/",
            &list(&["show-banners"]),
            key
        ));
        // `dconf reset -f /org/gnome/`: a folder above it.
        assert!(covers("/org/gnome/", &list(&[""]), key));
        assert!(covers("/", &list(&["org/gnome/desktop/"]), key));
        // Other keys, and a key whose name only starts the same.
        assert!(!covers(
            "/org/gnome/desktop/interface/color-scheme",
            &[],
            key
        ));
        assert!(!covers(
            "/org/gnome/desktop/notifications/",
            &list(&["show-banners-extra", "application-children"]),
            key
        ));
    }
}
