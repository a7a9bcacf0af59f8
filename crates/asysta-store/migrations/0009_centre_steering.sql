-- The centre steers (event schema 5): its register of assistants, the
-- referral a case started from, who had each family when, the plan
-- versions submitted and decided, comments, and the supervisor's
-- decisions on families entered twice. All projections of the log
-- (rebuilt from it), except the read marks of comments, which are this
-- device's own.

CREATE TABLE assistants (
    id              TEXT PRIMARY KEY,
    name            TEXT    NOT NULL,
    entry_json      TEXT    NOT NULL CHECK (json_valid(entry_json)),
    user_id         TEXT,
    rev             INTEGER NOT NULL,
    created_at_ms   INTEGER NOT NULL
) STRICT;

-- The request or order a case referred to the centre started from.
CREATE TABLE referrals (
    family_id     TEXT PRIMARY KEY REFERENCES families (id),
    requested_on  TEXT NOT NULL,
    referral_json TEXT NOT NULL CHECK (json_valid(referral_json))
) STRICT, WITHOUT ROWID;

-- Who had a family from when until when (asysta_core::centre::assignment),
-- oldest first.
CREATE TABLE assignments (
    family_id    TEXT    NOT NULL REFERENCES families (id),
    position     INTEGER NOT NULL,
    event_id     TEXT,
    assistant_id TEXT    NOT NULL,
    caseload_key TEXT    NOT NULL,
    from_date    TEXT    NOT NULL,
    until_date   TEXT,
    is_transfer  INTEGER NOT NULL,
    pending      INTEGER NOT NULL,
    row_json     TEXT    NOT NULL CHECK (json_valid(row_json)),
    PRIMARY KEY (family_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX assignments_by_key ON assignments (caseload_key);

-- Each plan version submitted to the centre and its decisions.
CREATE TABLE plan_approvals (
    family_id     TEXT    NOT NULL REFERENCES families (id),
    version_event TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    state         TEXT    NOT NULL,
    submitted_on  TEXT    NOT NULL,
    decided_on    TEXT,
    approval_json TEXT    NOT NULL CHECK (json_valid(approval_json)),
    PRIMARY KEY (family_id, version_event)
) STRICT, WITHOUT ROWID;

CREATE TABLE comments (
    id            TEXT PRIMARY KEY,
    family_id     TEXT    NOT NULL REFERENCES families (id),
    target_record TEXT    NOT NULL,
    target_id     TEXT    NOT NULL,
    side          TEXT    NOT NULL CHECK (side IN ('assistant', 'centre')),
    author_name   TEXT    NOT NULL,
    written_at_ms INTEGER NOT NULL,
    text          TEXT    NOT NULL,
    reply_to      TEXT
) STRICT;
CREATE INDEX comments_by_target ON comments (target_id);
CREATE INDEX comments_by_family ON comments (family_id);

-- Which comments this device's user has seen (local, never an event).
CREATE TABLE comment_reads (
    comment_id TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

CREATE TABLE duplicate_decisions (
    id            TEXT PRIMARY KEY,
    family_a      TEXT NOT NULL,
    family_b      TEXT NOT NULL,
    decision      TEXT NOT NULL CHECK (decision IN ('merge', 'keep_apart')),
    order_key     TEXT NOT NULL,
    author_name   TEXT NOT NULL,
    decided_at_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX duplicate_decisions_by_pair ON duplicate_decisions (family_a, family_b);
