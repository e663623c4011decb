//! The tray's menu, served as `com.canonical.dbusmenu` (version 3).
//!
//! The menu has a fixed set of rows with fixed ids; what changes with the state is their
//! labels, whether they are enabled and whether they are visible, announced with
//! `ItemsPropertiesUpdated`. So the layout itself never changes, and a host never holds
//! a stale id. Clicks (`Event` with `clicked`) are turned into [`Click`]s for the tray
//! task; nothing here waits for the daemon.

use crate::t;
use std::collections::HashMap;
use std::time::Duration;

use chrono::{DateTime, Local};
use serde::Serialize;
use tokio::sync::mpsc;
use zbus::object_server::SignalEmitter;
use zbus::{OwnedVariant, Type, Variant, fdo, interface};

use super::{Shared, view};
use crate::engine::PhaseKind;
use crate::status::Status;

/// The menu's object path.
pub const PATH: &str = "/MenuBar";

/// What a click on a row (or on the icon) asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Click {
    /// Show a break prompt now, or the due one again.
    BreakNow,
    /// Guide the due break in its bubble, step by step.
    Guide,
    /// Snooze the due break.
    Snooze,
    /// Pause reminders for this long.
    Pause(Duration),
    /// Pause reminders until tomorrow 00:00.
    PauseUntilTomorrow,
    /// End the pause.
    Resume,
    /// Open the config file in the user's editor.
    OpenConfig,
    /// Stop deskbreak.
    Quit,
}

/// One row of the menu.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Its dbusmenu id (never 0: that is the root).
    pub id: i32,
    /// What a click does; `None` for labels and separators.
    pub click: Option<Click>,
    /// A separator line rather than an item.
    pub separator: bool,
    /// The text.
    pub label: String,
    /// Whether it can be clicked.
    pub enabled: bool,
    /// Whether it is shown at all.
    pub visible: bool,
}

impl Row {
    fn item(id: i32, label: impl Into<String>, click: Option<Click>) -> Self {
        Self {
            id,
            click,
            separator: false,
            label: label.into(),
            enabled: click.is_some(),
            visible: true,
        }
    }

    fn separator(id: i32) -> Self {
        Self {
            id,
            click: None,
            separator: true,
            label: String::new(),
            enabled: true,
            visible: true,
        }
    }

    /// The row's dbusmenu properties, all of them or those in `names` (empty: all).
    fn properties(&self, names: &[String]) -> HashMap<String, OwnedVariant> {
        let mut all: Vec<(&str, OwnedVariant)> = Vec::new();
        if self.separator {
            all.push(("type", OwnedVariant::from(zbus::Str::from("separator"))));
        } else {
            all.push((
                "label",
                OwnedVariant::from(zbus::Str::from(self.label.clone())),
            ));
            all.push(("enabled", OwnedVariant::from(self.enabled)));
        }
        all.push(("visible", OwnedVariant::from(self.visible)));
        all.into_iter()
            .filter(|(name, _)| names.is_empty() || names.iter().any(|n| n == name))
            .map(|(name, value)| (name.to_owned(), value))
            .collect()
    }
}

/// The id of the status line, the first row.
pub const HEADLINE: i32 = 1;

const HALF_HOUR: Duration = Duration::from_secs(30 * 60);
const HOUR: Duration = Duration::from_secs(60 * 60);

/// The rows for `status` at `now`, with `today` breaks taken so far (`None`: unknown).
#[must_use]
pub fn rows(status: &Status, now: DateTime<Local>, today: Option<u32>) -> Vec<Row> {
    let paused = status.phase == PhaseKind::Paused;
    let due = status.phase == PhaseKind::Due;
    let mut headline = Row::item(HEADLINE, view::headline(status, now), None);
    headline.enabled = false;
    let mut break_now = Row::item(
        3,
        if due {
            t!("tray-show-break-again")
        } else {
            t!("tray-break-now")
        },
        Some(Click::BreakNow),
    );
    // The engine refuses a break prompt while paused; a greyed row says so at a glance.
    break_now.enabled = !paused;
    let mut guide = Row::item(15, t!("tray-guide"), Some(Click::Guide));
    guide.visible = due;
    let mut snooze = Row::item(4, t!("tray-snooze"), Some(Click::Snooze));
    snooze.visible = due;
    let mut resume = Row::item(9, t!("tray-resume"), Some(Click::Resume));
    resume.visible = paused;
    let mut today_row = Row::item(11, today.map_or_else(String::new, view::today), None);
    today_row.enabled = false;
    today_row.visible = today.is_some();
    vec![
        headline,
        Row::separator(2),
        break_now,
        guide,
        snooze,
        Row::separator(5),
        Row::item(6, t!("tray-pause-half-hour"), Some(Click::Pause(HALF_HOUR))),
        Row::item(7, t!("tray-pause-hour"), Some(Click::Pause(HOUR))),
        Row::item(
            8,
            t!("tray-pause-tomorrow"),
            Some(Click::PauseUntilTomorrow),
        ),
        resume,
        Row::separator(10),
        today_row,
        Row::separator(12),
        Row::item(13, t!("tray-open-config"), Some(Click::OpenConfig)),
        Row::item(14, t!("tray-quit"), Some(Click::Quit)),
    ]
}

