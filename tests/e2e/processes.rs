//! The processes behind an end-to-end test: the process group that tauri-driver,
//! WebKitWebDriver, the app and WebKit's helpers run in (stopped as a whole, even when a test
//! panics), and what /proc says about them. The private session bus is the shared one in
//! `northstar_tests::bus`.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const POLL: Duration = Duration::from_millis(25);

pub use northstar_tests::bus::Bus;

/// A process group we started (tauri-driver, the WebKitWebDriver it runs, the app that one
/// launches and WebKit's helper processes): stopped as a whole on drop.
pub struct Group {
    pub child: Child,
}

impl Group {
    fn pgid(&self) -> u32 {
        self.child.id()
    }

    /// Live processes still in the group (zombies excluded).
    fn members(&self) -> Vec<u32> {
        procs()
            .into_iter()
            .filter(|p| p.pgrp == self.pgid() && p.state != 'Z')
            .map(|p| p.pid)
            .collect()
    }

    /// SIGTERM to tauri-driver (it then kills WebKitWebDriver), then SIGKILL to whatever of the
    /// group is left after a short grace period. Returns what had to be killed.
    pub fn stop(&mut self) -> Vec<u32> {
        signal("TERM", &self.child.id().to_string());
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) && self.members().is_empty() {
                return Vec::new();
            }
            std::thread::sleep(POLL);
        }
        let left = self.members();
        signal("KILL", &format!("-{}", self.pgid()));
        let _ = self.child.kill();
        let _ = self.child.wait();
        left
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) || !self.members().is_empty() {
            self.stop();
        }
    }
}

pub use northstar_tests::log_file;

fn signal(sig: &str, target: &str) {
    let _ = Command::new("kill")
        .args([&format!("-{sig}"), "--", target])
        .stderr(Stdio::null())
        .status();
}

struct Proc {
    pid: u32,
    ppid: u32,
    pgrp: u32,
    state: char,
}

/// Every process, read from /proc (Linux).
fn procs() -> Vec<Proc> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(|e| {
        let pid: u32 = e.ok()?.file_name().to_str()?.parse().ok()?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
        let rest = &stat[stat.rfind(')')? + 2..];
        let mut f = rest.split(' ');
        let state = f.next()?.chars().next()?;
        let ppid = f.next()?.parse().ok()?;
        let pgrp = f.next()?.parse().ok()?;
        Some(Proc {
            pid,
            ppid,
            pgrp,
            state,
        })
    })
    .collect()
}

/// Processes below `root`, running `exe`.
pub fn descendants_running(root: u32, exe: &Path) -> Vec<u32> {
    descendants(root)
        .into_iter()
        .filter(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|e| e == exe))
        .collect()
}

/// Every live process below `root` (children, theirs, ...).
pub fn descendants(root: u32) -> Vec<u32> {
    let all = procs();
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(
            all.iter()
                .filter(|p| p.ppid == parent && p.state != 'Z')
                .map(|p| p.pid),
        );
        i += 1;
    }
    tree.into_iter().skip(1).collect()
}

/// The program file process `pid`'s parent runs.
pub fn parent_exe(pid: u32) -> Option<std::path::PathBuf> {
    let ppid = procs().into_iter().find(|p| p.pid == pid)?.ppid;
    std::fs::read_link(format!("/proc/{ppid}/exe")).ok()
}

/// Process `pid`'s arguments, its program name first.
pub fn cmdline(pid: u32) -> Vec<String> {
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .unwrap_or_default()
        .split(|b| *b == 0)
        .filter(|a| !a.is_empty())
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect()
}

/// How long ago process `pid` started (10 ms resolution: the kernel counts in clock ticks).
pub fn process_age(pid: u32) -> Duration {
    const TICKS_PER_SECOND: f64 = 100.0; // USER_HZ, 100 on Linux (`getconf CLK_TCK`)
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("read /proc/PID/stat");
    let uptime = std::fs::read_to_string("/proc/uptime").expect("read /proc/uptime");
    // Field 22 (starttime) counted from field 3, the first after "(comm)".
    let start: f64 = stat[stat.rfind(')').expect("stat format") + 2..]
        .split(' ')
        .nth(19)
        .and_then(|v| v.parse().ok())
        .expect("starttime in /proc/PID/stat");
    let now: f64 = uptime
        .split(' ')
        .next()
        .and_then(|v| v.parse().ok())
        .expect("uptime");
    Duration::from_secs_f64((now - start / TICKS_PER_SECOND).max(0.0))
}

/// Two distinct free local ports (both held while choosing, so they differ).
pub fn free_ports() -> (u16, u16) {
    let bind = || TcpListener::bind("127.0.0.1:0").expect("a free local port");
    let (a, b) = (bind(), bind());
    let port = |l: &TcpListener| l.local_addr().expect("local address").port();
    (port(&a), port(&b))
}
