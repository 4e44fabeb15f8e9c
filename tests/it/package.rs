//! The `.deb` that `make package` builds (issue 12), checked when it has been built: what it
//! installs, what it depends on, and that its desktop entry, AppStream metainfo and the package
//! itself pass `desktop-file-validate`, `appstreamcli validate` and `lintian`. `make package`
//! runs this test on the package it has just made; `make test` runs it when one is there.

use northstar_tests::describe;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `$NORTHSTAR_DEB`, else the newest `.deb` under `<target>/release/bundle/deb/`.
fn built_package() -> Option<PathBuf> {
    if let Some(deb) = std::env::var_os("NORTHSTAR_DEB").filter(|v| !v.is_empty()) {
        let deb = PathBuf::from(deb);
        assert!(
            deb.is_file(),
            "NORTHSTAR_DEB names {}, which does not exist",
            deb.display()
        );
        return Some(deb);
    }
    let mut targets = Vec::new();
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR").filter(|v| !v.is_empty()) {
        targets.push(PathBuf::from(dir));
    }
    // This test binary lives in <target>/debug/deps/.
    if let Some(t) = std::env::current_exe()
        .ok()
        .and_then(|e| Some(e.parent()?.parent()?.parent()?.to_path_buf()))
    {
        targets.push(t);
    }
    targets
        .iter()
        .filter_map(|t| std::fs::read_dir(t.join("release/bundle/deb")).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "deb"))
        .max_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
}

fn run(program: &str, args: &[&std::ffi::OsStr]) -> Output {
    Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("could not run {program} ({e}); `make package` installs the package validators")
        })
}

fn ok(program: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = run(program, args);
    assert!(out.status.success(), "{program} failed\n{}", describe(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_deb_installs_both_programs_the_desktop_entry_icons_and_metainfo_and_validates() {
    let Some(deb) = built_package() else {
        eprintln!("no .deb built (run `make package`): the package checks did not run");
        return;
    };
    let deb_arg = deb.as_os_str();
    let listing = ok("dpkg-deb", &[("-c").as_ref(), deb_arg]);
    let files: Vec<&str> = listing
        .lines()
        .filter_map(|l| l.split_whitespace().nth(5))
        .map(|p| p.trim_start_matches('.').trim_start_matches('/'))
        .collect();
    let mut expected = vec![
        "/usr/bin/northstar".to_owned(),
        "/usr/bin/northstar-window".to_owned(),
        "/usr/share/applications/Northstar.desktop".to_owned(),
        "/usr/share/metainfo/app.northstar.desktop.metainfo.xml".to_owned(),
        "/usr/share/doc/northstar/copyright".to_owned(),
        "/usr/share/doc/northstar/changelog.gz".to_owned(),
        "/usr/share/icons/hicolor/scalable/apps/northstar-window.svg".to_owned(),
    ];
    for size in [16, 24, 32, 48, 64, 128, 256, 512] {
        expected.push(format!(
            "/usr/share/icons/hicolor/{size}x{size}/apps/northstar-window.png"
        ));
    }
    for path in &expected {
        assert!(
            files.contains(&path.trim_start_matches('/')),
            "the package lacks {path}:\n{listing}"
        );
    }

    let depends = ok("dpkg-deb", &["-f".as_ref(), deb_arg, "Depends".as_ref()]);
    for dep in [
        "libwebkit2gtk-4.1-0",
        "libgtk-3-0",
        "libayatana-appindicator3-1",
        "libc6 (>= ",
    ] {
        assert!(depends.contains(dep), "Depends lacks {dep}: {depends}");
    }

    let root = tempfile::tempdir().unwrap();
    ok(
        "dpkg-deb",
        &["-x".as_ref(), deb_arg, root.path().as_os_str()],
    );
    let at = |p: &str| root.path().join(p.trim_start_matches('/'));

    let entry_path = at("/usr/share/applications/Northstar.desktop");
    ok("desktop-file-validate", &[entry_path.as_os_str()]);
    let entry = std::fs::read_to_string(&entry_path).unwrap();
    assert!(
        entry.lines().any(|l| l == "Exec=northstar-window"),
        "the desktop entry launches the window:\n{entry}"
    );
    assert!(
        entry.lines().any(|l| l == "Icon=northstar-window"),
        "{entry}"
    );

    let metainfo = at("/usr/share/metainfo/app.northstar.desktop.metainfo.xml");
    ok(
        "appstreamcli",
        &[
            "validate".as_ref(),
            "--no-net".as_ref(),
            metainfo.as_os_str(),
        ],
    );

    // Installed, the command line runs and finds the window beside it.
    let version = ok(
        at("/usr/bin/northstar").to_str().unwrap(),
        &["--version".as_ref()],
    );
    assert!(version.starts_with("northstar "), "{version}");
    assert!(at("/usr/bin/northstar-window").is_file());

    lintian_finds_no_errors(&deb);
}

/// `lintian --fail-on error` exits non-zero on errors. Warnings are allowed: today only
/// `no-manual-page` for the two programs (see the README's Install section).
fn lintian_finds_no_errors(deb: &Path) {
    let out = run(
        "lintian",
        &["--fail-on".as_ref(), "error".as_ref(), deb.as_os_str()],
    );
    let report = String::from_utf8_lossy(&out.stdout);
    let errors: Vec<&str> = report.lines().filter(|l| l.starts_with("E: ")).collect();
    assert!(
        out.status.success() && errors.is_empty(),
        "lintian found errors:\n{}",
        describe(&out)
    );
}
