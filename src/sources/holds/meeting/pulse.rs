//! The sound server's capture streams, over the PulseAudio native protocol.
//!
//! Both PulseAudio and PipeWire (through `pipewire-pulse`, which every desktop that runs
//! PipeWire ships) serve this protocol on `$XDG_RUNTIME_DIR/pulse/native`, and both list
//! every capture stream there as a "source output", whichever API the application used
//! (ALSA through the server's plugin, PulseAudio, PipeWire's own, a Bluetooth headset's
//! microphone). The wire format comes from the `pulseaudio` crate (pure Rust, no C
//! library, no helper program); the transport here is a tokio Unix socket with a time
//! limit on every exchange and a size limit on every frame, so a server that hangs or sends
//! nonsense costs an `Unreadable` reading, nothing more.
//!
//! What counts as "an application records" (the rules gnome-shell's and Plasma's
//! microphone indicators use, plus the stream's own state):
//!
//! * not a stream on a monitor source (recording what a sink plays: visualizers, screen
//!   recorders' desktop audio);
//! * not a stream without a client: PulseAudio's modules (echo cancellation, loopback,
//!   remapping) own their streams themselves;
//! * not `node.virtual = true`: PipeWire's echo-cancel, filter-chain and loopback modules
//!   mark their streams so;
//! * not a mixer's level meter (`application.id` `org.PulseAudio.pavucontrol` or
//!   `org.gnome.VolumeControl`, the ones gnome-shell skips);
//! * not corked: a paused stream captures nothing (PipeWire reports a stream that is not
//!   running as corked).

use std::collections::BTreeSet;
use std::ffi::{CStr, CString};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::Duration;

use pulseaudio::protocol::{self, Command, CommandReply, SourceInfo, SourceOutputInfo};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::UnixStream;
use tokio::sync::mpsc;

use crate::i18n::text;
use crate::sources::holds::Apps;
use crate::{human, t};

/// Longest one exchange with the server may take (connecting, authenticating and both
/// lists together).
const TIMEOUT: Duration = Duration::from_secs(2);

/// Largest frame accepted. The stream lists are a few KiB per stream; the server's own
/// limit on control frames is 16 MiB.
const MAX_FRAME: usize = 4 << 20;

/// The cookie's length in the protocol (a shorter or longer one is a protocol error).
const COOKIE_LENGTH: usize = 256;

/// The channel number of control frames (commands and replies, as opposed to audio).
const CONTROL_CHANNEL: u32 = u32::MAX;

/// Where a sound server listens, and how to prove who we are.
#[derive(Clone, Debug)]
pub struct Server {
    /// The native protocol's Unix socket.
    pub socket: PathBuf,
    /// The authentication cookie's file, if any. PulseAudio also accepts a client of its
    /// own user by its socket credentials; `pipewire-pulse` checks neither.
    pub cookie: Option<PathBuf>,
    /// PipeWire's own socket, to say so when it runs without `pipewire-pulse`.
    pub pipewire_socket: Option<PathBuf>,
}

impl Server {
    /// The server this session's applications use, found as libpulse finds it:
    /// `$PULSE_SERVER` (its local entries), `$PULSE_RUNTIME_PATH/native`,
    /// `$XDG_RUNTIME_DIR/pulse/native`; the cookie from `$PULSE_COOKIE`,
    /// `$XDG_CONFIG_HOME/pulse/cookie`, `~/.config/pulse/cookie` or `~/.pulse-cookie`.
    pub fn from_env() -> Result<Self, String> {
        let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
        let runtime = var("XDG_RUNTIME_DIR").map(PathBuf::from);
        let socket = if let Some(list) = var("PULSE_SERVER") {
            local_server(&list.to_string_lossy())
                .ok_or_else(|| t!("doctor-meeting-pulse-remote"))?
        } else if let Some(dir) = var("PULSE_RUNTIME_PATH") {
            PathBuf::from(dir).join("native")
        } else if let Some(dir) = &runtime {
            dir.join("pulse/native")
        } else {
            return Err(t!("doctor-meeting-no-runtime-dir"));
        };
        let home = var("HOME").map(PathBuf::from);
        let cookie = var("PULSE_COOKIE")
            .map(PathBuf::from)
            .into_iter()
            .chain(var("XDG_CONFIG_HOME").map(|d| PathBuf::from(d).join("pulse/cookie")))
            .chain(home.iter().map(|h| h.join(".config/pulse/cookie")))
            .chain(home.iter().map(|h| h.join(".pulse-cookie")))
            .find(|path| path.exists());
        Ok(Self {
            socket,
            cookie,
            pipewire_socket: runtime.map(|dir| dir.join("pipewire-0")),
        })
    }
}

