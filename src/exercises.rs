//! The exercise library: `exercises.json`, embedded in the binary and validated on load,
//! plus the user's own exercises (`exercises.json` beside the config file), which add to it
//! or replace built-ins by id.
//!
//! The texts are read in the language in use ([`crate::i18n::current`]): `Exercise::name()`,
//! `steps()`, `safety()` and the `glance_*()` parts come from the translations
//! ([`translation`]: the shipped ones, and the user's `exercises.LANG.ftl` beside their
//! `exercises.json`), field by field, English where a translation has none. The fields
//! themselves (`name`, `steps`, `safety`) are the English of the file, for what machines
//! read.

pub mod translation;

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The library shipped with deskbreak.
pub const EMBEDDED: &str = include_str!("../exercises.json");

/// Where the exercise is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Position {
    /// In the desk chair.
    Seated,
    /// Standing at or next to the desk.
    Standing,
}

impl Position {
    /// The word used in config and listings.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Position::Seated => "seated",
            Position::Standing => "standing",
        }
    }
}

/// Something in the room the exercise needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Need {
    /// A free stretch of wall.
    Wall,
    /// An open doorway.
    Doorway,
    /// A chair (usually the desk chair; some want one without arms).
    Chair,
}

impl Need {
    /// The word used in listings.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Need::Wall => "wall",
            Need::Doorway => "doorway",
            Need::Chair => "chair",
        }
    }
}

/// The body area an exercise serves; the picker rotates through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// Neck.
    Neck,
    /// Shoulders.
    Shoulders,
    /// Upper back and shoulder blades.
    UpperBack,
    /// Chest (the muscles a hunched posture shortens).
    Chest,
}

impl Area {
    /// The word used in listings.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Area::Neck => "neck",
            Area::Shoulders => "shoulders",
            Area::UpperBack => "upper back",
            Area::Chest => "chest",
        }
    }
}

/// How much of the exercise to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dose {
    /// Repetitions per set.
    pub reps: Option<u32>,
    /// Sets.
    pub sets: u32,
    /// Seconds to hold each repetition.
    pub hold_secs: Option<u32>,
    /// Done on each side (or arm) in turn.
    pub per_side: bool,
}

/// The dose in full, in the language in use: "2 sets of 8 reps, hold 5 s, each side".
impl fmt::Display for Dose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = match (self.reps.filter(|&r| r > 1), self.hold_secs) {
            (Some(reps), Some(hold)) => crate::t!("dose-reps-hold", reps = reps, seconds = hold),
            (Some(reps), None) => crate::t!("dose-reps", reps = reps),
            (None, Some(hold)) => crate::t!("dose-hold", seconds = hold),
            (None, None) => crate::t!("dose-once"),
        };
        if self.sets > 1 {
            text = crate::t!("dose-sets", sets = self.sets, dose = text);
        }
        if self.per_side {
            text = crate::t!("dose-each-side", dose = text);
        }
        f.write_str(&text)
    }
}

impl Dose {
    /// The dose in a few words, for a summary line, in the language in use:
    /// "10 × hold 5 s", "2 × 8 reps".
    #[must_use]
    pub fn short(&self) -> String {
        let reps = self.reps.filter(|&r| r > 1);
        let mut text = match (reps, self.hold_secs) {
            (Some(reps), Some(hold)) => {
                crate::t!("dose-short-reps-hold", reps = reps, seconds = hold)
            }
            (Some(reps), None) => crate::t!("dose-reps", reps = reps),
            (None, Some(hold)) => crate::t!("dose-hold", seconds = hold),
            (None, None) => crate::t!("dose-once"),
        };
        if self.sets > 1 {
            text = crate::t!("dose-short-sets", sets = self.sets, dose = text);
        }
        if self.per_side {
            text = crate::t!("dose-short-each-side", dose = text);
        }
        text
    }
}

/// What a reminder shows at a glance; each part falls back to one made from the full
/// text when it is left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Glance {
    /// The dose in a few words, e.g. "5 forward, 5 back".
    pub dose: Option<String>,
    /// One or two sentences saying how, without the dose.
    pub how: Option<String>,
    /// The safety cue, shortened.
    pub safety: Option<String>,
}

/// The longest glance dose, how and safety cue (characters): a reminder is read in five
/// seconds.
pub const GLANCE_LIMITS: (usize, usize, usize) = (28, 100, 64);

