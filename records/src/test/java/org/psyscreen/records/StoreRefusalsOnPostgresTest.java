package org.psyscreen.records;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What only PostgreSQL can show of the refusals: a database migrated by a newer psyscreen, and no server. */
@Tag("postgresql")
class StoreRefusalsOnPostgresTest {
    @Test
    void aDatabaseWrittenByANewerPsyscreenIsRefused() throws Exception {
        String url = Postgres.freshDatabase();
        RecordStore.open(url).close();
        try (var c = DriverManager.getConnection(url);
                var s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success) VALUES (99, '99', 'future',"
                    + " 'SQL', 'V99__future.sql', 0, 'test', now(), 1, true)");
        }
        assertThatThrownBy(() -> RecordStore.open(url))
                .isInstanceOf(RecordStoreException.class)
                .hasMessageContaining("written by a newer psyscreen (schema version 99");
    }

    @Test
    void noServerIsAClearMessage() {
        assertThatThrownBy(() -> RecordStore.open("jdbc:postgresql://127.0.0.1:1/none?user=x&connectTimeout=2"))
                .isInstanceOf(RecordStoreException.class)
                .hasMessageStartingWith("cannot open the PostgreSQL database");
    }
}
