package org.psyscreen.records;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.privacy.Pseudonymizer;

/**
 * Re-keys a store: every student's pseudonym under the old key becomes their pseudonym under the new
 * one, in the student table and the audit log, and the store holds the new key. A pseudonym cannot be
 * turned into another without the id it was made from, so the caller gives the students' ids (rosters,
 * the screened files); they stay in memory. All or nothing: a student of the store none of the ids
 * names would be lost to the new key, so the rotation is refused and nothing changes.
 */
final class KeyRotation {
    private final RecordStore store;

    KeyRotation(RecordStore store) {
        this.store = store;
    }

    KeyRotationResult rotate(Pseudonymizer from, Pseudonymizer to, Iterable<String> rawIds) throws SQLException {
        if (from.keyId().equals(to.keyId())) {
            throw new IllegalArgumentException("the new key is the old key (" + from.keyId() + "): nothing to rotate");
        }
        List<Object[]> held = store.rows("SELECT key_id FROM store_info", List.of());
        if (held.size() != 1 || !from.keyId().equals(held.get(0)[0])) {
            throw new RecordStoreException(ProblemCode.ROTATION_NOT_THE_STORES_KEY.id() + " " + store.label()
                    + (held.isEmpty() ? " holds no students yet" : " holds students under key " + held.get(0)[0])
                    + ", not under the old key given (" + from.keyId() + "): nothing was rotated");
        }
        Map<String, String> tokens = new HashMap<>();
        for (String id : rawIds) {
            String canonical = Pseudonymizer.canonical(id);
            if (!canonical.isEmpty()) {
                tokens.put(from.tokenOfCanonical(canonical), to.tokenOfCanonical(canonical));
            }
        }
        List<Object[]> students = store.rows("SELECT id, token FROM student", List.of());
        long leftOut = students.stream()
                .filter(r -> !tokens.containsKey((String) r[1]))
                .count();
        if (leftOut > 0) {
            throw new RecordStoreException(ProblemCode.ROTATION_STUDENTS_LEFT_OUT.id() + " " + leftOut + " of the "
                    + students.size() + " students in " + store.label() + " are in none of the id files given: they"
                    + " could not be found under the new key; give every roster or screened file that names them."
                    + " Nothing was rotated");
        }
        try (var update = store.connection().prepareStatement("UPDATE student SET token = ? WHERE id = ?")) {
            int pending = 0;
            for (Object[] r : students) {
                update.setString(1, tokens.get((String) r[1]));
                update.setLong(2, ((Number) r[0]).longValue());
                update.addBatch();
                if (++pending == RecordStore.BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            update.executeBatch();
        }
        long[] log = AuditLog.rekey(store, tokens);
        store.update("UPDATE store_info SET key_id = ?", to.keyId());
        return new KeyRotationResult(from.keyId(), to.keyId(), students.size(), log[0]);
    }
}
