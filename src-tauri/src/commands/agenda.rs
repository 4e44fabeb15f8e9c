//! Agenda commands: the list (all projects or one), the sidebar's due counts, marking reviewed,
//! snoozing, the reminder settings, and the calendar file.

use crate::error::CmdResult;
use crate::state::AppState;
use northstar_core::agenda::{self, AgendaFirst, AgendaItem, AgendaQuery, ReminderSettings};
use northstar_core::files;
use std::collections::HashMap;
use std::path::PathBuf;
use tauri::{AppHandle, State};

#[tauri::command(async)]
pub fn agenda(state: State<'_, AppState>, query: AgendaQuery) -> CmdResult<Vec<AgendaItem>> {
    let store = state.store()?;
    Ok(agenda::agenda(store.conn(), store.clock().today(), &query)?)
}

/// The first `limit` items and the counts: what the page paints first (the rest follows).
#[tauri::command(async)]
pub fn agenda_first(
    state: State<'_, AppState>,
    query: AgendaQuery,
    limit: u32,
) -> CmdResult<AgendaFirst> {
    let store = state.store()?;
    Ok(agenda::agenda_first(
        store.conn(),
        store.clock().today(),
        &query,
        limit as usize,
    )?)
}

/// Items overdue or due today, per project id. The sidebar asks after every change, so the
/// tray's count is brought up to date here too.
#[tauri::command(async)]
pub fn agenda_due_counts(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CmdResult<HashMap<String, u32>> {
    let counts = {
        let store = state.store()?;
        agenda::due_counts(store.conn(), store.clock().today())?
    };
    // After the store is let go: the tray is changed on the main thread, which is busy at
    // launch, and every other command (the first screen's) would wait for it with the store.
    crate::tray::show_due(&app, counts.values().sum());
    Ok(counts)
}

/// Marks an item reviewed; returns its next occurrence when it recurs.
#[tauri::command(async)]
pub fn mark_reviewed(
    state: State<'_, AppState>,
    item: String,
    note: String,
) -> CmdResult<Option<AgendaItem>> {
    Ok(agenda::mark_reviewed(&mut *state.store()?, &item, &note)?)
}

#[tauri::command(async)]
pub fn snooze_item(
    state: State<'_, AppState>,
    item: String,
    until: String,
) -> CmdResult<AgendaItem> {
    Ok(agenda::snooze(&mut *state.store()?, &item, &until)?)
}

#[tauri::command(async)]
pub fn reminder_settings(state: State<'_, AppState>) -> CmdResult<ReminderSettings> {
    Ok(ReminderSettings::load(&*state.store()?)?)
}

#[tauri::command(async)]
pub fn save_reminder_settings(
    state: State<'_, AppState>,
    settings: ReminderSettings,
) -> CmdResult<ReminderSettings> {
    let store = state.store()?;
    settings.save(&store)?;
    Ok(ReminderSettings::load(&store)?)
}

/// Writes every review date (of one project, when given) as an .ics file; returns where.
#[tauri::command(async)]
pub fn export_ics(
    state: State<'_, AppState>,
    path: String,
    project_id: Option<String>,
) -> CmdResult<String> {
    let path = files::with_extension(&PathBuf::from(path), "ics")?;
    let text = {
        let store = state.store()?;
        agenda::ics(
            store.conn(),
            store.clock().today(),
            store.clock().now(),
            project_id.as_deref(),
        )?
    };
    files::write_atomically(&path, text.as_bytes())?;
    Ok(path.display().to_string())
}
