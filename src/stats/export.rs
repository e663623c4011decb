//! `deskbreak history`: every line of the history, streamed (never all in memory) as
//! text, CSV (RFC 4180, for a spreadsheet) or a JSON array.

use std::io::{self, Write};
use std::path::Path;

use crate::engine::Outcome;
use crate::exercises::Library;
use crate::human;
use crate::store::StoreError;
use crate::store::history::{self, Entry, Line};

/// How `deskbreak history` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One line per break, in words.
    Text,
    /// CSV with a header row.
    Csv,
    /// One JSON array of the history's objects, as the file has them.
    Json,
}

/// The CSV header.
pub const CSV_HEADER: &str = "at,date,outcome,exercise,exercise_name,area,sat_for_secs,guided_secs";

/// Why an export stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The history could not be read.
    #[error(transparent)]
    Read(#[from] StoreError),
    /// The output could not be written (e.g. a closed pipe).
    #[error("{}", crate::t!("history-error-write"))]
    Write(#[from] io::Error),
}

/// What was exported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Exported {
    /// Lines written.
    pub lines: usize,
    /// Damaged lines left out.
    pub damaged: usize,
}

/// Write every good line of the history at `path` to `out` in `format`.
pub fn export(path: &Path, format: Format, out: &mut impl Write) -> Result<Exported, ExportError> {
    let library = Library::embedded();
    let mut done = Exported::default();
    // The text's columns are as wide as this language's longest outcome word and
    // exercise name (at least 32), so that the rows line up in every language.
    let widths = if format == Format::Text {
        let outcome = Outcome::ALL
            .iter()
            .map(|outcome| outcome_word(*outcome).chars().count())
            .max()
            .unwrap_or(0);
        let name = library
            .all()
            .iter()
            .map(|e| e.name().chars().count())
            .max()
            .unwrap_or(0)
            .max(32);
        (outcome, name)
    } else {
        (0, 0)
    };
    match format {
        Format::Csv => writeln!(out, "{CSV_HEADER}")?,
        Format::Json => write!(out, "[")?,
        Format::Text => {}
    }
    for line in history::stream(path)? {
        let entry = match line? {
            Line::Entry(entry) => entry,
            Line::Damaged { .. } => {
                done.damaged += 1;
                continue;
            }
        };
        match format {
            Format::Csv => csv_row(out, &entry, &library)?,
            Format::Json => {
                let sep = if done.lines == 0 { "\n  " } else { ",\n  " };
                write!(out, "{sep}")?;
                serde_json::to_writer(&mut *out, &entry).map_err(io::Error::other)?;
            }
            Format::Text => text_row(out, &entry, &library, widths)?,
        }
        done.lines += 1;
    }
    if format == Format::Json {
        writeln!(out, "{}]", if done.lines == 0 { "" } else { "\n" })?;
    }
    out.flush()?;
    Ok(done)
}

fn csv_row(out: &mut impl Write, entry: &Entry, library: &Library) -> io::Result<()> {
    let exercise = entry.exercise.as_deref().unwrap_or("");
    let known = entry.exercise.as_deref().and_then(|id| library.get(id));
    writeln!(
        out,
        "{},{},{},{},{},{},{},{}",
        entry.at.to_rfc3339(),
        entry.at.date_naive(),
        entry.outcome.as_str(),
        csv_field(exercise),
        csv_field(known.map_or("", |e| e.name.as_str())),
        known.map_or("", |e| e.area.as_str()),
        entry.sat_for_secs,
        entry
            .guided_secs
            .map_or_else(String::new, |s| s.to_string())
    )
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\"")).into()
    } else {
        text.into()
    }
}

/// The outcome in words, in the text form ("done" in English, "erledigt" in German).
fn outcome_word(outcome: Outcome) -> String {
    crate::t!("history-outcome", outcome = outcome.as_str())
}

