//! Idle inhibitors: an application (a video call, a presentation, a player) asked the
//! session not to go idle, which is a bad moment for a break.
//!
//! * GNOME: `org.gnome.SessionManager` `InhibitedActions` (bit 8, "idle"; `IsInhibited(8)`
//!   where the property cannot be read), then each inhibitor of `GetInhibitors` with flag 8
//!   for its `GetAppId` and `GetReason`; followed through `InhibitorAdded` /
//!   `InhibitorRemoved`.
//! * KDE: `org.kde.Solid.PowerManagement.PolicyAgent`. Plasma 6.5 and later list
//!   `ActiveInhibitions` with what each one blocks (only `idle` counts: a download that
//!   keeps the machine awake is no reason to wait); before, `HasInhibition(4)` (screen
//!   power management) says whether, and `ListInhibitions` (`a(ss)`, from 6.5 `aas`) who.
//!   Followed through `InhibitionsChanged` and `PropertiesChanged`.
//!
//! `org.freedesktop.ScreenSaver` has no list of inhibitors, and wlroots compositors keep
//! theirs (`zwp_idle_inhibit_manager_v1`) to themselves: there, `doctor` says no session
//! manager lists them.

use futures_util::StreamExt;
use futures_util::stream::select_all;
use tokio::sync::mpsc;
use zbus::proxy::CacheProperties;
use zbus::{Connection, OwnedObjectPath, proxy};

use super::peers::{self, Ticks};
use super::{Apps, Context, Detail, Hold, Reading, Reason, Signal};
use crate::{bus, t};

const GNOME: &str = "org.gnome.SessionManager";
const GNOME_PATH: &str = "/org/gnome/SessionManager";
/// `Inhibit` flag 8: "Inhibit the session being marked as idle".
const GNOME_IDLE: u32 = 8;

const KDE: &str = "org.kde.Solid.PowerManagement.PolicyAgent";
const KDE_PATH: &str = "/org/kde/Solid/PowerManagement/PolicyAgent";
/// PowerDevil's `ChangeScreenSettings` policy: what an idle inhibitor blocks.
const KDE_SCREEN_SETTINGS: u32 = 4;

const PROPERTIES: &str = "org.freedesktop.DBus.Properties";

/// Inhibitors looked at for their names; the rest are only counted.
const MAX_NAMED: usize = 8;

#[proxy(
    interface = "org.gnome.SessionManager",
    default_service = "org.gnome.SessionManager",
    default_path = "/org/gnome/SessionManager"
)]
trait SessionManager {
    #[zbus(no_autostart)]
    fn is_inhibited(&self, flags: u32) -> zbus::Result<bool>;
    #[zbus(no_autostart)]
    fn get_inhibitors(&self) -> zbus::Result<Vec<OwnedObjectPath>>;
}

#[proxy(
    interface = "org.gnome.SessionManager.Inhibitor",
    default_service = "org.gnome.SessionManager"
)]
trait Inhibitor {
    #[zbus(no_autostart)]
    fn get_app_id(&self) -> zbus::Result<String>;
    #[zbus(no_autostart)]
    fn get_reason(&self) -> zbus::Result<String>;
    #[zbus(no_autostart)]
    fn get_flags(&self) -> zbus::Result<u32>;
}

#[proxy(
    interface = "org.kde.Solid.PowerManagement.PolicyAgent",
    default_service = "org.kde.Solid.PowerManagement.PolicyAgent",
    default_path = "/org/kde/Solid/PowerManagement/PolicyAgent"
)]
trait PolicyAgent {
    #[zbus(no_autostart)]
    fn has_inhibition(&self, types: u32) -> zbus::Result<bool>;
}

