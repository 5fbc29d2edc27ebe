package org.psyscreen.records;

import org.junit.jupiter.api.Tag;

/** {@link RosterContract} on a real PostgreSQL server ({@link Postgres}), one database per store. */
@Tag("postgresql")
class RosterOnPostgresTest extends RosterContract {
    @Override
    String location(String name) {
        return Postgres.freshDatabase();
    }
}
