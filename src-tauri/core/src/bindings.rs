//! The TypeScript types of everything that crosses IPC, generated from these Rust structs into
//! `ui/src/lib/api/bindings.ts`. A test fails when that file is stale; `make bindings` rewrites it.

use crate::agenda::{
    AgendaFirst, AgendaItemJson, AgendaQuery, Bucket, BucketCounts, ItemKind, Reminder,
    ReminderSettings, Repeat, Summary,
};
use crate::backup::{
    AreaCount, BackupFile, BackupInfo, BackupKind, CheckItem, CheckReport, RestoreReport, RowCounts,
};
use crate::compliance::{
    Answers, Compliance, Control, DataKind, Decision, Industry, InventoryEdit, InventoryRow,
    NewInventoryRow, NewRegulation, NewReview, NewScanRow, NewTrigger, NewVendor, NotesView,
    ProjectRegulation, Question, Readiness, Regulation, RegulationStatus, RegulationSummary,
    Review, ScanEdit, ScanRow, ScanView, Sensitive, Snapshot, SnapshotEdit, TriggerEdit,
    TriggerRow, Vendor, VendorEdit,
};
use crate::error::{ErrorKind, ErrorPayload};
use crate::exchange::csv::{CsvFilter, CsvTable};
use crate::exchange::headline::ReadmeHeadline;
use crate::exchange::json::{
    ExportSummary, ImportedProject, JsonImportOptions, JsonImportPreview, JsonImportReport,
    TableCount,
};
use crate::exchange::markdown::{
    BlockKind, ImportArea, ImportAreaCount, ImportPlan, ImportReport, NewRow, PlannedRow,
    ProjectField, SkippedRow, SnapshotField, TablePlan,
};
use crate::first_week::{FirstWeek, FirstWeekGroup, FirstWeekItem};
use crate::goals::{Direction, Goal, GoalEdit, MetricStatus, NewGoal, Reading};
use crate::named::Named;
use crate::palette::PaletteProject;
use crate::project::{DeletionImpact, NewProject, Project, ProjectEdit};
use crate::report::{Briefing, DueWords, Paper, StatusCounts};
use crate::risks::{
    Band, BandChange, Cell, HeatCell, HeatMap, NewRisk, Risk, RiskChange, RiskEdit, RiskPage,
    RiskQuery, RiskRef, RiskSort, RiskStatus, RisksView, StatusFilter,
};
use crate::scorecard::{
    Assessment, AssessmentEdit, AssessmentPoint, AssessmentScore, FrozenScore, Headline, NewPillar,
    Pillar, PillarEdit, PillarSaved, PillarSet, PillarSetInfo, PillarTemplate, RemovalImpact,
    ScoreChange, Scorecard, ScorecardScreen, Status,
};
use crate::stakeholders::{
    Cadence, CheckIn, NewStakeholder, Stakeholder, StakeholderEdit, StakeholderRemoval,
};
use crate::store::{BatchKind, Committed};
use crate::undo::{Purged, StackEntry, TrashCount, TrashEntry, TrashKind, UndoOutcome, UndoState};
use ts_rs::{Config, TS};

/// Extra declarations from crates that sit on top of the core (the shell's own payloads).
pub type Extra = fn(&Config) -> String;

