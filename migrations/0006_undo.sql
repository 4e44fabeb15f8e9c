-- Northstar schema v6: undo, redo and the trash. Every write the store makes is one batch (one
-- transaction), named in the user's words ("Score changed"); each change record names its
-- batch and its place in it, so a batch can be undone whole, in reverse order. An undo is itself
-- a batch of changes, never a deletion of history. Change records made before this schema have
-- no batch: they stay history but cannot be undone.

CREATE TABLE batches (
    id          TEXT PRIMARY KEY NOT NULL,
    -- Order of batches in this file (the undo stack); rowids may be renumbered by VACUUM.
    seq         INTEGER NOT NULL,
    -- 'edit' a user's edit; 'undo' / 'redo' / 'restore' (from the trash) act on `target`;
    -- 'system' a write the app made by itself (the demo, a reminder); 'purge' emptying the trash.
    kind        TEXT NOT NULL
                CHECK (kind IN ('edit', 'undo', 'redo', 'restore', 'system', 'purge')),
    label       TEXT NOT NULL,
    -- The project the batch is about, for "Undid: Score changed · LaunchPad"; NULL for the
    -- workspace (a regulation of the library). No reference: a purge may remove the project.
    project_id  TEXT,
    target      TEXT REFERENCES batches (id),
    -- The undo, redo or restore that reversed this batch; NULL while it stands.
    undone_by   TEXT REFERENCES batches (id),
    -- 0 when it can never be undone: nothing in it can be reversed (an append-only review), or
    -- a row it touched was emptied from the trash.
    undoable    INTEGER NOT NULL DEFAULT 1 CHECK (undoable IN (0, 1)),
    at          TEXT NOT NULL,
    device      TEXT NOT NULL
);
CREATE INDEX batches_by_seq ON batches (seq);
CREATE INDEX batches_by_kind ON batches (kind, undone_by, seq);

ALTER TABLE changes ADD COLUMN batch TEXT REFERENCES batches (id);
-- The change's place in its batch.
ALTER TABLE changes ADD COLUMN seq INTEGER;
CREATE INDEX changes_by_batch ON changes (batch, seq);
