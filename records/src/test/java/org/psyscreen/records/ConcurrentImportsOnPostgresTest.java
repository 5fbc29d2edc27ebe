package org.psyscreen.records;

import org.junit.jupiter.api.Tag;

/** {@link ConcurrentImportsContract} on a real PostgreSQL server ({@link Postgres}), one database per store. */
@Tag("postgresql")
class ConcurrentImportsOnPostgresTest extends ConcurrentImportsContract {
    @Override
    String location(String name) {
        return Postgres.freshDatabase();
    }
}
