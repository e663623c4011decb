//! Chooses the one exercise a prompt suggests.
//!
//! Never one of the last few suggested, rotating through body areas (the area used least
//! recently comes next), only from what the user's preferences allow. Its memory is part of
//! the saved state, so a restart does not start the rotation over.

use serde::{Deserialize, Serialize};

use super::Preferences;
use crate::exercises::{Area, Exercise, Library};

/// How many past suggestions are remembered.
const MEMORY: usize = 16;
/// How many of the latest suggestions are never repeated (fewer if the choice is small).
const NO_REPEAT: usize = 4;

/// What the picker remembers across restarts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickerMemory {
    /// Ids of past suggestions, oldest first.
    pub recent: Vec<String>,
}

/// The exercise picker. Deterministic for a given seed, so tests can rely on it.
#[derive(Debug)]
pub struct Picker {
    memory: PickerMemory,
    rng: u64,
}

impl Picker {
    /// A picker resuming from `memory`, with its randomness seeded by `seed`.
    #[must_use]
    pub fn new(memory: PickerMemory, seed: u64) -> Self {
        Self { memory, rng: seed }
    }

    /// What to save.
    #[must_use]
    pub fn memory(&self) -> &PickerMemory {
        &self.memory
    }

    /// Choose the next exercise and remember it. Returns its id.
    ///
    /// If the preferences allow nothing (the config check prevents that), the whole
    /// library is used rather than showing no exercise.
    pub fn pick(&mut self, library: &Library, preferences: &Preferences) -> String {
        let mut allowed: Vec<&Exercise> = library
            .all()
            .iter()
            .filter(|e| preferences.allows(e))
            .collect();
        if allowed.is_empty() {
            allowed = library.all().iter().collect();
        }

        let avoid = NO_REPEAT.min(allowed.len().saturating_sub(1));
        let recent = &self.memory.recent;
        let blocked = &recent[recent.len().saturating_sub(avoid)..];
        let fresh: Vec<&Exercise> = allowed
            .iter()
            .copied()
            .filter(|e| !blocked.contains(&e.id))
            .collect();
        let pool = if fresh.is_empty() { allowed } else { fresh };

        // The area whose last suggestion lies furthest back (or never was) comes next.
        let staleness = |area: Area| -> usize {
            recent
                .iter()
                .rev()
                .position(|id| library.get(id).is_some_and(|e| e.area == area))
                .unwrap_or(usize::MAX)
        };
        let best = pool.iter().map(|e| staleness(e.area)).max().unwrap_or(0);
        let finalists: Vec<&Exercise> = pool
            .into_iter()
            .filter(|e| staleness(e.area) == best)
            .collect();

        let index = (self.next_random() % finalists.len() as u64) as usize;
        let id = finalists[index].id.clone();
        self.memory.recent.push(id.clone());
        if self.memory.recent.len() > MEMORY {
            let excess = self.memory.recent.len() - MEMORY;
            self.memory.recent.drain(..excess);
        }
        id
    }

    /// splitmix64: small, good enough to vary suggestions, and needs no crate.
    fn next_random(&mut self) -> u64 {
        self.rng = self.rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercises::Position;

    fn picks(preferences: &Preferences, seed: u64, n: usize) -> Vec<String> {
        let library = Library::embedded();
        let mut picker = Picker::new(PickerMemory::default(), seed);
        (0..n).map(|_| picker.pick(&library, preferences)).collect()
    }

    #[test]
    fn never_repeats_one_of_the_last_four() {
        for seed in 0..50 {
            let ids = picks(&Preferences::default(), seed, 60);
            for (i, id) in ids.iter().enumerate() {
                let window = &ids[i.saturating_sub(NO_REPEAT)..i];
                assert!(
                    !window.contains(id),
                    "seed {seed}: {id} repeated at {i}: {ids:?}"
                );
            }
        }
    }

    #[test]
    fn rotates_body_areas() {
        let library = Library::embedded();
        for seed in 0..50 {
            let ids = picks(&Preferences::default(), seed, 40);
            let areas: Vec<Area> = ids.iter().map(|id| library.get(id).unwrap().area).collect();
            for pair in areas.windows(2) {
                assert_ne!(pair[0], pair[1], "seed {seed}: same area twice: {areas:?}");
            }
            // Every window of four consecutive picks covers all four areas.
            for window in areas.windows(4) {
                let mut w = window.to_vec();
                w.sort();
                w.dedup();
                assert_eq!(w.len(), 4, "seed {seed}: {areas:?}");
            }
        }
    }

    #[test]
    fn respects_positions_and_exclusions() {
        let library = Library::embedded();
        let preferences = Preferences {
            positions: vec![Position::Seated],
            exclude: vec!["chin-tucks".into(), "shoulder-rolls".into()],
        };
        for seed in 0..20 {
            for id in picks(&preferences, seed, 30) {
                let e = library.get(&id).unwrap();
                assert_eq!(e.position, Position::Seated, "{id}");
                assert!(!preferences.exclude.contains(&id), "{id}");
            }
        }
    }

    #[test]
    fn a_tiny_choice_still_varies_and_never_fails() {
        let library = Library::embedded();
        let seated: Vec<String> = library
            .all()
            .iter()
            .map(|e| e.id.clone())
            .filter(|id| id != "chin-tucks" && id != "scapula-squeeze")
            .collect();
        let preferences = Preferences {
            positions: vec![Position::Seated, Position::Standing],
            exclude: seated,
        };
        let ids = picks(&preferences, 7, 6);
        for pair in ids.windows(2) {
            assert_ne!(pair[0], pair[1], "{ids:?}");
        }
        // Everything excluded: fall back to the whole library instead of failing.
        let none = Preferences {
            positions: vec![],
            exclude: vec![],
        };
        assert_eq!(picks(&none, 1, 3).len(), 3);
    }

    #[test]
    fn memory_carries_the_rotation_across_restarts() {
        let library = Library::embedded();
        let preferences = Preferences::default();
        let mut first = Picker::new(PickerMemory::default(), 3);
        let a = first.pick(&library, &preferences);
        let b = first.pick(&library, &preferences);
        let mut second = Picker::new(first.memory().clone(), 99);
        let c = second.pick(&library, &preferences);
        assert!(c != a && c != b, "{a} {b} {c}");
        assert_eq!(second.memory().recent, vec![a, b, c]);
    }

    #[test]
    fn memory_is_bounded() {
        let library = Library::embedded();
        let mut picker = Picker::new(PickerMemory::default(), 5);
        for _ in 0..100 {
            picker.pick(&library, &Preferences::default());
        }
        assert_eq!(picker.memory().recent.len(), MEMORY);
    }
}
