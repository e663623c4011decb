//! `org.kde.StatusNotifierItem`: the icon itself, as the tray host reads it.
//!
//! Every property is read from the tray task's [`super::Shown`]; the task emits
//! `NewIcon`, `NewToolTip` and `NewStatus` when what they describe changes. A left click
//! (`Activate`) becomes a [`Click::BreakNow`].

use tokio::sync::mpsc;
use zbus::object_server::SignalEmitter;
use zbus::{ObjectPath, interface};

use super::menu::{self, Click};
use super::{Shared, icon};

/// The item's object path (where hosts look by default).
pub const PATH: &str = "/StatusNotifierItem";

/// A pixmap as the spec has it: width, height, ARGB32 bytes.
type Pixmap = Vec<(i32, i32, Vec<u8>)>;

/// `org.kde.StatusNotifierItem` on [`PATH`].
pub struct Item {
    pub(super) shared: Shared,
    pub(super) clicks: mpsc::Sender<Click>,
}

#[interface(name = "org.kde.StatusNotifierItem")]
impl Item {
    /// Left click: a break now, or the due reminder again.
    async fn activate(&self, _x: i32, _y: i32) {
        tracing::debug!("tray icon activated");
        if self.clicks.try_send(Click::BreakNow).is_err() {
            tracing::debug!("tray busy; click dropped");
        }
    }

    /// Middle click: nothing of its own (the menu has everything).
    async fn secondary_activate(&self, _x: i32, _y: i32) {}

    /// Scrolling over the icon does nothing.
    async fn scroll(&self, _delta: i32, _orientation: String) {}

    /// The host draws the menu from [`Self::menu`]; there is no menu of our own to pop up.
    async fn context_menu(&self, _x: i32, _y: i32) {}

    /// What kind of item this is.
    #[zbus(property)]
    fn category(&self) -> String {
        "ApplicationStatus".to_owned()
    }

    /// A stable id, for hosts that remember settings per item.
    #[zbus(property)]
    fn id(&self) -> String {
        "deskbreak".to_owned()
    }

    /// The application's name.
    #[zbus(property)]
    fn title(&self) -> String {
        "deskbreak".to_owned()
    }

    /// `NeedsAttention` while a break is due, else `Active` (never `Passive`: hosts such
    /// as waybar hide passive items).
    #[zbus(property)]
    fn status(&self) -> String {
        super::lock(&self.shared).status_word().to_owned()
    }

    /// No window of our own.
    #[zbus(property)]
    fn window_id(&self) -> i32 {
        0
    }

    /// The themed name of the current look (hosts fall back to the pixmap).
    #[zbus(property)]
    fn icon_name(&self) -> String {
        super::lock(&self.shared).look.icon_name().to_owned()
    }

    /// The current look, drawn at 22, 32 and 48 px.
    #[zbus(property)]
    fn icon_pixmap(&self) -> Pixmap {
        super::lock(&self.shared).pixmap.clone()
    }

    /// No overlay.
    #[zbus(property)]
    fn overlay_icon_name(&self) -> String {
        String::new()
    }

    /// No overlay.
    #[zbus(property)]
    fn overlay_icon_pixmap(&self) -> Pixmap {
        Vec::new()
    }

    /// While a break is due, the icon is the attention icon already.
    #[zbus(property)]
    fn attention_icon_name(&self) -> String {
        icon::Look::Due.icon_name().to_owned()
    }

    /// The due look, for hosts that show it on `NeedsAttention`.
    #[zbus(property)]
    fn attention_icon_pixmap(&self) -> Pixmap {
        let shown = super::lock(&self.shared);
        if shown.look == icon::Look::Due {
            shown.pixmap.clone()
        } else {
            icon::pixmap(icon::Look::Due)
        }
    }

    /// No animation.
    #[zbus(property)]
    fn attention_movie_name(&self) -> String {
        String::new()
    }

    /// `(icon name, icon pixmap, title, text)`: the status line.
    #[zbus(property)]
    fn tool_tip(&self) -> (String, Pixmap, String, String) {
        let tooltip = super::lock(&self.shared).tooltip.clone();
        (String::new(), Vec::new(), "deskbreak".to_owned(), tooltip)
    }

    /// A click shows the menu only on a right click; left click is [`Self::activate`].
    #[zbus(property)]
    fn item_is_menu(&self) -> bool {
        false
    }

    /// The dbusmenu object.
    #[zbus(property)]
    fn menu(&self) -> ObjectPath<'static> {
        ObjectPath::from_static_str_unchecked(menu::PATH)
    }

    /// No icon folder of our own.
    #[zbus(property)]
    fn icon_theme_path(&self) -> String {
        String::new()
    }

    /// The title changed (never: it is always "deskbreak").
    #[zbus(signal)]
    pub async fn new_title(emitter: &SignalEmitter<'_>) -> zbus::Result<()>;

    /// `IconName` and `IconPixmap` changed.
    #[zbus(signal)]
    pub async fn new_icon(emitter: &SignalEmitter<'_>) -> zbus::Result<()>;

    /// The attention icon changed (never).
    #[zbus(signal)]
    pub async fn new_attention_icon(emitter: &SignalEmitter<'_>) -> zbus::Result<()>;

    /// The overlay changed (never).
    #[zbus(signal)]
    pub async fn new_overlay_icon(emitter: &SignalEmitter<'_>) -> zbus::Result<()>;

    /// `ToolTip` changed.
    #[zbus(signal)]
    pub async fn new_tool_tip(emitter: &SignalEmitter<'_>) -> zbus::Result<()>;

    /// `Status` changed, to `status`.
    #[zbus(signal)]
    pub async fn new_status(emitter: &SignalEmitter<'_>, status: &str) -> zbus::Result<()>;
}
