-- Knotwork practice schema, version 2 (PostgreSQL): the old and new value of every field a change
-- touched, beside the audit row that records the change.
--
-- One row per changed field in a child table, rather than a JSON column on audit_log:
--  * "who changed the phone number, and from what" is a plain indexed query, the same in SQLite
--    and here, with no JSON functions and no parser in the program;
--  * each value is bound as a parameter on its own, so any text (quotes, newlines, emoji, a
--    50,000-character note) is kept byte for byte with nothing to escape;
--  * the database guards the rows one by one: they cannot be changed or deleted, and new ones
--    can only be attached to an audit row written in the same transaction, so nobody can add
--    invented changes to an old entry either.
--
-- SQLite checks "the newest audit row" (max(id)), which is exact with one writer at a time. A
-- server has several writers, and another connection's entry may be the newest at any moment;
-- so here the rule is checked against the transaction that wrote the entry (audit_log's
-- written_in_tx, which the database sets). The message is SQLite's, word for word.

CREATE TABLE audit_changes (
    audit_id  BIGINT NOT NULL REFERENCES audit_log (id),
    position  INTEGER NOT NULL CHECK (position >= 0),
    field     TEXT NOT NULL CHECK (length(field) > 0),
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    PRIMARY KEY (audit_id, position)
);
CREATE INDEX audit_changes_by_field ON audit_changes (field);

-- The audit export filters by time.
CREATE INDEX audit_by_time ON audit_log (at);

CREATE TRIGGER audit_changes_no_update BEFORE UPDATE ON audit_changes
FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit trail cannot be changed');

CREATE TRIGGER audit_changes_no_delete BEFORE DELETE ON audit_changes
FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit trail cannot be changed');

CREATE TRIGGER audit_changes_no_truncate BEFORE TRUNCATE ON audit_changes
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the audit trail cannot be changed');

-- SECURITY DEFINER: the front desk writes the changes of its own edits but may not read the
-- audit trail; the check reads it with the owner's rights. SQLSTATE 23000 like every refusal.
-- A practice restored from a dump into another server keeps the written_in_tx of its old entries,
-- while that server's transaction ids may still be lower: one of them could come to equal an old
-- entry's. The row's xmin (the transaction that stored this version of the row, which the
-- restore sets) tells the two apart: an entry written in this transaction is never older than
-- it (age(xmin) is 0, or below 0 when written under a savepoint), a restored one always is.
CREATE FUNCTION audit_changes_only_on_own_entry() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM audit_log
                   WHERE id = NEW.audit_id AND written_in_tx = txid_current() AND age(xmin) <= 0) THEN
        RAISE EXCEPTION USING ERRCODE = 'integrity_constraint_violation',
            MESSAGE = 'the audit trail cannot be changed: changes belong to the entry just written',
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_changes_only_on_newest BEFORE INSERT ON audit_changes
FOR EACH ROW EXECUTE FUNCTION audit_changes_only_on_own_entry();

-- As in version 1: the search path pinned to this schema, and no caller but the trigger.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION audit_changes_only_on_own_entry() SET search_path = %I, pg_temp', current_schema());
END
$$;
REVOKE ALL ON FUNCTION audit_changes_only_on_own_entry() FROM PUBLIC;

-- Therapists read the changes with the audit trail; the front desk only adds the changes of its
-- own edits (the old and new values of any field can be clinical text).
GRANT SELECT, INSERT ON audit_changes TO knotwork_therapist;
GRANT INSERT ON audit_changes TO knotwork_front_desk;
