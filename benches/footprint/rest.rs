//! The daemon at rest with each idle backend: memory, CPU and wake-ups.

use std::fmt::Write as _;
use std::process::Stdio;
use std::sync::Arc;
use std::time::Duration;

use zbus::Connection;

use crate::common::bus::PrivateBus;
use crate::common::daemon::TestEnv;
use crate::common::gnome_peer::GnomeIdleMonitor;
use crate::common::notify_server::{NotifyServer, ServerOptions};
use crate::common::session::connect;
use crate::common::sni_host::SniHost;
use crate::common::wayland_compositor::WaylandCompositor;
use crate::common::xvfb::Xvfb;
use crate::daemon::{Running, wait_running};
use crate::procfs::{CpuSample, Mem, Window, cpu_sample, mem, mem_text};
use crate::table::{Table, Verdict, mib};
use crate::{
    CPU_TARGET_SECS_PER_HOUR, REST_CONFIG, RSS_TARGET_KIB, SETTLE, WAKEUPS_TARGET_PER_MIN,
};

pub(crate) struct Variant {
    pub(crate) label: &'static str,
    pub(crate) expected: &'static str,
    pub(crate) env: TestEnv,
    pub(crate) bus: PrivateBus,
    pub(crate) server: NotifyServer,
    pub(crate) conn: Connection,
    /// The stand-in the idle backend talks to, kept alive.
    pub(crate) peer: Option<Box<dyn std::any::Any>>,
    /// Moves the pointer on Xvfb.
    pub(crate) mover: Option<tokio::task::JoinHandle<()>>,
    /// xwrits on the same display (X11 only), measured beside the daemon.
    pub(crate) reference: Option<Reference>,
    pub(crate) daemon: Running,
}

impl Variant {
    pub(crate) async fn start(label: &'static str, system: Option<&str>) -> Variant {
        let env = TestEnv::new();
        env.write_config(REST_CONFIG);
        let bus = PrivateBus::start();
        let server = NotifyServer::start(bus.address(), ServerOptions::default()).await;
        let conn = connect(bus.address()).await;
        let mut extra: Vec<(&str, String)> = Vec::new();
        if let Some(system) = system {
            extra.push(("DBUS_SYSTEM_BUS_ADDRESS", system.to_owned()));
        }
        let mut mover = None;
        let mut reference = None;
        let (peer, expected): (Option<Box<dyn std::any::Any>>, _) = match label {
            "gnome" => (
                Some(Box::new(GnomeIdleMonitor::start(bus.address()).await)),
                "gnome",
            ),
            // GNOME again, with a tray on the bus (a StatusNotifierWatcher and host): the
            // daemon registers its item and must rest as it does without one.
            "tray" => {
                let monitor = GnomeIdleMonitor::start(bus.address()).await;
                let tray = SniHost::start(bus.address()).await;
                (Some(Box::new((monitor, tray))), "gnome")
            }
            "wayland" => {
                let compositor = WaylandCompositor::start(&env.runtime_dir());
                extra.push(("WAYLAND_DISPLAY", compositor.socket_name().to_owned()));
                (Some(Box::new(compositor)), "wayland")
            }
            "x11" => {
                let xvfb = Arc::new(Xvfb::start());
                extra.push(("DISPLAY", xvfb.display().to_owned()));
                reference = Reference::start(xvfb.display());
                // A user at the desk: the pointer moves every 15 s.
                let user = Arc::clone(&xvfb);
                mover = Some(tokio::spawn(async move {
                    loop {
                        user.xdotool(&["mousemove_relative", "--", "1", "1"]).await;
                        tokio::time::sleep(Duration::from_secs(15)).await;
                    }
                }));
                (Some(Box::new(xvfb)), "x11")
            }
            _ => (None, "none"),
        };
        let extra: Vec<(&str, &str)> = extra.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let daemon = Running::spawn(&env, bus.address(), &extra);
        Variant {
            label,
            expected,
            env,
            bus,
            server,
            conn,
            peer,
            mover,
            reference,
            daemon,
        }
    }

    pub(crate) async fn stop(self) {
        self.daemon.terminate().await;
        drop(self.reference);
        if let Some(task) = self.mover {
            task.abort();
            let _ = tokio::time::timeout(Duration::from_secs(5), task).await;
        }
        drop(self.peer);
        drop(self.server);
        drop(self.conn);
        drop(self.bus);
        drop(self.env);
    }
}

