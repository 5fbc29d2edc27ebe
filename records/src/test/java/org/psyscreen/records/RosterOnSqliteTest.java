package org.psyscreen.records;

/** {@link RosterContract} on one SQLite file per store. */
class RosterOnSqliteTest extends RosterContract {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path stores;

    @Override
    String location(String name) {
        return stores.resolve(name).toString();
    }
}
