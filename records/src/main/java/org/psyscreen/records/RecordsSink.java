package org.psyscreen.records;

import java.util.List;
import org.psyscreen.batch.ResultRow;
import org.psyscreen.batch.ResultSink;
import org.psyscreen.batch.RunSummary;
import org.psyscreen.load.Bundle;

/**
 * Imports a run into the records store while it is scored: each record's typed audit-trail entry
 * goes into the store's write transaction as it is scored, and the transaction is committed only
 * once the run's folder is published. The import is the one {@link RecordStore#importRun} does
 * from a folder (same rows, same cases, same refusals), without writing and re-reading the audit
 * trail in between; the decisions are the engine's own, so they are kept as decided. Made by
 * {@link RecordStore#importing}; one per run.
 */
public final class RecordsSink implements ResultSink {
    private final RecordStore store;
    private final Wave wave;
    private final Bundle bundle;
    private RunImporter importer;
    private ImportResult finished;
    private ImportResult result;

    RecordsSink(RecordStore store, Wave wave, Bundle bundle) {
        this.store = store;
        this.wave = wave;
        this.bundle = bundle;
    }

    /**
     * Opens the import: the key, the policy and the wave are checked before the first record is
     * scored, so a run the store would refuse is refused before it is scored.
     *
     * @throws RecordStoreException when the store refuses the run; nothing is scored or published
     */
    @Override
    public void open(Start start) {
        if (importer != null) {
            throw new IllegalStateException("a RecordsSink imports one run: make a new one per run");
        }
        RunImporter i = store.beginImport(wave, bundle);
        importer = i;
        store.inImport(() -> i.begin(new RunImporter.RunFacts(
                start.inputSha256(),
                start.keyId(),
                start.policy(),
                start.engineVersion(),
                RunImporter.RunFacts.shas(start.instruments()))));
    }

    /** @throws RecordStoreException when the record is refused (the store rolls the import back) */
    @Override
    public void accept(ResultRow row) {
        store.inImport(() -> {
            importer.add(row.entry(), () -> "record " + row.screened().record());
            return null;
        });
    }

    /** @throws RecordStoreException when the import cannot be finished (the store rolls it back) */
    @Override
    public List<String> finish(RunSummary summary) {
        finished = store.inImport(() -> {
            ImportResult r = importer.finish(summary.recordsOut(), "the run");
            AuditLog.append(store, RecordStore.OPERATOR, "import", Scope.everything(), "", RecordStore.imported(r));
            return r;
        });
        return List.of(); // nothing in the run's folder: the store is elsewhere
    }

    /** Commits the import. @throws RecordStoreException when the commit fails: the store keeps nothing of the run */
    @Override
    public void published() {
        if (importer == null) {
            return; // never opened: the file was refused before scoring
        }
        store.endImport(true);
        result = finished;
    }

    @Override
    public void abandon() {
        if (importer != null) {
            store.endImport(false);
        }
    }

    /**
     * {@return what the import added, once the run is published; empty when the run was not published,
     * or was refused before it was scored}
     */
    public java.util.Optional<ImportResult> result() {
        return java.util.Optional.ofNullable(result);
    }
}
