-- Knotwork practice schema, version 1 (SQLite).
-- Dates are ISO text (YYYY-MM-DD); moments are UTC ISO text (YYYY-MM-DDTHH:MM:SS).
-- Enumerations are stored as their stable text codes.

CREATE TABLE practice_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE practice_holidays (
    day   TEXT PRIMARY KEY CHECK (length(day) = 10),
    label TEXT NOT NULL DEFAULT ''
);

CREATE TABLE clients (
    id                      INTEGER PRIMARY KEY,
    family_name             TEXT NOT NULL CHECK (length(trim(family_name)) > 0),
    given_name              TEXT NOT NULL CHECK (length(trim(given_name)) > 0),
    preferred_name          TEXT NOT NULL DEFAULT '',
    search_key              TEXT NOT NULL,
    date_of_birth           TEXT CHECK (date_of_birth IS NULL OR length(date_of_birth) = 10),
    phone                   TEXT NOT NULL DEFAULT '',
    email                   TEXT NOT NULL DEFAULT '',
    address                 TEXT NOT NULL DEFAULT '',
    emergency_contact_name  TEXT NOT NULL DEFAULT '',
    emergency_contact_phone TEXT NOT NULL DEFAULT '',
    referral_source         TEXT NOT NULL DEFAULT '',
    referring_physician     TEXT NOT NULL DEFAULT '',
    occupation              TEXT NOT NULL DEFAULT '',
    activity                TEXT NOT NULL,
    health_notes            TEXT NOT NULL DEFAULT '',
    allergies               TEXT NOT NULL DEFAULT '',
    pressure_preference     TEXT NOT NULL,
    sensitive_areas         TEXT NOT NULL DEFAULT '',
    consent_date            TEXT,
    red_flag_notes          TEXT NOT NULL DEFAULT '',
    referred_to             TEXT NOT NULL DEFAULT '',
    red_flags_screened_on   TEXT CHECK (red_flags_screened_on IS NULL OR length(red_flags_screened_on) = 10),
    archived_on             TEXT,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    version                 INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX clients_by_name ON clients (family_name COLLATE NOCASE, given_name COLLATE NOCASE);

CREATE TABLE client_conditions (
    client_id INTEGER NOT NULL REFERENCES clients (id),
    condition TEXT NOT NULL,
    PRIMARY KEY (client_id, condition)
) WITHOUT ROWID;

CREATE TABLE client_medications (
    client_id        INTEGER NOT NULL REFERENCES clients (id),
    position         INTEGER NOT NULL,
    medication_class TEXT NOT NULL,
    name             TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (client_id, position)
) WITHOUT ROWID;

-- The positive answers of the red-flag screen asked at intake (notes and referral on clients).
CREATE TABLE client_red_flags (
    client_id INTEGER NOT NULL REFERENCES clients (id),
    flag      TEXT NOT NULL,
    PRIMARY KEY (client_id, flag)
) WITHOUT ROWID;

CREATE TABLE assessments (
    id                  INTEGER PRIMARY KEY,
    client_id           INTEGER NOT NULL REFERENCES clients (id),
    assessed_on         TEXT NOT NULL,
    therapist           TEXT NOT NULL DEFAULT '',
    chief_complaint     TEXT NOT NULL,
    onset_date          TEXT,
    duration_weeks      INTEGER NOT NULL CHECK (duration_weeks >= 0),
    pain_now            INTEGER NOT NULL CHECK (pain_now BETWEEN 0 AND 10),
    pain_best           INTEGER NOT NULL CHECK (pain_best BETWEEN 0 AND 10),
    pain_worst          INTEGER NOT NULL CHECK (pain_worst BETWEEN 0 AND 10),
    aggravating_factors TEXT NOT NULL DEFAULT '',
    easing_factors      TEXT NOT NULL DEFAULT '',
    posture             TEXT NOT NULL DEFAULT '',
    range_of_motion     TEXT NOT NULL DEFAULT '',
    odi_1  INTEGER CHECK (odi_1 BETWEEN 0 AND 5),
    odi_2  INTEGER CHECK (odi_2 BETWEEN 0 AND 5),
    odi_3  INTEGER CHECK (odi_3 BETWEEN 0 AND 5),
    odi_4  INTEGER CHECK (odi_4 BETWEEN 0 AND 5),
    odi_5  INTEGER CHECK (odi_5 BETWEEN 0 AND 5),
    odi_6  INTEGER CHECK (odi_6 BETWEEN 0 AND 5),
    odi_7  INTEGER CHECK (odi_7 BETWEEN 0 AND 5),
    odi_8  INTEGER CHECK (odi_8 BETWEEN 0 AND 5),
    odi_9  INTEGER CHECK (odi_9 BETWEEN 0 AND 5),
    odi_10 INTEGER CHECK (odi_10 BETWEEN 0 AND 5),
    rmdq_items          TEXT CHECK (rmdq_items IS NULL OR length(rmdq_items) = 24),
    red_flag_notes      TEXT NOT NULL DEFAULT '',
    referred_to         TEXT NOT NULL DEFAULT '',
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX assessments_by_client ON assessments (client_id, assessed_on);

CREATE TABLE assessment_pain_map (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id),
    region        TEXT NOT NULL,
    side          TEXT NOT NULL,
    intensity     INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),
    quality       TEXT NOT NULL,
    PRIMARY KEY (assessment_id, region, side)
) WITHOUT ROWID;

