//! The `northstar` binary: with no arguments it opens the window; with a subcommand it runs
//! that command against the workspace and never touches the display.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    northstar_app::cli::main()
}
