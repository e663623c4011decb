//! What a detector found, typed: the facts (which server, which application, how many),
//! never words. A hold is worded only where a person reads it, in that process's
//! language: `deskbreak status` and the waybar tooltip in the CLI's, the tray and
//! systemd's status line in the daemon's. Log lines use [`Detail`]'s `Display`, which is
//! English and stable.
//!
//! # On the wire and in JSON
//!
//! The D-Bus property `WaitingFor` (`a(ssa{ss})`) carries each hold as its reason, the
//! detail's kind and the kind's arguments, all strings ([`Detail::to_wire`]):
//!
//! | reason | kind | arguments |
//! | --- | --- | --- |
//! | `do_not_disturb` | `paused` (dunst), `mode` (mako), `on` (swaync, Xfce, KDE, GNOME), `inhibited` (swaync's inhibitors), `holds_back` (another server's `Inhibited`) | `server`: the name the server gives itself (`GetServerInformation`) |
//! | `fullscreen` | `window` | `app`: the application's name, absent when it gives none |
//! | `inhibitor` | `idle` | `apps`, `others`, `why` (below) |
//! | `meeting` | `camera`, `microphone` | `apps`, `others` |
//!
//! `apps` are the applications' names, one per line (a name never holds a control
//! character), absent when none is known; `others` counts those that give no name (a
//! decimal number, absent when 0); `why` is an inhibitor's own reason ("In a meeting"),
//! given only when one application inhibits. `status --json` carries the same as
//! `{"reason": "do_not_disturb", "kind": "paused", "server": "dunst"}`, with `apps` a
//! list, `others` a number and `app`/`why` `null` when absent: the same bytes in every
//! language. A kind (or an argument) this version does not know is kept as it came and
//! worded as its reason alone ([`Detail::Unknown`]).

use std::collections::BTreeMap;
use std::fmt;

use serde_json::{Value, json};

use super::Reason;
use crate::t;

/// Most application names a hold keeps; the rest are counted in `others`.
pub const MAX_APPS: usize = 8;

/// Most names worded in one hold ("zoom, firefox, obs and 2 more").
const SHOWN_APPS: usize = 3;

/// Most characters of one name or argument read from the bus.
const MAX_ARG_CHARS: usize = 120;

/// How a notification server holds bubbles back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Switch {
    /// dunst's `paused`.
    Paused,
    /// mako's `do-not-disturb` mode.
    Mode,
    /// A do-not-disturb switch (swaync, Xfce, KDE Plasma, GNOME).
    On,
    /// swaync's inhibitors.
    Inhibited,
    /// The `Inhibited` property of a server deskbreak does not know by name.
    HoldsBack,
}

impl Switch {
    const ALL: [Switch; 5] = [
        Switch::Paused,
        Switch::Mode,
        Switch::On,
        Switch::Inhibited,
        Switch::HoldsBack,
    ];

    /// The kind's word on the wire and in JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Switch::Paused => "paused",
            Switch::Mode => "mode",
            Switch::On => "on",
            Switch::Inhibited => "inhibited",
            Switch::HoldsBack => "holds_back",
        }
    }
}

/// Applications that do something: the names they give (sorted, once each, at most
/// [`MAX_APPS`]) and how many more there are, unnamed or past the limit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Apps {
    /// Their names, as they give them.
    pub named: Vec<String>,
    /// How many more: those without a name, and those past [`MAX_APPS`].
    pub others: u32,
}

impl Apps {
    /// From one entry per program: its name, or `None` when it gives none. Names are
    /// kept once each (two processes of one program are one application).
    #[must_use]
    pub fn collect(programs: impl IntoIterator<Item = Option<String>>) -> Self {
        let mut named = Vec::new();
        let mut others = 0u32;
        for program in programs {
            match program.map(|name| clean(&name)).filter(|n| !n.is_empty()) {
                Some(name) => named.push(name),
                None => others = others.saturating_add(1),
            }
        }
        named.sort();
        named.dedup();
        if named.len() > MAX_APPS {
            let past = u32::try_from(named.len() - MAX_APPS).unwrap_or(u32::MAX);
            others = others.saturating_add(past);
            named.truncate(MAX_APPS);
        }
        Self { named, others }
    }

