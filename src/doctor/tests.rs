use std::path::Path;

use super::*;
use crate::i18n::{Choice, Lang, scoped};

#[test]
fn the_checklist_reads_as_words_with_fixes_under_their_line() {
    let checks = vec![
        Check::ok("session bus", "reachable"),
        Check::warning("logind", "not reachable", "install logind"),
        Check::ok("idle backend", "x11\nwayland not used: no"),
        Check::problem("config", "/c.toml:3:1: oops", "correct it"),
    ];
    assert!(has_problem(&checks));
    assert_eq!(
        render(&checks),
        "ok       session bus: reachable\n\
         warning  logind: not reachable\n         fix: install logind\n\
         ok       idle backend: x11\n         wayland not used: no\n\
         problem  config: /c.toml:3:1: oops\n         fix: correct it\n\
         \n1 problem and 1 warning: fix the problems first.\n"
    );
}

#[test]
fn warnings_alone_are_not_a_problem() {
    let checks = vec![
        Check::ok("session bus", "reachable"),
        Check::warning("logind", "not reachable", "install logind"),
        Check::warning("service", "not enabled", "enable it"),
    ];
    assert!(!has_problem(&checks));
    assert!(render(&checks).ends_with("\n2 warnings; breaks should still come.\n"));
    assert!(render(&checks[..1]).ends_with("\nAll good: breaks should come.\n"));
}

/// A few checks as `diagnose` builds them, worded in the language in use.
fn some_checks() -> Vec<Check> {
    let probe = crate::sources::activity::ProbeError::Wayland(
        crate::sources::activity::wayland::WaylandError::NoDisplay,
    );
    let x11 = crate::sources::activity::ProbeError::X11(
        crate::sources::activity::x11::X11Error::NoDisplay,
    );
    vec![
        Check::ok("session bus", t!("doctor-bus-reachable")),
        Check::warning(
            "idle backend",
            format!(
                "{}\n{}\n{}",
                t!("doctor-idle-none"),
                t!(
                    "doctor-idle-not-used",
                    backend = "wayland",
                    reason = words::probe_error(&probe)
                ),
                t!(
                    "doctor-idle-not-used",
                    backend = "x11",
                    reason = words::probe_error(&x11)
                )
            ),
            t!("doctor-idle-none-fix"),
        ),
        Check::warning(
            "service",
            t!(
                "doctor-service-enabled-not-running",
                unit = service::UNIT_NAME,
                state = "failed"
            ),
            t!("doctor-service-journal-fix"),
        ),
        Check::problem(
            "daemon",
            t!(
                "doctor-daemon-not-running",
                why = t!("doctor-name-unowned", name = control::NAME)
            ),
            t!("doctor-daemon-start-fix"),
        ),
    ]
}