/// One exercise from the library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Stable id (kebab-case), used in config, history and state.
    pub id: String,
    /// Human name, in English; [`Exercise::name()`] gives it in the language in use.
    pub name: String,
    /// Seated or standing.
    pub position: Position,
    /// What it needs from the room, if anything.
    #[serde(default)]
    pub needs: Vec<Need>,
    /// Two to five short steps, in English; [`Exercise::steps()`] in the language in use.
    pub steps: Vec<String>,
    /// How much to do.
    pub dose: Dose,
    /// About how long it takes, in seconds.
    pub duration_secs: u32,
    /// The body area it serves.
    pub area: Area,
    /// When to ease off or stop, in English; [`Exercise::safety()`] in the language in use.
    pub safety: String,
    /// What a reminder shows at a glance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub glance: Option<Glance>,
    /// Where its facts come from (the title of the article); optional for own exercises.
    #[serde(default)]
    pub source: String,
    /// Its translations (not in the file).
    #[serde(skip)]
    local: translation::Local,
}

impl Exercise {
    /// About how long it takes.
    #[must_use]
    pub fn duration(&self) -> Duration {
        Duration::from_secs(u64::from(self.duration_secs))
    }

    /// Its name in the language in use.
    #[must_use]
    pub fn name(&self) -> &str {
        self.local_texts().map_or(&self.name, |t| &t.name)
    }

    /// Its steps in the language in use.
    #[must_use]
    pub fn steps(&self) -> &[String] {
        self.local_texts().map_or(&self.steps, |t| &t.steps)
    }

    /// Its safety cue in the language in use.
    #[must_use]
    pub fn safety(&self) -> &str {
        self.local_texts().map_or(&self.safety, |t| &t.safety)
    }

    fn glance_part(&self, part: impl Fn(&Glance) -> &Option<String>) -> Option<&str> {
        let glance = match self.local_texts() {
            Some(texts) => Some(&texts.glance),
            None => self.glance.as_ref(),
        };
        glance
            .and_then(|g| part(g).as_deref())
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    /// The dose in a few words.
    #[must_use]
    pub fn glance_dose(&self) -> String {
        self.glance_part(|g| &g.dose)
            .map_or_else(|| self.dose.short(), str::to_owned)
    }

    /// How to do it in one or two sentences.
    #[must_use]
    pub fn glance_how(&self) -> String {
        if let Some(how) = self.glance_part(|g| &g.how) {
            return how.to_owned();
        }
        // The first step sets up; the second says the move. Both if they fit.
        let both = self
            .steps()
            .iter()
            .take(2)
            .map(|s| s.trim())
            .collect::<Vec<_>>()
            .join(" ");
        shorten(&both, GLANCE_LIMITS.1)
    }

    /// The safety cue, shortened.
    #[must_use]
    pub fn glance_safety(&self) -> String {
        if let Some(safety) = self.glance_part(|g| &g.safety) {
            return safety.to_owned();
        }
        shorten(self.safety().trim(), GLANCE_LIMITS.2)
    }
}

/// `text` cut at a word boundary to at most `max` characters, with "…" if cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let trimmed = out.trim_end_matches([',', ';', ':', '.']).to_owned();
    format!("{trimmed}…")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    exercises: Vec<Exercise>,
}

/// Why a library was rejected.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// Not valid JSON or not the expected shape.
    #[error("exercise library is not valid: {0}")]
    Parse(#[from] serde_json::Error),
    /// Parsed, but breaks a rule.
    #[error("exercise library: {0}")]
    Invalid(String),
}

/// Why the user's own exercises file was rejected: the file, the place, the exercise
/// and the field, and what is expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line and column, when the problem has a place.
    pub location: Option<(usize, usize)>,
    /// The id of the exercise at fault (or its position in the list when it has no id).
    pub exercise: Option<String>,
    /// The field, e.g. `dose.reps`.
    pub field: Option<String>,
    /// What is wrong and what is expected.
    pub message: String,
}

impl fmt::Display for OwnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, column)) = self.location {
            write!(f, ":{line}:{column}")?;
        }
        if let Some(exercise) = &self.exercise {
            write!(
                f,
                ": {}",
                crate::t!("exercises-error-exercise", exercise = exercise.as_str())
            )?;
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for OwnError {}

/// The own exercises file is read only up to this size: it is a short list.
const MAX_OWN_FILE: u64 = 1024 * 1024;

/// The validated, immutable list of exercises. Cheap to clone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Library {
    exercises: Arc<[Exercise]>,
    /// Ids that come from the user's own file (new ones and replaced built-ins).
    own: Arc<[String]>,
}

