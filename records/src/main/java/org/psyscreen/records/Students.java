package org.psyscreen.records;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The store's students by token, inside a write transaction: a token seen for the first time gets
 * the next id, and its row is batched until {@link #flush} (before any row that refers to it).
 */
final class Students implements AutoCloseable {
    private final Map<String, Long> ids = new HashMap<>();
    private final PreparedStatement insert;
    private long next;

    Students(RecordStore store) throws SQLException {
        for (Object[] r : store.rows("SELECT token, id FROM student", List.of())) {
            ids.put((String) r[0], ((Number) r[1]).longValue());
        }
        next = store.nextId("student");
        insert = store.connection().prepareStatement("INSERT INTO student (id, token) VALUES (?, ?)");
    }

    /** {@return the student's id, batching a new student's row} */
    long id(String token) throws SQLException {
        Long id = ids.get(token);
        if (id == null) {
            id = next++;
            ids.put(token, id);
            insert.setLong(1, id);
            insert.setString(2, token);
            insert.addBatch();
        }
        return id;
    }

    /** Writes the new students batched so far. */
    void flush() throws SQLException {
        insert.executeBatch();
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