#[test]
fn doctor_speaks_german_french_and_spanish_down_to_each_reason_and_fix() {
    let golden = [
        (
            Lang::De,
            "ok       Sitzungsbus: erreichbar\n\
             Warnung  Leerlauferkennung: hier funktioniert keine, daher zählt die ganze Wachzeit als Sitzen\n\
             \x20        wayland nicht verwendet: WAYLAND_DISPLAY ist nicht gesetzt (keine Wayland-Sitzung)\n\
             \x20        x11 nicht verwendet: DISPLAY ist nicht gesetzt: keine X11-Sitzung\n\
             \x20        Lösung: starten Sie deskbreak in Ihrer Desktop-Sitzung (es braucht WAYLAND_DISPLAY \
             oder DISPLAY oder den Leerlaufmonitor von GNOME); wenn `activity.backend` ein Backend \
             erzwingt, versuchen Sie \"auto\"\n\
             Warnung  Autostart: deskbreak.service ist aktiviert, aber fehlgeschlagen\n\
             \x20        Lösung: `journalctl --user -u deskbreak` sagt, warum; `systemctl --user restart \
             deskbreak` startet ihn wieder\n\
             Problem  Dienst: auf diesem Sitzungsbus läuft kein deskbreak (niemand belegt \
             org.deskbreak.Deskbreak1)\n\
             \x20        Lösung: starten Sie ihn: `deskbreak service install` (dann startet er mit Ihrem \
             Desktop) oder `deskbreak run` in einem Terminal\n",
        ),
        (
            Lang::Fr,
            "ok        bus de session\u{a0}: joignable\n\
             alerte    détection d'inactivité\u{a0}: aucune ne fonctionne ici, donc tout le temps \
             éveillé compte comme temps assis\n\
             \x20         wayland non utilisé\u{a0}: WAYLAND_DISPLAY n'est pas défini (pas une session Wayland)\n\
             \x20         x11 non utilisé\u{a0}: DISPLAY n'est pas défini\u{a0}: pas de session X11\n\
             \x20         solution\u{a0}: lancez deskbreak dans votre session de bureau (il lui faut \
             WAYLAND_DISPLAY ou DISPLAY, ou le moniteur d'inactivité de GNOME)\u{a0}; si \
             `activity.backend` impose un backend, essayez \"auto\"\n\
             alerte    démarrage\u{a0}: deskbreak.service est activé mais a échoué\n\
             \x20         solution\u{a0}: `journalctl --user -u deskbreak` dit pourquoi\u{a0}; \
             `systemctl --user restart deskbreak` le relance\n\
             problème  démon\u{a0}: aucun deskbreak ne tourne sur ce bus de session (personne ne \
             détient org.deskbreak.Deskbreak1)\n\
             \x20         solution\u{a0}: démarrez-le\u{a0}: `deskbreak service install` (il démarre \
             alors avec votre bureau), ou `deskbreak run` dans un terminal\n",
        ),
        (
            Lang::Es,
            "ok        bus de sesión: accesible\n\
             aviso     detector de inactividad: aquí no funciona ninguno, así que todo el tiempo \
             despierto cuenta como tiempo en la silla\n\
             \x20         wayland sin usar: WAYLAND_DISPLAY no está definido (no es una sesión Wayland)\n\
             \x20         x11 sin usar: DISPLAY no está definido: no hay sesión X11\n\
             \x20         solución: ejecuta deskbreak dentro de tu sesión de escritorio (necesita \
             WAYLAND_DISPLAY o DISPLAY, o el monitor de inactividad de GNOME); si `activity.backend` \
             impone un backend, prueba \"auto\"\n\
             aviso     arranque: deskbreak.service está habilitado pero ha fallado\n\
             \x20         solución: `journalctl --user -u deskbreak` dice por qué; `systemctl --user \
             restart deskbreak` lo vuelve a arrancar\n\
             problema  servicio: no hay ningún deskbreak en marcha en este bus de sesión (nadie \
             tiene org.deskbreak.Deskbreak1)\n\
             \x20         solución: arráncalo: `deskbreak service install` (así arranca con tu \
             escritorio), o `deskbreak run` en una terminal\n",
        ),
    ];
    for (lang, expected) in golden {
        let said = scoped(lang, || render(&some_checks()));
        let (lines, _summary) = said.split_once("\n\n").expect("a summary after the checks");
        assert_eq!(format!("{lines}\n"), expected, "{lang}");
    }
}

#[test]
fn the_level_words_line_up_whatever_their_length_in_the_language() {
    for lang in Lang::ALL {
        let said = scoped(lang, || render(&some_checks()));
        let starts: Vec<usize> = said
            .lines()
            .take_while(|l| !l.is_empty())
            .map(|l| {
                // Where the text after the level column starts.
                let level = l.split_whitespace().next().unwrap_or_default();
                let rest = l.strip_prefix(level).unwrap_or(l);
                l.chars().count() - rest.trim_start().chars().count()
            })
            .collect();
        assert!(starts.windows(2).all(|w| w[0] == w[1]), "{lang}: {said}");
    }
}

fn env(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
    move |name: &str| {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| (*v).to_owned())
    }
}

