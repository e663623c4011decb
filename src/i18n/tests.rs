use std::collections::HashMap;
use std::path::Path;

use super::*;

fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    move |name| vars.get(name).cloned()
}

#[test]
fn the_locale_is_read_in_gettext_order() {
    let auto = |vars: &[(&str, &str)]| Choice::Auto.resolve(env(vars));
    assert_eq!(auto(&[("LANG", "de_DE.UTF-8")]), Lang::De);
    assert_eq!(auto(&[("LANG", "fr_CA.UTF-8@euro")]), Lang::Fr);
    // LC_ALL over LC_MESSAGES over LANG.
    assert_eq!(
        auto(&[("LANG", "de_DE.UTF-8"), ("LC_MESSAGES", "es_ES.UTF-8")]),
        Lang::Es
    );
    assert_eq!(
        auto(&[
            ("LANG", "de_DE.UTF-8"),
            ("LC_MESSAGES", "es_ES.UTF-8"),
            ("LC_ALL", "fr_FR.UTF-8")
        ]),
        Lang::Fr
    );
    // An empty variable is not set.
    assert_eq!(auto(&[("LANG", "de_DE.UTF-8"), ("LC_ALL", "")]), Lang::De);
    // LANGUAGE first, its first shipped language winning...
    assert_eq!(
        auto(&[("LANG", "de_DE.UTF-8"), ("LANGUAGE", "pt_BR:es:fr")]),
        Lang::Es
    );
    assert_eq!(
        auto(&[("LANG", "de_DE.UTF-8"), ("LANGUAGE", "pt_BR:pt")]),
        Lang::De
    );
    // ...but not under the C locale, where gettext ignores it.
    assert_eq!(auto(&[("LANG", "C"), ("LANGUAGE", "de")]), Lang::En);
    assert_eq!(auto(&[("LC_ALL", "C.UTF-8"), ("LANGUAGE", "de")]), Lang::En);
    assert_eq!(auto(&[("LANG", "POSIX"), ("LANGUAGE", "fr")]), Lang::En);
    assert_eq!(auto(&[("LANGUAGE", "de")]), Lang::En);
    // A language deskbreak does not ship: English.
    assert_eq!(auto(&[("LANG", "pt_BR.UTF-8")]), Lang::En);
    assert_eq!(auto(&[]), Lang::En);
    // The config's choice wins over the locale.
    assert_eq!(
        Choice::Fixed(Lang::Es).resolve(env(&[("LANG", "de_DE.UTF-8")])),
        Lang::Es
    );
}

#[test]
fn ui_language_accepts_auto_and_the_shipped_languages_only() {
    assert_eq!("auto".parse::<Choice>(), Ok(Choice::Auto));
    assert_eq!("de".parse::<Choice>(), Ok(Choice::Fixed(Lang::De)));
    assert_eq!(" FR ".parse::<Choice>(), Ok(Choice::Fixed(Lang::Fr)));
    let err = scoped(Lang::En, || "pt".parse::<Choice>().unwrap_err().to_string());
    assert_eq!(
        err,
        r#"unknown language "pt": expected one of "auto", "en", "de", "fr", "es""#
    );
    assert!("".parse::<Choice>().is_err());
}

const ENGLISH: &str = "
hello = Hello, { $name }!
breaks = { $count ->
    [one] one break
   *[other] { $count } breaks
}
only-english = Only in English
";

#[test]
fn a_missing_message_or_variable_falls_back_to_english_never_to_an_id() {
    let en = parse(Lang::En, ENGLISH);
    let de = parse(
        Lang::De,
        "hello = Hallo, { $nme }!\nbreaks = { $count } Pausen\nempty = { \"\" }\n",
    );
    let mut args = FluentArgs::new();
    args.set("name", "Ada");
    args.set("count", 1);
    // German has it: German.
    assert_eq!(
        word([&de, &en].into_iter(), "breaks", Some(&args)),
        "1 Pausen"
    );
    // German lacks it: English.
    assert_eq!(
        word([&de, &en].into_iter(), "only-english", None),
        "Only in English"
    );
    // German's text cannot be worded (a variable misspelt): English, not "Hallo, {$nme}!".
    assert_eq!(
        word([&de, &en].into_iter(), "hello", Some(&args)),
        "Hello, Ada!"
    );
    // And never an empty string.
    assert_eq!(word([&de, &en].into_iter(), "empty", None), "empty");
    // No isolation marks around the variables.
    assert!(!word([&en].into_iter(), "hello", Some(&args)).contains('\u{2068}'));
}

