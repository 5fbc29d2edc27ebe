package org.psyscreen.records;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.psyscreen.batch.RunFileException;
import org.psyscreen.batch.ScoresJsonl;
import org.psyscreen.batch.SummaryJson;
import org.psyscreen.definition.Scale;
import org.psyscreen.load.Bundle;
import org.psyscreen.tier.CutoffPolicy;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One import of a scored run into the store, inside the store's write transaction. */
final class RunImporter {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RecordStore store;
    private final Path runDir;
    private final Wave requested;
    private final Bundle bundle;
    private final LongConsumer progress;

    RunImporter(RecordStore store, Path runDir, Wave wave, Bundle bundle, LongConsumer progress) {
        this.store = store;
        this.runDir = runDir;
        this.requested = wave;
        this.bundle = bundle;
        this.progress = progress;
    }

    /** Each instrument's definition hash, from the run's summary. */
    private Map<String, String> shas = Map.of();

    ImportResult run() throws SQLException {
        SummaryJson summary = summary();
        Map<String, String> definitions = new HashMap<>();
        summary.instruments().forEach((id, d) -> definitions.put(id, d.sha256()));
        shas = definitions;
        checkKey(summary.keyId());
        CutoffPolicy policy = policy(summary.policy());
        List<String> tiers = policy == null ? List.of() : policy.tierIds();

        // The same input in another wave is a mistake (a file is one wave's screening).
        for (Object[] r : store.rows(
                "SELECT w.name FROM import_run i JOIN wave w ON w.id = i.wave_id WHERE i.input_sha256 = ? AND w.name <> ?",
                List.of(summary.inputSha256(), requested.name()))) {
            throw new RecordStoreException(
                    "this input (sha256 " + summary.inputSha256().substring(0, 16) + "…) was imported as wave '" + r[0]
                            + "' already; a file is one wave's screening");
        }
        WaveRow wave = wave();
        long waveId = wave.id();
        if (!store.rows(
                        "SELECT id FROM import_run WHERE wave_id = ? AND input_sha256 = ? AND policy = ?",
                        List.of(waveId, summary.inputSha256(), summary.policy()))
                .isEmpty()) {
            return new ImportResult(requested.name(), true, false, summary.recordsOut(), 0, 0, 0, 0, 0);
        }
        boolean redecision = !store.rows(
                        "SELECT id FROM import_run WHERE wave_id = ? AND input_sha256 = ?",
                        List.of(waveId, summary.inputSha256()))
                .isEmpty();
        long importId = store.nextId("import_run");
        store.update(
                "INSERT INTO import_run (id, wave_id, input_sha256, policy, policy_sha256, records_in, records_stored,"
                        + " records_without_id, engine_version, imported_at) VALUES (?, ?, ?, ?, '', ?, 0, 0, ?, ?)",
                importId,
                waveId,
                summary.inputSha256(),
                summary.policy(),
                summary.recordsOut(),
                summary.engineVersion(),
                store.now());
        Batch batch = redecision
                ? new Redecision(waveId, summary.inputSha256(), importId, tiers)
                : new FirstImport(waveId, summary.inputSha256(), importId, tiers, policy);
        DecisionCheck check = policy == null ? null : new DecisionCheck(policy, plansOf(policy));
        long lines = 0;
        long stored = 0;
        long withoutId = 0;
        String policySha = "";
        Set<String> instrumentKeys = new LinkedHashSet<>();
        LocalDate first = null;
        try (ScoresJsonl.Reader in = ScoresJsonl.open(runDir)) {
            for (ScoresJsonl.Entry n; (n = in.next()) != null; ) {
                lines++;
                if (n.testDate() != null) {
                    first = first == null || n.testDate().isBefore(first) ? n.testDate() : first;
                }
                if (check != null) {
                    check.check(n);
                }
                String token = n.student();
                if (token.isEmpty()) {
                    withoutId++;
                } else {
                    if (!token.startsWith("ps1.")) {
                        throw new RecordStoreException("scores.jsonl line " + in.line()
                                + ": the student column is not a keyed pseudonym; records keep pseudonyms only");
                    }
                    n.forms().values().forEach(f -> instrumentKeys.add(f.instrument()));
                    if (n.decision() != null && policySha.isEmpty()) {
                        policySha = n.decision().policySha256();
                    }
                    batch.add(token, n);
                    stored++;
                }
                if (lines % 10_000 == 0) {
                    progress.accept(lines);
                }
            }
        } catch (RunFileException e) {
            throw new RecordStoreException(e.getMessage() + "; nothing was imported");
        } catch (IOException e) {
            throw new RecordStoreException("cannot read scores.jsonl in " + runDir.getFileName() + " ("
                    + e.getClass().getSimpleName() + "); nothing was imported");
        }
        if (lines != summary.recordsOut()) {
            throw new RecordStoreException("scores.jsonl holds " + lines + " records and summary.json says "
                    + summary.recordsOut() + ": the run folder is damaged; score the file again");
        }
        if (check != null) {
            check.checkCounts(summary.tierCounts());
        }
        batch.finish();
        if (wave.created()) {
            settle(wave, first);
        }
        progress.accept(lines);
        store.update(
                "UPDATE import_run SET records_stored = ?, records_without_id = ?, policy_sha256 = ? WHERE id = ?",
                stored,
                withoutId,
                policySha,
                importId);
        if (!redecision) {
            reliabilities(instrumentKeys);
        }
        // Cases are replayed from the data once the wave's school year and term are settled: the same
        // cases whatever order waves are imported in.
        Cases.Counts cases =
                !redecision && policy != null ? new Cases(store).rebuild(policy.id(), waveId) : new Cases.Counts();
        return new ImportResult(
                requested.name(),
                false,
                redecision,
                lines,
                stored,
                withoutId,
                cases.opened,
                cases.escalated,
                cases.reopened);
    }

