//! Exchange: a project (or the whole workspace) in and out of files other tools read. JSON
//! export and import carry every field of every area through the registry in [`tables`];
//! Markdown reads and writes the worksheets users keep; CSV exports the lists users see;
//! [`headline`] is the README line and its badge. (ICS lives with the agenda.)

pub mod csv;
pub mod headline;
pub mod json;
pub mod markdown;
pub mod tables;
