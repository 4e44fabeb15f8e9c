//! Import and export against the worksheets users keep (`shared/fixtures/launchpad`), the
//! round trip on the demo project, atomic failure, and a property test of the importer.
//!
//! The fixtures are read from `$NORTHSTAR_FIXTURES` when set, else from `shared/fixtures/
//! launchpad` beside the repository (three folders above this crate, as laid out on the
//! developers' machines and in CI), else from `/work/shared/fixtures/launchpad`.

mod fixtures;
mod props;
mod roundtrip;

use super::ImportPlan;
use std::path::PathBuf;

pub(super) fn fixture_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("NORTHSTAR_FIXTURES") {
        return dir.into();
    }
    let beside =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/launchpad");
    if beside.is_dir() {
        return beside;
    }
    PathBuf::from("/work/shared/fixtures/launchpad")
}

pub(super) fn fixture(name: &str) -> (String, Vec<u8>) {
    let path = fixture_dir().join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (name.to_owned(), bytes)
}

pub(super) fn plan_of(name: &str) -> ImportPlan {
    super::plan(&[fixture(name)]).unwrap()
}
