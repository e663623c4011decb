//! The words of a break prompt and of a guided break: what a reminder says at a glance.
//!
//! Summary: the exercise's name and its dose in a few words ("Shoulder rolls · 5 forward,
//! 5 back"). Body, in the common case three short lines: how (one or two sentences), the
//! safety cue, and one line of context (how long you sat, or that you asked; a wall or
//! doorway if one is needed; snoozes used up). A chair is assumed at a desk, so it is
//! never mentioned. Markup (`<i>`) only for servers that report `body-markup`.

use crate::engine::Prompt;
use crate::engine::guide::{Progress, StepKind};
use crate::exercises::{Exercise, Need};
use crate::{human, t};

/// Action key for "I did it".
pub const DONE: &str = "done";
/// Action key for "later".
pub const SNOOZE: &str = "snooze";
/// Action key for "not this time".
pub const SKIP: &str = "skip";
/// Action key for "guide me through it".
pub const START: &str = "start";
/// Action key for "stop the guide".
pub const STOP: &str = "stop";
/// The spec's key for a click on the bubble's body (where the server has one).
pub const DEFAULT: &str = "default";

/// A prompt rendered to text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// One line: the exercise and its dose.
    pub summary: String,
    /// A few short lines: how, the safety cue, context.
    pub body: String,
    /// Actions as (key, label), the default action (if any) first.
    pub actions: Vec<(&'static str, String)>,
    /// How far a running guide is (the `value` hint), 0 to 100.
    pub progress: Option<u8>,
}

/// How the reminder will be delivered, which changes what it must say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Channel {
    /// The reminder carries buttons.
    pub buttons: bool,
    /// Without buttons, the CLI commands can answer (the control service is up): say so.
    pub commands: bool,
    /// The server reads `<b>`, `<i>` in the body (`body-markup`).
    pub markup: bool,
}

impl Channel {
    /// A notification server that shows buttons, without body markup.
    pub const BUTTONS: Channel = Channel {
        buttons: true,
        commands: true,
        markup: false,
    };
}

/// Render `prompt` for `exercise`.
///
/// Buttons, in this order: the default action starts the guide (a click on the body),
/// then Done, Snooze, Skip, Start guide. GNOME Shell shows only the first three buttons,
/// so Done and Snooze are always among them; Skip is there too, and `deskbreak skip`
/// always works.
#[must_use]
pub fn render(prompt: &Prompt, exercise: &Exercise, channel: Channel) -> Reminder {
    let summary = t!(
        "reminder-summary",
        exercise = exercise.name(),
        dose = exercise.glance_dose()
    );
    let mut lines = vec![
        text(&exercise.glance_how(), channel),
        emphasis(&exercise.glance_safety(), channel),
    ];

    let mut context = vec![if prompt.asked {
        t!("reminder-asked")
    } else {
        t!(
            "reminder-sitting",
            duration = human::duration(prompt.sat_for)
        )
    }];
    let needs = exercise
        .needs
        .iter()
        .filter_map(|n| match n {
            Need::Chair => None,
            Need::Wall => Some(t!("need-wall")),
            Need::Doorway => Some(t!("need-doorway")),
        })
        .reduce(|first, second| t!("list-and", first = first, second = second));
    if let Some(things) = needs {
        context.push(t!("reminder-needs", things = things));
    }
    if prompt.snoozes_used_up {
        context.push(t!("reminder-snoozes-used-up"));
    }
    lines.push(text(&context.join(" · "), channel));

    let mut actions = vec![
        (DEFAULT, t!("reminder-button-start-guide")),
        (DONE, t!("reminder-button-done")),
    ];
    if prompt.snooze_allowed {
        actions.push((
            SNOOZE,
            t!(
                "reminder-button-snooze",
                duration = human::duration(prompt.snooze_for)
            ),
        ));
    }
    actions.push((SKIP, t!("reminder-button-skip")));
    actions.push((START, t!("reminder-button-start-guide")));

    if !channel.buttons {
        actions.clear();
        if channel.commands {
            let line = if prompt.snooze_allowed {
                t!("reminder-answer-in-terminal")
            } else {
                t!("reminder-answer-in-terminal-no-snooze")
            };
            lines.push(text(&line, channel));
        }
    }
    Reminder {
        summary,
        body: lines.join("\n"),
        actions,
        progress: None,
    }
}