    /// Whether there is no application at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.named.is_empty() && self.others == 0
    }

    /// The names shown, and how many are left for "and N more".
    fn shown(&self) -> (String, u32) {
        let shown = self.named.len().min(SHOWN_APPS);
        let past = u32::try_from(self.named.len() - shown).unwrap_or(u32::MAX);
        (
            self.named[..shown].join(", "),
            self.others.saturating_add(past),
        )
    }

    /// "zoom", "zoom, cheese and 2 more", "an application", "3 applications".
    fn words(&self) -> String {
        let (names, more) = self.shown();
        match (names.is_empty(), more) {
            (true, 0 | 1) => t!("wait-an-application"),
            (true, count) => t!("wait-applications", count = count),
            (false, 0) => names,
            (false, count) => t!("wait-apps-more", apps = names, count = count),
        }
    }

    fn to_wire(&self, args: &mut BTreeMap<String, String>) {
        if !self.named.is_empty() {
            args.insert("apps".into(), self.named.join("\n"));
        }
        if self.others > 0 {
            args.insert("others".into(), self.others.to_string());
        }
    }

    /// `None`: `others` is not a number.
    fn from_wire(args: &BTreeMap<String, String>) -> Option<Self> {
        let others = match args.get("others") {
            Some(n) => n.trim().parse().ok()?,
            None => 0,
        };
        let names: Vec<Option<String>> = args
            .get("apps")
            .map(|list| list.split('\n').map(|n| Some(n.to_owned())).collect())
            .unwrap_or_default();
        let mut apps = Apps::collect(names);
        apps.others = apps.others.saturating_add(others);
        Some(apps)
    }

    fn json(&self, fields: &mut serde_json::Map<String, Value>) {
        fields.insert("apps".into(), json!(self.named));
        fields.insert("others".into(), json!(self.others));
    }
}

/// What holds a break back, as its detector found it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Detail {
    /// The notification server holds bubbles back.
    DoNotDisturb {
        /// The name it gives itself ("dunst", "SwayNotificationCenter", "Plasma").
        server: String,
        /// How.
        switch: Switch,
    },
    /// The focused window is fullscreen.
    Fullscreen {
        /// Its application's name, if it gives one.
        app: Option<String>,
    },
    /// Applications inhibit idle.
    Inhibitors {
        /// Which.
        apps: Apps,
        /// The reason the one application gives ("In a meeting"); only when there is
        /// one application.
        why: Option<String>,
    },
    /// The camera is in use.
    Camera(Apps),
    /// The microphone is in use.
    Microphone(Apps),
    /// A kind this version does not know (from a daemon of another version): kept as it
    /// came for `--json`, worded as its reason alone.
    Unknown {
        /// The kind's word.
        kind: String,
        /// Its arguments.
        args: BTreeMap<String, String>,
    },
}

impl Detail {
    /// The reason a detail of this kind holds a break for (`None` for [`Detail::Unknown`]).
    #[must_use]
    pub fn reason(&self) -> Option<Reason> {
        Some(match self {
            Detail::DoNotDisturb { .. } => Reason::DoNotDisturb,
            Detail::Fullscreen { .. } => Reason::Fullscreen,
            Detail::Inhibitors { .. } => Reason::Inhibitor,
            Detail::Camera(_) | Detail::Microphone(_) => Reason::Meeting,
            Detail::Unknown { .. } => return None,
        })
    }

    /// The kind's word on the wire and in JSON.
    #[must_use]
    pub fn kind(&self) -> &str {
        match self {
            Detail::DoNotDisturb { switch, .. } => switch.as_str(),
            Detail::Fullscreen { .. } => "window",
            Detail::Inhibitors { .. } => "idle",
            Detail::Camera(_) => "camera",
            Detail::Microphone(_) => "microphone",
            Detail::Unknown { kind, .. } => kind,
        }
    }

