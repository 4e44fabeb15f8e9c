//! Scorecard commands: pillars, scores and assessments.

use crate::error::CmdResult;
use crate::state::AppState;
use northstar_core::scorecard::{
    self, Assessment, AssessmentEdit, NewPillar, Pillar, PillarEdit, PillarSaved, PillarSet,
    PillarSetInfo, RemovalImpact, ScoreChange, ScorecardScreen,
};
use tauri::State;

#[tauri::command(async)]
pub fn pillar_sets() -> Vec<PillarSetInfo> {
    scorecard::PILLAR_SETS.iter().map(|s| s.info()).collect()
}

/// What the page shows: no frozen evidence (the compare table asks for its two assessments').
#[tauri::command(async)]
pub fn get_scorecard(state: State<'_, AppState>, project_id: String) -> CmdResult<ScorecardScreen> {
    Ok(scorecard::scorecard_screen(
        state.store()?.conn(),
        &project_id,
    )?)
}

#[tauri::command(async)]
pub fn add_pillar(
    state: State<'_, AppState>,
    project_id: String,
    new: NewPillar,
) -> CmdResult<Pillar> {
    Ok(scorecard::add_pillar(
        &mut *state.store()?,
        &project_id,
        new,
    )?)
}

#[tauri::command(async)]
pub fn add_pillar_set(
    state: State<'_, AppState>,
    project_id: String,
    set: PillarSet,
) -> CmdResult<Vec<Pillar>> {
    Ok(scorecard::add_pillar_set(
        &mut *state.store()?,
        &project_id,
        set,
    )?)
}

#[tauri::command(async)]
pub fn edit_pillar(
    state: State<'_, AppState>,
    id: String,
    edit: PillarEdit,
) -> CmdResult<PillarSaved> {
    Ok(scorecard::edit_pillar(&mut *state.store()?, &id, edit)?)
}

#[tauri::command(async)]
pub fn move_pillar(state: State<'_, AppState>, id: String, index: i64) -> CmdResult<Vec<Pillar>> {
    Ok(scorecard::move_pillar(&mut *state.store()?, &id, index)?)
}

#[tauri::command(async)]
pub fn pillar_removal_impact(state: State<'_, AppState>, id: String) -> CmdResult<RemovalImpact> {
    Ok(scorecard::pillar_removal_impact(
        state.store()?.conn(),
        &id,
    )?)
}

#[tauri::command(async)]
pub fn remove_pillar(state: State<'_, AppState>, id: String) -> CmdResult<Vec<Pillar>> {
    Ok(scorecard::remove_pillar(&mut *state.store()?, &id)?)
}

#[tauri::command(async)]
pub fn record_assessment(
    state: State<'_, AppState>,
    project_id: String,
    label: String,
    date: String,
) -> CmdResult<Assessment> {
    Ok(scorecard::record_assessment(
        &mut *state.store()?,
        &project_id,
        &label,
        &date,
    )?)
}

#[tauri::command(async)]
pub fn edit_assessment(
    state: State<'_, AppState>,
    id: String,
    edit: AssessmentEdit,
) -> CmdResult<Assessment> {
    Ok(scorecard::edit_assessment(&mut *state.store()?, &id, edit)?)
}

#[tauri::command(async)]
pub fn delete_assessment(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    Ok(scorecard::delete_assessment(&mut *state.store()?, &id)?)
}

#[tauri::command(async)]
pub fn compare_assessments(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> CmdResult<Vec<ScoreChange>> {
    Ok(scorecard::compare(state.store()?.conn(), &from, &to)?)
}
