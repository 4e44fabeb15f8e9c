//! A private `dbus-daemon` session bus for a test, and a fake notification server on it: what
//! `org.freedesktop.Notifications` was asked to show, caught as the desktop would get it.

use crate::Workspace;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

/// A private `dbus-daemon` session bus, so the single-instance lock and notifications never
/// reach the user's session. Killed on drop.
pub struct Bus {
    child: Child,
    pub address: String,
}

impl Bus {
    pub fn start(ws: &Workspace, label: &str) -> Bus {
        // A session bus with no service directories: nothing is activated on it (no desktop
        // portal, no accessibility bus), so no process outlives the test behind our back.
        let config = ws.runtime_dir().join("bus.conf");
        let socket = ws.runtime_dir().join("bus");
        std::fs::write(
            &config,
            format!(
                r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
                socket.display()
            ),
        )
        .expect("write the bus config");
        let mut child = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--nopidfile", "--print-address=1"])
            .envs(ws.env())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(crate::log_file(&format!("{label}.bus.log")))
            .spawn()
            .expect("start dbus-daemon (Debian package dbus)");
        let mut line = String::new();
        let read =
            BufReader::new(child.stdout.take().expect("dbus-daemon stdout")).read_line(&mut line);
        let address = line.trim().to_owned();
        if read.is_err() || address.is_empty() {
            let _ = child.kill();
            let _ = child.wait();
            panic!("dbus-daemon did not print its address");
        }
        Bus { child, address }
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One `Notify` call: its summary (the title) and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub summary: String,
    pub body: String,
}

struct Server {
    shown: Arc<Mutex<Vec<Shown>>>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Server {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        _app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        _actions: Vec<String>,
        _hints: std::collections::HashMap<String, zbus::zvariant::OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let mut shown = self.shown.lock().unwrap();
        shown.push(Shown { summary, body });
        shown.len() as u32
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".into()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "fake".into(),
            "northstar-tests".into(),
            "1".into(),
            "1.2".into(),
        )
    }
}

/// A fake `org.freedesktop.Notifications` on a bus, recording every notification shown.
pub struct Notifications {
    shown: Arc<Mutex<Vec<Shown>>>,
    _conn: zbus::blocking::Connection,
}

impl Notifications {
    pub fn serve(bus: &Bus) -> Notifications {
        let shown = Arc::new(Mutex::new(Vec::new()));
        let server = Server {
            shown: shown.clone(),
        };
        let conn = zbus::blocking::connection::Builder::address(bus.address.as_str())
            .and_then(|b| b.name("org.freedesktop.Notifications"))
            .and_then(|b| b.serve_at("/org/freedesktop/Notifications", server))
            .and_then(|b| b.build())
            .expect("serve a fake notification server on the test bus");
        Notifications { shown, _conn: conn }
    }

    pub fn shown(&self) -> Vec<Shown> {
        self.shown.lock().unwrap().clone()
    }
}
