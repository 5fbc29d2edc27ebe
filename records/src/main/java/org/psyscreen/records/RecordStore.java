package org.psyscreen.records;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.flywaydb.core.api.FlywayException;
import org.psyscreen.load.Bundle;

/**
 * The records store: one SQLite file ({@code school.db}) or a PostgreSQL database
 * ({@code jdbc:postgresql://host/db?user=…}), its schema migrated by Flyway when opened. Every
 * write is one transaction: an import either lands whole or leaves the store as it was (also when
 * the process is killed), and two imports at once are serialised. A store written by a newer
 * psyscreen is refused, never downgraded.
 *
 * <p>Students are the pseudonymous tokens of the scored run (HMAC with the run's key); a run scored
 * without a key is refused, and every import into one store must use the same key. Methods are
 * synchronised: one store may be shared by threads, one operation at a time.
 */
public final class RecordStore implements AutoCloseable {
    /** Rows between JDBC batch flushes on import. */
    static final int BATCH = 2_000;

    private final Connection connection;
    private final Dialect dialect;
    private final Clock clock;
    private final String label;

    /** The thread whose {@link RecordsSink} holds the write transaction open across calls, or null. */
    private Thread importing;

    /** The two databases the store runs on. */
    enum Dialect {
        SQLITE,
        POSTGRESQL;

        /** The column types the one schema leaves open (V1__records.sql's placeholders). */
        Map<String, String> types() {
            return this == SQLITE
                    ? Map.of("bigint", "INTEGER", "double", "REAL")
                    : Map.of("bigint", "BIGINT", "double", "DOUBLE PRECISION");
        }

        /**
         * {@return where Flyway finds the schema}: one folder for both, and PostgreSQL's own for access
         * enforced by the server (roles and row-level security; SQLite has no users)
         */
        String[] migrations() {
            return this == SQLITE
                    ? new String[] {"classpath:org/psyscreen/records/migration"}
                    : new String[] {
                        "classpath:org/psyscreen/records/migration",
                        "classpath:org/psyscreen/records/migration-postgresql"
                    };
        }
    }

    RecordStore(Connection connection, Dialect dialect, Clock clock, String label) {
        this.connection = connection;
        this.dialect = dialect;
        this.clock = clock;
        this.label = label;
    }

    /**
     * Opens (and creates or migrates) a store: a file path (SQLite, created when absent) or a JDBC
     * URL ({@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}, user and password in the URL).
     *
     * @param location a SQLite file path, or a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL
     * @return the open store
     * @throws RecordStoreException when it cannot be opened, is not a psyscreen store, or is damaged
     */
    public static RecordStore open(String location) {
        return open(location, Clock.systemUTC());
    }

    /**
     * {@return {@link #open(String)} with the clock that stamps imports and events}
     *
     * @param location as for {@link #open(String)}
     * @param clock the clock that stamps imports and events
     * @throws RecordStoreException as for {@link #open(String)}
     */
    public static RecordStore open(String location, Clock clock) {
        return StoreOpening.open(location, clock);
    }

