//! `northstar-window`: the desktop window. Users launch `northstar` (the command line, installed
//! beside it), which hands over to this program when given no command; launched directly it
//! takes the same window flags.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "northstar-window",
    version,
    about = "The Northstar window. The command line is `northstar`; alone it opens this window."
)]
struct WindowArgs {
    /// The workspace folder (default: $NORTHSTAR_DATA_DIR, else the OS app-data folder).
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Open in the tray (or minimised) rather than in front: what the login item runs.
    #[arg(long)]
    minimized: bool,
}

fn main() -> ExitCode {
    let args = WindowArgs::parse();
    let dir = northstar_core::workspace::resolve_dir(args.data_dir.as_deref());
    northstar_app::run_window(dir, args.minimized)
}
