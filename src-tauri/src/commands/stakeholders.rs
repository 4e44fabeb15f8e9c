//! Stakeholder canvas commands: stakeholders and their check-ins.

use crate::error::CmdResult;
use crate::state::AppState;
use northstar_core::named::Named;
use northstar_core::stakeholders::{
    self, NewStakeholder, Stakeholder, StakeholderEdit, StakeholderRemoval,
};
use tauri::State;

#[tauri::command(async)]
pub fn list_stakeholders(
    state: State<'_, AppState>,
    project_id: String,
) -> CmdResult<Vec<Stakeholder>> {
    let store = state.store()?;
    Ok(stakeholders::list_stakeholders(
        store.conn(),
        &project_id,
        store.clock().today(),
    )?)
}

/// Stakeholder ids and names only, for a goal's picker.
#[tauri::command(async)]
pub fn stakeholder_names(state: State<'_, AppState>, project_id: String) -> CmdResult<Vec<Named>> {
    Ok(stakeholders::stakeholder_names(
        state.store()?.conn(),
        &project_id,
    )?)
}

#[tauri::command(async)]
pub fn add_stakeholder(
    state: State<'_, AppState>,
    project_id: String,
    new: NewStakeholder,
) -> CmdResult<Stakeholder> {
    Ok(stakeholders::add_stakeholder(
        &mut *state.store()?,
        &project_id,
        new,
    )?)
}

#[tauri::command(async)]
pub fn edit_stakeholder(
    state: State<'_, AppState>,
    id: String,
    edit: StakeholderEdit,
) -> CmdResult<Stakeholder> {
    Ok(stakeholders::edit_stakeholder(
        &mut *state.store()?,
        &id,
        edit,
    )?)
}

#[tauri::command(async)]
pub fn move_stakeholder(
    state: State<'_, AppState>,
    id: String,
    index: i64,
) -> CmdResult<Vec<Stakeholder>> {
    Ok(stakeholders::move_stakeholder(
        &mut *state.store()?,
        &id,
        index,
    )?)
}

#[tauri::command(async)]
pub fn stakeholder_removal_impact(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<StakeholderRemoval> {
    Ok(stakeholders::stakeholder_removal_impact(
        state.store()?.conn(),
        &id,
    )?)
}

#[tauri::command(async)]
pub fn remove_stakeholder(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    Ok(stakeholders::remove_stakeholder(&mut *state.store()?, &id)?)
}

#[tauri::command(async)]
pub fn check_in(
    state: State<'_, AppState>,
    stakeholder_id: String,
    date: Option<String>,
    note: String,
) -> CmdResult<Stakeholder> {
    Ok(stakeholders::check_in(
        &mut *state.store()?,
        &stakeholder_id,
        date.as_deref(),
        &note,
    )?)
}

#[tauri::command(async)]
pub fn delete_check_in(state: State<'_, AppState>, id: String) -> CmdResult<Stakeholder> {
    Ok(stakeholders::delete_check_in(&mut *state.store()?, &id)?)
}
