-- Northstar schema v1: projects, scorecard pillars, assessments, the change log and local settings.
-- Keys are client-made UUID v7 text; deletes are soft (deleted_at); rules such as unique names
-- live in the core, not in UNIQUE indexes, so a row-sync engine can take these tables later.

CREATE TABLE projects (
    id              TEXT PRIMARY KEY NOT NULL,
    name            TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    north_star      TEXT NOT NULL DEFAULT '',
    leading_metric  TEXT NOT NULL DEFAULT '',
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
CREATE INDEX projects_live ON projects (deleted_at, archived);

CREATE TABLE pillars (
    id               TEXT PRIMARY KEY NOT NULL,
    project_id       TEXT NOT NULL REFERENCES projects (id),
    name             TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    score            INTEGER CHECK (score BETWEEN 1 AND 5),
    target           INTEGER NOT NULL DEFAULT 4 CHECK (target BETWEEN 1 AND 5),
    evidence         TEXT NOT NULL DEFAULT '',
    owner            TEXT NOT NULL DEFAULT '',
    next_checkpoint  TEXT,
    position         INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
);
CREATE INDEX pillars_by_project ON pillars (project_id, deleted_at, position);

-- A dated, labelled round that freezes every pillar's score, target and evidence.
CREATE TABLE assessments (
    id          TEXT PRIMARY KEY NOT NULL,
    project_id  TEXT NOT NULL REFERENCES projects (id),
    label       TEXT NOT NULL,
    date        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX assessments_by_project ON assessments (project_id, deleted_at, date);

-- The frozen rows: the pillar's name is copied so a later rename or removal changes nothing here.
CREATE TABLE assessment_scores (
    id             TEXT PRIMARY KEY NOT NULL,
    assessment_id  TEXT NOT NULL REFERENCES assessments (id),
    pillar_id      TEXT NOT NULL REFERENCES pillars (id),
    pillar_name    TEXT NOT NULL,
    score          INTEGER CHECK (score BETWEEN 1 AND 5),
    target         INTEGER NOT NULL CHECK (target BETWEEN 1 AND 5),
    evidence       TEXT NOT NULL DEFAULT '',
    position       INTEGER NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX assessment_scores_by_assessment ON assessment_scores (assessment_id, position);
CREATE INDEX assessment_scores_by_pillar ON assessment_scores (pillar_id);

-- Every write appends here in the same transaction: history and undo now, sync later.
CREATE TABLE changes (
    id         TEXT PRIMARY KEY NOT NULL,
    table_name TEXT NOT NULL,
    row_id     TEXT NOT NULL,
    op         TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    field      TEXT,
    old_value  TEXT,
    new_value  TEXT,
    at         TEXT NOT NULL,
    device     TEXT NOT NULL
);
CREATE INDEX changes_by_row ON changes (table_name, row_id);

-- Device-local preferences and flags (paper size, "demo seeded"): never synced, so keyed by name.
CREATE TABLE settings (
    key    TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL
);
