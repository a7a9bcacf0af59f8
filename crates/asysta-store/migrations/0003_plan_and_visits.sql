-- 0003: the work plan with its versions, progress notes, the visit diary,
-- and visit drafts. Never edit this file once landed.

-- Projections.

-- The centre's work-plan areas; NULL means the default list
-- (asysta_core::plan::default_areas).
ALTER TABLE workspace ADD COLUMN plan_areas_json TEXT CHECK (plan_areas_json IS NULL OR json_valid(plan_areas_json));

CREATE TABLE plans (
    id        TEXT    PRIMARY KEY,
    family_id TEXT    NOT NULL UNIQUE REFERENCES families (id),
    rev       INTEGER NOT NULL
) STRICT;

CREATE TABLE plan_versions (
    plan_id      TEXT    NOT NULL REFERENCES plans (id),
    number       INTEGER NOT NULL CHECK (number >= 1),
    version_json TEXT    NOT NULL CHECK (json_valid(version_json)),
    saved_at_ms  INTEGER NOT NULL,
    author_name  TEXT    NOT NULL,
    PRIMARY KEY (plan_id, number)
) STRICT;

-- Progress notes recorded outside visits (those of visits are read from
-- the visits themselves).
CREATE TABLE progress_notes (
    event_id    TEXT    PRIMARY KEY,
    plan_id     TEXT    NOT NULL REFERENCES plans (id),
    action_id   TEXT    NOT NULL,
    date        TEXT    NOT NULL,
    note_json   TEXT    NOT NULL CHECK (json_valid(note_json)),
    hlc_wall_ms INTEGER NOT NULL,
    hlc_counter INTEGER NOT NULL
) STRICT;

CREATE INDEX progress_notes_by_plan ON progress_notes (plan_id, date);

CREATE TABLE visits (
    id           TEXT    PRIMARY KEY,
    family_id    TEXT    NOT NULL REFERENCES families (id),
    date         TEXT    NOT NULL,
    start_time   TEXT    NOT NULL,
    next_planned TEXT,
    visit_json   TEXT    NOT NULL CHECK (json_valid(visit_json)),
    author_name  TEXT    NOT NULL,
    rev          INTEGER NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX visits_by_family ON visits (family_id, date, start_time) WHERE deleted = 0;

-- Local state, not a projection and never replicated: a visit form being
-- typed, saved as the assistant types so that a crash loses nothing.
CREATE TABLE visit_drafts (
    family_id   TEXT    PRIMARY KEY,
    form_json   TEXT    NOT NULL CHECK (json_valid(form_json)),
    saved_at_ms INTEGER NOT NULL
) STRICT;
