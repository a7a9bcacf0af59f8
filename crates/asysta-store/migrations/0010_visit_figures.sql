-- What the centre's figures read of every contact, as columns (they were
-- read from each visit's JSON, which took most of the dashboard's time):
-- its length and form, and the statuses it gave the plan actions worked
-- on ("ACTION_ID STATUS" in the visit's order, joined by ';'; see
-- asysta_store::projection::progress_column).
-- Projections: filled by the rebuild of projection version 5.

ALTER TABLE visits ADD COLUMN minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE visits ADD COLUMN form TEXT NOT NULL DEFAULT '';
ALTER TABLE visits ADD COLUMN progress TEXT NOT NULL DEFAULT '';

-- The diary's index also covers what the figures read of every contact,
-- so that they never read the visits' pages (each holds a visit's JSON)
-- and an import writes no further rows for them.
DROP INDEX visits_by_family;
CREATE INDEX visits_by_family ON visits (family_id, date, start_time, id, minutes, form, progress)
    WHERE deleted = 0;
