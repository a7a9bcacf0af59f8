-- 0001: the event log, its projections, and the device's own state.
-- Never edit this file once landed: add 0002_*.sql instead.

-- This device's identity and clock; not replicated.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- The append-only event log. The source of truth: every other table below
-- is a projection of it and can be rebuilt from it.
CREATE TABLE events (
    device_id      TEXT    NOT NULL,
    seq            INTEGER NOT NULL CHECK (seq >= 1),
    event_id       TEXT    NOT NULL UNIQUE,
    entity_type    TEXT    NOT NULL,
    entity_id      TEXT    NOT NULL,
    base_rev       INTEGER NOT NULL CHECK (base_rev >= 0),
    hlc_wall_ms    INTEGER NOT NULL,
    hlc_counter    INTEGER NOT NULL,
    schema_version INTEGER NOT NULL,
    author_id      TEXT    NOT NULL,
    author_name    TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    change_json    TEXT    NOT NULL CHECK (json_valid(change_json)),
    PRIMARY KEY (device_id, seq)
) STRICT;

CREATE INDEX events_by_entity ON events (entity_id, hlc_wall_ms, hlc_counter);
CREATE INDEX events_by_hlc ON events (hlc_wall_ms, hlc_counter, device_id, seq);

-- The log is immutable and gap-free per device.
CREATE TRIGGER events_are_immutable BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;
CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;
CREATE TRIGGER events_are_gap_free BEFORE INSERT ON events
WHEN NEW.seq <> (SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE device_id = NEW.device_id)
BEGIN
    SELECT RAISE(ABORT, 'event sequence numbers must be gap-free per device');
END;

-- Projections.
CREATE TABLE workspace (
    id             TEXT    PRIMARY KEY,
    assistant_name TEXT    NOT NULL,
    centre_name    TEXT    NOT NULL,
    rev            INTEGER NOT NULL
) STRICT;

CREATE TABLE families (
    id            TEXT    PRIMARY KEY,
    name          TEXT    NOT NULL,
    address       TEXT    NOT NULL,
    rev           INTEGER NOT NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX families_by_name ON families (name COLLATE pl, id) WHERE deleted = 0;

CREATE TABLE members (
    id         TEXT    PRIMARY KEY,
    family_id  TEXT    NOT NULL REFERENCES families (id),
    first_name TEXT    NOT NULL,
    last_name  TEXT    NOT NULL,
    rev        INTEGER NOT NULL,
    deleted    INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX members_by_family ON members (family_id) WHERE deleted = 0;
