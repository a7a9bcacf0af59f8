-- The family an event is filed under (`events.family_id`) is a function of
-- the events' content: its envelope's family, its payload's, its own id for
-- a family, else the family that another event of the same record names.
-- The last one may arrive later than the event itself (a progress note on a
-- plan whose first version comes in a later bundle, or was written later in
-- the same story), so an event filed under no family is filed under its
-- record's family as soon as one is known: the only update of a row besides
-- replacing a withheld placeholder. Once set, the family never changes.
DROP TRIGGER events_are_immutable;
CREATE TRIGGER events_are_immutable BEFORE UPDATE ON events
WHEN NOT (OLD.kind = 'event.withheld' AND NEW.kind <> 'event.withheld'
          AND NEW.device_id = OLD.device_id AND NEW.seq = OLD.seq
          AND NEW.event_id = OLD.event_id AND NEW.entity_id = OLD.entity_id
          AND NEW.entity_type = OLD.entity_type AND NEW.hlc_wall_ms = OLD.hlc_wall_ms
          AND NEW.hlc_counter = OLD.hlc_counter AND NEW.author_id = OLD.author_id)
 AND NOT (OLD.family_id IS NULL AND NEW.family_id IS NOT NULL
          AND NEW.device_id = OLD.device_id AND NEW.seq = OLD.seq
          AND NEW.event_id = OLD.event_id AND NEW.entity_id = OLD.entity_id
          AND NEW.entity_type = OLD.entity_type AND NEW.base_rev = OLD.base_rev
          AND NEW.hlc_wall_ms = OLD.hlc_wall_ms AND NEW.hlc_counter = OLD.hlc_counter
          AND NEW.schema_version = OLD.schema_version AND NEW.author_id = OLD.author_id
          AND NEW.author_name = OLD.author_name AND NEW.kind = OLD.kind
          AND NEW.change_json = OLD.change_json AND NEW.based_on_json = OLD.based_on_json
          AND NEW.digest IS OLD.digest)
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;

-- Earlier releases filed a progress note written before its plan's first
-- version under no family (the laptop never showed it): file it now.
UPDATE events SET family_id = (
    SELECT o.family_id FROM events o
    WHERE o.entity_id = events.entity_id AND o.family_id IS NOT NULL LIMIT 1)
WHERE family_id IS NULL AND entity_type <> 'workspace'
  AND EXISTS (SELECT 1 FROM events o WHERE o.entity_id = events.entity_id AND o.family_id IS NOT NULL);
UPDATE held_events SET family_id = (
    SELECT o.family_id FROM events o
    WHERE o.entity_id = held_events.entity_id AND o.family_id IS NOT NULL LIMIT 1)
WHERE family_id IS NULL AND entity_type <> 'workspace'
  AND EXISTS (SELECT 1 FROM events o WHERE o.entity_id = held_events.entity_id AND o.family_id IS NOT NULL);

-- The events still filed under no family, found at once when their
-- record's family becomes known.
CREATE INDEX events_without_family ON events (entity_id) WHERE family_id IS NULL;
