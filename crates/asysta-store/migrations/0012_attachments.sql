-- Attachments (event schema 7): scans and photos kept with a case.
--
-- `attachment_files` holds each file's bytes once, under its BLAKE3
-- digest, inside this encrypted database. Like the event log it is not a
-- projection: it is what the events point at, written with the event that
-- first names a digest (locally or from a bundle) and never rewritten.
CREATE TABLE attachment_files (
    digest TEXT    PRIMARY KEY CHECK (length(digest) = 64),
    size   INTEGER NOT NULL,
    bytes  BLOB    NOT NULL
) STRICT;

-- Projection: written by asysta_store::projection::write_attachment.
CREATE TABLE attachments (
    id            TEXT    PRIMARY KEY,
    family_id     TEXT    NOT NULL REFERENCES families (id),
    target_kind   TEXT    NOT NULL,
    target_id     TEXT,
    file_name     TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    size          INTEGER NOT NULL,
    digest        TEXT    NOT NULL,
    restricted    INTEGER NOT NULL CHECK (restricted IN (0, 1)),
    created_at_ms INTEGER NOT NULL,
    author_name   TEXT    NOT NULL,
    rev           INTEGER NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX attachments_by_family ON attachments (family_id, created_at_ms);

-- The centre's limit per attached file, in MB (the default: 20).
ALTER TABLE settings ADD COLUMN attachment_limit_mb INTEGER NOT NULL DEFAULT 20;
