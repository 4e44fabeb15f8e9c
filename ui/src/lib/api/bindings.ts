// Generated from the Rust types in src-tauri/core by `make bindings`. Do not edit.

export type ErrorKind = "not_found" | "invalid" | "conflict" | "refused" | "storage" | "io" | "report";

export type ErrorPayload = { kind: ErrorKind, message: string, field?: string, };

export type Project = { id: string, name: string, description: string, north_star: string, leading_metric: string, archived: boolean, 
/**
 * The goal whose readings the leading metric shows, when it is tied to one.
 */
leading_goal_id: string | null, created_at: string, updated_at: string, };

export type NewProject = { name: string, description: string, north_star: string, leading_metric: string, 
/**
 * Built-in pillar sets to start the scorecard with (none, either or both).
 */
pillar_sets: Array<PillarSet>, };

export type ProjectEdit = { "field": "name", "value": string } | { "field": "description", "value": string } | { "field": "north_star", "value": string } | { "field": "leading_metric", "value": string } | { "field": "leading_goal", "value": string | null };

export type DeletionImpact = { pillars: number, assessments: number, goals: number, stakeholders: number, };

export type Status = "on_target" | "in_progress" | "pending";

export type Pillar = { id: string, project_id: string, name: string, description: string, score: number | null, target: number, status: Status, evidence: string, owner: string, 
/**
 * `YYYY-MM-DD`, a review date.
 */
next_checkpoint: string | null, 
/**
 * When set, marking the checkpoint reviewed moves it on by this interval.
 */
checkpoint_repeat: Repeat | null, position: number, };

export type NewPillar = { name: string, description: string, };

export type PillarEdit = { "field": "name", "value": string } | { "field": "description", "value": string } | { "field": "score", "value": number | null } | { "field": "target", "value": number } | { "field": "evidence", "value": string } | { "field": "owner", "value": string } | { "field": "next_checkpoint", "value": string | null } | { "field": "checkpoint_repeat", "value": Repeat | null };

export type PillarSaved = { pillar: Pillar, headline: Headline, };

export type PillarSet = "four_pillars" | "readiness_checklist";

export type PillarSetInfo = { id: PillarSet, name: string, pillars: Array<PillarTemplate>, };

export type PillarTemplate = { name: string, description: string, };

export type RemovalImpact = { scored: boolean, 
/**
 * Recorded assessments that mention the pillar (they keep their frozen copy).
 */
assessments: number, };

export type Headline = { 
/**
 * Mean of the scored pillars, to one decimal; none when nothing is scored.
 */
overall: number | null, at_target: number, total: number, scored: number, 
/**
 * The lowest-scoring pillars below target (unscored ones first), at most three.
 */
lowest: Array<string>, };

export type Assessment = { id: string, project_id: string, label: string, 
/**
 * `YYYY-MM-DD`.
 */
date: string, 
/**
 * Mean of the scored pillars at that moment, one decimal.
 */
overall: number | null, scores: Array<AssessmentScore>, };

export type AssessmentScore = { pillar_id: string, 
/**
 * The pillar's name at that moment.
 */
pillar: string, score: number | null, target: number, evidence: string, };

export type AssessmentEdit = { "field": "label", "value": string } | { "field": "date", "value": string };

export type ScoreChange = { pillar_id: string, pillar: string, 
/**
 * None when the pillar was unscored, or not yet there, in the earlier assessment.
 */
before: number | null, after: number | null, evidence_before: string | null, evidence_after: string | null, };

export type Scorecard = { project_id: string, pillars: Array<Pillar>, headline: Headline, 
/**
 * Oldest first, so a trend reads left to right.
 */
assessments: Array<Assessment>, };

export type AssessmentPoint = { id: string, label: string, 
/**
 * `YYYY-MM-DD`.
 */
date: string, 
/**
 * Mean of the scored pillars at that moment, one decimal.
 */
overall: number | null, scores: Array<FrozenScore>, };

export type FrozenScore = { pillar_id: string, pillar: string, score: number | null, };

export type ScorecardScreen = { project_id: string, pillars: Array<Pillar>, headline: Headline, 
/**
 * Oldest first, so a trend reads left to right.
 */
assessments: Array<AssessmentPoint>, };

