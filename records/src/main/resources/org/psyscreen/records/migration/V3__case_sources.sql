-- psyscreen records, schema 3: warning cases from every source, and a counsellor's assessment.
-- A case is opened by a screening or by a report (a teacher's, a peer's 心理委员, a parent's, a
-- counsellor's observation, the student's own); a counsellor's second-stage assessment confirms,
-- raises or lowers its tier. Both are facts the case is replayed from, as screenings are; the
-- screening's decision is never overwritten.

ALTER TABLE warning_case ADD COLUMN source TEXT NOT NULL DEFAULT 'screening';
ALTER TABLE warning_case ADD COLUMN screened_tier TEXT NOT NULL DEFAULT '';
UPDATE warning_case SET screened_tier = tier;

CREATE TABLE case_report (
    id ${bigint} NOT NULL PRIMARY KEY,
    student_id ${bigint} NOT NULL REFERENCES student (id),
    region TEXT NOT NULL,
    school TEXT NOT NULL,
    grade TEXT NOT NULL,
    policy_id TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('teacher', 'peer', 'parent', 'counsellor', 'self')),
    tier TEXT NOT NULL,
    tier_rank INTEGER NOT NULL,
    report_date TEXT NOT NULL,
    role TEXT NOT NULL,                       -- who recorded it, as a role; never a name
    recorded_at TEXT NOT NULL
);
CREATE INDEX case_report_student ON case_report (student_id);

CREATE TABLE case_assessment (
    id ${bigint} NOT NULL PRIMARY KEY,
    student_id ${bigint} NOT NULL REFERENCES student (id),
    policy_id TEXT NOT NULL,
    tier TEXT NOT NULL,                       -- the assessed tier: it drives the case from then on
    tier_rank INTEGER NOT NULL,
    reason TEXT NOT NULL,                     -- a short code, never free text
    assessed_on TEXT NOT NULL,
    role TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX case_assessment_student ON case_assessment (student_id);
