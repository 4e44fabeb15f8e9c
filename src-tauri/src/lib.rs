//! The desktop shell: plugins, managed state and the command list. The domain lives in
//! `northstar_core`; this crate only connects it to a window.

mod backups;
mod commands;
mod desktop;
mod error;
mod reminders;
mod renderer;
mod state;
mod tray;

use state::AppState;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tauri::{Emitter, Manager};

/// The TypeScript declarations of the shell's own payloads, appended to the core's.
pub fn typescript_bindings() -> String {
    use ts_rs::TS;
    northstar_core::bindings::typescript(&[
        commands::app::AppInfo::decl,
        desktop::DesktopSettings::decl,
    ])
}

/// Opens the window on the workspace in `data_dir`; `minimized` (from the login item) starts
/// it in the tray when the user keeps Northstar there, else minimised.
pub fn run_window(data_dir: PathBuf, minimized: bool) -> ExitCode {
    renderer::choose();
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        eprintln!(
            "northstar: no display to open the window on. Run it in a desktop session, or headless with `xvfb-run -a northstar`. Subcommands such as `northstar projects` need no display."
        );
        return ExitCode::from(1);
    }
    let opened = northstar_core::workspace::open(&data_dir);
    if let Err(e) = &opened {
        eprintln!("northstar: {e}");
    }
    let reminders_on = opened.is_ok();
    let state = AppState::new(data_dir.clone(), opened);
    let result = tauri::Builder::default()
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(instance_id(&data_dir))
                .callback(|app, _args, _cwd| focus_main(app))
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        // Size, position and maximised, as the user left them. Not visibility: a window hidden
        // in the tray must not come back hidden on the next ordinary launch.
        .plugin(
            tauri_plugin_window_state::Builder::new()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::SIZE
                        | tauri_plugin_window_state::StateFlags::POSITION
                        | tauri_plugin_window_state::StateFlags::MAXIMIZED,
                )
                .build(),
        )
        .manage(state)
        .setup(move |app| {
            // Only the window that holds the single-instance lock gets here.
            let handle = app.handle();
            // A desktop with no tray area (or a user who set NORTHSTAR_NO_TRAY) still gets
            // the window and its reminders; closing it then quits.
            if std::env::var_os("NORTHSTAR_NO_TRAY").is_none() {
                if let Err(e) = tray::create(handle) {
                    eprintln!("northstar: no tray icon: {e}");
                }
            }
            if minimized {
                if let Some(w) = app.get_webview_window("main") {
                    let in_tray = handle.state::<AppState>().keep_in_tray() && tray::exists(handle);
                    let _ = if in_tray { w.hide() } else { w.minimize() };
                }
            }
            // Every edit, from any page, tells the window what it was, for "Score changed · Undo".
            if let Ok(mut store) = handle.state::<AppState>().store() {
                let to = handle.clone();
                store.on_commit(Box::new(move |done| {
                    let _ = to.emit(commands::undo::EDITED_EVENT, done);
                }));
            }
            if reminders_on {
                reminders::spawn(data_dir.clone(), handle.clone());
                backups::spawn_daily(data_dir.clone());
            }
            Ok(())
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                let app = window.app_handle();
                if app.state::<AppState>().keep_in_tray() && tray::exists(app) {
                    api.prevent_close();
                    let _ = window.hide();
                }
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::open_link,
            commands::project::list_projects,
            commands::project::first_screen,
            commands::project::create_project,
            commands::project::edit_project,
            commands::project::set_project_archived,
            commands::project::project_deletion_impact,
            commands::project::delete_project,
            commands::scorecard::pillar_sets,
            commands::scorecard::get_scorecard,
            commands::scorecard::add_pillar,
            commands::scorecard::add_pillar_set,
            commands::scorecard::edit_pillar,
            commands::scorecard::move_pillar,
            commands::scorecard::pillar_removal_impact,
            commands::scorecard::remove_pillar,
            commands::scorecard::record_assessment,
            commands::scorecard::edit_assessment,
            commands::scorecard::delete_assessment,
            commands::scorecard::compare_assessments,
            commands::goals::list_goals,
            commands::goals::goal_names,
            commands::goals::leading_goal,
            commands::goals::add_goal,
            commands::goals::edit_goal,
            commands::goals::move_goal,
            commands::goals::remove_goal,
            commands::goals::add_reading,
            commands::goals::delete_reading,
            commands::compliance::compliance_scan,
            commands::compliance::compliance_notes,
            commands::compliance::compliance_reviews,
            commands::compliance::set_compliance_answers,
            commands::compliance::decide_regulation,
            commands::compliance::add_regulation,
            commands::compliance::add_scan_row,
            commands::compliance::edit_scan_row,
            commands::compliance::remove_scan_row,
            commands::compliance::edit_compliance_snapshot,
            commands::compliance::add_inventory_row,
            commands::compliance::edit_inventory_row,
            commands::compliance::remove_inventory_row,
            commands::compliance::add_trigger,
            commands::compliance::edit_trigger,
            commands::compliance::remove_trigger,
            commands::compliance::add_vendor,
            commands::compliance::edit_vendor,
            commands::compliance::remove_vendor,
            commands::compliance::add_control,
            commands::compliance::tick_control,
            commands::compliance::remove_control,
            commands::compliance::set_compliance_question,
            commands::compliance::record_review,
            commands::agenda::agenda,
            commands::agenda::agenda_first,
            commands::agenda::agenda_due_counts,
            commands::agenda::mark_reviewed,
            commands::agenda::snooze_item,
            commands::agenda::reminder_settings,
            commands::agenda::save_reminder_settings,
            commands::agenda::export_ics,
            commands::data::backup_now,
            commands::data::list_backups,
            commands::data::restore_backup,
            commands::data::last_restore,
            commands::data::check_workspace,
            commands::data::plan_markdown_import,
            commands::data::apply_markdown_import,
            commands::data::export_markdown,
            commands::data::export_json,
            commands::data::preview_json_import,
            commands::data::import_json,
            commands::data::export_csv,
            commands::desktop::desktop_settings,
            commands::desktop::save_desktop_settings,
            commands::risks::risks_view,
            commands::risks::list_risks,
            commands::risks::risk_heat_map,
            commands::risks::risk_owners,
            commands::risks::get_risk,
            commands::risks::risk_history,
            commands::risks::add_risk,
            commands::risks::edit_risk,
            commands::risks::remove_risk,
            commands::risks::risk_from_goal_text,
            commands::stakeholders::list_stakeholders,
            commands::stakeholders::stakeholder_names,
            commands::stakeholders::add_stakeholder,
            commands::stakeholders::edit_stakeholder,
            commands::stakeholders::move_stakeholder,
            commands::stakeholders::stakeholder_removal_impact,
            commands::stakeholders::remove_stakeholder,
            commands::stakeholders::check_in,
            commands::stakeholders::delete_check_in,
            commands::first_week::get_first_week,
            commands::first_week::tick_first_week,
            commands::first_week::dismiss_first_week,
            commands::report::default_paper,
            commands::palette::palette_index,
            commands::palette::project_briefing,
            commands::report::set_default_paper,
            commands::report::export_pdf,
            commands::report::open_exported,
            commands::undo::undo_state,
            commands::undo::undo,
            commands::undo::redo,
            commands::undo::list_trash,
            commands::undo::restore_trash,
            commands::undo::empty_trash,
        ])
        .build(tauri::generate_context!());
    match result {
        Ok(app) => {
            app.run(|handle, event| {
                if let tauri::RunEvent::Exit = event {
                    handle.state::<AppState>().checkpoint();
                }
            });
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("northstar: {e}");
            ExitCode::from(1)
        }
    }
}

/// One window per workspace: the single-instance D-Bus name carries a hash of the folder, so
/// two different workspaces can be open at once while a second launch on the same one focuses
/// the first.
fn instance_id(data_dir: &Path) -> String {
    let canonical = std::fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
    // FNV-1a: stable across builds, unlike std's hasher, so every version agrees on the name.
    let hash = canonical
        .to_string_lossy()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("app.northstar.desktop.w{hash:016x}")
}

pub(crate) fn focus_main(app: &tauri::AppHandle) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}

#[cfg(test)]
mod tests {
    /// The UI's types are generated from the Rust ones; this fails when they drift apart.
    /// `make bindings` (UPDATE_BINDINGS=1) rewrites the file.
    #[test]
    fn typescript_bindings_are_up_to_date() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/api/bindings.ts");
        let fresh = super::typescript_bindings();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(path, &fresh).unwrap();
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == fresh,
            "ui/src/lib/api/bindings.ts is stale: run `make bindings` and commit it"
        );
    }
}
