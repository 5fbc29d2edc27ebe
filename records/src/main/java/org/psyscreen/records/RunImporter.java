package org.psyscreen.records;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
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

/**
 * One import of a scored run into the store, inside the store's write transaction: {@link #begin}
 * with the run's facts, {@link #add} each record, {@link #finish}. A run folder is imported by
 * {@link #folder} (its audit trail read back and its decisions checked against the policy); a run
 * being scored is imported by {@link RecordsSink}, which hands over the records as they are scored.
 */
final class RunImporter {
    /**
     * What an import needs to know of its run before its first record.
     *
     * @param inputSha256 the input's SHA-256 (the run's identity)
     * @param keyId the pseudonymisation key's id
     * @param policy the policy's {@code id@version}, or empty
     * @param engineVersion the engine version that scored the run
     * @param definitionShas each instrument's definition hash, by instrument id
     */
    record RunFacts(
            String inputSha256, String keyId, String policy, String engineVersion, Map<String, String> definitionShas) {
        static RunFacts of(SummaryJson s) {
            return new RunFacts(s.inputSha256(), s.keyId(), s.policy(), s.engineVersion(), shas(s.instruments()));
        }

        /** Each instrument's definition hash, by instrument id. */
        static Map<String, String> shas(Map<String, SummaryJson.Definition> instruments) {
            Map<String, String> shas = new HashMap<>();
            instruments.forEach((id, d) -> shas.put(id, d.sha256()));
            return shas;
        }
    }

    private final RecordStore store;
    private final Wave requested;
    private final Bundle bundle;
    private final LongConsumer progress;

    private RunFacts facts;
    private CutoffPolicy policy;
    private WaveRow wave;
    private boolean already;
    private boolean redecision;
    private long importId;
    private ImportRows.Batch batch;
    private long lines;
    private long stored;
    private long withoutId;
    private String policySha = "";
    private final Set<String> instrumentKeys = new LinkedHashSet<>();
    private LocalDate first;

    RunImporter(RecordStore store, Wave wave, Bundle bundle, LongConsumer progress) {
        this.store = store;
        this.requested = wave;
        this.bundle = bundle;
        this.progress = progress;
    }

    /** The policy the run was decided under, or {@code null}; known after {@link #begin}. */
    CutoffPolicy policy() {
        return policy;
    }

    /**
     * Starts the import: checks the key, the policy and the wave, and records the import.
     *
     * @return false when this input is in this wave under this policy already: nothing is added
     */
    boolean begin(RunFacts run) throws SQLException {
        this.facts = run;
        checkKey(run.keyId());
        policy = policy(run.policy());
        List<String> tiers = policy == null ? List.of() : policy.tierIds();

        // The same input in another wave is a mistake (a file is one wave's screening).
        for (Object[] r : store.rows(
                "SELECT w.name FROM import_run i JOIN wave w ON w.id = i.wave_id WHERE i.input_sha256 = ? AND w.name <> ?",
                List.of(run.inputSha256(), requested.name()))) {
            throw new RecordStoreException("this input (sha256 "
                    + run.inputSha256()
                            .substring(0, Math.min(16, run.inputSha256().length())) + "…) was imported as wave '" + r[0]
                    + "' already; a file is one wave's screening");
        }
        wave = wave();
        if (!store.rows(
                        "SELECT id FROM import_run WHERE wave_id = ? AND input_sha256 = ? AND policy = ?",
                        List.of(wave.id(), run.inputSha256(), run.policy()))
                .isEmpty()) {
            already = true;
            return false;
        }
        redecision = !store.rows(
                        "SELECT id FROM import_run WHERE wave_id = ? AND input_sha256 = ?",
                        List.of(wave.id(), run.inputSha256()))
                .isEmpty();
        importId = store.nextId("import_run");
        store.update(
                "INSERT INTO import_run (id, wave_id, input_sha256, policy, policy_sha256, records_in, records_stored,"
                        + " records_without_id, engine_version, imported_at) VALUES (?, ?, ?, ?, '', 0, 0, 0, ?, ?)",
                importId,
                wave.id(),
                run.inputSha256(),
                run.policy(),
                run.engineVersion(),
                store.now());
        ImportRows.Target target =
                new ImportRows.Target(store, run.definitionShas(), wave.id(), run.inputSha256(), importId, tiers);
        batch = redecision ? new ImportRows.Redecision(target) : new ImportRows.FirstImport(target);
        return true;
    }

    /**
     * Adds one record.
     *
     * @param n the record, as the audit trail holds it
     * @param place where it is, for a refusal: {@code "scores.jsonl line 7"}, {@code "record 6"}
     */
    void add(ScoresJsonl.Entry n, java.util.function.Supplier<String> place) throws SQLException {
        lines++;
        if (already) {
            return;
        }
        if (n.testDate() != null) {
            first = first == null || n.testDate().isBefore(first) ? n.testDate() : first;
        }
        String token = n.student();
        if (token.isEmpty()) {
            withoutId++;
        } else {
            if (!token.startsWith("ps1.")) {
                throw new RecordStoreException(
                        place.get() + ": the student column is not a keyed pseudonym; records keep pseudonyms only");
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

    /**
     * Finishes the import: the rows, the wave's school year and term, reliabilities and cases.
     *
     * @param recordsOut the records the run wrote, which must be the records added
     * @param where what to call the run's records in a refusal
     */
    ImportResult finish(long recordsOut, String where) throws SQLException {
        if (lines != recordsOut) {
            throw new RecordStoreException(where + " holds " + lines + " records and the run says " + recordsOut
                    + ": the run is damaged; score the file again");
        }
        if (already) {
            return new ImportResult(requested.name(), true, false, recordsOut, 0, 0, 0, 0, 0);
        }
        batch.finish();
        if (wave.created()) {
            settle(wave, first);
        } else if (first != null) {
            // a wave begun by a roster has no test date yet: the first screening gives it, as it would
            // have had the screening begun the wave (cases date an undated screening by it)
            store.update(
                    "UPDATE wave SET first_test_date = ? WHERE id = ? AND first_test_date IS NULL",
                    first.toString(),
                    wave.id());
        }
        progress.accept(lines);
        store.update(
                "UPDATE import_run SET records_in = ?, records_stored = ?, records_without_id = ?, policy_sha256 = ?"
                        + " WHERE id = ?",
                recordsOut,
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
                !redecision && policy != null ? new Cases(store).rebuild(policy.id(), wave.id()) : new Cases.Counts();
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

    /**
     * Imports the folder {@code psyscreen score} wrote: its summary, then its audit trail read back,
     * each decision re-derived from the recorded scores by the policy before it is kept.
     */
    ImportResult folder(Path runDir) throws SQLException {
        SummaryJson summary = summary(runDir);
        if (!begin(RunFacts.of(summary))) {
            return new ImportResult(requested.name(), true, false, summary.recordsOut(), 0, 0, 0, 0, 0);
        }
        DecisionCheck check = policy == null ? null : new DecisionCheck(policy, plansOf(policy));
        try (ScoresJsonl.Reader in = ScoresJsonl.open(runDir, summary)) {
            for (ScoresJsonl.Entry n; (n = in.next()) != null; ) {
                if (check != null) {
                    check.check(n);
                }
                long line = in.line();
                add(n, () -> ScoresJsonl.FILE + " line " + line);
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
        return finish(summary.recordsOut(), ScoresJsonl.FILE);
    }

    private static SummaryJson summary(Path runDir) {
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
        store.requireKey(keyId, "the run was scored with key " + keyId, "");
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
}