    /**
     * Opens a store for a principal: every call is held to the principal's scope (a school its school, a
     * region its region, the province the upward report and the district form only), and what only the
     * store's owner may do (imports, grants, purges, key rotation, checking the whole audit log) is
     * refused. On PostgreSQL the location's login must be the principal's, and the database enforces the
     * same (row-level security, schema 7): the principal reads only. On SQLite the file is the boundary:
     * the same calls run, and a school or region principal may record case work in its scope.
     *
     * @param location as for {@link #open(String)}; on PostgreSQL with the principal's login as the user
     * @param principal who opens it
     * @return the open store, bound to the principal
     * @throws RecordStoreException as for {@link #open(String)}; PSY-3211 when the PostgreSQL login is not
     *     the principal's
     */
    public static RecordStore open(String location, Principal principal) {
        java.util.Objects.requireNonNull(principal, "principal");
        RecordStore store = open(location);
        try {
            if (store.dialect == Dialect.POSTGRESQL) {
                String login = store.read(() ->
                        (String) store.rows("SELECT session_user", List.of()).get(0)[0]);
                if (!principal.login().equals(login)) {
                    throw new RecordStoreException(org.psyscreen.diagnostic.ProblemCode.PRINCIPAL_NOT_CONNECTED.id()
                            + " the connection's login is not principal " + principal.login()
                            + "'s: give the principal's login as the location's user");
                }
            }
            store.bound = principal;
            store.principal = principal.login(); // the audit log names the login, unless actingAs names staff
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The principal the store was opened for, or {@code null} for its owner. */
    private volatile Principal bound;

    /** {@return the principal the store was opened for, or empty for its owner} */
    public java.util.Optional<Principal> openedFor() {
        return java.util.Optional.ofNullable(bound);
    }

    /** Refuses a scope outside the principal the store was opened for (PSY-3209). */
    private void within(Scope scope, boolean provinceMay) {
        Principal p = bound;
        if (p == null || (p.covers(scope) && (provinceMay || p.level() != Principal.Level.PROVINCE))) {
            return;
        }
        throw new RecordStoreException(org.psyscreen.diagnostic.ProblemCode.PRINCIPAL_SCOPE.id() + " "
                + p.level().word() + " principal " + p.login() + " may not ask for " + scope
                + (p.level() == Principal.Level.PROVINCE
                        ? ": the province reads the upward report and the district form"
                        : ": it reads and records in " + p.scope() + " only")
                + "; nothing was read or changed");
    }

    /** Refuses what only the store's owner does to a store opened for a principal (PSY-3210). */
    private void ownerOnly(String what) {
        Principal p = bound;
        if (p != null) {
            throw new RecordStoreException(org.psyscreen.diagnostic.ProblemCode.PRINCIPAL_OWNER_ONLY.id() + " "
                    + what + " is the store owner's, not " + p.level().word() + " principal " + p.login()
                    + "'s: open the store without a principal as its owner; nothing was read or changed");
        }
    }

    /** A driver's message, trimmed to its first line (drivers never echo row values here). */
    static String reason(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t instanceof FlywayException)) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (m.contains("SQLITE_NOTADB") || m.contains("file is not a database")) {
            return "not a database (damaged, or not a SQLite file)";
        }
        if (m.contains("SQLITE_FULL") || m.contains("disk is full") || m.contains("No space left")) {
            return "the disk (or the database's size limit) is full";
        }
        if (m.contains("SQLITE_CORRUPT")) {
            return "the database file is damaged";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Imports the folder {@code psyscreen score} wrote (its {@code summary.json} and the audit trail
     * {@code scores.jsonl}) as one wave. One transaction; the same input under the same policy in the
     * same wave adds nothing; the same input under another policy version adds its decisions beside
     * the old ones (a re-decision) and leaves the warning cases as they were decided.
     *
     * @param runDir the folder {@code score} wrote
     * @param wave the wave (its school year and term are read from the test dates when not given)
     * @param bundle where the run's instruments and policy are found (for tier order and reliabilities)
     * @param progress called with the records read so far, every few thousand
     *
     * @return what the import added
     * @throws RecordStoreException when the run is refused; nothing of it is kept
     */
    public synchronized ImportResult importRun(Path runDir, Wave wave, Bundle bundle, LongConsumer progress) {
        ownerOnly("an import");
        RunImporter importer = new RunImporter(this, wave, bundle, progress);
        return write(() -> {
            ImportResult r = importer.folder(runDir);
            audit(OPERATOR, "import", Scope.everything(), "", imported(r));
            return r;
        });
    }

    /**
     * Imports a school's roster for a wave (one transaction; the school's earlier roster for the wave
     * is replaced). A wave not yet in the store is begun by its roster when {@code wave} gives its
     * school year and term.
     *
     * @param wave the wave the roster is for
     * @param roster the roster, read with the store's key ({@link Roster#read})
     * @return what was imported
     * @throws RecordStoreException when the roster was read with another key (PSY-3005), is of a school
     *     the store does not know while it knows others (PSY-3006), or the wave is unknown and incomplete;
     *     nothing is changed
     */
    public synchronized RosterResult importRoster(Wave wave, Roster roster) {
        return importRoster(wave, roster, false);
    }

    /**
     * Imports a school's roster for a wave, as {@link #importRoster(Wave, Roster)}, and with
     * {@code newSchool} also for a school the store has never seen while it knows others.
     *
     * @param wave the wave the roster is for
     * @param roster the roster, read with the store's key ({@link Roster#read})
     * @param newSchool whether the school may be new to the store (a misspelt code otherwise begins a
     *     second school, so a new one is imported on purpose)
     * @return what was imported
     * @throws RecordStoreException PSY-3005 for another key, PSY-3006 for a school the store does not
     *     know without {@code newSchool}; nothing is changed
     */
    public synchronized RosterResult importRoster(Wave wave, Roster roster, boolean newSchool) {
        ownerOnly("a roster import");
        return write(() -> {
            RosterResult r = new RosterImport(this).run(wave, roster, newSchool);
            audit(
                    OPERATOR,
                    "roster",
                    Scope.school(roster.region(), roster.school()),
                    "",
                    "wave=" + r.wave() + " students=" + r.students() + (r.replaced() ? " replaced" : ""));
            return r;
        });
    }

    /**
     * {@return how much of the rosters in scope the wave screened, by class}
     *
     * @param scope whose records may be read
     * @param wave the wave's name
     * @throws RecordStoreException when the store has no such wave
     */
    public synchronized Coverage coverage(Scope scope, String wave) {
        within(scope, false);
        return read(() -> Coverage.of(this, scope, wave));
    }

    /**
     * {@return the wave's outcomes by special group and by dormitory, per school, small cells hidden}
     * One table per dimension ({@code attr.left_behind}, …, {@code dormitory}): each school, then its
     * groups ({@code yes}/{@code no}/{@code unknown}, or each dormitory and {@code none}), which split
     * the school's roster exactly; columns are the policy's outcomes and {@code not-screened}. Every
     * table has passed {@link org.psyscreen.privacy.SmallCellSuppressor} with {@code minCell}.
     *
     * @param scope whose records may be read
     * @param wave the wave's name
     * @param policy the policy whose decisions are counted
     * @param minCell the smallest count published (10 for reports beyond the school)
     */
    public synchronized Map<String, org.psyscreen.privacy.CountTable> groups(
            Scope scope, String wave, org.psyscreen.tier.CutoffPolicy policy, int minCell) {
        within(scope, false);
        return read(() -> GroupRollup.of(this, scope, wave, policy, minCell));
    }

    /**
     * {@return a wave of the store decided again under two or more policies, side by side} The
     * simulator's second source, beside a response file ({@link
     * org.psyscreen.batch.PolicySimulation#run}): each screening's recorded forms (statuses, reasons,
     * scale scores, critical items), grade, sex and test date are decided by each policy. Answers,
     * attributes and birth dates are not kept, so a rule that reads them is not evaluated (the outcome
     * says so). A policy pinning another instrument version than the wave was scored with is not run,
     * and says why. Students come in pseudonym order, so the result does not depend on import order.
     *
     * @param scope whose records may be read
     * @param wave the wave's name
     * @param arms the policies, the first the baseline
     * @param norms the norm tables the policies may use
     * @param minCell the smallest count published (at least 2)
     */
    public synchronized org.psyscreen.batch.PolicySimulation.Simulation simulate(
            Scope scope,
            String wave,
            List<org.psyscreen.batch.PolicySimulation.Arm> arms,
            Map<String, org.psyscreen.norm.NormTable> norms,
            int minCell) {
        within(scope, false);
        return read(() -> WaveSimulation.run(this, scope, wave, arms, norms, minCell));
    }

    /**
     * {@return the scores of one scale in a wave, with sex and grade, of every form SCORED by exactly
     * {@code instrumentKey}} A sample for local norms; no student is named.
     *
     * @param scope whose records may be read
     * @param wave the wave's name
     * @param instrumentKey the instrument's {@code id@version}: forms scored by another version are not
     *     in the sample
     * @param scale the scale's id
     */
    public synchronized List<WaveScore> scores(Scope scope, String wave, String instrumentKey, String scale) {
        within(scope, false);
        return read(() -> {
            List<Object> params = new java.util.ArrayList<>(List.of(wave, instrumentKey, scale));
            String where = scope.where("s", params);
            List<WaveScore> out = new java.util.ArrayList<>();
            for (Object[] r : rows(
                    "SELECT c.value, s.sex, s.grade FROM screening s JOIN wave w ON w.id = s.wave_id JOIN form_result f"
                            + " ON f.screening_id = s.id JOIN scale_score c ON c.screening_id = s.id AND c.instrument ="
                            + " f.instrument WHERE w.name = ? AND f.instrument_key = ? AND f.status = 'SCORED' AND"
                            + " c.scale = ? AND c.value IS NOT NULL AND " + where
                            + " ORDER BY s.id",
                    params)) {
                out.add(new WaveScore(
                        ((Number) r[0]).doubleValue(),
                        org.psyscreen.student.StudentReaders.sex((String) r[1]),
                        org.psyscreen.student.Grade.parse((String) r[2])));
            }
            return out;
        });
    }

    /**
     * {@return the pseudonyms on the rosters in scope whom the wave did not screen (coverage gaps), by
     * school, grade and class}
     *
     * @param scope whose records may be read
     * @param wave the wave's name
     */
    public synchronized List<String> unscreened(Scope scope, String wave) {
        within(scope, false);
        return read(() -> Coverage.unscreened(this, scope, wave));
    }

    /**
     * Records a report that puts a student of the school on the warning list without a screening (a
     * teacher's, a peer's, the parents', the counsellor's observation, the student's own), and replays
     * the student's case: the report opens, re-opens or escalates it as a screening of its tier would.
     *
     * @param scope the school that records it ({@link Scope#school})
     * @param token the student's pseudonym: on the school's roster or screened there
     * @param policy the policy the case follows (its tiers)
     * @param report the report
     * @return the student's case after it
     * @throws RecordStoreException PSY-3101 for a student the school does not have, PSY-3102 for a tier
     *     the policy does not have; nothing is recorded
     */
    public synchronized WarningCase report(
            Scope scope, String token, org.psyscreen.tier.CutoffPolicy policy, CaseReport report) {
        within(scope, false);
        return write(() -> {
            WarningCase c = new CaseRecords(this).report(scope, token, policy, report);
            audit(
                    report.role().word(),
                    "report",
                    scope,
                    token,
                    "source=" + report.source().word() + " tier=" + report.tier() + " date=" + report.date());
            return c;
        });
    }

    /**
     * Records a counsellor's second-stage assessment on the student's open or monitored case: the
     * assessed tier drives the case from then on (confirmed, raised or lowered), and the tier its
     * screenings reached is kept beside it ({@link WarningCase#screenedTier()}). The screening's
     * decision is never changed.
     *
     * @param scope whose records may be changed
     * @param token the student's pseudonym
     * @param policy the policy the case follows
     * @param assessment the assessment
     * @return the case after it
     * @throws RecordStoreException PSY-3102 for a tier the policy does not have, PSY-3103 for a date
     *     before the case opened, PSY-3104 when there is no open case, PSY-3105 for a role that may not
     *     assess (by default a counsellor, a doctor or the regional centre may; the policy's {@code caseRoles}
     *     can say otherwise), PSY-3109 for a policy whose {@code caseRoles} names an unknown word; nothing is
     *     recorded
     */
    public synchronized WarningCase assess(
            Scope scope, String token, org.psyscreen.tier.CutoffPolicy policy, Assessment assessment) {
        within(scope, false);
        return write(() -> {
            WarningCase c = new CaseRecords(this).assess(scope, token, policy, assessment);
            audit(
                    assessment.role().word(),
                    "assess",
                    scope,
                    token,
                    "tier=" + assessment.tier() + " reason=" + assessment.reason() + " date=" + assessment.date());
            return c;
        });
    }

    /**
     * Records who follows the student's open or monitored case and how (一人一表、专人专案): its owner, its
     * plan and optionally the next contact's date. The latest plan is the case's current one; earlier
     * plans stay in its history.
     *
     * @param scope whose records may be changed
     * @param token the student's pseudonym
     * @param policy the policy the case follows
     * @param plan the plan
     * @return the case after it
     * @throws RecordStoreException PSY-3103 for a plan dated before the case opened, PSY-3104 when there
     *     is no open case; nothing is recorded
     */
    public synchronized WarningCase plan(
            Scope scope, String token, org.psyscreen.tier.CutoffPolicy policy, CasePlan plan) {
        within(scope, false);
        return write(() -> {
            WarningCase c = new CaseRecords(this).plan(scope, token, policy, plan);
            audit(
                    plan.role().word(),
                    "plan",
                    scope,
                    token,
                    "owner=" + plan.owner() + " plan=" + plan.plan() + " date=" + plan.date()
                            + (plan.nextContact() == null ? "" : " next=" + plan.nextContact()));
            return c;
        });
    }

    /**
     * Records a home visit (家访) to a student of {@code scope}'s school, with or without a case; a visit
     * to a student with an open case is a contact on it.
     *
     * @param scope the school that records it ({@link Scope#school})
     * @param token the student's pseudonym: on the school's roster or screened there
     * @param visit the visit
     * @throws RecordStoreException PSY-3101 for a student the school does not have; nothing is recorded
     */
    public synchronized void visit(Scope scope, String token, HomeVisit visit) {
        within(scope, false);
        write(() -> {
            new CaseRecords(this).visit(scope, token, visit);
            audit(
                    visit.role().word(),
                    "visit",
                    scope,
                    token,
                    "kind=" + visit.kind().word() + " date=" + visit.date());
            return null;
        });
    }

    /**
     * {@return every open or monitored case in scope under the policy with the date its next contact is
     * due, most severe tier first, then the longest overdue} A case is due its tier's follow-up interval
     * (the policy's {@code followUpDays}) after its last contact, or at its plan's next contact when that
     * is earlier ({@link CaseDue}).
     *
     * @param scope whose records may be read
     * @param policy the policy the cases follow, with an interval on every tier
     * @param asOf the day overdue is counted on (usually today)
     * @throws RecordStoreException PSY-3108 when the policy declares no interval for a tier
     */
    public synchronized List<CaseDue> dueDates(Scope scope, org.psyscreen.tier.CutoffPolicy policy, LocalDate asOf) {
        within(scope, false);
        return read(() -> Overdue.of(this, scope, policy, asOf));
    }

    /**
     * {@return the cases of {@link #dueDates} whose next contact is past due on {@code asOf}: the
     * overdue list}
     *
     * @param scope whose records may be read
     * @param policy the policy the cases follow, with an interval on every tier
     * @param asOf the day overdue is counted on (usually today)
     * @throws RecordStoreException PSY-3108 when the policy declares no interval for a tier
     */
    public List<CaseDue> overdue(Scope scope, org.psyscreen.tier.CutoffPolicy policy, LocalDate asOf) {
        return dueDates(scope, policy, asOf).stream().filter(CaseDue::overdue).toList();
    }

    /**
     * {@return the district statistics form (排查统计表): per school, the wave's students and outcomes,
     * open cases by source, and referred, notified, acknowledged, overdue and visited, every count
     * through small-cell suppression} A policy without follow-up intervals leaves the overdue column
     * empty and says so in its name.
     *
     * @param scope whose records are counted (a school, a region, everything)
     * @param wave the wave's name
     * @param policy the policy whose decisions and cases are counted
     * @param asOf the day the cases' counts stand on
     * @param minCell the smallest count published (10 for reports beyond the school)
     * @throws RecordStoreException when the store has no such wave
     */
    public synchronized DistrictForm districtForm(
            Scope scope, String wave, org.psyscreen.tier.CutoffPolicy policy, LocalDate asOf, int minCell) {
        within(scope, true);
        return write(() -> {
            DistrictForm f = DistrictForm.of(this, scope, wave, policy, asOf, minCell);
            audit(OPERATOR, "district-form", scope, "", "wave=" + wave + " as-of=" + asOf + " k=" + minCell);
            return f;
        });
    }

    /** The role written for operations no person's role is given for: imports, exports, deletions. */
    static final String OPERATOR = "operator";

    private static final java.util.regex.Pattern PRINCIPAL = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private volatile String principal = defaultPrincipal();

    private static String defaultPrincipal() {
        String user = System.getProperty("user.name", "");
        return PRINCIPAL.matcher(user).matches() ? "os:" + user : "os:unknown";
    }

    /**
     * Says who acts on the store from now on: the staff or operator code its audit log writes for every
     * write ({@code counsellor-02}, {@code district-ops}). Without it, the log names the operating
     * system's user ({@code os:<name>}).
     *
     * @param who a code: letters, digits, {@code . _ @ -}, at most 64; never a student's name
     * @return this store
     */
    public RecordStore actingAs(String who) {
        if (who == null || !PRINCIPAL.matcher(who).matches()) {
            throw new IllegalArgumentException("who acts is a code: letters, digits, . _ @ and -, at most 64");
        }
        principal = who;
        return this;
    }

    String principal() {
        return principal;
    }

    /**
     * Checks the audit log's chain: every entry as written, none removed, in order.
     *
     * @return the entries read, and the first broken one with why
     */
    public synchronized AuditCheck verifyAudit() {
        ownerOnly("checking the whole audit log");
        return read(() -> AuditLog.verify(this));
    }

    /**
     * {@return what the audit log holds on one student in the scope, in order: who did what and when}
     * The answer to 倒查 (checking back after an incident that each step was taken, and when).
     *
     * @param scope whose records may be read
     * @param token the student's pseudonym
     */
    public synchronized List<AuditEntry> audit(Scope scope, String token) {
        within(scope, false);
        return read(() -> AuditLog.of(this, scope, token));
    }

    /**
     * {@return the student's case under the policy checked back step by step (倒查): each step with the tier
     * it was at, when a contact was due before it and how many days late it came, and the case's next due
     * contact on {@code asOf}; empty when the student has no case under the policy in scope}
     *
     * @param scope whose records may be read
     * @param token the student's pseudonym
     * @param policy the policy the case follows, with an interval on every tier
     * @param asOf the day the case's standing is counted on (usually today)
     * @throws RecordStoreException PSY-3108 when the policy declares no interval for a tier
     */
    public synchronized java.util.Optional<CaseTimeline> timeline(
            Scope scope, String token, org.psyscreen.tier.CutoffPolicy policy, LocalDate asOf) {
        within(scope, false);
        return read(() -> CaseTimeline.of(this, scope, token, policy, asOf));
    }

    /**
     * Writes to the audit log that a named list was made from the store (re-identification through the
     * school's own roster and key, done outside the store): who, for which scope, how many students.
     * Never the names.
     *
     * @param scope the school the list was for
     * @param students how many students it named
     */
    public synchronized void recordNamedList(Scope scope, int students) {
        within(scope, false);
        write(() -> {
            audit(OPERATOR, "named-list", scope, "", "students=" + students);
            return null;
        });
    }

    private void audit(String role, String action, Scope scope, String subject, String detail) throws SQLException {
        AuditLog.append(this, role, action, scope, subject, detail);
    }

    /** The audit detail of an import. */
    static String imported(ImportResult r) {
        return "wave=" + r.wave() + " in=" + r.recordsIn() + " stored=" + r.stored()
                + (r.alreadyImported() ? " already-imported" : r.redecision() ? " redecision" : "");
    }

    /**
     * {@return a result sink that imports a run into this store while it is scored}: the same import
     * as {@link #importRun}, from the results themselves, in one pass, without reading the run's
     * files back. Its transaction is opened when the run starts and committed only when the run's
     * folder is published; a run that is refused, fails or is killed leaves the store as it was.
     * While it is open, this store's other operations on other threads wait for it, and on the
     * scoring thread they are refused.
     *
     * @param wave the wave (its school year and term are read from the test dates when not given)
     * @param bundle where the run's policy and instruments are found (for tier order and reliabilities)
     */
    public RecordsSink importing(Wave wave, Bundle bundle) {
        ownerOnly("an import");
        return new RecordsSink(this, wave, bundle);
    }

    /** Holds the write transaction for {@code sink}'s thread until {@link #endImport}; waits for another import. */
    synchronized RunImporter beginImport(Wave wave, Bundle bundle) {
        awaitNoImport();
        importing = Thread.currentThread();
        try {
            lockForWrite();
        } catch (SQLException e) {
            endImport(false);
            throw new RecordStoreException("nothing was changed in " + label + ": " + reason(e), e);
        }
        return new RunImporter(this, wave, bundle, n -> {});
    }

    /** Runs one step of the open import on its thread; a failure rolls the whole import back. */
    synchronized <T> T inImport(Work<T> work) {
        if (importing != Thread.currentThread()) {
            throw new IllegalStateException("the import is not open on this thread");
        }
        try {
            return work.run();
        } catch (SQLException e) {
            endImport(false);
            throw new RecordStoreException("nothing was changed in " + label + ": " + reason(e), e);
        } catch (RuntimeException e) {
            endImport(false);
            throw e;
        }
    }

    /** Commits ({@code keep}) or rolls back the open import and lets waiting operations go on. */
    synchronized void endImport(boolean keep) {
        if (importing == null) {
            return;
        }
        try {
            if (keep) {
                connection.commit();
            } else {
                rollback();
            }
        } catch (SQLException e) {
            rollback();
            throw new RecordStoreException("nothing was changed in " + label + ": " + reason(e), e);
        } finally {
            importing = null;
            notifyAll();
        }
    }

    /** Waits while another thread's sink holds the transaction; refuses on that thread itself. */
    private void awaitNoImport() {
        if (importing == Thread.currentThread()) {
            throw new RecordStoreException("a run is being imported into " + label + " on this thread: use the"
                    + " store when the run is published or abandoned");
        }
        while (importing != null) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RecordStoreException("interrupted while waiting for an import into " + label);
            }
        }
    }