#[test]
fn plurals_follow_the_language_and_decimals_take_its_separator() {
    let en = parse(Lang::En, ENGLISH);
    let fr = parse(
        Lang::Fr,
        "breaks = { $count ->\n    [one] { $count } pause\n   *[other] { $count } pauses\n}\n",
    );
    let count = |n: f64| {
        let mut args = FluentArgs::new();
        args.set("count", n);
        args
    };
    assert_eq!(
        word([&en].into_iter(), "breaks", Some(&count(1.0))),
        "one break"
    );
    assert_eq!(
        word([&en].into_iter(), "breaks", Some(&count(2.0))),
        "2 breaks"
    );
    // French counts 0 and 1.5 as singular; and writes 1,5.
    assert_eq!(
        word([&fr].into_iter(), "breaks", Some(&count(0.0))),
        "0 pause"
    );
    assert_eq!(
        word([&fr].into_iter(), "breaks", Some(&count(1.5))),
        "1,5 pause"
    );
    assert_eq!(
        word([&en].into_iter(), "breaks", Some(&count(2.5))),
        "2.5 breaks"
    );
}

#[test]
fn a_thread_can_word_in_another_language_and_comes_back() {
    let before = current();
    let inside = scoped(Lang::Fr, current);
    assert_eq!(inside, Lang::Fr);
    assert_eq!(current(), before);
}

#[test]
fn compare_finds_missing_extra_and_changed_placeholders() {
    let gaps = compare(
        ENGLISH,
        "hello = Hallo!\nbreaks = { $count } Pausen\nextra = Extra\nextra = Twice\n",
    );
    assert_eq!(gaps.missing, ["only-english"]);
    assert_eq!(gaps.extra, ["extra"]);
    assert_eq!(
        gaps.placeholders,
        [("hello".to_owned(), vec!["name".to_owned()], vec![])]
    );
    assert_eq!(gaps.broken, ["extra is written twice"]);
    assert!(!gaps.is_empty());
    assert!(compare(ENGLISH, ENGLISH).is_empty());
    let broken = compare(ENGLISH, "hello = { $name\n");
    assert!(!broken.broken.is_empty(), "{broken:?}");
}

#[test]
fn the_english_catalog_reads_cleanly() {
    let source = Lang::En.messages_source();
    assert!(
        fluent_syntax::parser::parse(source).is_ok(),
        "src/i18n/en/deskbreak.ftl has lines Fluent cannot read"
    );
    let ids = inventory(source);
    for pair in ids.windows(2) {
        assert_ne!(pair[0].0, pair[1].0, "written twice");
    }
    for (id, _) in &ids {
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{id}: ids are kebab-case"
        );
    }
}

/// Every file under `dir` ending in `.rs`.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The ids the code words with `t!("…"`.
fn ids_in_code() -> Vec<(String, std::path::PathBuf)> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut ids = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (at, _) in text.match_indices("t!(") {
            // Not `assert!(`, `format!(`, …: `t!(` as a word of its own.
            if text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            let rest = text[at + 3..].trim_start();
            if let Some(quoted) = rest.strip_prefix('"')
                && let Some(end) = quoted.find('"')
                && quoted[..end]
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                ids.push((quoted[..end].to_owned(), file.clone()));
            }
        }
    }
    ids
}

#[test]
fn every_id_in_the_code_is_in_english() {
    let english: Vec<String> = inventory(Lang::En.messages_source())
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let ids = ids_in_code();
    assert!(ids.len() > 20, "the scan finds the code's messages");
    for (id, file) in ids {
        assert!(
            english.contains(&id),
            "{}: t!({id:?}) is not in src/i18n/en/deskbreak.ftl",
            file.display()
        );
    }
}

