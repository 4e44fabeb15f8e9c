//! Owning the data: `backup`, `restore`, `check`, `import markdown` and `export markdown`.

use super::UserError;
use chrono::Local;
use clap::{Args, Subcommand};
use northstar_core::backup::{self, BackupInfo};
use northstar_core::exchange::markdown::{self, ImportPlan, ImportReport};
use northstar_core::{files, project, Store};
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Write the copy here instead of into `backups/` beside the workspace.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// A backup (or any Northstar workspace file) to restore from.
    file: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// The worksheets you already keep (scorecard, checklist, goals, stakeholders,
    /// compliance primer and notes), as Markdown tables.
    Markdown(MarkdownImportArgs),
    /// A file written by `northstar export json`: every field, ids and links kept.
    Json(super::exchange::JsonImportArgs),
}

#[derive(Debug, Args)]
pub struct MarkdownImportArgs {
    /// One or more Markdown files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The project to import into, by exact name (made when no project has it) or id.
    #[arg(long, value_name = "PROJECT")]
    project: String,
    /// Say what would be created and skipped, and write nothing.
    #[arg(long)]
    dry_run: bool,
}

pub fn backup(store: &Store, args: BackupArgs) -> Result<String, UserError> {
    let info = match args.output {
        Some(path) => backup::backup_to(store, &files::with_extension(&path, "db")?)?,
        None => backup::backup_now(store, Local::now().naive_local())?,
    };
    Ok(backed_up(&info))
}

fn backed_up(info: &BackupInfo) -> String {
    format!(
        "Backed up to {} ({:.1} MB): {}.\n",
        info.path,
        info.bytes as f64 / 1_000_000.0,
        info.counts.summary()
    )
}

pub fn restore(store: &mut Store, args: RestoreArgs) -> Result<String, UserError> {
    let report = backup::restore(store, &args.file, Local::now().naive_local())?;
    Ok(format!("{}\n", report.summary()))
}

/// Exit 0 with every check listed when all is well; exit 1 naming each problem otherwise.
pub fn check(store: &Store) -> Result<String, UserError> {
    let report = backup::check(store, None)?;
    let mut s = String::new();
    for item in &report.items {
        let mark = if item.ok { "ok" } else { "PROBLEM" };
        let _ = writeln!(s, "{mark:7}  {}: {}", item.name, item.detail);
    }
    if report.ok {
        return Ok(s);
    }
    let problems: Vec<String> = report
        .problems()
        .map(|i| format!("{}: {}", i.name, i.detail))
        .collect();
    Err(UserError(format!(
        "the check found {}:\n{s}{}",
        if problems.len() == 1 {
            "a problem".to_owned()
        } else {
            format!("{} problems", problems.len())
        },
        problems.join("\n")
    )))
}

pub fn import_markdown(store: &mut Store, args: MarkdownImportArgs) -> Result<String, UserError> {
    let mut inputs = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let bytes = std::fs::read(path)
            .map_err(|e| UserError(format!("could not read {}: {e}", path.display())))?;
        let name = path.display().to_string();
        inputs.push((name, bytes));
    }
    let plan = markdown::plan(&inputs)?;
    let mut s = plan_text(&plan);
    if args.dry_run {
        s.push_str("Dry run: nothing was written.\n");
        return Ok(s);
    }
    if plan.creates == 0 {
        return Err(UserError(format!(
            "{s}nothing in {} could be imported; nothing was written.",
            if inputs.len() == 1 {
                "the file"
            } else {
                "the files"
            }
        )));
    }
    let report = markdown::apply(store, &plan, &args.project)?;
    s.push_str(&report_text(&report));
    Ok(s)
}

/// What an import will do, table by table: its heading, what it is read as, the rows to
/// create, the rows skipped and why, and the columns not recognised.
fn plan_text(plan: &ImportPlan) -> String {
    let mut s = String::new();
    for t in &plan.tables {
        let heading = t.heading.last().map_or("(no heading)", String::as_str);
        let what = t.area.map_or("not imported", |a| a.label());
        let _ = writeln!(
            s,
            "{}:{}  {heading}  →  {what}: {} to create, {} skipped",
            t.file,
            t.line,
            t.rows.len(),
            t.skipped.len()
        );
        if !t.note.is_empty() {
            let _ = writeln!(s, "    {}", t.note);
        }
        for r in &t.skipped {
            let label = if r.label.is_empty() {
                "(empty)"
            } else {
                &r.label
            };
            let _ = writeln!(s, "    skipped line {}: {label}: {}", r.line, r.reason);
        }
        if !t.unrecognised.is_empty() {
            let _ = writeln!(
                s,
                "    columns not recognised: {}",
                t.unrecognised.join(", ")
            );
        }
    }
    let _ = writeln!(
        s,
        "In all: {} rows to create, {} skipped.",
        plan.creates, plan.skips
    );
    s
}

fn report_text(r: &ImportReport) -> String {
    let mut s = format!(
        "{} {}:",
        if r.project_created {
            "Created"
        } else {
            "Imported into"
        },
        r.project_name
    );
    let parts: Vec<String> = r
        .areas
        .iter()
        .map(|a| {
            let mut p = format!("{} {}", a.created, a.area.label());
            if a.updated > 0 {
                let _ = write!(p, " ({} filled in)", a.updated);
            }
            if a.kept > 0 {
                let _ = write!(p, " ({} already there)", a.kept);
            }
            p
        })
        .collect();
    s.push(' ');
    s.push_str(&parts.join(", "));
    s.push_str(".\n");
    for n in &r.notes {
        let _ = writeln!(s, "    {n}");
    }
    s
}

/// The project's tables as Markdown, in the worksheets' shape.
pub fn export_markdown(
    store: &Store,
    project: &str,
    output: Option<PathBuf>,
) -> Result<String, UserError> {
    let p = project::find(store.conn(), project)?;
    let text = markdown::export(store, &p.id)?;
    match output {
        None => Ok(text),
        Some(path) => {
            let path = files::with_extension(&path, "md")?;
            files::write_atomically(&path, text.as_bytes())?;
            Ok(format!("{}\n", path.display()))
        }
    }
}
