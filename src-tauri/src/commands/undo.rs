//! Undo, redo and the trash: the stack across every area, and removals brought back.

use crate::error::CmdResult;
use crate::state::AppState;
use northstar_core::undo::{self, Purged, TrashEntry, UndoOutcome, UndoState};
use tauri::State;

/// The event each edit sends the window, with the batch it committed: the toast's "· Undo".
pub const EDITED_EVENT: &str = "edited";

#[tauri::command(async)]
pub fn undo_state(state: State<'_, AppState>) -> CmdResult<UndoState> {
    Ok(undo::undo_state(state.store()?.conn())?)
}

#[tauri::command(async)]
pub fn undo(state: State<'_, AppState>) -> CmdResult<UndoOutcome> {
    Ok(undo::undo(&mut *state.store()?)?)
}

#[tauri::command(async)]
pub fn redo(state: State<'_, AppState>) -> CmdResult<UndoOutcome> {
    Ok(undo::redo(&mut *state.store()?)?)
}

#[tauri::command(async)]
pub fn list_trash(state: State<'_, AppState>) -> CmdResult<Vec<TrashEntry>> {
    Ok(undo::list_trash(state.store()?.conn())?)
}

#[tauri::command(async)]
pub fn restore_trash(state: State<'_, AppState>, id: String) -> CmdResult<UndoOutcome> {
    Ok(undo::restore(&mut *state.store()?, &id)?)
}

#[tauri::command(async)]
pub fn empty_trash(state: State<'_, AppState>) -> CmdResult<Purged> {
    Ok(undo::empty_trash(&mut *state.store()?)?)
}
