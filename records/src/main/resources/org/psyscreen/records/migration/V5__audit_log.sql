-- psyscreen records, schema 5: who did what, when. Every write appends one entry in its own
-- transaction: when, which principal in which role, what, in which scope, on which pseudonym (never a
-- name or an answer), and a short detail of codes and counts. Each entry carries the SHA-256 of the
-- previous entry's hash and its own fields, so a changed, removed or reordered entry breaks the chain.
-- Deleting a student blanks their pseudonym in the log and seals the chain again from there, with an
-- entry saying so (deleted means gone from the bytes; nothing of the pseudonym, not even a digest, stays).

CREATE TABLE audit_log (
    id ${bigint} NOT NULL PRIMARY KEY,
    at TEXT NOT NULL,
    principal TEXT NOT NULL,                  -- who: a staff or operator code, never a student's name
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    scope TEXT NOT NULL,
    subject TEXT NOT NULL,                    -- the student's pseudonym, or ''; blanked when the student is deleted
    detail TEXT NOT NULL,                     -- codes and counts, never free text
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject);
