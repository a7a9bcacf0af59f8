-- What the centre's figures read of every contact, as columns (they were
-- read from each visit's JSON, which took most of the dashboard's time):
-- its length and form, and the status it gave each plan action worked on.
-- Projections: filled by the rebuild of projection version 5.

ALTER TABLE visits ADD COLUMN minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE visits ADD COLUMN form TEXT NOT NULL DEFAULT '';

-- The diary's index also covers what the figures read of every contact,
-- so that they never read the visits' pages (each holds a visit's JSON).
DROP INDEX visits_by_family;
CREATE INDEX visits_by_family ON visits (family_id, date, start_time, minutes, form) WHERE deleted = 0;

-- Kept in the family's order (no second index to write on import); the
-- start time orders a day's visits as the diary does.
CREATE TABLE visit_progress (
    family_id  TEXT    NOT NULL,
    visit_id   TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    date       TEXT    NOT NULL,
    start_time TEXT    NOT NULL,
    action_id  TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    PRIMARY KEY (family_id, visit_id, position)
) STRICT, WITHOUT ROWID;
