// Generated from the Rust types in src-tauri/core by `make bindings`. Do not edit.

export type ErrorKind = "not_found" | "invalid" | "conflict" | "refused" | "storage" | "io" | "report";

export type ErrorPayload = { kind: ErrorKind, message: string, field?: string, };

export type Project = { id: string, name: string, description: string, north_star: string, leading_metric: string, archived: boolean, created_at: string, updated_at: string, };

export type NewProject = { name: string, description: string, north_star: string, leading_metric: string, 
/**
 * Built-in pillar sets to start the scorecard with (none, either or both).
 */
pillar_sets: Array<PillarSet>, };

export type ProjectEdit = { "field": "name", "value": string } | { "field": "description", "value": string } | { "field": "north_star", "value": string } | { "field": "leading_metric", "value": string };

export type DeletionImpact = { pillars: number, assessments: number, };

export type Status = "on_target" | "in_progress" | "pending";

export type Pillar = { id: string, project_id: string, name: string, description: string, score: number | null, target: number, status: Status, evidence: string, owner: string, 
/**
 * `YYYY-MM-DD`, a review date.
 */
next_checkpoint: string | null, position: number, };

export type NewPillar = { name: string, description: string, };

export type PillarEdit = { "field": "name", "value": string } | { "field": "description", "value": string } | { "field": "score", "value": number | null } | { "field": "target", "value": number } | { "field": "evidence", "value": string } | { "field": "owner", "value": string } | { "field": "next_checkpoint", "value": string | null };

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

export type Paper = "a4" | "letter";

export type AppInfo = { version: string, data_dir: string, 
/**
 * Why the workspace could not be opened, when it could not; the UI shows only this then.
 */
open_error: ErrorPayload | null, };
