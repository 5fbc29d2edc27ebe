package org.psyscreen.records;

import org.junit.jupiter.api.Tag;

/** {@link RecordsSinkContract} on a real PostgreSQL server ({@link Postgres}), one database per store. */
@Tag("postgresql")
class RecordsSinkOnPostgresTest extends RecordsSinkContract {
    @Override
    String location(String name) {
        return Postgres.freshDatabase();
    }
}
