//! The end-to-end harness: a private D-Bus session bus and workspace per test, `tauri-driver`
//! (with Debian's `WebKitWebDriver` behind it) on free ports, a WebDriver session on the real
//! app, polling helpers, screenshots, and guards that stop every process even when a test panics.
//!
//! End-to-end tests run one at a time (a global async lock held for the whole test): one
//! window, one WebKit and one driver at a time is what 2 cores and one Xvfb screen can carry.

use crate::processes::{descendants_running, free_ports, Bus, Group};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::{Element, ElementRef};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use northstar_tests::{app_binary, window_binary, Workspace};
use serde_json::{json, Value};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tokio::sync::{Mutex, MutexGuard};

/// How long a wait polls before it fails: generous for a loaded 2-core machine.
pub const WAIT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(25);

static SERIAL: Mutex<()> = Mutex::const_new(());

/// The W3C WebDriver key under which a script's returned element carries its reference.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// `visible(el)`: laid out with a size, and not hidden by `display`, `visibility`,
/// `content-visibility` or `opacity` on it or an ancestor.
const VISIBLE_JS: &str = "const visible = (e) => {
  const r = e.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return false;
  return typeof e.checkVisibility === 'function'
    ? e.checkVisibility({ visibilityProperty: true, opacityProperty: true })
    : getComputedStyle(e).visibility !== 'hidden';
};";

/// `tauri-driver` 2.x: `$TAURI_DRIVER`, else `~/.cargo/bin/tauri-driver`, else on PATH.
pub fn tauri_driver() -> PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER").filter(|v| !v.is_empty()) {
        return PathBuf::from(p);
    }
    let mut candidates = Vec::new();
    if let Some(home) = std::env::var_os("HOME") {
        candidates.push(PathBuf::from(home).join(".cargo/bin/tauri-driver"));
    }
    if let Some(path) = std::env::var_os("PATH") {
        candidates.extend(std::env::split_paths(&path).map(|d| d.join("tauri-driver")));
    }
    candidates.into_iter().find(|p| p.is_file()).unwrap_or_else(|| {
        panic!(
            "tauri-driver was not found. Install it with `cargo install tauri-driver --version '^2' --locked` (`make setup` does)."
        )
    })
}

fn require_display() {
    let display = std::env::var("DISPLAY").unwrap_or_default();
    assert!(
        !display.is_empty(),
        "The end-to-end tests need an X display. Run them under Xvfb: \
         xvfb-run -a -s \"-screen 0 1280x900x24\" cargo test -p northstar-tests --test e2e (make test does this)."
    );
}

/// The environment the app runs in (tauri-driver passes its own on): the test's HOME and XDG
/// folders, its private bus, X only, no workspace from the environment (launches pass
/// `--data-dir`), and whatever the test added.
fn session_env(cmd: &mut Command, ws: &Workspace, bus: &Bus, extra: &[(String, String)]) {
    cmd.env_remove("NORTHSTAR_DATA_DIR")
        .env_remove("WAYLAND_DISPLAY")
        .envs(ws.env())
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .envs(extra.iter().map(|(k, v)| (k, v)));
}

/// `BENCH_RUNS` from the environment, else `default`: how many measured runs a benchmark makes.
pub fn bench_runs(default: usize) -> usize {
    let runs = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    assert!(runs > 0, "BENCH_RUNS must be at least 1");
    runs
}

/// One test's world: the serial lock, a private workspace and a private session bus. Launch the
/// app with [`Harness::launch`] (again, for a relaunch on the same workspace).
pub struct Harness {
    // Dropped first: the bus goes before the folder holding its socket.
    bus: Bus,
    pub ws: Workspace,
    name: String,
    launches: usize,
    /// Extra environment for the app (through tauri-driver, which it inherits from).
    env: Vec<(String, String)>,
    /// Extra arguments for the app's next launches, after `--data-dir`.
    args: Vec<String>,
    /// What the driver launches: `northstar` (which becomes the window) unless a test says.
    program: PathBuf,
    // Dropped last: the next test starts only once this one's processes are gone.
    _serial: MutexGuard<'static, ()>,
}

