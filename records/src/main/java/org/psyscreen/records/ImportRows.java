package org.psyscreen.records;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.psyscreen.batch.ScoresJsonl;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rows one import writes, in JDBC batches, inside the import's transaction: a wave's first import
 * of an input (students, screenings, forms, scales, norms, decisions), or the same input decided
 * under another policy version (decisions only, beside the old ones).
 */
final class ImportRows {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImportRows() {}

    /**
     * Where an import's rows go.
     *
     * @param store the store, inside its write transaction
     * @param shas each instrument's definition hash, from the run's summary
     * @param waveId the wave's id
     * @param inputSha the input's SHA-256
     * @param importId this import's id
     * @param tiers the policy's tier ids, most severe first
     */
    record Target(
            RecordStore store,
            Map<String, String> shas,
            long waveId,
            String inputSha,
            long importId,
            List<String> tiers) {}

    /** Rows of one import, written in JDBC batches. */
    abstract static class Batch {
        final RecordStore store;
        final Map<String, String> shas;

        final long importId;
        final List<String> tiers;
        final PreparedStatement decision;
        int pending;

        Batch(Target t) throws SQLException {
            this.store = t.store();
            this.shas = t.shas();
            this.importId = t.importId();
            this.tiers = t.tiers();
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
    static final class FirstImport extends Batch {
        private final long waveId;
        private final String inputSha;
        private final Students students;
        private final PreparedStatement screening;
        private final PreparedStatement form;
        private final PreparedStatement scale;
        private final PreparedStatement norm;
        private long nextScreening;
        private long nextDecision;

        FirstImport(Target t) throws SQLException {
            super(t);
            this.waveId = t.waveId();
            this.inputSha = t.inputSha();
            students = new Students(store);
            nextScreening = store.nextId("screening");
            nextDecision = store.nextId("decision");
            var c = store.connection();
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
            long studentId = students.id(token);
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
            students.flush();
            screening.executeBatch();
            form.executeBatch();
            scale.executeBatch();
            norm.executeBatch();
            super.flush();
        }

        @Override
        void finish() throws SQLException {
            super.finish();
            students.close();
            for (PreparedStatement s : List.of(screening, form, scale, norm)) {
                s.close();
            }
        }
    }

    /** The same input under another policy version: decisions only, beside the old ones. */
    static final class Redecision extends Batch {
        private final Map<Long, Long> screeningByRecord = new HashMap<>();
        private final Map<String, String> shaByInstrument = new HashMap<>();
        private final Set<String> decided = new java.util.HashSet<>();
        private long nextDecision;

        Redecision(Target t) throws SQLException {
            super(t);
            long waveId = t.waveId();
            String inputSha = t.inputSha();
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
