-- 0004: one history written on many devices. Never edit this file once landed.
--
-- The log takes other devices' events unchanged; events that arrive after a
-- gap in their device's sequence wait in `held_events`; projections are
-- re-derived from each record's history (see src/derive.rs), so the store
-- rebuilds them once after this migration (meta key `projection_version`).

-- The family (case) each event belongs to, the heads it was based on, and a
-- digest of the whole event (BLAKE3 of its row, see src/log.rs; NULL
-- for the first release's events), so that receiving events this replica
-- already holds compares 32 bytes from an index instead of whole rows.
ALTER TABLE events ADD COLUMN family_id TEXT;
ALTER TABLE events ADD COLUMN based_on_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(based_on_json));
ALTER TABLE events ADD COLUMN digest BLOB CHECK (digest IS NULL OR length(digest) = 32);

-- Fill in the family of the first release's events. These columns are
-- derived, not part of the event, so the immutability trigger is lifted for
-- this one statement only.
DROP TRIGGER events_are_immutable;
UPDATE events SET family_id = CASE
    WHEN entity_type = 'family' THEN entity_id
    WHEN json_extract(change_json, '$.family_id') IS NOT NULL THEN json_extract(change_json, '$.family_id')
    ELSE (SELECT json_extract(c.change_json, '$.family_id') FROM events c
          WHERE c.entity_id = events.entity_id AND json_extract(c.change_json, '$.family_id') IS NOT NULL
          ORDER BY c.hlc_wall_ms, c.hlc_counter LIMIT 1)
END;
CREATE TRIGGER events_are_immutable BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;

CREATE INDEX events_by_family ON events (family_id, entity_type) WHERE family_id IS NOT NULL;
CREATE INDEX events_digests ON events (device_id, seq, digest);
-- No hot path reads the log in HLC order any more (records are derived
-- from their own events; peers are sent each device's events in sequence;
-- only `history` and tools sort, over few rows or rarely), so this index
-- only cost every insert.
DROP INDEX events_by_hlc;
-- The settings record gathers every workspace event but the creations.
CREATE INDEX events_of_workspaces ON events (kind) WHERE entity_type = 'workspace';

-- Events received after a gap in their device's sequence: kept, not applied,
-- until the missing ones arrive. Same columns as `events`.
CREATE TABLE held_events (
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
    family_id      TEXT,
    based_on_json  TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(based_on_json)),
    digest         BLOB,
    PRIMARY KEY (device_id, seq)
) STRICT;

-- Projections.

-- The centre's settings: one record for every device (asysta_core::merge::SETTINGS_ID).
-- No row means the defaults.
CREATE TABLE settings (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    caseload_cap    INTEGER NOT NULL,
    no_visit_days   INTEGER NOT NULL,
    plan_areas_json TEXT CHECK (plan_areas_json IS NULL OR json_valid(plan_areas_json)),
    rev             INTEGER NOT NULL
) STRICT;

-- Whose caseload a family belongs to (the assistant who took it on). A
-- table of its own, so the family rows the family list reads stay narrow.
CREATE TABLE caseloads (
    family_id      TEXT PRIMARY KEY REFERENCES families (id),
    assistant_id   TEXT NOT NULL,
    assistant_name TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Members in the order they were added, the same on every replica
-- (asysta_core::merge::order_key of the creation event).
ALTER TABLE members ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';

-- Fields changed concurrently to different values, until a person resolves them.
CREATE TABLE conflicts (
    id             TEXT PRIMARY KEY,
    entity_type    TEXT NOT NULL,
    entity_id      TEXT NOT NULL,
    family_id      TEXT,
    field          TEXT NOT NULL,
    shown_event_id TEXT NOT NULL,
    versions_json  TEXT NOT NULL CHECK (json_valid(versions_json))
) STRICT;
CREATE INDEX conflicts_by_entity ON conflicts (entity_id);
CREATE INDEX conflicts_by_family ON conflicts (family_id);

INSERT INTO meta (key, value) VALUES ('projection_version', '0');
