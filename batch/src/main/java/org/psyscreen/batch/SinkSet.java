package org.psyscreen.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The result sinks of one run: opened together, given each chunk's records in input order on the
 * writing thread, finished together, or abandoned together with every file they wrote.
 */
final class SinkSet {
    /** One record as a sink receives it. */
    record Sunk(BatchScorer.ScreenedRecord record, List<String> cells) {}

    private final List<ResultSink> sinks;
    private Path folder;
    private boolean done;

    SinkSet(List<ResultSink> sinks) {
        this.sinks = sinks;
    }

    /** {@return true when there is no sink (then no record is kept for one)} */
    boolean isEmpty() {
        return sinks.isEmpty();
    }

    void open(ResultSink.Start start) throws IOException {
        folder = start.folder();
        for (ResultSink s : sinks) {
            s.open(start);
        }
    }

    void deliver(List<Sunk> records) throws IOException {
        if (records == null) {
            return;
        }
        for (Sunk r : records) {
            for (ResultSink s : sinks) {
                s.accept(r.record(), r.cells());
            }
        }
    }

    /** {@return the files every sink wrote, in sink order} */
    List<String> finish(RunSummary summary) throws IOException {
        List<String> files = new ArrayList<>();
        for (ResultSink s : sinks) {
            files.addAll(s.finish(summary));
        }
        done = true;
        return files;
    }

    /**
     * Abandons every sink of a run that was refused or failed, unless they finished, and deletes every
     * file in the folder (the sinks' files among them): none is published.
     */
    void abandon() throws IOException {
        if (done || isEmpty()) {
            return;
        }
        sinks.forEach(ResultSink::abandon);
        done = true;
        if (folder != null) {
            try (var files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    if (Files.isRegularFile(f)) {
                        Files.delete(f);
                    }
                }
            }
        }
    }
}
