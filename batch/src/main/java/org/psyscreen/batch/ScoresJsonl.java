package org.psyscreen.batch;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psyscreen.norm.NormResult;
import org.psyscreen.score.CriticalState;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.score.StatusReason;
import org.psyscreen.tier.FollowUp;
import org.psyscreen.tier.RuleFiring;
import org.psyscreen.tier.TierDecision;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail {@code scores.jsonl}: one JSON object per record, in input order. This class holds
 * its schema, its writer and its typed reader; no other module knows its keys. The format version
 * is {@link #FORMAT}, written in the run's {@code summary.json} ({@link SummaryJson#formats()}),
 * which every reader reads first: a record line stays one plain object per student.
 *
 * <p>The reader checks each line's shape and types (numbers, enum names, ISO dates, reasons as
 * {@code CODE(subject)}) and refuses the first that is not as written, naming the line and field.
 * It does not believe the decisions it reads: checking them against the policy is the importer's job.
 */
public final class ScoresJsonl {
    /** The file's name in a run folder. */
    public static final String FILE = "scores.jsonl";

    /** The format version this class writes and reads. */
    public static final int FORMAT = 1;

    private ScoresJsonl() {}

    /**
     * One instrument's form as recorded.
     *
     * @param instrument the definition's {@code id@version}
     * @param status the form status
     * @param reasons why the form is not scored, or what was noted
     * @param scales scale values by scale id, {@code NaN} where none was computed
     * @param critical critical item states by item id
     */
    public record Form(
            String instrument,
            FormStatus status,
            List<StatusReason> reasons,
            Map<String, Double> scales,
            Map<String, CriticalState> critical) {}

    /**
     * One norm lookup as recorded.
     *
     * @param table the table's {@code id@version}
     * @param status {@code NORMED}, {@code NORMED_SYNTHETIC}, {@code NORMED_UNVERIFIED} or {@code NO_NORM <reason>}
     * @param t the T-score, {@code NaN} without a norm
     * @param percentile the percentile, {@code NaN} without a norm
     */
    public record Norm(String table, String status, double t, double percentile) {}

    /**
     * One rule that fired.
     *
     * @param rule the rule id ({@code critical:<instrument>.<item>} for a critical item)
     * @param tier the tier it puts the student in
     * @param read what the rule read, as the explanation gives it
     */
    public record Firing(String rule, String tier, List<String> read) {}

    /**
     * A decision as recorded: read, never believed.
     *
     * @param tier the tier id, or {@code null} for none
     * @param followUps the follow-ups
     * @param fired the rules that fired
     * @param unevaluated rules that could not be evaluated
     * @param policy the policy's {@code id@version}
     * @param policySha256 the policy's content hash (may be empty for a Java policy)
     * @param engine the engine version that decided
     */
    public record Decision(
            String tier,
            List<FollowUp> followUps,
            List<Firing> fired,
            List<String> unevaluated,
            String policy,
            String policySha256,
            String engine) {
        /** {@return the outcome as every output counts it: the tier id, "none" or "unevaluated"} */
        public String outcomeId() {
            return tier != null ? tier : unevaluated.isEmpty() ? TierDecision.NO_RISK_ID : TierDecision.UNDETERMINED_ID;
        }
    }

