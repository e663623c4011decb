//! Bad files and odd inputs, property-based: the config parser, the exercise library
//! loader, the history reader (and `stats` over what it reads), and the break engine's
//! public API. None may panic; every rejection must explain itself.
//!
//! Each property runs a bounded number of cases on its own thread with a deadline, so a
//! hang fails the test instead of stalling CI. Set `PROPTEST_CASES` to run more (or fewer)
//! cases; proptest prints the failing input (shrunk) and its seed on failure.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::{FixedOffset, TimeZone};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config as RunnerConfig, TestCaseError, TestRunner};

use deskbreak::config::{Config, ConfigError, DEFAULT_TOML};
use deskbreak::engine::micro::MicroRules;
use deskbreak::engine::{
    Action, Activity, Answer, Engine, Input, Moment, PhaseKind, PickerMemory, Preferences,
    PromptId, Rules, Snapshot,
};
use deskbreak::exercises::{EMBEDDED, Library, LibraryError, Position};
use deskbreak::store::history;

/// How long one property may run before the test fails as hung.
const DEADLINE: Duration = Duration::from_secs(60);

/// Cases per property: a few thousand by default, `PROPTEST_CASES` overrides.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Run `body` on its own thread and fail if it does not finish within [`DEADLINE`].
fn bounded(name: &str, body: impl FnOnce() + Send + 'static) {
    let (done, finished) = mpsc::channel();
    let started = Instant::now();
    let thread = std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            body();
            let _ = done.send(());
        })
        .expect("cannot start the property thread");
    match finished.recv_timeout(DEADLINE) {
        Ok(()) => {
            let _ = thread.join();
            eprintln!("{name}: done in {:.1?}", started.elapsed());
        }
        // The thread panicked (a failed property): re-raise its panic here.
        Err(mpsc::RecvTimeoutError::Disconnected) => match thread.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => unreachable!("the thread ended without reporting"),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{name}: still running after {DEADLINE:?}; a parser or the engine hangs")
        }
    }
}

/// Run a property over `strategy` for `cases` cases; panic with proptest's report.
fn check<S: Strategy>(
    name: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let mut runner = TestRunner::new(RunnerConfig {
        cases,
        failure_persistence: None,
        max_shrink_iters: 2048,
        ..RunnerConfig::default()
    });
    if let Err(err) = runner.run(&strategy, test) {
        panic!("{name}: {err}");
    }
}

// ---------------------------------------------------------------------------------------
// Text mutations, shared by the config and library properties.

/// One edit to a file's bytes.
#[derive(Clone, Debug)]
enum Mutation {
    /// Overwrite one byte.
    Byte(Index, u8),
    /// Insert a snippet.
    Insert(Index, String),
    /// Delete a run of bytes.
    Delete(Index, usize),
    /// Swap two lines.
    SwapLines(Index, Index),
    /// Repeat a line.
    DuplicateLine(Index),
    /// Drop a line.
    DropLine(Index),
    /// Replace what follows the first `=` or `:` on a line (a TOML or JSON value).
    ReplaceValue(Index, String),
    /// Cut the file short.
    Truncate(Index),
}

