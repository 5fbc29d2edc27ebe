package org.psyscreen.records;

import org.junit.jupiter.api.Tag;

/** {@link AuditLogContract} on a real PostgreSQL server ({@link Postgres}), one database per store. */
@Tag("postgresql")
class AuditLogOnPostgresTest extends AuditLogContract {
    @Override
    String location(String name) {
        return Postgres.freshDatabase();
    }
}
