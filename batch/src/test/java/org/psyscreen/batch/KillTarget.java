package org.psyscreen.batch;

import java.nio.file.Path;

/**
 * A child process for the kill tests: scores a file into a folder (replacing a previous run) and,
 * when a publishing step is named, says {@code AT <step>} on stdout at that step and waits there to
 * be killed.
 */
public final class KillTarget {
    private KillTarget() {}

    public static void main(String[] args) throws Exception {
        String pauseAt = args.length > 2 ? args[2] : "";
        BatchOptions options = BatchFixtures.options().toBuilder()
                .threads(1)
                .overwrite(true)
                .publishSteps(step -> {
                    if (step.equals(pauseAt)) {
                        System.out.println("AT " + step);
                        System.out.flush();
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                })
                .build();
        new BatchScorer(options).run(Path.of(args[0]), Path.of(args[1]));
    }
}