CREATE TABLE assessment_palpation (
    assessment_id  INTEGER NOT NULL REFERENCES assessments (id),
    position       INTEGER NOT NULL,
    muscle         TEXT NOT NULL,
    side           TEXT NOT NULL,
    hypertonicity  INTEGER NOT NULL CHECK (hypertonicity BETWEEN 0 AND 3),
    tenderness     INTEGER NOT NULL CHECK (tenderness BETWEEN 0 AND 3),
    trigger_points INTEGER NOT NULL CHECK (trigger_points >= 0),
    adhesions      INTEGER NOT NULL CHECK (adhesions IN (0, 1)),
    note           TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, position)
) WITHOUT ROWID;

CREATE TABLE assessment_psfs (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id),
    position      INTEGER NOT NULL,
    activity      TEXT NOT NULL,
    rating        INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),
    PRIMARY KEY (assessment_id, position)
) WITHOUT ROWID;

CREATE TABLE assessment_red_flags (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id),
    flag          TEXT NOT NULL,
    PRIMARY KEY (assessment_id, flag)
) WITHOUT ROWID;

CREATE TABLE treatment_plans (
    id                      INTEGER PRIMARY KEY,
    client_id               INTEGER NOT NULL REFERENCES clients (id),
    created_on              TEXT NOT NULL,
    based_on_assessment     INTEGER REFERENCES assessments (id),
    status                  TEXT NOT NULL,
    status_reason           TEXT NOT NULL DEFAULT '',
    session_count           INTEGER NOT NULL CHECK (session_count BETWEEN 1 AND 52),
    frequency               TEXT NOT NULL,
    interval_days           INTEGER NOT NULL CHECK (interval_days BETWEEN 1 AND 60),
    session_minutes         INTEGER NOT NULL CHECK (session_minutes BETWEEN 15 AND 180),
    start_date              TEXT NOT NULL,
    start_time              TEXT NOT NULL,
    therapist               TEXT NOT NULL DEFAULT '',
    reassess_after_sessions INTEGER,
    notes                   TEXT NOT NULL DEFAULT '',
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    version                 INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX plans_by_client ON treatment_plans (client_id, created_on);
CREATE INDEX plans_by_status ON treatment_plans (status);

CREATE TABLE plan_goals (
    plan_id     INTEGER NOT NULL REFERENCES treatment_plans (id),
    position    INTEGER NOT NULL,
    description TEXT NOT NULL,
    measure     TEXT NOT NULL,
    baseline    REAL,
    target      REAL,
    PRIMARY KEY (plan_id, position)
) WITHOUT ROWID;

CREATE TABLE plan_techniques (
    plan_id   INTEGER NOT NULL REFERENCES treatment_plans (id),
    position  INTEGER NOT NULL,
    technique TEXT NOT NULL,
    rationale TEXT NOT NULL,
    PRIMARY KEY (plan_id, position)
) WITHOUT ROWID;

CREATE TABLE plan_regions (
    plan_id INTEGER NOT NULL REFERENCES treatment_plans (id),
    region  TEXT NOT NULL,
    side    TEXT NOT NULL,
    PRIMARY KEY (plan_id, region, side)
) WITHOUT ROWID;

CREATE TABLE plan_home_care (
    plan_id      INTEGER NOT NULL REFERENCES treatment_plans (id),
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    instructions TEXT NOT NULL,
    PRIMARY KEY (plan_id, position)
) WITHOUT ROWID;

-- An appointment and its SOAP note (one row: a note belongs to exactly one appointment).
CREATE TABLE sessions (
    id                INTEGER PRIMARY KEY,
    client_id         INTEGER NOT NULL REFERENCES clients (id),
    plan_id           INTEGER REFERENCES treatment_plans (id),
    series_number     INTEGER,
    series_of         INTEGER,
    starts_at         TEXT NOT NULL,
    ends_at           TEXT NOT NULL,
    therapist         TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL,
    status_reason     TEXT NOT NULL DEFAULT '',
    subjective        TEXT NOT NULL DEFAULT '',
    objective         TEXT NOT NULL DEFAULT '',
    assessment        TEXT NOT NULL DEFAULT '',
    plan_text         TEXT NOT NULL DEFAULT '',
    pain_before       INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after        INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    adverse_reactions TEXT NOT NULL DEFAULT '',
    signed_by         TEXT,
    signed_at         TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    CHECK (ends_at > starts_at),
    CHECK ((signed_by IS NULL) = (signed_at IS NULL))
);
CREATE INDEX sessions_by_client ON sessions (client_id, starts_at);
CREATE INDEX sessions_by_start ON sessions (starts_at);
CREATE INDEX sessions_by_plan ON sessions (plan_id, series_number);

CREATE TABLE session_techniques (
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    position   INTEGER NOT NULL,
    technique  TEXT NOT NULL,
    region     TEXT NOT NULL,
    side       TEXT NOT NULL,
    pressure   INTEGER NOT NULL CHECK (pressure BETWEEN 1 AND 10),
    minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 180),
    PRIMARY KEY (session_id, position)
) WITHOUT ROWID;