/// A node of `GetLayout`'s answer: `(ia{sv}av)`.
#[derive(Debug, Serialize, Type)]
pub struct Layout {
    id: i32,
    properties: HashMap<String, OwnedVariant>,
    children: Vec<OwnedVariant>,
}

/// The rows whose properties differ between `old` and `new`, with all their properties
/// (for `ItemsPropertiesUpdated`).
#[must_use]
pub fn changed(old: &[Row], new: &[Row]) -> Vec<(i32, HashMap<String, OwnedVariant>)> {
    new.iter()
        .filter(|row| !old.contains(row))
        .map(|row| (row.id, row.properties(&[])))
        .collect()
}

/// `com.canonical.dbusmenu` on [`PATH`].
pub struct Menu {
    pub(super) shared: Shared,
    pub(super) clicks: mpsc::Sender<Click>,
}

impl Menu {
    fn rows(&self) -> Vec<Row> {
        super::lock(&self.shared).rows.clone()
    }

    fn click(&self, id: i32, event: &str) -> fdo::Result<()> {
        let rows = self.rows();
        let row = rows
            .iter()
            .find(|row| row.id == id)
            .ok_or_else(|| fdo::Error::InvalidArgs(format!("no menu item {id}")))?;
        if event != "clicked" {
            return Ok(());
        }
        match row.click {
            Some(click) if row.enabled && row.visible => {
                tracing::debug!(?click, "tray menu clicked");
                // Never wait on the tray task from a bus call: a full queue (a flood of
                // clicks) drops the click.
                if self.clicks.try_send(click).is_err() {
                    tracing::debug!("tray busy; click dropped");
                }
            }
            _ => {}
        }
        Ok(())
    }
}

#[interface(name = "com.canonical.dbusmenu")]
impl Menu {
    /// The menu from `parent_id` down, `recursion_depth` levels (-1: all).
    async fn get_layout(
        &self,
        parent_id: i32,
        recursion_depth: i32,
        property_names: Vec<String>,
    ) -> fdo::Result<(u32, Layout)> {
        let rows = self.rows();
        let leaf = |row: &Row| Layout {
            id: row.id,
            properties: row.properties(&property_names),
            children: Vec::new(),
        };
        let layout = if parent_id == 0 {
            let children = if recursion_depth == 0 {
                Vec::new()
            } else {
                rows.iter()
                    .map(|row| {
                        let node = leaf(row);
                        let value = Variant::from((node.id, node.properties, node.children));
                        OwnedVariant::try_from(value)
                            .map_err(|err| fdo::Error::Failed(err.to_string()))
                    })
                    .collect::<fdo::Result<Vec<_>>>()?
            };
            let mut properties = HashMap::new();
            properties.insert(
                "children-display".to_owned(),
                OwnedVariant::from(zbus::Str::from("submenu")),
            );
            Layout {
                id: 0,
                properties,
                children,
            }
        } else {
            let row = rows
                .iter()
                .find(|row| row.id == parent_id)
                .ok_or_else(|| fdo::Error::InvalidArgs(format!("no menu item {parent_id}")))?;
            leaf(row)
        };
        Ok((super::lock(&self.shared).revision, layout))
    }

    /// Properties of the rows `ids` (empty: all rows).
    async fn get_group_properties(
        &self,
        ids: Vec<i32>,
        property_names: Vec<String>,
    ) -> Vec<(i32, HashMap<String, OwnedVariant>)> {
        self.rows()
            .iter()
            .filter(|row| ids.is_empty() || ids.contains(&row.id))
            .map(|row| (row.id, row.properties(&property_names)))
            .collect()
    }

    /// One property of one row.
    async fn get_property(&self, id: i32, name: String) -> fdo::Result<OwnedVariant> {
        let rows = self.rows();
        let row = rows
            .iter()
            .find(|row| row.id == id)
            .ok_or_else(|| fdo::Error::InvalidArgs(format!("no menu item {id}")))?;
        row.properties(std::slice::from_ref(&name))
            .remove(&name)
            .ok_or_else(|| fdo::Error::InvalidArgs(format!("no property {name:?}")))
    }