fn language(choice: Choice, vars: &'static [(&'static str, &'static str)]) -> Check {
    check_language(
        choice,
        env(vars),
        &Library::embedded(),
        Path::new("/cfg/exercises.json"),
    )
}

#[test]
fn the_language_check_names_the_language_where_it_comes_from_and_what_it_lacks() {
    let german = language(Choice::Auto, &[("LANG", "de_DE.UTF-8")]);
    assert_eq!(german.name, "language");
    assert!(
        german
            .detail
            .starts_with("Deutsch (de, from the locale de_DE.UTF-8): "),
        "{german:?}"
    );
    // Complete or not, as the completeness check says; never a problem.
    let complete = crate::i18n::gaps(Lang::De).is_empty()
        && crate::exercises::translation::gaps(
            Lang::De,
            crate::exercises::Library::embedded().all(),
        )
        .is_empty();
    assert_eq!(german.level == Level::Ok, complete, "{german:?}");
    assert_ne!(german.level, Level::Problem);
    let chosen = language(Choice::Fixed(Lang::Fr), &[("LANG", "de_DE.UTF-8")]);
    assert!(
        chosen
            .detail
            .starts_with("Français (fr, ui.language in the config): "),
        "{chosen:?}"
    );
    let untranslated = language(Choice::Auto, &[("LANG", "pt_BR.UTF-8")]);
    assert_eq!(
        untranslated,
        Check::ok(
            "language",
            "English (en, no translation for the locale pt_BR.UTF-8): \
             every message and exercise is translated"
        )
    );
    let none = language(Choice::Auto, &[("LANGUAGE", "de")]);
    assert!(
        none.detail.starts_with("English (en, no locale set)"),
        "{none:?}"
    );
}

#[test]
fn the_language_line_says_complete_only_when_nothing_is_missing_and_counts_what_is() {
    let found = |messages, fields, own| LanguageFindings {
        lang: Lang::De,
        from: scoped(Lang::De, || {
            t!("doctor-language-from-locale", locale = "de_DE.UTF-8")
        }),
        messages,
        fields,
        own,
    };
    let own = |total, untranslated| {
        Some(OwnFindings {
            total,
            untranslated,
            file: "/cfg/exercises.de.ftl".into(),
        })
    };
    let complete = scoped(Lang::De, || judge_language(&found(0, 0, own(2, 0))));
    assert_eq!(
        complete,
        Check::ok(
            "language",
            "Deutsch (de, aus dem Gebietsschema de_DE.UTF-8): alle Meldungen und eingebauten \
             Übungen sind übersetzt\nIhre 2 eigenen Übungen sind ebenfalls übersetzt \
             (/cfg/exercises.de.ftl)"
        )
    );
    let lacking = scoped(Lang::De, || judge_language(&found(3, 1, own(5, 3))));
    assert_eq!(lacking.level, Level::Warning);
    assert_eq!(
        lacking.detail,
        "Deutsch (de, aus dem Gebietsschema de_DE.UTF-8): noch nicht übersetzt, daher auf \
         Englisch: 3 Meldungen und 1 Übungstext\n3 Ihrer 5 eigenen Übungen sind nicht vollständig \
         in diese Sprache übersetzt: was fehlt, erscheint auf Englisch"
    );
    let fix = lacking.fix.unwrap();
    assert!(fix.contains("Translating deskbreak"), "{fix}");
    assert!(fix.contains("/cfg/exercises.de.ftl"), "{fix}");
    // Only the own exercises lack a text: still not complete.
    let own_only = judge_language(&found(0, 0, own(1, 1)));
    assert_eq!(own_only.level, Level::Warning);
    assert_eq!(
        own_only.detail,
        "Deutsch (de, aus dem Gebietsschema de_DE.UTF-8): every message and built-in exercise is \
         translated\nyour own exercise is not fully translated into this language: what is \
         missing reads in English"
    );
    let none = judge_language(&found(0, 0, own(3, 3)));
    assert_eq!(
        none.detail.lines().nth(1),
        Some(
            "none of your 3 own exercises is fully translated into this language: what is \
             missing reads in English"
        )
    );
    assert!(
        !own_only
            .fix
            .unwrap()
            .contains("Translating deskbreak\" in the README says")
    );
    let one_message = judge_language(&found(1, 0, None));
    assert!(
        one_message
            .detail
            .ends_with(": not translated yet, so read in English: 1 message"),
        "{one_message:?}"
    );
}