impl Library {
    /// The library embedded in the binary, parsed on first use only (later calls share
    /// it).
    ///
    /// # Panics
    /// Never in a released binary: the embedded file is checked by a unit test.
    #[must_use]
    pub fn embedded() -> Self {
        static EMBEDDED_LIBRARY: OnceLock<Library> = OnceLock::new();
        EMBEDDED_LIBRARY
            .get_or_init(|| match Self::parse(EMBEDDED) {
                Ok(library) => {
                    let mut exercises = library.exercises.to_vec();
                    for exercise in &mut exercises {
                        exercise.local = translation::Local::shipped();
                    }
                    Self {
                        exercises: exercises.into(),
                        ..library
                    }
                }
                // The file is compiled in and covered by `embedded_library_is_valid`.
                Err(err) => panic!("embedded exercises.json is invalid: {err}"),
            })
            .clone()
    }

    /// Parse and validate a library.
    pub fn parse(text: &str) -> Result<Self, LibraryError> {
        let file: File = serde_json::from_str(text)?;
        if file.version != 1 {
            return Err(LibraryError::Invalid(format!(
                "version {} is not supported (expected 1)",
                file.version
            )));
        }
        if file.exercises.is_empty() {
            return Err(LibraryError::Invalid("no exercises".into()));
        }
        validate(&file.exercises).map_err(|(id, field, message)| {
            LibraryError::Invalid(format!("exercise {id:?}: {field}: {message}"))
        })?;
        Ok(Self {
            exercises: file.exercises.into(),
            own: Arc::new([]),
        })
    }

    /// The embedded library with the user's own exercises from `path` added (an own
    /// exercise with a built-in id replaces that one), and their translations from
    /// `exercises.LANG.ftl` beside it ([`translation::own_path`]). A missing file adds
    /// nothing.
    pub fn load(path: &Path) -> Result<Self, OwnError> {
        let error = |path: &Path, message: String| OwnError {
            path: path.to_owned(),
            location: None,
            exercise: None,
            field: None,
            message,
        };
        let mut library = match read_small_file(path, &crate::t!("exercises-expected-json")) {
            Ok(Some(text)) => Self::embedded().with_own(&text, path)?,
            Ok(None) => Self::embedded(),
            Err(message) => return Err(error(path, message)),
        };
        for lang in crate::i18n::Lang::ALL {
            if lang == crate::i18n::Lang::En {
                continue;
            }
            let file = translation::own_path(path, lang);
            match read_small_file(&file, &crate::t!("exercises-expected-ftl")) {
                Ok(Some(text)) => library = library.with_translation(lang, &text, &file)?,
                Ok(None) => {}
                Err(message) => return Err(error(&file, message)),
            }
        }
        Ok(library)
    }

    /// This library with the user's translation into `lang` in `text` added (over the
    /// shipped one, field by field); `path` names the file in errors.
    pub fn with_translation(
        &self,
        lang: crate::i18n::Lang,
        text: &str,
        path: &Path,
    ) -> Result<Self, OwnError> {
        let found = translation::read_own(text, &self.exercises).map_err(|p| OwnError {
            path: path.to_owned(),
            location: p.location,
            exercise: p.exercise.map(|id| format!("{id:?}")),
            field: p.field,
            message: p.message,
        })?;
        let mut exercises = self.exercises.to_vec();
        for (id, partial) in found {
            if let Some(exercise) = exercises.iter_mut().find(|e| e.id == id) {
                exercise.local = exercise.local.with_own(lang, partial);
            }
        }
        Ok(Self {
            exercises: exercises.into(),
            own: self.own.clone(),
        })
    }

    /// This library with the own exercises in `text` added; `path` names the file in
    /// errors.
    pub fn with_own(&self, text: &str, path: &Path) -> Result<Self, OwnError> {
        let own = parse_own(text, path)?;
        let mut exercises: Vec<Exercise> = self.exercises.to_vec();
        let mut ids: Vec<String> = self.own.to_vec();
        for exercise in own {
            match exercises.iter_mut().find(|e| e.id == exercise.id) {
                Some(slot) => *slot = exercise.clone(),
                None => exercises.push(exercise.clone()),
            }
            if !ids.contains(&exercise.id) {
                ids.push(exercise.id);
            }
        }
        Ok(Self {
            exercises: exercises.into(),
            own: ids.into(),
        })
    }

