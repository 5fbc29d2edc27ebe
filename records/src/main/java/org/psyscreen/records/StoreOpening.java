package org.psyscreen.records;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.psyscreen.records.RecordStore.Dialect;

/**
 * Opening a records store: the location read as a SQLite file or a PostgreSQL URL, an existing
 * SQLite file looked at read-only first (another application's file or a damaged one is refused
 * unchanged), a new file made the owner's alone, the schema migrated by Flyway (a newer one refused,
 * never downgraded), and the connection opened for writing.
 */
final class StoreOpening {
    private StoreOpening() {}

    static RecordStore open(String location, Clock clock) {
        Dialect dialect;
        String url;
        String label;
        if (location.startsWith("jdbc:postgresql:")) {
            dialect = Dialect.POSTGRESQL;
            url = location;
            label = "the PostgreSQL database";
        } else {
            dialect = Dialect.SQLITE;
            String file = location.startsWith("jdbc:sqlite:") ? location.substring("jdbc:sqlite:".length()) : location;
            int q = file.indexOf('?');
            String path = q < 0 ? file : file.substring(0, q);
            label = "the records file " + Path.of(path).getFileName();
            Path p = Path.of(path);
            if (Files.exists(p) && !Files.isRegularFile(p)) {
                throw new RecordStoreException(label + " is a folder or a device, not a records file");
            }
            if (Files.isRegularFile(p)) {
                refuseIfOthersMayRead(p, label);
                inspect(path, label); // read-only: another application's file is refused unchanged
            } else if (!path.isEmpty() && !path.startsWith(":memory:") && !path.startsWith("file:")) {
                try { // a new store is the owner's alone from its first byte (SQLite's logs follow its mode)
                    if (p.toAbsolutePath().getParent() != null) {
                        Files.createDirectories(p.toAbsolutePath().getParent());
                    }
                    org.psyscreen.privacy.OwnerOnly.createFile(p);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // created at the same moment by another process: SQLite opens it as it is
                } catch (java.io.IOException e) {
                    throw new RecordStoreException(
                            "cannot create " + label + ": " + e.getClass().getSimpleName());
                }
            }
            // WAL: readers go on while one import writes; IMMEDIATE: a writer takes the lock when it
            // starts, so two imports queue (for up to busy_timeout) instead of failing half-way.
            // secure_delete: a deleted row's bytes are overwritten, not left in free pages.
            url = "jdbc:sqlite:" + file + (q < 0 ? "?" : "&")
                    + "foreign_keys=true&busy_timeout=120000&journal_mode=WAL&transaction_mode=IMMEDIATE"
                    + "&secure_delete=true";
        }
        migrate(url, dialect, label);
        try {
            Connection c = DriverManager.getConnection(url);
            c.setAutoCommit(false);
            return new RecordStore(c, dialect, clock, label);
        } catch (SQLException e) {
            throw new RecordStoreException("cannot open " + label + ": " + RecordStore.reason(e), e);
        }
    }

    /**
     * On SQLite the file is the store's only boundary (no database user, no row security): a file, or
     * its write-ahead log, that other users of the machine may read is refused before anything reads
     * it, naming the fix. A store psyscreen created is its owner's alone from its first byte.
     */
    private static void refuseIfOthersMayRead(Path file, String label) {
        for (Path f : List.of(
                file,
                file.resolveSibling(file.getFileName() + "-wal"),
                file.resolveSibling(file.getFileName() + "-shm"))) {
            try {
                if (Files.isRegularFile(f) && org.psyscreen.privacy.OwnerOnly.readableByOthers(f)) {
                    throw new RecordStoreException(org.psyscreen.diagnostic.ProblemCode.STORE_READABLE_BY_OTHERS.id()
                            + " " + label
                            + (f.equals(file)
                                    ? ""
                                    : "'s "
                                            + f.getFileName()
                                                    .toString()
                                                    .substring(file.getFileName()
                                                                    .toString()
                                                                    .length()
                                                            + 1)
                                            + " file")
                            + " can be read by other users of this machine; it was not opened: run 'chmod 600 "
                            + file.getFileName() + "*' (and check who has read it), or keep it in a folder only"
                            + " you can enter");
                }
            } catch (java.io.IOException e) {
                throw new RecordStoreException("cannot read the permissions of " + label + ": "
                        + e.getClass().getSimpleName());
            }
        }
    }

    /**
     * Looks at an existing SQLite file read-only before anything writes to it: a file that is not a
     * psyscreen store (it has tables, none of them psyscreen's schema history) is refused and left
     * byte for byte as it was (opening it for writing would switch it to WAL), and a damaged one
     * ({@code PRAGMA quick_check}) is refused before an import could be added to it.
     */
    private static void inspect(String path, String label) {
        String ro = "jdbc:sqlite:file:" + path + "?mode=ro&open_mode=1";
        try (Connection c = DriverManager.getConnection(ro);
                var st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (var rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.isEmpty() && !tables.contains("flyway_schema_history")) {
                throw new RecordStoreException(label + " is a SQLite file of another application, not a psyscreen"
                        + " records store; it was left unchanged: give a new file name");
            }
            try (var rs = st.executeQuery("PRAGMA quick_check")) {
                String first = rs.next() ? rs.getString(1) : "";
                if (!"ok".equals(first)) {
                    throw new RecordStoreException(label + " is damaged (SQLite's quick_check fails); nothing"
                            + " was changed: restore it from a backup");
                }
            }
        } catch (SQLException e) {
            throw new RecordStoreException(
                    "cannot open " + label + ": " + RecordStore.reason(e)
                            + " (a damaged SQLite file must be restored from a" + " backup)",
                    e);
        }
    }

    private static void migrate(String url, Dialect dialect, String label) {
        Flyway flyway = Flyway.configure(RecordStore.class.getClassLoader())
                .dataSource(url, null, null)
                .locations(dialect.migrations())
                .placeholders(dialect.types())
                .loggers("slf4j")
                .ignoreMigrationPatterns("")
                .load();
        try {
            MigrationInfo[] all = flyway.info().all();
            List<String> future = new ArrayList<>();
            for (MigrationInfo m : all) {
                if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                    future.add(m.getVersion().toString());
                }
            }
            if (!future.isEmpty()) {
                throw new RecordStoreException(label + " was written by a newer psyscreen (schema version "
                        + String.join(", ", future) + "; this psyscreen knows up to "
                        + latest(all) + "): use that psyscreen or a newer one; a store is never downgraded");
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw new RecordStoreException(
                    "cannot open " + label + ": " + RecordStore.reason(e)
                            + " (is it a psyscreen records store? a damaged SQLite file must be restored from a"
                            + " backup)",
                    e);
        }
    }

    private static String latest(MigrationInfo[] all) {
        String v = "none";
        for (MigrationInfo m : all) {
            if (m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED) {
                v = m.getVersion().toString();
            }
        }
        return v;
    }
}