    /**
     * {@return one student's history within the scope, with each scale's change and RCI since the previous screening}
     *
     * @param scope whose records may be read
     * @param token the student's pseudonym
     */
    public synchronized StudentHistory history(Scope scope, String token) {
        within(scope, false);
        return read(() -> new Queries(this).history(scope, token));
    }

    /**
     * {@return year over year between two waves within the scope}
     *
     * @param scope whose records may be read
     * @param fromWave the earlier wave's name
     * @param toWave the later wave's name
     */
    public synchronized WaveChanges changes(Scope scope, String fromWave, String toWave) {
        within(scope, false);
        return read(() -> new Queries(this).changes(scope, fromWave, toWave));
    }

    /**
     * {@return the warning list: open and monitoring cases in scope, most severe tier first, then by school and grade}
     *
     * @param scope whose records may be read
     */
    public synchronized List<WarningCase> warnings(Scope scope) {
        within(scope, false);
        return read(() -> new Queries(this).cases(scope, false));
    }

    /**
     * {@return tokens of students in scope whose latest decision was undetermined (rules could not be
     * evaluated and no tier was reached): never low risk, listed beside the warning list}
     *
     * @param scope whose records may be read
     */
    public synchronized List<String> undetermined(Scope scope) {
        within(scope, false);
        return read(() -> new Queries(this).undetermined(scope));
    }

