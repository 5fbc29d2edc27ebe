package org.psyscreen.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The result sinks of one run: opened together, given each chunk's records in input order on the
 * writing thread, finished together and told together that the run was published, or abandoned
 * together with every file they wrote.
 */
final class SinkSet {
    private final List<ResultSink> sinks;
    private Path folder;
    private boolean opened;
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
        opened = true;
        for (ResultSink s : sinks) {
            s.open(start);
        }
    }

    void deliver(List<ResultRow> records) throws IOException {
        if (records == null) {
            return;
        }
        for (ResultRow r : records) {
            for (ResultSink s : sinks) {
                s.accept(r);
            }
        }
    }

    /** {@return the files every sink wrote, in sink order} */
    List<String> finish(RunSummary summary) throws IOException {
        List<String> files = new ArrayList<>();
        for (ResultSink s : sinks) {
            files.addAll(s.finish(summary));
        }
        return files;
    }

    /**
     * The run's folder is published: each opened sink commits. Every sink is told even when one
     * fails; the first failure is thrown.
     */
    void published() throws IOException {
        boolean tell = opened && !done; // a sink never opened (the file was refused first) has nothing to commit
        done = true;
        if (!tell) {
            return;
        }
        Exception first = null;
        for (ResultSink s : sinks) {
            try {
                s.published();
            } catch (IOException | RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof IOException io) {
            throw io;
        }
        if (first != null) {
            throw (RuntimeException) first;
        }
    }

    /**
     * Abandons every sink of a run that was refused or failed before it was published, and deletes
     * every file in the folder (the sinks' files among them): none is published.
     */
    void abandon() throws IOException {
        if (done || isEmpty()) {
            return;
        }
        done = true;
        RuntimeException failed = null;
        for (ResultSink s : sinks) {
            try {
                s.abandon();
            } catch (RuntimeException e) { // every sink is told, whatever one of them does
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
        if (folder != null && Files.isDirectory(folder)) {
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
