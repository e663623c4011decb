//! The doctor's "holds" section: every signal that can hold a due break back, and
//! whether it can be read on this desktop (and if not, why).

use super::Check;
use crate::config::Config;
use crate::sources::holds::{self, Context, Reading, Reason, Respect, Signal};
use crate::t;

const NAME: &str = "holds";

/// Read every signal (respected or not, so that the user sees what turning one on would
/// give) and say what each said.
pub(super) async fn check(config: Option<&Config>, bus: Option<zbus::Connection>) -> Check {
    let respect = config.map(|c| c.respect).unwrap_or_default();
    let everything = Respect {
        do_not_disturb: true,
        fullscreen: true,
        meetings: true,
        max_delay: None,
    };
    let signals = holds::read_all(&Context::from_env(bus), &everything).await;
    judge(&signals, &respect)
}

/// The check for what `signals` said, with `respect` in force.
fn judge(signals: &[Signal], respect: &Respect) -> Check {
    let mut lines = vec![t!("doctor-holds-intro")];
    for signal in signals {
        let reading = match &signal.reading {
            Reading::Clear => t!("doctor-holds-clear"),
            Reading::Held(hold) => t!("doctor-holds-held", hold = hold.words()),
            Reading::Unreadable(why) => t!("doctor-holds-unreadable", reason = why.as_str()),
        };
        let name = label(signal.name);
        let line = if respect.respects(signal.reason) {
            t!("doctor-holds-signal", name = name, reading = reading)
        } else {
            t!(
                "doctor-holds-signal-off",
                name = name,
                reading = reading,
                key = signal.reason.key()
            )
        };
        lines.push(line);
    }
    // A setting that is on with nothing readable behind it on this desktop.
    let mut blind: Vec<&'static str> = Vec::new();
    for reason in Reason::ALL {
        let key = reason.key();
        let readable = signals
            .iter()
            .filter(|s| s.reason.key() == key)
            .any(|s| !matches!(s.reading, Reading::Unreadable(_)));
        if respect.respects(reason) && !readable && !blind.contains(&key) {
            blind.push(key);
        }
    }
    if !respect.any() {
        lines.push(t!("doctor-holds-all-off"));
    }
    let detail = lines.join("\n");
    if blind.is_empty() {
        Check::ok(NAME, detail)
    } else {
        Check::warning(
            NAME,
            detail,
            t!("doctor-holds-blind-fix", keys = blind.join(", ")),
        )
    }
}

