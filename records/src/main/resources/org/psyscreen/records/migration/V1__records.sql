-- psyscreen records, schema 1, for SQLite and PostgreSQL alike. They differ only in two types, which
-- RecordStore fills in as Flyway placeholders: bigint is INTEGER on SQLite (a primary key is then the
-- rowid) and BIGINT on PostgreSQL; double is REAL on SQLite and DOUBLE PRECISION on PostgreSQL.
-- Students are pseudonymous tokens (HMAC of the id); no name, raw id or answer is stored.

CREATE TABLE store_info (
    key_id TEXT NOT NULL                      -- the pseudonym key's public id: every import must match
);

CREATE TABLE wave (
    id ${bigint} NOT NULL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,                -- e.g. 2026-autumn
    school_year TEXT NOT NULL,                -- e.g. 2026-2027 (the school year starts in September)
    term INTEGER NOT NULL CHECK (term IN (1, 2)),
    first_test_date TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE import_run (
    id ${bigint} NOT NULL PRIMARY KEY,
    wave_id ${bigint} NOT NULL REFERENCES wave (id),
    input_sha256 TEXT NOT NULL,
    policy TEXT NOT NULL,                     -- id@version, or '' for research scoring
    policy_sha256 TEXT NOT NULL,
    records_in INTEGER NOT NULL,
    records_stored INTEGER NOT NULL,
    records_without_id INTEGER NOT NULL,
    engine_version TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (wave_id, input_sha256, policy)
);

CREATE TABLE student (
    id ${bigint} NOT NULL PRIMARY KEY,
    token TEXT NOT NULL UNIQUE
);

CREATE TABLE screening (
    id ${bigint} NOT NULL PRIMARY KEY,
    wave_id ${bigint} NOT NULL REFERENCES wave (id),
    student_id ${bigint} NOT NULL REFERENCES student (id),
    input_sha256 TEXT NOT NULL,
    record_no INTEGER NOT NULL,
    region TEXT NOT NULL,
    school TEXT NOT NULL,
    class TEXT NOT NULL,
    grade TEXT NOT NULL,
    sex TEXT NOT NULL,
    test_date TEXT,
    problems TEXT NOT NULL,                   -- codes and columns, never values
    UNIQUE (wave_id, input_sha256, record_no)
);
CREATE INDEX screening_student ON screening (student_id);
CREATE INDEX screening_scope ON screening (region, school, wave_id);

CREATE TABLE form_result (
    screening_id ${bigint} NOT NULL REFERENCES screening (id),
    instrument TEXT NOT NULL,                 -- id
    instrument_key TEXT NOT NULL,             -- id@version
    definition_sha256 TEXT NOT NULL,
    status TEXT NOT NULL,
    reasons TEXT NOT NULL,
    critical TEXT NOT NULL,                   -- item=STATE ...
    PRIMARY KEY (screening_id, instrument)
);

CREATE TABLE scale_score (
    screening_id ${bigint} NOT NULL REFERENCES screening (id),
    instrument TEXT NOT NULL,
    scale TEXT NOT NULL,
    value ${double},                               -- NULL: not scored
    PRIMARY KEY (screening_id, instrument, scale)
);

CREATE TABLE norm_result (
    screening_id ${bigint} NOT NULL REFERENCES screening (id),
    norm_table TEXT NOT NULL,                 -- id
    table_key TEXT NOT NULL,                  -- id@version
    status TEXT NOT NULL,
    t ${double},
    percentile ${double},
    PRIMARY KEY (screening_id, norm_table)
);

CREATE TABLE decision (
    id ${bigint} NOT NULL PRIMARY KEY,
    screening_id ${bigint} NOT NULL REFERENCES screening (id),
    policy TEXT NOT NULL,                     -- id@version
    policy_sha256 TEXT NOT NULL,
    tier TEXT,                                -- NULL: no risk identified
    tier_rank INTEGER NOT NULL,               -- 0 = most severe tier; the number of tiers = none
    undetermined INTEGER NOT NULL,            -- 1: rules unevaluated and no tier reached (never "no risk")
    follow_ups TEXT NOT NULL,
    explanation TEXT NOT NULL,                -- JSON: fired rules with what they read, unevaluated rules
    engine_version TEXT NOT NULL,
    import_id ${bigint} NOT NULL REFERENCES import_run (id),
    UNIQUE (screening_id, policy)
);

CREATE TABLE scale_reliability (
    instrument_key TEXT NOT NULL,
    scale TEXT NOT NULL,
    coefficient ${double} NOT NULL,
    kind TEXT NOT NULL,
    sd ${double} NOT NULL,
    source TEXT NOT NULL,                     -- the definition's citation id
    citation TEXT NOT NULL,
    sample TEXT NOT NULL,
    PRIMARY KEY (instrument_key, scale)
);

CREATE TABLE warning_case (
    id ${bigint} NOT NULL PRIMARY KEY,
    student_id ${bigint} NOT NULL REFERENCES student (id),
    region TEXT NOT NULL,
    school TEXT NOT NULL,
    grade TEXT NOT NULL,                      -- at the latest screening that flagged the case
    policy_id TEXT NOT NULL,
    tier TEXT NOT NULL,
    tier_rank INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'monitoring', 'closed')),
    opened_wave TEXT NOT NULL,
    last_wave TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX warning_case_student ON warning_case (student_id);
CREATE INDEX warning_case_scope ON warning_case (region, school, state);

CREATE TABLE case_event (
    id ${bigint} NOT NULL PRIMARY KEY,
    case_id ${bigint} NOT NULL REFERENCES warning_case (id),
    kind TEXT NOT NULL,
    event_date TEXT NOT NULL,
    role TEXT NOT NULL,
    outcome TEXT NOT NULL,                    -- a short code, never free text (no names)
    recorded_at TEXT NOT NULL
);
CREATE INDEX case_event_case ON case_event (case_id);

CREATE TABLE deletion_log (
    id ${bigint} NOT NULL PRIMARY KEY,
    what TEXT NOT NULL,                       -- 'student' or 'waves before <school year>'; never a token
    rows_deleted INTEGER NOT NULL,
    deleted_at TEXT NOT NULL
);