fn mutation(values: &'static [&'static str]) -> impl Strategy<Value = Mutation> {
    let value = prop_oneof![
        4 => prop::sample::select(values).prop_map(str::to_owned),
        1 => any::<String>(),
    ];
    prop_oneof![
        3 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Byte(i, b)),
        2 => (any::<Index>(), value.clone()).prop_map(|(i, s)| Mutation::Insert(i, s)),
        2 => (any::<Index>(), 1..40usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        1 => any::<Index>().prop_map(Mutation::DuplicateLine),
        1 => any::<Index>().prop_map(Mutation::DropLine),
        4 => (any::<Index>(), value).prop_map(|(i, s)| Mutation::ReplaceValue(i, s)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn split_lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect()
}

fn apply(original: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for m in mutations {
        match m {
            Mutation::Byte(i, b) if !bytes.is_empty() => {
                let at = i.index(bytes.len());
                bytes[at] = *b;
            }
            Mutation::Insert(i, s) => {
                let at = i.index(bytes.len() + 1);
                bytes.splice(at..at, s.bytes());
            }
            Mutation::Delete(i, n) if !bytes.is_empty() => {
                let at = i.index(bytes.len());
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::Truncate(i) => {
                let at = i.index(bytes.len() + 1);
                bytes.truncate(at);
            }
            Mutation::SwapLines(a, b) => {
                let mut lines = split_lines(&bytes);
                let (a, b) = (a.index(lines.len()), b.index(lines.len()));
                lines.swap(a, b);
                bytes = lines.join(&b'\n');
            }
            Mutation::DuplicateLine(i) => {
                let mut lines = split_lines(&bytes);
                let at = i.index(lines.len());
                lines.insert(at, lines[at].clone());
                bytes = lines.join(&b'\n');
            }
            Mutation::DropLine(i) => {
                let mut lines = split_lines(&bytes);
                lines.remove(i.index(lines.len()));
                bytes = lines.join(&b'\n');
            }
            Mutation::ReplaceValue(i, value) => {
                let mut lines = split_lines(&bytes);
                // Only lines with a value; pick among them.
                let with_value: Vec<usize> = (0..lines.len())
                    .filter(|&n| lines[n].iter().any(|b| matches!(b, b'=' | b':')))
                    .collect();
                if with_value.is_empty() {
                    continue;
                }
                let n = with_value[i.index(with_value.len())];
                let line = &mut lines[n];
                let eq = line
                    .iter()
                    .position(|b| matches!(b, b'=' | b':'))
                    .expect("filtered on it");
                line.truncate(eq + 1);
                line.push(b' ');
                line.extend_from_slice(value.as_bytes());
                bytes = lines.join(&b'\n');
            }
            Mutation::Byte(..) | Mutation::Delete(..) => {}
        }
    }
    bytes
}

// ---------------------------------------------------------------------------------------
// Config.

/// Values a config key might be given by mistake (or on purpose).
const TOML_VALUES: &[&str] = &[
    "\"45m\"",
    "\"0s\"",
    "\"1s\"",
    "\"999ms\"",
    "\"1500ms\"",
    "\"24h\"",
    "\"24h 1s\"",
    "\"1h 30m\"",
    "\"3d\"",
    "\"soon\"",
    "\"\"",
    "\" 5m \"",
    "\"18446744073709551615s\"",
    "\"99999999999999999999999h\"",
    "\"584942417355y\"",
    "\"1ns\"",
    "\"-5m\"",
    "45",
    "-1",
    "0",
    "20",
    "21",
    "4294967296",
    "99999999999999999999",
    "3.5",
    "nan",
    "inf",
    "true",
    "[]",
    "[\"seated\"]",
    "[\"standing\", \"standing\"]",
    "[\"lying\"]",
    "[\"chin-tucks\"]",
    "[\"nope\"]",
    "[1, 2]",
    "{}",
    "{ interval = \"5m\" }",
    "\"x11\"",
    "\"none\"",
    "\"auto\"",
    "\"kde\"",
    "1979-05-27T07:32:00Z",
    "'''multi\nline'''",
    "\"\\u0000\"",
    "\"\\uD800\"",
    "[breaks]",
    "[[breaks]]",
    "[exercises]\nexclude = [\"shoulder-rolls\"]",
    "#",
    "=",
    "\"",
];

const CONFIG_PATH: &str = "/fuzz/home/.config/deskbreak/config.toml";

/// A rejection must name the file, and its place when it has one, and say what is wrong.
fn explains_itself(text: &str, path: &Path, err: &ConfigError) -> Result<(), TestCaseError> {
    let shown = err.to_string();
    let path = path.display().to_string();
    prop_assert!(
        !err.message.trim().is_empty(),
        "empty message: {shown:?} for {text:?}"
    );
    match err.location {
        Some((line, column)) => {
            let prefix = format!("{path}:{line}:{column}: ");
            prop_assert!(
                shown.starts_with(&prefix),
                "{shown:?} should start with {prefix:?}"
            );
            let lines = text.split('\n').count();
            prop_assert!(
                (1..=lines).contains(&line),
                "line {line} outside the file's {lines} lines: {shown:?} for {text:?}"
            );
            let width = text
                .split('\n')
                .nth(line - 1)
                .map_or(0, |l| l.chars().count());
            prop_assert!(
                (1..=width + 1).contains(&column),
                "column {column} outside line {line} ({width} chars): {shown:?} for {text:?}"
            );
        }
        None => prop_assert!(
            shown.starts_with(&format!("{path}: ")),
            "{shown:?} should start with the path {path:?}"
        ),
    }
    if let Some(key) = &err.key {
        prop_assert!(!key.is_empty() && shown.contains(key.as_str()), "{shown:?}");
    }
    Ok(())
}

/// An accepted config is within the documented ranges.
fn within_ranges(config: &Config) -> Result<(), TestCaseError> {
    let (second, day) = (Duration::from_secs(1), Duration::from_secs(24 * 3600));
    let r = &config.rules;
    prop_assert!((second..=day).contains(&r.interval), "{r:?}");
    prop_assert!((second..=day).contains(&r.snooze), "{r:?}");
    prop_assert!((second..=day).contains(&r.natural_break), "{r:?}");
    prop_assert!(r.max_snoozes <= 20, "{r:?}");
    prop_assert!(
        r.renotify.is_none_or(|d| (second..=day).contains(&d)),
        "{r:?}"
    );
    prop_assert!(!config.preferences.positions.is_empty());
    let library = Library::embedded();
    prop_assert!(
        library.all().iter().any(|e| config.preferences.allows(e)),
        "an accepted config leaves no exercise: {config:?}"
    );
    Ok(())
}

fn parse_and_check(text: &str) -> Result<(), TestCaseError> {
    let path = Path::new(CONFIG_PATH);
    match Config::parse(text, path) {
        Ok(config) => within_ranges(&config),
        Err(err) => explains_itself(text, path, &err),
    }
}

#[test]
fn config_parser_survives_arbitrary_text() {
    bounded("config: arbitrary text", || {
        check(
            "config: arbitrary text",
            cases(2000),
            any::<String>(),
            |text| parse_and_check(&text),
        );
    });
}

#[test]
fn config_parser_survives_toml_shaped_text() {
    bounded("config: toml-shaped text", || {
        let table = prop::sample::select(
            &[
                "[breaks]",
                "[activity]",
                "[exercises]",
                "[brakes]",
                "[breaks.x]",
                "",
            ][..],
        );
        let key = prop::sample::select(
            &[
                "interval",
                "snooze",
                "max_snoozes",
                "renotify",
                "backend",
                "natural_break",
                "positions",
                "exclude",
                "breaks.interval",
                "exercises.exclude",
                "intervall",
                "\"interval\"",
            ][..],
        );
        let line = (key, prop::sample::select(TOML_VALUES))
            .prop_map(|(key, value)| format!("{key} = {value}"));
        let section = (table, prop::collection::vec(line, 0..5))
            .prop_map(|(table, lines)| format!("{table}\n{}\n", lines.join("\n")));
        check(
            "config: toml-shaped text",
            cases(3000),
            prop::collection::vec(section, 0..4).prop_map(|s| s.concat()),
            |text| parse_and_check(&text),
        );
    });
}

#[test]
fn config_parser_survives_mutations_of_the_default_file() {
    bounded("config: mutated default.toml", || {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config.toml");
        check(
            "config: mutated default.toml",
            cases(3000),
            prop::collection::vec(mutation(TOML_VALUES), 1..6),
            |mutations| {
                let bytes = apply(DEFAULT_TOML.as_bytes(), &mutations);
                // Through the file, as the daemon reads it: invalid UTF-8 included.
                std::fs::write(&path, &bytes).expect("write the config");
                match Config::load(&path) {
                    Ok(config) => within_ranges(&config)?,
                    Err(err) => {
                        let text = String::from_utf8_lossy(&bytes);
                        explains_itself(&text, &path, &err)?;
                    }
                }
                // And the text itself, when it is text.
                if let Ok(text) = std::str::from_utf8(&bytes) {
                    parse_and_check(text)?;
                }
                Ok(())
            },
        );
    });
}

// ---------------------------------------------------------------------------------------
// Exercise library.

const JSON_VALUES: &[&str] = &[
    "null",
    "0",
    "1",
    "-1",
    "2",
    "9",
    "10",
    "11",
    "50",
    "51",
    "120",
    "121",
    "600",
    "601",
    "4294967295",
    "4294967296",
    "1e400",
    "1.5",
    "\"\"",
    "\" \"",
    "\"x\"",
    "\"Chin-Tucks\"",
    "\"chin-tucks\"",
    "\"shoulder-rolls\"",
    "\"seated\"",
    "\"lying\"",
    "\"neck\"",
    "\"back\"",
    "\"wall\"",
    "[]",
    "[\"a\"]",
    "[\"a\", \"b\"]",
    "[\"a\", \" \"]",
    "[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]",
    "[\"wall\", \"floor\"]",
    "{}",
    "true",
    "\"\\ud800\"",
    "{\"reps\": 5, \"sets\": 1, \"hold_secs\": null, \"per_side\": false}",
    "{\"reps\": null, \"sets\": 1, \"hold_secs\": null, \"per_side\": false}",
];

/// Independent re-check of what an accepted library promises.
fn library_is_sane(library: &Library) -> Result<(), TestCaseError> {
    let all = library.all();
    prop_assert!(!all.is_empty());
    let mut ids = HashSet::new();
    for e in all {
        prop_assert!(ids.insert(e.id.clone()), "duplicate id {}", e.id);
        prop_assert!(
            !e.id.is_empty()
                && e.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "id {:?}",
            e.id
        );
        prop_assert!((2..=5).contains(&e.steps.len()), "{e:?}");
        prop_assert!((10..=600).contains(&e.duration_secs), "{e:?}");
        prop_assert!(e.dose.sets >= 1, "{e:?}");
        prop_assert!(e.dose.reps.is_some() || e.dose.hold_secs.is_some(), "{e:?}");
        prop_assert!(!e.safety.trim().is_empty() && !e.name.trim().is_empty());
        prop_assert!(library.get(&e.id) == Some(e));
        // Rendering a dose never panics and says something.
        prop_assert!(!e.dose.to_string().is_empty());
    }
    Ok(())
}

fn library_error_explains_itself(err: &LibraryError) -> Result<(), TestCaseError> {
    let shown = err.to_string();
    let reason = match err {
        LibraryError::Parse(inner) => inner.to_string(),
        LibraryError::Invalid(reason) => reason.clone(),
    };
    prop_assert!(!reason.trim().is_empty(), "empty reason: {shown:?}");
    prop_assert!(shown.starts_with("exercise library"), "{shown:?}");
    Ok(())
}

fn library_check(text: &str) -> Result<(), TestCaseError> {
    match Library::parse(text) {
        Ok(library) => library_is_sane(&library),
        Err(err) => library_error_explains_itself(&err),
    }
}

/// An edit to the parsed JSON: one field of one exercise (or the top level).
#[derive(Clone, Debug)]
enum JsonEdit {
    Set(Index, &'static str, &'static str),
    Remove(Index, &'static str),
    Duplicate(Index),
    DropExercise(Index),
    SetTop(&'static str, &'static str),
}

const FIELDS: &[&str] = &[
    "id",
    "name",
    "position",
    "needs",
    "steps",
    "dose",
    "duration_secs",
    "area",
    "safety",
    "source",
    "extra",
    "dose.reps",
    "dose.sets",
    "dose.hold_secs",
    "dose.per_side",
];

fn json_edit() -> impl Strategy<Value = JsonEdit> {
    let field = prop::sample::select(FIELDS);
    let value = prop::sample::select(JSON_VALUES);
    prop_oneof![
        6 => (any::<Index>(), field.clone(), value.clone())
            .prop_map(|(i, f, v)| JsonEdit::Set(i, f, v)),
        2 => (any::<Index>(), field).prop_map(|(i, f)| JsonEdit::Remove(i, f)),
        1 => any::<Index>().prop_map(JsonEdit::Duplicate),
        1 => any::<Index>().prop_map(JsonEdit::DropExercise),
        1 => (
            prop::sample::select(&["version", "exercises", "extra"][..]),
            value
        )
            .prop_map(|(f, v)| JsonEdit::SetTop(f, v)),
    ]
}

fn edit_json(root: &mut serde_json::Value, edit: &JsonEdit) {
    let value = |v: &str| serde_json::from_str(v).unwrap_or(serde_json::Value::Null);
    if let JsonEdit::SetTop(field, v) = edit {
        if let Some(map) = root.as_object_mut() {
            map.insert((*field).to_owned(), value(v));
        }
        return;
    }
    let Some(list) = root["exercises"].as_array_mut() else {
        return;
    };
    if list.is_empty() {
        return;
    }
    let len = list.len();
    let place = |i: &Index| i.index(len);
    match edit {
        JsonEdit::Set(i, field, v) => {
            let e = &mut list[place(i)];
            match field.split_once('.') {
                Some((outer, inner)) if e.get(outer).is_some_and(|o| o.is_object()) => {
                    e[outer][inner] = value(v);
                }
                None if e.is_object() => e[*field] = value(v),
                _ => {}
            }
        }
        JsonEdit::Remove(i, field) => {
            let e = &mut list[place(i)];
            let (object, key) = match field.split_once('.') {
                Some((outer, inner)) => (e.get_mut(outer), inner),
                None => (Some(e), *field),
            };
            if let Some(map) = object.and_then(serde_json::Value::as_object_mut) {
                map.remove(key);
            }
        }
        JsonEdit::Duplicate(i) => {
            let e = list[place(i)].clone();
            list.push(e);
        }
        JsonEdit::DropExercise(i) => {
            let at = place(i);
            list.remove(at);
        }
        JsonEdit::SetTop(..) => unreachable!("handled above"),
    }
}

#[test]
fn library_loader_survives_mutations_of_exercises_json() {
    bounded("library: mutated exercises.json", || {
        let original: serde_json::Value =
            serde_json::from_str(EMBEDDED).expect("the embedded library is JSON");
        check(
            "library: mutated exercises.json",
            cases(2000),
            (
                prop::collection::vec(json_edit(), 0..4),
                prop::collection::vec(mutation(JSON_VALUES), 0..3),
            ),
            |(edits, mutations)| {
                let mut root = original.clone();
                for edit in &edits {
                    edit_json(&mut root, edit);
                }
                let text = serde_json::to_string_pretty(&root).expect("serialize");
                let bytes = apply(text.as_bytes(), &mutations);
                library_check(&String::from_utf8_lossy(&bytes))
            },
        );
    });
}

#[test]
fn library_loader_survives_arbitrary_text() {
    bounded("library: arbitrary text", || {
        check(
            "library: arbitrary text",
            cases(2000),
            prop_oneof![
                any::<String>(),
                "[\\[\\]{}\",:0-9a-z ]{0,200}",
                Just("{\"version\":1,\"exercises\":[]}".to_owned()),
                Just("{\"version\":2,\"exercises\":[]}".to_owned()),
            ],
            |text| library_check(&text),
        );
    });
}

// ---------------------------------------------------------------------------------------
// History.

fn entry() -> impl Strategy<Value = history::Entry> {
    let at = (
        // Years 1..=9999 (RFC 3339 has four digits), any offset within a day.
        -62_135_596_800i64..253_402_300_799,
        // RFC 3339 offsets are whole minutes.
        -1439i32..=1439,
    )
        .prop_map(|(secs, offset)| {
            let offset = FixedOffset::east_opt(offset * 60).expect("within a day");
            offset.timestamp_opt(secs, 0).single().unwrap_or_default()
        });
    let outcome = prop::sample::select(&deskbreak::engine::Outcome::ALL[..]);
    let exercise = prop_oneof![
        Just(None),
        "[a-z0-9-]{1,24}".prop_map(Some),
        any::<String>().prop_map(Some),
    ];
    let guided = prop_oneof![Just(None), any::<u64>().prop_map(Some)];
    let waited = prop_oneof![
        Just((None, None)),
        (any::<u64>(), prop::collection::vec("[a-z_]{1,16}", 0..4))
            .prop_map(|(secs, reasons)| (Some(secs), Some(reasons))),
    ];
    (at, outcome, exercise, any::<u64>(), guided, waited).prop_map(
        |(at, outcome, exercise, sat_for_secs, guided_secs, (waited_secs, waited_for))| {
            history::Entry {
                at,
                outcome,
                exercise,
                sat_for_secs,
                guided_secs,
                waited_secs,
                waited_for,
            }
        },
    )
}

/// A line of a history file, and whether a reader must take it.
#[derive(Clone, Debug)]
enum Line {
    Good(history::Entry),
    /// A good line cut short (a torn write): at most `cut` bytes of it.
    Torn(history::Entry, Index),
    /// Not JSON at all (never starts with `{`).
    Garbage(Vec<u8>),
    Blank(String),
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        6 => entry().prop_map(Line::Good),
        2 => (entry(), any::<Index>()).prop_map(|(e, i)| Line::Torn(e, i)),
        1 => prop::collection::vec(any::<u8>().prop_filter("no newline", |b| *b != b'\n'), 1..80)
            .prop_map(Line::Garbage),
        1 => "[ \t\r]{0,3}".prop_map(Line::Blank),
    ]
}

fn to_line(entry: &history::Entry) -> Vec<u8> {
    serde_json::to_vec(entry).expect("an entry serializes")
}

/// A history file from `lines`, and what a reader must find in it: the good entries and
/// the (1-based) numbers of the damaged lines.
fn history_file(
    lines: &[Line],
    trailing_newline: bool,
) -> (Vec<u8>, Vec<history::Entry>, Vec<usize>) {
    let mut bytes = Vec::new();
    let (mut good, mut damaged) = (Vec::new(), Vec::new());
    for (n, line) in lines.iter().enumerate() {
        if n > 0 {
            bytes.push(b'\n');
        }
        match line {
            Line::Good(e) => {
                bytes.extend(to_line(e));
                good.push(e.clone());
            }
            Line::Torn(e, cut) => {
                let full = to_line(e);
                // A strict, non-empty prefix of a compact JSON object is never JSON.
                let len = 1 + cut.index(full.len() - 1);
                bytes.extend_from_slice(&full[..len]);
                damaged.push(n + 1);
            }
            Line::Garbage(raw) => {
                let mut raw = raw.clone();
                if raw.trim_ascii().first().is_none_or(|b| *b == b'{') {
                    raw.insert(0, b'#');
                }
                bytes.extend(raw);
                damaged.push(n + 1);
            }
            Line::Blank(s) => bytes.extend(s.bytes()),
        }
    }
    if trailing_newline && !lines.is_empty() {
        bytes.push(b'\n');
    }
    (bytes, good, damaged)
}

/// Read `bytes` as a history; check the reader, the repair and `stats` over the result.
fn read_and_repair(
    path: &Path,
    bytes: &[u8],
    expected: Option<(&[history::Entry], &[usize])>,
    days: u32,
) -> Result<(), TestCaseError> {
    std::fs::write(path, bytes).expect("write the history");
    let lines = bytes.split(|b| *b == b'\n').count();
    let found = history::read(path).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(
        found.damaged_lines.windows(2).all(|w| w[0] < w[1])
            && found.damaged_lines.iter().all(|n| (1..=lines).contains(n)),
        "damaged line numbers {:?} for {lines} lines",
        found.damaged_lines
    );
    prop_assert!(found.entries.len() + found.damaged_lines.len() <= lines);
    if let Some((good, damaged)) = expected {
        prop_assert_eq!(&found.entries, good, "the good lines, in order");
        prop_assert_eq!(&found.damaged_lines, damaged, "the damaged lines, counted");
    }

    // The daemon's repair at start-up: the damaged file is kept byte for byte, the good
    // lines stay, and a second repair has nothing to do.
    let repaired = history::repair(path).map_err(|e| TestCaseError::fail(e.to_string()))?;
    match repaired {
        None => prop_assert!(found.damaged_lines.is_empty()),
        Some((kept_at, damaged)) => {
            prop_assert_eq!(damaged, found.damaged_lines.len());
            prop_assert_eq!(std::fs::read(&kept_at).expect("kept file"), bytes);
            std::fs::remove_file(&kept_at).expect("remove the kept file");
        }
    }
    let after = history::read(path).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(after.damaged_lines.is_empty(), "repair left damage");
    prop_assert_eq!(
        &after.entries,
        &found.entries,
        "repair kept every good line"
    );
    prop_assert!(history::repair(path).expect("second repair").is_none());

    // `deskbreak stats` over whatever was read (any dates, any sitting times).
    use deskbreak::stats::{Builder, Period, Settings, chart, json};
    let today = chrono::Local::now().date_naive();
    let settings = Settings {
        goal_percent: 80,
        interval: std::time::Duration::from_secs(45 * 60),
    };
    let report = |days: u32| {
        let mut builder = Builder::new(
            Period::last(days, today),
            settings,
            deskbreak::exercises::Library::embedded(),
        );
        for entry in &after.entries {
            builder.line(history::Line::Entry(entry.clone()));
        }
        builder.finish()
    };
    prop_assert_eq!(
        report(days).days.len(),
        Period::last(days, today).days() as usize
    );
    // Rendering years of days in a debug build takes long: a period of up to 40 days
    // (days, then weeks and the heatmap) stands for the rest.
    let short = report(days % 40 + 1);
    prop_assert!(!chart::render(&short, false).is_empty());
    prop_assert!(serde_json::from_str::<serde_json::Value>(&json::render(&short)).is_ok());
    Ok(())
}

fn history_path() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("history.jsonl");
    (dir, path)
}

#[test]
fn history_reader_keeps_good_lines_and_counts_damaged_ones() {
    bounded("history: good, torn and garbage lines", || {
        let (_dir, path) = history_path();
        check(
            "history: good, torn and garbage lines",
            cases(2000),
            (
                prop::collection::vec(line(), 0..30),
                any::<bool>(),
                1..=3660u32,
            ),
            |(lines, trailing, days)| {
                let (bytes, good, damaged) = history_file(&lines, trailing);
                read_and_repair(&path, &bytes, Some((&good, &damaged)), days)
            },
        );
    });
}

#[test]
fn history_reader_survives_random_bytes_and_mutated_lines() {
    bounded("history: random bytes and mutated lines", || {
        let (_dir, path) = history_path();
        let mutated = (
            prop::collection::vec(entry(), 1..10),
            prop::collection::vec(mutation(JSON_VALUES), 1..5),
        )
            .prop_map(|(entries, mutations)| {
                let mut bytes = Vec::new();
                for e in &entries {
                    bytes.extend(to_line(e));
                    bytes.push(b'\n');
                }
                apply(&bytes, &mutations)
            });
        check(
            "history: random bytes and mutated lines",
            cases(2000),
            (
                prop_oneof![prop::collection::vec(any::<u8>(), 0..2000), mutated],
                1..=3660u32,
            ),
            |(bytes, days)| read_and_repair(&path, &bytes, None, days),
        );
    });
}

#[test]
fn appending_after_a_torn_line_never_glues_lines() {
    bounded("history: append after damage", || {
        let (_dir, path) = history_path();
        check(
            "history: append after damage",
            cases(1000),
            (prop::collection::vec(any::<u8>(), 0..300), entry()),
            |(prefix, entry)| {
                std::fs::write(&path, &prefix).expect("write");
                history::append(&path, &entry).map_err(|e| TestCaseError::fail(e.to_string()))?;
                let found = history::read(&path).expect("read");
                prop_assert_eq!(
                    found.entries.last(),
                    Some(&entry),
                    "the new line reads back"
                );
                let bytes = std::fs::read(&path).expect("read back");
                prop_assert!(bytes.starts_with(&prefix), "what was there is untouched");
                prop_assert!(bytes.ends_with(b"\n"));
                Ok(())
            },
        );
    });
}

// ---------------------------------------------------------------------------------------
// The engine.

fn duration_ms(range: std::ops::RangeInclusive<u64>) -> impl Strategy<Value = Duration> {
    range.prop_map(Duration::from_millis)
}

/// Rules as the config allows them.
fn rules() -> impl Strategy<Value = Rules> {
    let any_setting = prop_oneof![duration_ms(1_000..=10_000), duration_ms(1_000..=86_400_000),];
    (
        any_setting.clone(),
        any_setting.clone(),
        0..=20u32,
        prop_oneof![Just(None), any_setting.clone().prop_map(Some)],
        any_setting,
        prop_oneof![
            Just(None),
            (1u64..7200, 1u64..=300).prop_map(|(every, length)| Some(MicroRules {
                every: Duration::from_secs(every),
                length: Duration::from_secs(length),
            })),
        ],
    )
        .prop_map(
            |(interval, snooze, max_snoozes, renotify, natural_break, micro)| Rules {
                interval,
                snooze,
                max_snoozes,
                renotify,
                natural_break,
                micro,
            },
        )
}

fn preferences() -> impl Strategy<Value = Preferences> {
    let ids: Vec<String> = Library::embedded()
        .all()
        .iter()
        .map(|e| e.id.clone())
        .collect();
    (
        prop::sample::select(vec![
            vec![Position::Seated, Position::Standing],
            vec![Position::Seated],
            vec![Position::Standing],
        ]),
        prop::sample::subsequence(ids.clone(), 0..=ids.len()),
    )
        .prop_map(|(positions, exclude)| Preferences { positions, exclude })
}

fn snapshot() -> impl Strategy<Value = Snapshot> {
    let ids: Vec<String> = Library::embedded()
        .all()
        .iter()
        .map(|e| e.id.clone())
        .chain(["no-such-exercise".to_owned(), String::new()])
        .collect();
    (
        prop_oneof![Just(0u64), 0..200_000u64],
        0..=25u32,
        prop::collection::vec(prop::sample::select(ids), 0..20),
    )
        .prop_map(|(sitting_secs, snoozes, recent)| Snapshot {
            sitting_secs,
            snoozes,
            picker: PickerMemory { recent },
        })
}

/// Which prompt a desktop answer is for.
#[derive(Clone, Copy, Debug)]
enum Target {
    /// The bubble on screen.
    Current,
    /// An earlier showing (a click on its way while it was replaced).
    Back(u64),
    /// Any id at all (a forged or very late signal).
    Any(u64),
}

#[derive(Clone, Debug)]
enum Op {
    /// Let time pass to the engine's next deadline, as the daemon's timer does.
    Deadline,
    /// The timer fires early or late.
    Timeout,
    Answer(Target, Answer),
    Activity(Activity),
    /// The machine slept this long, ending now.
    Slept(Duration),
    AnswerDue(Answer),
    SnoozeDue(Duration),
    Pause(Option<Duration>),
    Resume,
    BreakNow,
    Reconfigure(Rules, Preferences),
}

fn op() -> impl Strategy<Value = Op> {
    let answer = prop::sample::select(
        &[
            Answer::Done,
            Answer::Snooze,
            Answer::Skip,
            Answer::Dismissed,
            Answer::Expired,
        ][..],
    );
    let activity = prop_oneof![
        duration_ms(0..=600_000).prop_map(|back| Activity::Idle {
            // Resolved against `now` when applied; stored as an offset back from it.
            since: Moment::from_origin(back),
        }),
        Just(Activity::Active),
        Just(Activity::Locked),
        Just(Activity::Unlocked),
        Just(Activity::Asleep),
        Just(Activity::Awake),
    ];
    let target = prop_oneof![
        3 => Just(Target::Current),
        1 => (0..4u64).prop_map(Target::Back),
        1 => (0..50u64).prop_map(Target::Any),
    ];
    prop_oneof![
        4 => Just(Op::Deadline),
        2 => Just(Op::Timeout),
        4 => (target, answer.clone()).prop_map(|(t, a)| Op::Answer(t, a)),
        3 => activity.prop_map(Op::Activity),
        1 => duration_ms(0..=7_200_000).prop_map(Op::Slept),
        2 => answer.prop_map(Op::AnswerDue),
        1 => duration_ms(0..=86_400_000).prop_map(Op::SnoozeDue),
        1 => prop_oneof![Just(None), duration_ms(0..=86_400_000).prop_map(Some)]
            .prop_map(Op::Pause),
        1 => Just(Op::Resume),
        2 => Just(Op::BreakNow),
        1 => (rules(), preferences()).prop_map(|(r, p)| Op::Reconfigure(r, p)),
    ]
}

/// How much time passes before an operation.
fn step() -> impl Strategy<Value = Duration> {
    prop_oneof![
        3 => Just(Duration::ZERO),
        4 => duration_ms(1..=2_000),
        2 => duration_ms(1..=600_000),
        1 => duration_ms(1..=10_800_000),
    ]
}

/// What the screen shows, as the effects layer would keep it.
#[derive(Debug, Default)]
struct Screen {
    /// The bubble on screen: its prompt and exercise.
    open: Option<(PromptId, String)>,
    /// Every prompt id shown, in order.
    shown: Vec<PromptId>,
    /// The bubble on screen was asked for with `break_now` (which shows one even while
    /// the user is away).
    asked_for: bool,
}

fn drain(
    engine: &mut Engine,
    screen: &mut Screen,
    library: &Library,
    asked_for: bool,
) -> Result<(), TestCaseError> {
    while let Some(action) = engine.poll_action() {
        match action {
            Action::Show(prompt) => {
                if let Some(&last) = screen.shown.last() {
                    prop_assert!(
                        prompt.id > last,
                        "prompt ids go up: {prompt:?} after {last}"
                    );
                }
                if let Some((id, exercise)) = &screen.open {
                    prop_assert_eq!(
                        exercise,
                        &prompt.exercise,
                        "a second prompt while {} is open: {:?}",
                        id,
                        prompt
                    );
                }
                prop_assert!(library.get(&prompt.exercise).is_some(), "{prompt:?}");
                screen.shown.push(prompt.id);
                screen.open = Some((prompt.id, prompt.exercise));
                screen.asked_for = asked_for;
            }
            Action::Close => screen.open = None,
            Action::Micro(_)
            | Action::CloseMicro
            | Action::Record(_)
            | Action::StillPaused { .. }
            | Action::Guide(_)
            | Action::GuideDone { .. }
            | Action::CheckHolds(_) => {}
        }
    }
    Ok(())
}

#[test]
fn engine_keeps_its_invariants_under_random_inputs() {
    bounded("engine: random inputs", || {
        let library = Library::embedded();
        check(
            "engine: random inputs",
            cases(3000),
            (
                rules(),
                preferences(),
                snapshot(),
                any::<u64>(),
                prop::collection::vec((step(), op()), 1..80),
            ),
            |(rules, preferences, snapshot_in, seed, ops)| {
                let snapshot = snapshot_in.clone();
                let start = Moment::from_origin(Duration::from_secs(1_000_000));
                let mut now = start;
                let mut engine = Engine::new(
                    now,
                    rules,
                    library.clone(),
                    preferences,
                    snapshot.clone(),
                    seed,
                );
                let mut screen = Screen::default();
                // logind said the machine is going to sleep and has not said it woke.
                engine.handle_timeout(now);
                drain(&mut engine, &mut screen, &library, false)?;
                for (n, (step, op)) in ops.into_iter().enumerate() {
                    now = now + step;
                    let break_now = matches!(op, Op::BreakNow);
                    match op {
                        Op::Deadline => {
                            if let Some(at) = engine.poll_timeout() {
                                now = now.max(at);
                            }
                            engine.handle_timeout(now);
                        }
                        Op::Timeout => engine.handle_timeout(now),
                        Op::Answer(target, answer) => {
                            // The loop's timer fires before the answer is read. (The other
                            // order has a known bug: see
                            // `a_dismissal_read_after_an_overdue_reshow_leaves_no_bubble`.)
                            engine.handle_timeout(now);
                            drain(&mut engine, &mut screen, &library, false)?;
                            let Some(&latest) = screen.shown.last() else {
                                continue;
                            };
                            let prompt = match target {
                                Target::Current => match &screen.open {
                                    Some((id, _)) => *id,
                                    None => continue,
                                },
                                Target::Back(k) => PromptId(latest.0.saturating_sub(k)),
                                Target::Any(id) => PromptId(id),
                            };
                            // Closed and expired come only for the bubble on screen (the
                            // notifier drops any other); they take it off the screen.
                            if matches!(answer, Answer::Dismissed | Answer::Expired) {
                                if screen.open.as_ref().map(|(id, _)| *id) != Some(prompt) {
                                    continue;
                                }
                                screen.open = None;
                            }
                            engine.handle(now, Input::Answer { prompt, answer });
                        }
                        Op::Activity(activity) => {
                            let activity = match activity {
                                Activity::Idle { since } => Activity::Idle {
                                    since: now - since.since_origin(),
                                },
                                other => other,
                            };
                            engine.handle(now, Input::Activity(activity));
                        }
                        Op::Slept(duration) => {
                            // The clock noticed a sleep (possibly while logind still says
                            // asleep: see
                            // `a_short_sleep_after_a_natural_break_while_asleep_stops_the_clock`).
                            now = now + duration;
                            engine.handle(now, Input::Slept { duration });
                        }
                        Op::AnswerDue(answer) => {
                            // The CLI answers only Done, Skip and Snooze.
                            if matches!(answer, Answer::Done | Answer::Skip | Answer::Snooze) {
                                let _ = engine.answer_due(now, answer);
                            } else {
                                engine.handle_timeout(now);
                            }
                        }
                        Op::SnoozeDue(d) => {
                            let _ = engine.snooze_due(now, d);
                        }
                        Op::Pause(d) => engine.pause(now, d.map(|d| now + d)),
                        Op::Resume => {
                            let _ = engine.resume(now);
                        }
                        Op::BreakNow => {
                            let result = engine.break_now(now);
                            let paused = engine.status().phase == PhaseKind::Paused;
                            prop_assert_eq!(
                                result.is_err(),
                                paused,
                                "break_now refuses only while paused"
                            );
                        }
                        Op::Reconfigure(rules, preferences) => {
                            engine.reconfigure(now, rules, preferences);
                        }
                    }
                    drain(&mut engine, &mut screen, &library, break_now)?;

                    if let Some(at) = engine.poll_timeout() {
                        prop_assert!(
                            at > now,
                            "step {n}: poll_timeout {at:?} is not after now {now:?}: the \
                             daemon would spin; status {:?}",
                            engine.status()
                        );
                    }
                    let status = engine.status();
                    // A bubble is on screen only while a break is due; `break_now` may show
                    // one while the user counts as away (it was asked for).
                    if screen.open.is_some() {
                        let away_ok = screen.asked_for && status.phase == PhaseKind::Away;
                        prop_assert!(
                            status.phase == PhaseKind::Due || away_ok,
                            "step {}: a bubble on screen while {:?}",
                            n,
                            status
                        );
                    }
                    let elapsed = now.saturating_since(start);
                    let most = Duration::from_secs(snapshot.sitting_secs) + elapsed;
                    prop_assert!(
                        status.sitting <= most,
                        "step {n}: sitting {:?} is more than the {most:?} that passed",
                        status.sitting
                    );
                    let snapshot = engine.snapshot();
                    prop_assert!(
                        snapshot.picker.recent.len() <= 16.max(snapshot_in.picker.recent.len())
                    );
                }
                Ok(())
            },
        );
    });
}

#[test]
fn engine_never_panics_on_time_running_backwards_or_extremes() {
    bounded("engine: any moments", || {
        let library = Library::embedded();
        let moment = prop_oneof![
            (0..10_000_000u64).prop_map(|s| Moment::from_origin(Duration::from_millis(s))),
            Just(Moment::from_origin(Duration::ZERO)),
            Just(Moment::from_origin(Duration::MAX)),
            any::<u64>().prop_map(|s| Moment::from_origin(Duration::from_secs(s))),
        ];
        check(
            "engine: any moments",
            cases(2000),
            (
                rules(),
                snapshot(),
                prop::collection::vec((moment, op()), 1..40),
            ),
            |(rules, snapshot, ops)| {
                let mut engine = Engine::new(
                    Moment::from_origin(Duration::from_secs(5_000)),
                    rules,
                    library.clone(),
                    Preferences::default(),
                    snapshot,
                    7,
                );
                for (now, op) in ops {
                    match op {
                        Op::Deadline | Op::Timeout => engine.handle_timeout(now),
                        Op::Answer(target, answer) => {
                            let id = match target {
                                Target::Current => 1,
                                Target::Back(k) | Target::Any(k) => k,
                            };
                            engine.handle(
                                now,
                                Input::Answer {
                                    prompt: PromptId(id),
                                    answer,
                                },
                            );
                        }
                        Op::Activity(activity) => engine.handle(now, Input::Activity(activity)),
                        Op::Slept(duration) => engine.handle(now, Input::Slept { duration }),
                        Op::AnswerDue(answer) => {
                            let _ = engine.answer_due(now, answer);
                        }
                        Op::SnoozeDue(d) => {
                            let _ = engine.snooze_due(now, d);
                        }
                        Op::Pause(d) => engine.pause(now, d.map(|d| now + d)),
                        Op::Resume => {
                            let _ = engine.resume(now);
                        }
                        Op::BreakNow => {
                            let _ = engine.break_now(now);
                        }
                        Op::Reconfigure(rules, preferences) => {
                            engine.reconfigure(now, rules, preferences);
                        }
                    }
                    while engine.poll_action().is_some() {}
                    let _ = engine.poll_timeout();
                    let _ = engine.status();
                    let _ = engine.snapshot();
                }
                Ok(())
            },
        );
    });
}

/// The config error for a file that cannot be read names the file.
#[test]
fn an_unreadable_config_names_the_file() {
    bounded("config: unreadable file", || {
        let dir = tempfile::tempdir().expect("temp dir");
        // A folder where the file should be.
        let err = Config::load(dir.path()).expect_err("a folder is not a config");
        let shown = err.to_string();
        assert!(
            shown.starts_with(&format!("{}: cannot read the file", dir.path().display())),
            "{shown}"
        );
        // Invalid UTF-8.
        let path = dir.path().join("config.toml");
        let mut file = std::fs::File::create(&path).expect("create");
        file.write_all(b"[breaks]\ninterval = \"\xff\"\n")
            .expect("write");
        let err = Config::load(&path).expect_err("not UTF-8");
        assert!(
            err.to_string().starts_with(&path.display().to_string()),
            "{err}"
        );
    });
}

// ---------------------------------------------------------------------------------------
// Engine bugs the properties above found, pinned as plain tests.

fn engine_at(rules: Rules, now: Moment) -> Engine {
    Engine::new(
        now,
        rules,
        Library::embedded(),
        Preferences::default(),
        Snapshot::default(),
        1,
    )
}

fn actions(engine: &mut Engine) -> Vec<Action> {
    std::iter::from_fn(|| engine.poll_action()).collect()
}

/// The user closes the bubble (`NotificationClosed`, reason 2) just as its re-show falls
/// due, and the daemon reads the close before its timer fires. `Engine::handle` first
/// catches up on time, which re-shows the prompt (`Show`), then applies the dismissal to
/// the run (`Record(dismissed)`, phase snoozed) without a `Close`, because "a dismissed
/// bubble is already gone". The re-shown bubble stays on screen while the engine is
/// snoozed; a click on it is then ignored (the engine is not prompting), so the answer is
/// lost, and the bubble stays until the snooze ends.
#[test]
fn a_dismissal_read_after_an_overdue_reshow_leaves_no_bubble() {
    let rules = Rules {
        interval: Duration::from_secs(60),
        snooze: Duration::from_secs(600),
        max_snoozes: 3,
        renotify: Some(Duration::from_secs(60)),
        natural_break: Duration::from_secs(300),
        micro: None,
    };
    let t0 = Moment::from_origin(Duration::from_secs(1000));
    let mut engine = engine_at(rules, t0);
    engine.handle_timeout(t0 + Duration::from_secs(60));
    let shown = actions(&mut engine);
    let Some(Action::Show(first)) = shown.first() else {
        panic!("a prompt after the interval: {shown:?}")
    };
    // The re-show is due at +120 s; the close of the first bubble is read at +121 s.
    engine.handle(
        t0 + Duration::from_secs(121),
        Input::Answer {
            prompt: first.id,
            answer: Answer::Dismissed,
        },
    );
    let after = actions(&mut engine);
    let status = engine.status();
    let mut on_screen = false;
    for action in &after {
        match action {
            Action::Show(_) => on_screen = true,
            Action::Close => on_screen = false,
            _ => {}
        }
    }
    assert!(
        !on_screen || status.phase == PhaseKind::Due,
        "a bubble is left on screen while {:?}: actions {after:?}",
        status.phase
    );
}

/// logind reported the machine going to sleep, the absence became a natural break (the
/// engine marks the user "rested"), and then the clock noticed a short sleep before logind
/// said the machine woke. `Engine::slept` clears the sleep (the user is no longer away)
/// but keeps the stale "rested" flag, which stops the sitting clock: no break ever comes
/// due again until the user goes away and comes back.
#[test]
fn a_short_sleep_after_a_natural_break_while_asleep_stops_the_clock() {
    let rules = Rules {
        interval: Duration::from_secs(45 * 60),
        snooze: Duration::from_secs(600),
        max_snoozes: 3,
        renotify: Some(Duration::from_secs(300)),
        natural_break: Duration::from_secs(300),
        micro: None,
    };
    let t0 = Moment::from_origin(Duration::from_secs(1000));
    let mut engine = engine_at(rules, t0);
    engine.handle(t0, Input::Activity(Activity::Asleep));
    engine.handle_timeout(t0 + Duration::from_secs(300));
    assert!(
        actions(&mut engine)
            .iter()
            .any(|a| matches!(a, Action::Record(_))),
        "the natural break is recorded"
    );
    let woke = t0 + Duration::from_secs(310);
    engine.handle(
        woke,
        Input::Slept {
            duration: Duration::from_secs(10),
        },
    );
    let status = engine.status();
    assert_eq!(
        status.phase,
        PhaseKind::Working,
        "back at the desk: {status:?}"
    );
    engine.handle_timeout(woke + Duration::from_secs(600));
    let status = engine.status();
    assert_eq!(
        status.sitting,
        Duration::from_secs(600),
        "ten minutes at the desk count as sitting: {status:?}"
    );
}
