-- Bundles between a laptop and its centre (issue 12).

-- Whose workspace this is: an assistant's laptop or a centre's installation.
INSERT OR IGNORE INTO meta (key, value) VALUES ('role', 'assistant');

-- The workspace's own keys: the Ed25519 signing key's seed and the age
-- X25519 identity. Only ever inside this encrypted database.
CREATE TABLE own_keys (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    signing_seed BLOB NOT NULL CHECK (length(signing_seed) = 32),
    age_identity TEXT NOT NULL
) STRICT;

-- The workspaces this one exchanges bundles with, trusted by a person: on
-- a laptop the centre it enrolled with, at a centre every device whose
-- fingerprint the supervisor compared.
CREATE TABLE peers (
    device_id        TEXT PRIMARY KEY,
    workspace_id     TEXT NOT NULL,
    role             TEXT NOT NULL CHECK (role IN ('assistant', 'centre')),
    user_id          TEXT,
    user_name        TEXT NOT NULL,
    centre_name      TEXT NOT NULL,
    signing_key      TEXT NOT NULL,
    age_recipient    TEXT NOT NULL,
    fingerprint      TEXT NOT NULL,
    trusted_at_ms    INTEGER NOT NULL,
    -- The peer's high-water marks as its latest bundle said (by the time it
    -- was written, so a bundle that arrives late does not roll them back,
    -- and a peer restored from a backup is believed): what need not be
    -- sent to it again.
    their_marks_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(their_marks_json)),
    their_marks_at_ms INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Every bundle written or read.
CREATE TABLE bundle_log (
    id           INTEGER PRIMARY KEY,
    bundle_id    TEXT NOT NULL,
    -- BLAKE3 of the bundle file: an import of the same bytes again is
    -- recognised before its events are parsed.
    digest       BLOB,
    direction    TEXT NOT NULL CHECK (direction IN ('export', 'import')),
    peer_device  TEXT NOT NULL,
    at_ms        INTEGER NOT NULL,
    file_name    TEXT NOT NULL,
    event_count  INTEGER NOT NULL,
    ranges_json  TEXT NOT NULL CHECK (json_valid(ranges_json)),
    report_json  TEXT CHECK (report_json IS NULL OR json_valid(report_json))
) STRICT;
CREATE INDEX bundle_log_by_peer ON bundle_log (peer_device, direction, at_ms);
CREATE INDEX bundle_log_by_bundle ON bundle_log (bundle_id, direction);
CREATE INDEX bundle_log_by_digest ON bundle_log (digest) WHERE digest IS NOT NULL;

-- The log stays append-only; the one change it allows is a withheld
-- placeholder (kind 'event.withheld') replaced by the event it stands for:
-- same device, number, id and record. The store checks the digest.
DROP TRIGGER events_are_immutable;
CREATE TRIGGER events_are_immutable BEFORE UPDATE ON events
WHEN NOT (OLD.kind = 'event.withheld' AND NEW.kind <> 'event.withheld'
          AND NEW.device_id = OLD.device_id AND NEW.seq = OLD.seq
          AND NEW.event_id = OLD.event_id AND NEW.entity_id = OLD.entity_id
          AND NEW.entity_type = OLD.entity_type AND NEW.hlc_wall_ms = OLD.hlc_wall_ms
          AND NEW.hlc_counter = OLD.hlc_counter AND NEW.author_id = OLD.author_id)
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;
