-- psyscreen records, schema 6: how long the store keeps a student after they leave school. A
-- student leaves when nothing new is recorded of them (no screening, no roster place, no case step,
-- report, assessment or visit) and no case of theirs is open; `records purge` deletes the students
-- whose last such school year lies more than years_after_leaving school years back. At most one row.

CREATE TABLE store_retention (
    years_after_leaving INTEGER NOT NULL CHECK (years_after_leaving BETWEEN 0 AND 30),
    set_at TEXT NOT NULL,
    set_by TEXT NOT NULL                      -- a staff or operator code, as the audit log writes it
);