    /// All exercises: the built-in ones in file order (replaced ones in place), then the
    /// user's new ones.
    #[must_use]
    pub fn all(&self) -> &[Exercise] {
        &self.exercises
    }

    /// The exercise with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// Whether the exercise with this id comes from the user's own file.
    #[must_use]
    pub fn is_own(&self, id: &str) -> bool {
        self.own.iter().any(|own| own == id)
    }
}

/// Read a regular file of at most [`MAX_OWN_FILE`] bytes (`kind` says what is expected
/// in errors); `None` if it does not exist. Through the one safe read
/// ([`crate::store::read_regular`]): a FIFO or a device there is refused without blocking.
fn read_small_file(path: &Path, kind: &str) -> Result<Option<String>, String> {
    use crate::store::ReadError;
    let bytes = match crate::store::read_regular(path, MAX_OWN_FILE) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Ok(None),
        Err(ReadError::TooLarge { .. }) => {
            return Err(crate::t!("exercises-error-too-large"));
        }
        Err(ReadError::NotRegular { kind: found, .. }) => {
            return Err(crate::t!(
                "exercises-error-not-regular",
                found = found.words(),
                expected = kind
            ));
        }
        Err(err) => return Err(crate::t!("config-cannot-read", error = err.reason())),
    };
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| crate::t!("exercises-error-not-utf8", expected = kind))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OwnFile {
    #[serde(default = "one")]
    version: u32,
    exercises: Vec<Exercise>,
}

fn one() -> u32 {
    1
}

fn parse_own(text: &str, path: &Path) -> Result<Vec<Exercise>, OwnError> {
    let error = |location, exercise, field, message| OwnError {
        path: path.to_owned(),
        location,
        exercise,
        field,
        message,
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let file: OwnFile = match serde_path_to_error::deserialize(&mut deserializer) {
        Ok(file) => file,
        Err(err) => {
            let (index, field) = split_path(&err.path().to_string());
            let inner = err.into_inner();
            let location = (inner.line() > 0).then(|| (inner.line(), inner.column()));
            let exercise = index.map(|i| exercise_label(text, i));
            let message = inner.to_string();
            // serde_json appends " at line L column C"; the location says it already.
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m);
            let message = crate::config::serde_words(message);
            return Err(error(location, exercise, field, message));
        }
    };
    if file.version != 1 {
        return Err(error(
            find_key(text, 0, "version"),
            None,
            Some("version".into()),
            crate::t!("exercises-error-version", version = file.version),
        ));
    }
    let mut seen = HashSet::new();
    for exercise in &file.exercises {
        let at = |field: &str| find_field(text, &exercise.id, field);
        if !seen.insert(exercise.id.as_str()) {
            let second = nth_id(text, &exercise.id, 1);
            return Err(error(
                second,
                Some(format!("{:?}", exercise.id)),
                Some("id".into()),
                crate::t!("exercises-error-id-twice-in-file"),
            ));
        }
        if let Err((_, field, message)) = validate_one(exercise) {
            return Err(error(
                at(field.split('.').next_back().unwrap_or(field)),
                Some(format!("{:?}", exercise.id)),
                Some(field.to_owned()),
                message,
            ));
        }
    }
    Ok(file.exercises)
}

/// `exercises[2].dose.reps` → (Some(2), Some("dose.reps")).
fn split_path(path: &str) -> (Option<usize>, Option<String>) {
    let Some(rest) = path.strip_prefix("exercises[") else {
        return (
            None,
            (path != "." && !path.is_empty()).then(|| path.to_owned()),
        );
    };
    let Some((index, field)) = rest.split_once(']') else {
        return (None, None);
    };
    let field = field.trim_start_matches('.');
    (
        index.parse().ok(),
        (!field.is_empty()).then(|| field.to_owned()),
    )
}

/// The id of the `index`-th exercise in `text` if it has one, else its position.
fn exercise_label(text: &str, index: usize) -> String {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| {
            v["exercises"][index]["id"]
                .as_str()
                .map(|id| format!("{id:?}"))
        })
        .unwrap_or_else(|| crate::t!("exercises-error-position", number = index + 1))
}