/// A signal's name as printed, in the language in use. The detectors name their signals
/// in stable English ("dunst do-not-disturb", "X11 fullscreen window", as the log shows
/// them); the part before the kind is a program, desktop or display name and stays.
fn label(name: &str) -> String {
    let of = |kind: &str| {
        name.strip_suffix(kind)
            .and_then(|by| by.strip_suffix(' '))
            .filter(|by| !by.is_empty())
    };
    match name {
        "do-not-disturb" => t!("doctor-signal-dnd"),
        "idle inhibitors" => t!("doctor-signal-inhibitors"),
        "fullscreen window" => t!("doctor-signal-fullscreen"),
        "camera (/dev/video*)" => t!("doctor-signal-camera"),
        "microphone (PulseAudio or PipeWire capture streams)" => {
            t!("doctor-signal-microphone-server")
        }
        "microphone (ALSA capture substreams)" => t!("doctor-signal-microphone-alsa"),
        "camera and microphone" => t!("doctor-signal-meeting"),
        _ => {
            if let Some(server) = of("do-not-disturb") {
                t!("doctor-signal-dnd-of", server = server)
            } else if let Some(desktop) = of("idle inhibitors") {
                t!("doctor-signal-inhibitors-of", desktop = desktop)
            } else if let Some(display) = of("fullscreen window") {
                t!("doctor-signal-fullscreen-on", display = display)
            } else {
                name.to_owned()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, scoped};
    use crate::sources::holds::{Apps, Detail, Hold};

    fn signal(name: &'static str, reason: Reason, reading: Reading) -> Signal {
        Signal {
            name,
            reason,
            reading,
        }
    }

    #[test]
    fn every_signal_is_listed_with_its_reading() {
        let signals = [
            signal("dunst do-not-disturb", Reason::DoNotDisturb, Reading::Clear),
            signal(
                "GNOME on Wayland fullscreen",
                Reason::Fullscreen,
                Reading::Unreadable("GNOME exposes no fullscreen state".into()),
            ),
            signal(
                "GNOME idle inhibitors",
                Reason::Inhibitor,
                Reading::Held(Hold::new(Detail::Inhibitors {
                    apps: Apps::collect([Some("Firefox".into())]),
                    why: None,
                })),
            ),
            signal(
                "camera (/dev/video*)",
                Reason::Meeting,
                Reading::Unreadable("/dev is not readable".into()),
            ),
        ];
        let respect = Respect {
            meetings: false,
            ..Respect::default()
        };
        let check = judge(&signals, &respect);
        assert_eq!(check.level, super::super::Level::Ok, "{check:?}");
        let lines: Vec<&str> = check.detail.lines().collect();
        assert_eq!(lines.len(), 5, "{}", check.detail);
        assert_eq!(
            lines[1],
            "dunst do-not-disturb: readable, nothing holds a break now"
        );
        assert_eq!(
            lines[2],
            "GNOME on Wayland fullscreen: not readable: GNOME exposes no fullscreen state"
        );
        assert_eq!(
            lines[3],
            "GNOME idle inhibitors: readable, holds a break now: Firefox inhibits idle"
        );
        assert_eq!(
            lines[4],
            "camera (/dev/video*): not readable: /dev is not readable (not respected: respect.meetings = false)"
        );
    }

    #[tokio::test]
    async fn every_signal_a_desktop_without_anything_gives_is_named_in_each_language() {
        // No bus, no display, empty /proc, /dev and /sys: each detector says what it
        // looked for and could not read, under the names the real ones use.
        let root = tempfile::tempdir().unwrap();
        let ctx = Context {
            bus: None,
            x11_display: None,
            wayland_display: None,
            proc_root: root.path().join("proc"),
            dev_root: root.path().join("dev"),
            sys_root: root.path().join("sys"),
            dconf_user: None,
        };
        let everything = Respect::default();
        let signals = holds::read_all(&ctx, &everything).await;
        assert!(signals.len() >= 4, "{signals:?}");
        for signal in &signals {
            for lang in [Lang::De, Lang::Fr, Lang::Es] {
                let named = scoped(lang, || label(signal.name));
                assert_ne!(named, signal.name, "{lang}: {signal:?}");
                assert_ne!(
                    named,
                    label(signal.name),
                    "{lang} names {} as English does",
                    signal.name
                );
            }
        }
    }

    #[test]
    fn a_signal_of_a_program_keeps_the_programs_name() {
        let german = |name| scoped(Lang::De, || label(name));
        assert_eq!(german("dunst do-not-disturb"), "„Nicht stören“ von dunst");
        assert_eq!(german("GNOME idle inhibitors"), "Leerlaufsperren von GNOME");
        assert_eq!(
            german("XWayland fullscreen window"),
            "Vollbildfenster unter XWayland"
        );
        assert_eq!(label("KDE do-not-disturb"), "KDE do-not-disturb");
        assert_eq!(
            label("Wayland fullscreen window"),
            "Wayland fullscreen window"
        );
        // A name this version does not know is printed as it is.
        assert_eq!(german("something new"), "something new");
        assert_eq!(german(" do-not-disturb"), " do-not-disturb");
    }

    #[test]
    fn a_respected_setting_with_nothing_readable_is_a_warning_naming_it() {
        let signals = [
            signal(
                "dunst do-not-disturb",
                Reason::DoNotDisturb,
                Reading::Unreadable("dunst is not running".into()),
            ),
            signal("camera (/dev/video*)", Reason::Meeting, Reading::Clear),
        ];
        let check = judge(&signals, &Respect::default());
        assert_eq!(check.level, super::super::Level::Warning);
        let fix = check.fix.unwrap();
        assert!(fix.contains("respect.do_not_disturb"), "{fix}");
        assert!(
            fix.contains("respect.fullscreen"),
            "no signal at all: {fix}"
        );
        assert!(!fix.contains("respect.meetings"), "{fix}");
    }
}
