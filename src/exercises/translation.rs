//! Exercises in other languages than English: the shipped translations
//! (`src/i18n/LANG/exercises.ftl`, embedded) and the user's own (`exercises.LANG.ftl` beside
//! their `exercises.json`), in one format: a Fluent message per exercise id, an attribute
//! per text field.
//!
//! ```ftl
//! chin-tucks =
//!     .name = Kinn einziehen
//!     .step-1 = Aufrecht sitzen, der Blick geht geradeaus.
//!     .step-2 = …
//!     .safety = …
//!     .glance-dose = 10 × 5 s halten
//!     .glance-how = …
//!     .glance-safety = …
//! ```
//!
//! The texts are plain (no `{ … }` besides a quoted literal such as `{"{"}`); a text may go
//! on over several indented lines, which read as one line. A field a translation leaves
//! out is read in English. A glance part it leaves out is made from its own full text, as
//! in English, unless it translates none of that text (then the English glance part
//! stays). `source` (the title of the English article the facts come from) is a citation
//! and is not translated.
//!
//! For the language in use only, an exercise's texts are put together on first use and
//! kept; a shipped translation is parsed the first time its language is asked for.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use fluent_syntax::ast;

use super::{Exercise, GLANCE_LIMITS, Glance};
use crate::i18n::Lang;

/// The text fields a translation gives, as attribute names: `step-N` stands for each step.
pub const FIELDS: [&str; 6] = [
    "name",
    "step-N",
    "safety",
    "glance-dose",
    "glance-how",
    "glance-safety",
];

/// The shipped translation of the exercises into `lang`, as written (empty for English:
/// English is `exercises.json`).
fn shipped_source(lang: Lang) -> &'static str {
    lang.exercises_source().unwrap_or_default()
}

/// Where the user's own translation into `lang` lives: `exercises.LANG.ftl` beside their
/// `exercises.json` (`own` is the path of that file).
#[must_use]
pub fn own_path(own: &Path, lang: Lang) -> PathBuf {
    let stem = own
        .file_stem()
        .map_or_else(|| "exercises".into(), |s| s.to_string_lossy().into_owned());
    own.with_file_name(format!("{stem}.{}.ftl", lang.code()))
}

/// Whether `name` is the name of an own translation file (`exercises.de.ftl`), for the
/// config watcher.
#[must_use]
pub fn is_own_file_name(name: &str) -> bool {
    Lang::ALL
        .iter()
        .filter(|l| **l != Lang::En)
        .any(|l| name == format!("exercises.{}.ftl", l.code()))
}

/// One exercise's texts as a translation gives them; each may be left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Partial {
    name: Option<String>,
    /// By step number, 1-based.
    steps: BTreeMap<usize, String>,
    safety: Option<String>,
    glance: Glance,
}

impl Partial {
    /// The attribute names it gives, in file order of the fields ("name", "step-1", …).
    fn fields(&self) -> Vec<String> {
        let mut fields = Vec::new();
        if self.name.is_some() {
            fields.push("name".to_owned());
        }
        fields.extend(self.steps.keys().map(|n| format!("step-{n}")));
        if self.safety.is_some() {
            fields.push("safety".to_owned());
        }
        for (field, text) in [
            ("glance-dose", &self.glance.dose),
            ("glance-how", &self.glance.how),
            ("glance-safety", &self.glance.safety),
        ] {
            if text.is_some() {
                fields.push(field.to_owned());
            }
        }
        fields
    }

    /// Each field with its text, for checks.
    #[cfg(test)]
    fn texts(&self) -> Vec<(String, &str)> {
        let mut texts = Vec::new();
        if let Some(name) = &self.name {
            texts.push(("name".to_owned(), name.as_str()));
        }
        for (n, step) in &self.steps {
            texts.push((format!("step-{n}"), step.as_str()));
        }
        if let Some(safety) = &self.safety {
            texts.push(("safety".to_owned(), safety.as_str()));
        }
        for (field, text) in [
            ("glance-dose", &self.glance.dose),
            ("glance-how", &self.glance.how),
            ("glance-safety", &self.glance.safety),
        ] {
            if let Some(text) = text {
                texts.push((field.to_owned(), text.as_str()));
            }
        }
        texts
    }
}