    /// Something happened to a row; only `clicked` does anything.
    async fn event(
        &self,
        id: i32,
        event_id: String,
        _data: OwnedVariant,
        _timestamp: u32,
    ) -> fdo::Result<()> {
        self.click(id, &event_id)
    }

    /// Several events at once; returns the ids that were not found.
    async fn event_group(
        &self,
        events: Vec<(i32, String, OwnedVariant, u32)>,
    ) -> fdo::Result<Vec<i32>> {
        let mut unknown = Vec::new();
        for (id, event_id, _, _) in &events {
            if self.click(*id, event_id).is_err() {
                unknown.push(*id);
            }
        }
        if !events.is_empty() && unknown.len() == events.len() {
            return Err(fdo::Error::InvalidArgs("no such menu items".into()));
        }
        Ok(unknown)
    }

    /// The menu is about to open: bring the status line and the day's count up to date.
    /// Returns whether anything changed (also announced with `ItemsPropertiesUpdated`).
    async fn about_to_show(
        &self,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
        id: i32,
    ) -> fdo::Result<bool> {
        if id != 0 && !self.rows().iter().any(|row| row.id == id) {
            return Err(fdo::Error::InvalidArgs(format!("no menu item {id}")));
        }
        Ok(self.refresh(&emitter).await)
    }

    /// [`Self::about_to_show`] for several rows.
    async fn about_to_show_group(
        &self,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
        ids: Vec<i32>,
    ) -> (Vec<i32>, Vec<i32>) {
        let rows = self.rows();
        let (known, unknown): (Vec<i32>, Vec<i32>) = ids
            .into_iter()
            .partition(|id| *id == 0 || rows.iter().any(|row| row.id == *id));
        let updated = if self.refresh(&emitter).await {
            known
        } else {
            Vec::new()
        };
        (updated, unknown)
    }

    /// dbusmenu protocol version.
    #[zbus(property)]
    fn version(&self) -> u32 {
        3
    }

    /// Left to right.
    #[zbus(property)]
    fn text_direction(&self) -> String {
        "ltr".to_owned()
    }

    /// `normal` (not `notice`: the icon itself draws attention when a break is due).
    #[zbus(property)]
    fn status(&self) -> String {
        "normal".to_owned()
    }

    /// No icons of our own in the menu.
    #[zbus(property)]
    fn icon_theme_path(&self) -> Vec<String> {
        Vec::new()
    }

    /// Rows changed: `(id, properties)` updated, `(id, names)` removed.
    #[zbus(signal)]
    pub async fn items_properties_updated(
        emitter: &SignalEmitter<'_>,
        updated: Vec<(i32, HashMap<String, OwnedVariant>)>,
        removed: Vec<(i32, Vec<String>)>,
    ) -> zbus::Result<()>;

    /// The layout changed from `parent` down (never sent: the rows are fixed).
    #[zbus(signal)]
    pub async fn layout_updated(
        emitter: &SignalEmitter<'_>,
        revision: u32,
        parent: i32,
    ) -> zbus::Result<()>;
}

