//! Import and export against the worksheets users keep (`shared/fixtures/launchpad`), the
//! round trip on the demo project, atomic failure, and a property test of the importer.
//!
//! The fixtures are the repository's byte-for-byte copy in `tests/fixtures/launchpad` (so a
//! fresh clone tests against them), or `$NORTHSTAR_FIXTURES` when set.

mod fixtures;
mod props;
mod roundtrip;

use super::ImportPlan;
use std::path::PathBuf;

pub(super) fn fixture_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("NORTHSTAR_FIXTURES") {
        return dir.into();
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/launchpad")
}

pub(super) fn fixture(name: &str) -> (String, Vec<u8>) {
    let path = fixture_dir().join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (name.to_owned(), bytes)
}

pub(super) fn plan_of(name: &str) -> ImportPlan {
    super::plan(&[fixture(name)]).unwrap()
}
