-- What the centre's figures read of every contact, as columns (they were
-- read from each visit's JSON, which took most of the dashboard's time):
-- its length and form, and the status it gave each plan action worked on.
-- Projections: filled by the rebuild of projection version 5.

ALTER TABLE visits ADD COLUMN minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE visits ADD COLUMN form TEXT NOT NULL DEFAULT '';

CREATE TABLE visit_progress (
    visit_id  TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    family_id TEXT    NOT NULL,
    date      TEXT    NOT NULL,
    action_id TEXT    NOT NULL,
    status    TEXT    NOT NULL,
    PRIMARY KEY (visit_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX visit_progress_by_family ON visit_progress (family_id);