export type FirstScreen = { projects: Array<Project>, 
/**
 * The project that opens: `remembered` when it is still there, else the first active one by
 * name (as the sidebar sorts them), else the first archived one.
 */
selected: string | null, 
/**
 * The scorecard of `selected`, when asked for (it is the page that opens).
 */
scorecard: ScorecardScreen | null, };

export type Paper = "a4" | "letter";

export type Direction = "higher" | "lower";

export type MetricStatus = "met" | "not_met" | "no_reading" | "no_numbers";

export type Reading = { id: string, 
/**
 * `YYYY-MM-DD`.
 */
date: string, value: number, };

export type Goal = { id: string, project_id: string, 
/**
 * The goal / outcome.
 */
goal: string, 
/**
 * The success metric in words: "99% of requests succeed; p95 < 400 ms".
 */
metric: string, target: number | null, unit: string, direction: Direction, 
/**
 * `YYYY-MM-DD`, a review date.
 */
deadline: string | null, guardrail: string, 
/**
 * Ids of the stakeholders this goal names.
 */
stakeholders: Array<string>, 
/**
 * Free-text risks & mitigations typed before the register linked risks; kept until the
 * user clears it or turns it into a risk.
 */
risks_text: string, 
/**
 * Linked risks, open ones first, most severe first.
 */
risks: Array<RiskRef>, 
/**
 * The highest band among the linked risks not closed.
 */
risk_band: Band | null, 
/**
 * Oldest first (by date, then by when typed).
 */
readings: Array<Reading>, latest: Reading | null, status: MetricStatus, 
/**
 * The newest reading is older than [`STALE_AFTER_DAYS`].
 */
stale: boolean, 
/**
 * Days from the newest reading to today.
 */
days_since_reading: number | null, position: number, };

export type NewGoal = { goal: string, metric: string, target?: number, unit: string, direction?: Direction, deadline?: string, guardrail: string, stakeholders: Array<string>, risks_text: string, };

export type GoalEdit = { "field": "goal", "value": string } | { "field": "metric", "value": string } | { "field": "target", "value": number | null } | { "field": "unit", "value": string } | { "field": "direction", "value": Direction } | { "field": "deadline", "value": string | null } | { "field": "guardrail", "value": string } | { "field": "stakeholders", "value": Array<string> } | { "field": "risks_text", "value": string } | { "field": "risks", "value": Array<string> };

export type Cadence = "weekly" | "fortnightly" | "monthly" | "quarterly" | "ad_hoc";

export type CheckIn = { id: string, 
/**
 * `YYYY-MM-DD`.
 */
date: string, note: string, };

export type Stakeholder = { id: string, project_id: string, 
/**
 * Stakeholder / role.
 */
name: string, 
/**
 * Why they care.
 */
why: string, 
/**
 * What success looks like to them.
 */
success: string, cadence: Cadence, channel: string, 
/**
 * Risks / open questions.
 */
open_questions: string, owner: string, last_check_in: string | null, 
/**
 * From the last check-in and the cadence; none for ad hoc or before the first check-in.
 */
next_check_in: string | null, 
/**
 * The next check-in is before today.
 */
overdue: boolean, 
/**
 * Newest first.
 */
check_ins: Array<CheckIn>, 
/**
 * Ids of the goals that name this stakeholder.
 */
goals: Array<string>, 
/**
 * The risks not closed that name this stakeholder, most severe first.
 */
risks: Array<RiskRef>, position: number, };

export type NewStakeholder = { name: string, why: string, success: string, cadence?: Cadence, channel: string, open_questions: string, owner: string, };

export type StakeholderEdit = { "field": "name", "value": string } | { "field": "why", "value": string } | { "field": "success", "value": string } | { "field": "cadence", "value": Cadence } | { "field": "channel", "value": string } | { "field": "open_questions", "value": string } | { "field": "owner", "value": string };

export type StakeholderRemoval = { 
/**
 * The goals that name this stakeholder, by their text, in the goals' order.
 */
goals: Array<string>, check_ins: number, 
/**
 * The open risks that name this stakeholder, by title, most severe first.
 */
risks: Array<string>, };

