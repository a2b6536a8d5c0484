-- Checks the PostgreSQL migrations by hand (not part of the build): applies versions 1 to 3 in
-- one transaction in a fresh schema, as the program does, then proves what the database itself
-- refuses and allows, for the owner, a therapist and the front desk; then applies them again in
-- a second schema of the same database, where the roles and extensions already exist.
--
-- Run it as a superuser (it switches accounts with SET SESSION AUTHORIZATION, which changes
-- session_user as a login would), against a throwaway database:
--     psql -X -d <database> -f tests/persistence/pg_schema_check.sql
-- It creates the login roles dr_mara (a therapist) and desk_sam (front desk) if missing, and
-- the schemas knotwork_check_a and knotwork_check_b, which it drops again at the end. It stops
-- at the first check that fails, saying which.

\set ON_ERROR_STOP on
\set QUIET on
SET client_min_messages = warning;

DROP SCHEMA IF EXISTS knotwork_check_a CASCADE;
DROP SCHEMA IF EXISTS knotwork_check_b CASCADE;
CREATE SCHEMA knotwork_check_a;
SET search_path = knotwork_check_a;

-- Versions 1 to 3 in one transaction, schema_migrations first, as the program runs them.
BEGIN;
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
\ir ../../resources/migrations/postgresql/0001_initial.sql
INSERT INTO schema_migrations VALUES (1, '0001_initial', '2026-03-01T08:00:00');
\ir ../../resources/migrations/postgresql/0002_audit_changes.sql
INSERT INTO schema_migrations VALUES (2, '0002_audit_changes', '2026-03-01T08:00:00');
\ir ../../resources/migrations/postgresql/0003_client_search_index.sql
INSERT INTO schema_migrations VALUES (3, '0003_client_search_index', '2026-03-01T08:00:00');
COMMIT;
\echo 'applied versions 1 to 3 in knotwork_check_a'

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dr_mara') THEN
        CREATE ROLE dr_mara LOGIN IN ROLE knotwork_therapist;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'desk_sam') THEN
        CREATE ROLE desk_sam LOGIN IN ROLE knotwork_front_desk;
    END IF;
END
$$;

-- refused(statement, SQLSTATE, message): the statement must fail with exactly that code and
-- message (any message when it is NULL); its effects are undone either way.
CREATE PROCEDURE pg_temp.refused(statement text, expected_state text, expected_message text)
LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        EXECUTE statement;
    EXCEPTION WHEN OTHERS THEN
        IF SQLSTATE = expected_state AND (expected_message IS NULL OR SQLERRM = expected_message) THEN
            RAISE NOTICE 'refused as expected (%): %', SQLSTATE, SQLERRM;
            RETURN;
        END IF;
        RAISE EXCEPTION 'FAILED: "%" was refused with % "%"; expected % "%"', statement, SQLSTATE, SQLERRM,
            expected_state, coalesce(expected_message, '(any message)');
    END;
    RAISE EXCEPTION 'FAILED: "%" was accepted; expected % "%"', statement, expected_state,
        coalesce(expected_message, '(any message)');
END
$$;

