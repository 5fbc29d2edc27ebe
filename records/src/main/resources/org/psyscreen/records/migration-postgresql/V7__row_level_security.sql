-- psyscreen records on PostgreSQL only, schema 7: who may read which rows, enforced by the database.
-- Principals are the server's own login roles, registered in `principal` by the store's owner
-- (RecordStore.grant / records grant): a school's login reads its own school's rows, a region's login
-- its schools' rows, the province's login the crisis_case view (the most severe tier, no student) and
-- nothing of answers, scores or norms. Row-level security filters every table holding students' rows by the
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

-- The connection's login as a principal: its region, and the schools it may read (its own, or every
-- school of its region the store holds); NULL for anyone not registered, and for the province, which
-- reads only the crisis_case view below. SECURITY DEFINER reads `principal` (and, for a
-- region, the schools), which principals cannot; session_user is the login the connection was opened
-- as (SET ROLE cannot change it). The policies call them in scalar subqueries: each runs once per
-- query, and the (region, school) indexes serve the comparison, so a school's query starts from its
-- own rows (measured by benchmarks' RecordsAccess).
CREATE FUNCTION psyscreen_region() RETURNS TEXT
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT p.region FROM public.principal p WHERE p.login = session_user AND p.level IN ('school', 'region') $$;
CREATE FUNCTION psyscreen_schools() RETURNS TEXT[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT CASE p.level WHEN 'school' THEN ARRAY[p.school] ELSE ARRAY(
        SELECT school FROM public.screening WHERE region = p.region
        UNION SELECT school FROM public.roster_entry WHERE region = p.region
        UNION SELECT school FROM public.warning_case WHERE region = p.region
        UNION SELECT school FROM public.case_report WHERE region = p.region
        UNION SELECT school FROM public.home_visit WHERE region = p.region) END
        FROM public.principal p WHERE p.login = session_user AND p.level IN ('school', 'region') $$;
-- Tables whose rows name their school.
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['screening', 'warning_case', 'case_report', 'home_visit', 'roster_import', 'roster_entry']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY principal_reads ON %I FOR SELECT USING (region = (SELECT psyscreen_region())'
            ' AND school = ANY (CAST((SELECT psyscreen_schools()) AS TEXT[])))', t);
    END LOOP;
END $$;
-- The province reads the crisis cases (the most severe tier) of every school through this view, which
-- names no student, and nothing else. A view, not a second policy on warning_case: permissive
-- policies are OR-ed, and the OR would keep every school's query off the (region, school) index.
CREATE VIEW crisis_case WITH (security_barrier) AS
    SELECT region, school, grade, policy_id, tier, state, opened_wave, last_wave, source, updated_at
    FROM warning_case WHERE tier_rank = 0;

-- Tables whose rows hang on a screening or a case, and the pseudonyms: visible with a row above (each
-- probe goes through that row's policy).
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['form_result', 'scale_score', 'norm_result', 'decision']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY principal_reads ON %I FOR SELECT'
            ' USING (EXISTS (SELECT 1 FROM screening s WHERE s.id = screening_id))', t);
    END LOOP;
END $$;
ALTER TABLE case_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY principal_reads ON case_event FOR SELECT
    USING (EXISTS (SELECT 1 FROM warning_case c WHERE c.id = case_id));
ALTER TABLE case_assessment ENABLE ROW LEVEL SECURITY;
CREATE POLICY principal_reads ON case_assessment FOR SELECT
    USING (EXISTS (SELECT 1 FROM warning_case c WHERE c.student_id = case_assessment.student_id));
ALTER TABLE student ENABLE ROW LEVEL SECURITY;
CREATE POLICY principal_reads ON student FOR SELECT USING (
    EXISTS (SELECT 1 FROM screening s WHERE s.student_id = student.id)
    OR EXISTS (SELECT 1 FROM roster_entry r WHERE r.student_id = student.id)
    OR EXISTS (SELECT 1 FROM warning_case c WHERE c.student_id = student.id)
    OR EXISTS (SELECT 1 FROM case_report r WHERE r.student_id = student.id)
    OR EXISTS (SELECT 1 FROM home_visit h WHERE h.student_id = student.id));

-- The tables a principal may read: students' rows through the policies above, and the waves and
-- reliabilities, which name no student. Nothing else (runs, the audit log, principals, retention) and
-- no write at all (the schema history too, read-only). A function, so that RecordStore.grant applies it again once an administrator has
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
        GRANT SELECT ON crisis_case, wave TO psyscreen_province;
    END IF;
    -- the schema's version, so that psyscreen itself can open the store as a principal (and refuse
    -- to when the schema is older or newer than it knows)
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'psyscreen_school') THEN
        GRANT SELECT ON flyway_schema_history TO psyscreen_school;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'psyscreen_region') THEN
        GRANT SELECT ON flyway_schema_history TO psyscreen_region;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'psyscreen_province') THEN
        GRANT SELECT ON flyway_schema_history TO psyscreen_province;
    END IF;
END $$;
REVOKE ALL ON FUNCTION psyscreen_grant_reads() FROM PUBLIC;
SELECT psyscreen_grant_reads();