/// Something wrong in a translation file: where, which exercise and field, and what is
/// expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line and column.
    pub location: Option<(usize, usize)>,
    /// The exercise id (the message).
    pub exercise: Option<String>,
    /// The attribute, e.g. `step-2`.
    pub field: Option<String>,
    /// What is wrong and what is expected.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((line, column)) = self.location {
            write!(f, "{line}:{column}: ")?;
        }
        if let Some(exercise) = &self.exercise {
            write!(
                f,
                "{}: ",
                crate::t!(
                    "exercises-error-exercise",
                    exercise = format!("{exercise:?}")
                )
            )?;
        }
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// A translation file read: the exercises it translates, by id in file order, and what is
/// wrong in it (its readable parts are kept).
pub(super) fn parse(text: &str) -> (Vec<(String, Partial)>, Vec<Problem>) {
    let (resource, errors) = match fluent_syntax::parser::parse(text) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    let mut problems: Vec<Problem> = errors
        .iter()
        .map(|e| Problem {
            location: Some(super::line_column(text, e.pos.start)),
            exercise: None,
            field: None,
            message: crate::t!("exercises-ftl-syntax", error = e.to_string()),
        })
        .collect();
    let mut found: Vec<(String, Partial)> = Vec::new();
    for entry in &resource.body {
        let ast::Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name;
        let place = message_line(text, id);
        let problem = |field: Option<&str>, message: String| Problem {
            location: field.map_or(place, |f| attribute_line(text, id, f).or(place)),
            exercise: Some(id.to_owned()),
            field: field.map(str::to_owned),
            message,
        };
        if found.iter().any(|(other, _)| other == id) {
            problems.push(problem(None, crate::t!("exercises-ftl-twice")));
            continue;
        }
        if message.value.is_some() {
            problems.push(problem(None, crate::t!("exercises-ftl-value")));
        }
        let mut partial = Partial::default();
        for attribute in &message.attributes {
            let field = attribute.id.name;
            let text = match plain(&attribute.value) {
                Ok(text) if text.is_empty() => {
                    problems.push(problem(Some(field), crate::t!("exercises-ftl-empty")));
                    continue;
                }
                Ok(text) => text,
                Err(message) => {
                    problems.push(problem(Some(field), message));
                    continue;
                }
            };
            let slot = match field {
                "name" => &mut partial.name,
                "safety" => &mut partial.safety,
                "glance-dose" => &mut partial.glance.dose,
                "glance-how" => &mut partial.glance.how,
                "glance-safety" => &mut partial.glance.safety,
                _ => match step_number(field) {
                    Some(n) => {
                        if partial.steps.insert(n, text).is_some() {
                            problems
                                .push(problem(Some(field), crate::t!("exercises-ftl-field-twice")));
                        }
                        continue;
                    }
                    None => {
                        problems.push(problem(
                            Some(field),
                            crate::t!("exercises-ftl-not-a-field", fields = FIELDS.join(", ")),
                        ));
                        continue;
                    }
                },
            };
            if slot.replace(text).is_some() {
                problems.push(problem(Some(field), crate::t!("exercises-ftl-field-twice")));
            }
        }
        found.push((id.to_owned(), partial));
    }
    (found, problems)
}

/// `step-3` → 3.
fn step_number(field: &str) -> Option<usize> {
    let n: usize = field.strip_prefix("step-")?.parse().ok()?;
    (n >= 1 && !field.starts_with("step-0")).then_some(n)
}

