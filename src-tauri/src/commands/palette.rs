//! The command palette's index, and the Overview's briefing (the one-page scorecard on screen).

use crate::error::CmdResult;
use crate::state::AppState;
use northstar_core::palette::{self, PaletteProject};
use northstar_core::report::{self, Briefing};
use tauri::State;

/// Every project with the names in it; the window matches what is typed against it.
#[tauri::command(async)]
pub fn palette_index(state: State<'_, AppState>) -> CmdResult<Vec<PaletteProject>> {
    Ok(palette::index(state.store()?.conn())?)
}

/// What the project's one-page scorecard says today, for its Overview.
#[tauri::command(async)]
pub fn project_briefing(state: State<'_, AppState>, project_id: String) -> CmdResult<Briefing> {
    let store = state.store()?;
    Ok(report::briefing(
        store.conn(),
        &project_id,
        store.clock().today(),
    )?)
}
