package org.psyscreen.records;

import java.nio.file.Path;

/**
 * A child JVM for the kill test: imports a run, says {@code READ n} at each progress call, and at
 * the first one waits to be killed mid-transaction.
 */
public final class ImportChild {
    private ImportChild() {}

    public static void main(String[] args) {
        try (RecordStore store = RecordStore.open(args[0])) {
            store.importRun(Path.of(args[1]), Wave.named(args[2]), Runs.BUNDLE, n -> {
                System.out.println("READ " + n);
                System.out.flush();
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
