package org.psyscreen.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.psyscreen.diagnostic.DefinitionException;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Problems;
import org.psyscreen.diagnostic.Severity;
import org.psyscreen.diagnostic.SourceLocation;
import org.psyscreen.internal.IdMap;
import org.psyscreen.internal.Ids;
import org.psyscreen.norm.NormResult;
import org.psyscreen.norm.NormTable;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.student.Cells;
import org.psyscreen.student.Grade;
import org.psyscreen.student.Sex;
import org.psyscreen.student.StudentProfile;
import org.psyscreen.student.StudentReaders;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.Policies;
import org.psyscreen.tier.Screening;
import org.psyscreen.tier.TierDecision;

/**
 * Screens one student: the one place that turns a student's raw record into a result. It reads the
 * student's fields and attributes, normalises and scores every form, looks every norm table up once,
 * chooses the policy version in force on the test date and decides the tier. Every front end —
 * batch files, {@code explain}, an embedding system — calls it; none re-implements a step.
 *
 * <pre>{@code
 * Screener screener = bundle.screener("example-a-glad-pc").build();   // once: plans, norms, policy versions
 * ScreeningResult r = screener.screen(in -> in                        // a fresh input per student
 *         .set(StudentField.GRADE, "初二").set(StudentField.SEX, "女").set(StudentField.TEST_DATE, "2026/9/3")
 *         .answer("phqa", "q9", "1"));
 * r.decision().orElseThrow().tierId();   // the most severe tier: a positive critical item wins
 * }</pre>
 *
 * <p>A screener with a policy plans every instrument the policy (each of its versions) names, or
 * {@link Builder#build()} refuses it ({@code PSY-1501}): otherwise every student would land in a
 * follow-up tier for a missing form. Screening without a policy (scores and norms only) needs no
 * such check.
 *
 * <p>Reading rules: answers are half-width and trimmed, then must be a declared code (anything else
 * is an invalid answer, never a number); a cell longer than {@value #MAX_CELL} characters is an
 * invalid answer. Grade, sex and dates use {@link StudentReaders}; an unreadable one is a
 * {@code PSY-2106} problem and unknown. An attribute is yes, no, or unknown (blank); an unrecognised
 * one is a {@code PSY-2109} problem and unknown — never no. A record flagged unscorable by its front
 * end gets {@link ScoringPlan#unscorable()} forms (INVALID, critical items UNKNOWN), and none of its
 * fields but the id, school, class and region is read: grade, sex, dates and attributes are unknown.
 *
 * <p>Policy versions: of the versions given, the one in force on the test date decides; when none is
 * (or the test date is unknown) the record is flagged {@code PSY-2110} and decided under the version
 * chosen with {@link Builder#policy}. Immutable and thread-safe; prints and logs nothing.
 */
public final class Screener {
    /** Longest cell read as an answer; longer is an invalid answer (a corrupt file, not a student). */
    public static final int MAX_CELL = ResponseRow.MAX_CELL;

    private final List<String> instrumentIds;
    final ScoringPlan[] plans;
    private final Map<String, NormTable> norms;
    private final List<String> normIds;
    private final NormTable[] normTables;
    private final int[] normInstrument;
    private final CutoffPolicy policy;
    private final List<CutoffPolicy> versions;
    /** Whether every version is in force on any date, so a record without a test date needs none. */
    private final boolean alwaysInForce;

    /** The school stage the records come from, for enrolment cohorts (2024级); {@code null}: unknown. */
    private final StudentReaders.Stage stage;

