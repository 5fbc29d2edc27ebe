package org.psyscreen.records;

import org.junit.jupiter.api.Tag;

/** {@link KeyRotationContract} on a real PostgreSQL server ({@link Postgres}), one database per store. */
@Tag("postgresql")
class KeyRotationOnPostgresTest extends KeyRotationContract {
    @Override
    String location(String name) {
        return Postgres.freshDatabase();
    }
}
