//! Desktop notifications over the session bus (`org.freedesktop.Notifications`), for the
//! reminder summary. The one call serves the window's reminders and `northstar remind`, which
//! runs without a window, so it lives here (feature `notify`) rather than in either program.
//! zbus is pure Rust: the command line stays free of GTK and WebKit.

use crate::agenda::Summary;
use std::collections::HashMap;
use zbus::zvariant::Value;

/// Shows `summary` as one notification. `Ok` only means the notification server took it.
pub fn send(summary: &Summary) -> Result<u32, String> {
    let conn = zbus::blocking::Connection::session()
        .map_err(|e| format!("no desktop session bus to notify on: {e}"))?;
    let hints: HashMap<&str, Value<'_>> =
        HashMap::from([("desktop-entry", Value::from("Northstar"))]);
    let reply = conn
        .call_method(
            Some("org.freedesktop.Notifications"),
            "/org/freedesktop/Notifications",
            Some("org.freedesktop.Notifications"),
            "Notify",
            &(
                "Northstar",
                0u32,
                "",
                summary.title.as_str(),
                summary.body.as_str(),
                Vec::<&str>::new(),
                hints,
                -1i32,
            ),
        )
        .map_err(|e| format!("the notification was not shown: {e}"))?;
    reply
        .body()
        .deserialize::<u32>()
        .map_err(|e| format!("the notification server answered oddly: {e}"))
}