/// Render a running guide: the step and its countdown in the summary's place, the move
/// and the safety cue below, a Stop button, and the progress for the `value` hint.
#[must_use]
pub fn render_guide(exercise: &Exercise, progress: &Progress, channel: Channel) -> Reminder {
    let step = &progress.step;
    let countdown = t!("guide-countdown", seconds = progress.left_secs);
    let now = match step.kind {
        StepKind::GetReady => t!("guide-get-ready", countdown = countdown),
        StepKind::Hold => t!("guide-hold", step = step.label(), countdown = countdown),
        StepKind::Move => step.label(),
        StepKind::Relax => t!("guide-relax", countdown = countdown),
        StepKind::Rest => t!("guide-rest", countdown = countdown),
        StepKind::Switch => t!("guide-switch-sides", countdown = countdown),
    };
    let summary = t!("guide-summary", exercise = exercise.name(), step = now);
    let body = [
        text(&exercise.glance_how(), channel),
        emphasis(&exercise.glance_safety(), channel),
    ]
    .join("\n");
    let actions = if channel.buttons {
        vec![(STOP, t!("guide-button-stop"))]
    } else {
        Vec::new()
    };
    Reminder {
        summary,
        body,
        actions,
        progress: Some(progress.percent),
    }
}

/// The bubble shown when a guide is complete.
#[must_use]
pub fn render_guide_done(exercise: &Exercise, guided_secs: u64, channel: Channel) -> Reminder {
    Reminder {
        summary: t!("guide-done-summary", exercise = exercise.name()),
        body: text(
            &t!(
                "guide-done-body",
                duration = human::duration(std::time::Duration::from_secs(guided_secs))
            ),
            channel,
        ),
        actions: Vec::new(),
        progress: Some(100),
    }
}

fn text(line: &str, channel: Channel) -> String {
    if channel.markup {
        escape_markup(line)
    } else {
        line.to_owned()
    }
}

fn emphasis(line: &str, channel: Channel) -> String {
    if channel.markup {
        format!("<i>{}</i>", escape_markup(line))
    } else {
        line.to_owned()
    }
}

/// The one line of a micro-break cue (`[micro]`), by cue id (see
/// [`crate::engine::micro::CUES`]).
#[must_use]
pub fn micro_cue(id: &str) -> String {
    match id {
        "shoulder-squeeze" => t!("micro-cue-shoulder-squeeze"),
        "look-far" => t!("micro-cue-look-far"),
        _ => t!("micro-cue-chin-tuck"),
    }
}

