package org.psyscreen.records;

/** {@link WarningCasesContract} on one SQLite file per store. */
class WarningCasesOnSqliteTest extends WarningCasesContract {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path stores;

    @Override
    String location(String name) {
        return stores.resolve(name).toString();
    }
}
