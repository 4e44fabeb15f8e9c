-- Northstar schema v2: North Star alignment (goals, their dated readings), the stakeholder
-- canvas (stakeholders, their check-ins), which goals name which stakeholders, the project's
-- leading metric tied to a goal, and the first-week checklist's hand-ticked items.
-- Same rules as v1: UUID v7 text keys (join rows too), soft deletes, no cascades, no UNIQUE on
-- user text; things that accumulate (readings, check-ins) are rows, never a total overwritten.

CREATE TABLE goals (
    id          TEXT PRIMARY KEY NOT NULL,
    project_id  TEXT NOT NULL REFERENCES projects (id),
    goal        TEXT NOT NULL,
    metric      TEXT NOT NULL DEFAULT '',
    -- Optional numbers: a goal "with numbers" has a target; readings are compared to it.
    target      REAL,
    unit        TEXT NOT NULL DEFAULT '',
    direction   TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
    deadline    TEXT,
    guardrail   TEXT NOT NULL DEFAULT '',
    -- Free text typed before the risk register links risks; kept until the user clears it.
    risks_text  TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX goals_by_project ON goals (project_id, deleted_at, position);

CREATE TABLE goal_readings (
    id          TEXT PRIMARY KEY NOT NULL,
    goal_id     TEXT NOT NULL REFERENCES goals (id),
    date        TEXT NOT NULL,
    value       REAL NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX goal_readings_by_goal ON goal_readings (goal_id, deleted_at, date);

CREATE TABLE stakeholders (
    id              TEXT PRIMARY KEY NOT NULL,
    project_id      TEXT NOT NULL REFERENCES projects (id),
    name            TEXT NOT NULL,
    why             TEXT NOT NULL DEFAULT '',
    success         TEXT NOT NULL DEFAULT '',
    cadence         TEXT NOT NULL DEFAULT 'monthly'
                    CHECK (cadence IN ('weekly', 'fortnightly', 'monthly', 'quarterly', 'ad_hoc')),
    channel         TEXT NOT NULL DEFAULT '',
    open_questions  TEXT NOT NULL DEFAULT '',
    owner           TEXT NOT NULL DEFAULT '',
    position        INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
CREATE INDEX stakeholders_by_project ON stakeholders (project_id, deleted_at, position);

CREATE TABLE stakeholder_check_ins (
    id              TEXT PRIMARY KEY NOT NULL,
    stakeholder_id  TEXT NOT NULL REFERENCES stakeholders (id),
    date            TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
CREATE INDEX check_ins_by_stakeholder ON stakeholder_check_ins (stakeholder_id, deleted_at, date);

-- Which stakeholders a goal names. A link removed is soft-deleted like any row.
CREATE TABLE goal_stakeholders (
    id              TEXT PRIMARY KEY NOT NULL,
    goal_id         TEXT NOT NULL REFERENCES goals (id),
    stakeholder_id  TEXT NOT NULL REFERENCES stakeholders (id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
CREATE INDEX goal_stakeholders_by_goal ON goal_stakeholders (goal_id, deleted_at);
CREATE INDEX goal_stakeholders_by_stakeholder ON goal_stakeholders (stakeholder_id, deleted_at);

-- The project's leading metric can follow one goal's readings.
ALTER TABLE projects ADD COLUMN leading_goal_id TEXT REFERENCES goals (id);

-- First-week items the user ticks by hand (and "dismissed"); an untick soft-deletes the row.
CREATE TABLE first_week_ticks (
    id          TEXT PRIMARY KEY NOT NULL,
    project_id  TEXT NOT NULL REFERENCES projects (id),
    item        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX first_week_by_project ON first_week_ticks (project_id, deleted_at);
