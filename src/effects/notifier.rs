//! Desktop notifications with Done / Snooze / Skip buttons, and their answers.
//!
//! The notification itself is built with notify-rust's [`Notification`] (summary, body,
//! actions, hints, urgency, timeout). It is sent over our own zbus connection rather than
//! notify-rust's `show_async`, because no answer may be lost:
//!
//! * notify-rust opens a new connection per notification and subscribes to the answer
//!   signals only after `Notify` returns, so a quick click can be missed; and some servers
//!   send `ActionInvoked` only to the connection that called `Notify`.
//! * Here the daemon's one session-bus connection (see [`crate::bus`]) subscribes to
//!   *both* `ActionInvoked` and `NotificationClosed` with a single match rule before the
//!   first `Notify`, and reads them from one ordered stream, so a close can never overtake
//!   the click before it. (A proxy's per-signal streams would be two streams, and could.)
//!   The methods go through [`NotificationsProxy`], bounded by the connection's timeout.
//!
//! Signals are only believed from the server that showed the bubble and only for its id.
//! After a button press the bubble is closed explicitly (dunst keeps it open otherwise).
//! Without a session bus or a notification server the reminder goes to stderr, and the
//! desktop is tried again on the next prompt (or as soon as a server appears).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use futures_util::StreamExt;
use notify_rust::{Hint, Notification, Timeout, Urgency};
use zbus::message::Type;
use zbus::{Connection, MatchRule, Message, MessageStream, proxy};

use super::reminder::{self, Channel, Reminder};
use crate::bus::{self, BusError};
use crate::engine::micro::Cue;
use crate::engine::{Answer, GuideStep, Prompt, PromptId};
use crate::exercises::Exercise;
use crate::pictures::Pictures;

const NAME: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";
const INTERFACE: &str = "org.freedesktop.Notifications";

/// The freedesktop notification server's methods (Desktop Notifications Specification
/// 1.2). `Notify` is sent through [`notify`], with this proxy's destination and path but
/// keeping the whole reply: its sender is the server that showed the bubble, and only
/// that server's signals count.
#[proxy(
    interface = "org.freedesktop.Notifications",
    default_service = "org.freedesktop.Notifications",
    default_path = "/org/freedesktop/Notifications"
)]
pub trait Notifications {
    /// Take a bubble off the screen.
    fn close_notification(&self, id: u32) -> zbus::Result<()>;
    /// What the server can show (`actions`, `body-markup`, …).
    fn get_capabilities(&self) -> zbus::Result<Vec<String>>;
    /// Name, vendor, version and specification version.
    fn get_server_information(&self) -> zbus::Result<(String, String, String, String)>;
}