export type FirstWeekGroup = "quick_start" | "five_day_plan";

export type FirstWeekItem = { key: string, group: FirstWeekGroup, label: string, done: boolean, 
/**
 * Ticked by hand; otherwise it ticks itself from the data and `hint` says how.
 */
by_hand: boolean, hint: string, 
/**
 * The plan's day, `YYYY-MM-DD`, counted from the project's start.
 */
date: string | null, };

export type FirstWeek = { project_id: string, items: Array<FirstWeekItem>, done: number, total: number, complete: boolean, dismissed: boolean, };

export type Named = { id: string, name: string, };

export type PaletteProject = { id: string, name: string, archived: boolean, pillars: Array<Named>, goals: Array<Named>, stakeholders: Array<Named>, risks: Array<Named>, regulations: Array<Named>, };

export type Repeat = "weekly" | "fortnightly" | "monthly" | "quarterly" | "yearly";

export type ItemKind = "pillar_checkpoint" | "goal_deadline" | "stakeholder_check_in" | "risk_review" | "compliance_review" | "notes_review" | "vendor_recheck";

export type Bucket = "overdue" | "today" | "this_week" | "later";

export type AgendaItem = { 
/**
 * `kind:row id`: stable, for marks, reminders and calendar UIDs.
 */
id: string, kind: ItemKind, project_id: string, project: string, 
/**
 * What is to be reviewed, in words: "Reliability checkpoint", "Check in with Ana".
 */
title: string, 
/**
 * `YYYY-MM-DD`: when it is due now (a snooze moves it).
 */
due: string, 
/**
 * The date the area holds, when a snooze moved `due`.
 */
snoozed_from: string | null, bucket: Bucket, recurring: Repeat | null, 
/**
 * The id of the row it is about, and the page that shows it.
 */
row_id: string, area: string, };

export type AgendaQuery = { 
/**
 * Only items due within this many days of today (overdue ones always); none: all.
 */
days?: number, 
/**
 * One project's items only.
 */
project_id?: string, };

export type BucketCounts = { overdue: number, today: number, this_week: number, later: number, };

export type AgendaFirst = { items: Array<AgendaItem>, counts: BucketCounts, total: number, };

export type ReminderSettings = { enabled: boolean, 
/**
 * Days ahead to remind, besides the day itself (default 7 and 1).
 */
lead_days: Array<number>, 
/**
 * Quiet hours `HH:MM`; reminders wait for their end. Equal or absent: none.
 */
quiet_from?: string, quiet_to?: string, };

export type Reminder = { item: AgendaItem, lead_days: number, };

export type Summary = { title: string, body: string, reminders: Array<Reminder>, };

export type Band = "low" | "medium" | "high" | "critical";

export type RiskStatus = "open" | "mitigating" | "accepted" | "closed";

export type BandChange = { was: Band, 
/**
 * `YYYY-MM-DD`, the user's day of the change.
 */
since: string, };

export type RiskRef = { id: string, title: string, severity: number, band: Band, status: RiskStatus, };

export type Risk = { id: string, project_id: string, title: string, description: string, likelihood: number, impact: number, 
/**
 * likelihood × impact, 1-25.
 */
severity: number, band: Band, mitigation: string, owner: string, status: RiskStatus, 
/**
 * `YYYY-MM-DD`, a review date.
 */
review_date: string | null, 
/**
 * The review date is before today and the risk is not closed.
 */
review_overdue: boolean, 
/**
 * Why it was closed (kept when reopened).
 */
closing_note: string, 
/**
 * Ids of the goals it threatens, in the goals' order.
 */
goals: Array<string>, 
/**
 * Ids of the stakeholders it threatens, in the canvas's order.
 */
stakeholders: Array<string>, 
/**
 * The band's last move, from the change log.
 */
band_change: BandChange | null, };

export type NewRisk = { title: string, description: string, 
/**
 * 1-5.
 */
likelihood: number, 
/**
 * 1-5.
 */
impact: number, mitigation: string, owner: string, 
/**
 * Open unless given; a new risk cannot start closed.
 */
status?: RiskStatus, review_date?: string, goals: Array<string>, stakeholders: Array<string>, };

