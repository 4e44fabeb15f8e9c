-- Northstar schema v5: the agenda. Review dates live in their areas' tables; this adds what the
-- agenda itself remembers: a pillar checkpoint the user set to repeat, each item's marks
-- ("reviewed", "snoozed until"), and every reminder sent, so none is ever sent twice.
-- An item is named `kind:row id` (e.g. `risk_review:0190…`); a reminder or mark is for one due
-- date of it, so a date moved after its reminder reminds again.

-- NULL: a one-off checkpoint; else it moves on by this interval from the day it is reviewed.
ALTER TABLE pillars ADD COLUMN checkpoint_repeat TEXT
    CHECK (checkpoint_repeat IN ('weekly', 'fortnightly', 'monthly', 'quarterly', 'yearly'));

-- The item's history: reviewed (with an optional note) or snoozed until a day.
CREATE TABLE agenda_marks (
    id          TEXT PRIMARY KEY NOT NULL,
    item        TEXT NOT NULL,
    due         TEXT NOT NULL,
    mark        TEXT NOT NULL CHECK (mark IN ('reviewed', 'snoozed')),
    until       TEXT,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX agenda_marks_by_item ON agenda_marks (item, due, deleted_at);

-- One row per reminder decided: the item, the due date it was for, how many days ahead (0 on
-- the day). The UNIQUE key is the "never twice" rule: two processes deciding at once cannot
-- both record the same reminder, so they cannot both send it.
CREATE TABLE reminders_sent (
    id          TEXT PRIMARY KEY NOT NULL,
    item        TEXT NOT NULL,
    due         TEXT NOT NULL,
    lead_days   INTEGER NOT NULL,
    sent_at     TEXT NOT NULL,
    UNIQUE (item, due, lead_days)
);

-- The agenda reads every dated row of every area: partial indexes holding just those rows, in
-- date order and with what the agenda shows, so the whole agenda is an index walk and "what is
-- due within a week" (the reminder check) reads only that week's rows.
CREATE INDEX pillars_agenda ON pillars (next_checkpoint, project_id, id, name, checkpoint_repeat)
    WHERE deleted_at IS NULL AND next_checkpoint IS NOT NULL;
CREATE INDEX goals_agenda ON goals (deadline, project_id, id, goal)
    WHERE deleted_at IS NULL AND deadline IS NOT NULL;
CREATE INDEX risks_agenda ON risks (review_date, project_id, id, title)
    WHERE deleted_at IS NULL AND review_date IS NOT NULL AND status != 'closed';
CREATE INDEX scan_rows_agenda ON scan_rows (review_date, project_id, id, regulation_id, area)
    WHERE deleted_at IS NULL AND review_date IS NOT NULL;
CREATE INDEX vendors_agenda ON vendors (recheck_date, project_id, id, name)
    WHERE deleted_at IS NULL AND recheck_date IS NOT NULL;
