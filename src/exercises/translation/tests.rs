use std::path::Path;

use super::*;
use crate::exercises::{Library, OwnError};
use crate::i18n::{Lang, scoped};

const TRANSLATED: [Lang; 3] = [Lang::De, Lang::Fr, Lang::Es];

#[test]
fn every_shipped_translation_has_every_exercise_and_field_and_no_other() {
    let library = Library::embedded();
    for lang in TRANSLATED {
        let gaps = gaps(lang, library.all());
        assert!(gaps.is_empty(), "{lang}: {gaps:#?}");
    }
}

#[test]
fn a_gap_or_an_extra_field_is_found() {
    let library = Library::embedded();
    let (found, problems) = parse(shipped_source(Lang::De));
    assert!(problems.is_empty());
    assert_eq!(found.len(), library.all().len());
    // The check itself: a step dropped, a field not a field, one English lacks, an
    // exercise that is not there.
    let text = shipped_source(Lang::De)
        .replacen("    .step-3 = 5 Sekunden halten", "    .nope = 5", 1)
        .replacen(
            "    .step-4 = Seite wechseln",
            "    .step-5 = Seite wechseln",
            1,
        )
        + "\nno-such =\n    .name = Nichts\n";
    let gaps = gaps_in(&text, library.all());
    let line = 1 + text
        .lines()
        .position(|l| l.starts_with("    .nope"))
        .unwrap();
    assert_eq!(
        gaps,
        [
            format!(
                "{line}:5: exercise \"chin-tucks\": nope: is not a field: expected one of \
                 name, step-N, safety, glance-dose, glance-how, glance-safety"
            )
            .as_str(),
            "chin-tucks: step-3 is missing",
            "cross-body-arm-stretch: step-4 is missing",
            "cross-body-arm-stretch: step-5 is not in English",
            "cross-body-arm-stretch: step-5: the exercise has 4 steps: expected step-1 to step-4",
            "no-such: no such exercise",
        ],
        "{gaps:#?}"
    );
}

/// A translation says the same counts, holds, seconds and degrees as English: every
/// number of the English text, and no other.
#[test]
fn every_shipped_translation_keeps_every_number() {
    let numbers = |text: &str| {
        let mut found: Vec<String> = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect();
        found.sort();
        found
    };
    let library = Library::embedded();
    for lang in TRANSLATED {
        let (found, _) = parse(shipped_source(lang));
        for (id, partial) in &found {
            let exercise = library.get(id).unwrap();
            for (field, text) in partial.texts() {
                let english = english_text(exercise, &field).unwrap();
                assert_eq!(
                    numbers(text),
                    numbers(english),
                    "{lang} {id} {field}: {text:?} against {english:?}"
                );
            }
        }
    }
}

#[test]
fn french_puts_a_no_break_space_before_double_punctuation() {
    let (found, _) = parse(shipped_source(Lang::Fr));
    for (id, partial) in &found {
        for (field, text) in partial.texts() {
            for (i, c) in text.char_indices() {
                if matches!(c, ';' | ':' | '!' | '?') {
                    assert!(text[..i].ends_with('\u{a0}'), "fr {id} {field}: {text:?}");
                }
            }
        }
    }
}

#[test]
fn the_texts_follow_the_language_in_use() {
    let library = Library::embedded();
    let e = library.get("chin-tucks").unwrap();
    assert_eq!(e.name(), "Chin tucks");
    scoped(Lang::De, || {
        assert_eq!(e.name(), "Kinn einziehen");
        assert_eq!(e.glance_dose(), "10\u{a0}×\u{a0}5\u{a0}s halten");
        assert_eq!(e.steps().len(), e.steps.len());
        assert!(e.safety().contains("Schwindel"), "{}", e.safety());
        assert!(e.glance_safety().contains("Schwindel"));
    });
    scoped(Lang::Fr, || assert_eq!(e.name(), "Rentrer le menton"));
    scoped(Lang::Es, || assert_eq!(e.name(), "Retracción de barbilla"));
    // The fields stay English, for what machines read.
    scoped(Lang::De, || assert_eq!(e.name, "Chin tucks"));
    assert_eq!(e.name(), "Chin tucks", "back to English");
}

