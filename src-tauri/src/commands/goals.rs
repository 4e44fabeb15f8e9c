//! Goal commands: goals, their readings, and the goal the leading metric follows.

use crate::error::CmdResult;
use crate::state::AppState;
use northstar_core::goals::{self, Goal, GoalEdit, NewGoal};
use northstar_core::named::Named;
use tauri::State;

#[tauri::command(async)]
pub fn list_goals(state: State<'_, AppState>, project_id: String) -> CmdResult<Vec<Goal>> {
    let store = state.store()?;
    Ok(goals::list_goals(
        store.conn(),
        &project_id,
        store.clock().today(),
    )?)
}

/// Goal ids and texts only, for the stakeholder canvas's labels.
#[tauri::command(async)]
pub fn goal_names(state: State<'_, AppState>, project_id: String) -> CmdResult<Vec<Named>> {
    Ok(goals::goal_names(state.store()?.conn(), &project_id)?)
}

#[tauri::command(async)]
pub fn leading_goal(state: State<'_, AppState>, project_id: String) -> CmdResult<Option<Goal>> {
    let store = state.store()?;
    Ok(goals::leading_goal(
        store.conn(),
        &project_id,
        store.clock().today(),
    )?)
}

#[tauri::command(async)]
pub fn add_goal(state: State<'_, AppState>, project_id: String, new: NewGoal) -> CmdResult<Goal> {
    Ok(goals::add_goal(&mut *state.store()?, &project_id, new)?)
}

#[tauri::command(async)]
pub fn edit_goal(state: State<'_, AppState>, id: String, edit: GoalEdit) -> CmdResult<Goal> {
    Ok(goals::edit_goal(&mut *state.store()?, &id, edit)?)
}

#[tauri::command(async)]
pub fn move_goal(state: State<'_, AppState>, id: String, index: i64) -> CmdResult<Vec<Goal>> {
    Ok(goals::move_goal(&mut *state.store()?, &id, index)?)
}

#[tauri::command(async)]
pub fn remove_goal(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    Ok(goals::remove_goal(&mut *state.store()?, &id)?)
}

#[tauri::command(async)]
pub fn add_reading(
    state: State<'_, AppState>,
    goal_id: String,
    value: f64,
    date: Option<String>,
) -> CmdResult<Goal> {
    Ok(goals::add_reading(
        &mut *state.store()?,
        &goal_id,
        value,
        date.as_deref(),
    )?)
}

#[tauri::command(async)]
pub fn delete_reading(state: State<'_, AppState>, id: String) -> CmdResult<Goal> {
    Ok(goals::delete_reading(&mut *state.store()?, &id)?)
}
