//! The daily sitting record and the weekly summary, as effects: the pure
//! [`crate::stats::record::Tally`] decides, this carries out (append a finished day to
//! `days.jsonl`, give the summary notification). Today's figures travel with the state
//! file ([`Effects::save`]).

use std::time::Duration;

use chrono::Local;

use super::{Effects, Target, off_loop};
use crate::config::Config;
use crate::engine::Engine;
use crate::stats::record::{self, DailyMemory, TallyEvent};
use crate::stats::{self, Settings, weekly};

/// Where the tally starts: what the state file kept, and the engine's total then.
#[derive(Clone, Copy, Debug, Default)]
pub struct Daily {
    /// From the state file.
    pub memory: DailyMemory,
    /// [`Engine::sitting_total`] at start-up (counted already, or not sitting time).
    pub total: Duration,
}

impl Effects {
    /// Count the sitting time since the last call into today's record; append a day that
    /// is over; on the first sitting of a week, give last week's summary if
    /// `stats.weekly_summary` asks for it.
    pub async fn count_sitting(&mut self, engine: &Engine, config: &Config) {
        let now = Local::now().naive_local();
        let seen = self
            .tally
            .observe(now, engine.sitting_total(), engine.status().sitting);
        self.pending.extend(seen);
        for event in std::mem::take(&mut self.pending) {
            match event {
                TallyEvent::DayOver(day) => {
                    self.dirty = true;
                    let path = self.paths.days();
                    let result = off_loop(move || record::append(&path, &day)).await;
                    if result.is_err() {
                        // Kept for the next wake-up: the day is not lost to a full disk.
                        self.pending.push(event);
                    }
                    self.report_store(Target::Days, result);
                }
                TallyEvent::NewWeek { week } => {
                    self.dirty = true;
                    if config.stats.weekly_summary {
                        self.weekly_summary(week, Settings::from_config(config))
                            .await;
                    }
                }
            }
        }
    }

    async fn weekly_summary(&mut self, week: chrono::NaiveDate, settings: Settings) {
        let paths = self.paths.clone();
        let made = tokio::task::spawn_blocking(move || {
            stats::gather(&paths, weekly::period(week), settings)
        })
        .await;
        match made {
            Ok(Ok(report)) => {
                if let Some((title, body)) = weekly::message(&report) {
                    tracing::info!(%week, "weekly summary");
                    self.notifier.tell(&title, &body).await;
                } else {
                    tracing::debug!(%week, "nothing recorded last week: no summary");
                }
            }
            Ok(Err(err)) => tracing::warn!("no weekly summary: {err}"),
            Err(err) => tracing::warn!("no weekly summary: {err}"),
        }
    }
}
