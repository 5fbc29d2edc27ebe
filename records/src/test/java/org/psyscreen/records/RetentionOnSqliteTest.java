package org.psyscreen.records;

/** {@link RetentionContract} on one SQLite file per store. */
class RetentionOnSqliteTest extends RetentionContract {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path stores;

    @Override
    String location(String name) {
        return stores.resolve(name).toString();
    }
}
