-- 0002: the case record: status, case details, notes, the centre's settings.
-- Never edit this file once landed: add 0003_*.sql instead.

ALTER TABLE workspace ADD COLUMN caseload_cap INTEGER NOT NULL DEFAULT 15;
ALTER TABLE workspace ADD COLUMN no_visit_days INTEGER NOT NULL DEFAULT 14;

ALTER TABLE families ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'closed', 'monitoring', 'archived'));
ALTER TABLE families ADD COLUMN status_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE families ADD COLUMN details_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details_json));

-- Folded family name, address, and members' names and PESELs, one field a
-- line (asysta_core::search::search_key), for diacritic-insensitive search.
ALTER TABLE families ADD COLUMN search_key TEXT NOT NULL DEFAULT '';

CREATE INDEX families_by_status ON families (status, name COLLATE pl, id) WHERE deleted = 0;

ALTER TABLE members ADD COLUMN birth_date TEXT;
ALTER TABLE members ADD COLUMN sex TEXT CHECK (sex IN ('female', 'male'));
ALTER TABLE members ADD COLUMN relation TEXT NOT NULL DEFAULT 'other';
ALTER TABLE members ADD COLUMN pesel TEXT;

CREATE INDEX members_by_pesel ON members (pesel) WHERE pesel IS NOT NULL AND deleted = 0;

CREATE TABLE notes (
    id            TEXT    PRIMARY KEY,
    family_id     TEXT    NOT NULL REFERENCES families (id),
    text          TEXT    NOT NULL,
    restricted    INTEGER NOT NULL CHECK (restricted IN (0, 1)),
    created_at_ms INTEGER NOT NULL,
    author_name   TEXT    NOT NULL,
    rev           INTEGER NOT NULL
) STRICT;

CREATE INDEX notes_by_family ON notes (family_id, created_at_ms);