    /// The detail in words, in the current language: "dunst is paused", "camera in use
    /// by zoom". `None` for a kind this version does not know.
    #[must_use]
    pub fn words(&self) -> Option<String> {
        Some(match self {
            Detail::DoNotDisturb { server, switch } => {
                let server = server_name(server);
                match switch {
                    Switch::Paused => t!("wait-dnd-paused", server = server),
                    Switch::Mode => t!("wait-dnd-mode", server = server),
                    Switch::On => t!("wait-dnd-on", server = server),
                    Switch::Inhibited => t!("wait-dnd-inhibited", server = server),
                    Switch::HoldsBack => t!("wait-dnd-holds-back", server = server),
                }
            }
            Detail::Fullscreen { app: Some(app) } => {
                t!("wait-fullscreen-app", app = app.as_str())
            }
            Detail::Fullscreen { app: None } => t!("wait-fullscreen-window"),
            Detail::Inhibitors { apps, why } => inhibitors(apps, why.as_deref()),
            Detail::Camera(apps) => t!("wait-camera-in-use", apps = apps.words()),
            Detail::Microphone(apps) => t!("wait-microphone-in-use", apps = apps.words()),
            Detail::Unknown { .. } => return None,
        })
    }

    /// The kind and its arguments, as `WaitingFor` carries them (see the module's table).
    #[must_use]
    pub fn to_wire(&self) -> (String, BTreeMap<String, String>) {
        let mut args = BTreeMap::new();
        match self {
            Detail::DoNotDisturb { server, .. } => {
                args.insert("server".into(), server.clone());
            }
            Detail::Fullscreen { app } => {
                if let Some(app) = app {
                    args.insert("app".into(), app.clone());
                }
            }
            Detail::Inhibitors { apps, why } => {
                apps.to_wire(&mut args);
                if let Some(why) = why {
                    args.insert("why".into(), why.clone());
                }
            }
            Detail::Camera(apps) | Detail::Microphone(apps) => apps.to_wire(&mut args),
            Detail::Unknown { args: theirs, .. } => args.clone_from(theirs),
        }
        (self.kind().to_owned(), args)
    }

    /// The detail `WaitingFor` carries for `reason` as `kind` with `args`. A kind this
    /// version does not know for that reason, or one without the arguments it needs, is
    /// [`Detail::Unknown`]. Text from the bus is cleaned of control characters and cut
    /// short.
    #[must_use]
    pub fn from_wire(reason: Reason, kind: &str, args: BTreeMap<String, String>) -> Detail {
        let args: BTreeMap<String, String> = args
            .into_iter()
            .map(|(key, value)| (clean(&key), clean_lines(&value)))
            .collect();
        let text = |key: &str| args.get(key).map(|v| clean(v)).filter(|v| !v.is_empty());
        let known = match (reason, kind) {
            (Reason::DoNotDisturb, kind) => Switch::ALL
                .into_iter()
                .find(|s| s.as_str() == kind)
                .zip(text("server"))
                .map(|(switch, server)| Detail::DoNotDisturb { server, switch }),
            (Reason::Fullscreen, "window") => Some(Detail::Fullscreen { app: text("app") }),
            (Reason::Inhibitor, "idle") => Apps::from_wire(&args).map(|apps| {
                let why = text("why").filter(|_| apps.named.len() == 1 && apps.others == 0);
                Detail::Inhibitors { apps, why }
            }),
            (Reason::Meeting, "camera") => Apps::from_wire(&args).map(Detail::Camera),
            (Reason::Meeting, "microphone") => Apps::from_wire(&args).map(Detail::Microphone),
            _ => None,
        };
        known.unwrap_or_else(|| Detail::Unknown {
            kind: clean(kind),
            args,
        })
    }

