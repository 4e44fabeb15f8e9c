//! Risk register commands: the page's first screen, further pages and searches, and edits.
//! Rows come a page at a time: a register of 20,000 risks never crosses IPC whole.

use crate::error::CmdResult;
use crate::state::AppState;
use northstar_core::risks::{
    self, HeatMap, NewRisk, Risk, RiskChange, RiskEdit, RiskPage, RiskQuery, RisksView,
};
use tauri::State;

/// The heat map, the first page for `query`, the owners and the link labels, in one call.
#[tauri::command(async)]
pub fn risks_view(
    state: State<'_, AppState>,
    project_id: String,
    query: RiskQuery,
) -> CmdResult<RisksView> {
    let store = state.store()?;
    let today = store.clock().today();
    Ok(risks::risks_view(store.conn(), &project_id, &query, today)?)
}

#[tauri::command(async)]
pub fn list_risks(
    state: State<'_, AppState>,
    project_id: String,
    query: RiskQuery,
) -> CmdResult<RiskPage> {
    let store = state.store()?;
    let today = store.clock().today();
    Ok(risks::list_risks(store.conn(), &project_id, &query, today)?)
}

#[tauri::command(async)]
pub fn risk_heat_map(state: State<'_, AppState>, project_id: String) -> CmdResult<HeatMap> {
    Ok(risks::heat_map(state.store()?.conn(), &project_id)?)
}

#[tauri::command(async)]
pub fn risk_owners(state: State<'_, AppState>, project_id: String) -> CmdResult<Vec<String>> {
    Ok(risks::risk_owners(state.store()?.conn(), &project_id)?)
}

#[tauri::command(async)]
pub fn get_risk(state: State<'_, AppState>, id: String) -> CmdResult<Risk> {
    let store = state.store()?;
    Ok(risks::get_risk(store.conn(), &id, store.clock().today())?)
}

#[tauri::command(async)]
pub fn risk_history(state: State<'_, AppState>, id: String) -> CmdResult<Vec<RiskChange>> {
    Ok(risks::risk_history(state.store()?.conn(), &id)?)
}

#[tauri::command(async)]
pub fn add_risk(state: State<'_, AppState>, project_id: String, new: NewRisk) -> CmdResult<Risk> {
    Ok(risks::add_risk(&mut *state.store()?, &project_id, new)?)
}

#[tauri::command(async)]
pub fn edit_risk(state: State<'_, AppState>, id: String, edit: RiskEdit) -> CmdResult<Risk> {
    Ok(risks::edit_risk(&mut *state.store()?, &id, edit)?)
}

#[tauri::command(async)]
pub fn remove_risk(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    Ok(risks::remove_risk(&mut *state.store()?, &id)?)
}

/// Turns a goal's typed "risks & mitigations" into a linked risk, clearing the typed text.
#[tauri::command(async)]
pub fn risk_from_goal_text(state: State<'_, AppState>, goal_id: String) -> CmdResult<Risk> {
    Ok(risks::risk_from_goal_text(&mut *state.store()?, &goal_id)?)
}
