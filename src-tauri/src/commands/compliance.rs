//! Compliance commands: one read per sub-view of the page (scan, notes, review history), and the
//! writes, each returning the sub-view it changed.

use crate::error::CmdResult;
use crate::state::AppState;
use northstar_core::compliance::{
    self as c, Answers, Decision, InventoryEdit, NewInventoryRow, NewRegulation, NewReview,
    NewScanRow, NewTrigger, NewVendor, NotesView, Review, ScanEdit, ScanView, Snapshot,
    SnapshotEdit, TriggerEdit, VendorEdit,
};
use tauri::State;

#[tauri::command(async)]
pub fn compliance_scan(state: State<'_, AppState>, project_id: String) -> CmdResult<ScanView> {
    Ok(c::scan_view(state.store()?.conn(), &project_id)?)
}

#[tauri::command(async)]
pub fn compliance_notes(state: State<'_, AppState>, project_id: String) -> CmdResult<NotesView> {
    Ok(c::notes_view(state.store()?.conn(), &project_id)?)
}

#[tauri::command(async)]
pub fn compliance_reviews(
    state: State<'_, AppState>,
    project_id: String,
) -> CmdResult<Vec<Review>> {
    Ok(c::reviews_view(state.store()?.conn(), &project_id)?)
}

#[tauri::command(async)]
pub fn set_compliance_answers(
    state: State<'_, AppState>,
    project_id: String,
    answers: Answers,
) -> CmdResult<ScanView> {
    Ok(c::set_answers(&mut *state.store()?, &project_id, answers)?)
}

#[tauri::command(async)]
pub fn decide_regulation(
    state: State<'_, AppState>,
    project_id: String,
    regulation_id: String,
    decision: Decision,
) -> CmdResult<ScanView> {
    Ok(c::decide(
        &mut *state.store()?,
        &project_id,
        &regulation_id,
        decision,
    )?)
}

/// Adds the user's own regulation to the workspace's library and returns the project's view.
#[tauri::command(async)]
pub fn add_regulation(
    state: State<'_, AppState>,
    project_id: String,
    new: NewRegulation,
) -> CmdResult<ScanView> {
    let mut store = state.store()?;
    c::add_regulation(&mut store, new)?;
    Ok(c::scan_view(store.conn(), &project_id)?)
}

#[tauri::command(async)]
pub fn add_scan_row(
    state: State<'_, AppState>,
    project_id: String,
    new: NewScanRow,
) -> CmdResult<ScanView> {
    Ok(c::add_scan_row(&mut *state.store()?, &project_id, new)?)
}

#[tauri::command(async)]
pub fn edit_scan_row(
    state: State<'_, AppState>,
    id: String,
    edit: ScanEdit,
) -> CmdResult<ScanView> {
    Ok(c::edit_scan_row(&mut *state.store()?, &id, edit)?)
}

#[tauri::command(async)]
pub fn remove_scan_row(state: State<'_, AppState>, id: String) -> CmdResult<ScanView> {
    Ok(c::remove_scan_row(&mut *state.store()?, &id)?)
}

#[tauri::command(async)]
pub fn edit_compliance_snapshot(
    state: State<'_, AppState>,
    project_id: String,
    edit: SnapshotEdit,
) -> CmdResult<Snapshot> {
    Ok(c::edit_snapshot(&mut *state.store()?, &project_id, edit)?)
}

#[tauri::command(async)]
pub fn add_inventory_row(
    state: State<'_, AppState>,
    project_id: String,
    new: NewInventoryRow,
) -> CmdResult<NotesView> {
    Ok(c::add_inventory_row(
        &mut *state.store()?,
        &project_id,
        new,
    )?)
}

#[tauri::command(async)]
pub fn edit_inventory_row(
    state: State<'_, AppState>,
    id: String,
    edit: InventoryEdit,
) -> CmdResult<NotesView> {
    Ok(c::edit_inventory_row(&mut *state.store()?, &id, edit)?)
}

#[tauri::command(async)]
pub fn remove_inventory_row(state: State<'_, AppState>, id: String) -> CmdResult<NotesView> {
    Ok(c::remove_inventory_row(&mut *state.store()?, &id)?)
}

#[tauri::command(async)]
pub fn add_trigger(
    state: State<'_, AppState>,
    project_id: String,
    new: NewTrigger,
) -> CmdResult<NotesView> {
    Ok(c::add_trigger(&mut *state.store()?, &project_id, new)?)
}

#[tauri::command(async)]
pub fn edit_trigger(
    state: State<'_, AppState>,
    id: String,
    edit: TriggerEdit,
) -> CmdResult<NotesView> {
    Ok(c::edit_trigger(&mut *state.store()?, &id, edit)?)
}

#[tauri::command(async)]
pub fn remove_trigger(state: State<'_, AppState>, id: String) -> CmdResult<NotesView> {
    Ok(c::remove_trigger(&mut *state.store()?, &id)?)
}

#[tauri::command(async)]
pub fn add_vendor(
    state: State<'_, AppState>,
    project_id: String,
    new: NewVendor,
) -> CmdResult<NotesView> {
    Ok(c::add_vendor(&mut *state.store()?, &project_id, new)?)
}

#[tauri::command(async)]
pub fn edit_vendor(
    state: State<'_, AppState>,
    id: String,
    edit: VendorEdit,
) -> CmdResult<NotesView> {
    Ok(c::edit_vendor(&mut *state.store()?, &id, edit)?)
}

#[tauri::command(async)]
pub fn remove_vendor(state: State<'_, AppState>, id: String) -> CmdResult<NotesView> {
    Ok(c::remove_vendor(&mut *state.store()?, &id)?)
}

#[tauri::command(async)]
pub fn add_control(
    state: State<'_, AppState>,
    project_id: String,
    label: String,
) -> CmdResult<NotesView> {
    Ok(c::add_control(&mut *state.store()?, &project_id, &label)?)
}

/// Ticks or unticks a control; the tick is signed with the computer's user name.
#[tauri::command(async)]
pub fn tick_control(state: State<'_, AppState>, id: String, done: bool) -> CmdResult<NotesView> {
    let by = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_default();
    Ok(c::tick_control(&mut *state.store()?, &id, done, &by)?)
}

#[tauri::command(async)]
pub fn remove_control(state: State<'_, AppState>, id: String) -> CmdResult<NotesView> {
    Ok(c::remove_control(&mut *state.store()?, &id)?)
}

#[tauri::command(async)]
pub fn set_compliance_question(
    state: State<'_, AppState>,
    project_id: String,
    key: String,
    done: bool,
    note: String,
) -> CmdResult<NotesView> {
    Ok(c::set_question(
        &mut *state.store()?,
        &project_id,
        &key,
        done,
        &note,
    )?)
}

#[tauri::command(async)]
pub fn record_review(
    state: State<'_, AppState>,
    project_id: String,
    new: NewReview,
) -> CmdResult<Vec<Review>> {
    Ok(c::record_review(&mut *state.store()?, &project_id, new)?)
}