impl Harness {
    /// `name` labels screenshots and logs.
    pub async fn new(name: &str) -> Harness {
        require_display();
        let serial = SERIAL.lock().await;
        let ws = Workspace::new();
        let bus = Bus::start(&ws, name);
        Harness {
            bus,
            ws,
            name: name.to_owned(),
            launches: 0,
            env: Vec::new(),
            args: Vec::new(),
            program: app_binary(),
            _serial: serial,
        }
    }

    /// Starts tauri-driver and, through a new WebDriver session, the app on this workspace.
    /// Returns once the webview is connected; wait for what the test needs to see.
    pub async fn launch(&mut self) -> App {
        self.launches += 1;
        let label = format!("{}-{}", self.name, self.launches);
        App::launch(
            &self.ws,
            &self.bus,
            &self.env,
            &self.args,
            &self.program,
            &label,
        )
        .await
    }

    /// Launches `program` rather than `northstar` from now on (say, the window program itself).
    pub fn program(&mut self, program: PathBuf) {
        self.program = program;
    }

    /// Sets the app's arguments (after `--data-dir`) for its next launches.
    pub fn args(&mut self, args: &[&str]) {
        self.args = args.iter().map(|a| a.to_string()).collect();
    }

    /// The test's private session bus (to serve a fake notification server on).
    pub fn bus(&self) -> &Bus {
        &self.bus
    }

    /// Sets `key=value` in the environment of the app's next launches.
    pub fn env(&mut self, key: &str, value: &str) {
        self.env.push((key.to_owned(), value.to_owned()));
    }

    /// `program` set up to run in this test's session, as the app does under the driver.
    pub fn command(&self, program: &std::path::Path) -> Command {
        let mut cmd = Command::new(program);
        session_env(&mut cmd, &self.ws, &self.bus, &self.env);
        cmd
    }

    pub fn cli_projects(&self) -> Vec<String> {
        northstar_tests::project_names(&self.ws)
    }
}

/// The running app under WebDriver. Call [`App::quit`] to close it the way a user would and
/// check it exited; dropping it (say, on a panic) kills everything instead.
pub struct App {
    client: Option<Client>,
    /// When the new-session request (which launches the app) was sent.
    pub session_requested: Instant,
    label: String,
    /// The window program: `northstar` execs it, so the app's process runs this file.
    window_bin: PathBuf,
    // Declared after `client`: the session is dropped before the processes are killed.
    driver: Group,
}

impl App {
    async fn launch(
        ws: &Workspace,
        bus: &Bus,
        env: &[(String, String)],
        args: &[String],
        program: &std::path::Path,
        label: &str,
    ) -> App {
        let (client, driver, session_requested) =
            Self::start_session(ws, bus, env, args, program, label).await;
        App {
            client: Some(client),
            session_requested,
            label: label.to_owned(),
            // Another program launched in its place (the bench's bare Tauri app) is its own window.
            window_bin: if program == app_binary() {
                window_binary()
            } else {
                program.to_path_buf()
            },
            driver,
        }
    }