/// A pattern's text, if it is plain: text and quoted literals. Lines are joined with a
/// space (a translator may wrap a long step); no-break spaces stay.
fn plain(pattern: &ast::Pattern<&str>) -> Result<String, String> {
    use ast::{Expression, InlineExpression, PatternElement};
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral { value }),
            } => text.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value)),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::NumberLiteral { value }),
            } => text.push_str(value),
            PatternElement::Placeable { .. } => {
                return Err(crate::t!("exercises-ftl-placeable"));
            }
        }
    }
    let ascii_space = |c: char| c == ' ' || c == '\t' || c == '\r';
    Ok(text
        .split('\n')
        .map(|line| line.trim_matches(ascii_space))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" "))
}

/// Line and column of the message `id` (`id =` at the start of a line).
fn message_line(text: &str, id: &str) -> Option<(usize, usize)> {
    message_offset(text, id).map(|at| super::line_column(text, at))
}

fn message_offset(text: &str, id: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(id)
            && rest.trim_start().starts_with('=')
        {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// Line and column of the attribute `field` of the message `id` (the first after it).
fn attribute_line(text: &str, id: &str, field: &str) -> Option<(usize, usize)> {
    let start = message_offset(text, id)?;
    let mut offset = start;
    for (index, line) in text.get(start..)?.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        if index > 0 && !line.starts_with([' ', '\t']) && !trimmed.is_empty() {
            // The next entry.
            break;
        }
        if let Some(rest) = trimmed
            .strip_prefix('.')
            .and_then(|r| r.strip_prefix(field))
            && rest.trim_start().starts_with('=')
        {
            let indent = line.len() - trimmed.len();
            return Some(super::line_column(text, offset + indent));
        }
        offset += line.len();
    }
    None
}

/// Whether the translated `partial` fits `exercise`: its steps exist and its texts are
/// within the limits a reminder has. The first misfit, as (field, what is expected).
fn misfit(exercise: &Exercise, partial: &Partial) -> Option<(String, String)> {
    let steps = exercise.steps.len();
    if let Some(n) = partial.steps.keys().find(|n| **n > steps) {
        return Some((
            format!("step-{n}"),
            crate::t!("exercises-ftl-no-such-step", steps = steps),
        ));
    }
    if let Some(name) = &partial.name
        && name.chars().count() > 40
    {
        return Some(("name".into(), crate::t!("exercises-error-name")));
    }
    let (dose, how, safety) = GLANCE_LIMITS;
    for (field, text, max) in [
        ("glance-dose", &partial.glance.dose, dose),
        ("glance-how", &partial.glance.how, how),
        ("glance-safety", &partial.glance.safety, safety),
    ] {
        if text.as_ref().is_some_and(|t| t.chars().count() > max) {
            return Some((
                field.into(),
                crate::t!("exercises-error-too-long", most = max),
            ));
        }
    }
    None
}

/// The user's translation `text` into `lang` (read from `path`), checked against the
/// exercises it translates. The first problem, or the translations by id.
pub(super) fn read_own(
    text: &str,
    exercises: &[Exercise],
) -> Result<Vec<(String, Partial)>, Problem> {
    let (found, problems) = parse(text);
    if let Some(problem) = problems.into_iter().next() {
        return Err(problem);
    }
    for (id, partial) in &found {
        let problem = |field: Option<String>, message: String| Problem {
            location: field
                .as_deref()
                .and_then(|f| attribute_line(text, id, f))
                .or_else(|| message_line(text, id)),
            exercise: Some(id.clone()),
            field,
            message,
        };
        let Some(exercise) = exercises.iter().find(|e| &e.id == id) else {
            return Err(problem(None, crate::t!("exercises-ftl-unknown-id")));
        };
        if let Some((field, message)) = misfit(exercise, partial) {
            return Err(problem(Some(field), message));
        }
    }
    Ok(found)
}

/// An exercise's texts in one language, every field filled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Texts {
    pub(super) name: String,
    pub(super) steps: Vec<String>,
    pub(super) safety: String,
    pub(super) glance: Glance,
}

/// Where an exercise's translations come from, and its texts per language once put
/// together. Shared by the exercise's clones.
#[derive(Clone, Default)]
pub(super) struct Local(Arc<LocalInner>);

