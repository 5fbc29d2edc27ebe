package org.psyscreen.records;

/** {@link RecordsSinkContract} on one SQLite file per store. */
class RecordsSinkOnSqliteTest extends RecordsSinkContract {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path stores;

    @Override
    String location(String name) {
        return stores.resolve(name).toString();
    }
}
