//! The backups folder: how backup files are named, which of them to keep, and removing the rest.
//!
//! Only files named the way Northstar names them are ever touched; anything else a user puts in
//! the folder stays. Backups taken before a restore are kept until the user removes them: they
//! are rare, and the one way back from a restore that was a mistake.

use crate::error::Result;
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use ts_rs::TS;

/// How many of the most recent days, ISO weeks and months that have a backup keep their
/// newest one.
pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 4;
pub const KEEP_MONTHLY: usize = 12;

const PREFIX: &str = "northstar-";
const BEFORE_RESTORE: &str = "-before-restore";
const EXT: &str = ".db";
const STAMP: &str = "%Y-%m-%d-%H%M%S";
/// Files and folders being written (a backup before its rename, a restore's staging copy)
/// start with this; ones older than [`LEFTOVER_AGE`] were left by a crash and are removed.
pub(crate) const TEMP_PREFIX: &str = ".northstar-tmp-";
const LEFTOVER_AGE: Duration = Duration::from_secs(3600);

/// Why a backup was taken, as its name says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// The daily one at launch, or "Back up now": rotated.
    Regular,
    /// The workspace as it was just before a restore replaced it: never rotated away.
    BeforeRestore,
}

/// One backup file in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupFile {
    pub path: String,
    /// The file name, e.g. `northstar-2026-11-25-090000.db`.
    pub name: String,
    pub kind: BackupKind,
    /// When it was taken, local time, `YYYY-MM-DDTHH:MM:SS`.
    pub taken_at: String,
    pub bytes: u64,
    #[serde(skip)]
    #[ts(skip)]
    pub(crate) stamp: NaiveDateTime,
}

/// `northstar-2026-11-25-090000.db`, or `northstar-2026-11-25-090000-before-restore.db`.
pub fn file_name(at: NaiveDateTime, kind: BackupKind) -> String {
    let tail = match kind {
        BackupKind::Regular => "",
        BackupKind::BeforeRestore => BEFORE_RESTORE,
    };
    format!("{PREFIX}{}{tail}{EXT}", at.format(STAMP))
}

/// The time and kind a backup file's name says, or `None` for a name Northstar did not make.
pub fn parse_name(name: &str) -> Option<(NaiveDateTime, BackupKind)> {
    let core = name.strip_prefix(PREFIX)?.strip_suffix(EXT)?;
    let (stamp, kind) = match core.strip_suffix(BEFORE_RESTORE) {
        Some(s) => (s, BackupKind::BeforeRestore),
        None => (core, BackupKind::Regular),
    };
    // The format is fixed-width; parse_from_str alone would also take "2026-1-5-90000".
    if stamp.len() != 17 {
        return None;
    }
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    Some((at, kind))
}

/// The backups in `dir` whose names Northstar made, oldest first; an absent folder has none.
pub fn list_dir(dir: &Path) -> Result<Vec<BackupFile>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((stamp, kind)) = parse_name(&name) else {
            continue;
        };
        let meta = entry.metadata()?;
        if !meta.is_file() {
            continue;
        }
        out.push(BackupFile {
            path: entry.path().display().to_string(),
            name,
            kind,
            taken_at: stamp.format("%Y-%m-%dT%H:%M:%S").to_string(),
            bytes: meta.len(),
            stamp,
        });
    }
    out.sort_by(|a, b| (a.stamp, &a.name).cmp(&(b.stamp, &b.name)));
    Ok(out)
}

/// Which backups to keep, by when they were taken: the newest of each of the
/// [`KEEP_DAILY`] most recent days that have one, of the [`KEEP_WEEKLY`] most recent ISO weeks
/// that have one, and of the [`KEEP_MONTHLY`] most recent months that have one.
///
/// "Most recent that have one" rather than "within N days of today": after a holiday, or a year
/// away, the older backups are still there; and a clock set wrong does not empty the folder.
/// The rules overlap (today's backup is the newest of its day, week and month). Keeping is
/// stable: a backup removed once would never have been kept later, so rotating every day gives
/// the same folder as rotating once at the end.
pub fn keep(stamps: &[NaiveDateTime]) -> BTreeSet<NaiveDateTime> {
    let mut newest_first: Vec<NaiveDateTime> = stamps.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    newest_first.dedup();
    let mut kept = BTreeSet::new();
    let day = |t: &NaiveDateTime| (t.year(), t.ordinal());
    let week = |t: &NaiveDateTime| {
        let w = t.date().iso_week();
        (w.year(), w.week())
    };
    let month = |t: &NaiveDateTime| (t.year(), t.month());
    keep_newest_per(&newest_first, KEEP_DAILY, day, &mut kept);
    keep_newest_per(&newest_first, KEEP_WEEKLY, week, &mut kept);
    keep_newest_per(&newest_first, KEEP_MONTHLY, month, &mut kept);
    kept
}

/// Adds the first (newest) stamp of each of the first `n` periods met, newest first.
fn keep_newest_per<P: PartialEq>(
    newest_first: &[NaiveDateTime],
    n: usize,
    period: impl Fn(&NaiveDateTime) -> P,
    kept: &mut BTreeSet<NaiveDateTime>,
) {
    let mut last: Option<P> = None;
    let mut periods = 0;
    for t in newest_first {
        let p = period(t);
        if last.as_ref() == Some(&p) {
            continue;
        }
        if periods == n {
            return;
        }
        periods += 1;
        kept.insert(*t);
        last = Some(p);
    }
}

/// Removes the regular backups in `dir` that [`keep`] does not keep, and leftovers of
/// interrupted backups and restores. Returns the backups removed.
pub fn rotate(dir: &Path) -> Result<Vec<PathBuf>> {
    let regular: Vec<BackupFile> = list_dir(dir)?
        .into_iter()
        .filter(|b| b.kind == BackupKind::Regular)
        .collect();
    let stamps: Vec<NaiveDateTime> = regular.iter().map(|b| b.stamp).collect();
    let kept = keep(&stamps);
    let mut removed = Vec::new();
    for b in regular {
        if !kept.contains(&b.stamp) {
            std::fs::remove_file(&b.path)?;
            removed.push(PathBuf::from(b.path));
        }
    }
    sweep_leftovers(dir)?;
    Ok(removed)
}

/// Removes temporary files and folders a crash left behind. Only old ones: a young one may be
/// another process's backup in progress.
fn sweep_leftovers(dir: &Path) -> Result<()> {
    let now = SystemTime::now();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if !entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            continue;
        }
        let meta = entry.metadata()?;
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > LEFTOVER_AGE);
        if !old {
            continue;
        }
        // Best effort: a leftover that cannot be removed now is tried again next time.
        let _ = if meta.is_dir() {
            std::fs::remove_dir_all(entry.path())
        } else {
            std::fs::remove_file(entry.path())
        };
    }
    Ok(())
}

/// The day a backup was taken, for "at most once a day".
pub(crate) fn day_of(b: &BackupFile) -> NaiveDate {
    b.stamp.date()
}