const OWN: &str = r#"{
  "exercises": [
    {
      "id": "desk-push-ups",
      "name": "Desk push-ups",
      "position": "standing",
      "steps": [
        "Put both hands on the edge of a sturdy desk, shoulder-width apart.",
        "Lower your chest toward the desk, then push back up."
      ],
      "dose": { "reps": 10, "sets": 1, "hold_secs": null, "per_side": false },
      "duration_secs": 40,
      "area": "chest",
      "safety": "Only on a desk that cannot slide; stop if your wrists hurt."
    },
    {
      "id": "chin-tucks",
      "name": "Gentle chin tucks",
      "position": "seated",
      "steps": ["Sit tall.", "Draw the chin back gently and hold."],
      "dose": { "reps": 5, "sets": 1, "hold_secs": 3, "per_side": false },
      "duration_secs": 30,
      "area": "neck",
      "safety": "Keep it gentle."
    }
  ]
}"#;

fn own_library() -> Library {
    Library::embedded()
        .with_own(OWN, Path::new("/cfg/exercises.json"))
        .unwrap()
}

fn translated(text: &str) -> Result<Library, OwnError> {
    own_library().with_translation(Lang::De, text, Path::new("/cfg/exercises.de.ftl"))
}

#[test]
fn an_own_translation_fills_what_it_gives_and_english_the_rest() {
    let library = translated(
        "desk-push-ups =\n    .name = Liegestütze am Tisch\n    .step-2 = Die Brust zum Tisch\n        senken, dann wieder hochdrücken.\n",
    )
    .unwrap();
    let e = library.get("desk-push-ups").unwrap();
    scoped(Lang::De, || {
        assert_eq!(e.name(), "Liegestütze am Tisch");
        assert_eq!(e.steps()[0], e.steps[0], "step 1 stays English");
        // Lines go on as one.
        assert_eq!(
            e.steps()[1],
            "Die Brust zum Tisch senken, dann wieder hochdrücken."
        );
        assert_eq!(e.safety(), e.safety, "English");
        // No glance in either: made from the translated steps.
        assert!(e.glance_how().contains("Die Brust"), "{}", e.glance_how());
        assert_eq!(
            e.glance_safety(),
            "Only on a desk that cannot slide; stop if your wrists hurt."
        );
    });
    // French has no translation of it: all English.
    scoped(Lang::Fr, || assert_eq!(e.name(), "Desk push-ups"));
}

#[test]
fn a_replaced_built_in_loses_the_shipped_translation() {
    let library = own_library();
    let e = library.get("chin-tucks").unwrap();
    // The shipped German describes the built-in text, not the user's.
    scoped(Lang::De, || assert_eq!(e.name(), "Gentle chin tucks"));
    // A built-in kept as it is stays translated.
    let rolls = library.get("shoulder-rolls").unwrap();
    scoped(Lang::De, || assert_eq!(rolls.name(), "Schulterkreisen"));
}

#[test]
fn an_own_translation_of_a_built_in_goes_over_the_shipped_one_field_by_field() {
    let library = translated("shoulder-rolls =\n    .name = Schultern kreisen\n").unwrap();
    let e = library.get("shoulder-rolls").unwrap();
    scoped(Lang::De, || {
        assert_eq!(e.name(), "Schultern kreisen");
        assert_eq!(
            e.glance_dose(),
            "5\u{a0}vorwärts, 5\u{a0}rückwärts",
            "shipped"
        );
    });
}

#[test]
fn a_glance_part_without_translated_text_stays_english() {
    // Only the name translated: the English hand-written glance is better than one made
    // from English steps.
    let library = translated("shoulder-rolls =\n    .name = Schultern kreisen\n").unwrap();
    let english = Library::embedded();
    let plain = english.get("shoulder-rolls").unwrap();
    let mut only_name = plain.clone();
    only_name.local = Local::default().with_own(
        Lang::Fr,
        Partial {
            name: Some("Rotations".into()),
            ..Partial::default()
        },
    );
    scoped(Lang::Fr, || {
        assert_eq!(only_name.name(), "Rotations");
        assert_eq!(
            only_name.glance_how(),
            plain.glance.as_ref().unwrap().how.clone().unwrap()
        );
    });
    drop(library);
}

