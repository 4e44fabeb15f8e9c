//! The one store the window works on, opened once at start-up and held in managed state.

use crate::error::{CmdError, CmdResult};
use northstar_core::exchange::markdown::ImportPlan;
use northstar_core::{ErrorPayload, Store};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

pub struct AppState {
    pub data_dir: PathBuf,
    /// None when the workspace could not be opened; `open_error` then says why, and the UI
    /// shows it instead of the app. The file is left as it was.
    store: Option<Mutex<Store>>,
    pub open_error: Option<ErrorPayload>,
    /// Files this window wrote, the only ones it may ask the system to open.
    exports: Mutex<HashSet<PathBuf>>,
    /// Read on every close request, so kept here rather than in the database.
    keep_in_tray: AtomicBool,
    /// The Markdown import last previewed: what "Import" writes.
    pending_import: Mutex<Option<ImportPlan>>,
}

impl AppState {
    pub fn new(data_dir: PathBuf, opened: northstar_core::Result<Store>) -> Self {
        match opened {
            Ok(store) => AppState {
                data_dir,
                keep_in_tray: AtomicBool::new(crate::desktop::keep_in_tray(&store)),
                store: Some(Mutex::new(store)),
                open_error: None,
                exports: Mutex::default(),
                pending_import: Mutex::default(),
            },
            Err(e) => AppState {
                data_dir,
                store: None,
                open_error: Some(ErrorPayload::from(&e)),
                exports: Mutex::default(),
                keep_in_tray: AtomicBool::new(false),
                pending_import: Mutex::default(),
            },
        }
    }

    /// The store, locked. A panic in another command must not make the workspace unusable,
    /// so a poisoned lock is taken over: SQLite transactions keep the data consistent.
    pub fn store(&self) -> CmdResult<MutexGuard<'_, Store>> {
        match (&self.store, &self.open_error) {
            (Some(m), _) => Ok(m.lock().unwrap_or_else(|p| p.into_inner())),
            (None, Some(e)) => Err(CmdError::from(e.clone())),
            (None, None) => Err(CmdError::from(northstar_core::Error::Refused(
                "The workspace is not open.".into(),
            ))),
        }
    }

    /// On exit: leave one self-contained database file behind.
    pub fn checkpoint(&self) {
        if let Some(m) = &self.store {
            let store = m.lock().unwrap_or_else(|p| p.into_inner());
            if let Err(e) = store.checkpoint() {
                eprintln!("northstar: could not fold the write-ahead log on exit: {e}");
            }
        }
    }

    pub fn keep_in_tray(&self) -> bool {
        self.keep_in_tray.load(Ordering::Relaxed)
    }

    pub fn set_keep_in_tray(&self, keep: bool) {
        self.keep_in_tray.store(keep, Ordering::Relaxed);
    }

    pub fn set_pending_import(&self, plan: Option<ImportPlan>) {
        *self
            .pending_import
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = plan;
    }

    pub fn take_pending_import(&self) -> Option<ImportPlan> {
        self.pending_import
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
    }

    pub fn remember_export(&self, path: PathBuf) {
        self.exports
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(path);
    }

    pub fn was_exported(&self, path: &Path) -> bool {
        self.exports
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(path)
    }
}