export type RiskEdit = { "field": "title", "value": string } | { "field": "description", "value": string } | { "field": "likelihood", "value": number } | { "field": "impact", "value": number } | { "field": "mitigation", "value": string } | { "field": "owner", "value": string } | { "field": "status", "value": RiskStatus } | { "field": "review_date", "value": string | null } | { "field": "goals", "value": Array<string> } | { "field": "stakeholders", "value": Array<string> } | { "field": "close", "value": string };

export type RiskChange = { 
/**
 * `YYYY-MM-DD`, the user's day of the change.
 */
date: string, 
/**
 * "created", "likelihood", "impact", "status" or "closing_note".
 */
field: string, old: string | null, new: string | null, };

export type StatusFilter = "active" | "all" | "open" | "mitigating" | "accepted" | "closed";

export type RiskSort = "severity" | "review_date" | "status";

export type Cell = { likelihood: number, impact: number, };

export type RiskQuery = { status: StatusFilter, 
/**
 * Exactly this owner ("" for risks nobody owns).
 */
owner?: string, band?: Band, cell?: Cell, 
/**
 * Words to find in title, description or mitigation; each word matches as a prefix,
 * ignoring case and accents.
 */
search: string, sort: RiskSort, offset: number, 
/**
 * Rows wanted (default 100, at most 500).
 */
limit?: number, };

export type RiskPage = { 
/**
 * How many risks match, over every page.
 */
total: number, offset: number, risks: Array<Risk>, };

export type HeatCell = { likelihood: number, impact: number, count: number, band: Band, };

export type HeatMap = { 
/**
 * All 25 cells, likelihood 5 first (the top row), impact 1 to 5 within a row.
 */
cells: Array<HeatCell>, 
/**
 * Risks not closed.
 */
total: number, };

export type RisksView = { heat_map: HeatMap, page: RiskPage, 
/**
 * Owners named on the project's risks, for the owner filter.
 */
owners: Array<string>, 
/**
 * The labels of the goals and stakeholders a risk can link to.
 */
goals: Array<Named>, stakeholders: Array<Named>, };

export type DataKind = "eu_personal" | "us_health" | "card" | "student" | "children" | "none";

export type Industry = "none" | "healthcare" | "education" | "finance" | "government" | "other";

export type Answers = { data?: Array<DataKind>, payments?: boolean, industry?: Industry, 
/**
 * Which industry, in the user's words ("fintech lending", "K-12 schools").
 */
industry_detail: string, };

export type Sensitive = "personal" | "health" | "payment" | "student" | "children";

export type Readiness = "ready" | "partial" | "missing";

export type Regulation = { id: string, 
/**
 * "GDPR", "SOC 2".
 */
code: string, name: string, 
/**
 * When it applies, in one line.
 */
applies_when: string, 
/**
 * Typical controls.
 */
controls: string, covers: Sensitive | null, builtin: boolean, };

export type RegulationStatus = "proposed" | "accepted" | "dismissed";

export type ProjectRegulation = { regulation: Regulation, status: RegulationStatus, 
/**
 * Why it was dismissed.
 */
reason: string, 
/**
 * The answers that propose it ("EU residents' personal data"); empty when added by hand.
 */
proposed_by: Array<string>, 
/**
 * The worst readiness across its scan rows; none without rows.
 */
worst: Readiness | null, rows: number, };

export type ScanRow = { id: string, 
/**
 * Data / feature area.
 */
area: string, regulation_id: string, regulation: string, readiness: Readiness, 
/**
 * Proof / references; links in it open in the browser.
 */
proof: string, 
/**
 * Gaps & next actions.
 */
gaps: string, owner: string, review_date: string | null, };

export type Snapshot = { last_reviewed: string | null, next_review_date: string | null, 
/**
 * "launch_day", "first_paying_customer", "annual_audit" or the user's own words; "" none.
 */
next_review_milestone: string, 
/**
 * A milestone is named but not dated yet: shown as "to be dated".
 */
undated: boolean, owner: string, };

