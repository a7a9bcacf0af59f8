-- 0006: periodic evaluations, closing and monitoring, court opinions
-- (issue 13). Never edit this file once landed.

-- The centre's settings grow the periods of evaluations, of monitoring and
-- of the automatic lock, the rating scale and the closing reasons (NULL:
-- the defaults of asysta_core).
ALTER TABLE settings ADD COLUMN evaluation_months INTEGER NOT NULL DEFAULT 6;
ALTER TABLE settings ADD COLUMN monitoring_months INTEGER NOT NULL DEFAULT 3;
ALTER TABLE settings ADD COLUMN lock_minutes INTEGER NOT NULL DEFAULT 10;
ALTER TABLE settings ADD COLUMN rating_scale_json TEXT
    CHECK (rating_scale_json IS NULL OR json_valid(rating_scale_json));
ALTER TABLE settings ADD COLUMN closing_reasons_json TEXT
    CHECK (closing_reasons_json IS NULL OR json_valid(closing_reasons_json));

-- When the status last changed, and the closing of the work (kept through
-- monitoring and archiving).
ALTER TABLE families ADD COLUMN status_on TEXT;
ALTER TABLE families ADD COLUMN closing_json TEXT CHECK (closing_json IS NULL OR json_valid(closing_json));

CREATE TABLE evaluations (
    id              TEXT    PRIMARY KEY,
    family_id       TEXT    NOT NULL REFERENCES families (id),
    version         INTEGER NOT NULL CHECK (version >= 1),
    corrects        TEXT,
    status          TEXT    NOT NULL CHECK (status IN ('draft', 'submitted', 'accepted', 'returned')),
    period_to       TEXT    NOT NULL,
    is_final        INTEGER NOT NULL,
    submitted_json  TEXT    CHECK (submitted_json IS NULL OR json_valid(submitted_json)),
    decided_json    TEXT    CHECK (decided_json IS NULL OR json_valid(decided_json)),
    decision_note   TEXT    NOT NULL DEFAULT '',
    evaluation_json TEXT    NOT NULL CHECK (json_valid(evaluation_json)),
    author_name     TEXT    NOT NULL,
    created_at_ms   INTEGER NOT NULL,
    rev             INTEGER NOT NULL
) STRICT;

CREATE INDEX evaluations_by_family ON evaluations (family_id, period_to);

CREATE TABLE opinions (
    id             TEXT    PRIMARY KEY,
    family_id      TEXT    NOT NULL REFERENCES families (id),
    request_json   TEXT    NOT NULL CHECK (json_valid(request_json)),
    due_on         TEXT    NOT NULL,
    text           TEXT    NOT NULL,
    finalized_json TEXT    CHECK (finalized_json IS NULL OR json_valid(finalized_json)),
    author_name    TEXT    NOT NULL,
    rev            INTEGER NOT NULL
) STRICT;

CREATE INDEX opinions_by_family ON opinions (family_id, due_on);
