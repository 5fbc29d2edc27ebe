package org.psyscreen.records;

import org.junit.jupiter.api.Tag;

/** {@link CaseSourcesContract} on a real PostgreSQL server ({@link Postgres}), one database per store. */
@Tag("postgresql")
class CaseSourcesOnPostgresTest extends CaseSourcesContract {
    @Override
    String location(String name) {
        return Postgres.freshDatabase();
    }
}