/// Read the session manager's idle inhibitors (GNOME's, KDE's, whichever runs).
pub async fn read(ctx: &Context) -> Vec<Signal> {
    let Some(conn) = &ctx.bus else {
        return vec![signal(
            "idle inhibitors",
            Reading::Unreadable(t!("doctor-hold-no-bus")),
        )];
    };
    let (gnome, kde) = tokio::join!(gnome(conn), kde(conn));
    let signals: Vec<Signal> = [
        gnome.map(|r| signal("GNOME idle inhibitors", r)),
        kde.map(|r| signal("KDE idle inhibitors", r)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if signals.is_empty() {
        return vec![signal(
            "idle inhibitors",
            Reading::Unreadable(t!("doctor-inhibit-none")),
        )];
    }
    signals
}

fn signal(name: &'static str, reading: Reading) -> Signal {
    Signal {
        name,
        reason: Reason::Inhibitor,
        reading,
    }
}

/// One inhibitor, as it names itself.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Who {
    app: String,
    reason: String,
}

/// What `named` (some of `count` inhibitors, `count` counting those not looked at) say:
/// the applications once each, the unnamed counted, and the one application's reason.
fn detail(named: &[Who], count: usize) -> Detail {
    let unnamed = count.saturating_sub(named.len());
    let apps = Apps::collect(
        named
            .iter()
            .map(|who| Some(who.app.clone()))
            .chain(std::iter::repeat_n(None, unnamed)),
    );
    let why = match apps.named.as_slice() {
        [_] if apps.others == 0 => named
            .iter()
            .find(|w| !w.reason.is_empty())
            .map(|w| w.reason.clone()),
        _ => None,
    };
    Detail::Inhibitors { apps, why }
}

fn held(named: &[Who], count: usize) -> Reading {
    Reading::Held(Hold::new(detail(named, count)))
}

/// GNOME's reading; `None`: its session manager is not running.
async fn gnome(conn: &Connection) -> Option<Reading> {
    let manager = match SessionManagerProxy::builder(conn)
        .cache_properties(CacheProperties::No)
        .build()
        .await
    {
        Ok(manager) => manager,
        Err(err) => return Some(gnome_silent(&err)),
    };
    let actions = peers::property(conn, GNOME, GNOME_PATH, GNOME, "InhibitedActions").await;
    let idle = match actions {
        Ok(value) => match u32::try_from(value) {
            Ok(actions) => actions & GNOME_IDLE != 0,
            Err(_) => {
                return Some(Reading::Unreadable(t!("doctor-inhibit-gnome-odd")));
            }
        },
        Err(err) if bus::absent(&err) => return None,
        Err(_) => match manager.is_inhibited(GNOME_IDLE).await {
            Ok(idle) => idle,
            Err(err) if bus::absent(&err) => return None,
            Err(err) => return Some(gnome_silent(&err)),
        },
    };
    if !idle {
        return Some(Reading::Clear);
    }
    // Held whatever the names say; they are only the detail.
    let paths = manager.get_inhibitors().await.unwrap_or_default();
    let asked = paths
        .iter()
        .take(MAX_NAMED)
        .map(|path| gnome_inhibitor(conn, path));
    let found: Vec<Option<Who>> = futures_util::future::join_all(asked).await;
    let named: Vec<Who> = found.into_iter().flatten().collect();
    let count = named.len() + paths.len().saturating_sub(MAX_NAMED);
    Some(held(&named, count.max(1)))
}

/// One GNOME inhibitor that inhibits idle, with its names; `None`: it does not (or is
/// gone, or does not answer).
async fn gnome_inhibitor(conn: &Connection, path: &OwnedObjectPath) -> Option<Who> {
    let proxy = InhibitorProxy::builder(conn)
        .path(path.clone())
        .cache_properties(CacheProperties::No)
        .build()
        .await
        .ok()?;
    let flags = proxy.get_flags().await.ok()?;
    if flags & GNOME_IDLE == 0 {
        return None;
    }
    let (app, reason) = tokio::join!(proxy.get_app_id(), proxy.get_reason());
    Some(Who {
        app: peers::clean(&app.unwrap_or_default()),
        reason: peers::clean(&reason.unwrap_or_default()),
    })
}

/// KDE's reading; `None`: PowerDevil is not running.
async fn kde(conn: &Connection) -> Option<Reading> {
    // Plasma 6.5+: (what, who, why, mode, flags), only active ones.
    match peers::property(conn, KDE, KDE_PATH, KDE, "ActiveInhibitions").await {
        Ok(value) => {
            let Ok(list) = Vec::<(String, String, String, String, u32)>::try_from(value) else {
                return Some(Reading::Unreadable(t!("doctor-inhibit-kde-odd")));
            };
            let idle: Vec<Who> = list
                .iter()
                .filter(|(what, ..)| what.split(':').any(|w| w == "idle"))
                .map(|(_, who, why, ..)| Who {
                    app: peers::clean(who),
                    reason: peers::clean(why),
                })
                .collect();
            return Some(if idle.is_empty() {
                Reading::Clear
            } else {
                held(&idle[..idle.len().min(MAX_NAMED)], idle.len())
            });
        }
        Err(err) if bus::absent(&err) => return None,
        Err(_) => {}
    }
    // Before 6.5.
    let agent = match PolicyAgentProxy::builder(conn)
        .cache_properties(CacheProperties::No)
        .build()
        .await
    {
        Ok(agent) => agent,
        Err(err) => return Some(kde_silent(&err)),
    };
    match agent.has_inhibition(KDE_SCREEN_SETTINGS).await {
        Ok(false) => Some(Reading::Clear),
        Ok(true) => {
            // Who, as far as the old list says: it does not tell idle from sleep.
            let named = kde_list(conn).await.unwrap_or_default();
            let count = named.len().max(1);
            Some(held(&named[..named.len().min(MAX_NAMED)], count))
        }
        Err(err) if bus::absent(&err) => None,
        Err(err) => Some(kde_silent(&err)),
    }
}

/// `ListInhibitions`: `a(ss)` before Plasma 6.5, `aas` from then on. Asked only once
/// `HasInhibition` answered, so it starts nothing.
async fn kde_list(conn: &Connection) -> zbus::Result<Vec<Who>> {
    let proxy = zbus::proxy::Builder::<zbus::Proxy<'_>>::new(conn)
        .destination(KDE)
        .path(KDE_PATH)
        .interface(KDE)
        .cache_properties(CacheProperties::No)
        .build()
        .await?;
    let message = proxy.call_method("ListInhibitions", &()).await?;
    let body = message.body();
    let pairs: Vec<(String, String)> = match body.deserialize::<Vec<(String, String)>>() {
        Ok(pairs) => pairs,
        Err(_) => body
            .deserialize::<Vec<Vec<String>>>()?
            .into_iter()
            .map(|mut who_why| {
                let why = who_why.get(1).cloned().unwrap_or_default();
                (who_why.swap_remove(0), why)
            })
            .collect(),
    };
    Ok(pairs
        .iter()
        .map(|(who, why)| Who {
            app: peers::clean(who),
            reason: peers::clean(why),
        })
        .collect())
}

fn gnome_silent(err: &zbus::Error) -> Reading {
    Reading::Unreadable(t!(
        "doctor-inhibit-gnome-silent",
        error = bus::describe(err)
    ))
}

fn kde_silent(err: &zbus::Error) -> Reading {
    Reading::Unreadable(t!("doctor-inhibit-kde-silent", error = bus::describe(err)))
}

/// Follow inhibitors coming and going, at whichever session manager runs, until dropped.
/// One hint is sent once they are followed, so that a change just before is not lost.
pub async fn watch(ctx: Context, hint: mpsc::Sender<()>) {
    let Some(conn) = ctx.bus.clone() else {
        return;
    };
    let mut streams: Vec<Ticks> = Vec::new();
    if peers::owned(&conn, GNOME).await {
        for member in ["InhibitorAdded", "InhibitorRemoved"] {
            match peers::signals(&conn, GNOME, GNOME_PATH, GNOME, Some(member), &[]).await {
                Ok(stream) => streams.push(stream),
                Err(err) => {
                    tracing::debug!(error = %bus::describe(&err), "cannot follow GNOME inhibitors")
                }
            }
        }
    }
    if peers::owned(&conn, KDE).await {
        let kde = [
            peers::signals(&conn, KDE, KDE_PATH, KDE, Some("InhibitionsChanged"), &[]).await,
            peers::signals(
                &conn,
                KDE,
                KDE_PATH,
                PROPERTIES,
                Some("PropertiesChanged"),
                &[(0, KDE)],
            )
            .await,
        ];
        for stream in kde {
            match stream {
                Ok(stream) => streams.push(stream),
                Err(err) => {
                    tracing::debug!(error = %bus::describe(&err), "cannot follow KDE inhibitors")
                }
            }
        }
    }
    if streams.is_empty() {
        return;
    }
    // Followed from here on: what changed since the check that started the wait is read
    // again now.
    if !peers::hint(&hint) {
        return;
    }
    let mut changes = select_all(streams);
    while changes.next().await.is_some() {
        if !peers::hint(&hint) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn describe(named: &[Who], count: usize) -> String {
        detail(named, count).words().expect("a known kind")
    }

    fn who(app: &str, reason: &str) -> Who {
        Who {
            app: app.into(),
            reason: reason.into(),
        }
    }

    #[test]
    fn inhibitors_are_named_in_a_few_words() {
        assert_eq!(describe(&[], 1), "an application inhibits idle");
        assert_eq!(describe(&[], 3), "3 applications inhibit idle");
        assert_eq!(
            describe(&[who("zoom", "In a meeting")], 1),
            "zoom inhibits idle (In a meeting)"
        );
        assert_eq!(describe(&[who("mpv", "")], 1), "mpv inhibits idle");
        assert_eq!(
            describe(&[who("firefox", "video"), who("zoom", "call")], 2),
            "firefox, zoom inhibit idle"
        );
        assert_eq!(
            describe(&[who("firefox", "video")], 3),
            "firefox and 2 more inhibit idle"
        );
        assert_eq!(describe(&[who("", "")], 1), "an application inhibits idle");
        assert_eq!(
            describe(&[who("mpv", "a"), who("mpv", "b")], 2),
            "mpv inhibits idle (a)"
        );
    }
}
