//! Running holds checks and the watch for the daemon loop, off the loop.
//!
//! The engine asks for a check ([`crate::engine::Action::CheckHolds`]); [`Runner::check`]
//! runs [`read_all`] on its own task and its signals come back through [`Runner::next`].
//! While a break waits, [`Runner::follow`] keeps [`watch_all`] running on another task,
//! whose hints come back the same way; when no break waits, it is dropped, so nothing is
//! followed at rest.

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use super::{CHECK_TIMEOUT, Context, Hold, Respect, Signal, read_all, watch_all};
use crate::engine::CheckId;

/// What the runner reports to the loop.
#[derive(Debug)]
pub enum Event {
    /// A check finished: everything it read.
    Checked {
        /// The check.
        check: CheckId,
        /// What each signal said.
        signals: Vec<Signal>,
    },
    /// Something a check reads may have changed.
    Hint,
}

/// A spawned task that ends when this is dropped.
#[derive(Debug)]
struct Task(JoinHandle<()>);

impl Drop for Task {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// The watch, while it runs.
#[derive(Debug)]
struct Watch {
    _task: Task,
    /// `None` once every detector's watch has ended (the task is kept, so that it is not
    /// started again while the same break waits).
    hints: Option<mpsc::Receiver<()>>,
}

/// Runs the checks the engine asks for, one at a time, and the watch while a break waits.
#[derive(Debug)]
pub struct Runner {
    ctx: Context,
    respect: Respect,
    sender: mpsc::Sender<(CheckId, Vec<Signal>)>,
    results: mpsc::Receiver<(CheckId, Vec<Signal>)>,
    check: Option<Task>,
    watch: Option<Watch>,
    /// The holds last logged, so that a long wait logs each change once.
    told: Vec<Hold>,
}

impl Runner {
    /// A runner reading `ctx`, respecting `respect`. Starts nothing.
    #[must_use]
    pub fn new(ctx: Context, respect: Respect) -> Self {
        let (sender, results) = mpsc::channel(2);
        Self {
            ctx,
            respect,
            sender,
            results,
            check: None,
            watch: None,
            told: Vec::new(),
        }
    }

    /// What is respected now (`[respect]`, after a reload). A running watch is started
    /// again with it.
    pub fn set_respect(&mut self, respect: Respect) {
        if respect == self.respect {
            return;
        }
        self.respect = respect;
        if self.watch.take().is_some() {
            self.follow(true);
        }
    }

    /// What is respected now.
    #[must_use]
    pub fn respect(&self) -> &Respect {
        &self.respect
    }

    /// Start check `check`; one still running is dropped (its answer would be stale).
    pub fn check(&mut self, check: CheckId) {
        let (ctx, respect, sender) = (self.ctx.clone(), self.respect, self.sender.clone());
        self.check = Some(Task(tokio::spawn(async move {
            // `read_all` bounds itself; this is the backstop should a detector not.
            let guard = CHECK_TIMEOUT + Duration::from_secs(1);
            let signals = match tokio::time::timeout(guard, read_all(&ctx, &respect)).await {
                Ok(signals) => signals,
                Err(_) => {
                    tracing::warn!("the holds check did not finish in time; nothing holds");
                    Vec::new()
                }
            };
            // The loop may be gone (shutting down): nothing to do then.
            let _ = sender.send((check, signals)).await;
        })));
    }

    /// Follow the desktop for hints (`on`: a break waits), or stop following it.
    pub fn follow(&mut self, on: bool) {
        match (on, self.watch.is_some()) {
            (true, false) => {
                let (hint, hints) = mpsc::channel(1);
                let (ctx, respect) = (self.ctx.clone(), self.respect);
                tracing::debug!("following the desktop while a break waits");
                self.watch = Some(Watch {
                    _task: Task(tokio::spawn(watch_all(ctx, respect, hint))),
                    hints: Some(hints),
                });
            }
            (false, true) => {
                tracing::debug!("no break waits: no longer following the desktop");
                self.watch = None;
                self.told.clear();
            }
            _ => {}
        }
    }

    /// Whether the watch runs (a break waits).
    #[must_use]
    pub fn following(&self) -> bool {
        self.watch.is_some()
    }

    /// Log what holds a break back, once per change.
    pub fn tell(&mut self, holds: &[Hold]) {
        if holds == self.told.as_slice() {
            return;
        }
        if holds.is_empty() {
            tracing::info!("nothing holds the break back any more");
        } else {
            let what: Vec<String> = holds.iter().map(ToString::to_string).collect();
            tracing::info!(holds = %what.join(", "), "break held back");
        }
        self.told = holds.to_vec();
    }

    /// The next check result or hint. Cancel-safe.
    pub async fn next(&mut self) -> Event {
        loop {
            let hints = self.watch.as_mut().and_then(|w| w.hints.as_mut());
            let hint = async {
                match hints {
                    Some(hints) => hints.recv().await,
                    None => std::future::pending().await,
                }
            };
            let ended = tokio::select! {
                Some((check, signals)) = self.results.recv() => {
                    self.check = None;
                    return Event::Checked { check, signals };
                }
                hint = hint => match hint {
                    Some(()) => return Event::Hint,
                    None => true,
                },
            };
            if ended && let Some(watch) = self.watch.as_mut() {
                // Every detector's watch ended: nothing more will come from it.
                watch.hints = None;
            }
        }
    }
}