#[test]
fn the_language_check_counts_the_users_own_exercises_and_their_translation() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("exercises.json");
    std::fs::write(
        &own,
        r#"{"exercises": [
          {"id": "desk-push-ups", "name": "Desk push-ups", "position": "standing",
           "steps": ["Hands on the desk edge.", "Lower the chest, push back up."],
           "dose": {"reps": 10, "sets": 1, "hold_secs": null, "per_side": false},
           "duration_secs": 40, "area": "chest",
           "safety": "Only on a desk that cannot slide; stop if your wrists hurt."},
          {"id": "chin-tucks", "name": "Gentle chin tucks", "position": "seated",
           "steps": ["Sit tall.", "Draw the chin back gently and hold."],
           "dose": {"reps": 5, "sets": 1, "hold_secs": 3, "per_side": false},
           "duration_secs": 30, "area": "neck", "safety": "Keep it gentle."}
        ]}"#,
    )
    .unwrap();
    let german = dir.path().join("exercises.de.ftl");
    // Every text of one, the name only of the other (a replaced built-in: the shipped
    // translation no longer applies to it).
    std::fs::write(
        &german,
        "desk-push-ups =\n    .name = Liegestütze am Tisch\n    .step-1 = Hände an die Tischkante.\n    \
         .step-2 = Brust senken, wieder hochdrücken.\n    .safety = Nur an einem Tisch, der nicht \
         rutscht; aufhören, wenn die Handgelenke schmerzen.\n\
         chin-tucks =\n    .name = Sanftes Kinn-Einziehen\n",
    )
    .unwrap();
    let check =
        |library: &Library| check_language(Choice::Fixed(Lang::De), env(&[]), library, &own);
    let said = check(&Library::load(&own).unwrap());
    assert_eq!(said.level, Level::Warning, "{said:?}");
    assert_eq!(
        said.detail.lines().nth(1),
        Some(
            "1 of your 2 own exercises is not fully translated into this language: what is \
             missing reads in English"
        ),
        "{said:?}"
    );
    assert!(
        said.fix
            .as_deref()
            .unwrap()
            .contains(&german.display().to_string()),
        "{said:?}"
    );
    std::fs::write(
        &german,
        "desk-push-ups =\n    .name = Liegestütze am Tisch\n    .step-1 = Hände an die Tischkante.\n    \
         .step-2 = Brust senken, wieder hochdrücken.\n    .safety = Nur an einem Tisch, der nicht \
         rutscht; aufhören, wenn die Handgelenke schmerzen.\n\
         chin-tucks =\n    .name = Sanftes Kinn-Einziehen\n    .step-1 = Aufrecht sitzen.\n    \
         .step-2 = Das Kinn sanft zurückziehen und halten.\n    .safety = Sanft bleiben.\n",
    )
    .unwrap();
    let said = check(&Library::load(&own).unwrap());
    assert_eq!(
        said.detail.lines().nth(1),
        Some(
            format!(
                "your 2 own exercises are translated too ({})",
                german.display()
            )
            .as_str()
        ),
        "{said:?}"
    );
    // The shipped catalogs are complete (the i18n tests hold them to it), so with every
    // own exercise translated the line is complete.
    assert_eq!(said.level, Level::Ok, "{said:?}");
    // In English, the own exercises are as written.
    let english = check_language(
        Choice::Fixed(Lang::En),
        env(&[]),
        &Library::load(&own).unwrap(),
        &own,
    );
    assert_eq!(english.detail.lines().count(), 1, "{english:?}");
}
