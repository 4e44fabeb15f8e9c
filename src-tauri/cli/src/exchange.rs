//! Files other tools read: `export json|csv|badge`, `import json` and `headline`.

use super::UserError;
use clap::Args;
use northstar_core::exchange::csv::{self as csv_export, CsvFilter, CsvTable};
use northstar_core::exchange::headline;
use northstar_core::exchange::json::{self, JsonImportOptions};
use northstar_core::{files, project, Store};
use std::io::Write as _;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct JsonExportArgs {
    /// One project (id or exact name); every project when left out.
    project: Option<String>,
    /// Where to write the file.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

#[derive(Debug, Args)]
pub struct JsonImportArgs {
    /// A file written by `northstar export json`.
    file: PathBuf,
    /// Import the file's project under this name (when one here already has its name).
    #[arg(long, value_name = "NEW")]
    rename: Option<String>,
    /// Give every row a new id, so the file can come in again as a copy beside the original.
    #[arg(long)]
    remap_ids: bool,
}

#[derive(Debug, Args)]
pub struct CsvArgs {
    /// Project id or exact name.
    project: String,
    /// Which list: pillars, goals, stakeholders, risks, compliance, vendors, inventory, agenda.
    #[arg(long, value_name = "NAME")]
    table: String,
    /// Where to write the file.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

#[derive(Debug, Args)]
pub struct HeadlineArgs {
    /// Project id or exact name.
    project: String,
    /// With the score in bold, for a README.
    #[arg(long)]
    markdown: bool,
}

#[derive(Debug, Args)]
pub struct BadgeArgs {
    /// Project id or exact name.
    project: String,
    /// Where to write the SVG.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

pub fn export_json(store: &Store, args: JsonExportArgs) -> Result<String, UserError> {
    let id = match &args.project {
        Some(p) => Some(project::find(store.conn(), p)?.id),
        None => None,
    };
    let path = files::with_extension(&args.output, "json")?;
    // Written whole, then renamed into place: a failed export leaves no half file.
    let bytes = json::export(store, id.as_deref())?;
    files::write_atomically(&path, &bytes)?;
    Ok(format!("{}\n", path.display()))
}

pub fn import_json(store: &mut Store, args: JsonImportArgs) -> Result<String, UserError> {
    let bytes = std::fs::read(&args.file)
        .map_err(|e| UserError(format!("could not read {}: {e}", args.file.display())))?;
    let opts = JsonImportOptions {
        rename: args.rename,
        remap_ids: args.remap_ids,
        source: Some(args.file.display().to_string()),
    };
    let report = json::import(store, &bytes, opts)?;
    let names: Vec<&str> = report.projects.iter().map(|p| p.name.as_str()).collect();
    let rows: u64 = report.tables.iter().map(|t| u64::from(t.rows)).sum();
    Ok(format!(
        "Imported {} ({rows} rows{}).\n",
        names.join(", "),
        if report.remapped {
            ", with new ids"
        } else {
            ""
        }
    ))
}

pub fn export_csv(store: &Store, args: CsvArgs) -> Result<String, UserError> {
    let table = CsvTable::parse(&args.table)?;
    let p = project::find(store.conn(), &args.project)?;
    let bytes = csv_export::export_table(
        store.conn(),
        &p.id,
        table,
        &CsvFilter::default(),
        store.clock().today(),
    )?;
    let path = files::with_extension(&args.output, "csv")?;
    files::write_atomically(&path, &bytes)?;
    Ok(format!("{}\n", path.display()))
}

pub fn headline(store: &Store, args: HeadlineArgs) -> Result<String, UserError> {
    let p = project::find(store.conn(), &args.project)?;
    let h = headline::headline(store.conn(), &p.id)?;
    let mut out = if args.markdown { h.markdown } else { h.text };
    out.push('\n');
    Ok(out)
}

pub fn badge(store: &Store, args: BadgeArgs) -> Result<String, UserError> {
    let p = project::find(store.conn(), &args.project)?;
    let h = headline::headline(store.conn(), &p.id)?;
    let path = files::with_extension(&args.output, "svg")?;
    let mut svg = Vec::new();
    let _ = svg.write_all(headline::badge_svg(&h).as_bytes());
    files::write_atomically(&path, &svg)?;
    Ok(format!("{}\n", path.display()))
}
