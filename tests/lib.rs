//! Shared helpers for the integration (`it`) and end-to-end (`e2e`) tests: where the app binary
//! is, a private temporary workspace per test (data folder, HOME and XDG folders, so neither the
//! app nor WebKit ever touches the user's own), and a CLI runner that runs without a display.

pub mod bus;
pub mod tray;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

/// The repository root (the Cargo workspace).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace")
        .to_path_buf()
}

/// The `northstar` binary under test (the command line, which alone hands over to the window):
/// `$NORTHSTAR_BIN`, else `$CARGO_TARGET_DIR/debug/northstar`, else the one beside this test
/// executable's target folder, else `<workspace>/target/debug`.
/// Panics with what to do when none exists: a missing app is a failure, never a skip.
pub fn app_binary() -> PathBuf {
    let mut tried = Vec::new();
    if let Some(bin) = std::env::var_os("NORTHSTAR_BIN").filter(|v| !v.is_empty()) {
        let bin = PathBuf::from(bin);
        if bin.is_file() {
            return absolute(&bin);
        }
        panic!(
            "NORTHSTAR_BIN names {}, which does not exist. Build it (`make app` for debug, `make build` for release) or unset NORTHSTAR_BIN.",
            bin.display()
        );
    }
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR").filter(|v| !v.is_empty()) {
        tried.push(PathBuf::from(dir).join("debug/northstar"));
    }
    // This test binary lives in <target>/<profile>/deps/; the app is built into <target>/debug/.
    if let Some(target) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent()?.parent()?.parent().map(Path::to_path_buf))
    {
        tried.push(target.join("debug/northstar"));
    }
    tried.push(workspace_root().join("target/debug/northstar"));
    if let Some(found) = tried.iter().find(|p| p.is_file()) {
        return absolute(found);
    }
    let list: Vec<String> = tried.iter().map(|p| p.display().to_string()).collect();
    panic!(
        "The northstar app binary was not found (looked at {}). Run `make app` first (it builds the UI, the window and the command line), or set NORTHSTAR_BIN.",
        list.join(", ")
    );
}

/// The window program beside [`app_binary`] (`northstar-window`), which `northstar` with no
/// command becomes. Panics with what to do when it is missing.
pub fn window_binary() -> PathBuf {
    let cli = app_binary();
    let window = northstar_core::programs::beside(&cli, northstar_core::programs::WINDOW);
    assert!(
        window.is_file(),
        "The window program {} is missing beside {}. Run `make app` (or `make build` for release).",
        window.display(),
        cli.display()
    );
    window
}

fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// A private, throw-away world for one test: a workspace (data) folder and a HOME with its own
/// XDG data, config, cache and runtime folders. Everything is removed when it is dropped.
pub struct Workspace {
    root: tempfile::TempDir,
}

impl Default for Workspace {
    fn default() -> Self {
        Self::new()
    }
}

impl Workspace {
    pub fn new() -> Workspace {
        let root = tempfile::Builder::new()
            .prefix("northstar-test-")
            .tempdir()
            .expect("a temporary folder");
        let ws = Workspace { root };
        for dir in [
            ws.data_dir(),
            ws.xdg_data_home(),
            ws.xdg_config_home(),
            ws.xdg_cache_home(),
            ws.runtime_dir(),
        ] {
            std::fs::create_dir_all(&dir).expect("create test folder");
        }
        set_private(&ws.runtime_dir());
        ws
    }

    pub fn root(&self) -> &Path {
        self.root.path()
    }

    /// The workspace folder the app is pointed at (`--data-dir` / `NORTHSTAR_DATA_DIR`).
    pub fn data_dir(&self) -> PathBuf {
        self.root().join("data")
    }

    /// `northstar.db` inside [`Workspace::data_dir`].
    pub fn db_path(&self) -> PathBuf {
        self.data_dir().join(northstar_core::store::DB_FILE)
    }

    pub fn home(&self) -> PathBuf {
        self.root().join("home")
    }

    pub fn xdg_data_home(&self) -> PathBuf {
        self.home().join(".local/share")
    }

    pub fn xdg_config_home(&self) -> PathBuf {
        self.home().join(".config")
    }

    pub fn xdg_cache_home(&self) -> PathBuf {
        self.home().join(".cache")
    }

    pub fn runtime_dir(&self) -> PathBuf {
        self.root().join("run")
    }

