-- Northstar schema v4: compliance. The workspace's library of regulations (five built in, users
-- add their own), each project's answers to the trigger questions and its decisions on the
-- regulations they propose, the scan rows, and the compliance notes: snapshot, data inventory,
-- regulatory triggers, vendors, controls, the questions to revisit and the review history.
-- Same rules as before (UUID v7 text keys, soft deletes, no cascades, no UNIQUE on user text),
-- except the review history, which is append-only: the triggers at the end refuse any UPDATE or
-- DELETE on it, whoever asks.

CREATE TABLE regulations (
    id          TEXT PRIMARY KEY NOT NULL,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    applies_when TEXT NOT NULL DEFAULT '',
    controls    TEXT NOT NULL DEFAULT '',
    -- The kind of sensitive data it covers ('personal', 'health', 'payment', 'student',
    -- 'children'), or '' for none.
    covers      TEXT NOT NULL DEFAULT '',
    builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);

-- Built in, in our own words; fixed ids so every workspace names them alike.
INSERT INTO regulations (id, code, name, applies_when, controls, covers, builtin, created_at, updated_at) VALUES
  ('builtin-gdpr', 'GDPR', 'General Data Protection Regulation (EU)',
   'You collect or store personal data of people in the EU.',
   'A lawful basis for each use of the data; a privacy notice; data processing agreements with vendors; a way to export and erase a person''s data; breach notice within 72 hours.',
   'personal', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('builtin-hipaa', 'HIPAA', 'Health Insurance Portability and Accountability Act (US)',
   'You create, receive or store health information about patients in the US.',
   'Business associate agreements with vendors; access controls and audit logs; encryption of health data; a risk analysis; breach notification.',
   'health', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('builtin-pci-dss', 'PCI DSS', 'Payment Card Industry Data Security Standard',
   'You take card payments, or store, process or transmit card data.',
   'Keep card numbers off your servers (a tokenizing processor); the right self-assessment questionnaire; least privilege on billing tools; quarterly scans when in scope.',
   'payment', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('builtin-ferpa', 'FERPA', 'Family Educational Rights and Privacy Act (US)',
   'You handle education records of students for US schools.',
   'Written agreements with the schools; disclose records only as they allow; access controls; a way for families to see and correct records.',
   'student', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('builtin-coppa', 'COPPA', 'Children''s Online Privacy Protection Act (US)',
   'Children under 13 in the US use your product, or you knowingly collect their data.',
   'Verifiable parental consent before collecting; a clear notice to parents; collect the least data; let parents review and delete it.',
   'children', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');

-- One per project: the trigger questions' answers and the notes' snapshot.
CREATE TABLE compliance_notes (
    id                    TEXT PRIMARY KEY NOT NULL,
    project_id            TEXT NOT NULL REFERENCES projects (id),
    -- Comma-separated kinds of data stored ('eu_personal', 'us_health', 'card', 'student',
    -- 'children', 'none'); NULL until answered.
    data_kinds            TEXT,
    -- 1 yes, 0 no, NULL unanswered.
    payments              INTEGER CHECK (payments IN (0, 1)),
    -- '' for none, an industry key ('healthcare', 'education', 'finance', 'government',
    -- 'other'), NULL unanswered.
    industry              TEXT,
    industry_detail       TEXT NOT NULL DEFAULT '',
    last_reviewed         TEXT,
    next_review_date      TEXT,
    next_review_milestone TEXT NOT NULL DEFAULT '',
    owner                 TEXT NOT NULL DEFAULT '',
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    deleted_at            TEXT
);
CREATE INDEX compliance_notes_by_project ON compliance_notes (project_id, deleted_at);

-- A project's decision on a regulation: accepted, or dismissed with its reason.
CREATE TABLE project_regulations (
    id             TEXT PRIMARY KEY NOT NULL,
    project_id     TEXT NOT NULL REFERENCES projects (id),
    regulation_id  TEXT NOT NULL REFERENCES regulations (id),
    decision       TEXT NOT NULL CHECK (decision IN ('accepted', 'dismissed')),
    reason         TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
);
CREATE INDEX project_regulations_by_project ON project_regulations (project_id, deleted_at);

CREATE TABLE scan_rows (
    id             TEXT PRIMARY KEY NOT NULL,
    project_id     TEXT NOT NULL REFERENCES projects (id),
    area           TEXT NOT NULL,
    regulation_id  TEXT NOT NULL REFERENCES regulations (id),
    readiness      TEXT NOT NULL DEFAULT 'missing' CHECK (readiness IN ('ready', 'partial', 'missing')),
    proof          TEXT NOT NULL DEFAULT '',
    gaps           TEXT NOT NULL DEFAULT '',
    owner          TEXT NOT NULL DEFAULT '',
    review_date    TEXT,
    position       INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
);
CREATE INDEX scan_rows_by_project ON scan_rows (project_id, deleted_at, position);

CREATE TABLE data_inventory (
    id          TEXT PRIMARY KEY NOT NULL,
    project_id  TEXT NOT NULL REFERENCES projects (id),
    category    TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT '',
    storage     TEXT NOT NULL DEFAULT '',
    retention   TEXT NOT NULL DEFAULT '',
    access      TEXT NOT NULL DEFAULT '',
    -- 'personal', 'health', 'payment', 'student', 'children' or '' (not sensitive).
    kind        TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX data_inventory_by_project ON data_inventory (project_id, deleted_at, position);

CREATE TABLE compliance_triggers (
    id          TEXT PRIMARY KEY NOT NULL,
    project_id  TEXT NOT NULL REFERENCES projects (id),
    standard    TEXT NOT NULL,
    why         TEXT NOT NULL DEFAULT '',
    controls    TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX compliance_triggers_by_project ON compliance_triggers (project_id, deleted_at, position);

CREATE TABLE vendors (
    id             TEXT PRIMARY KEY NOT NULL,
    project_id     TEXT NOT NULL REFERENCES projects (id),
    name           TEXT NOT NULL,
    data_shared    TEXT NOT NULL DEFAULT '',
    verified       INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
    -- With what: "SOC 2 report reviewed".
    verified_with  TEXT NOT NULL DEFAULT '',
    verified_on    TEXT,
    actions        TEXT NOT NULL DEFAULT '',
    recheck_date   TEXT,
    position       INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
);
CREATE INDEX vendors_by_project ON vendors (project_id, deleted_at, position);

CREATE TABLE controls (
    id          TEXT PRIMARY KEY NOT NULL,
    project_id  TEXT NOT NULL REFERENCES projects (id),
    label       TEXT NOT NULL,
    done        INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    done_by     TEXT NOT NULL DEFAULT '',
    done_at     TEXT,
    position    INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX controls_by_project ON controls (project_id, deleted_at, position);

-- The four questions to revisit, each ticked with a note; a row exists once touched.
CREATE TABLE compliance_questions (
    id          TEXT PRIMARY KEY NOT NULL,
    project_id  TEXT NOT NULL REFERENCES projects (id),
    question    TEXT NOT NULL,
    done        INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX compliance_questions_by_project ON compliance_questions (project_id, deleted_at);

-- Append-only: no updated_at, no deleted_at. A mistake is corrected by a later entry that names
-- the one it corrects.
CREATE TABLE compliance_reviews (
    id          TEXT PRIMARY KEY NOT NULL,
    project_id  TEXT NOT NULL REFERENCES projects (id),
    date        TEXT NOT NULL,
    reviewer    TEXT NOT NULL,
    findings    TEXT NOT NULL DEFAULT '',
    corrects    TEXT REFERENCES compliance_reviews (id),
    created_at  TEXT NOT NULL
);
CREATE INDEX compliance_reviews_by_project ON compliance_reviews (project_id, date);

CREATE TRIGGER compliance_reviews_no_update BEFORE UPDATE ON compliance_reviews BEGIN
    SELECT RAISE(ABORT, 'The review history is append-only: record a new review that corrects this one.');
END;
CREATE TRIGGER compliance_reviews_no_delete BEFORE DELETE ON compliance_reviews BEGIN
    SELECT RAISE(ABORT, 'The review history is append-only: record a new review that corrects this one.');
END;

-- Projects that exist already get their notes row and the four starting controls, as a new
-- project does. Ids here are random UUIDs in v7's shape.
INSERT INTO compliance_notes (id, project_id, created_at, updated_at)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2)
             || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM projects;

INSERT INTO controls (id, project_id, label, position, created_at, updated_at)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2)
             || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       p.id, c.label, c.position, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM projects p
CROSS JOIN (SELECT 'HTTPS enforced across environments' AS label, 0 AS position
            UNION ALL SELECT 'MFA enabled for admin consoles', 1
            UNION ALL SELECT 'Secrets stored outside the repo', 2
            UNION ALL SELECT 'Database encrypted at rest and in transit', 3) c;