    private SummaryJson summary() {
        SummaryJson s;
        try {
            s = SummaryJson.read(runDir);
        } catch (RunFileException e) {
            throw new RecordStoreException(e.getMessage());
        }
        if (!s.finished()) {
            throw new RecordStoreException("the run in " + runDir.getFileName()
                    + " was refused or incomplete when it was scored (see its summary.json); nothing to import");
        }
        if (!s.outputs().contains(ScoresJsonl.FILE)
                || !java.nio.file.Files.isRegularFile(runDir.resolve(ScoresJsonl.FILE))) {
            throw new RecordStoreException("the run in " + runDir.getFileName()
                    + " has no audit trail (scores.jsonl): score with --outputs including jsonl (the default) to"
                    + " import it");
        }
        return s;
    }

    private void checkKey(String keyId) throws SQLException {
        if (keyId.isEmpty()) {
            throw new RecordStoreException("the run was scored without a key (--key), so its student column holds"
                    + " raw ids; records keep keyed pseudonyms only: score again with --key FILE");
        }
        List<Object[]> rows = store.rows("SELECT key_id FROM store_info", List.of());
        if (rows.size() > 1) {
            throw new RecordStoreException(store.label() + " names " + rows.size() + " keys (store_info was edited or"
                    + " damaged): a store holds students of one key only; nothing was imported — restore it from a"
                    + " backup");
        }
        if (rows.isEmpty()) {
            store.update("INSERT INTO store_info (key_id) VALUES (?)", keyId);
        } else if (!keyId.equals(rows.get(0)[0])) {
            throw new RecordStoreException("the run was scored with key " + keyId + " and " + store.label()
                    + " holds students pseudonymised with key " + rows.get(0)[0]
                    + ": the same student would be two people; score with the store's key");
        }
    }

    /** The plans the policy pins, or none when the bundle lacks one (the rules are then not re-run). */
    private Map<String, org.psyscreen.plan.ScoringPlan> plansOf(CutoffPolicy policy) {
        try {
            return bundle.plansFor(policy);
        } catch (org.psyscreen.diagnostic.DefinitionException e) {
            return Map.of();
        }
    }

    private CutoffPolicy policy(String key) {
        if (key.isEmpty()) {
            return null;
        }
        return bundle.policyVersion(key)
                .orElseThrow(() -> new RecordStoreException("the run was decided under policy " + key
                        + ", which is not loaded: give the folder that holds it with --bundle"));
    }

    /** The wave's id, and whether this import creates it (its school year and term are then settled last). */
    private record WaveRow(long id, boolean created) {}