fn text_row(
    out: &mut impl Write,
    entry: &Entry,
    library: &Library,
    (width, name_width): (usize, usize),
) -> io::Result<()> {
    let what = match entry.exercise.as_deref() {
        Some(id) => library.get(id).map_or(id, |e| e.name()),
        None => "",
    };
    let sat = human::duration(std::time::Duration::from_secs(entry.sat_for_secs));
    writeln!(
        out,
        "{}  {:<width$}  {:<name_width$}  {}",
        entry.at.format("%Y-%m-%d %H:%M"),
        outcome_word(entry.outcome),
        what,
        crate::t!("history-after", duration = sat)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history(lines: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.jsonl");
        std::fs::write(&path, lines.join("\n")).unwrap();
        (dir, path)
    }

    const DONE: &str = r#"{"at":"2026-11-21T10:15:00+01:00","outcome":"done","exercise":"chin-tucks","sat_for_secs":2712}"#;
    const ODD: &str = r#"{"at":"2026-11-21T11:00:00+01:00","outcome":"skipped","exercise":"a \"b\", c","sat_for_secs":60}"#;
    const NATURAL: &str = r#"{"at":"2026-11-21T12:00:00+01:00","outcome":"natural","exercise":null,"sat_for_secs":3000}"#;

    const GUIDED: &str = r#"{"at":"2026-11-21T13:00:00+01:00","outcome":"done","exercise":"wall-angels","sat_for_secs":2800,"guided_secs":95}"#;

    fn run(path: &Path, format: Format) -> (String, Exported) {
        let mut out = Vec::new();
        let done = export(path, format, &mut out).unwrap();
        (String::from_utf8(out).unwrap(), done)
    }

    #[test]
    fn csv_has_a_header_and_quotes_what_needs_it() {
        let (_dir, path) = history(&[DONE, "garbage", ODD, NATURAL, GUIDED]);
        let (text, done) = run(&path, Format::Csv);
        assert_eq!(
            done,
            Exported {
                lines: 4,
                damaged: 1
            }
        );
        assert_eq!(
            text,
            format!(
                "{CSV_HEADER}\n\
                 2026-11-21T10:15:00+01:00,2026-11-21,done,chin-tucks,Chin tucks,neck,2712,\n\
                 2026-11-21T11:00:00+01:00,2026-11-21,skipped,\"a \"\"b\"\", c\",,,60,\n\
                 2026-11-21T12:00:00+01:00,2026-11-21,natural,,,,3000,\n\
                 2026-11-21T13:00:00+01:00,2026-11-21,done,wall-angels,Wall angels,shoulders,2800,95\n"
            )
        );
    }

    #[test]
    fn json_is_one_array_of_the_lines() {
        let (_dir, path) = history(&[DONE, NATURAL]);
        let (text, _) = run(&path, Format::Json);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value.as_array().unwrap().len(), 2);
        assert_eq!(
            value[0],
            serde_json::from_str::<serde_json::Value>(DONE).unwrap()
        );
        let (_dir, empty) = history(&[]);
        assert_eq!(run(&empty, Format::Json).0, "[]\n");
    }

    #[test]
    fn text_names_the_exercise() {
        let (_dir, path) = history(&[DONE]);
        assert_eq!(
            run(&path, Format::Text).0,
            "2026-11-21 10:15  done       Chin tucks                        after 45 min\n"
        );
    }

    /// Goldens per language, named so that `cargo test --lib i18n::` runs them.
    mod i18n {
        use super::*;

        #[test]
        fn text_is_worded_in_the_language_and_csv_is_not() {
            use crate::i18n::{Lang, scoped};
            let (_dir, path) = history(&[DONE, NATURAL]);
            assert_eq!(
                scoped(Lang::De, || run(&path, Format::Text).0),
                "2026-11-21 10:15  erledigt      Kinn einziehen                       nach 45\u{a0}Min. im Sitzen\n\
                 2026-11-21 12:00  natürlich                                          nach 50\u{a0}Min. im Sitzen\n"
            );
            assert_eq!(
                scoped(Lang::Fr, || run(&path, Format::Text).0),
                "2026-11-21 10:15  faite        Rentrer le menton                     après 45\u{a0}min en position assise\n\
                 2026-11-21 12:00  naturelle                                          après 50\u{a0}min en position assise\n"
            );
            assert_eq!(
                scoped(Lang::Es, || run(&path, Format::Text).0),
                "2026-11-21 10:15  hecha       Retracción de barbilla              tras 45\u{a0}min en la silla\n\
                 2026-11-21 12:00  natural                                         tras 50\u{a0}min en la silla\n"
            );
            let csv = |lang| scoped(lang, || run(&path, Format::Csv).0);
            assert_eq!(csv(Lang::De), csv(Lang::En));
        }
    }

    #[test]
    fn a_missing_history_exports_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (text, done) = run(&dir.path().join("none.jsonl"), Format::Csv);
        assert_eq!(text, format!("{CSV_HEADER}\n"));
        assert_eq!(done, Exported::default());
    }
}