export type InventoryRow = { id: string, category: string, source: string, storage: string, retention: string, access: string, kind: Sensitive | null, 
/**
 * Sensitive data no accepted regulation's scan row covers, in words, with the regulation
 * it probably needs.
 */
flag: string | null, 
/**
 * The id of that regulation.
 */
needs: string | null, };

export type TriggerRow = { id: string, 
/**
 * Standard / law.
 */
standard: string, 
/**
 * Why it applies (or not).
 */
why: string, 
/**
 * Required controls.
 */
controls: string, 
/**
 * Status / notes.
 */
status: string, };

export type Vendor = { id: string, name: string, data_shared: string, verified: boolean, 
/**
 * With what: "SOC 2 report reviewed".
 */
verified_with: string, verified_on: string | null, actions: string, 
/**
 * Defaults to a year after verification.
 */
recheck_date: string | null, };

export type Control = { id: string, label: string, done: boolean, 
/**
 * Who ticked it, and when (RFC 3339), while ticked.
 */
done_by: string, done_at: string | null, };

export type Question = { 
/**
 * "transfers", "vendors", "incidents", "next_review".
 */
key: string, text: string, done: boolean, note: string, };

export type Review = { id: string, date: string, reviewer: string, findings: string, 
/**
 * The earlier entry this one corrects.
 */
corrects: string | null, created_at: string, };

export type ScanView = { answers: Answers, 
/**
 * Proposed, accepted and dismissed regulations, in the library's order.
 */
regulations: Array<ProjectRegulation>, scan: Array<ScanRow>, 
/**
 * The whole library, for adding a regulation by hand or picking one on a scan row.
 */
library: Array<Regulation>, };

export type NotesView = { snapshot: Snapshot, data_inventory: Array<InventoryRow>, triggers: Array<TriggerRow>, vendors: Array<Vendor>, controls: Array<Control>, questions: Array<Question>, };

export type Compliance = { answers: Answers, regulations: Array<ProjectRegulation>, scan: Array<ScanRow>, snapshot: Snapshot, data_inventory: Array<InventoryRow>, triggers: Array<TriggerRow>, vendors: Array<Vendor>, controls: Array<Control>, reviews: Array<Review>, questions: Array<Question>, };

export type RegulationSummary = { regulation_id: string, code: string, name: string, worst: Readiness | null, rows: number, };

export type StatusCounts = { on_target: number, in_progress: number, pending: number, };

export type DueWords = { text: string, overdue: boolean, };

export type Briefing = { 
/**
 * `YYYY-MM-DD`: the day it speaks for (statuses and overdue dates are judged on it).
 */
as_of: string, headline: Headline, counts: StatusCounts, 
/**
 * The goal the leading metric follows, with its latest reading and status, when tied.
 */
leading: Goal | null, 
/**
 * Every goal in the user's order, with its metric status.
 */
goals: Array<Goal>, 
/**
 * The five most severe risks not closed.
 */
top_risks: Array<Risk>, 
/**
 * Risks not closed, and of those the critical ones.
 */
open_risks: number, critical_risks: number, 
/**
 * Live risks, closed ones included.
 */
risk_count: number, 
/**
 * Per accepted regulation, the worst readiness of its scan rows.
 */
regulations: Array<RegulationSummary>, 
/**
 * The compliance notes' next review, when one is planned.
 */
compliance_review: DueWords | null, 
/**
 * What is overdue, then what falls due in the next `coming_days` days, in date order.
 */
coming: Array<AgendaItem>, coming_days: number, };

export type Decision = { "decision": "accept" } | { "decision": "dismiss", "reason": string } | { "decision": "undecide" };

export type NewRegulation = { code: string, name: string, applies_when: string, controls: string, covers?: Sensitive, };

export type NewScanRow = { area: string, regulation_id: string, readiness?: Readiness, proof: string, gaps: string, owner: string, review_date?: string, };

export type ScanEdit = { "field": "area", "value": string } | { "field": "regulation_id", "value": string } | { "field": "readiness", "value": Readiness } | { "field": "proof", "value": string } | { "field": "gaps", "value": string } | { "field": "owner", "value": string } | { "field": "review_date", "value": string | null };