-- check(condition, what): stops the script when the condition is not true (called with \gset,
-- which prints nothing).
CREATE FUNCTION pg_temp.check(condition boolean, what text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF condition IS NOT TRUE THEN
        RAISE EXCEPTION 'FAILED: %', what;
    END IF;
END
$$;

SET client_min_messages = notice;

-------------------------------------------------------------------------------------------------
\echo 'therapist (dr_mara): clinical work'
SET SESSION AUTHORIZATION dr_mara;

INSERT INTO practice_settings (key, value) VALUES ('practice_name', 'Knot Here')
ON CONFLICT (key) DO UPDATE SET value = excluded.value;
INSERT INTO clients (family_name, given_name, search_key, activity, pressure_preference, date_of_birth, phone,
                     created_at, updated_at)
VALUES ('Lind', 'Ása', 'lind ása 5550101 1980-04-02', 'moderate', 'medium', '1980-04-02', '555-0101',
        '2026-03-01T08:00:00', '2026-03-01T08:00:00')
RETURNING id AS client_id \gset
INSERT INTO client_conditions VALUES (:client_id, 'hypertension');
INSERT INTO assessments (client_id, assessed_on, chief_complaint, duration_weeks, pain_now, pain_best, pain_worst,
                         created_at, updated_at)
VALUES (:client_id, '2026-03-01', 'neck pain', 3, 5, 2, 7, '2026-03-01T08:00:00', '2026-03-01T08:00:00')
RETURNING id AS assessment_id \gset
INSERT INTO assessment_palpation VALUES (:assessment_id, 0, 'upper trapezius', 'left', 2, 2, 1, 0, '');
INSERT INTO treatment_plans (client_id, created_on, based_on_assessment, status, session_count, frequency,
                             interval_days, session_minutes, start_date, start_time, created_at, updated_at)
VALUES (:client_id, '2026-03-01', :assessment_id, 'active', 6, 'weekly', 7, 60, '2026-03-02', '09:30',
        '2026-03-01T08:00:00', '2026-03-01T08:00:00')
RETURNING id AS plan_id \gset
INSERT INTO plan_goals VALUES (:plan_id, 0, 'turn the head', 'degrees', 40.5, 70);

INSERT INTO sessions (client_id, plan_id, series_number, series_of, starts_at, ends_at, status, subjective,
                      objective, assessment, plan_text, pain_before, created_at, updated_at)
VALUES (:client_id, :plan_id, 1, 6, '2026-03-02T09:30:00', '2026-03-02T10:30:00', 'completed',
        'Névralgie cervicale gauche depuis trois semaines; dort mal.', 'Trapèze supérieur hypertonique, points gâchettes.',
        'Cervicalgie mécanique, pas de drapeau rouge.', 'Revoir dans une semaine; étirements à la maison.', 6,
        '2026-03-02T08:00:00', '2026-03-02T08:00:00')
RETURNING id AS signed_id \gset
INSERT INTO session_techniques VALUES (:signed_id, 0, 'effleurage', 'neck', 'left', 4, 10);
UPDATE sessions SET pain_after = 3, version = version + 1 WHERE id = :signed_id;
UPDATE sessions SET signed_by = 'Mara Lind, RMT', signed_at = '2026-03-02T10:45:00', version = version + 1
WHERE id = :signed_id;

INSERT INTO sessions (client_id, starts_at, ends_at, status, subjective, created_at, updated_at)
VALUES (:client_id, '2026-03-09T09:30:00', '2026-03-09T10:30:00', 'booked', 'sciatica on the right, since Monday',
        '2026-03-02T08:00:00', '2026-03-02T08:00:00')
RETURNING id AS draft_id \gset

CALL pg_temp.refused(format('UPDATE sessions SET subjective = %L WHERE id = %s', 'changed', :signed_id),
                       '23000', 'signed note is locked: add an amendment instead');
CALL pg_temp.refused(format('UPDATE sessions SET status = %L WHERE id = %s', 'cancelled', :signed_id),
                       '23000', 'signed note is locked: add an amendment instead');
CALL pg_temp.refused(format('DELETE FROM sessions WHERE id = %s', :signed_id),
                       '23000', 'signed note is locked: it cannot be deleted');
CALL pg_temp.refused(format('INSERT INTO session_techniques VALUES (%s, 1, %L, %L, %L, 5, 10)',
                              :signed_id, 'petrissage', 'neck', 'left'),
                       '23000', 'signed note is locked: its techniques cannot change');
CALL pg_temp.refused(format('UPDATE session_techniques SET minutes = 20 WHERE session_id = %s', :signed_id),
                       '23000', 'signed note is locked: its techniques cannot change');
CALL pg_temp.refused(format('UPDATE session_techniques SET session_id = %s WHERE session_id = %s',
                              :draft_id, :signed_id),
                       '23000', 'signed note is locked: its techniques cannot change');
CALL pg_temp.refused(format('DELETE FROM session_techniques WHERE session_id = %s', :signed_id),
                       '23000', 'signed note is locked: its techniques cannot change');
-- Moving a technique of a draft onto a signed note is refused too (the NEW side).
INSERT INTO session_techniques VALUES (:draft_id, 0, 'stretch', 'hip', 'right', 3, 5);
CALL pg_temp.refused(format('UPDATE session_techniques SET session_id = %s WHERE session_id = %s',
                              :signed_id, :draft_id),
                       '23000', 'signed note is locked: its techniques cannot change');
DELETE FROM session_techniques WHERE session_id = :draft_id;

CALL pg_temp.refused(format('INSERT INTO note_amendments (session_id, author, written_at, reason, text) '
                              'VALUES (%s, %L, %L, %L, %L)', :draft_id, 'Mara', '2026-03-09T11:00:00', 'typo', 'x'),
                       '23000', 'only a signed note takes amendments');
INSERT INTO note_amendments (session_id, author, written_at, reason, text)
VALUES (:signed_id, 'Mara Lind, RMT', '2026-03-03T09:00:00', 'Précision', 'Céphalées associées le matin.')
RETURNING id AS amendment_id \gset
-- The append-only tables take INSERT only: no UPDATE, DELETE or TRUNCATE privilege at all.
CALL pg_temp.refused(format('UPDATE note_amendments SET text = %L WHERE id = %s', 'x', :amendment_id), '42501', NULL);
CALL pg_temp.refused(format('DELETE FROM note_amendments WHERE id = %s', :amendment_id), '42501', NULL);
CALL pg_temp.refused('TRUNCATE note_amendments', '42501', NULL);
-- Explicit ids are the owner's (moving a practice): not in the therapist's INSERT columns.
CALL pg_temp.refused(format('INSERT INTO note_amendments (id, session_id, author, written_at, reason, text) '
                              'VALUES (999, %s, %L, %L, %L, %L)', :signed_id, 'M', '2026-03-03T09:00:00', 'r', 't'),
                       '42501', NULL);

-- The audit trail: actor is the login, whatever is sent; changes attach only to this
-- transaction's entry.
BEGIN;
INSERT INTO audit_log (at, actor, action, entity, entity_id, client_id, detail)
VALUES ('2026-03-02T10:45:00', 'somebody else', 'sign', 'session', :signed_id, :client_id, 'signed')
RETURNING id AS audit_id, actor AS audit_actor \gset
INSERT INTO audit_changes VALUES (:audit_id, 0, 'signed_by', '', 'Mara Lind, RMT');
INSERT INTO audit_changes VALUES (:audit_id, 1, 'signed_at', '', '2026-03-02 10:45');
COMMIT;
SELECT pg_temp.check(:'audit_actor' = 'dr_mara', 'the actor of a therapist''s entry is her login') \gset
-- Savepoints inside the writing transaction change nothing.
BEGIN;
SAVEPOINT entry;
INSERT INTO audit_log (at, actor, action, entity, entity_id, client_id, detail)
VALUES ('2026-03-02T11:00:00', 'dr_mara', 'update', 'client', :client_id, :client_id, 'changed: phone')
RETURNING id AS savepoint_audit_id \gset
RELEASE SAVEPOINT entry;
SAVEPOINT changes;
INSERT INTO audit_changes VALUES (:savepoint_audit_id, 0, 'phone', '555-0101', '555-0102');
RELEASE SAVEPOINT changes;
INSERT INTO audit_changes VALUES (:savepoint_audit_id, 1, 'email', '', 'asa@example.org');
COMMIT;
CALL pg_temp.refused(format('INSERT INTO audit_changes VALUES (%s, 2, %L, %L, %L)', :audit_id, 'phone', 'a', 'b'),
                       '23000', 'the audit trail cannot be changed: changes belong to the entry just written');
CALL pg_temp.refused('INSERT INTO audit_changes VALUES (987654, 0, ''phone'', ''a'', ''b'')',
                       '23000', 'the audit trail cannot be changed: changes belong to the entry just written');
CALL pg_temp.refused(format('UPDATE audit_log SET detail = %L WHERE id = %s', 'x', :audit_id), '42501', NULL);
CALL pg_temp.refused(format('DELETE FROM audit_log WHERE id = %s', :audit_id), '42501', NULL);
CALL pg_temp.refused('TRUNCATE audit_log', '42501', NULL);
CALL pg_temp.refused('UPDATE audit_changes SET new_value = ''x''', '42501', NULL);
CALL pg_temp.refused('DELETE FROM audit_changes', '42501', NULL);
CALL pg_temp.refused('INSERT INTO audit_log (id, at, actor, action, entity) VALUES (5000, ''x'', ''x'', ''x'', ''x'')',
                       '42501', NULL);
CALL pg_temp.refused(format('DELETE FROM clients WHERE id = %s', :client_id), '42501', NULL);

-- Full-text search, accents stripped on both sides, prefixes, snippets.
SELECT pg_temp.check((SELECT count(*) = 1 FROM sessions WHERE notes_tsv @@ to_tsquery('knotwork_notes', 'nevralg:* & trapeze:*')),
                     'note search finds the signed note without its accents') \gset
SELECT pg_temp.check((SELECT count(*) = 1 FROM sessions WHERE notes_tsv @@ to_tsquery('knotwork_notes', 'GÂCHETTE:*')),
                     'note search ignores case and accents in the query too') \gset
SELECT pg_temp.check((SELECT count(*) = 0 FROM sessions WHERE notes_tsv @@ to_tsquery('knotwork_notes', 'nevralg:* & sciatica:*')),
                     'every word must match') \gset
SELECT pg_temp.check((SELECT count(*) = 1 FROM note_amendments WHERE notes_tsv @@ to_tsquery('knotwork_notes', 'cephalee:*')),
                     'amendment search') \gset
-- The search as the program asks it: the query inline in WHERE (so that a prepared statement's
-- generic plan still uses the index), newest first, snippets only for the rows returned.
SELECT s.id, s.starts_at, c.family_name,
       ts_headline('knotwork_notes',
                   s.subjective || ' ' || s.objective || ' ' || s.assessment || ' ' || s.plan_text || ' ' || s.adverse_reactions,
                   to_tsquery('knotwork_notes', 'trapeze:* & nevralg:*'),
                   'StartSel=[, StopSel=], MaxWords=12, MinWords=5, ShortWord=2, MaxFragments=1, FragmentDelimiter=...')
           AS snippet
FROM sessions s JOIN clients c ON c.id = s.client_id
WHERE s.notes_tsv @@ to_tsquery('knotwork_notes', 'trapeze:* & nevralg:*') ORDER BY s.id DESC LIMIT 20 \gset hit_
SELECT pg_temp.check(:'hit_snippet' LIKE '%[Trapèze]%' AND :'hit_snippet' LIKE '%[Névralgie]%',
                     'the snippet marks the words found, accents and all: ' || :'hit_snippet') \gset
\echo 'snippet:' :hit_snippet

RESET SESSION AUTHORIZATION;

-------------------------------------------------------------------------------------------------
\echo 'front desk (desk_sam): clients and the diary, no clinical record'
SET SESSION AUTHORIZATION desk_sam;

CALL pg_temp.refused('SELECT subjective FROM sessions', '42501', 'permission denied for table sessions');
CALL pg_temp.refused('SELECT * FROM sessions', '42501', NULL);
CALL pg_temp.refused('SELECT notes_tsv FROM sessions', '42501', NULL);
CALL pg_temp.refused('SELECT id FROM sessions WHERE notes_tsv @@ to_tsquery(''knotwork_notes'', ''sciatica'')', '42501', NULL);
CALL pg_temp.refused('SELECT id FROM sessions WHERE subjective LIKE ''%sciatica%''', '42501', NULL);
CALL pg_temp.refused('SELECT * FROM assessments', '42501', 'permission denied for table assessments');
CALL pg_temp.refused('SELECT * FROM assessment_palpation', '42501', NULL);
CALL pg_temp.refused('SELECT * FROM assessment_pain_map', '42501', NULL);
CALL pg_temp.refused('SELECT * FROM assessment_psfs', '42501', NULL);
CALL pg_temp.refused('SELECT * FROM assessment_red_flags', '42501', NULL);
CALL pg_temp.refused('SELECT * FROM session_techniques', '42501', NULL);
CALL pg_temp.refused('SELECT * FROM note_amendments', '42501', NULL);
CALL pg_temp.refused('SELECT * FROM plan_goals', '42501', NULL);
CALL pg_temp.refused('SELECT * FROM plan_techniques', '42501', NULL);
CALL pg_temp.refused('SELECT * FROM plan_regions', '42501', NULL);
CALL pg_temp.refused('SELECT * FROM plan_home_care', '42501', NULL);
CALL pg_temp.refused('SELECT notes FROM treatment_plans', '42501', NULL);
CALL pg_temp.refused('SELECT based_on_assessment FROM treatment_plans', '42501', NULL);
CALL pg_temp.refused('SELECT * FROM audit_changes', '42501', NULL);
CALL pg_temp.refused('SELECT actor, detail FROM audit_log', '42501', NULL);
CALL pg_temp.refused('INSERT INTO practice_settings VALUES (''licence_number'', ''forged'')', '42501', NULL);
CALL pg_temp.refused('TRUNCATE practice_holidays', '42501', NULL);
SELECT pg_temp.check((SELECT count(*) > 0 FROM practice_settings), 'the front desk reads the practice settings') \gset
SELECT pg_temp.check((SELECT max(version) = 3 FROM schema_migrations), 'the front desk reads the schema version') \gset
SELECT pg_temp.check((SELECT session_count = 6 AND interval_days = 7 FROM treatment_plans), 'the scheduling columns of a plan') \gset

-- A new client, the way the program saves one with its audit entry.
BEGIN;
INSERT INTO clients (family_name, given_name, search_key, activity, pressure_preference, phone, created_at, updated_at)
VALUES ('O''Brien', 'Kate', 'o''brien kate 5550199', 'active', 'firm', '555-0199', '2026-03-03T09:00:00', '2026-03-03T09:00:00')
RETURNING id AS desk_client_id \gset
INSERT INTO client_conditions VALUES (:desk_client_id, 'asthma');
INSERT INTO client_medications VALUES (:desk_client_id, 0, 'bronchodilator', 'salbutamol');
INSERT INTO client_red_flags VALUES (:desk_client_id, 'recent_surgery');
DELETE FROM client_red_flags WHERE client_id = :desk_client_id;
UPDATE clients SET phone = '555-0198', search_key = 'o''brien kate 5550198', version = version + 1
WHERE id = :desk_client_id AND version = 1;
INSERT INTO audit_log (at, actor, action, entity, entity_id, client_id, detail)
VALUES ('2026-03-03T09:00:00', 'admin', 'update', 'client', :desk_client_id, :desk_client_id, 'changed: phone')
RETURNING id AS desk_audit_id \gset
INSERT INTO audit_changes VALUES (:desk_audit_id, 0, 'phone', '555-0199', '555-0198');
COMMIT;
CALL pg_temp.refused(format('INSERT INTO audit_changes VALUES (%s, 1, %L, %L, %L)', :desk_audit_id, 'email', '', 'x'),
                       '23000', 'the audit trail cannot be changed: changes belong to the entry just written');
CALL pg_temp.refused(format('DELETE FROM clients WHERE id = %s', :desk_client_id), '42501', NULL);

-- The client list and its search, as the program asks on PostgreSQL.
SELECT pg_temp.check((SELECT array_agg(id ORDER BY lower(family_name), lower(given_name), id) = ARRAY[:client_id, :desk_client_id]::bigint[]
                      FROM clients WHERE archived_on IS NULL),
                     'the client list in name order') \gset
SELECT pg_temp.check((SELECT count(*) = 1 FROM clients
                      WHERE archived_on IS NULL AND (search_key LIKE '%o''brien%' ESCAPE '\' OR search_key LIKE '%o''brien%' ESCAPE '\')
                        AND (search_key LIKE '%555-0198%' ESCAPE '\' OR search_key LIKE '%5550198%' ESCAPE '\')),
                     'client search by name and phone') \gset

-- Booking: INSERT … RETURNING id, then the day's diary joined with clients.
INSERT INTO sessions (client_id, starts_at, ends_at, therapist, status, created_at, updated_at, version)
VALUES (:desk_client_id, '2026-03-04T14:00:00', '2026-03-04T15:00:00', 'Mara', 'booked',
        '2026-03-03T09:05:00', '2026-03-03T09:05:00', 1)
RETURNING id AS booking_id \gset
SELECT pg_temp.check((SELECT count(*) = 3 FROM (
                          SELECT s.id, s.client_id, c.family_name, c.given_name, c.preferred_name, s.starts_at, s.ends_at,
                                 s.therapist, s.status, s.plan_id, s.series_number, s.series_of, s.signed_at
                          FROM sessions s JOIN clients c ON c.id = s.client_id
                          WHERE s.starts_at >= '2026-03-01T00:00:00' AND s.starts_at < '2026-03-10T00:00:00'
                          ORDER BY s.starts_at, s.id) diary),
                     'the diary of the week, with the clients'' names') \gset
UPDATE sessions SET starts_at = '2026-03-04T15:00:00', ends_at = '2026-03-04T16:00:00',
                    updated_at = '2026-03-03T09:10:00', version = version + 1
WHERE id = :booking_id AND version = 1;
UPDATE sessions SET status = 'cancelled', status_reason = 'client called', version = version + 1 WHERE id = :draft_id;
CALL pg_temp.refused(format('UPDATE sessions SET subjective = %L WHERE id = %s', 'x', :booking_id), '42501', NULL);
CALL pg_temp.refused(format('UPDATE sessions SET signed_by = %L, signed_at = %L WHERE id = %s', 'Sam', '2026-03-04T16:00:00', :booking_id),
                       '42501', NULL);
CALL pg_temp.refused(format('UPDATE sessions SET client_id = %s WHERE id = %s', :client_id, :booking_id), '42501', NULL);
CALL pg_temp.refused(format('UPDATE sessions SET status = %L WHERE id = %s', 'no_show', :signed_id),
                       '23000', 'signed note is locked: add an amendment instead');
CALL pg_temp.refused(format('DELETE FROM sessions WHERE id = %s', :signed_id),
                       '23000', 'signed note is locked: it cannot be deleted');
CALL pg_temp.refused(format('DELETE FROM sessions WHERE id = %s', :draft_id),
                       '42501', 'a session with a note in progress can only be deleted by a therapist');
DELETE FROM sessions WHERE id = :booking_id;
INSERT INTO practice_holidays VALUES ('2026-12-25', 'Christmas');

RESET SESSION AUTHORIZATION;

-------------------------------------------------------------------------------------------------
\echo 'owner: the audit trail keeps the real accounts; the guards hold for the owner too'
SELECT pg_temp.check((SELECT actor = 'desk_sam' FROM audit_log WHERE id = :desk_audit_id),
                     'the actor of a front-desk entry is its login') \gset
INSERT INTO audit_log (at, actor, action, entity, detail)
VALUES ('2025-11-02T10:00:00', 'Mara (desktop, 2025)', 'create', 'client', 'moved from the practice file')
RETURNING actor AS owner_actor, written_in_tx AS owner_tx \gset
SELECT pg_temp.check(:'owner_actor' = 'Mara (desktop, 2025)', 'the owner''s copied entries keep their actor') \gset
-- Explicit ids, for moving a practice; then the identity moves past them.
INSERT INTO clients (id, family_name, given_name, search_key, activity, pressure_preference, created_at, updated_at)
VALUES (1000, 'Moved', 'Client', 'moved client', 'low', 'light', '2025-01-01T00:00:00', '2025-01-01T00:00:00');
SELECT setval(pg_get_serial_sequence('clients', 'id'), (SELECT max(id) FROM clients)) \gset
SELECT pg_temp.check((SELECT nextval(pg_get_serial_sequence('clients', 'id')) = 1001), 'the identity continues after the copied ids') \gset

CALL pg_temp.refused(format('UPDATE sessions SET subjective = %L WHERE id = %s', 'x', :signed_id),
                       '23000', 'signed note is locked: add an amendment instead');
CALL pg_temp.refused('UPDATE note_amendments SET text = ''x''', '23000', 'amendments are append-only');
CALL pg_temp.refused('DELETE FROM note_amendments', '23000', 'amendments are append-only');
CALL pg_temp.refused('TRUNCATE note_amendments', '23000', 'amendments are append-only');
CALL pg_temp.refused('UPDATE audit_log SET actor = ''x''', '23000', 'the audit trail cannot be changed');
CALL pg_temp.refused('DELETE FROM audit_log', '23000', 'the audit trail cannot be changed');
CALL pg_temp.refused('TRUNCATE audit_log CASCADE', '23000', 'the audit trail cannot be changed');
CALL pg_temp.refused('UPDATE audit_changes SET new_value = ''x''', '23000', 'the audit trail cannot be changed');
CALL pg_temp.refused('DELETE FROM audit_changes', '23000', 'the audit trail cannot be changed');
CALL pg_temp.refused('TRUNCATE audit_changes', '23000', 'the audit trail cannot be changed');
CALL pg_temp.refused(format('INSERT INTO audit_changes VALUES (%s, 5, %L, %L, %L)', :audit_id, 'phone', 'a', 'b'),
                       '23000', 'the audit trail cannot be changed: changes belong to the entry just written');
CALL pg_temp.refused('DELETE FROM clients', '23000', 'clients are archived, never deleted');
CALL pg_temp.refused('TRUNCATE clients CASCADE', '23000', NULL);
CALL pg_temp.refused('TRUNCATE sessions CASCADE', '23000', NULL);
CALL pg_temp.refused('TRUNCATE sessions, session_techniques, note_amendments', '23000', 'signed note is locked: it cannot be deleted');
CALL pg_temp.refused('UPDATE sessions SET starts_at = ends_at WHERE signed_at IS NULL', '23514', NULL);
CALL pg_temp.refused('UPDATE sessions SET signed_by = ''x'' WHERE signed_at IS NULL', '23514', NULL);
CALL pg_temp.refused('INSERT INTO assessments (client_id, assessed_on, chief_complaint, duration_weeks, pain_now, pain_best, pain_worst, created_at, updated_at) VALUES (1, ''x'', ''x'', 0, 11, 0, 0, ''x'', ''x'')',
                       '23514', NULL);
CALL pg_temp.refused('INSERT INTO session_techniques VALUES (424242, 0, ''x'', ''x'', ''x'', 1, 1)', '23503', NULL);

-- Byte order for dates and moments, whatever the locale.
SELECT pg_temp.check((SELECT bool_and(collation_name = 'C') FROM information_schema.columns
                      WHERE table_schema = current_schema()
                        AND column_name IN ('day', 'date_of_birth', 'consent_date', 'red_flags_screened_on', 'archived_on',
                                            'created_at', 'updated_at', 'assessed_on', 'onset_date', 'created_on',
                                            'start_date', 'start_time', 'starts_at', 'ends_at', 'signed_at',
                                            'written_at', 'at')),
                     'every date and time column is COLLATE "C"') \gset

-------------------------------------------------------------------------------------------------
\echo 'indexes: note search and client search at 20,000 rows'
-- Names of letters spread like real ones (made from md5), so that trigrams are as selective as
-- in a real client list.
INSERT INTO clients (family_name, given_name, search_key, activity, pressure_preference, phone, created_at, updated_at)
SELECT f, g, f || ' ' || g || ' 555' || lpad(n::text, 4, '0'), 'moderate', 'medium', '555-' || lpad(n::text, 4, '0'),
       '2026-01-01T00:00:00', '2026-01-01T00:00:00'
FROM generate_series(1, 20000) AS n,
     LATERAL (SELECT translate(substr(md5(n::text), 1, 9), '0123456789', 'klmnoprstu') AS f,
                     translate(substr(md5(n::text), 10, 7), '0123456789', 'klmnoprstu') AS g) AS name;
INSERT INTO sessions (client_id, starts_at, ends_at, status, subjective, objective, created_at, updated_at)
SELECT :client_id, '2025-' || lpad((1 + n % 12)::text, 2, '0') || '-10T09:00:00',
       '2025-' || lpad((1 + n % 12)::text, 2, '0') || '-10T10:00:00', 'completed',
       'word' || n || ' lumbar stiffness after gardening, term' || (n % 500), 'tender paraspinals level' || (n % 50),
       '2026-01-01T00:00:00', '2026-01-01T00:00:00'
FROM generate_series(1, 20000) AS n;
-- As autovacuum would, soon after a bulk load: GIN indexes take new rows into a pending list
-- first, which the planner rightly counts as slow to search until it is merged.
VACUUM ANALYZE clients;
VACUUM ANALYZE sessions;

CREATE FUNCTION pg_temp.plan_of(query text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
    plan text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN ' || query LOOP
        plan := plan || line || E'\n';
    END LOOP;
    RETURN plan;
END
$$;
SELECT pg_temp.plan_of($q$SELECT s.id FROM sessions s
                          WHERE s.notes_tsv @@ to_tsquery('knotwork_notes', 'word123:* & term12:*')
                          ORDER BY s.id DESC LIMIT 20$q$) AS plan \gset
\echo :plan
SELECT pg_temp.check(:'plan' LIKE '%Bitmap Index Scan on notes_fts%', 'note search uses the GIN index') \gset
SELECT pg_temp.plan_of($q$SELECT id FROM clients WHERE archived_on IS NULL
                          AND (search_key LIKE '%dropumk%' ESCAPE '\' OR search_key LIKE '%dropumk%' ESCAPE '\')
                          ORDER BY lower(family_name), lower(given_name), id LIMIT 50 OFFSET 0$q$) AS plan \gset
\echo :plan
SELECT pg_temp.check(:'plan' LIKE '%Bitmap Index Scan on clients_search%', 'client search uses the trigram index') \gset
SELECT pg_temp.plan_of($q$SELECT id, family_name, given_name, preferred_name, phone, date_of_birth, archived_on IS NOT NULL
                          FROM clients WHERE archived_on IS NULL
                          ORDER BY lower(family_name), lower(given_name), id LIMIT 50 OFFSET 100$q$) AS plan \gset
\echo :plan
SELECT pg_temp.check(:'plan' LIKE '%Index Scan using clients_list%', 'the client list pages along its index') \gset

-------------------------------------------------------------------------------------------------
\echo 'a second practice in the same database: roles and extensions already there'
CREATE SCHEMA knotwork_check_b;
SET search_path = knotwork_check_b;
BEGIN;
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
SET LOCAL client_min_messages = warning;
\ir ../../resources/migrations/postgresql/0001_initial.sql
\ir ../../resources/migrations/postgresql/0002_audit_changes.sql
\ir ../../resources/migrations/postgresql/0003_client_search_index.sql
INSERT INTO schema_migrations VALUES (1, '0001_initial', 'x'), (2, '0002_audit_changes', 'x'), (3, '0003_client_search_index', 'x');
COMMIT;
SET SESSION AUTHORIZATION desk_sam;
INSERT INTO clients (family_name, given_name, search_key, activity, pressure_preference, created_at, updated_at)
VALUES ('Berg', 'Jon', 'berg jon', 'low', 'light', '2026-03-05T09:00:00', '2026-03-05T09:00:00') RETURNING id AS b_client \gset
INSERT INTO sessions (client_id, starts_at, ends_at, status, created_at, updated_at)
VALUES (:b_client, '2026-03-06T09:00:00', '2026-03-06T10:00:00', 'booked', 'x', 'x') RETURNING id AS b_session \gset
CALL pg_temp.refused('SELECT subjective FROM sessions', '42501', NULL);
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION dr_mara;
UPDATE sessions SET subjective = 'Épaule droite' WHERE id = :b_session;
SELECT pg_temp.check((SELECT count(*) = 1 FROM sessions WHERE notes_tsv @@ to_tsquery('knotwork_notes', 'epaule:*')),
                     'note search in the second practice') \gset
SELECT pg_temp.check((SELECT count(*) = 1 FROM clients), 'the practices are apart') \gset
RESET SESSION AUTHORIZATION;

SET client_min_messages = warning;
DROP SCHEMA knotwork_check_a CASCADE;
DROP SCHEMA knotwork_check_b CASCADE;
\echo 'all checks passed'
