package org.psyscreen.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.records.RecordStore;
import org.psyscreen.records.Scope;
import org.psyscreen.records.StudentHistory;

/**
 * Latency of one student's history in a records store, for {@code benchmarks/e2e/records.sh}: opens
 * the store, warms up, then asks for the histories of {@code samples} students drawn at random from
 * the synthetic cohort's ids and prints the median, 95th and 99th percentile in milliseconds.
 * Usage: {@code java -cp benchmarks.jar org.psyscreen.benchmarks.RecordsLatency DB KEY STUDENTS [SAMPLES]}.
 */
public final class RecordsLatency {
    private RecordsLatency() {}

    public static void main(String[] args) throws Exception {
        String db = args[0];
        Pseudonymizer keys = Pseudonymizer.of(Files.readAllBytes(Path.of(args[1])));
        int students = Integer.parseInt(args[2]);
        int samples = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        SplittableRandom random = new SplittableRandom(42);
        try (RecordStore store = RecordStore.open(db)) {
            long screenings = 0;
            for (int i = 0; i < 500; i++) { // warm-up: JIT and the database's caches
                screenings +=
                        history(store, keys, random, students).screenings().size();
            }
            double[] ms = new double[samples];
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                screenings +=
                        history(store, keys, random, students).screenings().size();
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "history latency over %d students: median %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms"
                            + " (%d screenings read)%n",
                    samples,
                    ms[samples / 2],
                    ms[(int) (samples * 0.95)],
                    ms[(int) (samples * 0.99)],
                    ms[samples - 1],
                    screenings);
        }
    }

    private static StudentHistory history(RecordStore store, Pseudonymizer keys, SplittableRandom r, int students) {
        // Ids as the synthetic cohort writes them; a student absent from every wave is drawn again.
        while (true) {
            String id = "G" + (4401000000L + r.nextInt(students));
            try {
                return store.history(Scope.everything(), keys.token(id));
            } catch (org.psyscreen.records.RecordStoreException e) {
                // Not in the store (record 8 repeats record 6's id): draw another.
            }
        }
    }
}