/// The first local socket in a `PULSE_SERVER` list ("unix:/path", "/path", each perhaps
/// after a "{machine-id}" prefix; "tcp:…" and host names are remote).
fn local_server(list: &str) -> Option<PathBuf> {
    list.split_whitespace().find_map(|entry| {
        let entry = match entry.strip_prefix('{') {
            Some(rest) => rest.split_once('}')?.1,
            None => entry,
        };
        let path = entry.strip_prefix("unix:").unwrap_or(entry);
        path.starts_with('/').then(|| PathBuf::from(path))
    })
}

/// What went wrong talking to the server.
#[derive(Debug, thiserror::Error)]
enum Error {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("unreadable message: {0}")]
    Protocol(#[from] protocol::ProtocolError),
    #[error("a message of {0} bytes")]
    TooLarge(usize),
    #[error("no answer")]
    Timeout,
}

/// The names (sorted, once each) of the applications recording now.
pub(crate) async fn recording_apps(server: &Server) -> Result<Apps, String> {
    let exchange = async {
        let mut conn = Connection::open(server).await?;
        let sources: protocol::SourceInfoList = conn.request(Command::GetSourceInfoList).await?;
        let outputs: protocol::SourceOutputInfoList =
            conn.request(Command::GetSourceOutputInfoList).await?;
        Ok::<_, Error>(recording(&sources, &outputs))
    };
    match tokio::time::timeout(TIMEOUT, exchange).await {
        Ok(Ok(apps)) => Ok(apps),
        Ok(Err(e)) => Err(describe(server, &e)),
        Err(_) => Err(describe(server, &Error::Timeout)),
    }
}

/// Send a hint whenever a capture stream appears, changes (corked, moved) or goes, until
/// dropped or the server goes away.
pub(crate) async fn follow(server: &Server, hint: mpsc::Sender<()>) {
    let subscribed = async {
        let mut conn = Connection::open(server).await?;
        conn.ack(Command::Subscribe(
            protocol::SubscriptionMask::SOURCE_OUTPUT,
        ))
        .await?;
        Ok::<_, Error>(conn)
    };
    let mut conn = match tokio::time::timeout(TIMEOUT, subscribed).await {
        Ok(Ok(conn)) => conn,
        Ok(Err(e)) => return tracing::debug!(error = %describe(server, &e), "not following"),
        Err(_) => return tracing::debug!("the sound server did not answer: not following"),
    };
    // Waiting on the socket costs nothing; each event is one bounded frame.
    loop {
        let frame = match conn.frame().await {
            Ok(frame) => frame,
            Err(e) => return tracing::debug!(error = %e, "the sound server's events stopped"),
        };
        let event = protocol::read_command_message(&mut Cursor::new(&frame[..]), conn.version);
        if let Ok((_, Command::SubscribeEvent(event))) = event
            && event.event_facility == protocol::SubscriptionEventFacility::SourceOutput
        {
            match hint.try_send(()) {
                // A hint already waiting says the same.
                Ok(()) | Err(mpsc::error::TrySendError::Full(())) => {}
                Err(mpsc::error::TrySendError::Closed(())) => return,
            }
        }
    }
}

/// The error in words for `doctor`, naming the socket.
fn describe(server: &Server, e: &Error) -> String {
    let path = text(server.socket.display());
    match e {
        Error::Io(io)
            if matches!(
                io.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused
            ) =>
        {
            match &server.pipewire_socket {
                Some(pw) if pw.exists() => t!("doctor-meeting-pipewire-without-pulse", path = path),
                _ => t!("doctor-meeting-no-server", path = path),
            }
        }
        Error::Protocol(protocol::ProtocolError::ServerError(code)) => {
            t!(
                "doctor-meeting-server-refused",
                path = path,
                error = text(format!("{code:?}"))
            )
        }
        Error::Protocol(error) => {
            t!(
                "doctor-meeting-server-nonsense",
                path = path,
                error = text(error)
            )
        }
        Error::TooLarge(bytes) => {
            t!(
                "doctor-meeting-server-too-large",
                path = path,
                bytes = text(bytes)
            )
        }
        Error::Timeout => t!(
            "doctor-meeting-server-silent",
            path = path,
            duration = human::duration(TIMEOUT)
        ),
        Error::Io(error) => t!(
            "doctor-meeting-server-failed",
            path = path,
            error = text(error)
        ),
    }
}

