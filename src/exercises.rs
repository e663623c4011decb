//! The exercise library: `exercises.json`, embedded in the binary and validated on load.

use std::collections::HashSet;
use std::fmt;
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

impl fmt::Display for Dose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = match (self.reps.filter(|&r| r > 1), self.hold_secs) {
            (Some(reps), Some(hold)) => format!("{reps} reps, hold {hold} s"),
            (Some(reps), None) => format!("{reps} reps"),
            (None, Some(hold)) => format!("hold {hold} s"),
            (None, None) => "once".to_owned(),
        };
        if self.sets > 1 {
            text = format!("{} sets of {text}", self.sets);
        }
        if self.per_side {
            text.push_str(", each side");
        }
        f.write_str(&text)
    }
}

/// One exercise from the library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Stable id (kebab-case), used in config, history and state.
    pub id: String,
    /// Human name.
    pub name: String,
    /// Seated or standing.
    pub position: Position,
    /// What it needs from the room, if anything.
    pub needs: Vec<Need>,
    /// Two to five short steps.
    pub steps: Vec<String>,
    /// How much to do.
    pub dose: Dose,
    /// About how long it takes, in seconds.
    pub duration_secs: u32,
    /// The body area it serves.
    pub area: Area,
    /// When to ease off or stop.
    pub safety: String,
    /// The seed article its facts come from.
    pub source: String,
}

impl Exercise {
    /// About how long it takes.
    #[must_use]
    pub fn duration(&self) -> Duration {
        Duration::from_secs(u64::from(self.duration_secs))
    }
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

/// The validated, immutable list of exercises. Cheap to clone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Library(Arc<[Exercise]>);

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
                Ok(library) => library,
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
        validate(&file.exercises)?;
        Ok(Self(file.exercises.into()))
    }

    /// All exercises, in file order.
    #[must_use]
    pub fn all(&self) -> &[Exercise] {
        &self.0
    }

    /// The exercise with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.0.iter().find(|e| e.id == id)
    }
}

fn validate(exercises: &[Exercise]) -> Result<(), LibraryError> {
    if exercises.is_empty() {
        return Err(LibraryError::Invalid("no exercises".into()));
    }
    let mut ids = HashSet::new();
    for e in exercises {
        let at = |what: &str| LibraryError::Invalid(format!("exercise {:?}: {what}", e.id));
        let kebab = !e.id.is_empty()
            && e.id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !kebab {
            return Err(at("id must be lowercase letters, digits and '-'"));
        }
        if !ids.insert(e.id.as_str()) {
            return Err(at("id is used twice"));
        }
        if e.name.trim().is_empty() || e.safety.trim().is_empty() || e.source.trim().is_empty() {
            return Err(at("name, safety and source must not be empty"));
        }
        if !(2..=5).contains(&e.steps.len()) || e.steps.iter().any(|s| s.trim().is_empty()) {
            return Err(at("needs 2 to 5 non-empty steps"));
        }
        if !(10..=600).contains(&e.duration_secs) {
            return Err(at("duration_secs must be between 10 and 600"));
        }
        let d = &e.dose;
        let positive = |v: Option<u32>| v.is_none_or(|v| v >= 1);
        if d.sets == 0 || !positive(d.reps) || !positive(d.hold_secs) {
            return Err(at("dose values must be at least 1"));
        }
        if d.reps.is_none() && d.hold_secs.is_none() {
            return Err(at("dose needs reps or hold_secs"));
        }
        if d.hold_secs.is_some_and(|h| h > 120) || d.reps.is_some_and(|r| r > 50) {
            return Err(at(
                "dose is not a desk break (hold over 120 s or over 50 reps)",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_library_is_parsed_once_and_shared() {
        let (a, b) = (Library::embedded(), Library::embedded());
        assert!(Arc::ptr_eq(&a.0, &b.0), "one parse, shared");
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
        let seeds = [
            "000_70cbfc0314fff6db.txt",
            "001_55d9db410341a670.txt",
            "002_336e0adab018b766.txt",
            "003_69f098a32841200b.txt",
            "004_59d9eebb6a918129.txt",
        ];
        let floor_words = [
            "lie ",
            "lying",
            "floor mat",
            "hands and knees",
            "on your stomach",
        ];
        for e in Library::embedded().all() {
            assert!(
                seeds.contains(&e.source.as_str()),
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
}
