//! The tray icon: what is due at a glance, "Open agenda" and "Quit", so the reminders keep
//! running while the window is closed (when the user keeps Northstar in the tray).
//!
//! On Linux the icon is an AppIndicator, which shows no tooltip and no click: the count is the
//! label beside the icon and the first (disabled) line of its menu.

use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Wry};

const ID: &str = "northstar";
const OPEN_AGENDA: &str = "open-agenda";
const QUIT: &str = "quit";
/// The event the UI listens for to show the agenda across all projects.
pub const SHOW_AGENDA_EVENT: &str = "show-agenda";

/// The menu line that says what is due, kept so it can be rewritten.
struct DueLine(MenuItem<Wry>);

/// Builds the icon. An error (no tray on this desktop) leaves the app working without one.
pub fn create(app: &AppHandle) -> tauri::Result<()> {
    let due = MenuItem::with_id(app, "due", due_text(0), false, None::<&str>)?;
    let menu = Menu::with_items(
        app,
        &[
            &due,
            &PredefinedMenuItem::separator(app)?,
            &MenuItem::with_id(app, OPEN_AGENDA, "Open agenda", true, None::<&str>)?,
            &MenuItem::with_id(app, QUIT, "Quit Northstar", true, None::<&str>)?,
        ],
    )?;
    let mut builder = TrayIconBuilder::with_id(ID)
        .menu(&menu)
        .tooltip("Northstar")
        .on_menu_event(|app, event| match event.id().as_ref() {
            OPEN_AGENDA => {
                crate::focus_main(app);
                let _ = app.emit(SHOW_AGENDA_EVENT, ());
            }
            QUIT => app.exit(0),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    app.manage(DueLine(due));
    Ok(())
}

/// Whether the icon exists, i.e. hiding the window leaves a way back to it.
pub fn exists(app: &AppHandle) -> bool {
    app.tray_by_id(ID).is_some()
}

/// Shows how many reviews are overdue or due today.
pub fn show_due(app: &AppHandle, due: u32) {
    let Some(tray) = app.tray_by_id(ID) else {
        return;
    };
    let text = due_text(due);
    let _ = tray.set_tooltip(Some(&text));
    // The label beside the icon: the count alone, nothing when nothing is due.
    let _ = tray.set_title(Some(if due == 0 {
        String::new()
    } else {
        due.to_string()
    }));
    if let Some(line) = app.try_state::<DueLine>() {
        let _ = line.0.set_text(&text);
    }
}

fn due_text(due: u32) -> String {
    match due {
        0 => "Nothing due today".into(),
        1 => "1 review overdue or due today".into(),
        n => format!("{n} reviews overdue or due today"),
    }
}
