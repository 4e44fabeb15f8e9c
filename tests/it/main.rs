//! Integration tests: the `northstar` CLI and the core against real database files in temporary
//! folders. One binary, one module per area.

mod agenda;
mod alignment;
mod cli;
mod compliance;
mod concurrency;
mod crash;
mod data;
mod database_files;
mod demo;
mod exchange;
mod export;
mod package;
mod programs;
mod risks;
mod undo;
