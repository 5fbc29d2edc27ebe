-- psyscreen records, schema 2: a school's roster for a wave, so that coverage (who was screened, who
-- was not, who was screened without being on the roster) can be counted. Students are the same keyed
-- tokens as the screenings'; names never enter the store (a school keeps them in its own roster file).

CREATE TABLE roster_import (
    id ${bigint} NOT NULL PRIMARY KEY,
    wave_id ${bigint} NOT NULL REFERENCES wave (id),
    region TEXT NOT NULL,
    school TEXT NOT NULL,
    input_sha256 TEXT NOT NULL,
    students INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (wave_id, region, school)          -- a school's roster for a wave is replaced, never doubled
);

CREATE TABLE roster_entry (
    roster_id ${bigint} NOT NULL REFERENCES roster_import (id),
    student_id ${bigint} NOT NULL REFERENCES student (id),
    region TEXT NOT NULL,
    school TEXT NOT NULL,
    grade TEXT NOT NULL,
    class TEXT NOT NULL,
    dormitory TEXT NOT NULL,                  -- '' when the school has none
    attributes TEXT NOT NULL,                 -- declared attributes, name=yes|no ... (e.g. left_behind=yes)
    PRIMARY KEY (roster_id, student_id)
);
CREATE INDEX roster_entry_student ON roster_entry (student_id);
CREATE INDEX roster_entry_scope ON roster_entry (region, school);
