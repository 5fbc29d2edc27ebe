package org.psyscreen.records;

import org.junit.jupiter.api.Tag;

/** {@link ClosedLoopContract} on a real PostgreSQL server ({@link Postgres}), one database per store. */
@Tag("postgresql")
class ClosedLoopOnPostgresTest extends ClosedLoopContract {
    @Override
    String location(String name) {
        return Postgres.freshDatabase();
    }
}
