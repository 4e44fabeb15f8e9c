//! The two programs: `northstar`, the command line, links no GTK, WebKit or libsoup (so it runs
//! on a server or CI runner without them and starts in milliseconds), and alone it hands over to
//! `northstar-window` beside it, saying plainly when that is missing.

use crate::cli::assert_user_error;
use northstar_core::programs;
use northstar_tests::{app_binary, command_in, describe, window_binary, Workspace};
use std::process::Command;

/// The shared libraries `ldd` lists for `bin`.
fn linked_libraries(bin: &std::path::Path) -> Vec<String> {
    let out = Command::new("ldd")
        .arg(bin)
        .output()
        .expect("run ldd (Debian's libc-bin)");
    assert!(out.status.success(), "ldd {} failed", bin.display());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect()
}

fn webview_libraries(libs: &[String]) -> Vec<&String> {
    libs.iter()
        .filter(|l| {
            let l = l.to_lowercase();
            ["gtk", "gdk", "webkit", "javascriptcore", "soup"]
                .iter()
                .any(|w| l.contains(w))
        })
        .collect()
}

#[test]
fn the_command_line_links_no_gtk_webkit_or_soup_and_the_window_does() {
    let cli = linked_libraries(&app_binary());
    assert!(
        webview_libraries(&cli).is_empty(),
        "`northstar` links {:?}",
        webview_libraries(&cli)
    );
    // The same check on the window finds them, so the filter above can fail.
    let window = linked_libraries(&window_binary());
    let found = webview_libraries(&window);
    for lib in [
        "libgtk-3",
        "libwebkit2gtk-4.1",
        "libjavascriptcoregtk-4.1",
        "libsoup-3",
    ] {
        assert!(
            found.iter().any(|l| l.starts_with(lib)),
            "the window links {lib}: {found:?}"
        );
    }
}

#[test]
fn alone_without_the_window_program_beside_it_the_command_line_says_so() {
    let ws = Workspace::new();
    let folder = ws.root().join("bin");
    std::fs::create_dir_all(&folder).unwrap();
    let alone = folder.join(programs::CLI);
    std::fs::copy(app_binary(), &alone).expect("copy northstar");
    // With a display set, the missing program is the only thing to complain about.
    let out = command_in(&ws, &alone)
        .env("DISPLAY", ":0")
        .output()
        .unwrap();
    let line = assert_user_error(&out);
    let expected = folder.join(programs::WINDOW).display().to_string();
    assert!(
        line.contains("the window program is missing") && line.contains(&expected),
        "{line}"
    );
    assert!(
        !ws.data_dir().join(northstar_core::store::DB_FILE).exists(),
        "nothing was opened or created"
    );
    // Its commands need no window program.
    let out = command_in(&ws, &alone).args(["projects"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
}