    private Screener(Builder b) {
        Map<String, ScoringPlan> sorted = new TreeMap<>(b.plans); // output never depends on map order
        // ids interned, as policy conditions' are: finding a form or a table by id compares references
        this.instrumentIds = sorted.keySet().stream().map(Ids::of).toList();
        this.plans = sorted.values().toArray(ScoringPlan[]::new);
        Map<String, NormTable> byId = new LinkedHashMap<>();
        b.norms.forEach((id, t) -> byId.put(Ids.of(id), t));
        this.norms = Map.copyOf(byId);
        Map<String, NormTable> own = new TreeMap<>();
        b.norms.forEach((id, t) -> {
            var d = t.definition();
            ScoringPlan plan = sorted.get(d.instrumentId());
            if (plan != null
                    && plan.key()
                            .equals(new org.psyscreen.definition.IdVersion(d.instrumentId(), d.instrumentVersion())
                                    .toString())) {
                own.put(id, t);
            }
        });
        this.normIds = own.keySet().stream().map(Ids::of).toList();
        this.normTables = own.values().toArray(NormTable[]::new);
        this.normInstrument = new int[normTables.length];
        for (int n = 0; n < normTables.length; n++) {
            normInstrument[n] = instrumentIds.indexOf(normTables[n].definition().instrumentId());
        }
        this.policy = b.policy;
        List<CutoffPolicy> v = new ArrayList<>();
        if (b.policy != null) {
            v.add(b.policy);
            for (CutoffPolicy p : b.otherVersions) {
                if (!p.id().equals(b.policy.id())) {
                    throw new IllegalArgumentException(
                            "policy versions must share an id: " + p.key() + " is not a version of " + b.policy.id());
                }
                if (!v.contains(p)) {
                    v.add(p);
                }
            }
        }
        this.versions = List.copyOf(v);
        this.alwaysInForce = versions.stream().allMatch(CutoffPolicy::alwaysInForce);
        this.stage = b.stage;
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return instrument ids, sorted: the order of {@link StudentInput#answer(int, int, String)} and of results} */
    public List<String> instrumentIds() {
        return instrumentIds;
    }

    /**
     * {@return the compiled plan of an instrument, or empty when the screener has none of that id}
     *
     * @param instrumentId the instrument's id
     */
    public Optional<ScoringPlan> plan(String instrumentId) {
        int k = instrumentIndex(instrumentId);
        return k < 0 ? Optional.empty() : Optional.of(plans[k]);
    }

    /** {@return ids of the norm tables looked up for every student (those of its instruments), sorted} */
    public List<String> normTableIds() {
        return normIds;
    }

    /** {@return the policy version chosen by the builder, if any} */
    public Optional<CutoffPolicy> policy() {
        return Optional.ofNullable(policy);
    }

    /** {@return every version of the policy, the chosen one first} */
    public List<CutoffPolicy> policyVersions() {
        return versions;
    }

    /**
     * {@return a new, empty input for one thread: it empties itself after every {@link StudentInput#screen()},
     * so it can be reused student after student without carrying anything over}
     */
    public StudentInput newInput() {
        return new StudentInput(this);
    }

    /**
     * Screens one student filled in by {@code fill} on a fresh input: nothing of any other student
     * can be in it. The simplest safe call; a front end screening millions of records reuses one
     * {@link #newInput()} per thread instead, which is just as safe and allocates less.
     *
     * @param fill sets the student's fields, attributes and answers on the fresh input
     * @return the student's result
     */
    public ScreeningResult screen(java.util.function.Consumer<? super StudentInput> fill) {
        StudentInput in = newInput();
        fill.accept(in);
        return in.screen();
    }

    int instrumentIndex(String id) {
        return instrumentIds.indexOf(id);
    }

    ScreeningResult screen(StudentInput in) {
        List<RecordProblem> problems = new ArrayList<>(in.flags());
        boolean unscorable = false;
        for (RecordProblem p : problems) {
            unscorable |= p.unscorable();
        }
        String rawId = orEmpty(in.field(StudentField.STUDENT_ID));
        String id = Pseudonymizer.canonical(rawId);
        StudentProfile profile;
        Double seconds = null;
        Map<String, Boolean> attributes = new TreeMap<>();
        CutoffPolicy chosen;
        if (unscorable) {
            // Fields that cannot be trusted to sit in their columns are not read as grade, sex, dates or
            // attributes (a shifted row, a repeated header): unknown, and no reader problem is added.
            profile = new StudentProfile(null, null, null, null);
            chosen = policy;
        } else {
            LocalDate idBirth = null;
            if (id.isEmpty()) {
                problems.add(RecordProblem.of(ProblemCode.ROW_NO_ID));
            } else {
                String suspect = StudentIds.suspect(rawId, id);
                if (suspect != null) {
                    problems.add(
                            new RecordProblem(ProblemCode.ROW_SUSPECT_ID, StudentField.STUDENT_ID.column(), suspect));
                } else if ((idBirth = StudentIds.residentIdBirth(id)) != null && StudentIds.residentIdCheckFails(id)) {
                    problems.add(new RecordProblem(
                            ProblemCode.ROW_ID_CHECK_DIGIT,
                            StudentField.STUDENT_ID.column(),
                            "has the form of a resident id but its check character is wrong (GB 11643): check it"));
                }
            }
            LocalDate test = read(in, StudentField.TEST_DATE, StudentReaders::date, problems);
            Grade grade = read(in, StudentField.GRADE, cell -> StudentReaders.grade(cell, stage, test), problems);
            Sex sex = read(in, StudentField.SEX, StudentReaders::sex, problems);
            LocalDate birth = read(in, StudentField.BIRTH_DATE, StudentReaders::date, problems);
            if (idBirth != null && birth != null && !idBirth.equals(birth)) {
                problems.add(new RecordProblem(
                        ProblemCode.ROW_ID_BIRTH_DATE,
                        StudentField.BIRTH_DATE.column(),
                        "differs from the birth date inside the resident id: check both"));
            }
            profile = new StudentProfile(grade, sex, birth, test);
            if (profile.ageContradictsGrade()) {
                problems.add(RecordProblem.of(ProblemCode.ROW_AGE_GRADE));
            }
            in.attributes().forEach((name, raw) -> {
                if (raw == null || Cells.normalise(raw).isEmpty()) {
                    return; // blank: unknown
                }
                Boolean v = StudentReaders.yesNo(raw);
                if (v == null) {
                    problems.add(new RecordProblem(ProblemCode.ROW_BAD_ATTRIBUTE, "attr." + name, ""));
                } else {
                    attributes.put(name, v);
                }
            });
            chosen = versionFor(test, problems);
            seconds = read(in, StudentField.RESPONSE_SECONDS, StudentReaders::seconds, problems);
        }
        ResponseRow[] rows = new ResponseRow[plans.length];
        if (!unscorable) {
            for (int k = 0; k < plans.length; k++) {
                // each cell read once, here, in the input's own array: the input empties it after this
                // student, and no result keeps a row
                String[] cells = in.answers(k);
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = ResponseRow.cell(cells[i]);
                }
                rows[k] = ResponseRow.of(cells);
            }
        }
        double perItem = secondsPerItem(seconds, rows);

        ScoredResponse[] scored = new ScoredResponse[plans.length];
        for (int k = 0; k < plans.length; k++) {
            if (unscorable) {
                scored[k] = plans[k].unscorable();
            } else {
                scored[k] = plans[k].score(Double.isNaN(perItem) ? rows[k] : ResponseRow.timed(rows[k], perItem));
            }
        }
        NormResult[] normed = new NormResult[normTables.length];
        for (int n = 0; n < normTables.length; n++) {
            normed[n] = normTables[n].lookup(scored[normInstrument[n]], profile);
        }
        // by the screener's shared id lists, in their order: the screening and the result take these
        // immutable maps as they are, with no copy per student
        Map<String, ScoredResponse> forms = IdMap.of(instrumentIds, scored);
        Map<String, NormResult> looked = IdMap.of(normIds, normed);
        TierDecision decision = chosen == null
                ? null
                : Policies.decide(chosen, new Screening(forms, profile, attributes, norms, looked));
        return new ScreeningResult(
                id,
                Cells.trim(orEmpty(in.field(StudentField.SCHOOL))),
                Cells.trim(orEmpty(in.field(StudentField.CLASS))),
                Cells.trim(orEmpty(in.field(StudentField.REGION))),
                profile,
                attributes,
                problems,
                forms,
                looked,
                chosen,
                decision);
    }

    /** The version in force on {@code test}; else the chosen one, and the record is flagged. */
    private CutoffPolicy versionFor(LocalDate test, List<RecordProblem> problems) {
        if (policy == null) {
            return null;
        }
        if (test != null) {
            for (CutoffPolicy v : versions) {
                if (v.inForceOn(test)) {
                    return v;
                }
            }
        } else if (alwaysInForce) {
            return policy;
        }
        problems.add(new RecordProblem(
                ProblemCode.ROW_POLICY_NOT_IN_FORCE,
                StudentField.TEST_DATE.column(),
                test == null ? "no test date" : "outside every loaded version"));
        return policy;
    }

    private static <T> T read(
            StudentInput in, StudentField field, Function<String, T> reader, List<RecordProblem> problems) {
        String raw = in.field(field);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        T v = reader.apply(raw);
        if (v == null) {
            problems.add(new RecordProblem(
                    field == StudentField.RESPONSE_SECONDS
                            ? ProblemCode.ROW_BAD_RESPONSE_TIME
                            : ProblemCode.ROW_BAD_DEMOGRAPHIC,
                    field.column(),
                    ""));
        }
        return v;
    }

    /** The sitting's seconds per answered item, over every form; {@code NaN} without a time or an answer. */
    private double secondsPerItem(Double seconds, ResponseRow[] rows) {
        if (seconds == null) {
            return Double.NaN;
        }
        int answered = 0;
        for (int k = 0; k < plans.length; k++) {
            for (int i = 0; rows[k] != null && i < plans[k].itemCount(); i++) {
                CharSequence c = rows[k].answer(i);
                if (c != null && c.length() > 0) {
                    answered++;
                }
            }
        }
        return answered == 0 ? Double.NaN : seconds / answered;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Builds a {@link Screener}. */
    public static final class Builder {
        private final Map<String, ScoringPlan> plans = new LinkedHashMap<>();
        private final Map<String, NormTable> norms = new LinkedHashMap<>();
        private CutoffPolicy policy;
        private final List<CutoffPolicy> otherVersions = new ArrayList<>();
        private StudentReaders.Stage stage;

        private Builder() {}

        /**
         * Sets the school stage the records come from, so enrolment cohorts ({@code 2024级}) read as grades.
         *
         * @param schoolStage the stage (primary, junior, senior, vocational)
         * @return this builder
         */
        public Builder stage(StudentReaders.Stage schoolStage) {
            this.stage = schoolStage;
            return this;
        }

        /**
         * Adds an instrument under its definition's id.
         *
         * @param plan the instrument's compiled plan
         * @return this builder
         */
        public Builder instrument(ScoringPlan plan) {
            plans.put(plan.definition().id(), plan);
            return this;
        }

        /**
         * Adds instruments by id.
         *
         * @param byId compiled plans by instrument id
         * @return this builder
         */
        public Builder instruments(Map<String, ScoringPlan> byId) {
            plans.putAll(byId);
            return this;
        }

        /**
         * Adds norm tables by id: tables of a screened instrument are looked up for every student.
         *
         * @param byId norm tables by table id
         * @return this builder
         */
        public Builder norms(Map<String, NormTable> byId) {
            norms.putAll(byId);
            return this;
        }

        /**
         * Sets the policy that decides tiers (without one: scores and norms only). It decides the records
         * whose test date no other version covers.
         *
         * @param chosen the policy
         * @return this builder
         */
        public Builder policy(CutoffPolicy chosen) {
            this.policy = Objects.requireNonNull(chosen, "policy");
            return this;
        }

        /**
         * Adds other versions of the same policy; each decides the records whose test date it covers.
         *
         * @param versions the other versions
         * @return this builder
         */
        public Builder policyVersions(List<CutoffPolicy> versions) {
            otherVersions.addAll(versions);
            return this;
        }

        /**
         * {@return the screener}
         *
         * @throws DefinitionException ({@code PSY-1501}) when a policy is set and an instrument it (or
         * one of its versions) names is not planned, or planned in another version than it pins
         */
        public Screener build() {
            List<String> missing = new ArrayList<>();
            if (policy != null) {
                List<CutoffPolicy> all = new ArrayList<>(List.of(policy));
                all.addAll(otherVersions);
                for (CutoffPolicy p : all) {
                    for (String key : p.instrumentKeys()) {
                        ScoringPlan plan = plans.get(org.psyscreen.definition.IdVersion.idOf(key));
                        boolean pinned = key.indexOf('@') >= 0;
                        if ((plan == null || (pinned && !plan.key().equals(key))) && !missing.contains(key)) {
                            missing.add(key);
                        }
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new DefinitionException(
                        Problems.of(
                                List.of(
                                        new Problem(
                                                ProblemCode.SCREENER_INSTRUMENT_NOT_PLANNED,
                                                Severity.ERROR,
                                                SourceLocation.ofFile("Screener.builder()"),
                                                "",
                                                "policy " + policy.key() + " needs " + String.join(", ", missing)
                                                        + ", which the screener does not plan; every student would land in a follow-up tier",
                                                "add the plans the policy pins: Bundle.screener(policyId), or instruments(bundle.plansFor(policy))"))));
            }
            return new Screener(this);
        }
    }

    /** Instrument count, plans and norms only: a screener holds no student data. */
    @Override
    public String toString() {
        return "Screener[" + instrumentIds + ", " + Collections.unmodifiableList(normIds) + ", "
                + (policy == null ? "no policy" : policy.key()) + "]";
    }
}