    /**
     * {@return records a follow-up on the student's case in scope (the one that is open or monitoring), and
     * moves its state: {@code monitoring} to monitoring, {@code closure} closes it, a referral
     * re-opens a monitored case}
     *
     * @param scope whose cases may be changed
     * @param token the student's pseudonym
     * @param policy the policy the case follows (who may record what: its {@code caseRoles})
     * @param followUp what was done, when and by whom
     * @throws RecordStoreException PSY-3104 when the student has no open or monitored case under the policy,
     *     PSY-3105 for a role the policy does not allow to record the follow-up's kind, PSY-3107 for an
     *     acknowledgement before any notice, PSY-3109 for a policy whose {@code caseRoles} names an unknown
     *     word; nothing is recorded
     */
    public synchronized WarningCase followUp(
            Scope scope, String token, org.psyscreen.tier.CutoffPolicy policy, FollowUp followUp) {
        within(scope, false);
        return write(() -> {
            WarningCase c = new CaseRecords(this).followUp(scope, token, policy, followUp);
            audit(
                    followUp.role().word(),
                    followUp.kind().word(),
                    scope,
                    token,
                    "outcome=" + followUp.outcome() + " date=" + followUp.date());
            return c;
        });
    }

    /**
     * {@return the upward report for the scope: crisis-tier cases and per-school counts, small cells hidden}
     *
     * @param scope whose records are counted
     * @param wave the wave counted
     * @param k the smallest count published
     */
    public synchronized UpwardReport upwardReport(Scope scope, String wave, int k) {
        within(scope, true);
        return write(() -> {
            UpwardReport r = new Queries(this).upward(scope, wave, k);
            audit(OPERATOR, "export", scope, "", "wave=" + wave + " k=" + k);
            return r;
        });
    }