    /// The detail's fields in `status --json`, after `reason`: `kind` and its arguments.
    pub fn json(&self, fields: &mut serde_json::Map<String, Value>) {
        // No kind at all: a daemon from before kinds (see `control`).
        let kind = Some(self.kind()).filter(|k| !k.is_empty());
        fields.insert("kind".into(), json!(kind));
        match self {
            Detail::DoNotDisturb { server, .. } => {
                fields.insert("server".into(), json!(server));
            }
            Detail::Fullscreen { app } => {
                fields.insert("app".into(), json!(app));
            }
            Detail::Inhibitors { apps, why } => {
                apps.json(fields);
                fields.insert("why".into(), json!(why));
            }
            Detail::Camera(apps) | Detail::Microphone(apps) => apps.json(fields),
            Detail::Unknown { args, .. } => {
                for (key, value) in args {
                    if key != "reason" && key != "kind" {
                        fields.insert(key.clone(), json!(value));
                    }
                }
            }
        }
    }
}

/// English and stable, for log lines: `paused server=dunst`, `camera apps=zoom others=1`.
impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kind, args) = self.to_wire();
        f.write_str(&kind)?;
        for (key, value) in args {
            write!(f, " {key}={:?}", value.replace('\n', ","))?;
        }
        Ok(())
    }
}

/// "zoom inhibits idle (In a meeting)", "zoom, firefox inhibit idle", "an application
/// inhibits idle".
fn inhibitors(apps: &Apps, why: Option<&str>) -> String {
    let (names, more) = apps.shown();
    match (apps.named.as_slice(), more) {
        ([], 0 | 1) => t!("wait-inhibitor-someone"),
        ([], count) => t!("wait-inhibitor-count", count = count),
        (_, count @ 1..) => t!("wait-inhibitor-apps-more", apps = names, count = count),
        ([app], 0) => match why {
            Some(why) => t!(
                "wait-inhibitor-app-reason",
                app = app.as_str(),
                reason = why
            ),
            None => t!("wait-inhibitor-app", app = app.as_str()),
        },
        (_, 0) => t!("wait-inhibitor-apps", apps = names),
    }
}

/// How a person knows a notification server, from the name it gives itself: "swaync"
/// for `SwayNotificationCenter`, "KDE Plasma" for `Plasma`, …; any other as it gives it.
fn server_name(server: &str) -> &str {
    match server {
        "SwayNotificationCenter" => "swaync",
        "Xfce Notify Daemon" => "Xfce",
        "Plasma" => "KDE Plasma",
        "gnome-shell" => "GNOME",
        other => other,
    }
}

/// One line of text: control characters made spaces, trimmed, at most
/// [`MAX_ARG_CHARS`] characters.
fn clean(text: &str) -> String {
    let line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MAX_ARG_CHARS)
        .collect();
    line.trim().to_owned()
}

