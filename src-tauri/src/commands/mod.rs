//! Thin IPC handlers, one file per area: lock the store, call one core function, map the error.

pub mod agenda;
pub mod app;
pub mod compliance;
pub mod data;
pub mod desktop;
pub mod first_week;
pub mod goals;
pub mod palette;
pub mod project;
pub mod report;
pub mod risks;
pub mod scorecard;
pub mod stakeholders;
pub mod undo;