#[test]
fn every_english_message_is_used() {
    let mut code = String::new();
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    for file in files {
        code.push_str(&std::fs::read_to_string(file).unwrap());
    }
    let english = Lang::En.messages_source();
    for (id, _) in inventory(english) {
        let quoted = format!("\"{id}\"");
        // A message may also be used by another message ({ need-wall }).
        let referenced = english.contains(&format!("{{ {id} }}"));
        assert!(
            code.contains(&quoted) || referenced,
            "{id} is in src/i18n/en/deskbreak.ftl but no code words it"
        );
    }
}

#[test]
fn no_translation_has_a_message_or_a_placeholder_english_lacks() {
    for lang in Lang::ALL {
        let gaps = gaps(lang);
        assert!(
            gaps.extra.is_empty() && gaps.placeholders.is_empty() && gaps.broken.is_empty(),
            "src/i18n/{lang}/deskbreak.ftl: extra {:?}, placeholders differ {:?}, unreadable {:?}",
            gaps.extra,
            gaps.placeholders,
            gaps.broken
        );
    }
}

#[test]
fn durations_read_in_each_language() {
    use std::time::Duration;
    let s = Duration::from_secs;
    scoped(Lang::En, || {
        assert_eq!(crate::human::duration(s(3900)), "1 h 5 min");
        assert_eq!(crate::human::duration(s(40)), "40 s");
    });
}

/// The strict half of the completeness check: every English message needs its
/// translation in every shipped language, in the same landing.
#[test]
fn every_translation_has_every_message_english_has() {
    for lang in Lang::ALL {
        let missing = gaps(lang).missing;
        assert!(
            missing.is_empty(),
            "src/i18n/{lang}/deskbreak.ftl lacks {} messages English has (they read in English): {missing:?}",
            missing.len()
        );
    }
}

/// A reminder, a guided step, a CLI reply and a config error, as each language words them.
fn samples(lang: Lang) -> Vec<String> {
    use crate::effects::reminder::{Channel, render, render_guide};
    use crate::engine::guide::Plan;
    use crate::engine::{Prompt, PromptId};
    use std::time::Duration;
    scoped(lang, || {
        let library = crate::exercises::Library::embedded();
        let e = library.get("chin-tucks").unwrap();
        let prompt = Prompt {
            id: PromptId(1),
            exercise: e.id.clone(),
            sat_for: Duration::from_secs(47 * 60),
            snooze_allowed: true,
            snooze_for: Duration::from_secs(600),
            repeat: 0,
            asked: false,
            snoozes_used_up: false,
        };
        let r = render(&prompt, e, Channel::BUTTONS);
        let step = render_guide(
            e,
            &Plan::for_exercise(e).at(Duration::from_secs(6)).unwrap(),
            Channel::BUTTONS,
        );
        let reply = crate::control::words(&crate::control::Outcome {
            command: &crate::control::Command::Snooze(None),
            result: Ok(()),
            next_break_in: Some(Duration::from_secs(600)),
            snoozed: true,
            snoozes: 1,
            config_path: Path::new("/c.toml"),
            guiding: None,
        });
        let config =
            crate::config::Config::parse("[breaks]\ninterval = \"45\"\n", Path::new("/c.toml"))
                .unwrap_err()
                .to_string();
        let mut out = vec![r.summary, r.body];
        out.extend(r.actions.into_iter().map(|(_, label)| label));
        out.extend([step.summary, reply, config]);
        out
    })
}