export type SnapshotEdit = { "field": "last_reviewed", "value": string | null } | { "field": "next_review_date", "value": string | null } | { "field": "next_review_milestone", "value": string } | { "field": "owner", "value": string };

export type NewInventoryRow = { category: string, source: string, storage: string, retention: string, access: string, kind?: Sensitive, };

export type InventoryEdit = { "field": "category", "value": string } | { "field": "source", "value": string } | { "field": "storage", "value": string } | { "field": "retention", "value": string } | { "field": "access", "value": string } | { "field": "kind", "value": Sensitive | null };

export type NewTrigger = { standard: string, why: string, controls: string, status: string, };

export type TriggerEdit = { "field": "standard", "value": string } | { "field": "why", "value": string } | { "field": "controls", "value": string } | { "field": "status", "value": string };

export type NewVendor = { name: string, data_shared: string, verified: boolean, verified_with: string, 
/**
 * When verified (default: today, when `verified`).
 */
verified_on?: string, actions: string, 
/**
 * Default: a year after verification.
 */
recheck_date?: string, };

export type VendorEdit = { "field": "name", "value": string } | { "field": "data_shared", "value": string } | { "field": "verified", "value": boolean } | { "field": "verified_with", "value": string } | { "field": "verified_on", "value": string | null } | { "field": "actions", "value": string } | { "field": "recheck_date", "value": string | null };

export type NewReview = { 
/**
 * `YYYY-MM-DD`, not in the future (default: today).
 */
date?: string, reviewer: string, findings: string, 
/**
 * The id of an earlier entry this one corrects.
 */
corrects?: string, };

export type AreaCount = { 
/**
 * The table, e.g. `goal_readings`.
 */
table: string, 
/**
 * In words, e.g. "goal readings".
 */
label: string, 
/**
 * Every row, the deleted ones (trash, undo) included: what a check compares.
 */
rows: number, 
/**
 * Rows not deleted: what a user would call "how many" (equal to `rows` for tables
 * that are never deleted from, such as the history).
 */
live: number, };

export type RowCounts = { areas: Array<AreaCount>, };

export type BackupInfo = { path: string, bytes: number, 
/**
 * The schema version of the copy (this app's).
 */
schema: number, 
/**
 * What the copy holds, read back from it.
 */
counts: RowCounts, };

export type BackupKind = "regular" | "before_restore";

export type BackupFile = { path: string, 
/**
 * The file name, e.g. `northstar-2026-11-25-090000.db`.
 */
name: string, kind: BackupKind, 
/**
 * When it was taken, local time, `YYYY-MM-DDTHH:MM:SS`.
 */
taken_at: string, bytes: number, };

export type RestoreReport = { 
/**
 * The file restored from.
 */
from: string, 
/**
 * Its schema version; older ones were migrated on the way in.
 */
schema_from: number, migrated: boolean, 
/**
 * The backup of the workspace as it was just before, in `backups/`.
 */
before_restore: string, 
/**
 * Projects in the workspace now (not deleted).
 */
projects: number, 
/**
 * Rows per area in the workspace now.
 */
counts: RowCounts, };

export type CheckItem = { 
/**
 * "Integrity", "Foreign keys", "Newest backup".
 */
name: string, ok: boolean, 
/**
 * What was found, in words: the problem when not ok.
 */
detail: string, };

export type CheckReport = { ok: boolean, items: Array<CheckItem>, };

export type ImportArea = "project" | "pillars" | "goals" | "stakeholders" | "risks" | "compliance_scan" | "snapshot" | "data_inventory" | "triggers" | "vendors" | "controls" | "reviews";

export type BlockKind = "table" | "checklist" | "fields";

export type ProjectField = "north_star" | "leading_metric" | "description";

export type SnapshotField = "last_reviewed" | "next_review_date" | "next_review_milestone" | "owner";