/// Lines of text (a list of names), each [`clean`]ed, at most [`MAX_APPS`] plus one.
fn clean_lines(text: &str) -> String {
    text.split('\n')
        .take(MAX_APPS + 1)
        .map(clean)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{self, Lang};

    fn apps(named: &[&str], others: u32) -> Apps {
        Apps {
            named: named.iter().map(|n| (*n).to_owned()).collect(),
            others,
        }
    }

    fn every_kind() -> Vec<(Reason, Detail)> {
        let dnd = |server: &str, switch| Detail::DoNotDisturb {
            server: server.into(),
            switch,
        };
        vec![
            (Reason::DoNotDisturb, dnd("dunst", Switch::Paused)),
            (Reason::DoNotDisturb, dnd("mako", Switch::Mode)),
            (Reason::DoNotDisturb, dnd("Plasma", Switch::On)),
            (
                Reason::DoNotDisturb,
                dnd("SwayNotificationCenter", Switch::Inhibited),
            ),
            (
                Reason::DoNotDisturb,
                dnd("notification-daemon", Switch::HoldsBack),
            ),
            (
                Reason::Fullscreen,
                Detail::Fullscreen {
                    app: Some("mpv".into()),
                },
            ),
            (Reason::Fullscreen, Detail::Fullscreen { app: None }),
            (
                Reason::Inhibitor,
                Detail::Inhibitors {
                    apps: apps(&["zoom"], 0),
                    why: Some("In a meeting".into()),
                },
            ),
            (
                Reason::Inhibitor,
                Detail::Inhibitors {
                    apps: apps(&[], 3),
                    why: None,
                },
            ),
            (
                Reason::Meeting,
                Detail::Camera(apps(&["cheese", "zoom"], 1)),
            ),
            (
                Reason::Meeting,
                Detail::Microphone(apps(&["Jitsi Meet"], 0)),
            ),
        ]
    }

    #[test]
    fn every_kind_comes_back_from_the_wire_as_it_went() {
        for (reason, detail) in every_kind() {
            assert_eq!(detail.reason(), Some(reason), "{detail:?}");
            let (kind, args) = detail.to_wire();
            assert_eq!(Detail::from_wire(reason, &kind, args), detail, "{kind}");
        }
    }

    #[test]
    fn the_wire_form_is_what_the_readme_documents() {
        let wire = |d: Detail| d.to_wire();
        let map = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect::<BTreeMap<_, _>>()
        };
        assert_eq!(
            wire(every_kind()[0].1.clone()),
            ("paused".into(), map(&[("server", "dunst")]))
        );
        assert_eq!(
            wire(Detail::Camera(apps(&["cheese", "zoom"], 1))),
            (
                "camera".into(),
                map(&[("apps", "cheese\nzoom"), ("others", "1")])
            )
        );
        assert_eq!(
            wire(Detail::Fullscreen { app: None }),
            ("window".into(), map(&[]))
        );
    }

    #[test]
    fn an_unknown_kind_or_bad_arguments_are_kept_and_worded_as_nothing() {
        let args: BTreeMap<String, String> = [("screen".to_owned(), "HDMI-1".to_owned())].into();
        let unknown = Detail::from_wire(Reason::Meeting, "screen_share", args.clone());
        assert_eq!(
            unknown,
            Detail::Unknown {
                kind: "screen_share".into(),
                args: args.clone()
            }
        );
        assert_eq!(unknown.words(), None);
        assert_eq!(unknown.to_wire(), ("screen_share".into(), args));
        let mut fields = serde_json::Map::new();
        Detail::from_wire(Reason::Meeting, "", BTreeMap::new()).json(&mut fields);
        assert_eq!(Value::Object(fields), json!({"kind": null}));
        // A kind of another reason, a server without its name, a count that is no number.
        assert!(matches!(
            Detail::from_wire(Reason::Fullscreen, "paused", BTreeMap::new()),
            Detail::Unknown { .. }
        ));
        assert!(matches!(
            Detail::from_wire(Reason::DoNotDisturb, "paused", BTreeMap::new()),
            Detail::Unknown { .. }
        ));
        let bad: BTreeMap<String, String> = [("others".to_owned(), "many".to_owned())].into();
        assert!(matches!(
            Detail::from_wire(Reason::Meeting, "camera", bad),
            Detail::Unknown { .. }
        ));
    }

    #[test]
    fn text_from_the_bus_is_one_short_line_per_name() {
        let args: BTreeMap<String, String> = [
            ("server".to_owned(), "evil\r\x1b[31mserver".to_owned()),
            ("apps".to_owned(), "a\nb".to_owned()),
        ]
        .into();
        let detail = Detail::from_wire(Reason::DoNotDisturb, "on", args.clone());
        assert_eq!(
            detail,
            Detail::DoNotDisturb {
                server: "evil  [31mserver".into(),
                switch: Switch::On
            }
        );
        let many = ["x"; 40].join("\n");
        let args: BTreeMap<String, String> = [("apps".to_owned(), many)].into();
        let Detail::Camera(apps) = Detail::from_wire(Reason::Meeting, "camera", args) else {
            panic!("a camera detail");
        };
        assert_eq!(apps.named, vec!["x".to_owned()]);
        let long = "y".repeat(1000);
        let args: BTreeMap<String, String> = [("app".to_owned(), long)].into();
        let Detail::Fullscreen { app: Some(app) } =
            Detail::from_wire(Reason::Fullscreen, "window", args)
        else {
            panic!("a fullscreen detail");
        };
        assert_eq!(app.chars().count(), MAX_ARG_CHARS);
    }

    #[test]
    fn apps_are_named_once_sorted_and_the_nameless_counted() {
        let collected = Apps::collect([
            Some("zoom".into()),
            None,
            Some("cheese".into()),
            Some("zoom".into()),
            Some("  ".into()),
        ]);
        assert_eq!(collected, apps(&["cheese", "zoom"], 2));
        let many = Apps::collect((0..12).map(|n| Some(format!("app{n:02}"))));
        assert_eq!(many.named.len(), MAX_APPS);
        assert_eq!(many.others, 4);
    }

    #[test]
    fn details_are_worded_in_english() {
        let words: Vec<String> = every_kind()
            .iter()
            .map(|(_, d)| d.words().unwrap())
            .collect();
        assert_eq!(
            words,
            [
                "dunst is paused",
                "mako is in do-not-disturb mode",
                "KDE Plasma do-not-disturb is on",
                "swaync notifications are inhibited",
                "notification-daemon holds notifications back",
                "mpv is fullscreen",
                "a window is fullscreen",
                "zoom inhibits idle (In a meeting)",
                "3 applications inhibit idle",
                "camera in use by cheese, zoom and 1 more",
                "microphone in use by Jitsi Meet",
            ]
        );
        let word = |d: Detail| d.words().unwrap();
        assert_eq!(
            word(Detail::Camera(apps(&["a", "b", "c", "d"], 0))),
            "camera in use by a, b, c and 1 more"
        );
        assert_eq!(
            word(Detail::Camera(apps(&[], 1))),
            "camera in use by an application"
        );
        assert_eq!(
            word(Detail::Microphone(apps(&[], 2))),
            "microphone in use by 2 applications"
        );
        assert_eq!(
            word(Detail::Inhibitors {
                apps: apps(&["firefox", "zoom"], 0),
                why: None
            }),
            "firefox, zoom inhibit idle"
        );
        assert_eq!(
            word(Detail::Inhibitors {
                apps: apps(&["zoom"], 2),
                why: None
            }),
            "zoom and 2 more inhibit idle"
        );
        assert_eq!(
            word(Detail::Inhibitors {
                apps: apps(&[], 1),
                why: None
            }),
            "an application inhibits idle"
        );
    }

    #[test]
    fn details_are_worded_in_german_french_and_spanish() {
        let dunst = Detail::DoNotDisturb {
            server: "dunst".into(),
            switch: Switch::Paused,
        };
        let camera = Detail::Camera(apps(&[], 2));
        let said = |lang| i18n::scoped(lang, || (dunst.words(), camera.words()));
        assert_eq!(
            said(Lang::De),
            (
                Some("dunst ist pausiert".into()),
                Some("Kamera in Gebrauch durch 2 Anwendungen".into())
            )
        );
        assert_eq!(
            said(Lang::Fr),
            (
                Some("dunst est en pause".into()),
                Some("caméra utilisée par 2 applications".into())
            )
        );
        assert_eq!(
            said(Lang::Es),
            (
                Some("dunst está en pausa".into()),
                Some("cámara en uso por 2 aplicaciones".into())
            )
        );
    }

    #[test]
    fn the_log_form_is_english_in_every_language() {
        let camera = Detail::Camera(apps(&["cheese", "zoom"], 1));
        let logged = i18n::scoped(Lang::De, || camera.to_string());
        assert_eq!(logged, r#"camera apps="cheese,zoom" others="1""#);
    }
}
