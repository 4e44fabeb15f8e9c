//! PDF export commands: render in the core, write the file here, open it on request.

use crate::error::CmdResult;
use crate::state::AppState;
use northstar_core::report::{self, Paper, ReportOptions};
use northstar_core::{files, Error};
use std::path::PathBuf;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

/// The paper the user last chose (in Settings or by exporting on it), else the one the system
/// locale implies.
#[tauri::command(async)]
pub fn default_paper(state: State<'_, AppState>) -> CmdResult<Paper> {
    Ok(report::preferred_paper(&*state.store()?)?)
}

/// Sets the paper exports offer first (Settings).
#[tauri::command(async)]
pub fn set_default_paper(state: State<'_, AppState>, paper: Paper) -> CmdResult<Paper> {
    report::set_preferred_paper(&*state.store()?, paper)?;
    Ok(paper)
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
        report::set_preferred_paper(&store, paper)?;
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
