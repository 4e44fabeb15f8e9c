//! Northstar's core: the workspace store and the whole domain (projects, scorecards, goals,
//! stakeholders, risks, compliance, reports).
//!
//! A plain Rust library that knows nothing of windows or webviews; the desktop shell and the
//! CLI both call it. Every write validates first and lands in one transaction.

pub mod agenda;
pub mod backup;
pub mod bindings;
pub mod clock;
pub mod compliance;
pub mod demo;
pub mod error;
pub mod exchange;
pub mod files;
pub mod first_week;
pub mod goals;
pub mod gpu;
pub mod launch;
pub mod named;
#[cfg(feature = "notify")]
pub mod notify;
pub mod palette;
pub mod programs;
pub mod project;
pub mod report;
pub mod risks;
pub mod scorecard;
pub mod stakeholders;
pub mod store;
pub mod undo;
pub mod validate;
pub mod workspace;

pub use error::{Error, ErrorKind, ErrorPayload, Result};
pub use store::Store;

/// A fresh row id: UUID v7, so ids sort by creation time and are safe to make on any device.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

#[cfg(test)]
pub(crate) mod testing {
    use crate::clock::FixedClock;
    use crate::store::Store;
    use chrono::{TimeZone, Utc};

    /// An in-memory store whose clock says 2026-11-25 09:00 UTC.
    pub fn store() -> Store {
        let clock = FixedClock(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap());
        Store::open_in_memory(Box::new(clock)).unwrap()
    }

    /// That store with the demo seeded, and the demo project's id.
    pub fn demo() -> (Store, String) {
        let mut s = store();
        crate::demo::seed_if_first_run(&mut s).unwrap();
        let id = crate::project::list(s.conn()).unwrap()[0].id.clone();
        (s, id)
    }
}