/// The whole bindings file.
pub fn typescript(extra: &[Extra]) -> String {
    let cfg = Config::new().with_large_int("number");
    let decls = [
        ErrorKind::decl(&cfg),
        ErrorPayload::decl(&cfg),
        Project::decl(&cfg),
        NewProject::decl(&cfg),
        ProjectEdit::decl(&cfg),
        DeletionImpact::decl(&cfg),
        Status::decl(&cfg),
        Pillar::decl(&cfg),
        NewPillar::decl(&cfg),
        PillarEdit::decl(&cfg),
        PillarSaved::decl(&cfg),
        PillarSet::decl(&cfg),
        PillarSetInfo::decl(&cfg),
        PillarTemplate::decl(&cfg),
        RemovalImpact::decl(&cfg),
        Headline::decl(&cfg),
        Assessment::decl(&cfg),
        AssessmentScore::decl(&cfg),
        AssessmentEdit::decl(&cfg),
        ScoreChange::decl(&cfg),
        Scorecard::decl(&cfg),
        AssessmentPoint::decl(&cfg),
        FrozenScore::decl(&cfg),
        ScorecardScreen::decl(&cfg),
        crate::launch::FirstScreen::decl(&cfg),
        Paper::decl(&cfg),
        Direction::decl(&cfg),
        MetricStatus::decl(&cfg),
        Reading::decl(&cfg),
        Goal::decl(&cfg),
        NewGoal::decl(&cfg),
        GoalEdit::decl(&cfg),
        Cadence::decl(&cfg),
        CheckIn::decl(&cfg),
        Stakeholder::decl(&cfg),
        NewStakeholder::decl(&cfg),
        StakeholderEdit::decl(&cfg),
        StakeholderRemoval::decl(&cfg),
        FirstWeekGroup::decl(&cfg),
        FirstWeekItem::decl(&cfg),
        FirstWeek::decl(&cfg),
        Named::decl(&cfg),
        PaletteProject::decl(&cfg),
        Repeat::decl(&cfg),
        ItemKind::decl(&cfg),
        Bucket::decl(&cfg),
        AgendaItemJson::decl(&cfg),
        AgendaQuery::decl(&cfg),
        BucketCounts::decl(&cfg),
        AgendaFirst::decl(&cfg),
        ReminderSettings::decl(&cfg),
        Reminder::decl(&cfg),
        Summary::decl(&cfg),
        Band::decl(&cfg),
        RiskStatus::decl(&cfg),
        BandChange::decl(&cfg),
        RiskRef::decl(&cfg),
        Risk::decl(&cfg),
        NewRisk::decl(&cfg),
        RiskEdit::decl(&cfg),
        RiskChange::decl(&cfg),
        StatusFilter::decl(&cfg),
        RiskSort::decl(&cfg),
        Cell::decl(&cfg),
        RiskQuery::decl(&cfg),
        RiskPage::decl(&cfg),
        HeatCell::decl(&cfg),
        HeatMap::decl(&cfg),
        RisksView::decl(&cfg),
        DataKind::decl(&cfg),
        Industry::decl(&cfg),
        Answers::decl(&cfg),
        Sensitive::decl(&cfg),
        Readiness::decl(&cfg),
        Regulation::decl(&cfg),
        RegulationStatus::decl(&cfg),
        ProjectRegulation::decl(&cfg),
        ScanRow::decl(&cfg),
        Snapshot::decl(&cfg),
        InventoryRow::decl(&cfg),
        TriggerRow::decl(&cfg),
        Vendor::decl(&cfg),
        Control::decl(&cfg),
        Question::decl(&cfg),
        Review::decl(&cfg),
        ScanView::decl(&cfg),
        NotesView::decl(&cfg),
        Compliance::decl(&cfg),
        RegulationSummary::decl(&cfg),
        StatusCounts::decl(&cfg),
        DueWords::decl(&cfg),
        Briefing::decl(&cfg),
        Decision::decl(&cfg),
        NewRegulation::decl(&cfg),
        NewScanRow::decl(&cfg),
        ScanEdit::decl(&cfg),
        SnapshotEdit::decl(&cfg),
        NewInventoryRow::decl(&cfg),
        InventoryEdit::decl(&cfg),
        NewTrigger::decl(&cfg),
        TriggerEdit::decl(&cfg),
        NewVendor::decl(&cfg),
        VendorEdit::decl(&cfg),
        NewReview::decl(&cfg),
        AreaCount::decl(&cfg),
        RowCounts::decl(&cfg),
        BackupInfo::decl(&cfg),
        BackupKind::decl(&cfg),
        BackupFile::decl(&cfg),
        RestoreReport::decl(&cfg),
        CheckItem::decl(&cfg),
        CheckReport::decl(&cfg),
        ImportArea::decl(&cfg),
        BlockKind::decl(&cfg),
        ProjectField::decl(&cfg),
        SnapshotField::decl(&cfg),
        NewRow::decl(&cfg),
        PlannedRow::decl(&cfg),
        SkippedRow::decl(&cfg),
        TablePlan::decl(&cfg),
        ImportPlan::decl(&cfg),
        ImportAreaCount::decl(&cfg),
        ImportReport::decl(&cfg),
        ReadmeHeadline::decl(&cfg),
        CsvTable::decl(&cfg),
        CsvFilter::decl(&cfg),
        TableCount::decl(&cfg),
        ExportSummary::decl(&cfg),
        JsonImportOptions::decl(&cfg),
        ImportedProject::decl(&cfg),
        JsonImportReport::decl(&cfg),
        JsonImportPreview::decl(&cfg),
        BatchKind::decl(&cfg),
        Committed::decl(&cfg),
        StackEntry::decl(&cfg),
        UndoState::decl(&cfg),
        UndoOutcome::decl(&cfg),
        TrashKind::decl(&cfg),
        TrashCount::decl(&cfg),
        TrashEntry::decl(&cfg),
        Purged::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in src-tauri/core by `make bindings`. Do not edit.\n\n",
    );
    for d in decls.iter().cloned().chain(extra.iter().map(|f| f(&cfg))) {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
