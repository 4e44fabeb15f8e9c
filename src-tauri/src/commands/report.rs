//! PDF export commands: render in the core, write the file here, open it on request.

use crate::error::CmdResult;
use crate::state::AppState;
use northstar_core::report::{self, Paper, ReportOptions};
use northstar_core::{files, Error};
use std::path::PathBuf;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

const PAPER_KEY: &str = "paper";

/// The paper the user last exported on, else the one the system locale implies.
#[tauri::command(async)]
pub fn default_paper(state: State<'_, AppState>) -> CmdResult<Paper> {
    let stored = state.store()?.setting(PAPER_KEY)?;
    Ok(stored
        .and_then(|s| serde_json::from_value(serde_json::Value::String(s)).ok())
        .unwrap_or_else(Paper::from_env))
}

/// Writes the scorecard (or full report) of a project to `path` and returns where it went.
#[tauri::command(async)]
pub fn export_pdf(
    state: State<'_, AppState>,
    project_id: String,
    path: String,
    full: bool,
    paper: Paper,
) -> CmdResult<String> {
    let path = files::with_extension(&PathBuf::from(path), "pdf")?;
    let bytes = {
        let store = state.store()?;
        let opts = ReportOptions {
            paper,
            full,
            as_of: store.clock().today(),
        };
        let bytes = report::render(store.conn(), &project_id, &opts)?;
        let name = serde_json::to_value(paper)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned));
        if let Some(name) = name {
            store.set_setting(PAPER_KEY, &name)?;
        }
        bytes
    };
    files::write_atomically(&path, &bytes)?;
    state.remember_export(path.clone());
    Ok(path.display().to_string())
}

/// Opens a file this window exported, in the system viewer. Only those: the webview may not
/// ask the shell to open anything else on disk.
#[tauri::command(async)]
pub fn open_exported(app: AppHandle, state: State<'_, AppState>, path: String) -> CmdResult<()> {
    let path = PathBuf::from(path);
    if !state.was_exported(&path) {
        return Err(Error::invalid(
            "path",
            "Only files exported from this window can be opened here.",
        )
        .into());
    }
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    Ok(())
}
