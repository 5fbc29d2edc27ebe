-- psyscreen records on PostgreSQL only, schema 7: who may read which rows, enforced by the database.
-- Principals are the server's own login roles, registered in `principal` by the store's owner
-- (RecordStore.grant / records grant): a school's login reads its own school's rows, a region's login
-- its schools' rows, the province's login the crisis cases (the most severe tier) and nothing of
-- answers, scores or norms. Row-level security filters every table holding students' rows by the
-- login (session_user) the connection was opened as; a principal is granted SELECT only, so every
-- write is refused. The store's owner (who runs imports and case work) is not filtered. SQLite has no
-- users: there the file is the boundary (PSY-3201).

CREATE TABLE principal (
    login TEXT NOT NULL PRIMARY KEY,          -- a login role of the server
    level TEXT NOT NULL CHECK (level IN ('school', 'region', 'province')),
    region TEXT NOT NULL,                     -- '' for the province
    school TEXT NOT NULL,                     -- '' unless a school
    granted_at TEXT NOT NULL,
    granted_by TEXT NOT NULL
);
REVOKE ALL ON principal FROM PUBLIC;

-- The three group roles a principal's login is made a member of. Creating roles needs CREATEROLE; an
-- owner without it gets the policies but no roles, so no principal can be granted until a server
-- administrator creates them (records grant says so).
DO $$
BEGIN
    IF (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'psyscreen_school') THEN
            CREATE ROLE psyscreen_school NOLOGIN;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'psyscreen_region') THEN
            CREATE ROLE psyscreen_region NOLOGIN;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'psyscreen_province') THEN
            CREATE ROLE psyscreen_province NOLOGIN;
        END IF;
    END IF;
END $$;

-- Whether the connection's login may read rows of (region, school); false for anyone not registered.
-- SECURITY DEFINER reads `principal`, which principals cannot; session_user is the login the
-- connection was opened as (SET ROLE cannot change it).
CREATE FUNCTION psyscreen_sees(row_region TEXT, row_school TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT EXISTS (SELECT 1 FROM public.principal p WHERE p.login = session_user
        AND ((p.level = 'school' AND p.region = row_region AND p.school = row_school)
          OR (p.level = 'region' AND p.region = row_region))) $$;

CREATE FUNCTION psyscreen_is_province() RETURNS BOOLEAN
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT EXISTS (SELECT 1 FROM public.principal p WHERE p.login = session_user AND p.level = 'province') $$;

ALTER TABLE screening ENABLE ROW LEVEL SECURITY;
CREATE POLICY principal_reads ON screening FOR SELECT USING (psyscreen_sees(region, school));

ALTER TABLE form_result ENABLE ROW LEVEL SECURITY;
CREATE POLICY principal_reads ON form_result FOR SELECT
    USING (EXISTS (SELECT 1 FROM screening s WHERE s.id = screening_id));
ALTER TABLE scale_score ENABLE ROW LEVEL SECURITY;
CREATE POLICY principal_reads ON scale_score FOR SELECT
    USING (EXISTS (SELECT 1 FROM screening s WHERE s.id = screening_id));
ALTER TABLE norm_result ENABLE ROW LEVEL SECURITY;
CREATE POLICY principal_reads ON norm_result FOR SELECT
    USING (EXISTS (SELECT 1 FROM screening s WHERE s.id = screening_id));
ALTER TABLE decision ENABLE ROW LEVEL SECURITY;
CREATE POLICY principal_reads ON decision FOR SELECT
    USING (EXISTS (SELECT 1 FROM screening s WHERE s.id = screening_id));

ALTER TABLE warning_case ENABLE ROW LEVEL SECURITY;
CREATE POLICY principal_reads ON warning_case FOR SELECT
    USING (psyscreen_sees(region, school) OR (tier_rank = 0 AND psyscreen_is_province()));
ALTER TABLE case_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY principal_reads ON case_event FOR SELECT
    USING (EXISTS (SELECT 1 FROM warning_case c WHERE c.id = case_id AND psyscreen_sees(c.region, c.school)));
ALTER TABLE case_report ENABLE ROW LEVEL SECURITY;
CREATE POLICY principal_reads ON case_report FOR SELECT USING (psyscreen_sees(region, school));
ALTER TABLE case_assessment ENABLE ROW LEVEL SECURITY;
CREATE POLICY principal_reads ON case_assessment FOR SELECT
    USING (EXISTS (SELECT 1 FROM warning_case c WHERE c.student_id = case_assessment.student_id
        AND psyscreen_sees(c.region, c.school)));
ALTER TABLE home_visit ENABLE ROW LEVEL SECURITY;
CREATE POLICY principal_reads ON home_visit FOR SELECT USING (psyscreen_sees(region, school));
ALTER TABLE roster_import ENABLE ROW LEVEL SECURITY;
CREATE POLICY principal_reads ON roster_import FOR SELECT USING (psyscreen_sees(region, school));
ALTER TABLE roster_entry ENABLE ROW LEVEL SECURITY;
CREATE POLICY principal_reads ON roster_entry FOR SELECT USING (psyscreen_sees(region, school));

-- A pseudonym is visible where one of the student's rows is.
ALTER TABLE student ENABLE ROW LEVEL SECURITY;
CREATE POLICY principal_reads ON student FOR SELECT USING (
    EXISTS (SELECT 1 FROM screening s WHERE s.student_id = student.id)
    OR EXISTS (SELECT 1 FROM roster_entry r WHERE r.student_id = student.id)
    OR EXISTS (SELECT 1 FROM warning_case c WHERE c.student_id = student.id AND psyscreen_sees(c.region, c.school))
    OR EXISTS (SELECT 1 FROM case_report r WHERE r.student_id = student.id)
    OR EXISTS (SELECT 1 FROM home_visit h WHERE h.student_id = student.id));

-- The tables a principal may read: students' rows through the policies above, and the waves and
-- reliabilities, which name no student. Nothing else (runs, the audit log, principals, retention) and
-- no write at all. A function, so that RecordStore.grant applies it again once an administrator has
-- created roles the owner could not.
CREATE FUNCTION psyscreen_grant_reads() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'psyscreen_school') THEN
        GRANT SELECT ON screening, form_result, scale_score, norm_result, decision, warning_case, case_event,
            case_report, case_assessment, home_visit, roster_import, roster_entry, student, wave,
            scale_reliability TO psyscreen_school;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'psyscreen_region') THEN
        GRANT SELECT ON screening, form_result, scale_score, norm_result, decision, warning_case, case_event,
            case_report, case_assessment, home_visit, roster_import, roster_entry, student, wave,
            scale_reliability TO psyscreen_region;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'psyscreen_province') THEN
        GRANT SELECT ON warning_case, wave TO psyscreen_province;
    END IF;
END $$;
REVOKE ALL ON FUNCTION psyscreen_grant_reads() FROM PUBLIC;
SELECT psyscreen_grant_reads();