/// Why something could not be shown on the desktop.
///
/// The message already says the bus error, so an error chain would say it twice; these
/// reasons are only ever shown with `Display` (in the log and in
/// [`Delivery::Terminal`]).
#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    /// No session bus.
    #[error(transparent)]
    Bus(#[from] BusError),
    /// A match rule or the proxy could not be made.
    #[error("{0}")]
    Setup(#[source] zbus::Error),
    /// The bus refused the subscription to `ActionInvoked` and `NotificationClosed`.
    #[error("cannot subscribe to notification signals ({})", bus::describe(.0))]
    Subscribe(#[source] zbus::Error),
    /// The bus refused the subscription to the server's comings and goings.
    #[error("cannot watch the notification service ({})", bus::describe(.0))]
    WatchServer(#[source] zbus::Error),
    /// Nothing answers `GetCapabilities`.
    #[error("no notification server ({})", bus::describe(.0))]
    NoServer(#[source] zbus::Error),
    /// `Notify` for a break prompt failed.
    #[error("the notification server refused the reminder ({})", bus::describe(.0))]
    Refused(#[source] zbus::Error),
    /// `Notify` for a message or a guide step failed.
    #[error("{}", bus::describe(.0))]
    NotShown(#[source] zbus::Error),
    /// `Notify` for a break prompt answered something other than an id.
    #[error("the notification server answered oddly ({0})")]
    OddReply(#[source] zbus::Error),
    /// `Notify` for a message or a guide step answered something other than an id.
    #[error("{0}")]
    NoId(#[source] zbus::Error),
}

/// Something the notifier learned from the desktop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The user answered the prompt shown as `prompt`.
    Answer {
        /// The showing the answer belongs to.
        prompt: PromptId,
        /// The answer.
        answer: Answer,
    },
    /// A notification server appeared while a reminder was waiting for one: call
    /// [`Notifier::retry`].
    ServerAppeared,
}

/// Where a reminder ended up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// On the desktop, with buttons or without.
    Desktop {
        /// Whether the server shows buttons.
        buttons: bool,
    },
    /// On stderr, because the desktop could not be reached.
    Terminal {
        /// Why not on the desktop.
        reason: String,
    },
}

/// The bubble currently on screen.
#[derive(Debug)]
struct Bubble {
    /// The server's id for it.
    id: u32,
    /// The engine's prompt it shows.
    prompt: PromptId,
    /// The unique bus name of the server that showed it; only its signals count.
    server: String,
    /// Earlier showings of the same run that the server replaced under a new id: a click
    /// on one of them may still be on its way.
    earlier: Vec<(u32, PromptId)>,
    /// What it shows, to show again if the server goes away.
    shown: (Prompt, Exercise),
    /// The guide was started from it: a server that closes a bubble after invoking an
    /// action (dunst's middle click) means nothing by that close.
    started_here: bool,
}

struct Link {
    notifications: NotificationsProxy<'static>,
    /// `ActionInvoked` and `NotificationClosed`, in the order the server sent them.
    signals: MessageStream,
    /// `NameOwnerChanged` for the notification service: a server appearing or leaving.
    owner_changes: MessageStream,
}

/// Shows prompts and reports answers. Owned by the daemon loop.
pub struct Notifier {
    /// The control service is up, so CLI commands can answer a prompt without buttons.
    commands: bool,
    /// The daemon's session-bus connection, until it breaks; then the next prompt tries a
    /// new one.
    connection: Option<Connection>,
    link: Option<Link>,
    bubble: Option<Bubble>,
    /// The last prompt that only reached stderr, shown again when a server appears.
    undelivered: Option<(Prompt, Exercise)>,
    /// Where the pictures of the moves are written; none sent without it.
    pictures: Option<Pictures>,
    /// What the server showed it can do at the last reminder: (buttons, body markup).
    capabilities: Option<(bool, bool)>,
    /// Play the spec's "complete" sound when a guide ends (`guide.sound`).
    sound: bool,
    /// The config error bubble on screen, replaced by the next error, closed once fixed.
    config_bubble: Option<u32>,
    /// The micro-break cue on screen, replaced by the next cue, closed after its length.
    micro_bubble: Option<u32>,
}

impl Notifier {
    /// A notifier that subscribes on `connection` (the daemon's session-bus connection;
    /// `None`: connect on first use). `commands` says whether the CLI can answer prompts
    /// (the control service is running).
    #[must_use]
    pub fn new(commands: bool, connection: Option<Connection>) -> Self {
        Self {
            commands,
            connection,
            link: None,
            bubble: None,
            undelivered: None,
            pictures: None,
            capabilities: None,
            sound: false,
            config_bubble: None,
            micro_bubble: None,
        }
    }

    /// Whether a guide's end plays the "complete" sound (`guide.sound`).
    pub fn set_sound(&mut self, sound: bool) {
        self.sound = sound;
    }

    /// Show where a guide stands, replacing the bubble in place (same id). Only sent
    /// while a guide runs, once a second. Not shown on stderr when the desktop fails.
    pub async fn guide(&mut self, step: &GuideStep, exercise: &Exercise) {
        let channel = self.channel();
        let text = reminder::render_guide(exercise, &step.progress, channel);
        if let Err(err) = self
            .in_place(step.prompt, &text, &exercise.id, Timeout::Never, None)
            .await
        {
            tracing::debug!(%err, "guide step not shown");
        }
    }

    /// Say a guide is complete in place of its bubble, which then expires by itself and
    /// answers nothing.
    pub async fn guide_done(&mut self, exercise: &Exercise, guided: std::time::Duration) {
        let channel = self.channel();
        let text = reminder::render_guide_done(exercise, guided.as_secs(), channel);
        let prompt = self.bubble.as_ref().map_or(PromptId(0), |b| b.prompt);
        let sound = self.sound.then_some("complete");
        let shown = self
            .in_place(
                prompt,
                &text,
                &exercise.id,
                Timeout::Milliseconds(6000),
                sound,
            )
            .await;
        if let Err(err) = shown {
            tracing::debug!(%err, "guide end not shown");
        }
        // Nothing to answer on it: forget it, so that its close means nothing.
        self.bubble = None;
    }

    fn channel(&self) -> Channel {
        let (buttons, markup) = self.capabilities.unwrap_or((true, false));
        Channel {
            buttons,
            commands: self.commands,
            markup,
        }
    }

    /// Replace the bubble on screen (or show one) with `text`, keeping it answerable as
    /// `prompt`.
    async fn in_place(
        &mut self,
        prompt: PromptId,
        text: &Reminder,
        exercise: &str,
        timeout: Timeout,
        sound: Option<&str>,
    ) -> Result<(), NotifyError> {
        let notifications = self.link().await?.notifications.clone();
        let picture = self.picture(exercise);
        let mut notification = build(text, picture.as_deref());
        notification.timeout(timeout);
        if let Some(sound) = sound {
            notification.hint(Hint::SoundName(sound.into()));
        }
        let replaces = self.bubble.as_ref().map_or(0, |b| b.id);
        let reply = notify_with(&notifications, &notification, replaces, text.progress)
            .await
            .map_err(NotifyError::NotShown)?;
        let id: u32 = reply.body().deserialize().map_err(NotifyError::NoId)?;
        match &mut self.bubble {
            Some(bubble) => {
                if bubble.id != id {
                    bubble.earlier.push((bubble.id, bubble.prompt));
                    let excess = bubble.earlier.len().saturating_sub(8);
                    bubble.earlier.drain(..excess);
                }
                bubble.id = id;
                bubble.prompt = prompt;
            }
            None => tracing::debug!(id, "guide shown in a new bubble"),
        }
        Ok(())
    }

    /// Show `prompt`, replacing the bubble on screen if there is one.
    pub async fn show(&mut self, prompt: &Prompt, exercise: &Exercise) -> Delivery {
        match self.show_on_desktop(prompt, exercise).await {
            Ok(buttons) => {
                self.undelivered = None;
                Delivery::Desktop { buttons }
            }
            Err(reason) => {
                let channel = Channel {
                    buttons: false,
                    commands: self.commands,
                    markup: false,
                };
                let text = reminder::render(prompt, exercise, channel);
                eprintln!(
                    "\n*** {} ***\n{}\n",
                    crate::t!("reminder-terminal-summary", summary = text.summary),
                    text.body
                );
                self.undelivered = Some((prompt.clone(), exercise.clone()));
                Delivery::Terminal {
                    reason: reason.to_string(),
                }
            }
        }
    }

    /// Send pictures of the moves, written into `pictures`' folder.
    #[must_use]
    pub fn with_pictures(mut self, pictures: Pictures) -> Self {
        self.pictures = Some(pictures);
        self
    }

    /// The picture file for exercise `id`, if one can be written.
    fn picture(&self, id: &str) -> Option<PathBuf> {
        let pictures = self.pictures.as_ref()?;
        match pictures.file_for(id) {
            Ok(path) => Some(path),
            Err(err) => {
                tracing::debug!(%err, "cannot write the exercise picture; sending none");
                None
            }
        }
    }

    /// Tell the user something that needs no answer (a config error, a long pause).
    /// It is not tracked: it never replaces or is replaced by a break prompt.
    pub async fn tell(&mut self, summary: &str, body: &str) {
        if let Err(reason) = self.tell_on_desktop(summary, body, 0).await {
            tracing::debug!("message not shown on the desktop: {reason}");
            eprintln!("\n*** {summary} ***\n{body}\n");
        }
    }

    /// Tell the user about a broken config or exercises file. One such bubble at a time:
    /// a new error replaces the last one; [`Self::config_fixed`] takes it away.
    pub async fn config_error(&mut self, summary: &str, body: &str) {
        let replaces = self.config_bubble.unwrap_or(0);
        match self.tell_on_desktop(summary, body, replaces).await {
            Ok(id) => self.config_bubble = Some(id),
            Err(reason) => {
                tracing::debug!("message not shown on the desktop: {reason}");
                eprintln!("\n*** {summary} ***\n{body}\n");
            }
        }
    }

    /// Show a micro-break cue: one line, no buttons, `transient` (not kept in the
    /// server's history), expiring after its length where the server honours that; the
    /// daemon closes it itself then too ([`Self::close_micro`]), since GNOME does not.
    /// Not tracked as a prompt: its signals answer nothing. Not shown on stderr.
    pub async fn micro(&mut self, cue: &Cue) {
        let replaces = self.micro_bubble.unwrap_or(0);
        let mut notification = Notification::new();
        notification
            .appname("deskbreak")
            .summary(&reminder::micro_cue(cue.id))
            .icon("preferences-desktop-accessibility")
            .hint(Hint::Transient(true))
            .hint(Hint::Category("presence".into()))
            .hint(Hint::DesktopEntry("deskbreak".into()))
            .urgency(Urgency::Low)
            .timeout(Timeout::Milliseconds(
                u32::try_from(cue.length.as_millis()).unwrap_or(u32::MAX),
            ));
        let shown = async {
            let link = self.link().await?;
            let reply = notify(&link.notifications, &notification, replaces)
                .await
                .map_err(NotifyError::NotShown)?;
            reply.body().deserialize::<u32>().map_err(NotifyError::NoId)
        };
        match shown.await {
            Ok(id) => {
                tracing::debug!(id, cue = cue.id, "micro-break cue shown");
                self.micro_bubble = Some(id);
            }
            Err(reason) => tracing::debug!(cue = cue.id, "micro-break cue not shown: {reason}"),
        }
    }

    /// Take the micro-break cue off the screen, if one is up.
    pub async fn close_micro(&mut self) {
        let Some(id) = self.micro_bubble.take() else {
            return;
        };
        if let Some(link) = &self.link
            && let Err(err) = link.notifications.close_notification(id).await
        {
            let err = bus::describe(&err);
            tracing::debug!(%err, id, "closing the micro-break cue failed");
        }
    }

    /// The files are good again: close the config error bubble, if one is up.
    pub async fn config_fixed(&mut self) {
        let Some(id) = self.config_bubble.take() else {
            return;
        };
        if let Some(link) = &self.link
            && let Err(err) = link.notifications.close_notification(id).await
        {
            tracing::debug!(%err, id, "closing the config error bubble failed");
        }
    }

    async fn tell_on_desktop(
        &mut self,
        summary: &str,
        body: &str,
        replaces: u32,
    ) -> Result<u32, NotifyError> {
        let markup = self.capabilities.is_some_and(|(_, markup)| markup);
        let body = if markup {
            reminder::escape_markup(body)
        } else {
            body.to_owned()
        };
        let link = self.link().await?;
        let mut notification = Notification::new();
        notification
            .appname("deskbreak")
            .summary(summary)
            .body(&body)
            .icon("preferences-desktop-accessibility")
            .hint(Hint::DesktopEntry("deskbreak".into()))
            .urgency(Urgency::Normal);
        let reply = notify(&link.notifications, &notification, replaces)
            .await
            .map_err(NotifyError::NotShown)?;
        reply.body().deserialize().map_err(NotifyError::NoId)
    }

    /// The subscribed link, made now if there is none yet: subscriptions first, so that
    /// they are in place before the first `Notify`.
    async fn link(&mut self) -> Result<&Link, NotifyError> {
        let link = match self.link.take() {
            Some(link) => link,
            None => {
                let connection = match &self.connection {
                    Some(connection) => connection.clone(),
                    None => bus::session().await?,
                };
                let link = subscribe(&connection).await?;
                self.connection = Some(connection);
                link
            }
        };
        Ok(self.link.insert(link))
    }

    /// Take the bubble off the screen, if there is one.
    pub async fn close(&mut self) {
        self.undelivered = None;
        let Some(bubble) = self.bubble.take() else {
            return;
        };
        if let Some(link) = &self.link
            && let Err(err) = link.notifications.close_notification(bubble.id).await
        {
            let err = bus::describe(&err);
            tracing::debug!(%err, id = bubble.id, "closing the notification failed");
        }
    }

    /// Wait for the next event from the desktop. Cancel-safe (it only reads streams and
    /// changes no state across an await): use it in `select!`.
    ///
    /// Pending forever while not connected.
    pub async fn next_event(&mut self) -> Event {
        loop {
            let Some(link) = &mut self.link else {
                return std::future::pending().await;
            };
            tokio::select! {
                message = link.signals.next() => match message {
                    Some(Ok(message)) => {
                        if let Some(event) = self.on_signal(&message) {
                            return event;
                        }
                    }
                    Some(Err(err)) => tracing::debug!(%err, "unreadable message from the bus"),
                    None => self.disconnected(),
                },
                message = link.owner_changes.next() => match message {
                    Some(Ok(message)) => {
                        if let Some(event) = self.on_owner_change(&message) {
                            return event;
                        }
                    }
                    Some(Err(err)) => tracing::debug!(%err, "unreadable message from the bus"),
                    None => self.disconnected(),
                },
            }
        }
    }

    fn disconnected(&mut self) {
        tracing::warn!("lost the session bus; reminders go to stderr until it is back");
        self.link = None;
        self.connection = None;
        self.bubble = None;
    }

    fn on_signal(&mut self, message: &Message) -> Option<Event> {
        let header = message.header();
        let member = header.member()?.as_str().to_owned();
        let sender = header.sender()?.as_str().to_owned();
        let bubble = self.bubble.as_ref()?;
        if !bubble.server.is_empty() && sender != bubble.server {
            return None;
        }
        let answer = match member.as_str() {
            "ActionInvoked" => {
                let (id, key) = message.body().deserialize::<(u32, String)>().ok()?;
                let prompt = if id == bubble.id {
                    bubble.prompt
                } else {
                    bubble.earlier.iter().find(|(old, _)| *old == id)?.1
                };
                let answer = match key.as_str() {
                    reminder::DONE => Answer::Done,
                    reminder::SNOOZE => Answer::Snooze,
                    reminder::SKIP => Answer::Skip,
                    reminder::START | reminder::DEFAULT => Answer::Start,
                    reminder::STOP => Answer::Stop,
                    other => {
                        tracing::debug!(action = other, "ignoring an unknown action");
                        return None;
                    }
                };
                tracing::debug!(?answer, %prompt, "answer from the desktop");
                if answer == Answer::Start
                    && let Some(bubble) = &mut self.bubble
                {
                    bubble.started_here = true;
                }
                return Some(Event::Answer { prompt, answer });
            }
            "NotificationClosed" => {
                let (id, reason) = message.body().deserialize::<(u32, u32)>().ok()?;
                if id != bubble.id {
                    return None;
                }
                if bubble.started_here {
                    // Closed along with the click that started the guide: the guide goes
                    // on in a new bubble.
                    if let Some(bubble) = &mut self.bubble {
                        bubble.id = 0;
                        bubble.started_here = false;
                    }
                    return None;
                }
                match reason {
                    // 2: dismissed by the user.
                    2 => Answer::Dismissed,
                    // 3: closed by a CloseNotification call. Not ours (we forget the bubble
                    // before closing it), so another client did it; nobody answered.
                    // 1 (expired) and anything undefined: the prompt is still due.
                    _ => Answer::Expired,
                }
            }
            _ => return None,
        };
        let prompt = bubble.prompt;
        if answer == Answer::Expired || answer == Answer::Dismissed {
            // The bubble is gone; a later signal for its id means nothing.
            self.bubble = None;
        }
        tracing::debug!(?answer, %prompt, "answer from the desktop");
        Some(Event::Answer { prompt, answer })
    }

    fn on_owner_change(&mut self, message: &Message) -> Option<Event> {
        let (name, _old, new) = message
            .body()
            .deserialize::<(String, String, String)>()
            .ok()?;
        if name != NAME {
            return None;
        }
        if new.is_empty() {
            tracing::info!("the notification server went away");
            // Its bubble went with it; show the reminder again when a server is back.
            if let Some(bubble) = self.bubble.take() {
                self.undelivered = Some(bubble.shown);
            }
            None
        } else {
            self.undelivered.is_some().then_some(Event::ServerAppeared)
        }
    }

    /// Show the reminder that could not reach the desktop, if there is one.
    pub async fn retry(&mut self) -> Option<Delivery> {
        let (prompt, exercise) = self.undelivered.take()?;
        tracing::info!("a notification server appeared; showing the reminder");
        Some(self.show(&prompt, &exercise).await)
    }

    /// Try the desktop. Returns whether the server shows buttons.
    async fn show_on_desktop(
        &mut self,
        prompt: &Prompt,
        exercise: &Exercise,
    ) -> Result<bool, NotifyError> {
        let notifications = self.link().await?.notifications.clone();
        let capabilities = notifications
            .get_capabilities()
            .await
            .map_err(NotifyError::NoServer)?;
        let buttons = capabilities.iter().any(|c| c == "actions");
        let markup = capabilities.iter().any(|c| c == "body-markup");
        self.capabilities = Some((buttons, markup));

        let channel = Channel {
            buttons,
            commands: self.commands,
            markup,
        };
        let text = reminder::render(prompt, exercise, channel);
        let picture = self.picture(&exercise.id);
        let notification = build(&text, picture.as_deref());
        let replaces = self.bubble.as_ref().map_or(0, |b| b.id);

        let reply = notify(&notifications, &notification, replaces)
            .await
            .map_err(NotifyError::Refused)?;
        let id: u32 = reply.body().deserialize().map_err(NotifyError::OddReply)?;
        let server = reply
            .header()
            .sender()
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default();
        tracing::debug!(id, %server, prompt = %prompt.id, buttons, "notification shown");
        let earlier = match self.bubble.take() {
            Some(old) if old.id != id => {
                let mut earlier = old.earlier;
                earlier.push((old.id, old.prompt));
                let excess = earlier.len().saturating_sub(8);
                earlier.drain(..excess);
                earlier
            }
            Some(old) => old.earlier,
            None => Vec::new(),
        };
        self.bubble = Some(Bubble {
            id,
            prompt: prompt.id,
            server,
            earlier,
            shown: (prompt.clone(), exercise.clone()),
            started_here: false,
        });
        Ok(buttons)
    }
}

/// Build the notification with notify-rust's builder; `picture` is the PNG file showing
/// the move (the `image-path` hint, which needs no server capability).
fn build(text: &Reminder, picture: Option<&Path>) -> Notification {
    let mut notification = Notification::new();
    notification
        .appname("deskbreak")
        .summary(&text.summary)
        .body(&text.body)
        .icon("preferences-desktop-accessibility")
        .hint(Hint::Category("presence".into()))
        .hint(Hint::DesktopEntry("deskbreak".into()))
        .urgency(Urgency::Normal)
        // The prompt stays until answered; re-shows replace it rather than stack.
        .timeout(Timeout::Never);
    if let Some(picture) = picture {
        notification.hint(Hint::ImagePath(picture.display().to_string()));
    }
    for (key, label) in &text.actions {
        notification.action(key, label);
    }
    notification
}

/// Subscribe on `connection` to the notification signals and to the server's comings
/// and goings.
async fn subscribe(connection: &Connection) -> Result<Link, NotifyError> {
    // Subscribe before the first Notify so that no answer can slip past.
    let rule = MatchRule::builder()
        .msg_type(Type::Signal)
        .interface(INTERFACE)
        .path(PATH)
        .build()
        .map_err(NotifyError::Setup)?;
    let signals = MessageStream::for_match_rule(rule, connection, None)
        .await
        .map_err(NotifyError::Subscribe)?;
    let rule = MatchRule::builder()
        .msg_type(Type::Signal)
        .sender("org.freedesktop.DBus")
        .interface("org.freedesktop.DBus")
        .member("NameOwnerChanged")
        .arg(0, NAME)
        .build()
        .map_err(NotifyError::Setup)?;
    let owner_changes = MessageStream::for_match_rule(rule, connection, None)
        .await
        .map_err(NotifyError::WatchServer)?;
    let notifications = NotificationsProxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .map_err(NotifyError::Setup)?;
    tracing::debug!("subscribed to the notification server's signals");
    Ok(Link {
        notifications,
        signals,
        owner_changes,
    })
}

/// Send a notify-rust notification with `Notify`, replacing `replaces` (0 = a new one).
/// The one path every bubble takes to the screen; returns the whole reply, whose sender
/// is the server that showed it.
async fn notify(
    notifications: &NotificationsProxy<'_>,
    notification: &Notification,
    replaces: u32,
) -> zbus::Result<Message> {
    notify_with(notifications, notification, replaces, None).await
}

/// [`notify`] with the `value` hint (a progress bar, 0–100), which notify-rust keeps out
/// of its public hints.
async fn notify_with(
    notifications: &NotificationsProxy<'_>,
    notification: &Notification,
    replaces: u32,
    value: Option<u8>,
) -> zbus::Result<Message> {
    let mut hints: HashMap<&str, zbus::Variant<'_>> =
        notification.hints.iter().map(Into::into).collect();
    if let Some(value) = value {
        // Not in the spec, but dunst, mako, swaync, xfce4-notifyd and KDE draw it as a
        // progress bar; GNOME ignores it.
        hints.insert("value", zbus::Variant::I32(i32::from(value)));
    }
    notifications
        .inner()
        .call_method(
            "Notify",
            &(
                &notification.appname,
                replaces,
                &notification.icon,
                &notification.summary,
                &notification.body,
                &notification.actions,
                hints,
                i32::from(notification.timeout),
            ),
        )
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reasons read as they did when they were plain strings (the log quotes them).
    #[test]
    fn notify_errors_say_what_they_said_as_strings() {
        let err = || zbus::Error::Failure("gone".into());
        let described = bus::describe(&err());
        assert_eq!(
            NotifyError::NoServer(err()).to_string(),
            format!("no notification server ({described})")
        );
        assert_eq!(
            NotifyError::Refused(err()).to_string(),
            format!("the notification server refused the reminder ({described})")
        );
        assert_eq!(
            NotifyError::OddReply(err()).to_string(),
            format!("the notification server answered oddly ({})", err())
        );
        assert_eq!(
            NotifyError::Subscribe(err()).to_string(),
            format!("cannot subscribe to notification signals ({described})")
        );
        assert_eq!(NotifyError::NotShown(err()).to_string(), described);
        assert_eq!(NotifyError::NoId(err()).to_string(), err().to_string());
    }
}
