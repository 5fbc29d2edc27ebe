package org.psyscreen.records;

import org.junit.jupiter.api.Tag;

/** {@link RecordStoreContract} on a real PostgreSQL server ({@link Postgres}), one database per store. */
@Tag("postgresql")
class RecordStoreOnPostgresTest extends RecordStoreContract {
    @Override
    String location(String name) {
        return Postgres.freshDatabase();
    }
}
