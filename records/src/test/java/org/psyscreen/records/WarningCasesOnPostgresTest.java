package org.psyscreen.records;

import org.junit.jupiter.api.Tag;

/** {@link WarningCasesContract} on a real PostgreSQL server ({@link Postgres}), one database per store. */
@Tag("postgresql")
class WarningCasesOnPostgresTest extends WarningCasesContract {
    @Override
    String location(String name) {
        return Postgres.freshDatabase();
    }
}
