//! A bare Tauri 2 window: the yardstick for Northstar's launch time and memory (`make bench`).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the bare window runs");
}
