-- Knotwork practice schema, version 2 (SQLite): the old and new value of every field a change
-- touched, beside the audit row that records the change.
--
-- One row per changed field in a child table, rather than a JSON text column on audit_log:
--  * "who changed the phone number, and from what" is a plain indexed query, in SQLite today and
--    in PostgreSQL later, with no JSON functions and no parser in the program;
--  * each value is bound as a parameter on its own, so any text (quotes, newlines, emoji, a
--    50,000-character note) is kept byte for byte with nothing to escape;
--  * the database guards the rows one by one: they cannot be changed or deleted, and new ones
--    can only be attached to the newest audit row (the one written in the same transaction), so
--    nobody can add invented changes to an old entry either.

CREATE TABLE audit_changes (
    audit_id  INTEGER NOT NULL REFERENCES audit_log (id),
    position  INTEGER NOT NULL CHECK (position >= 0),
    field     TEXT NOT NULL CHECK (length(field) > 0),
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    PRIMARY KEY (audit_id, position)
) WITHOUT ROWID;
CREATE INDEX audit_changes_by_field ON audit_changes (field);

-- The audit export filters by time.
CREATE INDEX audit_by_time ON audit_log (at);

CREATE TRIGGER audit_changes_no_update BEFORE UPDATE ON audit_changes
BEGIN
    SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;

CREATE TRIGGER audit_changes_no_delete BEFORE DELETE ON audit_changes
BEGIN
    SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;

CREATE TRIGGER audit_changes_only_on_newest BEFORE INSERT ON audit_changes
WHEN NEW.audit_id IS NOT (SELECT max(id) FROM audit_log)
BEGIN
    SELECT RAISE(ABORT, 'the audit trail cannot be changed: changes belong to the entry just written');
END;