/// Line and column of the `n`-th (0-based) `"id": "<id>"` in `text`.
fn nth_id(text: &str, id: &str, n: usize) -> Option<(usize, usize)> {
    let quoted = format!("\"{id}\"");
    let mut from = 0;
    let mut count = 0;
    while let Some(at) = text.get(from..)?.find(&quoted) {
        let at = from + at;
        let before = text.get(..at)?.trim_end();
        if before.ends_with(':') && before.trim_end_matches(':').trim_end().ends_with("\"id\"") {
            if count == n {
                return Some(line_column(text, at));
            }
            count += 1;
        }
        from = at + quoted.len();
    }
    None
}

/// Line and column of key `"field"` in the exercise with `id` (the first after its id).
fn find_field(text: &str, id: &str, field: &str) -> Option<(usize, usize)> {
    let (line, column) = nth_id(text, id, 0)?;
    let start = offset_of(text, line, column)?;
    // The object's start: the last `{` before its id.
    let object = text.get(..start)?.rfind('{')?;
    find_key(text, object, field).or(Some((line, column)))
}

fn find_key(text: &str, from: usize, key: &str) -> Option<(usize, usize)> {
    let quoted = format!("\"{key}\"");
    let at = from + text.get(from..)?.find(&quoted)?;
    Some(line_column(text, at))
}

fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let chars = text.get(line_start..)?.char_indices().nth(column - 1)?.0;
    Some(line_start + chars)
}

