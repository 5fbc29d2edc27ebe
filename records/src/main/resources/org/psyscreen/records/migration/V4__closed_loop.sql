-- psyscreen records, schema 4: the closed loop. A case's owner and plan are people's events on it
-- (kind 'planned') with the owner, a staff code and never a name, and the next contact's date; the
-- parents' notice and acknowledgement are people's events too. Home visits (家访) are recorded per
-- student, with or without a case: every student is visited, flagged students first.

ALTER TABLE case_event ADD COLUMN owner TEXT;          -- a plan's owner: a staff code, never a name
ALTER TABLE case_event ADD COLUMN due_date TEXT;       -- a plan's next contact, when it sets one

CREATE TABLE home_visit (
    id ${bigint} NOT NULL PRIMARY KEY,
    student_id ${bigint} NOT NULL REFERENCES student (id),
    region TEXT NOT NULL,
    school TEXT NOT NULL,
    visit_date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('routine', 'special')),
    role TEXT NOT NULL,                                -- who visited, as a role; never a name
    recorded_at TEXT NOT NULL
);
CREATE INDEX home_visit_student ON home_visit (student_id);
CREATE INDEX home_visit_school ON home_visit (region, school, visit_date);
