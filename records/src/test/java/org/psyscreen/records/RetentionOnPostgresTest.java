package org.psyscreen.records;

import org.junit.jupiter.api.Tag;

/** {@link RetentionContract} on a real PostgreSQL server ({@link Postgres}), one database per store. */
@Tag("postgresql")
class RetentionOnPostgresTest extends RetentionContract {
    @Override
    String location(String name) {
        return Postgres.freshDatabase();
    }
}