#[test]
fn a_mistake_in_an_own_translation_names_file_line_exercise_and_field() {
    let err = |text: &str| translated(text).unwrap_err().to_string();
    assert_eq!(
        err("desk-push-ups =\n    .name = Liegestütze\n    .steps = Eins\n"),
        "/cfg/exercises.de.ftl:3:5: exercise \"desk-push-ups\": steps: is not a field: \
         expected one of name, step-N, safety, glance-dose, glance-how, glance-safety"
    );
    assert_eq!(
        err("desk-push-ups =\n    .step-3 = Drei\n"),
        "/cfg/exercises.de.ftl:2:5: exercise \"desk-push-ups\": step-3: \
         the exercise has 2 steps: expected step-1 to step-2"
    );
    assert!(
        err("push-ups =\n    .name = Liegestütze\n").starts_with(
            "/cfg/exercises.de.ftl:1:1: exercise \"push-ups\": no exercise has this id"
        ),
    );
    assert!(
        err("desk-push-ups =\n    .name = { $who } drückt\n")
            .contains("2:5: exercise \"desk-push-ups\": name: has a { … }"),
    );
    let e = err("desk-push-ups =\n    .name = Liegestütze\n\nwall-angels\n    .name = Engel\n");
    assert!(e.starts_with("/cfg/exercises.de.ftl:4:"), "{e}");
    assert!(e.contains("expected `id =`"), "{e}");
    assert!(err("desk-push-ups = Liegestütze\n").contains("expected the name as `.name = …`"),);
    let long = format!("wall-angels =\n    .glance-safety = {}\n", "x".repeat(65));
    assert!(err(&long).contains("glance-safety: expected at most 64 characters"));
}

#[test]
fn quoted_literals_and_no_break_spaces_are_kept() {
    let library =
        translated("desk-push-ups =\n    .name = Pompes{\"\\u00A0\"}: {\"{\"}bureau{\"}\"}\n")
            .unwrap();
    scoped(Lang::De, || {
        assert_eq!(
            library.get("desk-push-ups").unwrap().name(),
            "Pompes\u{a0}: {bureau}"
        );
    });
}

#[test]
fn load_reads_the_translations_beside_the_own_exercises() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("exercises.json");
    std::fs::write(&own, OWN).unwrap();
    std::fs::write(
        dir.path().join("exercises.es.ftl"),
        "desk-push-ups =\n    .name = Flexiones en la mesa\n",
    )
    .unwrap();
    let library = Library::load(&own).unwrap();
    let e = library.get("desk-push-ups").unwrap();
    scoped(Lang::Es, || assert_eq!(e.name(), "Flexiones en la mesa"));
    scoped(Lang::De, || assert_eq!(e.name(), "Desk push-ups"));
    // Without exercises.json, a translation of built-ins still applies.
    std::fs::remove_file(&own).unwrap();
    std::fs::write(
        dir.path().join("exercises.es.ftl"),
        "chin-tucks =\n    .name = Barbilla adentro\n",
    )
    .unwrap();
    let library = Library::load(&own).unwrap();
    scoped(Lang::Es, || {
        assert_eq!(
            library.get("chin-tucks").unwrap().name(),
            "Barbilla adentro"
        );
    });
    // A broken one is an error naming it.
    std::fs::write(dir.path().join("exercises.fr.ftl"), "chin-tucks =\n").unwrap();
    let e = Library::load(&own).unwrap_err();
    assert_eq!(e.path, dir.path().join("exercises.fr.ftl"));
    assert_eq!(
        own_path(&own, Lang::Fr),
        dir.path().join("exercises.fr.ftl")
    );
    assert!(is_own_file_name("exercises.fr.ftl") && !is_own_file_name("exercises.en.ftl"));
}

#[test]
fn the_dose_is_worded_in_the_language_in_use() {
    let library = Library::embedded();
    let rolls = library.get("shoulder-rolls").unwrap();
    assert_eq!(rolls.dose.to_string(), "2 sets of 5 reps");
    let twist = library.get("seated-twist").unwrap();
    assert_eq!(twist.dose.short(), "hold 10 s each side");
    scoped(Lang::De, || {
        assert_eq!(rolls.dose.to_string(), "2 Sätze à 5 Wiederholungen");
        assert_eq!(twist.dose.short(), "10\u{a0}s halten je Seite");
    });
}