/// Escape text for servers that interpret the body as markup.
#[must_use]
pub fn escape_markup(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::engine::PromptId;
    use crate::engine::guide::Plan;
    use crate::exercises::{GLANCE_LIMITS, Library};

    fn prompt(exercise: &str, snooze_allowed: bool) -> Prompt {
        Prompt {
            id: PromptId(1),
            exercise: exercise.into(),
            sat_for: Duration::from_secs(47 * 60),
            snooze_allowed,
            snooze_for: Duration::from_secs(600),
            repeat: 0,
            asked: false,
            snoozes_used_up: !snooze_allowed,
        }
    }

    const PLAIN: Channel = Channel::BUTTONS;
    const MARKUP: Channel = Channel {
        markup: true,
        ..Channel::BUTTONS
    };

    /// The numbers of a dose, as words that must not be repeated in the body.
    fn dose_numbers(e: &Exercise) -> Vec<String> {
        [e.dose.reps.filter(|&r| r > 1), e.dose.hold_secs]
            .into_iter()
            .flatten()
            .map(|n| n.to_string())
            .collect()
    }

    #[test]
    fn every_built_in_reminder_reads_at_a_glance() {
        for e in Library::embedded().all() {
            for channel in [PLAIN, MARKUP] {
                let r = render(&prompt(&e.id, true), e, channel);
                assert!(
                    r.summary.starts_with(&format!("{} · ", e.name)),
                    "{}",
                    r.summary
                );
                assert!(r.summary.chars().count() <= 48, "{}: {}", e.id, r.summary);
                let lines: Vec<&str> = r.body.lines().collect();
                assert_eq!(lines.len(), 3, "{}: {}", e.id, r.body);
                for line in &lines {
                    let shown = line.replace("<i>", "").replace("</i>", "");
                    assert!(shown.chars().count() <= GLANCE_LIMITS.1, "{}: {line}", e.id);
                }
                // The dose is in the summary only: no step list, no second dose.
                assert!(!r.body.contains("Dose"), "{}", r.body);
                for step in &e.steps {
                    assert!(!r.body.contains(step.as_str()), "{}: full step", e.id);
                }
                for word in r.body.split(|c: char| !c.is_ascii_digit()) {
                    assert!(
                        word.is_empty()
                            || word == "47"
                            || !dose_numbers(e).contains(&word.to_owned()),
                        "{}: body repeats the dose: {}",
                        e.id,
                        r.body
                    );
                }
                assert!(!r.body.contains('`'), "{}", r.body);
            }
        }
    }

    #[test]
    fn markup_only_where_the_server_reads_it() {
        let library = Library::embedded();
        let e = library.get("chin-tucks").unwrap();
        let plain = render(&prompt(&e.id, true), e, PLAIN);
        assert!(
            !plain.body.contains('<') && !plain.body.contains("&lt;"),
            "{}",
            plain.body
        );
        let rich = render(&prompt(&e.id, true), e, MARKUP);
        assert!(
            rich.body
                .contains(&format!("<i>{}</i>", escape_markup(&e.glance_safety())))
        );
        // An own exercise's text with a '<' in it is escaped, never read as a tag.
        let mut odd = e.clone();
        odd.glance = None;
        odd.steps = vec!["Sit <b>tall</b> & relax.".into(), "Tuck.".into()];
        let rich = render(&prompt(&e.id, true), &odd, MARKUP);
        assert!(
            rich.body
                .contains("Sit &lt;b&gt;tall&lt;/b&gt; &amp; relax."),
            "{}",
            rich.body
        );
        let plain = render(&prompt(&e.id, true), &odd, PLAIN);
        assert!(
            plain.body.contains("Sit <b>tall</b> & relax."),
            "{}",
            plain.body
        );
    }

    #[test]
    fn needs_are_shown_only_where_they_matter() {
        let library = Library::embedded();
        let chair = library.get("seated-twist").unwrap();
        let r = render(&prompt(&chair.id, true), chair, PLAIN);
        assert!(!r.body.to_lowercase().contains("chair"), "{}", r.body);
        let door = library.get("doorway-pec-stretch").unwrap();
        let r = render(&prompt(&door.id, true), door, PLAIN);
        assert!(
            r.body.ends_with("Sitting 47 min · needs a doorway"),
            "{}",
            r.body
        );
        let wall = library.get("wall-angels").unwrap();
        assert!(
            render(&prompt(&wall.id, true), wall, PLAIN)
                .body
                .contains("needs a wall")
        );
    }

    #[test]
    fn a_break_asked_for_says_so_instead_of_the_sitting_time() {
        let library = Library::embedded();
        let e = library.get("chin-tucks").unwrap();
        let mut asked = prompt(&e.id, true);
        asked.asked = true;
        asked.sat_for = Duration::ZERO;
        let r = render(&asked, e, PLAIN);
        assert!(r.body.ends_with("You asked for this break"), "{}", r.body);
        assert!(!r.body.contains("0 s"), "{}", r.body);
    }

    #[test]
    fn buttons_keep_done_and_snooze_in_the_first_three_and_the_default_starts_the_guide() {
        let library = Library::embedded();
        let e = library.get("scapula-squeeze").unwrap();
        let r = render(&prompt(&e.id, true), e, PLAIN);
        let keys: Vec<&str> = r.actions.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, [DEFAULT, DONE, SNOOZE, SKIP, START]);
        assert_eq!(r.actions[2].1, "Snooze 10 min");
        let used_up = render(&prompt(&e.id, false), e, PLAIN);
        let keys: Vec<&str> = used_up.actions.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, [DEFAULT, DONE, SKIP, START]);
        assert!(
            used_up.body.ends_with("· snoozes used up"),
            "{}",
            used_up.body
        );
        assert_eq!(used_up.body.lines().count(), 3);
    }

    #[test]
    fn without_buttons_one_line_names_the_commands() {
        let library = Library::embedded();
        let e = library.get("chin-tucks").unwrap();
        let channel = Channel {
            buttons: false,
            commands: true,
            markup: false,
        };
        let r = render(&prompt(&e.id, true), e, channel);
        assert!(r.actions.is_empty());
        assert!(
            r.body
                .ends_with("\nAnswer in a terminal: deskbreak done, snooze, skip or guide"),
            "{}",
            r.body
        );
        let r = render(
            &prompt(&e.id, true),
            e,
            Channel {
                commands: false,
                ..channel
            },
        );
        assert!(!r.body.contains("deskbreak"), "{}", r.body);
        assert_eq!(r.body.lines().count(), 3);
    }

    #[test]
    fn a_guide_shows_the_step_its_countdown_progress_and_a_stop_button() {
        let library = Library::embedded();
        let e = library.get("chin-tucks").unwrap();
        let plan = Plan::for_exercise(e);
        let p = plan.at(Duration::from_secs(6)).unwrap();
        let r = render_guide(e, &p, PLAIN);
        assert_eq!(r.summary, "Chin tucks · Rep 1 of 10: hold… 4 s");
        assert_eq!(r.actions, vec![(STOP, "Stop".to_owned())]);
        assert_eq!(r.progress, Some(p.percent));
        assert_eq!(r.body.lines().count(), 2);
        let ready = render_guide(e, &plan.at(Duration::ZERO).unwrap(), PLAIN);
        assert_eq!(ready.summary, "Chin tucks · Get ready… 5 s");
        let done = render_guide_done(e, 82, PLAIN);
        assert_eq!(done.body, "Well done: 1 min of moving. Break recorded.");
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape_markup("a < b & c > d"), "a &lt; b &amp; c &gt; d");
    }
}