    /**
     * Deletes everything the store holds on one student within the scope (a personal-information
     * deletion request): screenings, scores, norms, decisions, cases and their events. Returns the
     * rows deleted; a log line records that a deletion happened, never whose.
     *
     * @param scope whose records may be deleted
     * @param token the student's pseudonym
     * @return the rows deleted
     */
    public synchronized long deleteStudent(Scope scope, String token) {
        within(scope, false);
        long n = write(() -> {
            long rows = new Deletion(this).student(scope, token);
            long[] log = AuditLog.forget(this, scope, token);
            audit(
                    OPERATOR,
                    "delete-student",
                    scope,
                    "",
                    "rows=" + rows + " log-entries-blanked=" + log[0] + (log[0] > 0 ? " resealed-from=" + log[1] : ""));
            return rows;
        });
        purgeDeleted();
        return n;
    }

    /**
     * Deletes every wave of a school year before {@code schoolYear} (e.g. {@code 2023-2024}) with all
     * it holds, and cases whose screenings are all gone. Returns the rows deleted.
     *
     * @param schoolYear the first school year kept, e.g. {@code 2023-2024}
     * @return the rows deleted
     * @throws RecordStoreException when {@code schoolYear} is not written {@code 2026-2027}
     */
    public synchronized long deleteWavesBefore(String schoolYear) {
        ownerOnly("deleting whole waves");
        if (!schoolYear.matches("\\d{4}-\\d{4}")) {
            throw new RecordStoreException("a school year is written 2026-2027");
        }
        long n = write(() -> {
            long rows = new Deletion(this).wavesBefore(schoolYear);
            long[] log = AuditLog.forgetGone(this);
            audit(
                    OPERATOR,
                    "delete-waves",
                    Scope.everything(),
                    "",
                    "before=" + schoolYear + " rows=" + rows + " log-entries-blanked=" + log[0]
                            + (log[0] > 0 ? " resealed-from=" + log[1] : ""));
            return rows;
        });
        purgeDeleted();
        return n;
    }

