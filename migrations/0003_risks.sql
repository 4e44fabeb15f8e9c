-- Northstar schema v3: the risk register. Risks with likelihood and impact (severity is their
-- product, a column SQLite computes so sorting and the heat map use an index), links to the goals
-- and stakeholders a risk threatens, and a full-text index over title, description and
-- mitigation. Same rules as before: UUID v7 text keys, soft deletes, no cascades.

CREATE TABLE risks (
    id            TEXT PRIMARY KEY NOT NULL,
    project_id    TEXT NOT NULL REFERENCES projects (id),
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    likelihood    INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact        INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    severity      INTEGER GENERATED ALWAYS AS (likelihood * impact) VIRTUAL,
    mitigation    TEXT NOT NULL DEFAULT '',
    owner         TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'open'
                  CHECK (status IN ('open', 'mitigating', 'accepted', 'closed')),
    review_date   TEXT,
    -- Why it was closed; kept when the risk is reopened.
    closing_note  TEXT NOT NULL DEFAULT '',
    -- The full-text index's row key. Not the table's rowid: VACUUM may renumber rowids of a
    -- table without an INTEGER PRIMARY KEY, which would point the index at the wrong risks.
    search_key    INTEGER NOT NULL UNIQUE,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
-- The register's default order (most severe first), the heat map's counts (covering), the
-- review-date order, and the owners for the owner filter (covering: no table reads).
CREATE INDEX risks_by_severity ON risks (project_id, deleted_at, severity DESC, review_date);
CREATE INDEX risks_by_cell ON risks (project_id, deleted_at, likelihood, impact, status);
CREATE INDEX risks_by_review ON risks (project_id, deleted_at, review_date);
CREATE INDEX risks_by_owner ON risks (project_id, deleted_at, owner);

CREATE TABLE risk_goals (
    id          TEXT PRIMARY KEY NOT NULL,
    risk_id     TEXT NOT NULL REFERENCES risks (id),
    goal_id     TEXT NOT NULL REFERENCES goals (id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX risk_goals_by_risk ON risk_goals (risk_id, deleted_at);
CREATE INDEX risk_goals_by_goal ON risk_goals (goal_id, deleted_at);

CREATE TABLE risk_stakeholders (
    id              TEXT PRIMARY KEY NOT NULL,
    risk_id         TEXT NOT NULL REFERENCES risks (id),
    stakeholder_id  TEXT NOT NULL REFERENCES stakeholders (id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
CREATE INDEX risk_stakeholders_by_risk ON risk_stakeholders (risk_id, deleted_at);
CREATE INDEX risk_stakeholders_by_stakeholder ON risk_stakeholders (stakeholder_id, deleted_at);

-- Words match whatever their case or accents ("resume" finds "Résumé"). The index holds its own
-- copy of the text, kept in step by the triggers below; soft-deleted risks are filtered by the
-- join back to `risks`.
CREATE VIRTUAL TABLE risks_fts USING fts5(
    title, description, mitigation,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER risks_fts_insert AFTER INSERT ON risks BEGIN
    INSERT INTO risks_fts (rowid, title, description, mitigation)
    VALUES (new.search_key, new.title, new.description, new.mitigation);
END;

CREATE TRIGGER risks_fts_update AFTER UPDATE OF title, description, mitigation ON risks BEGIN
    DELETE FROM risks_fts WHERE rowid = old.search_key;
    INSERT INTO risks_fts (rowid, title, description, mitigation)
    VALUES (new.search_key, new.title, new.description, new.mitigation);
END;

CREATE TRIGGER risks_fts_delete AFTER DELETE ON risks BEGIN
    DELETE FROM risks_fts WHERE rowid = old.search_key;
END;