    /**
     * One record of the audit trail.
     *
     * @param record 1-based record number
     * @param line the input line it started on
     * @param student the keyed pseudonym, or the raw id of a run without a key, or {@code ""}
     * @param school school as read ({@code ""} when not given)
     * @param klass class as read
     * @param region region as read
     * @param grade grade as read
     * @param sex sex as written
     * @param testDate the test date, or {@code null}
     * @param problems record-level problems, each as {@code CODE column}
     * @param forms forms by instrument id
     * @param norms norm lookups by table id
     * @param decision the decision, or {@code null} for a run without a policy
     */
    public record Entry(
            long record,
            long line,
            String student,
            String school,
            String klass,
            String region,
            String grade,
            String sex,
            LocalDate testDate,
            List<String> problems,
            Map<String, Form> forms,
            Map<String, Norm> norms,
            Decision decision) {
        /** {@return true for a header repeated inside the input (a line that is not a student)} */
        public boolean repeatedHeader() {
            for (String p : problems) {
                if (p.startsWith(org.psyscreen.diagnostic.ProblemCode.ROW_HEADER_REPEATED.id())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "ScoresJsonl.Entry[record " + record + "]"; // it holds health data: never printed
        }
    }

    /**
     * Opens the audit trail of {@code runDir} for reading, after checking that the run's summary
     * lists it in this format version.
     *
     * @param runDir the folder {@code psyscreen score} wrote
     * @return a reader positioned before the first record
     * @throws IOException when the file cannot be opened
     * @throws RunFileException when the summary gives another format version, or none
     */
    public static Reader open(Path runDir) throws IOException {
        return open(runDir, SummaryJson.read(runDir));
    }

    /**
     * As {@link #open(Path)}, with the run's summary already read.
     *
     * @param runDir the folder {@code psyscreen score} wrote
     * @param summary its {@code summary.json}
     * @return a reader positioned before the first record
     * @throws IOException when the file cannot be opened
     * @throws RunFileException when the summary gives another format version, or none
     */
    public static Reader open(Path runDir, SummaryJson summary) throws IOException {
        summary.requireFormat(FILE, FORMAT);
        return new Reader(Files.newBufferedReader(runDir.resolve(FILE), StandardCharsets.UTF_8));
    }

    /** Reads records one at a time; holds one line in memory. */
    public static final class Reader implements Closeable {
        private final BufferedReader in;
        private long line;

        private Reader(BufferedReader in) {
            this.in = in;
        }

        /**
         * {@return the next record, or {@code null} at the end of the file}
         *
         * @throws IOException when the file cannot be read
         * @throws RunFileException when a line is not a record as psyscreen writes it
         */
        public Entry next() throws IOException {
            String text;
            do {
                text = in.readLine();
                if (text == null) {
                    return null;
                }
                line++;
            } while (text.isEmpty());
            JsonNode n;
            try {
                n = JsonReading.MAPPER.readTree(text);
            } catch (JacksonException e) {
                throw damaged(line, null, "is not a JSON object");
            }
            return new Parse(line).entry(n);
        }

        /** {@return the number of the line last read (1-based)} */
        public long line() {
            return line;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Reads one line's tree, naming the field that is not as written. */
    private record Parse(long line) {
        Entry entry(JsonNode n) {
            if (!n.isObject()) {
                throw damaged(line, null, "is not a JSON object");
            }
            long record = n.path("record").isIntegralNumber() ? n.path("record").asLong() : 0;
            if (record < 1) {
                throw damaged(line, "record", "is not a record number");
            }
            Map<String, Form> forms = new LinkedHashMap<>();
            int formAt = 0;
            for (var f : object(n, "forms").properties()) {
                forms.put(f.getKey(), form(f.getValue(), "forms entry " + ++formAt));
            }
            Map<String, Norm> norms = new LinkedHashMap<>();
            int normAt = 0;
            for (var t : object(n, "norms").properties()) {
                String where = "norms entry " + ++normAt;
                JsonNode x = t.getValue();
                norms.put(
                        t.getKey(),
                        new Norm(
                                text(x, where, "table"),
                                text(x, where, "status"),
                                number(x, where, "t"),
                                number(x, where, "percentile")));
            }
            JsonNode d = n.path("decision");
            return new Entry(
                    record,
                    n.path("line").isIntegralNumber() ? n.path("line").asLong() : fail("line", "is not a line number"),
                    text(n, null, "student"),
                    text(n, null, "school"),
                    text(n, null, "class"),
                    text(n, null, "region"),
                    text(n, null, "grade"),
                    text(n, null, "sex"),
                    date(n),
                    texts(n, null, "problems"),
                    Collections.unmodifiableMap(forms),
                    Collections.unmodifiableMap(norms),
                    d.isMissingNode() || d.isNull() ? null : decision(d));
        }

        private Form form(JsonNode f, String where) {
            if (!f.isObject()) {
                throw damaged(line, where, "is not an object");
            }
            FormStatus status = constant(FormStatus.class, text(f, where, "status"), at(where, "status"));
            List<StatusReason> reasons = new ArrayList<>();
            for (String r : texts(f, where, "reasons")) {
                try {
                    reasons.add(StatusReason.parse(r)); // the one reader of what StatusReason.toString writes
                } catch (IllegalArgumentException e) {
                    throw damaged(line, at(where, "reasons"), "has a form reason psyscreen does not write");
                }
            }
            Map<String, Double> scales = new LinkedHashMap<>();
            int scaleAt = 0;
            for (var s : object(f, "scales", where).properties()) {
                JsonNode v = s.getValue();
                scaleAt++;
                if (!v.isNull() && !v.isNumber()) {
                    throw damaged(line, where + ", scales entry " + scaleAt, "is not a number");
                }
                scales.put(s.getKey(), v.isNull() ? Double.NaN : v.asDouble());
            }
            Map<String, CriticalState> critical = new LinkedHashMap<>();
            int criticalAt = 0;
            for (var c : object(f, "critical", where).properties()) {
                String at = where + ", critical entry " + ++criticalAt;
                if (!c.getValue().isString()) {
                    throw damaged(line, at, "is not a critical item state");
                }
                critical.put(
                        c.getKey(), constant(CriticalState.class, c.getValue().asString(), at));
            }
            return new Form(
                    text(f, where, "instrument"),
                    status,
                    List.copyOf(reasons),
                    Collections.unmodifiableMap(scales),
                    Collections.unmodifiableMap(critical));
        }

        private Decision decision(JsonNode d) {
            if (!d.isObject()) {
                throw damaged(line, "decision", "is not an object");
            }
            JsonNode tier = d.path("tier");
            if (!tier.isNull() && !tier.isString()) {
                throw damaged(line, "decision.tier", "has a tier that is not a tier id");
            }
            List<FollowUp> followUps = new ArrayList<>();
            for (String f : texts(d, "decision", "followUps")) {
                followUps.add(constant(FollowUp.class, f, "decision.followUps"));
            }
            List<Firing> fired = new ArrayList<>();
            JsonNode firings = d.path("fired");
            if (!firings.isArray()) {
                throw damaged(line, "decision.fired", "is not a list");
            }
            for (JsonNode f : firings) {
                if (!f.isObject()) {
                    throw damaged(line, "decision.fired", "has an entry that is not an object");
                }
                fired.add(new Firing(
                        text(f, "decision.fired", "rule"),
                        text(f, "decision.fired", "tier"),
                        texts(f, "decision.fired", "read")));
            }
            return new Decision(
                    tier.isString() ? tier.asString() : null,
                    List.copyOf(followUps),
                    List.copyOf(fired),
                    texts(d, "decision", "unevaluated"),
                    text(d, "decision", "policy"),
                    text(d, "decision", "policySha256"),
                    text(d, "decision", "engine"));
        }

        private LocalDate date(JsonNode n) {
            JsonNode d = n.path("testDate");
            if (d.isNull() || d.isMissingNode()) {
                return null;
            }
            try {
                return LocalDate.parse(d.asString());
            } catch (DateTimeParseException | JacksonException e) {
                throw damaged(line, "testDate", "is not an ISO date");
            }
        }

        private JsonNode object(JsonNode n, String field) {
            return object(n, field, null);
        }

        private JsonNode object(JsonNode n, String field, String where) {
            JsonNode v = n.path(field);
            if (!v.isObject()) {
                throw damaged(line, at(where, field), "is not an object");
            }
            return v;
        }

        private String text(JsonNode n, String where, String field) {
            JsonNode v = n.path(field);
            if (!v.isString()) {
                throw damaged(line, at(where, field), "is not text");
            }
            return v.asString();
        }

        private double number(JsonNode n, String where, String field) {
            JsonNode v = n.path(field);
            if (v.isMissingNode() || v.isNull()) {
                return Double.NaN;
            }
            if (!v.isNumber()) {
                throw damaged(line, at(where, field), "is not a number");
            }
            return v.asDouble();
        }

        private List<String> texts(JsonNode n, String where, String field) {
            JsonNode v = n.path(field);
            if (!v.isArray()) {
                throw damaged(line, at(where, field), "is not a list");
            }
            List<String> out = new ArrayList<>(v.size());
            for (JsonNode x : v) {
                if (!x.isString()) {
                    throw damaged(line, at(where, field), "holds something that is not text");
                }
                out.add(x.asString());
            }
            return List.copyOf(out);
        }

        private <E extends Enum<E>> E constant(Class<E> type, String name, String where) {
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException e) {
                throw damaged(line, where, "has a value psyscreen does not know");
            }
        }

        private long fail(String field, String what) {
            throw damaged(line, field, what);
        }

        private static String at(String where, String field) {
            return where == null ? field : where + ", field " + field;
        }
    }

    private static RunFileException damaged(long line, String field, String what) {
        return new RunFileException(FILE + " line " + line + (field == null ? "" : ", " + field) + " " + what
                + " (cut, damaged or edited): it is not a record as psyscreen writes it");
    }

    /** The entry {@link #write} writes for {@code o}, as {@link Reader} reads it back. */
    static Entry entry(RowOutcome o, List<String> normTableIds) {
        Map<String, Form> forms = new LinkedHashMap<>();
        for (var e : o.forms().entrySet()) {
            ScoredResponse r = e.getValue();
            Map<String, Double> scales = new LinkedHashMap<>();
            for (int s = 0; s < r.scaleIds().size(); s++) {
                scales.put(r.scaleIds().get(s), r.scaleValue(s));
            }
            Map<String, CriticalState> critical = new LinkedHashMap<>();
            for (int k = 0; k < r.criticalIds().size(); k++) {
                critical.put(r.criticalIds().get(k), r.critical(k));
            }
            forms.put(
                    e.getKey(),
                    new Form(
                            r.instrumentKey(),
                            r.status(),
                            List.copyOf(r.reasons()),
                            Collections.unmodifiableMap(scales),
                            Collections.unmodifiableMap(critical)));
        }
        Map<String, Norm> norms = new LinkedHashMap<>();
        for (String id : normTableIds) {
            NormResult n = o.norms().get(id);
            norms.put(
                    id,
                    n instanceof NormResult.Normed normed
                            ? new Norm(n.tableKey(), normStatus(normed), normed.t(), normed.percentile())
                            : new Norm(
                                    n.tableKey(),
                                    noNormStatus(((NormResult.NoNorm) n).reason()),
                                    Double.NaN,
                                    Double.NaN));
        }
        TierDecision d = o.decision();
        Decision decision = null;
        if (d != null) {
            List<Firing> fired = new ArrayList<>();
            for (RuleFiring f : d.fired()) {
                fired.add(new Firing(
                        f.ruleId(),
                        f.tierId(),
                        f.readings().stream().map(Object::toString).toList()));
            }
            decision = new Decision(
                    d.tier() == null ? null : d.tier().id(),
                    List.copyOf(d.followUps()),
                    List.copyOf(fired),
                    List.copyOf(d.unevaluated()),
                    d.policyKey(),
                    d.policySha256(),
                    d.engineVersion());
        }
        RowOutcome.Demographics demo = o.demographics();
        return new Entry(
                o.recordNo(),
                o.line(),
                o.student(),
                demo.school(),
                demo.klass(),
                demo.region(),
                demo.grade(),
                demo.sex(),
                o.testDate(),
                List.copyOf(o.problemTexts()),
                Collections.unmodifiableMap(forms),
                Collections.unmodifiableMap(norms),
                decision);
    }

    /** Writes one record as one JSON object (no line end: the generator's separator adds it). */
    static void write(RowOutcome o, List<String> normTableIds, JsonGenerator g) {
        g.writeStartObject();
        g.writeNumberProperty("record", o.recordNo());
        g.writeNumberProperty("line", o.line());
        g.writeStringProperty("student", o.student());
        RowOutcome.Demographics demo = o.demographics();
        g.writeStringProperty("school", demo.school());
        g.writeStringProperty("class", demo.klass());
        g.writeStringProperty("region", demo.region());
        g.writeStringProperty("grade", demo.grade());
        g.writeStringProperty("sex", demo.sex());
        g.writeStringProperty(
                "testDate", o.testDate() == null ? null : o.testDate().toString());
        g.writeArrayPropertyStart("problems");
        for (String p : o.problemTexts()) {
            g.writeString(p);
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("forms");
        for (var e : o.forms().entrySet()) {
            writeForm(e.getKey(), e.getValue(), g);
        }
        g.writeEndObject();
        writeNorms(o, normTableIds, g);
        TierDecision d = o.decision();
        if (d != null) {
            writeDecision(d, g);
        }
        g.writeEndObject();
    }

    private static void writeForm(String id, ScoredResponse r, JsonGenerator g) {
        g.writeObjectPropertyStart(id);
        g.writeStringProperty("instrument", r.instrumentKey());
        g.writeStringProperty("status", r.status().name());
        g.writeArrayPropertyStart("reasons");
        for (var reason : r.reasons()) {
            g.writeString(reason.toString());
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("scales");
        for (int s = 0; s < r.scaleIds().size(); s++) {
            double x = r.scaleValue(s);
            if (Double.isNaN(x)) {
                g.writeNullProperty(r.scaleIds().get(s));
            } else {
                g.writeNumberProperty(r.scaleIds().get(s), x);
            }
        }
        g.writeEndObject();
        boolean banded = false;
        for (int s = 0; s < r.scaleIds().size() && !banded; s++) {
            banded = r.hasBands(s);
        }
        if (banded) {
            // derived from the scores: a reader re-derives them, never trusts them
            g.writeObjectPropertyStart("bands");
            for (int s = 0; s < r.scaleIds().size(); s++) {
                if (r.hasBands(s)) {
                    g.writeStringProperty(
                            r.scaleIds().get(s), r.band(s).map(b -> b.id()).orElse(null));
                }
            }
            g.writeEndObject();
        }
        g.writeObjectPropertyStart("critical");
        for (int k = 0; k < r.criticalIds().size(); k++) {
            g.writeStringProperty(r.criticalIds().get(k), r.critical(k).name());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeDecision(TierDecision d, JsonGenerator g) {
        g.writeObjectPropertyStart("decision");
        g.writeStringProperty("tier", d.tier() == null ? null : d.tier().id());
        g.writeArrayPropertyStart("followUps");
        for (var f : d.followUps()) {
            g.writeString(f.name());
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("fired");
        for (RuleFiring f : d.fired()) {
            g.writeStartObject();
            g.writeStringProperty("rule", f.ruleId());
            g.writeStringProperty("tier", f.tierId());
            g.writeArrayPropertyStart("read");
            for (var r : f.readings()) {
                g.writeString(r.toString());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("unevaluated");
        for (String u : d.unevaluated()) {
            g.writeString(u);
        }
        g.writeEndArray();
        g.writeStringProperty("policy", d.policyKey());
        g.writeStringProperty("policySha256", d.policySha256());
        g.writeStringProperty("engine", d.engineVersion());
        g.writeEndObject();
    }

    /** Every norm lookup: the table version and the T-score and percentile, or why there is none. */
    private static void writeNorms(RowOutcome o, List<String> normTableIds, JsonGenerator g) {
        g.writeObjectPropertyStart("norms");
        for (String id : normTableIds) {
            NormResult n = o.norms().get(id);
            g.writeObjectPropertyStart(id);
            g.writeStringProperty("table", n.tableKey());
            if (n instanceof NormResult.Normed normed) {
                g.writeStringProperty("status", normStatus(normed));
                g.writeNumberProperty("t", normed.t());
                g.writeNumberProperty("percentile", normed.percentile());
            } else {
                g.writeStringProperty("status", noNormStatus(((NormResult.NoNorm) n).reason()));
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** The status of a norm that was not found, as every run file spells it: {@code NO_NORM <reason>}. */
    static String noNormStatus(NormResult.Reason reason) {
        return NO_NORM.get(reason);
    }

    /** {@link #noNormStatus} of every reason, spelt once (a record without a norm is written with it). */
    private static final java.util.Map<NormResult.Reason, String> NO_NORM = noNormStatuses();

    private static java.util.Map<NormResult.Reason, String> noNormStatuses() {
        java.util.Map<NormResult.Reason, String> m = new java.util.EnumMap<>(NormResult.Reason.class);
        for (NormResult.Reason r : NormResult.Reason.values()) {
            m.put(r, "NO_NORM " + r);
        }
        return m;
    }

    /** The status of a norm that was found, as every run file spells it. */
    static String normStatus(NormResult.Normed normed) {
        return normed.synthetic() ? "NORMED_SYNTHETIC" : normed.verified() ? "NORMED" : "NORMED_UNVERIFIED";
    }
}