    /**
     * Lets a login of the PostgreSQL server read the store as a school, a region or the province: the
     * database's row-level security then shows that login its own rows only, in any SQL it runs, and
     * refuses every write. Replaces the login's earlier grant. Logged.
     *
     * @param principal the login and what it may read
     * @throws RecordStoreException PSY-3206 on SQLite (the file is the boundary), PSY-3207 when the
     *     login is not a plain login role of the server (or the server lacks psyscreen's group roles),
     *     PSY-3208 for a school or region the store holds nothing of
     */
    public synchronized void grant(Principal principal) {
        ownerOnly("a grant");
        write(() -> {
            new Access(this).grant(principal);
            audit(
                    OPERATOR,
                    "grant",
                    principal.scope(),
                    "",
                    "login=" + principal.login() + " level=" + principal.level().word());
            return null;
        });
    }

    /**
     * Withdraws a login's grant: it reads nothing of the store from its next query on. Logged.
     *
     * @param login the server's login role
     * @return whether the login was a principal
     * @throws RecordStoreException PSY-3206 on SQLite
     */
    public synchronized boolean revoke(String login) {
        ownerOnly("a revocation");
        return write(() -> {
            boolean was = new Access(this).revoke(login);
            if (was) {
                audit(OPERATOR, "revoke", Scope.everything(), "", "login=" + login);
            }
            return was;
        });
    }

    /** {@return the logins granted access to the store, by login; none on SQLite} */
    public synchronized List<Principal> principals() {
        ownerOnly("listing the principals");
        return read(() -> new Access(this).principals());
    }