pub(crate) async fn rest(
    table: &mut Table,
    notes: &mut String,
    system: &str,
    window: Duration,
) -> Vec<Variant> {
    let mut variants = Vec::new();
    for (label, system) in [
        ("gnome", Some(system)),
        ("wayland", Some(system)),
        ("x11", Some(system)),
        ("none", None),
        ("tray", Some(system)),
    ] {
        if crate::variant_wanted(label) {
            variants.push(Variant::start(label, system).await);
        }
    }
    for v in &variants {
        let backend = wait_running(&v.conn, &v.daemon).await;
        assert_eq!(
            backend,
            v.expected,
            "the {} variant uses the wrong idle backend; log:\n{}",
            v.label,
            v.daemon.log()
        );
    }
    for v in &variants {
        if let Some(peer) = &v.peer
            && let Some((_, tray)) = peer.downcast_ref::<(GnomeIdleMonitor, SniHost)>()
        {
            tray.wait_for_registration(1, Duration::from_secs(15)).await;
        }
    }
    tokio::time::sleep(SETTLE).await;
    let reference = variants.iter().find_map(|v| v.reference.as_ref());
    let before: Vec<CpuSample> = variants.iter().map(|v| cpu_sample(v.daemon.pid)).collect();
    let mems: Vec<Mem> = variants.iter().map(|v| mem(v.daemon.pid)).collect();
    let reference_before = reference.map(|r| (cpu_sample(r.pid()), mem(r.pid())));
    tokio::time::sleep(window).await;
    let after: Vec<CpuSample> = variants.iter().map(|v| cpu_sample(v.daemon.pid)).collect();
    let mems_after: Vec<Mem> = variants.iter().map(|v| mem(v.daemon.pid)).collect();
    let reference_after = reference.map(|r| cpu_sample(r.pid()));

    match (reference_before, reference_after) {
        (Some((cpu_before, m)), Some(cpu_after)) => {
            let w = Window::between(&cpu_before, &cpu_after);
            table.row(
                "Reference: xwrits (an X11 break timer; no exercises, no D-Bus) at rest on the same Xvfb",
                format!(
                    "RSS {} ({} KiB); {:.2} wake-ups/min",
                    mib(m.rss),
                    m.rss,
                    w.wakeups_per_min()
                ),
                "— (what a small X11 process costs here)",
                Verdict::Info,
            );
            let _ = writeln!(notes, "- Reference xwrits: {}.", mem_text(&m));
        }
        _ => table.row(
            "Reference: xwrits (an X11 break timer) at rest on the same Xvfb",
            "n/a: xwrits is not installed (Debian package xwrits)",
            "—",
            Verdict::Info,
        ),
    }

    for (i, v) in variants.iter().enumerate() {
        let w = Window::between(&before[i], &after[i]);
        let m = &mems[i];
        let name = match v.label {
            "gnome" => "GNOME IdleMonitor stand-in + logind stand-in",
            "wayland" => "Wayland ext-idle-notify stand-in + logind stand-in",
            "x11" => "X11 on Xvfb (IDLETIME alarm; pointer moved every 15 s) + logind stand-in",
            "tray" => {
                "GNOME IdleMonitor stand-in + logind stand-in, tray item registered with a StatusNotifierWatcher"
            }
            _ => "none: no idle backend, no logind (nothing found)",
        };
        table.row(
            format!("RSS at rest after start-up — idle backend {name}"),
            format!("{} ({} KiB)", mib(m.rss), m.rss),
            "≤ 4.0 MiB",
            Verdict::of(m.rss <= RSS_TARGET_KIB),
        );
        table.row(
            format!("PSS / peak RSS (VmHWM) at rest — {}", v.label),
            format!("{} / {}", mib(m.pss_alone()), mib(m.hwm)),
            "— (none set)",
            Verdict::Info,
        );
        let cpu = w.cpu_secs_per_hour();
        table.row(
            format!("CPU per hour at rest — {}", v.label),
            format!(
                "{cpu:.4} s/h ({:.2} ms in {:.0} s; utime+stime {} tick(s) = {:.2} s/h)",
                w.run_ns as f64 / 1e6,
                w.secs,
                w.ticks,
                w.tick_secs_per_hour()
            ),
            "< 0.3 s/h",
            Verdict::of(cpu < CPU_TARGET_SECS_PER_HOUR),
        );
        let wakeups = w.wakeups_per_min();
        table.row(
            format!("Wake-ups per minute at rest — {}", v.label),
            format!("{wakeups:.2}/min ({} in {:.0} s)", w.switches, w.secs),
            "≤ 1/min",
            Verdict::of(wakeups <= WAKEUPS_TARGET_PER_MIN),
        );
        let _ = writeln!(
            notes,
            "- At rest, {} (pid {}): {}. End of window: RSS {}. Threads in the window: {}.",
            v.label,
            v.daemon.pid,
            mem_text(m),
            mib(mems_after[i].rss),
            w.describe()
        );
    }
    variants
}

/// xwrits, the reference: a small X11 break timer from Debian, stopped when dropped.
pub(crate) struct Reference(std::process::Child);

impl Reference {
    /// Starts xwrits on `display`; `None` if it is not installed.
    fn start(display: &str) -> Option<Reference> {
        std::process::Command::new("xwrits")
            .env("DISPLAY", display)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()
            .map(Reference)
    }

    fn pid(&self) -> u32 {
        self.0.id()
    }
}

impl Drop for Reference {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
