//! Desktop settings: keep running in the tray when the window closes, start at login.

use crate::desktop::{self, DesktopSettings};
use crate::error::CmdResult;
use crate::state::AppState;
use northstar_core::Error;
use tauri::{AppHandle, State};

#[tauri::command(async)]
pub fn desktop_settings(app: AppHandle, state: State<'_, AppState>) -> CmdResult<DesktopSettings> {
    Ok(DesktopSettings {
        keep_in_tray: state.keep_in_tray(),
        start_at_login: desktop::login_item(&state.data_dir)
            .and_then(|item| item.is_enabled())
            .unwrap_or(false),
        tray_available: crate::tray::exists(&app),
    })
}

#[tauri::command(async)]
pub fn save_desktop_settings(
    app: AppHandle,
    state: State<'_, AppState>,
    settings: DesktopSettings,
) -> CmdResult<DesktopSettings> {
    desktop::save_keep_in_tray(&*state.store()?, settings.keep_in_tray)?;
    state.set_keep_in_tray(settings.keep_in_tray);
    // Written again each time it is on, so an item left by an older install runs this one.
    let changed = desktop::login_item(&state.data_dir).and_then(|item| {
        if settings.start_at_login {
            item.enable()
        } else if item.is_enabled().unwrap_or(false) {
            item.disable()
        } else {
            Ok(())
        }
    });
    changed.map_err(|e| {
        Error::Io(std::io::Error::other(format!(
            "Could not change the login item: {e}"
        )))
    })?;
    desktop_settings(app, state)
}