#[derive(Default)]
struct LocalInner {
    /// The shipped translations describe this exercise: a built-in one the user has not
    /// replaced.
    shipped: bool,
    /// The user's own translations of it.
    own: Vec<(Lang, Partial)>,
    /// By language ([`Lang::ALL`]'s order), put together on first use; `None`: no
    /// translation of it in that language.
    resolved: [OnceLock<Option<Texts>>; Lang::ALL.len()],
}

impl Local {
    /// For a built-in exercise: the shipped translations apply.
    pub(super) fn shipped() -> Self {
        Self(Arc::new(LocalInner {
            shipped: true,
            ..LocalInner::default()
        }))
    }

    /// These translations with the user's `partial` for `lang` (over any they had).
    pub(super) fn with_own(&self, lang: Lang, partial: Partial) -> Self {
        let mut own: Vec<(Lang, Partial)> = self
            .0
            .own
            .iter()
            .filter(|(l, _)| *l != lang)
            .cloned()
            .collect();
        own.push((lang, partial));
        Self(Arc::new(LocalInner {
            shipped: self.0.shipped,
            own,
            resolved: Default::default(),
        }))
    }
}

impl PartialEq for Local {
    fn eq(&self, other: &Self) -> bool {
        self.0.shipped == other.0.shipped && self.0.own == other.0.own
    }
}

impl Eq for Local {}

impl fmt::Debug for Local {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Local")
            .field("shipped", &self.0.shipped)
            .field(
                "own",
                &self.0.own.iter().map(|(l, _)| l.code()).collect::<Vec<_>>(),
            )
            .finish()
    }
}

/// The shipped translations into `lang` by exercise id, parsed the first time.
fn shipped(lang: Lang) -> &'static HashMap<String, Partial> {
    static TABLES: [OnceLock<HashMap<String, Partial>>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    TABLES[index].get_or_init(|| {
        let (found, problems) = parse(shipped_source(lang));
        if !problems.is_empty() {
            // The completeness test keeps the shipped files clean.
            tracing::warn!(lang = %lang, problems = problems.len(), "exercises.ftl has problems");
        }
        found.into_iter().collect()
    })
}

impl Exercise {
    /// Its texts in the language in use; `None`: English (the language has no
    /// translation of it).
    pub(super) fn local_texts(&self) -> Option<&Texts> {
        let lang = crate::i18n::current();
        if lang == Lang::En {
            return None;
        }
        let index = Lang::ALL.iter().position(|l| *l == lang)?;
        self.local.0.resolved[index]
            .get_or_init(|| self.resolve(lang))
            .as_ref()
    }

    /// Its translations into `lang`, the user's own first, then the shipped one.
    fn layers(&self, lang: Lang) -> Vec<&Partial> {
        let own = self
            .local
            .0
            .own
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, p)| p);
        let shipped = self
            .local
            .0
            .shipped
            .then(|| shipped(lang).get(&self.id))
            .flatten();
        own.into_iter().chain(shipped).collect()
    }

    fn resolve(&self, lang: Lang) -> Option<Texts> {
        // The user's own translation first, field by field.
        let layers = self.layers(lang);
        if layers.is_empty() {
            return None;
        }
        let first =
            |field: fn(&Partial) -> Option<&String>| layers.iter().find_map(|p| field(p)).cloned();
        let steps: Vec<String> = self
            .steps
            .iter()
            .enumerate()
            .map(|(i, english)| {
                layers
                    .iter()
                    .find_map(|p| p.steps.get(&(i + 1)))
                    .unwrap_or(english)
                    .clone()
            })
            .collect();
        let translates_steps = layers.iter().any(|p| !p.steps.is_empty());
        let safety = first(|p| p.safety.as_ref());
        let english = self.glance.clone().unwrap_or_default();
        let glance = Glance {
            // Without one, the dose is worded in the language from the numbers.
            dose: first(|p| p.glance.dose.as_ref()),
            how: first(|p| p.glance.how.as_ref())
                .or_else(|| (!translates_steps).then_some(english.how).flatten()),
            safety: first(|p| p.glance.safety.as_ref())
                .or_else(|| safety.is_none().then_some(english.safety).flatten()),
        };
        Some(Texts {
            name: first(|p| p.name.as_ref()).unwrap_or_else(|| self.name.clone()),
            steps,
            safety: safety.unwrap_or_else(|| self.safety.clone()),
            glance,
        })
    }
}

