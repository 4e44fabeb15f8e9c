//! `northstar` with no command: the window program installed beside this one takes over this
//! process (exec on Unix), so whatever launched `northstar` (a desktop entry, the login item, a
//! WebDriver test) holds the window's process, its exit status and its signals.

use northstar_core::programs;
use std::path::Path;
use std::process::{Command, ExitCode};

/// Replaces this process with the window on `data_dir` (as given: unset, the window resolves
/// `$NORTHSTAR_DATA_DIR` itself, as it would launched directly). Returns only on failure.
pub fn open(data_dir: Option<&Path>, minimized: bool) -> ExitCode {
    let window = match programs::beside_this_program(programs::WINDOW) {
        Ok(path) if path.is_file() => path,
        Ok(path) => return missing(&path),
        Err(e) => {
            eprintln!("northstar: cannot tell where this program is installed ({e}), so cannot find the window program");
            return ExitCode::from(1);
        }
    };
    let mut cmd = Command::new(&window);
    if let Some(dir) = data_dir {
        cmd.arg("--data-dir").arg(dir);
    }
    if minimized {
        cmd.arg("--minimized");
    }
    hand_over(cmd, &window)
}

fn missing(path: &Path) -> ExitCode {
    eprintln!(
        "northstar: the window program is missing (looked for {}); build both programs (`make app` or `make build`) or reinstall the package. Commands such as `northstar projects` work without it.",
        path.display()
    );
    ExitCode::from(1)
}

#[cfg(unix)]
fn hand_over(mut cmd: Command, window: &Path) -> ExitCode {
    use std::os::unix::process::CommandExt;
    let e = cmd.exec();
    eprintln!("northstar: could not start {}: {e}", window.display());
    ExitCode::from(1)
}

/// No exec elsewhere: wait for the window and exit as it did.
#[cfg(not(unix))]
fn hand_over(mut cmd: Command, window: &Path) -> ExitCode {
    match cmd.status() {
        Ok(status) => ExitCode::from(status.code().unwrap_or(1).clamp(0, 255) as u8),
        Err(e) => {
            eprintln!("northstar: could not start {}: {e}", window.display());
            ExitCode::from(1)
        }
    }
}