CREATE TABLE note_amendments (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    author     TEXT NOT NULL,
    written_at TEXT NOT NULL,
    reason     TEXT NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX amendments_by_session ON note_amendments (session_id);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    client_id INTEGER,
    detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_by_client ON audit_log (client_id);

-- A signed note is locked for good: the database itself refuses to change or delete it, its
-- techniques or its amendments, whoever asks.
CREATE TRIGGER signed_note_no_update BEFORE UPDATE ON sessions
WHEN OLD.signed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'signed note is locked: add an amendment instead');
END;

CREATE TRIGGER signed_note_no_delete BEFORE DELETE ON sessions
WHEN OLD.signed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'signed note is locked: it cannot be deleted');
END;

CREATE TRIGGER signed_techniques_no_insert BEFORE INSERT ON session_techniques
WHEN (SELECT signed_at FROM sessions WHERE id = NEW.session_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'signed note is locked: its techniques cannot change');
END;

CREATE TRIGGER signed_techniques_no_update BEFORE UPDATE ON session_techniques
WHEN (SELECT signed_at FROM sessions WHERE id = OLD.session_id) IS NOT NULL
  OR (SELECT signed_at FROM sessions WHERE id = NEW.session_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'signed note is locked: its techniques cannot change');
END;

CREATE TRIGGER signed_techniques_no_delete BEFORE DELETE ON session_techniques
WHEN (SELECT signed_at FROM sessions WHERE id = OLD.session_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'signed note is locked: its techniques cannot change');
END;

CREATE TRIGGER amendments_only_on_signed BEFORE INSERT ON note_amendments
WHEN (SELECT signed_at FROM sessions WHERE id = NEW.session_id) IS NULL
BEGIN
    SELECT RAISE(ABORT, 'only a signed note takes amendments');
END;

CREATE TRIGGER amendments_no_update BEFORE UPDATE ON note_amendments
BEGIN
    SELECT RAISE(ABORT, 'amendments are append-only');
END;

CREATE TRIGGER amendments_no_delete BEFORE DELETE ON note_amendments
BEGIN
    SELECT RAISE(ABORT, 'amendments are append-only');
END;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;

-- Clients are archived, never deleted.
CREATE TRIGGER clients_no_delete BEFORE DELETE ON clients
BEGIN
    SELECT RAISE(ABORT, 'clients are archived, never deleted');
END;

-- Full-text search over every note and amendment.
CREATE VIRTUAL TABLE notes_fts USING fts5 (
    subjective, objective, assessment, plan_text, adverse_reactions,
    content = 'sessions', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER notes_fts_insert AFTER INSERT ON sessions BEGIN
    INSERT INTO notes_fts (rowid, subjective, objective, assessment, plan_text, adverse_reactions)
    VALUES (NEW.id, NEW.subjective, NEW.objective, NEW.assessment, NEW.plan_text, NEW.adverse_reactions);
END;

CREATE TRIGGER notes_fts_delete AFTER DELETE ON sessions BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, subjective, objective, assessment, plan_text, adverse_reactions)
    VALUES ('delete', OLD.id, OLD.subjective, OLD.objective, OLD.assessment, OLD.plan_text, OLD.adverse_reactions);
END;

CREATE TRIGGER notes_fts_update AFTER UPDATE OF subjective, objective, assessment, plan_text, adverse_reactions ON sessions BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, subjective, objective, assessment, plan_text, adverse_reactions)
    VALUES ('delete', OLD.id, OLD.subjective, OLD.objective, OLD.assessment, OLD.plan_text, OLD.adverse_reactions);
    INSERT INTO notes_fts (rowid, subjective, objective, assessment, plan_text, adverse_reactions)
    VALUES (NEW.id, NEW.subjective, NEW.objective, NEW.assessment, NEW.plan_text, NEW.adverse_reactions);
END;

CREATE VIRTUAL TABLE amendments_fts USING fts5 (
    reason, text,
    content = 'note_amendments', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER amendments_fts_insert AFTER INSERT ON note_amendments BEGIN
    INSERT INTO amendments_fts (rowid, reason, text) VALUES (NEW.id, NEW.reason, NEW.text);
END;