export type NewRow = { "type": "project", field: ProjectField, value: string, } | { "type": "pillar", name: string, score: number | null, 
/**
 * None: the default target (4), or the existing pillar's.
 */
target: number | null, evidence: string, owner: string, next_checkpoint: string | null, } | { "type": "goal", goal: string, metric: string, deadline: string | null, guardrail: string, 
/**
 * Stakeholder names, linked when the canvas has them.
 */
stakeholders: Array<string>, 
/**
 * Risks & mitigations as written; linked to risks when every part names one.
 */
risks: string, } | { "type": "stakeholder", name: string, why: string, success: string, cadence: Cadence | null, channel: string, open_questions: string, owner: string, last_check_in: string | null, } | { "type": "risk", title: string, description: string, likelihood: number, impact: number, mitigation: string, owner: string, status: RiskStatus, 
/**
 * Why it was closed, for a closed risk.
 */
closing_note: string, review_date: string | null, } | { "type": "scan", area: string, 
/**
 * The regulation's short name ("GDPR"); added to the library when it has none such.
 */
regulation: string, readiness: Readiness | null, proof: string, gaps: string, owner: string, review_date: string | null, } | { "type": "snapshot", field: SnapshotField, value: string, } | { "type": "inventory", category: string, source: string, storage: string, retention: string, access: string, kind: Sensitive | null, } | { "type": "trigger", standard: string, why: string, controls: string, status: string, } | { "type": "vendor", name: string, data_shared: string, verified: boolean, verified_with: string, actions: string, recheck_date: string | null, } | { "type": "control", label: string, done: boolean, } | { "type": "review", date: string | null, reviewer: string, findings: string, };

export type PlannedRow = { line: number, 
/**
 * A short label: the pillar's name, the goal, the vendor...
 */
label: string, 
/**
 * Remarks on how a cell was read ("status “In progress” read as score 3 of target 4").
 */
notes: Array<string>, row: NewRow, };

export type SkippedRow = { line: number, label: string, reason: string, };

export type TablePlan = { file: string, 
/**
 * 1-based line of the table's header (or the list's first item).
 */
line: number, kind: BlockKind, 
/**
 * The headings above it, outermost first: ["Compliance Notes – Template", "Data Inventory"].
 */
heading: Array<string>, 
/**
 * Where its rows go; none when Northstar has no place for it (then `note` says why).
 */
area: ImportArea | null, 
/**
 * The header cells recognised, as written.
 */
columns: Array<string>, 
/**
 * The header cells not recognised, as written: their cells are not imported.
 */
unrecognised: Array<string>, rows: Array<PlannedRow>, skipped: Array<SkippedRow>, 
/**
 * Why the whole block is not imported, or a remark about it; empty when none.
 */
note: string, };

export type ImportPlan = { 
/**
 * Every table, checkbox list and block of "Key: value" lines found, in file order.
 */
tables: Array<TablePlan>, 
/**
 * Rows to create over all tables.
 */
creates: number, 
/**
 * Rows skipped over all tables.
 */
skips: number, };

export type ImportAreaCount = { area: ImportArea, created: number, 
/**
 * Existing rows filled in (pillars of the same name, the snapshot, project fields).
 */
updated: number, 
/**
 * Rows already there, left as they were.
 */
kept: number, };

export type ImportReport = { project_id: string, project_name: string, 
/**
 * No project had that name, so the import made it.
 */
project_created: boolean, 
/**
 * Per area, in the order written.
 */
areas: Array<ImportAreaCount>, 
/**
 * Rows left as they were (already there) and links that could not be made, in words.
 */
notes: Array<string>, };

export type ReadmeHeadline = { 
/**
 * The overall score, 1-5 to one decimal; none while no pillar is scored.
 */
score: number | null, at_target: number, pillars: number, 
/**
 * The worst pillar's status (none at all counts as pending): the badge's colour.
 */
status: Status, 
/**
 * "Readiness 2.0 / 5 · 0 of 12 pillars at target", or "Readiness not yet scored · …".
 */
text: string, 
/**
 * The same with the score in bold: "**Readiness 2.0 / 5** · 0 of 12 pillars at target".
 */
markdown: string, };

export type CsvTable = "pillars" | "goals" | "stakeholders" | "risks" | "compliance" | "vendors" | "inventory" | "agenda";

