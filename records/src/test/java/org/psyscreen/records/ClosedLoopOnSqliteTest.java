package org.psyscreen.records;

/** {@link ClosedLoopContract} on one SQLite file per store. */
class ClosedLoopOnSqliteTest extends ClosedLoopContract {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path stores;

    @Override
    String location(String name) {
        return stores.resolve(name).toString();
    }
}
