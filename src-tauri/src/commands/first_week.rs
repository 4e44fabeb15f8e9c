//! The first-week card on the Overview.

use crate::error::CmdResult;
use crate::state::AppState;
use northstar_core::first_week::{self, FirstWeek};
use tauri::State;

#[tauri::command(async)]
pub fn get_first_week(state: State<'_, AppState>, project_id: String) -> CmdResult<FirstWeek> {
    Ok(first_week::first_week(state.store()?.conn(), &project_id)?)
}

#[tauri::command(async)]
pub fn tick_first_week(
    state: State<'_, AppState>,
    project_id: String,
    key: String,
    done: bool,
) -> CmdResult<FirstWeek> {
    Ok(first_week::tick(
        &mut *state.store()?,
        &project_id,
        &key,
        done,
    )?)
}

#[tauri::command(async)]
pub fn dismiss_first_week(
    state: State<'_, AppState>,
    project_id: String,
    dismissed: bool,
) -> CmdResult<FirstWeek> {
    Ok(first_week::set_dismissed(
        &mut *state.store()?,
        &project_id,
        dismissed,
    )?)
}
