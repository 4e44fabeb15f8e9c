//! The `northstar` command line: subcommands work on the workspace without a display, even
//! while the window is open (WAL and a busy timeout keep writes safe). It links only the core
//! (bundled SQLite, no GTK, no WebKit), so it starts in milliseconds on a server or CI runner;
//! alone, it hands over to the window program installed beside it.

mod agenda;
mod alignment;
mod compliance;
mod data;
mod exchange;
mod risks;
mod undo;
mod window;

use clap::{Parser, Subcommand};
use northstar_core::report::{self, Paper, ReportOptions};
use northstar_core::risks::{RiskQuery, StatusFilter};
use northstar_core::{files, goals, project, scorecard, stakeholders, workspace, Store};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "northstar",
    version,
    about = "Is this ready for production, and what is still missing?",
    long_about = "Northstar keeps each product's North Star, readiness scorecard and review dates in a local workspace.\nWith no command it opens the window."
)]
struct Cli {
    /// The workspace folder (default: $NORTHSTAR_DATA_DIR, else the OS app-data folder).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Open the window in the tray (or minimised) rather than in front: what the login item runs.
    #[arg(long)]
    minimized: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List the workspace's projects.
    Projects {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one project, by id or exact name.
    Show {
        project: String,
        /// Print JSON: the project, its pillars, headline, assessments, goals, stakeholders,
        /// risks, compliance and its review dates (agenda).
        #[arg(long)]
        json: bool,
    },
    /// Export a project to a file.
    #[command(subcommand)]
    Export(Export),
    /// Goal readings: feed a goal's metric from monitoring, a cron job or CI.
    #[command(subcommand)]
    Reading(alignment::ReadingCommand),
    /// Record a check-in with a stakeholder (today unless --date).
    Checkin(alignment::CheckinArgs),
    /// List a project's risks, most severe first (not closed ones unless --status).
    Risks(risks::RisksArgs),
    /// Compliance readiness per regulation and the sensitive data no regulation covers.
    Compliance(compliance::ComplianceArgs),
    /// Every review date across projects: overdue, today, this week, later.
    Agenda(agenda::AgendaArgs),
    /// Send one desktop notification of what is due now, record it, and exit (for a timer).
    Remind(agenda::RemindArgs),
    /// Mark an agenda item reviewed (a recurring one moves on from today).
    Reviewed(agenda::ReviewedArgs),
    /// Snooze an agenda item until a later day.
    Snooze(agenda::SnoozeArgs),
    /// Back the workspace up: a consistent copy into backups/ (kept 7 daily, 4 weekly,
    /// 12 monthly), or to -o FILE.
    Backup(data::BackupArgs),
    /// Replace the workspace with a backup, after checking it; the workspace as it was is
    /// backed up first.
    Restore(data::RestoreArgs),
    /// Check the workspace (integrity, foreign keys) and test-restore the newest backup;
    /// exit 1 naming any problem.
    Check,
    /// Bring in data from files.
    #[command(subcommand)]
    Import(data::ImportCommand),
    /// The README line: "Readiness 2.0 / 5 · 0 of 12 pillars at target".
    Headline(exchange::HeadlineArgs),
    /// Undo the newest edit (from the window or here), as Ctrl+Z does.
    Undo(undo::StackArgs),
    /// Redo what the last undo took back, unless something was edited since.
    Redo(undo::StackArgs),
    /// Removed projects, pillars, goals, stakeholders, risks and scan rows: list, restore, empty.
    Trash {
        #[command(subcommand)]
        command: Option<undo::TrashCommand>,
    },
}

#[derive(Debug, Subcommand)]
enum Export {
    /// The one-page PDF scorecard, or with --full the whole readiness report.
    Pdf {
        /// Project id or exact name.
        project: String,
        /// Where to write the PDF.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Paper size (default: from the system locale).
        #[arg(long, value_parser = ["a4", "letter"])]
        paper: Option<String>,
        /// The scorecard page followed by every table in full.
        #[arg(long)]
        full: bool,
    },
    /// The project's tables as Markdown, in the worksheets' shape, to paste into a README or a
    /// wiki (to stdout unless -o).
    Markdown {
        /// Project id or exact name.
        project: String,
        /// Where to write the file.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Every field of one project (or of every project) as JSON, to import elsewhere.
    Json(exchange::JsonExportArgs),
    /// One list of a project as CSV, for a spreadsheet.
    Csv(exchange::CsvArgs),
    /// A small SVG badge of the readiness headline, for a README.
    Badge(exchange::BadgeArgs),
    /// Every review date as a calendar file (.ics) to import into a calendar.
    Ics {
        /// Where to write the file.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// One project only (id or exact name).
        #[arg(long, value_name = "PROJECT")]
        project: Option<String>,
    },
}

/// A failure the user can fix: one line on stderr, exit 1.
struct UserError(String);

impl From<northstar_core::Error> for UserError {
    fn from(e: northstar_core::Error) -> Self {
        UserError(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // clap prints help and version with exit 0 and usage errors with exit 2.
        Err(e) => e.exit(),
    };
    let Some(command) = cli.command else {
        return window::open(cli.data_dir.as_deref(), cli.minimized);
    };
    let dir = workspace::resolve_dir(cli.data_dir.as_deref());
    let out = std::io::stdout();
    let result = workspace::open(&dir)
        .map_err(UserError::from)
        .and_then(|mut store| run(&mut store, command, &mut out.lock()));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(UserError(message)) => {
            eprintln!("northstar: {message}");
            ExitCode::from(1)
        }
    }
}

fn run(store: &mut Store, command: Command, out: &mut impl Write) -> Result<(), UserError> {
    let text = match command {
        Command::Projects { json: true } => {
            let list = project::list(store.conn())?;
            pretty(&json!(list))
        }
        Command::Projects { json: false } => projects_table(store)?,
        Command::Show { project, json } => {
            let p = project::find(store.conn(), &project)?;
            let card = scorecard::scorecard(store.conn(), &p.id)?;
            let today = store.clock().today();
            let goals = goals::list_goals(store.conn(), &p.id, today)?;
            let people = stakeholders::list_stakeholders(store.conn(), &p.id, today)?;
            if json {
                let every = RiskQuery {
                    status: StatusFilter::All,
                    ..Default::default()
                };
                let register =
                    northstar_core::risks::all_risks(store.conn(), &p.id, &every, today)?;
                pretty(&json!({
                    "project": p,
                    "headline": card.headline,
                    "pillars": card.pillars,
                    "assessments": card.assessments,
                    "goals": goals,
                    "stakeholders": people,
                    "risks": register,
                    "compliance": northstar_core::compliance::compliance(store.conn(), &p.id)?,
                    "agenda": northstar_core::agenda::agenda(
                        store.conn(),
                        today,
                        &northstar_core::agenda::AgendaQuery {
                            days: None,
                            project_id: Some(p.id.clone()),
                        },
                    )?,
                }))
            } else {
                let mut s = show_text(&p, &card);
                s.push_str(&alignment::show_text(&goals, &people));
                s.push_str(&risks::show_text(store, &p.id)?);
                let c = northstar_core::compliance::compliance(store.conn(), &p.id)?;
                s.push_str("\nCompliance\n");
                s.push_str(&compliance::text(&c));
                s
            }
        }
        Command::Reading(alignment::ReadingCommand::Add(args)) => {
            alignment::add_reading(store, args)?
        }
        Command::Checkin(args) => alignment::checkin(store, args)?,
        Command::Risks(args) => risks::list(store, args)?,
        Command::Compliance(args) => compliance::show(store, args)?,
        Command::Agenda(args) => agenda::list(store, args)?,
        Command::Remind(args) => agenda::remind(store, args)?,
        Command::Reviewed(args) => agenda::reviewed(store, args)?,
        Command::Snooze(args) => agenda::snooze(store, args)?,
        Command::Backup(args) => data::backup(store, args)?,
        Command::Restore(args) => data::restore(store, args)?,
        Command::Check => data::check(store)?,
        Command::Import(data::ImportCommand::Json(args)) => exchange::import_json(store, args)?,
        Command::Import(data::ImportCommand::Markdown(args)) => data::import_markdown(store, args)?,
        Command::Headline(args) => exchange::headline(store, args)?,
        Command::Undo(args) => undo::undo(store, args)?,
        Command::Redo(args) => undo::redo(store, args)?,
        Command::Trash { command } => undo::trash(store, command)?,
        Command::Export(Export::Json(args)) => exchange::export_json(store, args)?,
        Command::Export(Export::Csv(args)) => exchange::export_csv(store, args)?,
        Command::Export(Export::Badge(args)) => exchange::badge(store, args)?,
        Command::Export(Export::Markdown { project, output }) => {
            data::export_markdown(store, &project, output)?
        }
        Command::Export(Export::Ics { output, project }) => {
            agenda::export_ics(store, output, project)?
        }
        Command::Export(Export::Pdf {
            project,
            output,
            paper,
            full,
        }) => {
            let p = project::find(store.conn(), &project)?;
            let paper = match paper.as_deref() {
                Some("letter") => Paper::Letter,
                Some(_) => Paper::A4,
                None => Paper::from_env(),
            };
            let opts = ReportOptions {
                paper,
                full,
                as_of: store.clock().today(),
            };
            let bytes = report::render(store.conn(), &p.id, &opts)?;
            let path = files::with_extension(&output, "pdf")?;
            files::write_atomically(&path, &bytes)?;
            format!("{}\n", path.display())
        }
    };
    // A closed pipe (`northstar projects | head`) is not an error worth a message.
    let _ = out.write_all(text.as_bytes());
    Ok(())
}

fn pretty(v: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

fn projects_table(store: &Store) -> Result<String, UserError> {
    let list = project::list(store.conn())?;
    if list.is_empty() {
        return Ok("No projects yet. Open the window (`northstar`) to create one.\n".into());
    }
    let mut s = String::new();
    for p in list {
        let card = scorecard::scorecard(store.conn(), &p.id)?;
        let h = &card.headline;
        let overall = h.overall.map_or("–".to_string(), |o| format!("{o:.1}"));
        let archived = if p.archived { "  (archived)" } else { "" };
        s.push_str(&format!(
            "{}  {}  overall {overall}, {}{archived}\n",
            p.id,
            p.name,
            h.summary()
        ));
    }
    Ok(s)
}

fn show_text(p: &project::Project, card: &scorecard::Scorecard) -> String {
    let mut s = format!("{}\n", p.name);
    if !p.north_star.is_empty() {
        s.push_str(&format!("North Star: {}\n", p.north_star));
    }
    if !p.leading_metric.is_empty() {
        s.push_str(&format!("Leading metric: {}\n", p.leading_metric));
    }
    let h = &card.headline;
    let overall = h
        .overall
        .map_or("not scored".to_string(), |o| format!("{o:.1}"));
    s.push_str(&format!("\nOverall {overall}; {}\n", h.summary()));
    for pl in &card.pillars {
        let score = pl.score.map_or("–".to_string(), |v| {
            format!("{v} {}", scorecard::legend(v))
        });
        s.push_str(&format!(
            "  {:<24} {:<18} target {}  {}\n",
            pl.name,
            score,
            pl.target,
            pl.status.label()
        ));
    }
    s
}