    /// Starts the driver and creates the session (which launches the app). Returns when the
    /// webview is connected; the page may still be loading.
    async fn start_session(
        ws: &Workspace,
        bus: &Bus,
        env: &[(String, String)],
        args: &[String],
        program: &std::path::Path,
        label: &str,
    ) -> (Client, Group, Instant) {
        let (port, native_port) = free_ports();
        // tauri-driver's output, and through it WebKitWebDriver's and the app's stderr.
        let log_path = Workspace::artifacts_dir().join(format!("{label}.driver.log"));
        let log = std::fs::File::create(&log_path).expect("create driver log");
        let log_shown = log_path.display();
        let mut cmd = Command::new(tauri_driver());
        session_env(&mut cmd, ws, bus, env);
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .stdin(Stdio::null())
        .stdout(log.try_clone().expect("driver log"))
        .stderr(log);
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let mut driver = Group {
            child: cmd.spawn().expect("start tauri-driver"),
        };
        // Both the intermediary and the native driver behind it must be listening.
        let deadline = Instant::now() + WAIT;
        for p in [native_port, port] {
            while TcpStream::connect(("127.0.0.1", p)).is_err() {
                if let Ok(Some(status)) = driver.child.try_wait() {
                    panic!("tauri-driver exited ({status}) before listening; see {log_shown}");
                }
                assert!(
                    Instant::now() < deadline,
                    "tauri-driver did not listen on port {p} within {WAIT:?}; see {log_shown}"
                );
                tokio::time::sleep(POLL).await;
            }
        }
        let mut app_args = vec!["--data-dir".to_owned(), ws.data_dir().display().to_string()];
        app_args.extend_from_slice(args);
        let caps = json!({
            "browserName": "wry",
            "tauri:options": {
                "application": program,
                "args": app_args,
            },
        });
        let Value::Object(caps) = caps else {
            unreachable!()
        };
        let url = format!("http://127.0.0.1:{port}");
        let requested = Instant::now();
        let connect = async {
            ClientBuilder::rustls()
                .expect("WebDriver HTTP client")
                .capabilities(caps)
                .connect(&url)
                .await
        };
        let client = match tokio::time::timeout(Duration::from_secs(30), connect).await {
            Ok(Ok(c)) => c,
            Ok(Err(e)) => {
                driver.stop();
                panic!("could not start a WebDriver session on the app: {e}; see {log_shown}");
            }
            Err(_) => {
                driver.stop();
                panic!("the WebDriver session did not start within 30 s; see {log_shown}");
            }
        };
        (client, driver, requested)
    }

    /// The app's process id (a descendant of the driver running the window program).
    pub fn app_pid(&self) -> Option<u32> {
        descendants_running(self.driver.child.id(), &self.window_bin)
            .first()
            .copied()
    }

