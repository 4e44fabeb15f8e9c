//! Owning the data from the window: back up now, restore, check, import the worksheets users
//! keep (previewed first), export a project as Markdown or JSON, import JSON, and a list as CSV.

use crate::error::CmdResult;
use crate::state::AppState;
use chrono::Local;
use northstar_core::backup::{self, BackupFile, BackupInfo, CheckReport, RestoreReport};
use northstar_core::exchange::csv::{self, CsvFilter, CsvTable};
use northstar_core::exchange::json::{
    self, JsonImportOptions, JsonImportPreview, JsonImportReport,
};
use northstar_core::exchange::markdown::{self, ImportPlan, ImportReport};
use northstar_core::{files, Error};
use std::path::PathBuf;
use tauri::State;

#[tauri::command(async)]
pub fn backup_now(state: State<'_, AppState>) -> CmdResult<BackupInfo> {
    Ok(backup::backup_now(
        &*state.store()?,
        Local::now().naive_local(),
    )?)
}

/// The backups in `backups/`, newest first.
#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> CmdResult<Vec<BackupFile>> {
    let mut list = backup::list(&*state.store()?)?;
    list.reverse();
    Ok(list)
}

/// Replaces the workspace with `path` after checking it; the UI reloads afterwards.
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, path: String) -> CmdResult<RestoreReport> {
    Ok(backup::restore(
        &mut *state.store()?,
        &PathBuf::from(path),
        Local::now().naive_local(),
    )?)
}

/// The mark of the last restore; a window that sees it change under it must reload.
#[tauri::command(async)]
pub fn last_restore(state: State<'_, AppState>) -> CmdResult<Option<String>> {
    Ok(backup::last_restore(&*state.store()?)?)
}

#[tauri::command(async)]
pub fn check_workspace(state: State<'_, AppState>) -> CmdResult<CheckReport> {
    Ok(backup::check(&*state.store()?, None)?)
}

/// Reads the chosen files and says what importing them would do; nothing is written. The plan
/// is kept here, so what is imported is exactly what was shown, whatever the webview sends.
#[tauri::command(async)]
pub fn plan_markdown_import(
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> CmdResult<ImportPlan> {
    let mut inputs = Vec::with_capacity(paths.len());
    for path in paths {
        let bytes = read(&path)?;
        let name = PathBuf::from(&path)
            .file_name()
            .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        inputs.push((name, bytes));
    }
    let plan = markdown::plan(&inputs)?;
    state.set_pending_import(Some(plan.clone()));
    Ok(plan)
}

/// Writes the plan last shown into `project` (made when no project has that name).
#[tauri::command(async)]
pub fn apply_markdown_import(
    state: State<'_, AppState>,
    project: String,
) -> CmdResult<ImportReport> {
    let plan = state.take_pending_import().ok_or_else(|| {
        Error::Refused("There is no import to apply: choose the files again.".into())
    })?;
    Ok(markdown::apply(&mut *state.store()?, &plan, &project)?)
}

/// Writes the project's tables as Markdown to `path`; returns where.
#[tauri::command(async)]
pub fn export_markdown(
    state: State<'_, AppState>,
    project_id: String,
    path: String,
) -> CmdResult<String> {
    let path = files::with_extension(&PathBuf::from(path), "md")?;
    let text = markdown::export(&*state.store()?, &project_id)?;
    files::write_atomically(&path, text.as_bytes())?;
    state.remember_export(path.clone());
    Ok(path.display().to_string())
}

/// Writes one project (or, with none, every project) as JSON to `path`; returns where.
#[tauri::command(async)]
pub fn export_json(
    state: State<'_, AppState>,
    project_id: Option<String>,
    path: String,
) -> CmdResult<String> {
    let path = files::with_extension(&PathBuf::from(path), "json")?;
    let bytes = json::export(&*state.store()?, project_id.as_deref())?;
    files::write_atomically(&path, &bytes)?;
    state.remember_export(path.clone());
    Ok(path.display().to_string())
}

/// A file the user chose, or a message naming it.
fn read(path: &str) -> CmdResult<Vec<u8>> {
    Ok(std::fs::read(path).map_err(|e| {
        Error::Io(std::io::Error::new(
            e.kind(),
            format!("Could not read {path}: {e}"),
        ))
    })?)
}

/// What importing the file would do (name clashes, ids already here); nothing is written.
#[tauri::command(async)]
pub fn preview_json_import(
    state: State<'_, AppState>,
    path: String,
    options: JsonImportOptions,
) -> CmdResult<JsonImportPreview> {
    let bytes = read(&path)?;
    let options = JsonImportOptions {
        source: Some(path),
        ..options
    };
    Ok(json::preview(&*state.store()?, &bytes, &options)?)
}

#[tauri::command(async)]
pub fn import_json(
    state: State<'_, AppState>,
    path: String,
    options: JsonImportOptions,
) -> CmdResult<JsonImportReport> {
    let bytes = read(&path)?;
    let options = JsonImportOptions {
        source: Some(path),
        ..options
    };
    Ok(json::import(&mut *state.store()?, &bytes, options)?)
}

/// Writes one list of a project, as filtered on screen, as CSV to `path`; returns where.
#[tauri::command(async)]
pub fn export_csv(
    state: State<'_, AppState>,
    project_id: String,
    table: CsvTable,
    filter: CsvFilter,
    path: String,
) -> CmdResult<String> {
    let path = files::with_extension(&PathBuf::from(path), "csv")?;
    let bytes = {
        let store = state.store()?;
        csv::export_table(
            store.conn(),
            &project_id,
            table,
            &filter,
            store.clock().today(),
        )?
    };
    files::write_atomically(&path, &bytes)?;
    state.remember_export(path.clone());
    Ok(path.display().to_string())
}
