package org.psyscreen.records;

/** {@link KeyRotationContract} on one SQLite file per store. */
class KeyRotationOnSqliteTest extends KeyRotationContract {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path stores;

    @Override
    String location(String name) {
        return stores.resolve(name).toString();
    }
}