    private WaveRow wave() throws SQLException {
        List<Object[]> rows =
                store.rows("SELECT id, school_year, term FROM wave WHERE name = ?", List.of(requested.name()));
        if (!rows.isEmpty()) {
            Object[] r = rows.get(0);
            if (requested.complete()
                    && (!requested.schoolYear().equals(r[1]) || requested.term() != ((Number) r[2]).intValue())) {
                throw new RecordStoreException("wave '" + requested.name() + "' is school year " + r[1] + " term "
                        + r[2] + " already; give another wave name or leave out --school-year and --term");
            }
            return new WaveRow(((Number) r[0]).longValue(), false);
        }
        long id = store.nextId("wave");
        store.update(
                "INSERT INTO wave (id, name, school_year, term, first_test_date, created_at) VALUES (?, ?, ?, ?, NULL, ?)",
                id,
                requested.name(),
                requested.schoolYear() == null ? "" : requested.schoolYear(),
                requested.term() == 0 ? 1 : requested.term(),
                store.now());
        return new WaveRow(id, true);
    }

    /** A new wave's school year and term, from the request or else the run's earliest test date. */
    private void settle(WaveRow wave, LocalDate first) throws SQLException {
        Wave w = requested;
        if (!w.complete()) {
            if (first == null) {
                throw new RecordStoreException("no record of the run has a test date, so the school year and term of"
                        + " wave '" + w.name() + "' are unknown: give --school-year and --term");
            }
            Wave derived = Wave.on(w.name(), first);
            w = new Wave(
                    w.name(),
                    w.schoolYear() == null ? derived.schoolYear() : w.schoolYear(),
                    w.term() == 0 ? derived.term() : w.term());
        }
        store.update(
                "UPDATE wave SET school_year = ?, term = ?, first_test_date = ? WHERE id = ?",
                w.schoolYear(),
                w.term(),
                first == null ? null : first.toString(),
                wave.id());
    }

    /** Keeps each instrument's declared reliabilities beside the scores (for the RCI in later years). */
    private void reliabilities(Set<String> keys) throws SQLException {
        for (String key : keys) {
            var def = bundle.instrument(key);
            if (def.isEmpty()) {
                continue; // no RCI for it: said so where a change is shown
            }
            for (Scale s : def.get().scales()) {
                if (s.reliability() == null
                        || !store.rows(
                                        "SELECT scale FROM scale_reliability WHERE instrument_key = ? AND scale = ?",
                                        List.of(key, s.id()))
                                .isEmpty()) {
                    continue;
                }
                var r = s.reliability();
                String citation = def.get().citations().stream()
                        .filter(c -> c.id().equals(r.source()))
                        .map(c -> c.text())
                        .findFirst()
                        .orElse(r.source());
                store.update(
                        "INSERT INTO scale_reliability (instrument_key, scale, coefficient, kind, sd, source, citation,"
                                + " sample) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        key,
                        s.id(),
                        r.coefficient(),
                        org.psyscreen.definition.Ids.word(r.kind()),
                        r.sd(),
                        r.source(),
                        citation,
                        r.sample());
            }
        }
    }

    /** Rows of one import, written in JDBC batches. */
    private abstract class Batch {
        final long importId;
        final List<String> tiers;
        final PreparedStatement decision;
        int pending;