/// The recording applications out of the server's lists, by the rules in the module doc.
pub(crate) fn recording(sources: &[SourceInfo], outputs: &[SourceOutputInfo]) -> Apps {
    let monitors: BTreeSet<u32> = sources
        .iter()
        .filter(|s| s.monitor_of_sink_index.is_some())
        .map(|s| s.index)
        .collect();
    Apps::collect(
        outputs
            .iter()
            .filter(|o| records(o, &monitors))
            .map(app_name),
    )
}

fn records(output: &SourceOutputInfo, monitors: &BTreeSet<u32>) -> bool {
    let prop = |key: &CStr| output.props.get_bytes(key).map(prop_text);
    let level_meter = matches!(
        prop(c"application.id").as_deref(),
        Some("org.PulseAudio.pavucontrol" | "org.gnome.VolumeControl")
    );
    !monitors.contains(&output.source_index)
        && output.client_index.is_some()
        && prop(c"node.virtual").as_deref() != Some("true")
        && !level_meter
        && !output.corked
}

/// Who records: the application's name, its program, the stream's name, in that order;
/// `None` when it gives none of them.
fn app_name(output: &SourceOutputInfo) -> Option<String> {
    [c"application.name", c"application.process.binary"]
        .into_iter()
        .filter_map(|key| output.props.get_bytes(key).map(prop_text))
        .chain(std::iter::once(output.name.to_string_lossy().into_owned()))
        .map(|name| name.chars().take(64).collect::<String>().trim().to_owned())
        .find(|name| !name.is_empty())
}

/// A property's value as text (string properties carry their terminating NUL).
fn prop_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_suffix(&[0]).unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

/// One authenticated connection.
struct Connection {
    socket: UnixStream,
    version: u16,
    seq: u32,
}

impl Connection {
    /// Connect, authenticate and name ourselves (callers bound the time).
    async fn open(server: &Server) -> Result<Self, Error> {
        let socket = UnixStream::connect(&server.socket).await?;
        let mut conn = Self {
            socket,
            version: protocol::MAX_VERSION,
            seq: 0,
        };
        let cookie = match &server.cookie {
            Some(path) => read_cookie(path).await,
            None => None,
        };
        let auth: protocol::AuthReply = conn
            .request(Command::Auth(protocol::AuthParams {
                version: protocol::MAX_VERSION,
                supports_shm: false,
                supports_memfd: false,
                // Without a cookie, all zeros, as libpulse sends: the server then decides
                // by the socket's credentials.
                cookie: cookie.unwrap_or_else(|| vec![0; COOKIE_LENGTH]),
            }))
            .await?;
        conn.version = auth.version.min(protocol::MAX_VERSION);
        let mut props = protocol::Props::new();
        props.set(protocol::Prop::ApplicationName, c"deskbreak");
        props.set(protocol::Prop::ApplicationId, c"deskbreak");
        let pid = CString::new(std::process::id().to_string()).unwrap_or_default();
        props.set(protocol::Prop::ApplicationProcessId, pid);
        let _: protocol::SetClientNameReply = conn.request(Command::SetClientName(props)).await?;
        Ok(conn)
    }

    /// Send a command and read its reply.
    async fn request<T: CommandReply>(&mut self, command: Command) -> Result<T, Error> {
        let seq = self.send(&command).await?;
        loop {
            let frame = self.frame().await?;
            let (got, reply) =
                protocol::read_reply_message::<T>(&mut Cursor::new(&frame[..]), self.version)?;
            if got == seq {
                return Ok(reply);
            }
        }
    }

    /// Send a command whose reply is empty, and wait for it.
    async fn ack(&mut self, command: Command) -> Result<(), Error> {
        let seq = self.send(&command).await?;
        loop {
            let frame = self.frame().await?;
            if protocol::read_ack_message(&mut Cursor::new(&frame[..]))? == seq {
                return Ok(());
            }
        }
    }

