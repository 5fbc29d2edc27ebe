package org.psyscreen.batch;

import java.nio.file.Path;

/** A child process for the kill test: scores a file and is killed mid-run. */
public final class KillTarget {
    private KillTarget() {}

    public static void main(String[] args) throws Exception {
        new BatchScorer(BatchFixtures.options().withThreads(1)).run(Path.of(args[0]), Path.of(args[1]));
    }
}