/// How many of `exercise`'s text fields (as English has them) no translation into `lang`
/// gives, the user's own or the shipped one: all of them when neither translates it;
/// none in English.
#[must_use]
pub fn missing_fields(lang: Lang, exercise: &Exercise) -> usize {
    if lang == Lang::En {
        return 0;
    }
    let given: Vec<String> = exercise
        .layers(lang)
        .iter()
        .flat_map(|p| p.fields())
        .collect();
    english_fields(exercise)
        .iter()
        .filter(|field| !given.contains(field))
        .count()
}

/// What the shipped translation into `lang` lacks or has too many of against
/// `exercises` (the embedded library), and what is wrong in it: one line each, e.g.
/// `chin-tucks: step-3 is missing`. Empty for English.
#[must_use]
pub fn gaps(lang: Lang, exercises: &[Exercise]) -> Vec<String> {
    if lang == Lang::En {
        return Vec::new();
    }
    gaps_in(shipped_source(lang), exercises)
}

/// What the translation `source` lacks or has too many of against `exercises`.
fn gaps_in(source: &str, exercises: &[Exercise]) -> Vec<String> {
    let (found, problems) = parse(source);
    let mut gaps: Vec<String> = problems.iter().map(ToString::to_string).collect();
    for exercise in exercises {
        let Some((_, partial)) = found.iter().find(|(id, _)| *id == exercise.id) else {
            gaps.push(format!("{}: not translated", exercise.id));
            continue;
        };
        let theirs = partial.fields();
        let ours = english_fields(exercise);
        for field in &ours {
            if !theirs.contains(field) {
                gaps.push(format!("{}: {field} is missing", exercise.id));
            }
        }
        for field in &theirs {
            if !ours.contains(field) {
                gaps.push(format!("{}: {field} is not in English", exercise.id));
            }
        }
        if let Some((field, message)) = misfit(exercise, partial) {
            gaps.push(format!("{}: {field}: {message}", exercise.id));
        }
    }
    for (id, _) in &found {
        if !exercises.iter().any(|e| &e.id == id) {
            gaps.push(format!("{id}: no such exercise"));
        }
    }
    gaps
}

/// The fields an exercise has in English, as attribute names.
fn english_fields(exercise: &Exercise) -> Vec<String> {
    let mut fields = vec!["name".to_owned()];
    fields.extend((1..=exercise.steps.len()).map(|n| format!("step-{n}")));
    fields.push("safety".to_owned());
    if let Some(glance) = &exercise.glance {
        for (field, text) in [
            ("glance-dose", &glance.dose),
            ("glance-how", &glance.how),
            ("glance-safety", &glance.safety),
        ] {
            if text.is_some() {
                fields.push(field.to_owned());
            }
        }
    }
    fields
}

/// The English text of `field` (an attribute name) of `exercise`.
#[cfg(test)]
fn english_text<'e>(exercise: &'e Exercise, field: &str) -> Option<&'e str> {
    let glance = exercise.glance.as_ref();
    match field {
        "name" => Some(&exercise.name),
        "safety" => Some(&exercise.safety),
        "glance-dose" => glance.and_then(|g| g.dose.as_deref()),
        "glance-how" => glance.and_then(|g| g.how.as_deref()),
        "glance-safety" => glance.and_then(|g| g.safety.as_deref()),
        _ => step_number(field).and_then(|n| exercise.steps.get(n - 1).map(String::as_str)),
    }
}

#[cfg(test)]
mod tests;