/// Golden strings: what a person reads in each shipped language. A change in a catalog
/// that changes these is a change a translator (or reviewer) reads here first.
#[test]
fn each_language_renders_a_reminder_a_guide_step_a_reply_and_a_config_error() {
    assert_eq!(
        samples(Lang::En),
        [
            "Chin tucks · 10 × hold 5 s",
            "Eyes straight ahead, draw your chin gently in and back, then relax.\nKeep it gentle; stop if you feel dizzy or tingly.\nSitting 47 min",
            "Start guide",
            "Done",
            "Snooze 10 min",
            "Skip",
            "Start guide",
            "Chin tucks · Rep 1 of 10: hold… 4 s",
            "Snoozed. Next break in 10 min.",
            "/c.toml:2:12: breaks.interval: invalid duration \"45\" (time unit needed, for example 45sec or 45ms): expected a duration such as \"45m\", \"1h 30m\" or \"20s\"",
        ]
    );
    // German's duration ends in "Min." or "Std.": the reply is worded so that no full stop
    // follows it.
    assert_eq!(
        samples(Lang::De),
        [
            "Kinn einziehen · 10\u{a0}×\u{a0}5\u{a0}s halten",
            "Blick geradeaus, das Kinn sanft nach hinten einziehen, dann lösen.\nSanft bleiben; bei Schwindel oder Kribbeln aufhören.\nSeit 47\u{a0}Min. im Sitzen",
            "Anleitung starten",
            "Erledigt",
            "10\u{a0}Min. aufschieben",
            "Überspringen",
            "Anleitung starten",
            "Kinn einziehen · Wdh.\u{a0}1\u{a0}von\u{a0}10: halten… 4\u{a0}s",
            "Pause aufgeschoben. In 10\u{a0}Min. kommt die nächste Pause.",
            "/c.toml:2:12: breaks.interval: ungültige Dauer \"45\" (time unit needed, for example 45sec or 45ms): erwartet wird eine Dauer wie \"45m\", \"1h 30m\" oder \"20s\"",
        ]
    );
    assert_eq!(
        samples(Lang::Fr),
        [
            "Rentrer le menton · 10\u{a0}×\u{a0}tenir 5\u{a0}s",
            "Regard droit devant, rentrez doucement le menton vers l'arrière, puis relâchez.\nEn douceur\u{a0}; arrêtez en cas de vertige ou de fourmillements.\n47\u{a0}min en position assise",
            "Lancer le guide",
            "C'est fait",
            "Reporter de 10\u{a0}min",
            "Passer",
            "Lancer le guide",
            "Rentrer le menton · Rép.\u{a0}1\u{a0}sur\u{a0}10\u{a0}: tenez… 4\u{a0}s",
            "Pause reportée. Prochaine pause dans 10\u{a0}min.",
            "/c.toml:2:12: breaks.interval: durée invalide \"45\" (time unit needed, for example 45sec or 45ms)\u{a0}: attendu une durée comme \"45m\", \"1h 30m\" ou \"20s\"",
        ]
    );
    assert_eq!(
        samples(Lang::Es),
        [
            "Retracción de barbilla · 10\u{a0}×\u{a0}mantener 5\u{a0}s",
            "Mirada al frente, mete la barbilla suavemente hacia atrás y relaja.\nCon suavidad; detente si notas mareo u hormigueo.\nLlevas 47\u{a0}min en la silla",
            "Iniciar guía",
            "Hecho",
            "Aplazar 10\u{a0}min",
            "Omitir",
            "Iniciar guía",
            "Retracción de barbilla · Rep.\u{a0}1\u{a0}de\u{a0}10: mantén… 4\u{a0}s",
            "Pausa aplazada. Próxima pausa en 10\u{a0}min.",
            "/c.toml:2:12: breaks.interval: duración no válida \"45\" (time unit needed, for example 45sec or 45ms): se esperaba una duración como \"45m\", \"1h 30m\" o \"20s\"",
        ]
    );
}

/// The command line's own errors and `deskbreak service`'s lines, through the code that
/// words them.
fn cli_samples(lang: Lang) -> Vec<String> {
    use crate::service::{FileAction, ManagerError, ServiceError};
    scoped(lang, || {
        let future = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
        let no_manager = ServiceError::NoUserManager {
            reason: ManagerError::NotInstalled {
                program: "systemctl".into(),
            },
        };
        let unwritable = ServiceError::File {
            action: FileAction::CreateFolder,
            path: "/h/.config/systemd/user".into(),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        };
        vec![
            crate::stats::PeriodError::Future(future).to_string(),
            crate::engine::schedule::Range::parse("9-5")
                .unwrap_err()
                .to_string(),
            crate::bus::BusError::NoAnswer.to_string(),
            no_manager.to_string(),
            unwritable.to_string(),
            crate::t!("service-not-started-now"),
        ]
    })
}

