package org.psyscreen.batch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The output folder contract: a run's files appear all together or not at all, and nothing stale
 * survives beside them.
 *
 * <ul>
 *   <li>One run at a time: a lock file beside the folder ({@code .<name>.lock}, left in place and
 *       empty) is held for the whole run; a second run into the same folder is refused.
 *   <li>Every file is written into a fresh hidden staging folder beside it
 *       ({@code .<name>.staging-<random>}) and forced to disk.
 *   <li>Publishing is one switch: the previous folder (if any) is renamed aside, the staging folder is
 *       renamed to the output name, and the previous one is deleted. At every instant the output
 *       name holds a complete set — the previous run's or this run's — or nothing; a kill between
 *       the renames leaves no output folder and two hidden ones, which the next run removes.
 *   <li>A folder is replaced only when it holds a previous psyscreen output (marker file
 *       {@value #MARKER}) and replacing was asked for; any other non-empty folder, a file, and an
 *       input inside the folder are refused.
 * </ul>
 */
final class OutputFolder implements AutoCloseable {
    /** Marks a folder as a psyscreen output, so a later run may replace it. */
    static final String MARKER = ".psyscreen-output";

    /** Told at each step of publishing (tests kill a run at each one). */
    @FunctionalInterface
    interface Steps {
        Steps NONE = step -> {};

        void reached(String step);
    }

    private final Path out;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path staging;
    private final Steps steps;
    private boolean published;

    private OutputFolder(Path out, FileChannel ch, FileLock lock, Path staging, Steps steps) {
        this.out = out;
        this.lockChannel = ch;
        this.lock = lock;
        this.staging = staging;
        this.steps = steps;
    }

    /**
     * Locks {@code out} for one run and creates its staging folder.
     *
     * @param input the input file, refused when inside {@code out}; {@code null} for rows held in memory
     * @param replace whether a previous psyscreen output in {@code out} may be replaced
     * @throws OutputRefusedException when the folder cannot be used
     */
    static OutputFolder open(Path out, Path input, boolean replace, Steps steps) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new OutputRefusedException("the output folder cannot be a file system root");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new OutputRefusedException("--out " + out + " is a file, not a folder");
        }
        Path realInput = input == null ? null : input.toAbsolutePath().normalize();
        if (realInput != null && Files.exists(realInput)) {
            realInput = realInput.toRealPath();
        }
        Path realTarget = Files.exists(target) ? target.toRealPath() : target;
        if (realInput != null && realInput.startsWith(realTarget)) {
            throw new OutputRefusedException("the input " + input.getFileName() + " is inside the output folder " + out
                    + "; publishing would replace it: write the results to another folder");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new OutputRefusedException("cannot create the folder that holds " + out + " (" + reason(e) + ")");
        }
        String name = target.getFileName().toString();
        Path lockFile = parent.resolve("." + name + ".lock");
        FileChannel ch;
        try {
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new OutputRefusedException(
                    "cannot write beside " + out + " (" + reason(e) + "): is the folder read-only?");
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new OutputRefusedException(
                    "another psyscreen run is writing to " + out + "; wait for it, or choose another --out");
        }
        try {
            if (Files.isDirectory(target) && !empty(target)) {
                if (!Files.exists(target.resolve(MARKER))) {
                    throw new OutputRefusedException("--out " + out + " is not empty and was not written by psyscreen;"
                            + " choose an empty or new folder");
                }
                if (!replace) {
                    throw new OutputRefusedException(
                            "--out " + out + " holds a previous run; give --overwrite to replace it"
                                    + " (the whole folder is replaced at once)");
                }
            }
            removeLeftovers(parent, name);
            Path staging = parent.resolve("." + name + ".staging-" + random());
            org.psyscreen.privacy.OwnerOnly.createDirectory(staging); // results hold students' data
            return new OutputFolder(target, ch, lock, staging, steps);
        } catch (IOException | RuntimeException e) {
            lock.release();
            ch.close();
            throw e instanceof OutputRefusedException r
                    ? r
                    : new OutputRefusedException("cannot prepare " + out + " (" + reason(e) + ")");
        }
    }

    /** Where this run writes its files. */
    Path staging() {
        return staging;
    }

    /** Forces every staged file to disk, then switches the staging folder in as the output folder. */
    void publish() throws IOException {
        Files.writeString(staging.resolve(MARKER), "psyscreen output folder; replaced whole by the next run\n");
        try (Stream<Path> files = Files.list(staging)) {
            for (Path f : files.toList()) {
                force(f);
            }
        }
        forceDirectory(staging);
        steps.reached("staged");
        Path parent = out.getParent();
        Path previous = null;
        if (Files.exists(out)) {
            previous = parent.resolve("." + out.getFileName() + ".previous-" + random());
            move(out, previous);
            forceDirectory(parent);
            steps.reached("moved-aside");
        }
        move(staging, out);
        forceDirectory(parent);
        published = true;
        steps.reached("switched");
        if (previous != null) {
            deleteTree(previous);
        }
        steps.reached("cleaned");
    }

    /** Releases the lock; an unpublished staging folder (a failed run) is deleted: it holds ids and scores. */
    @Override
    public void close() throws IOException {
        try {
            if (!published) {
                deleteTree(staging);
            }
        } finally {
            // The lock file stays (empty): deleting it would let a run that opened it just before see
            // an unlinked file, lock that, and write beside a run that locked a new one.
            lock.release();
            lockChannel.close();
        }
    }

    private static void removeLeftovers(Path parent, String name) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, "." + name + ".{staging,previous}-*")) {
            for (Path p : s) {
                deleteTree(p);
            }
        }
    }

    private static boolean empty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static void force(Path p) throws IOException {
        if (Files.isRegularFile(p)) {
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
    }

    /** Makes a folder's entries (renames) durable; not every platform can open a folder for this. */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; the renames are still atomic there.
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static String random() {
        byte[] b = new byte[6];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String reason(Exception e) {
        return e.getClass().getSimpleName();
    }
}
