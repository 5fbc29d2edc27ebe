package org.psyscreen.records;

/** {@link CaseSourcesContract} on one SQLite file per store. */
class CaseSourcesOnSqliteTest extends CaseSourcesContract {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path stores;

    @Override
    String location(String name) {
        return stores.resolve(name).toString();
    }
}
