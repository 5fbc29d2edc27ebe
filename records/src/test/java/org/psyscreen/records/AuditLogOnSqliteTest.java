package org.psyscreen.records;

/** {@link AuditLogContract} on one SQLite file per store. */
class AuditLogOnSqliteTest extends AuditLogContract {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path stores;

    @Override
    String location(String name) {
        return stores.resolve(name).toString();
    }
}