    /**
     * Rotates the pseudonym key: every student's pseudonym under {@code from} becomes their pseudonym
     * under {@code to}, in the student table and the audit log (whose chain is sealed again), and the
     * store then accepts imports under {@code to} only. In one transaction. A pseudonym cannot be
     * turned into another without the id it was made from, so give the ids of every student the store
     * holds (its rosters, the files that were screened); they stay in memory and are never stored.
     * Runs, exports and named lists made earlier keep the old pseudonyms.
     *
     * @param from the key the store holds students under now
     * @param to the new key
     * @param rawIds the students' ids, as the schools write them (others are ignored)
     * @return the keys' public ids and how many students and log entries were re-keyed
     * @throws RecordStoreException PSY-3204 when {@code from} is not the store's key, PSY-3205 when a
     *     student of the store is in none of the ids (nothing is rotated)
     * @throws IllegalArgumentException when the two keys are the same
     */
    public synchronized KeyRotationResult rotateKey(
            org.psyscreen.privacy.Pseudonymizer from, org.psyscreen.privacy.Pseudonymizer to, Iterable<String> rawIds) {
        ownerOnly("a key rotation");
        KeyRotationResult done = write(() -> {
            KeyRotationResult r = new KeyRotation(this).rotate(from, to, rawIds);
            audit(
                    OPERATOR,
                    "rotate-key",
                    Scope.everything(),
                    "",
                    "from=" + r.oldKeyId() + " to=" + r.newKeyId() + " students=" + r.students() + " log-entries="
                            + r.auditEntries());
            return r;
        });
        purgeDeleted(); // the old pseudonyms leave the file's bytes, as a deleted student does
        return done;
    }

    /**
     * Sets how long the store keeps a student after they leave school, in school years (the data
     * owner's rule), replacing any earlier period. Logged.
     *
     * @param yearsAfterLeaving 0 to 30 school years
     * @throws RecordStoreException PSY-3203 for a period outside 0 to 30
     */
    public synchronized void retainAfterLeaving(int yearsAfterLeaving) {
        ownerOnly("setting the retention period");
        write(() -> {
            new Retention(this).set(yearsAfterLeaving);
            audit(OPERATOR, "retention-set", Scope.everything(), "", "years=" + yearsAfterLeaving);
            return null;
        });
    }

    /** {@return the store's retention period in school years after leaving, or empty when none is set} */
    public synchronized java.util.OptionalInt retention() {
        return read(() -> new Retention(this).years());
    }

    /**
     * Deletes every student who left school more than the retention period ago, with everything the
     * store held on them, and old waves left empty; in one transaction, then gone from the file's
     * bytes as a deletion is. A student has left when nothing is recorded of them from the first
     * school year kept on (no screening, roster place, case step, report, assessment or visit); a
     * student with an open case is kept and counted. The audit log keeps a purge entry and blanks the
     * deleted students' pseudonyms; the result lists the exports made earlier, which may hold them.
     *
     * @param today a date in the current school year (a school year starts on 1 September)
     * @return what was deleted, and what else may hold the deleted students
     * @throws RecordStoreException PSY-3202 when no retention period is set (nothing is deleted)
     */
    public synchronized PurgeResult purge(LocalDate today) {
        ownerOnly("a purge");
        PurgeResult r = write(() -> {
            PurgeResult done = new Retention(this).purge(today);
            long[] log = AuditLog.forgetGone(this);
            audit(
                    OPERATOR,
                    "purge",
                    Scope.everything(),
                    "",
                    "years=" + done.yearsAfterLeaving() + " kept-from=" + done.firstYearKept() + " students="
                            + done.studentsDeleted() + " rows=" + done.rowsDeleted() + " kept-open-case="
                            + done.keptForOpenCase() + " log-entries-blanked=" + log[0]
                            + (log[0] > 0 ? " resealed-from=" + log[1] : ""));
            return done;
        });
        purgeDeleted();
        return r;
    }

    /**
     * {@return the school year that began {@code years} school years before the one {@code today} is in}
     *
     * @param today a date in the current school year (a school year starts on 1 September)
     * @param years how many school years back
     */
    public static String schoolYearBefore(LocalDate today, int years) {
        int start = (today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1) - years;
        return start + "-" + (start + 1);
    }

