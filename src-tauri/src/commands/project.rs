//! Project commands.

use crate::error::CmdResult;
use crate::state::AppState;
use northstar_core::launch::{self, FirstScreen};
use northstar_core::project::{self, DeletionImpact, NewProject, Project, ProjectEdit};
use tauri::State;

#[tauri::command(async)]
pub fn list_projects(state: State<'_, AppState>) -> CmdResult<Vec<Project>> {
    Ok(project::list(state.store()?.conn())?)
}

/// The launch: the projects, the one that opens and, when its page is the scorecard, its
/// scorecard, in one round trip.
#[tauri::command(async)]
pub fn first_screen(
    state: State<'_, AppState>,
    remembered: Option<String>,
    scorecard: bool,
) -> CmdResult<FirstScreen> {
    Ok(launch::first_screen(
        state.store()?.conn(),
        remembered.as_deref(),
        scorecard,
    )?)
}

#[tauri::command(async)]
pub fn create_project(state: State<'_, AppState>, new: NewProject) -> CmdResult<Project> {
    Ok(project::create(&mut *state.store()?, new)?)
}

#[tauri::command(async)]
pub fn edit_project(
    state: State<'_, AppState>,
    id: String,
    edit: ProjectEdit,
) -> CmdResult<Project> {
    Ok(project::edit(&mut *state.store()?, &id, edit)?)
}

#[tauri::command(async)]
pub fn set_project_archived(
    state: State<'_, AppState>,
    id: String,
    archived: bool,
) -> CmdResult<Project> {
    Ok(project::set_archived(&mut *state.store()?, &id, archived)?)
}

#[tauri::command(async)]
pub fn project_deletion_impact(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<DeletionImpact> {
    Ok(project::deletion_impact(state.store()?.conn(), &id)?)
}

#[tauri::command(async)]
pub fn delete_project(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    Ok(project::delete(&mut *state.store()?, &id)?)
}