/// Golden strings for the command line's errors and the service lines.
#[test]
fn each_language_words_the_cli_errors_and_the_service_lines() {
    assert_eq!(
        cli_samples(Lang::En),
        [
            "2030-01-01 is in the future; give a date up to today",
            "\"9-5\" is not a valid range: expected a range of 24-hour times such as \"09:00-17:30\"",
            "the session bus did not answer within 5 s (its socket accepts connections but nothing replies)",
            "the systemd user manager cannot be reached (systemctl is not installed), so deskbreak cannot run as a user service here; nothing was changed.\nTo start deskbreak when you log in to your desktop without systemd, write an XDG autostart entry instead:\n    deskbreak service install --autostart\nor start `deskbreak run` from your window manager's startup file.",
            "cannot create the folder /h/.config/systemd/user: permission denied",
            "it is not started now: log out and back in, or run `deskbreak run &`",
        ]
    );
    assert_eq!(
        cli_samples(Lang::De),
        [
            "2030-01-01 liegt in der Zukunft; geben Sie ein Datum bis heute an",
            "\"9-5\" ist kein gültiger Zeitraum: erwartet wird ein Zeitraum im 24-Stunden-Format wie \"09:00-17:30\"",
            "der Sitzungsbus hat nicht innerhalb von 5\u{a0}s geantwortet (sein Socket nimmt Verbindungen an, aber nichts antwortet)",
            "die systemd-Benutzerinstanz ist nicht erreichbar (systemctl ist nicht installiert), deshalb kann deskbreak hier nicht als Benutzerdienst laufen; nichts wurde geändert.\nUm deskbreak ohne systemd bei der Anmeldung am Desktop zu starten, schreiben Sie stattdessen einen XDG-Autostart-Eintrag:\n    deskbreak service install --autostart\noder starten Sie `deskbreak run` aus der Startdatei Ihres Fenstermanagers.",
            "der Ordner /h/.config/systemd/user kann nicht angelegt werden: permission denied",
            "deskbreak wird jetzt nicht gestartet: melden Sie sich ab und wieder an, oder führen Sie `deskbreak run &` aus",
        ]
    );
    assert_eq!(
        cli_samples(Lang::Fr),
        [
            "2030-01-01 est dans le futur\u{a0}; indiquez une date jusqu'à aujourd'hui",
            "\"9-5\" n'est pas une plage valide\u{a0}: attendu une plage d'heures sur 24\u{a0}h comme \"09:00-17:30\"",
            "le bus de session n'a pas répondu en 5\u{a0}s (sa socket accepte les connexions, mais rien ne répond)",
            "le gestionnaire utilisateur de systemd est injoignable (systemctl n'est pas installé), deskbreak ne peut donc pas tourner ici comme service utilisateur\u{a0}; rien n'a été modifié.\nPour lancer deskbreak à l'ouverture de votre session de bureau sans systemd, écrivez plutôt une entrée de démarrage automatique XDG\u{a0}:\n    deskbreak service install --autostart\nou lancez `deskbreak run` depuis le fichier de démarrage de votre gestionnaire de fenêtres.",
            "impossible de créer le dossier /h/.config/systemd/user\u{a0}: permission denied",
            "deskbreak n'est pas lancé maintenant\u{a0}: fermez puis rouvrez votre session, ou lancez `deskbreak run &`",
        ]
    );
    assert_eq!(
        cli_samples(Lang::Es),
        [
            "2030-01-01 está en el futuro; indica una fecha hasta hoy",
            "\"9-5\" no es un intervalo válido: se esperaba un intervalo de horas en formato de 24 horas como \"09:00-17:30\"",
            "el bus de sesión no respondió en 5\u{a0}s (su socket acepta conexiones, pero nada responde)",
            "no se puede acceder al gestor de usuario de systemd (systemctl no está instalado), así que deskbreak no puede funcionar aquí como servicio de usuario; no se cambió nada.\nPara iniciar deskbreak al entrar en tu escritorio sin systemd, escribe en su lugar una entrada de inicio automático XDG:\n    deskbreak service install --autostart\no inicia `deskbreak run` desde el archivo de arranque de tu gestor de ventanas.",
            "no se puede crear la carpeta /h/.config/systemd/user: permission denied",
            "deskbreak no se inicia ahora: cierra la sesión y vuelve a entrar, o ejecuta `deskbreak run &`",
        ]
    );
}

