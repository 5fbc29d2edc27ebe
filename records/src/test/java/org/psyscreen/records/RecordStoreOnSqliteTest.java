package org.psyscreen.records;

/** {@link RecordStoreContract} on one SQLite file per store. */
class RecordStoreOnSqliteTest extends RecordStoreContract {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path stores;

    @Override
    String location(String name) {
        return stores.resolve(name).toString();
    }
}
