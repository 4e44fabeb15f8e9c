//! How the window lives on the desktop, as the user chose: whether closing it keeps Northstar
//! running in the tray (so reminders still come), and whether it starts at login, minimised.
//! The first is kept in the workspace; the second is the autostart entry itself, so what the
//! settings say is always what the desktop will do.

use auto_launch::{AutoLaunch, AutoLaunchBuilder};
use northstar_core::{programs, Store};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

const SETTINGS_KEY: &str = "desktop";

/// The login item's name: `~/.config/autostart/Northstar.desktop` on Linux.
const LOGIN_ITEM: &str = "Northstar";

/// The flag the autostart entry passes: open in the tray (or minimised) instead of in front.
pub const MINIMIZED_FLAG: &str = "--minimized";

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct DesktopSettings {
    /// Closing the window hides it; the tray icon brings it back, and reminders keep coming.
    pub keep_in_tray: bool,
    /// An autostart entry opens Northstar at login, minimised.
    pub start_at_login: bool,
    /// Whether this desktop shows the tray icon; without one, closing the window quits.
    #[serde(default)]
    pub tray_available: bool,
}

/// The part kept in the workspace.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Stored {
    keep_in_tray: bool,
}

pub fn keep_in_tray(store: &Store) -> bool {
    store
        .setting(SETTINGS_KEY)
        .ok()
        .flatten()
        .and_then(|s| serde_json::from_str::<Stored>(&s).ok())
        .unwrap_or_default()
        .keep_in_tray
}

pub fn save_keep_in_tray(store: &Store, keep: bool) -> northstar_core::Result<()> {
    let json = serde_json::to_string(&Stored { keep_in_tray: keep }).unwrap_or_default();
    store.set_setting(SETTINGS_KEY, &json)
}

/// The login item for the workspace in `data_dir`. It runs what a user launches, the
/// `northstar` command line beside this window program (which hands over to the window), so it
/// keeps working however the window was started; without one beside it, this program.
pub fn login_item(data_dir: &Path) -> auto_launch::Result<AutoLaunch> {
    let program = launcher(&std::env::current_exe()?);
    let path = program.display().to_string();
    // Only a desktop entry's Exec line needs quoting; auto-launch writes the path as it is.
    let path = if cfg!(target_os = "linux") {
        exec_quote(&path)
    } else {
        path
    };
    AutoLaunchBuilder::new()
        .set_app_name(LOGIN_ITEM)
        .set_app_path(&path)
        .set_args(&autostart_args(data_dir))
        .build()
}

/// `northstar` beside the window program `exe` when it is there, else `exe` itself.
fn launcher(exe: &Path) -> PathBuf {
    let cli = programs::beside(exe, programs::CLI);
    if cli.is_file() {
        cli
    } else {
        exe.to_path_buf()
    }
}

/// The arguments the autostart entry runs Northstar with: minimised, and on this workspace
/// when it is not the default one. Quoted as a desktop entry's Exec line wants.
pub fn autostart_args(data_dir: &Path) -> Vec<String> {
    let mut args = vec![MINIMIZED_FLAG.to_owned()];
    let default = northstar_core::workspace::default_dir();
    let dir = std::fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
    if dir != std::fs::canonicalize(&default).unwrap_or(default) {
        args.push(exec_quote(&format!("--data-dir={}", dir.display())));
    }
    args
}

/// Desktop Entry `Exec` quoting: an argument with spaces or reserved characters goes in double
/// quotes with `"`, `` ` ``, `$` and `\` escaped; `%` is doubled so it is not a field code.
fn exec_quote(arg: &str) -> String {
    let escaped = arg.replace('%', "%%");
    if !escaped
        .chars()
        .any(|c| c.is_whitespace() || "\"'\\><~|&;$*?#()`".contains(c))
    {
        return escaped;
    }
    let mut out = String::from("\"");
    for c in escaped.chars() {
        if matches!(c, '"' | '`' | '$' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_arguments_stay_as_they_are() {
        assert_eq!(
            exec_quote("--data-dir=/home/ana/work"),
            "--data-dir=/home/ana/work"
        );
    }

    #[test]
    fn arguments_with_spaces_and_reserved_characters_are_quoted() {
        assert_eq!(
            exec_quote("--data-dir=/home/ana/My Work $1"),
            r#""--data-dir=/home/ana/My Work \$1""#
        );
        assert_eq!(exec_quote("--data-dir=/a/100%"), "--data-dir=/a/100%%");
    }

    #[test]
    fn the_login_item_runs_the_command_line_beside_the_window_when_it_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let window = dir.path().join(programs::WINDOW);
        std::fs::write(&window, "").unwrap();
        assert_eq!(launcher(&window), window, "alone, the window runs itself");
        let cli = programs::beside(&window, programs::CLI);
        std::fs::write(&cli, "").unwrap();
        assert_eq!(launcher(&window), cli);
    }

    #[test]
    fn the_setting_survives_a_reopen_and_defaults_to_off() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("northstar.db");
        let store = Store::open(&path).unwrap();
        assert!(!keep_in_tray(&store));
        save_keep_in_tray(&store, true).unwrap();
        drop(store);
        assert!(keep_in_tray(&Store::open(&path).unwrap()));
    }
}
