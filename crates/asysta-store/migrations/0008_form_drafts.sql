-- The long forms' drafts (an evaluation, a court opinion, a plan version):
-- what was typed, saved after every edit so that a crash or a killed app
-- loses no word; local to this device (never an event, never exported),
-- replaced on each save, removed when the form is saved.
CREATE TABLE form_drafts (
    kind        TEXT    NOT NULL CHECK (kind IN ('evaluation', 'opinion', 'plan')),
    key         TEXT    NOT NULL,
    family_id   TEXT    NOT NULL,
    form_json   TEXT    NOT NULL CHECK (json_valid(form_json)),
    saved_at_ms INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
) STRICT;