        Batch(long importId, List<String> tiers) throws SQLException {
            this.importId = importId;
            this.tiers = tiers;
            this.decision = store.connection()
                    .prepareStatement("INSERT INTO decision (id, screening_id, policy, policy_sha256, tier, tier_rank,"
                            + " undetermined, follow_ups, explanation, engine_version, import_id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        abstract void add(String token, ScoresJsonl.Entry n) throws SQLException;

        /** Adds the decision of a record; returns its tier rank (tiers.size() = none). */
        int decision(long decisionId, long screeningId, ScoresJsonl.Decision d) throws SQLException {
            String tier = d.tier();
            int rank = tier == null ? tiers.size() : tiers.indexOf(tier);
            boolean undetermined = tier == null && !d.unevaluated().isEmpty();
            decision.setLong(1, decisionId);
            decision.setLong(2, screeningId);
            decision.setString(3, d.policy());
            decision.setString(4, d.policySha256());
            decision.setString(5, tier);
            decision.setInt(6, rank);
            decision.setInt(7, undetermined ? 1 : 0);
            decision.setString(
                    8, String.join(" ", d.followUps().stream().map(Enum::name).toList()));
            decision.setString(9, explanation(d));
            decision.setString(10, d.engine());
            decision.setLong(11, importId);
            decision.addBatch();
            return rank;
        }

        void flushIfFull() throws SQLException {
            if (++pending >= RecordStore.BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            decision.executeBatch();
            pending = 0;
        }

        void finish() throws SQLException {
            flush();
            decision.close();
        }
    }

    /** A wave's first import of an input: screenings, forms, scales, norms, decisions and cases. */
    private final class FirstImport extends Batch {
        private final long waveId;
        private final String inputSha;
        private final Map<String, Long> students = new HashMap<>();
        private final PreparedStatement student;
        private final PreparedStatement screening;
        private final PreparedStatement form;
        private final PreparedStatement scale;
        private final PreparedStatement norm;
        private long nextStudent;
        private long nextScreening;
        private long nextDecision;

        FirstImport(long waveId, String inputSha, long importId, List<String> tiers, CutoffPolicy policy)
                throws SQLException {
            super(importId, tiers);
            this.waveId = waveId;
            this.inputSha = inputSha;
            for (Object[] r : store.rows("SELECT token, id FROM student", List.of())) {
                students.put((String) r[0], ((Number) r[1]).longValue());
            }
            nextStudent = store.nextId("student");
            nextScreening = store.nextId("screening");
            nextDecision = store.nextId("decision");
            var c = store.connection();
            student = c.prepareStatement("INSERT INTO student (id, token) VALUES (?, ?)");
            screening = c.prepareStatement(
                    "INSERT INTO screening (id, wave_id, student_id, input_sha256, record_no,"
                            + " region, school, class, grade, sex, test_date, problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            form = c.prepareStatement("INSERT INTO form_result (screening_id, instrument, instrument_key,"
                    + " definition_sha256, status, reasons, critical) VALUES (?, ?, ?, ?, ?, ?, ?)");
            scale = c.prepareStatement(
                    "INSERT INTO scale_score (screening_id, instrument, scale, value) VALUES (?, ?, ?, ?)");
            norm = c.prepareStatement("INSERT INTO norm_result (screening_id, norm_table, table_key, status, t,"
                    + " percentile) VALUES (?, ?, ?, ?, ?, ?)");
        }

        @Override
        void add(String token, ScoresJsonl.Entry n) throws SQLException {
            Long studentId = students.get(token);
            if (studentId == null) {
                studentId = nextStudent++;
                students.put(token, studentId);
                student.setLong(1, studentId);
                student.setString(2, token);
                student.addBatch();
            }
            long id = nextScreening++;
            screening.setLong(1, id);
            screening.setLong(2, waveId);
            screening.setLong(3, studentId);
            screening.setString(4, inputSha);
            screening.setLong(5, n.record());
            screening.setString(6, n.region());
            screening.setString(7, n.school());
            screening.setString(8, n.klass());
            screening.setString(9, n.grade());
            screening.setString(10, n.sex());
            screening.setString(11, n.testDate() == null ? null : n.testDate().toString());
            screening.setString(12, String.join(" | ", n.problems()));
            screening.addBatch();
            for (var f : n.forms().entrySet()) {
                ScoresJsonl.Form v = f.getValue();
                form.setLong(1, id);
                form.setString(2, f.getKey());
                form.setString(3, v.instrument());
                form.setString(4, shas.getOrDefault(f.getKey(), ""));
                form.setString(5, v.status().name());
                form.setString(
                        6,
                        String.join(
                                " ", v.reasons().stream().map(Object::toString).toList()));
                StringBuilder crit = new StringBuilder();
                v.critical()
                        .forEach((item, state) -> crit.append(crit.isEmpty() ? "" : " ")
                                .append(item)
                                .append('=')
                                .append(state.name()));
                form.setString(7, crit.toString());
                form.addBatch();
                for (var sc : v.scales().entrySet()) {
                    scale.setLong(1, id);
                    scale.setString(2, f.getKey());
                    scale.setString(3, sc.getKey());
                    setNullable(scale, 4, sc.getValue());
                    scale.addBatch();
                }
            }
            for (var t : n.norms().entrySet()) {
                ScoresJsonl.Norm v = t.getValue();
                norm.setLong(1, id);
                norm.setString(2, t.getKey());
                norm.setString(3, v.table());
                norm.setString(4, v.status());
                setNullable(norm, 5, v.t());
                setNullable(norm, 6, v.percentile());
                norm.addBatch();
            }
            if (n.decision() != null) {
                decision(nextDecision++, id, n.decision());
            }
            flushIfFull();
        }

        @Override
        void flush() throws SQLException {
            student.executeBatch();
            screening.executeBatch();
            form.executeBatch();
            scale.executeBatch();
            norm.executeBatch();
            super.flush();
        }

        @Override
        void finish() throws SQLException {
            super.finish();
            for (PreparedStatement s : List.of(student, screening, form, scale, norm)) {
                s.close();
            }
        }
    }

    /** The same input under another policy version: decisions only, beside the old ones. */
    private final class Redecision extends Batch {
        private final Map<Long, Long> screeningByRecord = new HashMap<>();
        private final Map<String, String> shaByInstrument = new HashMap<>();
        private final Set<String> decided = new java.util.HashSet<>();
        private long nextDecision;

        Redecision(long waveId, String inputSha, long importId, List<String> tiers) throws SQLException {
            super(importId, tiers);
            for (Object[] r : store.rows(
                    "SELECT record_no, id FROM screening WHERE wave_id = ? AND input_sha256 = ?",
                    List.of(waveId, inputSha))) {
                screeningByRecord.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
            }
            for (Object[] r : store.rows(
                    "SELECT DISTINCT f.instrument, f.definition_sha256 FROM form_result f JOIN screening s ON"
                            + " s.id = f.screening_id WHERE s.wave_id = ? AND s.input_sha256 = ?",
                    List.of(waveId, inputSha))) {
                shaByInstrument.put((String) r[0], (String) r[1]);
            }
            for (Object[] r : store.rows(
                    "SELECT d.screening_id, d.policy FROM decision d JOIN screening s ON s.id = d.screening_id"
                            + " WHERE s.wave_id = ? AND s.input_sha256 = ?",
                    List.of(waveId, inputSha))) {
                decided.add(r[0] + " " + r[1]);
            }
            nextDecision = store.nextId("decision");
        }

        @Override
        void add(String token, ScoresJsonl.Entry n) throws SQLException {
            Long screeningId = screeningByRecord.get(n.record());
            if (screeningId == null) {
                throw new RecordStoreException("record " + n.record()
                        + " of this run is not in the wave's earlier import of the same input; nothing was imported");
            }
            for (var f : n.forms().entrySet()) {
                String was = shaByInstrument.get(f.getKey());
                if (was != null && !was.equals(shas.getOrDefault(f.getKey(), ""))) {
                    throw new RecordStoreException("instrument " + f.getKey() + " was scored with another definition"
                            + " when this wave was imported: a re-decision scores the same input with the same"
                            + " definitions under a new policy version; nothing was imported");
                }
            }
            ScoresJsonl.Decision d = n.decision();
            // A record decided under a version the screening already has (in force on its test date) is
            // decided already: only decisions under other versions are added.
            if (d != null && decided.add(screeningId + " " + d.policy())) {
                decision(nextDecision++, screeningId, d);
            }
            flushIfFull();
        }
    }

    private static void setNullable(PreparedStatement s, int index, double v) throws SQLException {
        if (Double.isNaN(v)) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, v);
        }
    }

    /** The part of a decision that explains it: the rules that fired and what they read, and the unevaluated. */
    private static String explanation(ScoresJsonl.Decision d) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode fired = o.putArray("fired");
        for (ScoresJsonl.Firing f : d.fired()) {
            ObjectNode x = fired.addObject();
            x.put("rule", f.rule());
            x.put("tier", f.tier());
            ArrayNode read = x.putArray("read");
            f.read().forEach(read::add);
        }
        ArrayNode unevaluated = o.putArray("unevaluated");
        d.unevaluated().forEach(unevaluated::add);
        return o.toString();
    }
}