    /// A folder for screenshots and logs that outlives the test: under the target folder, so a
    /// failed run leaves something to look at.
    pub fn artifacts_dir() -> PathBuf {
        let dir = std::env::var_os("CARGO_TARGET_DIR")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| workspace_root().join("target"))
            .join("northstar-test-artifacts");
        std::fs::create_dir_all(&dir).expect("create artifacts folder");
        dir
    }

    /// HOME and the XDG folders, pointing into this workspace. The data folder is not included:
    /// callers choose between `NORTHSTAR_DATA_DIR` and `--data-dir`.
    pub fn env(&self) -> Vec<(&'static str, OsString)> {
        vec![
            ("HOME", self.home().into()),
            ("XDG_DATA_HOME", self.xdg_data_home().into()),
            ("XDG_CONFIG_HOME", self.xdg_config_home().into()),
            ("XDG_CACHE_HOME", self.xdg_cache_home().into()),
            ("XDG_RUNTIME_DIR", self.runtime_dir().into()),
            // No dconf writes into the (temporary) HOME, no accessibility bus lookups.
            ("GSETTINGS_BACKEND", "memory".into()),
            ("NO_AT_BRIDGE", "1".into()),
        ]
    }

    /// Opens the workspace's database through the core, as the app does (seeding nothing).
    pub fn store(&self) -> northstar_core::Store {
        northstar_core::Store::open(&self.db_path()).expect("open the workspace database")
    }
}

#[cfg(unix)]
fn set_private(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
        .expect("chmod 700 the runtime folder");
}

#[cfg(not(unix))]
fn set_private(_dir: &Path) {}

/// A `northstar` command set up for `ws`: its HOME and XDG folders, `NORTHSTAR_DATA_DIR` pointing
/// at its data folder, and no display or session bus at all (the CLI must need neither).
pub fn cli_command(ws: &Workspace) -> Command {
    command_in(ws, &app_binary())
}

/// `program` set up for `ws` as [`cli_command`] sets up `northstar`.
pub fn command_in(ws: &Workspace, program: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .envs(ws.env())
        .env(northstar_core::workspace::DATA_DIR_ENV, ws.data_dir())
        .current_dir(ws.root());
    cmd
}

/// Runs `northstar ARGS...` on `ws` (see [`cli_command`]) and returns what it did.
pub fn cli(ws: &Workspace, args: &[&str]) -> Output {
    cli_command(ws)
        .args(args)
        .output()
        .expect("run the northstar binary")
}

/// Runs the CLI and insists on exit 0, returning stdout.
pub fn cli_ok(ws: &Workspace, args: &[&str]) -> String {
    let out = cli(ws, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "`northstar {}` failed\n{}",
        args.join(" "),
        describe(&out)
    );
    stdout(&out)
}

/// Runs the CLI with `--json` output and parses it.
pub fn cli_json(ws: &Workspace, args: &[&str]) -> serde_json::Value {
    let text = cli_ok(ws, args);
    serde_json::from_str(&text).unwrap_or_else(|e| {
        panic!(
            "`northstar {}` printed invalid JSON ({e}):\n{text}",
            args.join(" ")
        )
    })
}

/// The names of the projects in `ws`, as `northstar projects --json` lists them.
pub fn project_names(ws: &Workspace) -> Vec<String> {
    let list = cli_json(ws, &["projects", "--json"]);
    list.as_array()
        .expect("`projects --json` prints an array")
        .iter()
        .map(|p| p["name"].as_str().expect("a project has a name").to_owned())
        .collect()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Exit status, stdout and stderr, for assertion messages.
pub fn describe(out: &Output) -> String {
    format!(
        "status: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        out.status.code(),
        stdout(out),
        stderr(out)
    )
}

/// A file's full contents and modification time, to prove it was left untouched.
#[derive(Debug, PartialEq, Eq)]
pub struct FileSnapshot {
    pub bytes: Vec<u8>,
    pub modified: SystemTime,
}

impl FileSnapshot {
    pub fn of(path: &Path) -> FileSnapshot {
        let bytes = std::fs::read(path).expect("read file");
        let modified = std::fs::metadata(path)
            .and_then(|m| m.modified())
            .expect("file mtime");
        FileSnapshot { bytes, modified }
    }
}

/// The names in a folder, sorted, to show nothing was created beside a file.
pub fn dir_listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list folder")
        .map(|e| {
            e.expect("folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// `PRAGMA integrity_check` on a database file, through a connection of its own.
pub fn integrity_check(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).expect("open database for integrity_check");
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check")
}

/// A log file under the artifacts folder, for a child's output.
pub fn log_file(name: &str) -> std::fs::File {
    std::fs::File::create(Workspace::artifacts_dir().join(name)).expect("create a log file")
}