export type CsvFilter = { 
/**
 * The risk register's query (its paging is ignored: every matching risk is exported).
 * None: every risk, closed ones included.
 */
risks?: RiskQuery, 
/**
 * The agenda's window in days from today; none for every date.
 */
agenda_days?: number, };

export type TableCount = { table: string, rows: number, };

export type ExportSummary = { projects: number, 
/**
 * Rows over every table, project rows and library rows included.
 */
rows: number, };

export type JsonImportOptions = { 
/**
 * A new name for the file's one project (refused when the file holds several).
 */
rename?: string, 
/**
 * Give every row a fresh id and rewrite the links, so a file can come in again as a copy.
 */
remap_ids: boolean, 
/**
 * The file's name, which every message about its content starts with.
 */
source?: string, };

export type ImportedProject = { 
/**
 * The id it has in this workspace (a fresh one when remapped).
 */
id: string, name: string, };

export type JsonImportReport = { projects: Array<ImportedProject>, 
/**
 * Rows written per table, in the registry's order (tables with none left out).
 */
tables: Array<TableCount>, 
/**
 * Regulations added to the library (those it already had are used as they are).
 */
regulations_added: number, 
/**
 * Change records carried (a risk's history).
 */
history: number, remapped: boolean, };

export type JsonImportPreview = { 
/**
 * The file's projects, with their ids in the file and names after any rename.
 */
projects: Array<ImportedProject>, 
/**
 * Names a live project here already has: import under another name.
 */
name_clashes: Array<string>, 
/**
 * Rows of this file are already here: import with ids remapped.
 */
ids_present: boolean, tables: Array<TableCount>, };

export type BatchKind = "edit" | "undo" | "redo" | "restore" | "system" | "purge";

export type Committed = { batch: string, kind: BatchKind, label: string, project_id: string | null, project_name: string | null, 
/**
 * False when this batch cannot be undone (an append-only review, the app's own writes).
 */
undoable: boolean, };

export type StackEntry = { batch: string, 
/**
 * In the user's words: "Score changed".
 */
label: string, project_id: string | null, project_name: string | null, 
/**
 * When it was made, RFC 3339 UTC.
 */
at: string, };

export type UndoState = { undo: StackEntry | null, redo: StackEntry | null, };

export type UndoOutcome = { 
/**
 * The batch reversed, as it was labelled: "Score changed".
 */
label: string, project_id: string | null, project_name: string | null, 
/**
 * One line to show: "Undid: Score changed · LaunchPad".
 */
message: string, 
/**
 * What stayed, when something could not be taken back (the append-only review history).
 */
note: string | null, };

export type TrashKind = "project" | "pillar" | "goal" | "stakeholder" | "risk" | "scan_row";

export type TrashCount = { 
/**
 * "pillars", "assessment" (already singular or plural for `count`).
 */
what: string, count: number, };

export type TrashEntry = { 
/**
 * The batch that removed it: what Restore takes.
 */
id: string, kind: TrashKind, row_id: string, name: string, 
/**
 * The removal in the user's words ("Pillar removed").
 */
label: string, 
/**
 * True when an undo removed it (it was added, then undone).
 */
by_undo: boolean, deleted_at: string, project_id: string | null, project_name: string | null, 
/**
 * What went with it and comes back with it.
 */
took: Array<TrashCount>, };

export type Purged = { 
/**
 * Trash entries emptied.
 */
entries: number, 
/**
 * Rows removed from the file, with what they owned.
 */
rows: number, 
/**
 * Rows kept because other rows still name them (history that is never deleted).
 */
kept: number, };

export type AppInfo = { version: string, data_dir: string, 
/**
 * Why the workspace could not be opened, when it could not; the UI shows only this then.
 */
open_error: ErrorPayload | null, };

export type DesktopSettings = { 
/**
 * Closing the window hides it; the tray icon brings it back, and reminders keep coming.
 */
keep_in_tray: boolean, 
/**
 * An autostart entry opens Northstar at login, minimised.
 */
start_at_login: boolean, 
/**
 * Whether this desktop shows the tray icon; without one, closing the window quits.
 */
tray_available: boolean, };
