package org.psyscreen.records;

/** {@link ConcurrentImportsContract} on one SQLite file per store. */
class ConcurrentImportsOnSqliteTest extends ConcurrentImportsContract {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path stores;

    @Override
    String location(String name) {
        return stores.resolve(name).toString();
    }
}
