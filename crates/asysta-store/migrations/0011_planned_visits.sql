-- Visits planned ahead (event schema 6): a diary entry whose `planned` is
-- true is projected here, not into `visits`, so that nothing that reads
-- the diary (the figures, the alerts, the reports) counts a contact that
-- has not happened. Corrected with `planned: false` it moves to `visits`.
-- Projections: written by asysta_store::projection::write_visit.
CREATE TABLE planned_visits (
    id          TEXT    PRIMARY KEY,
    family_id   TEXT    NOT NULL REFERENCES families (id),
    date        TEXT    NOT NULL,
    start_time  TEXT    NOT NULL,
    visit_json  TEXT    NOT NULL CHECK (json_valid(visit_json)),
    author_name TEXT    NOT NULL,
    rev         INTEGER NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX planned_visits_by_date ON planned_visits (date, start_time) WHERE deleted = 0;

-- The journey to a contact (event schema 6), which centres reimburse:
-- kilometres in tenths and the means, summed per month in the monthly
-- report. Absent (NULL) for a contact without one.
ALTER TABLE visits ADD COLUMN travel_km_tenths INTEGER;
ALTER TABLE visits ADD COLUMN travel_means TEXT;
