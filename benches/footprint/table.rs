//! The report: one row per figure, with its target and PASS/MISS.

use std::fmt::Write as _;
use std::time::Duration;

// The table
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Pass,
    Miss,
    Info,
}

impl Verdict {
    pub(crate) fn of(pass: bool) -> Verdict {
        if pass { Verdict::Pass } else { Verdict::Miss }
    }

    pub(crate) fn text(self) -> &'static str {
        match self {
            Verdict::Pass => "PASS",
            Verdict::Miss => "**MISS**",
            Verdict::Info => "—",
        }
    }
}

pub(crate) struct Row {
    pub(crate) figure: String,
    pub(crate) measured: String,
    pub(crate) target: String,
    pub(crate) verdict: Verdict,
}

#[derive(Default)]
pub(crate) struct Table {
    pub(crate) rows: Vec<Row>,
}

impl Table {
    pub(crate) fn row(
        &mut self,
        figure: impl Into<String>,
        measured: impl Into<String>,
        target: &str,
        v: Verdict,
    ) {
        self.rows.push(Row {
            figure: figure.into(),
            measured: measured.into(),
            target: target.to_owned(),
            verdict: v,
        });
    }

    pub(crate) fn render(&self) -> String {
        let mut out =
            String::from("| figure | measured | target | result |\n| --- | --- | --- | --- |\n");
        for r in &self.rows {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                r.figure,
                r.measured,
                r.target,
                r.verdict.text()
            );
        }
        out
    }

    pub(crate) fn misses(&self) -> Vec<&str> {
        self.rows
            .iter()
            .filter(|r| r.verdict == Verdict::Miss)
            .map(|r| r.figure.as_str())
            .collect()
    }
}

pub(crate) fn mib(kib: u64) -> String {
    format!("{:.2} MiB", kib as f64 / 1024.0)
}

pub(crate) fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// (median, 95th percentile, max); `samples` gets sorted.
pub(crate) fn spread(samples: &mut [Duration]) -> (Duration, Duration, Duration) {
    samples.sort();
    let n = samples.len();
    assert!(n > 0, "no samples");
    let pick = |q: f64| samples[((n as f64 - 1.0) * q).round() as usize];
    (pick(0.5), pick(0.95), samples[n - 1])
}