/// The numbers a text shows, in order of size (digits only: "1 h 30 min" → [1, 30]).
fn numbers_in(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    found.sort();
    found
}

/// A count worded by a plural variant shows the count it was given, in every language: a
/// French `[one]` variant is also chosen for 0 (French counts 0 as singular), so one that
/// writes "1 jour" instead of "{ $days } jour" reads "1" for a count of 0. Every message
/// is worded with each of its variables set to 0, 2 and 21 (1 is left out: there either
/// language may word the number, "once", "einmal"); a translation may word a number, but
/// every number it shows must be one English shows.
#[test]
fn every_count_reads_as_the_number_given_in_every_language() {
    let english = bundle(Lang::En);
    let messages = inventory(Lang::En.messages_source());
    let mut wrong = Vec::new();
    for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::En) {
        let translated = bundle(lang);
        for (id, vars) in messages.iter().filter(|(_, vars)| !vars.is_empty()) {
            for n in [0.0, 2.0, 21.0] {
                let mut args = FluentArgs::new();
                for var in vars {
                    args.set(var.as_str(), n);
                }
                let (Some(en), Some(text)) = (
                    format_in(english, id, Some(&args)),
                    format_in(translated, id, Some(&args)),
                ) else {
                    continue;
                };
                let mut left = numbers_in(&en);
                let extra: Vec<String> = numbers_in(&text)
                    .into_iter()
                    .filter(|number| match left.iter().position(|e| e == number) {
                        Some(i) => {
                            left.remove(i);
                            false
                        }
                        None => true,
                    })
                    .collect();
                if !extra.is_empty() {
                    wrong.push(format!(
                        "src/i18n/{lang}/deskbreak.ftl: {id} with {vars:?} = {n} reads {text:?}; English reads {en:?}"
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// French puts a no-break space before `;`, `:`, `!` and `?` and inside « » (as the
/// catalog's header says), so a line never starts with a lone colon. Code in `backticks`
/// and the placeables are left out; a colon inside a word ("09:00", "unix:path") is not
/// punctuation (French punctuation ends a word: a space, a bracket or the line follows).
#[test]
fn french_puts_a_no_break_space_before_double_punctuation_in_every_message() {
    let nbsp = |c: Option<char>| matches!(c, Some('\u{a0}' | '\u{202f}'));
    let mut wrong = Vec::new();
    for (n, line) in Lang::Fr.messages_source().lines().enumerate() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        // The text a person reads: no code spans, each placeable one letter.
        let mut text = Vec::new();
        let (mut code, mut depth) = (false, 0u32);
        for c in line.chars() {
            match c {
                '`' if depth == 0 => code = !code,
                '{' if !code => depth += 1,
                '}' if !code && depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        text.push('X');
                    }
                }
                _ if code || depth > 0 => {}
                _ => text.push(c),
            }
        }
        for (i, &c) in text.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| text[j]);
            let after = text.get(i + 1).copied();
            let punctuation = matches!(c, ';' | ':' | '!' | '?')
                && after.is_none_or(|a| a.is_whitespace() || ")]».,\"'".contains(a));
            if (punctuation && !nbsp(before))
                || (c == '«' && !nbsp(after))
                || (c == '»' && !nbsp(before))
            {
                wrong.push(format!("src/i18n/fr/deskbreak.ftl:{}: {line}", n + 1));
                break;
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
