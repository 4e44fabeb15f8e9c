//! The tray as a desktop sees it: a fake `org.kde.StatusNotifierWatcher` (the panel's side of
//! the StatusNotifierItem protocol) on the test's private bus, which the app's AppIndicator
//! registers with; then the item's label and its menu, read and clicked over `com.canonical.dbusmenu`
//! exactly as a panel would.

use crate::bus::Bus;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use zbus::zvariant::{OwnedObjectPath, OwnedValue, Structure, Value};

const ITEM_IFACE: &str = "org.kde.StatusNotifierItem";
const MENU_IFACE: &str = "com.canonical.dbusmenu";

/// Where a registered item lives: its connection's bus name and object path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemAddress {
    pub service: String,
    pub path: String,
}

struct WatcherServer {
    items: Arc<Mutex<Vec<ItemAddress>>>,
}

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl WatcherServer {
    /// `service` is an object path on the caller's connection (AppIndicator's way) or a bus
    /// name whose item sits at `/StatusNotifierItem`.
    fn register_status_notifier_item(
        &self,
        service: String,
        #[zbus(header)] header: zbus::message::Header<'_>,
    ) {
        let sender = header.sender().map(|s| s.to_string()).unwrap_or_default();
        let address = if service.starts_with('/') {
            ItemAddress {
                service: sender,
                path: service,
            }
        } else {
            ItemAddress {
                service,
                path: "/StatusNotifierItem".into(),
            }
        };
        self.items.lock().unwrap().push(address);
    }

    fn register_status_notifier_host(&self, _service: String) {}

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        let items = self.items.lock().unwrap();
        items
            .iter()
            .map(|i| format!("{}{}", i.service, i.path))
            .collect()
    }

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }
}

/// A fake panel: serve it before launching the app, then read what the app put in the tray.
pub struct Watcher {
    items: Arc<Mutex<Vec<ItemAddress>>>,
    conn: zbus::blocking::Connection,
}

/// One entry of the item's menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuEntry {
    pub id: i32,
    pub label: String,
    pub enabled: bool,
    pub separator: bool,
}

impl Watcher {
    pub fn serve(bus: &Bus) -> Watcher {
        let items = Arc::new(Mutex::new(Vec::new()));
        let server = WatcherServer {
            items: items.clone(),
        };
        let conn = zbus::blocking::connection::Builder::address(bus.address.as_str())
            .and_then(|b| b.name("org.kde.StatusNotifierWatcher"))
            .and_then(|b| b.serve_at("/StatusNotifierWatcher", server))
            .and_then(|b| b.build())
            .expect("serve a fake StatusNotifierWatcher on the test bus");
        Watcher { items, conn }
    }

    /// Every item registered so far.
    pub fn items(&self) -> Vec<ItemAddress> {
        self.items.lock().unwrap().clone()
    }

    /// Waits for the first item to register (panics naming the wait when none does).
    pub fn wait_for_item(&self, within: Duration) -> ItemAddress {
        self.wait_for_items(1, within).remove(0)
    }

    /// Waits until `n` items have registered (one per launch), and returns them in order.
    pub fn wait_for_items(&self, n: usize, within: Duration) -> Vec<ItemAddress> {
        let deadline = Instant::now() + within;
        loop {
            let items = self.items();
            if items.len() >= n {
                return items;
            }
            assert!(
                Instant::now() < deadline,
                "{} tray items registered with the StatusNotifierWatcher within {within:?}, not {n}",
                items.len()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn property(&self, item: &ItemAddress, name: &str) -> zbus::Result<OwnedValue> {
        let reply = self.conn.call_method(
            Some(item.service.as_str()),
            item.path.as_str(),
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &(ITEM_IFACE, name),
        )?;
        reply.body().deserialize::<OwnedValue>()
    }

    /// The text shown beside the icon (AppIndicator's label).
    pub fn label(&self, item: &ItemAddress) -> String {
        self.property(item, "XAyatanaLabel")
            .ok()
            .and_then(|v| String::try_from(v).ok())
            .unwrap_or_default()
    }

    fn menu_path(&self, item: &ItemAddress) -> String {
        let value = self.property(item, "Menu").expect("the item has a Menu");
        OwnedObjectPath::try_from(value)
            .expect("Menu is an object path")
            .to_string()
    }

    /// The item's menu, top level, in order.
    pub fn menu(&self, item: &ItemAddress) -> Vec<MenuEntry> {
        let path = self.menu_path(item);
        let reply = self
            .conn
            .call_method(
                Some(item.service.as_str()),
                path.as_str(),
                Some(MENU_IFACE),
                "GetLayout",
                &(0i32, 1i32, Vec::<String>::new()),
            )
            .expect("GetLayout");
        type Layout = (i32, HashMap<String, OwnedValue>, Vec<OwnedValue>);
        let (_revision, (_id, _props, children)): (u32, Layout) =
            reply.body().deserialize().expect("a dbusmenu layout");
        children.into_iter().filter_map(entry).collect()
    }

    /// Clicks the menu entry whose label (mnemonic underscores removed) is `label`.
    pub fn click(&self, item: &ItemAddress, label: &str) {
        let entries = self.menu(item);
        let Some(entry) = entries.iter().find(|e| e.label == label) else {
            panic!("no menu entry {label:?} in {entries:?}");
        };
        let path = self.menu_path(item);
        let data = Value::from(0i32);
        self.conn
            .call_method(
                Some(item.service.as_str()),
                path.as_str(),
                Some(MENU_IFACE),
                "Event",
                &(entry.id, "clicked", data, 0u32),
            )
            .expect("send the click");
    }
}

fn entry(child: OwnedValue) -> Option<MenuEntry> {
    let s = Structure::try_from(Value::from(child)).ok()?;
    let fields = s.into_fields();
    let mut it = fields.into_iter();
    let id = i32::try_from(it.next()?).ok()?;
    let props = HashMap::<String, OwnedValue>::try_from(it.next()?).ok()?;
    let text = |k: &str| {
        props
            .get(k)
            .and_then(|v| String::try_from(v.try_clone().ok()?).ok())
    };
    let enabled = props
        .get("enabled")
        .and_then(|v| bool::try_from(v.try_clone().ok()?).ok())
        .unwrap_or(true);
    let visible = props
        .get("visible")
        .and_then(|v| bool::try_from(v.try_clone().ok()?).ok())
        .unwrap_or(true);
    if !visible {
        return None;
    }
    Some(MenuEntry {
        id,
        label: text("label").unwrap_or_default().replace('_', ""),
        enabled,
        separator: text("type").as_deref() == Some("separator"),
    })
}