impl Menu {
    /// Recompute the rows from the shown status, now and today's count from the history.
    async fn refresh(&self, emitter: &SignalEmitter<'_>) -> bool {
        let history = super::lock(&self.shared).history.clone();
        let now = Local::now();
        let today = super::today::count(history, now.date_naive()).await;
        let updated = {
            let mut shown = super::lock(&self.shared);
            let rows = rows(&shown.status, now, today);
            let updated = changed(&shown.rows, &rows);
            shown.rows = rows;
            shown.today = today;
            updated
        };
        if updated.is_empty() {
            return false;
        }
        if let Err(err) = Self::items_properties_updated(emitter, updated, Vec::new()).await {
            tracing::debug!(%err, "cannot announce the menu's update");
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::activity::Kind;
    use crate::status::PauseEnd;

    fn status(phase: PhaseKind) -> Status {
        let now = Local::now();
        Status {
            phase,
            sitting: Duration::from_secs(600),
            sitting_since: None,
            interval: Duration::from_secs(2700),
            next_break: Some(now + chrono::Duration::seconds(600)),
            paused: (phase == PhaseKind::Paused).then_some(PauseEnd::UntilResumed),
            idle_backend: Kind::X11,
            snoozes: 0,
            waiting_for: Vec::new(),
            off_hours_until: None,
        }
    }

    fn row(rows: &[Row], click: Click) -> &Row {
        rows.iter().find(|r| r.click == Some(click)).unwrap()
    }

    /// Goldens per language, named so that `cargo test --lib i18n::` runs them.
    mod i18n {
        use super::*;

        /// The menu a due break shows, as a person reads it: every visible label, in order.
        fn due_menu(lang: crate::i18n::Lang) -> Vec<String> {
            crate::i18n::scoped(lang, || {
                rows(&status(PhaseKind::Due), Local::now(), Some(1))
                    .into_iter()
                    .filter(|r| r.visible && !r.label.is_empty())
                    .skip(1) // the status line, whose words `status` has goldens for
                    .map(|r| r.label)
                    .collect()
            })
        }

        #[test]
        fn the_menu_reads_in_each_language() {
            use crate::i18n::Lang;
            assert_eq!(
                due_menu(Lang::En),
                [
                    "Show the break again",
                    "Start guided break",
                    "Snooze",
                    "Pause for 30 minutes",
                    "Pause for 1 hour",
                    "Pause until tomorrow",
                    "Today: 1 break",
                    "Open config file",
                    "Quit deskbreak",
                ]
            );
            assert_eq!(
                due_menu(Lang::De),
                [
                    "Pause noch einmal zeigen",
                    "Angeleitete Pause starten",
                    "Aufschieben",
                    "30 Minuten pausieren",
                    "1 Stunde pausieren",
                    "Bis morgen pausieren",
                    "Heute: 1 Pause",
                    "Konfigurationsdatei öffnen",
                    "deskbreak beenden",
                ]
            );
            assert_eq!(
                due_menu(Lang::Fr),
                [
                    "Afficher à nouveau la pause",
                    "Lancer la pause guidée",
                    "Reporter",
                    "Suspendre 30 minutes",
                    "Suspendre 1 heure",
                    "Suspendre jusqu'à demain",
                    "Aujourd'hui\u{a0}: 1 pause",
                    "Ouvrir le fichier de configuration",
                    "Quitter deskbreak",
                ]
            );
            assert_eq!(
                due_menu(Lang::Es),
                [
                    "Mostrar la pausa de nuevo",
                    "Iniciar pausa guiada",
                    "Aplazar",
                    "Suspender 30 minutos",
                    "Suspender 1 hora",
                    "Suspender hasta mañana",
                    "Hoy: 1 pausa",
                    "Abrir el archivo de configuración",
                    "Salir de deskbreak",
                ]
            );
        }
    }

    #[test]
    fn rows_follow_the_state() {
        let now = Local::now();
        let working = rows(&status(PhaseKind::Working), now, Some(2));
        assert!(working[0].label.starts_with("Working: "));
        assert!(!working[0].enabled, "the status line is a label");
        assert!(!row(&working, Click::Snooze).visible);
        assert!(!row(&working, Click::Resume).visible);
        assert_eq!(row(&working, Click::BreakNow).label, "Take a break now");
        assert!(working.iter().any(|r| r.label == "Today: 2 breaks"));

        let due = rows(&status(PhaseKind::Due), now, Some(2));
        assert!(row(&due, Click::Snooze).visible);
        assert!(row(&due, Click::Guide).visible);
        assert!(!row(&working, Click::Guide).visible);
        assert_eq!(row(&due, Click::BreakNow).label, "Show the break again");

        let paused = rows(&status(PhaseKind::Paused), now, None);
        assert!(row(&paused, Click::Resume).visible);
        assert!(!row(&paused, Click::BreakNow).enabled);
        assert!(
            !paused.iter().any(|r| r.id == 11 && r.visible),
            "unknown count hidden"
        );

        // The layout is fixed: the same ids in every state.
        let ids = |rows: &[Row]| rows.iter().map(|r| r.id).collect::<Vec<_>>();
        assert_eq!(ids(&working), ids(&due));
        assert_eq!(ids(&working), ids(&paused));
        assert!(!ids(&working).contains(&0));
    }

    #[test]
    fn only_changed_rows_are_announced() {
        let now = Local::now();
        let a = rows(&status(PhaseKind::Working), now, Some(1));
        assert!(changed(&a, &a).is_empty());
        let b = rows(&status(PhaseKind::Due), now, Some(1));
        let ids: Vec<i32> = changed(&a, &b).iter().map(|(id, _)| *id).collect();
        assert!(
            ids.contains(&1) && ids.contains(&3) && ids.contains(&4),
            "{ids:?}"
        );
        assert!(!ids.contains(&13), "{ids:?}");
    }

    #[test]
    fn properties_can_be_filtered() {
        let r = Row::item(3, "Take a break now", Some(Click::BreakNow));
        let all = r.properties(&[]);
        assert_eq!(all.len(), 3);
        let only = r.properties(&["label".to_owned()]);
        assert_eq!(only.len(), 1);
        let sep = Row::separator(2).properties(&[]);
        assert!(sep.contains_key("type") && !sep.contains_key("label"));
    }
}
