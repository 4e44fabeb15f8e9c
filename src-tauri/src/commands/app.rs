//! Commands about the app itself: where the workspace is, and opening links and files.

use crate::error::CmdResult;
use crate::state::AppState;
use northstar_core::ErrorPayload;
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    /// Why the workspace could not be opened, when it could not; the UI shows only this then.
    pub open_error: Option<ErrorPayload>,
}

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        data_dir: state.data_dir.display().to_string(),
        open_error: state.open_error.clone(),
    }
}

/// Opens an evidence link in the system browser or mail app, after checking its scheme here:
/// the webview is not trusted to have done so.
#[tauri::command(async)]
pub fn open_link(app: AppHandle, url: String) -> CmdResult<()> {
    let url = northstar_core::validate::link(&url)?;
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| northstar_core::Error::Io(std::io::Error::other(e.to_string())))?;
    Ok(())
}
