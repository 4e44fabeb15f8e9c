//! The two programs Northstar installs side by side: `northstar`, the command line (no GTK, no
//! WebKit, so it starts in milliseconds and runs on servers and CI runners), and
//! `northstar-window`, the desktop window. Each finds the other in its own folder.

use std::path::{Path, PathBuf};

/// The command line, and what users launch: alone it hands over to the window.
pub const CLI: &str = "northstar";

/// The desktop window (GTK and WebKit).
pub const WINDOW: &str = "northstar-window";

/// Program `name` in the folder of the running executable. `current_exe` resolves symlinks, so a
/// link on the PATH to an installed `northstar` still finds the window beside the real file.
pub fn beside_this_program(name: &str) -> std::io::Result<PathBuf> {
    Ok(beside(&std::env::current_exe()?, name))
}

/// Program `name` in the folder of `exe` (with `.exe` on Windows).
pub fn beside(exe: &Path, name: &str) -> PathBuf {
    exe.with_file_name(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_is_looked_for_in_the_command_lines_folder() {
        let found = beside(Path::new("/usr/bin/northstar"), WINDOW);
        let expected = format!("/usr/bin/northstar-window{}", std::env::consts::EXE_SUFFIX);
        assert_eq!(found, PathBuf::from(expected));
    }
}