/// 1-based line and column of byte offset `at`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// (exercise id, field, what is expected)
type Invalid = (String, &'static str, String);

fn validate(exercises: &[Exercise]) -> Result<(), Invalid> {
    let mut ids = HashSet::new();
    for e in exercises {
        validate_one(e)?;
        if !ids.insert(e.id.as_str()) {
            return Err((e.id.clone(), "id", crate::t!("exercises-error-id-twice")));
        }
    }
    Ok(())
}

fn validate_one(e: &Exercise) -> Result<(), Invalid> {
    let bad = |field: &'static str, message: String| Err((e.id.clone(), field, message));
    let kebab = !e.id.is_empty()
        && e.id.len() <= 64
        && e.id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !kebab {
        return bad("id", crate::t!("exercises-error-id"));
    }
    if e.id == crate::pictures::OWN {
        return bad("id", crate::t!("exercises-error-id-reserved"));
    }
    if e.name.trim().is_empty() || e.name.chars().count() > 40 {
        return bad("name", crate::t!("exercises-error-name"));
    }
    if e.safety.trim().is_empty() {
        return bad("safety", crate::t!("exercises-error-safety"));
    }
    if !(2..=5).contains(&e.steps.len()) || e.steps.iter().any(|s| s.trim().is_empty()) {
        return bad("steps", crate::t!("exercises-error-steps"));
    }
    if !(10..=600).contains(&e.duration_secs) {
        return bad("duration_secs", crate::t!("exercises-error-duration"));
    }
    let d = &e.dose;
    let positive = |v: Option<u32>| v.is_none_or(|v| v >= 1);
    if d.sets == 0 || d.sets > 5 {
        return bad("dose.sets", crate::t!("exercises-error-sets"));
    }
    if !positive(d.reps) || d.reps.is_some_and(|r| r > 50) {
        return bad("dose.reps", crate::t!("exercises-error-reps"));
    }
    if !positive(d.hold_secs) || d.hold_secs.is_some_and(|h| h > 120) {
        return bad("dose.hold_secs", crate::t!("exercises-error-hold"));
    }
    if d.reps.is_none() && d.hold_secs.is_none() {
        return bad("dose", crate::t!("exercises-error-dose"));
    }
    if let Some(g) = &e.glance {
        let (dose, how, safety) = GLANCE_LIMITS;
        let long = |text: &Option<String>, max: usize| {
            text.as_ref().is_some_and(|t| t.chars().count() > max)
        };
        if long(&g.dose, dose) {
            return bad(
                "glance.dose",
                crate::t!("exercises-error-too-long", most = dose),
            );
        }
        if long(&g.how, how) {
            return bad(
                "glance.how",
                crate::t!("exercises-error-too-long", most = how),
            );
        }
        if long(&g.safety, safety) {
            return bad(
                "glance.safety",
                crate::t!("exercises-error-too-long", most = safety),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The articles the built-in exercises' facts come from, by title.
    const SOURCES: [&str; 5] = [
        "Upper back pain in four methods: stretching, strengthening, lifestyle and treatment",
        "Best 10 Upper Back Pain Exercises",
        "5 Stretches and 5 Exercises for Instant Upper Back Pain Relief",
        "Stretches and Exercises to Help Ease and Prevent Upper Back Pain",
        "How To Get Rid of Upper Back Pain",
    ];

    #[test]
    fn the_embedded_library_is_parsed_once_and_shared() {
        let (a, b) = (Library::embedded(), Library::embedded());
        assert!(Arc::ptr_eq(&a.exercises, &b.exercises), "one parse, shared");
    }

    #[test]
    fn embedded_library_is_valid() {
        let library = Library::parse(EMBEDDED).expect("embedded library parses");
        assert!(library.all().len() >= 12, "at least 12 exercises");
    }

    #[test]
    fn embedded_library_covers_what_the_product_promises() {
        let library = Library::embedded();
        for id in [
            "shoulder-rolls",
            "scapula-squeeze",
            "seated-thoracic-extension",
        ] {
            assert!(library.get(id).is_some(), "{id} is in the library");
        }
        for area in [Area::Neck, Area::Shoulders, Area::UpperBack, Area::Chest] {
            assert!(
                library.all().iter().any(|e| e.area == area),
                "{area:?} is served"
            );
        }
        for position in [Position::Seated, Position::Standing] {
            assert!(
                library
                    .all()
                    .iter()
                    .filter(|e| e.position == position)
                    .count()
                    >= 3
            );
        }
    }

    #[test]
    fn embedded_library_is_desk_friendly_and_sourced() {
        let floor_words = [
            "lie ",
            "lying",
            "floor mat",
            "hands and knees",
            "on your stomach",
        ];
        for e in Library::embedded().all() {
            assert!(
                SOURCES.contains(&e.source.as_str()),
                "{}: unknown source",
                e.id
            );
            let text = e.steps.join(" ").to_lowercase();
            for word in floor_words {
                assert!(!text.contains(word), "{}: mentions {word:?}", e.id);
            }
            assert!(
                e.steps.iter().all(|s| s.len() <= 140),
                "{}: long step",
                e.id
            );
            assert!(e.glance.is_some(), "{}: has a hand-written glance", e.id);
        }
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let mut file: serde_json::Value = serde_json::from_str(EMBEDDED).unwrap();
        let first = file["exercises"][0].clone();
        file["exercises"].as_array_mut().unwrap().push(first);
        let err = Library::parse(&file.to_string()).unwrap_err();
        assert!(err.to_string().contains("used twice"), "{err}");
    }

    #[test]
    fn bad_exercises_are_rejected_with_a_reason() {
        let cases: [(&str, serde_json::Value, &str); 5] = [
            ("steps", serde_json::json!([]), "2 to 5"),
            (
                "steps",
                serde_json::json!(["a", "b", "c", "d", "e", "f"]),
                "2 to 5",
            ),
            ("duration_secs", serde_json::json!(0), "duration_secs"),
            (
                "dose",
                serde_json::json!({"reps": null, "sets": 1, "hold_secs": null, "per_side": false}),
                "reps or hold_secs",
            ),
            ("position", serde_json::json!("lying"), "unknown variant"),
        ];
        for (field, value, expected) in cases {
            let mut file: serde_json::Value = serde_json::from_str(EMBEDDED).unwrap();
            file["exercises"][0][field] = value;
            let err = Library::parse(&file.to_string()).unwrap_err().to_string();
            assert!(err.contains(expected), "{field}: {err}");
        }
    }

    #[test]
    fn dose_reads_naturally() {
        let dose = |reps, sets, hold_secs, per_side| Dose {
            reps,
            sets,
            hold_secs,
            per_side,
        };
        assert_eq!(
            dose(Some(10), 1, Some(5), false).to_string(),
            "10 reps, hold 5 s"
        );
        assert_eq!(
            dose(Some(5), 2, None, false).to_string(),
            "2 sets of 5 reps"
        );
        assert_eq!(
            dose(Some(1), 1, Some(15), true).to_string(),
            "hold 15 s, each side"
        );
        assert_eq!(dose(Some(4), 1, None, false).to_string(), "4 reps");
        assert_eq!(
            dose(Some(8), 2, Some(5), false).to_string(),
            "2 sets of 8 reps, hold 5 s"
        );
    }

    fn own(text: &str) -> Result<Library, OwnError> {
        Library::embedded().with_own(text, Path::new("/cfg/exercises.json"))
    }

    const OWN_OK: &str = r#"{
  "version": 1,
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

    #[test]
    fn own_exercises_add_to_the_library_and_replace_built_ins_by_id() {
        let library = own(OWN_OK).unwrap();
        let embedded = Library::embedded();
        assert_eq!(library.all().len(), embedded.all().len() + 1);
        let added = library.get("desk-push-ups").unwrap();
        assert!(library.is_own("desk-push-ups"));
        assert_eq!(added.glance_dose(), "10 reps");
        assert!(
            added.glance_how().starts_with("Put both hands"),
            "{}",
            added.glance_how()
        );
        assert!(added.glance_how().chars().count() <= GLANCE_LIMITS.1);
        let replaced = library.get("chin-tucks").unwrap();
        assert_eq!(replaced.name, "Gentle chin tucks");
        assert!(library.is_own("chin-tucks"));
        assert!(!library.is_own("shoulder-rolls"));
        // Replaced in place: the built-in order is kept.
        let position = |l: &Library| l.all().iter().position(|e| e.id == "chin-tucks");
        assert_eq!(position(&library), position(&embedded));
    }

    #[test]
    fn an_own_mistake_names_file_line_column_exercise_and_field() {
        let text = OWN_OK.replace(r#""reps": 10,"#, r#""reps": "ten","#);
        let e = own(&text).unwrap_err().to_string();
        assert_eq!(
            e,
            "/cfg/exercises.json:12:29: exercise \"desk-push-ups\": dose.reps: \
             invalid type: string \"ten\", expected u32"
        );
        let text = OWN_OK.replace(r#""position": "standing""#, r#""position": "lying""#);
        let e = own(&text).unwrap_err().to_string();
        assert!(
            e.starts_with("/cfg/exercises.json:7:25: exercise \"desk-push-ups\": position: unknown variant `lying`"),
            "{e}"
        );
        let text = OWN_OK.replace(r#""duration_secs": 40"#, r#""duration_secs": 4000"#);
        let e = own(&text).unwrap_err().to_string();
        assert_eq!(
            e,
            "/cfg/exercises.json:13:7: exercise \"desk-push-ups\": duration_secs: \
             expected a number of seconds from 10 to 600"
        );
        let text = OWN_OK.replace(
            r#""area": "chest","#,
            r#""area": "chest", "colour": "red","#,
        );
        let e = own(&text).unwrap_err().to_string();
        assert!(
            e.contains("exercise \"desk-push-ups\": colour: unknown key: expected one of id, "),
            "{e}"
        );
        let text = OWN_OK.replace("\"id\": \"chin-tucks\"", "\"id\": \"desk-push-ups\"");
        let e = own(&text).unwrap_err().to_string();
        assert!(
            e.starts_with(
                "/cfg/exercises.json:18:13: exercise \"desk-push-ups\": id: is used twice"
            ),
            "{e}"
        );
        let e = own("{\"exercises\": [").unwrap_err().to_string();
        assert_eq!(
            e,
            "/cfg/exercises.json:1:15: exercises: EOF while parsing a list"
        );
    }

    #[test]
    fn a_missing_own_file_is_the_embedded_library_an_odd_one_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            Library::load(&dir.path().join("exercises.json")).unwrap(),
            Library::embedded()
        );
        let e = Library::load(dir.path()).unwrap_err().to_string();
        assert!(e.contains("not a regular file"), "{e}");
        let fifo = dir.path().join("fifo.json");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
        )
        .unwrap();
        let e = Library::load(&fifo).unwrap_err().to_string();
        assert!(e.contains("not a regular file"), "{e}");
        let big = dir.path().join("big.json");
        std::fs::write(&big, vec![b' '; 2 * 1024 * 1024]).unwrap();
        assert!(
            Library::load(&big)
                .unwrap_err()
                .to_string()
                .contains("1 MiB")
        );
    }

    #[test]
    fn glance_falls_back_to_a_short_form_of_the_full_text() {
        assert_eq!(shorten("a b c", 10), "a b c");
        let cut = shorten("one two three four five six seven", 16);
        assert!(cut.chars().count() <= 16 && cut.ends_with('…'), "{cut}");
        let dose = Dose {
            reps: Some(10),
            sets: 2,
            hold_secs: Some(5),
            per_side: true,
        };
        assert_eq!(dose.short(), "2 × 10 × hold 5 s each side");
    }
}
