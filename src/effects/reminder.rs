//! The words of a break prompt.

use crate::engine::Prompt;
use crate::exercises::Exercise;
use crate::human;

/// Action key for "I did it".
pub const DONE: &str = "done";
/// Action key for "later".
pub const SNOOZE: &str = "snooze";
/// Action key for "not this time".
pub const SKIP: &str = "skip";

/// A prompt rendered to text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// One line naming the exercise.
    pub summary: String,
    /// Steps, dose and safety cue.
    pub body: String,
    /// Buttons as (key, label).
    pub actions: Vec<(&'static str, String)>,
}

/// How the reminder will be delivered, which changes what it must say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Channel {
    /// The reminder carries Done / Snooze / Skip buttons.
    pub buttons: bool,
    /// Without buttons, the CLI commands can answer (the control service is up): say so.
    pub commands: bool,
}

impl Channel {
    /// A notification server that shows buttons.
    pub const BUTTONS: Channel = Channel {
        buttons: true,
        commands: true,
    };
}

/// Render `prompt` for `exercise`.
#[must_use]
pub fn render(prompt: &Prompt, exercise: &Exercise, channel: Channel) -> Reminder {
    let summary = format!("Time for a break: {}", exercise.name);
    let mut body = format!(
        "You have been sitting for {}. {}, about {}.\n",
        human::duration(prompt.sat_for),
        capitalized(exercise.position.as_str()),
        human::duration(exercise.duration()),
    );
    if !exercise.needs.is_empty() {
        let needs: Vec<&str> = exercise.needs.iter().map(|n| n.as_str()).collect();
        body.push_str(&format!("You need: {}.\n", needs.join(", ")));
    }
    for (i, step) in exercise.steps.iter().enumerate() {
        body.push_str(&format!("{}. {step}\n", i + 1));
    }
    body.push_str(&format!("Dose: {}.\n", exercise.dose));
    body.push_str(&format!("Safety: {}", exercise.safety));

    let snooze_label = format!("Snooze {}", human::duration(prompt.snooze_for));
    let mut actions = vec![(DONE, "Done".to_owned())];
    if prompt.snooze_allowed {
        actions.push((SNOOZE, snooze_label));
    }
    actions.push((SKIP, "Skip".to_owned()));

    if !channel.buttons && channel.commands {
        body.push_str("\n\nAnswer from a terminal: ");
        let commands: Vec<String> = actions
            .iter()
            .map(|(key, label)| format!("`deskbreak {key}` ({})", label.to_lowercase()))
            .collect();
        body.push_str(&commands.join(", "));
        body.push('.');
    }
    if !channel.buttons {
        actions.clear();
    }
    Reminder {
        summary,
        body,
        actions,
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
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
    use crate::exercises::Library;

    fn prompt(snooze_allowed: bool) -> Prompt {
        Prompt {
            id: PromptId(1),
            exercise: "scapula-squeeze".into(),
            sat_for: Duration::from_secs(47 * 60),
            snooze_allowed,
            snooze_for: Duration::from_secs(600),
            repeat: 0,
        }
    }

    #[test]
    fn names_the_exercise_and_gives_steps_dose_and_safety() {
        let library = Library::embedded();
        let exercise = library.get("scapula-squeeze").unwrap();
        let r = render(&prompt(true), exercise, Channel::BUTTONS);
        assert_eq!(r.summary, format!("Time for a break: {}", exercise.name));
        assert!(
            r.body.starts_with("You have been sitting for 47 min."),
            "{}",
            r.body
        );
        for step in &exercise.steps {
            assert!(r.body.contains(step.as_str()));
        }
        assert!(r.body.contains(&format!("Dose: {}.", exercise.dose)));
        assert!(r.body.contains(&exercise.safety));
        assert_eq!(
            r.actions,
            vec![
                (DONE, "Done".to_owned()),
                (SNOOZE, "Snooze 10 min".to_owned()),
                (SKIP, "Skip".to_owned())
            ]
        );
        assert!(!r.body.contains("deskbreak done"));
    }

    #[test]
    fn no_snooze_button_once_snoozes_are_used_up() {
        let library = Library::embedded();
        let r = render(
            &prompt(false),
            library.get("chin-tucks").unwrap(),
            Channel::BUTTONS,
        );
        let keys: Vec<&str> = r.actions.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, vec![DONE, SKIP]);
    }

    #[test]
    fn without_buttons_the_body_names_the_commands() {
        let library = Library::embedded();
        let r = render(
            &prompt(true),
            library.get("chin-tucks").unwrap(),
            Channel {
                buttons: false,
                commands: true,
            },
        );
        assert!(r.actions.is_empty());
        assert!(r.body.contains("`deskbreak done` (done)"), "{}", r.body);
        assert!(
            r.body.contains("`deskbreak snooze` (snooze 10 min)"),
            "{}",
            r.body
        );
        assert!(r.body.contains("`deskbreak skip` (skip)"), "{}", r.body);
    }

    #[test]
    fn commands_are_not_offered_when_nothing_could_receive_them() {
        let library = Library::embedded();
        let r = render(
            &prompt(true),
            library.get("chin-tucks").unwrap(),
            Channel {
                buttons: false,
                commands: false,
            },
        );
        assert!(r.actions.is_empty());
        assert!(!r.body.contains("deskbreak done"), "{}", r.body);
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape_markup("a < b & c > d"), "a &lt; b &amp; c &gt; d");
    }
}