    /// The processes under the driver that run `exe`.
    pub fn processes_running(&self, exe: &std::path::Path) -> Vec<u32> {
        descendants_running(self.driver.child.id(), exe)
    }

    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("the session is open")
    }

    /// The visible elements matching `css` (and, when `text` is given, whose rendered text
    /// contains it): the first such element, and the rendered text of every visible match.
    ///
    /// Visibility and text are read in the page (`checkVisibility`, layout size, `innerText`)
    /// rather than through WebDriver's "is displayed" and "element text": WebKitWebDriver's
    /// versions of those report the sidebar's entries (in a scrolling `overflow` container) as
    /// hidden with empty text although they are on screen.
    pub async fn find_visible(
        &self,
        css: &str,
        text: Option<&str>,
    ) -> (Option<Element>, Vec<String>) {
        let found = self
            .client()
            .execute(
                &format!(
                    "{VISIBLE_JS}
                     const shown = Array.from(document.querySelectorAll(arguments[0])).filter(visible);
                     const hit = arguments[1] == null ? shown[0] : shown.find((e) => e.innerText.includes(arguments[1]));
                     return {{ hit: hit ?? null, texts: shown.map((e) => e.innerText) }};"
                ),
                vec![json!(css), json!(text)],
            )
            .await;
        let Ok(found) = found else {
            return (None, Vec::new());
        };
        let texts = found["texts"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|t| t.as_str().unwrap_or_default().to_owned())
                    .collect()
            })
            .unwrap_or_default();
        (self.element_of(&found["hit"]), texts)
    }

    /// An element reference returned by a script, as an [`Element`].
    pub fn element_of(&self, v: &Value) -> Option<Element> {
        let id = v.as_object()?.get(ELEMENT_KEY)?.as_str()?;
        Some(Element::from_element_id(
            self.client().clone(),
            ElementRef::from(id.to_owned()),
        ))
    }

    /// The rendered text of `el` (`innerText`, without the line breaks that block children
    /// add at its ends).
    pub async fn text(&self, el: &Element) -> String {
        let v = self
            .js("return arguments[0].innerText", vec![json!(el)])
            .await;
        v.as_str().unwrap_or_default().trim().to_owned()
    }

    /// Polls until `css` matches a visible element, for at most [`WAIT`].
    pub async fn wait_for(&self, css: &str) -> Element {
        let deadline = Instant::now() + WAIT;
        loop {
            if let (Some(el), _) = self.find_visible(css, None).await {
                return el;
            }
            if Instant::now() >= deadline {
                self.fail(&format!(
                    "no visible element matches `{css}` after {WAIT:?}"
                ))
                .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Polls until a visible element matching `css` shows text containing `text`.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> Element {
        let deadline = Instant::now() + WAIT;
        loop {
            let (hit, seen) = self.find_visible(css, Some(text)).await;
            if let Some(el) = hit {
                return el;
            }
            if Instant::now() >= deadline {
                self.fail(&format!(
                    "no visible `{css}` shows “{text}” after {WAIT:?}; saw {seen:?}"
                ))
                .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Polls until exactly `n` elements match `css`.
    pub async fn wait_for_count(&self, css: &str, n: usize) -> Vec<Element> {
        let deadline = Instant::now() + WAIT;
        loop {
            let all = self
                .client()
                .find_all(Locator::Css(css))
                .await
                .unwrap_or_default();
            if all.len() == n {
                return all;
            }
            if Instant::now() >= deadline {
                self.fail(&format!(
                    "expected {n} × `{css}`, found {} after {WAIT:?}",
                    all.len()
                ))
                .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Polls until `probe` returns Some, for at most [`WAIT`]; `what` explains a failure.
    pub async fn wait_until<T, F, Fut>(&self, what: &str, mut probe: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Option<T>>,
    {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(v) = probe().await {
                return v;
            }
            if Instant::now() >= deadline {
                self.fail(&format!("timed out after {WAIT:?} waiting for {what}"))
                    .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Clicks the project's area tab `area` ("overview", "scorecard", "goals", "stakeholders").
    pub async fn open_area(&self, area: &str) {
        self.wait_for(&format!("[data-testid=\"tab-{area}\"]"))
            .await
            .click()
            .await
            .expect("click the area tab");
    }

    pub async fn count(&self, css: &str) -> usize {
        self.client()
            .find_all(Locator::Css(css))
            .await
            .map(|v| v.len())
            .unwrap_or(0)
    }

    /// Runs `script` in the page and returns its value.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client()
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Sets a field's value as a paste would (one input event) and fires `change` too: how a
    /// test sets a select or a date field, which WebDriver typing cannot.
    pub async fn set_value(&self, el: &Element, value: &str) {
        self.js(
            "const el = arguments[0]; el.value = arguments[1];
             el.dispatchEvent(new Event('input', {bubbles: true}));
             el.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![json!(el), json!(value)],
        )
        .await;
    }

    /// Presses `key` with Control held, on whatever has focus.
    pub async fn press_ctrl(&self, key: char) {
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down {
                value: Key::Control.into(),
            })
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key })
            .then(KeyAction::Up {
                value: Key::Control.into(),
            });
        self.client()
            .perform_actions(keys)
            .await
            .expect("press keys");
        self.client().release_actions().await.expect("release keys");
    }

    /// Types `text` on whatever has focus (WebDriver key codes such as [`Key::Enter`] allowed).
    pub async fn type_keys(&self, text: &str) {
        let mut keys = KeyActions::new("keyboard".into());
        for c in text.chars() {
            keys = keys
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        self.client()
            .perform_actions(keys)
            .await
            .expect("type keys");
    }

    /// Saves a PNG of the window under the test artifacts folder and returns its path.
    /// WebDriver's screenshot. In WebKit's non-composited mode (the window's choice without a
    /// GPU, src-tauri/src/renderer.rs) the snapshot waits for the page's next paint, which an
    /// idle page never makes: a few invisible repaints are scheduled first, and a snapshot that
    /// still does not come is an error rather than a test that hangs.
    async fn snapshot(&self) -> Result<Vec<u8>, String> {
        let _ = self
            .client()
            .execute(
                "for (const t of [30, 100, 300, 1000, 3000]) setTimeout(() => {
                   const s = document.documentElement.style;
                   s.outline = s.outline ? '' : '1px solid transparent';
                 }, t);",
                vec![],
            )
            .await;
        match tokio::time::timeout(Duration::from_secs(20), self.client().screenshot()).await {
            Ok(shot) => shot.map_err(|e| e.to_string()),
            Err(_) => Err("WebKit's snapshot did not come within 20 s".into()),
        }
    }

    pub async fn screenshot(&self, name: &str) -> PathBuf {
        // WebKit's snapshot can lag a frame behind the DOM: let two frames paint first.
        let _ = self
            .client()
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)));",
                vec![],
            )
            .await;
        let png = self.snapshot().await.expect("take a screenshot");
        let path = Workspace::artifacts_dir().join(format!("{}-{name}.png", self.label));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// A failure with evidence: a screenshot and the page's HTML beside the driver log.
    async fn fail(&self, message: &str) -> ! {
        let shot = match self.snapshot().await {
            Ok(png) => {
                let path = Workspace::artifacts_dir().join(format!("{}-failure.png", self.label));
                std::fs::write(&path, png)
                    .map(|_| path.display().to_string())
                    .unwrap_or_default()
            }
            Err(e) => format!("(no screenshot: {e})"),
        };
        if let Ok(html) = self.client().source().await {
            let _ = std::fs::write(
                Workspace::artifacts_dir().join(format!("{}-failure.html", self.label)),
                html,
            );
        }
        panic!("{message}\nscreenshot: {shot}");
    }

    /// Waits for the app to exit by itself (say, after "Quit" in its tray menu), then stops
    /// the driver. Panics if it does not, or if anything had to be killed.
    pub async fn exits_on_its_own(mut self) {
        let client = self.client.take().expect("the session is open");
        let deadline = Instant::now() + WAIT;
        loop {
            let left = descendants_running(self.driver.child.id(), &self.window_bin);
            if left.is_empty() {
                break;
            }
            if Instant::now() >= deadline {
                self.driver.stop();
                panic!("the app (pids {left:?}) did not exit within {WAIT:?}");
            }
            tokio::time::sleep(POLL).await;
        }
        let _ = client.close().await;
        let killed = self.driver.stop();
        assert!(
            killed.is_empty(),
            "processes {killed:?} had to be killed after the driver stopped"
        );
    }

    /// Closes the app as a user would (the session closes its window), checks that the app
    /// process exits on its own, then stops the driver. Panics if anything had to be killed.
    pub async fn quit(mut self) {
        let client = self.client.take().expect("the session is open");
        // Closing the last window quits the app; deleting the session then stops the browser
        // side in WebKitWebDriver.
        let _ = client.close_window().await;
        let _ = client.close().await;
        let deadline = Instant::now() + WAIT;
        loop {
            let left = descendants_running(self.driver.child.id(), &self.window_bin);
            if left.is_empty() {
                break;
            }
            if Instant::now() >= deadline {
                self.driver.stop();
                panic!(
                    "the app (pids {left:?}) did not exit within {WAIT:?} of closing its window"
                );
            }
            tokio::time::sleep(POLL).await;
        }
        let killed = self.driver.stop();
        assert!(
            killed.is_empty(),
            "processes {killed:?} had to be killed after the driver stopped"
        );
    }
}

/// What a window manager does to the app's window (`x11_window.py`: "close" sends
/// WM_DELETE_WINDOW as a title bar's close button does; "state" says viewable or unmapped).
/// Under Xvfb there is no window manager to ask.
pub fn x11_window(action: &str) -> String {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("e2e/x11_window.py");
    let out = Command::new("/usr/bin/python3")
        .arg(script)
        .args([action, "Northstar"])
        .output()
        .expect("run x11_window.py (Debian package python3-xlib)");
    assert!(out.status.success(), "x11_window.py {action}: {out:?}");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}