    /** {@return wave names, in order (school year, term, then import order)} */
    public synchronized List<String> waves() {
        return read(() -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s =
                            connection.prepareStatement("SELECT name FROM wave ORDER BY school_year, term, id");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        });
    }

    /**
     * {@return students and flagged students per wave and school in scope (decisions as decided then), waves in order}
     *
     * @param scope whose records are counted
     */
    public synchronized List<WaveCount> waveCounts(Scope scope) {
        within(scope, false);
        return read(() -> {
            List<Object> params = new ArrayList<>();
            String where = scope.where("s", params);
            List<WaveCount> out = new ArrayList<>();
            for (Object[] r : rows(
                    "SELECT w.name, s.region, s.school, COUNT(*), SUM(CASE WHEN d.tier IS NULL THEN 0 ELSE 1 END)"
                            + " FROM screening s JOIN wave w ON w.id = s.wave_id JOIN decision d ON d.id = (SELECT"
                            + " MIN(d2.id) FROM decision d2 WHERE d2.screening_id = s.id) WHERE " + where
                            + " GROUP BY w.name, w.school_year, w.term, w.id, s.region, s.school"
                            + " ORDER BY w.school_year, w.term, w.id, s.region, s.school",
                    params)) {
                out.add(new WaveCount(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue()));
            }
            return out;
        });
    }

    /** {@return every reliability kept for the reliable change index, with its citation and sample} */
    public synchronized List<ReliabilitySource> reliabilities() {
        return read(() -> {
            List<ReliabilitySource> out = new ArrayList<>();
            for (Object[] r : rows(
                    "SELECT instrument_key, scale, coefficient, kind, sd, source, citation, sample FROM"
                            + " scale_reliability ORDER BY instrument_key, scale",
                    List.of())) {
                out.add(new ReliabilitySource(
                        (String) r[0],
                        (String) r[1],
                        ((Number) r[2]).doubleValue(),
                        (String) r[3],
                        ((Number) r[4]).doubleValue(),
                        (String) r[5],
                        (String) r[6],
                        (String) r[7]));
            }
            return out;
        });
    }

    /** {@return the id of the pseudonym key every import of this store used, or {@code null} before the first} */
    public synchronized String keyId() {
        return read(() -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT key_id FROM store_info");
                    ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        });
    }

    @Override
    public synchronized void close() {
        try {
            if (importing != null) {
                connection.rollback(); // a run still being imported is not kept
                importing = null;
            }
            connection.close();
        } catch (SQLException e) {
            throw new RecordStoreException("cannot close " + label + ": " + reason(e), e);
        }
    }

    Connection connection() {
        return connection;
    }

    Dialect dialect() {
        return dialect;
    }

    String now() {
        return clock.instant().toString();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    String label() {
        return label;
    }

    /** Serialises writers: SQLite's IMMEDIATE transactions already do; PostgreSQL takes a table lock. */
    void lockForWrite() throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (var s = connection.createStatement()) {
                s.execute("LOCK TABLE import_run IN SHARE ROW EXCLUSIVE MODE");
            }
        }
    }

    /**
     * Checks that {@code keyId} is the key the store holds students under, or makes it the store's key
     * when it has none yet.
     *
     * @param what the input and its key, as a refusal names it ({@code "the run was scored with key k1"})
     * @param code a problem code's id and a space to start the refusal with, or {@code ""}
     */
    void requireKey(String keyId, String what, String code) throws SQLException {
        List<Object[]> rows = rows("SELECT key_id FROM store_info", List.of());
        if (rows.size() > 1) {
            throw new RecordStoreException(label + " names " + rows.size() + " keys (store_info was edited or"
                    + " damaged): a store holds students of one key only; nothing was imported — restore it from a"
                    + " backup");
        }
        if (rows.isEmpty()) {
            update("INSERT INTO store_info (key_id) VALUES (?)", keyId);
        } else if (!keyId.equals(rows.get(0)[0])) {
            throw new RecordStoreException(code + what + " and " + label + " holds students pseudonymised with key "
                    + rows.get(0)[0] + ": the same student would be two people; use the store's key");
        }
    }

    /** The next free id of a table (writers are serialised, so no two take the same). */
    long nextId(String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Runs SQL with parameters and returns the rows as string arrays. */
    List<Object[]> rows(String sql, List<Object> params) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                List<Object[]> out = new ArrayList<>();
                while (r.next()) {
                    Object[] row = new Object[n];
                    for (int c = 0; c < n; c++) {
                        row[c] = r.getObject(c + 1);
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }

    /**
     * After a deletion, nothing of the deleted rows may stay in the file's bytes: SQLite overwrites
     * them in the database pages (secure_delete), and the write-ahead log, which still holds the old
     * pages, is checkpointed and truncated. PostgreSQL keeps dead row versions until VACUUM reclaims
     * them, and in its write-ahead log and backups until those are recycled: a deployment's VACUUM and
     * retention policy decide that (see the module README).
     */
    private void purgeDeleted() {
        if (dialect != Dialect.SQLITE) {
            return;
        }
        try (var st = connection.createStatement()) {
            connection.commit();
            connection.setAutoCommit(true);
            try (var rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                if (rs.next() && rs.getInt(1) != 0) {
                    throw new RecordStoreException("the deletion is committed, but " + label + " is in use by another"
                            + " process, so its write-ahead log still holds the deleted rows: run the deletion again"
                            + " when no other psyscreen uses the file");
                }
            }
        } catch (SQLException e) {
            throw new RecordStoreException(
                    "the deletion is committed, but " + label + "'s write-ahead log could not be" + " cleared: "
                            + reason(e) + "; run the deletion again",
                    e);
        } finally {
            try {
                connection.setAutoCommit(false);
            } catch (SQLException ignored) {
                // the connection is closed: nothing more to do on it
            }
        }
    }

    /** The work of one write transaction. */
    interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T write(Work<T> work) {
        Principal p = bound;
        if (p != null && dialect == Dialect.POSTGRESQL) {
            throw new RecordStoreException(org.psyscreen.diagnostic.ProblemCode.PRINCIPAL_OWNER_ONLY.id() + " "
                    + p.level().word() + " principal " + p.login() + " reads only on PostgreSQL (the database"
                    + " grants it nothing else): case work, exports and imports are the store owner's; nothing was"
                    + " changed");
        }
        awaitNoImport();
        try {
            lockForWrite();
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw new RecordStoreException("nothing was changed in " + label + ": " + reason(e), e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
    }

    private <T> T read(Work<T> work) {
        awaitNoImport();
        try {
            T result = work.run();
            connection.rollback();
            return result;
        } catch (SQLException e) {
            rollback();
            throw new RecordStoreException("cannot read " + label + ": " + reason(e), e);
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The transaction is gone with the connection; the database keeps its last committed state.
        }
    }
}