    async fn send(&mut self, command: &Command) -> Result<u32, Error> {
        let seq = self.seq;
        self.seq = self.seq.wrapping_add(1);
        let mut message = Vec::new();
        protocol::write_command_message(&mut message, seq, command, self.version)?;
        self.socket.write_all(&message).await?;
        Ok(seq)
    }

    /// The next control frame, header included (audio frames, which a client without
    /// streams is never sent, are passed over).
    async fn frame(&mut self) -> Result<Vec<u8>, Error> {
        loop {
            let mut head = [0; protocol::DESCRIPTOR_SIZE];
            self.socket.read_exact(&mut head).await?;
            let descriptor = protocol::read_descriptor(&mut &head[..])?;
            let length = descriptor.length as usize;
            if length > MAX_FRAME {
                return Err(Error::TooLarge(length));
            }
            let mut frame = vec![0; protocol::DESCRIPTOR_SIZE + length];
            frame[..protocol::DESCRIPTOR_SIZE].copy_from_slice(&head);
            self.socket
                .read_exact(&mut frame[protocol::DESCRIPTOR_SIZE..])
                .await?;
            if descriptor.channel == CONTROL_CHANNEL {
                return Ok(frame);
            }
        }
    }
}

/// The cookie, if the file holds one of the right length.
async fn read_cookie(path: &Path) -> Option<Vec<u8>> {
    let mut cookie = Vec::with_capacity(COOKIE_LENGTH + 1);
    let file = tokio::fs::File::open(path).await.ok()?;
    file.take(COOKIE_LENGTH as u64 + 1)
        .read_to_end(&mut cookie)
        .await
        .ok()?;
    (cookie.len() == COOKIE_LENGTH).then_some(cookie)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pulse_server_lists_yield_their_first_local_socket() {
        assert_eq!(
            local_server("unix:/run/user/1000/pulse/native"),
            Some("/run/user/1000/pulse/native".into())
        );
        assert_eq!(
            local_server("tcp:studio:4713 /tmp/p/native"),
            Some("/tmp/p/native".into())
        );
        assert_eq!(
            local_server("{abc}unix:/tmp/q tcp:x"),
            Some("/tmp/q".into())
        );
        assert_eq!(local_server("tcp:studio:4713 studio"), None);
    }

    fn source(index: u32, monitor_of: Option<u32>) -> SourceInfo {
        SourceInfo {
            index,
            monitor_of_sink_index: monitor_of,
            ..SourceInfo::default()
        }
    }

    /// A client's stream on `source` with these properties.
    fn output(source: u32, props: &[(&CStr, &CStr)]) -> SourceOutputInfo {
        let mut info = SourceOutputInfo {
            source_index: source,
            client_index: Some(7),
            name: c"Record Stream".into(),
            ..SourceOutputInfo::default()
        };
        for (key, value) in props {
            info.props.set_bytes(key, value.to_bytes_with_nul());
        }
        info
    }

    #[test]
    fn only_applications_recording_a_real_source_count() {
        let mic = 1;
        let monitor = 2;
        let sources = [source(mic, None), source(monitor, Some(0))];
        let named = |name: &'static CStr| (c"application.name", name);
        let app = output(mic, &[named(c"Firefox")]);
        let visualizer = output(monitor, &[named(c"cava")]);
        let echo_cancel = SourceOutputInfo {
            client_index: None,
            owner_module_index: Some(12),
            ..output(mic, &[])
        };
        let pipewire_filter = output(mic, &[named(c"echo-cancel"), (c"node.virtual", c"true")]);
        let meter = output(
            mic,
            &[
                named(c"pavucontrol"),
                (c"application.id", c"org.PulseAudio.pavucontrol"),
            ],
        );
        let gnome_meter = output(mic, &[(c"application.id", c"org.gnome.VolumeControl")]);
        let paused = SourceOutputInfo {
            corked: true,
            ..output(mic, &[named(c"Audacity")])
        };
        let all = [
            app,
            visualizer,
            echo_cancel,
            pipewire_filter,
            meter,
            gnome_meter,
            paused,
        ];
        assert_eq!(
            recording(&sources, &all),
            Apps::collect([Some("Firefox".to_owned())])
        );
        assert!(recording(&sources, &all[1..]).is_empty());
    }

    #[test]
    fn a_recorder_is_named_by_app_then_program_then_stream() {
        let named = output(
            1,
            &[
                (c"application.name", c"Zoom"),
                (c"application.process.binary", c"zoom"),
            ],
        );
        let program = output(1, &[(c"application.process.binary", c"arecord")]);
        let bare = output(1, &[(c"application.name", c"  ")]);
        let nameless = SourceOutputInfo {
            name: CString::default(),
            ..output(1, &[])
        };
        assert_eq!(app_name(&named).as_deref(), Some("Zoom"));
        assert_eq!(app_name(&program).as_deref(), Some("arecord"));
        assert_eq!(app_name(&bare).as_deref(), Some("Record Stream"));
        assert_eq!(app_name(&nameless), None);
        // Two streams of one app name it once.
        assert_eq!(
            recording(&[source(1, None)], &[named.clone(), named]),
            Apps::collect([Some("Zoom".to_owned())])
        );
    }

    /// A socket in a temp folder whose one connection is handled by `serve`.
    async fn fake_server<F, Fut>(serve: F) -> (tempfile::TempDir, Server)
    where
        F: FnOnce(UnixStream) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = ()> + Send,
    {
        let dir = tempfile::tempdir().expect("temp dir");
        let socket = dir.path().join("native");
        let listener = tokio::net::UnixListener::bind(&socket).expect("bind");
        tokio::spawn(async move {
            if let Ok((stream, _)) = listener.accept().await {
                serve(stream).await;
            }
        });
        let server = Server {
            socket,
            cookie: None,
            pipewire_socket: Some(dir.path().join("pipewire-0")),
        };
        (dir, server)
    }

    #[tokio::test]
    async fn a_server_that_never_answers_costs_one_unreadable_reading() {
        let (_dir, server) = fake_server(|stream| async move {
            tokio::time::sleep(Duration::from_secs(30)).await;
            drop(stream);
        })
        .await;
        let err = recording_apps(&server).await.expect_err("no answer");
        assert!(err.ends_with("did not answer within 2 s"), "{err}");
    }

    /// A server that answers the first message with a control frame of this declared
    /// length and this payload, then says nothing more.
    async fn answering(length: u32, payload: &'static [u8]) -> (tempfile::TempDir, Server) {
        fake_server(move |mut stream| async move {
            let mut head = [0; protocol::DESCRIPTOR_SIZE];
            let _ = stream.read_exact(&mut head).await;
            let mut reply = vec![0; protocol::DESCRIPTOR_SIZE];
            reply[..4].copy_from_slice(&length.to_be_bytes());
            reply[4..8].copy_from_slice(&CONTROL_CHANNEL.to_be_bytes());
            reply.extend_from_slice(payload);
            let _ = stream.write_all(&reply).await;
            tokio::time::sleep(Duration::from_secs(30)).await;
        })
        .await
    }

    #[tokio::test]
    async fn a_frame_claiming_to_be_huge_is_refused_before_it_is_read() {
        let (_dir, server) = answering(0xffff_fff0, b"").await;
        let err = recording_apps(&server).await.expect_err("huge frame");
        assert!(err.contains("a message of 4294967280 bytes, more"), "{err}");
    }

    #[tokio::test]
    async fn nonsense_in_a_frame_is_a_protocol_error() {
        let (_dir, server) = answering(8, b"nonsense").await;
        let err = recording_apps(&server).await.expect_err("nonsense");
        assert!(
            err.contains("sent a message deskbreak cannot read"),
            "{err}"
        );
    }

    #[tokio::test]
    async fn a_missing_socket_says_which_server_is_missing() {
        let (dir, server) = fake_server(|_| async {}).await;
        let server = Server {
            socket: dir.path().join("absent"),
            ..server
        };
        let err = recording_apps(&server).await.expect_err("absent");
        assert!(
            err.ends_with("absent (PulseAudio or pipewire-pulse)"),
            "{err}"
        );
        std::fs::write(dir.path().join("pipewire-0"), "").expect("pipewire socket");
        let err = recording_apps(&server).await.expect_err("absent");
        assert!(
            err.contains("PipeWire runs without pipewire-pulse"),
            "{err}"
        );
    }

    #[tokio::test]
    async fn following_ends_when_the_server_goes() {
        let (_dir, server) = fake_server(|stream| async move { drop(stream) }).await;
        let (hint, _hints) = mpsc::channel(1);
        tokio::time::timeout(Duration::from_secs(5), follow(&server, hint))
            .await
            .expect("follow returned");
    }
}
