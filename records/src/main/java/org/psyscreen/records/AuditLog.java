package org.psyscreen.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The store's tamper-evident audit log: appended inside each write's own transaction (an entry exists
 * exactly when its write was committed), each entry's hash the SHA-256 of the previous hash and its
 * own fields. Deleting a student blanks their pseudonym in the log and seals the chain again from the
 * first entry that changed, and the deletion's own entry says how many entries it blanked and from
 * where it sealed: nothing of the pseudonym stays, not even a digest (a key holder could otherwise
 * test candidates against it). Like any chain kept beside the data it guards, it shows edits made
 * around it, not a rewrite of the whole log by someone who can write the database: for that, keep the
 * latest hash ({@link RecordStore#verifyAudit}) outside the store.
 */
final class AuditLog {
    private AuditLog() {}

    /** Appends one entry; the caller holds the write transaction. */
    static void append(RecordStore store, String role, String action, Scope scope, String subject, String detail)
            throws SQLException {
        List<Object[]> last = store.rows("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", List.of());
        long id = last.isEmpty() ? 1 : ((Number) last.get(0)[0]).longValue() + 1;
        String previous = last.isEmpty() ? "" : (String) last.get(0)[1];
        String at = store.now();
        String principal = store.principal();
        String hash =
                sha256(previous + "\n" + line(id, at, principal, role, action, scope.toString(), subject, detail));
        store.update(
                "INSERT INTO audit_log (id, at, principal, role, action, scope, subject, detail, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                at,
                principal,
                role,
                action,
                scope.toString(),
                subject,
                detail,
                hash);
    }

    /** Walks the chain from the first entry; names the first that does not follow from the one before. */
    static AuditCheck verify(RecordStore store) throws SQLException {
        String previous = "";
        long expected = 1;
        long n = 0;
        for (Object[] r : store.rows(
                "SELECT id, at, principal, role, action, scope, subject, detail, hash FROM audit_log ORDER BY id",
                List.of())) {
            n++;
            long id = ((Number) r[0]).longValue();
            if (id != expected) {
                return new AuditCheck(n, expected, "entry " + expected + " is missing (the next is " + id + ")");
            }
            String hash = chained(previous, r);
            if (!hash.equals(r[8])) {
                return new AuditCheck(n, id, "it was changed, or an entry before it was removed or moved");
            }
            previous = hash;
            expected++;
        }
        return new AuditCheck(n, 0, "");
    }

    /** The entries on one pseudonym in the scope, in order. */
    static List<AuditEntry> of(RecordStore store, Scope scope, String token) throws SQLException {
        // the scopes whose entries this scope may read: its own, and for a region each of its schools'
        java.util.Set<String> readable = new java.util.HashSet<>(List.of(scope.toString()));
        if (scope.region() != null && scope.school() == null) {
            for (Object[] r : store.rows(
                    "SELECT school FROM screening WHERE region = ? UNION SELECT school FROM roster_entry WHERE region"
                            + " = ? UNION SELECT school FROM warning_case WHERE region = ?",
                    List.of(scope.region(), scope.region(), scope.region()))) {
                readable.add(Scope.school(scope.region(), (String) r[0]).toString());
            }
        }
        List<AuditEntry> out = new ArrayList<>();
        for (Object[] r :
                store.rows("SELECT " + ENTRY + " FROM audit_log WHERE subject = ?" + " ORDER BY id", List.of(token))) {
            String entryScope = (String) r[5];
            if (scope.region() == null || readable.contains(entryScope)) {
                out.add(entry(r));
            }
        }
        return out;
    }

    /**
     * {@return every entry of something that left the store with students in it (an export, a district
     * form, a named list), oldest first}: after a deletion, what else may still hold the students
     */
    static List<AuditEntry> exports(RecordStore store) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        for (Object[] r : store.rows(
                "SELECT " + ENTRY + " FROM audit_log WHERE action IN"
                        + " ('export', 'district-form', 'named-list') ORDER BY id",
                List.of())) {
            out.add(entry(r));
        }
        return out;
    }

    /** An entry's columns as {@link #entry} and the chain read them. */
    private static final String ENTRY = "id, at, principal, role, action, scope, subject, detail";

    /** An entry from its row ({@link #ENTRY}). */
    private static AuditEntry entry(Object[] r) {
        return new AuditEntry(
                ((Number) r[0]).longValue(),
                (String) r[1],
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (String) r[5],
                (String) r[6],
                (String) r[7]);
    }

    /**
     * Blanks a deleted student's pseudonym in the log and seals the chain again from the first entry
     * that changed: every entry on them once the store holds nothing of them, else those of the scope
     * the deletion was in. Refuses when the chain is already broken: sealing would hide the break.
     *
     * @return {blanked entries, first re-sealed id} ({0, 0} when the log names none of them)
     */
    static long[] forget(RecordStore store, Scope scope, String token) throws SQLException {
        boolean gone = store.rows("SELECT 1 FROM student WHERE token = ?", List.of(token))
                .isEmpty();
        return gone
                ? blank(store, "subject = ?", List.of(token))
                : blank(store, "subject = ? AND scope = ?", List.of(token, scope.toString()));
    }

    /** Blanks the pseudonyms of students the store no longer holds (after a retention purge). */
    static long[] forgetGone(RecordStore store) throws SQLException {
        return blank(store, "subject <> '' AND subject NOT IN (SELECT token FROM student)", List.of());
    }

    private static long[] blank(RecordStore store, String where, List<Object> params) throws SQLException {
        List<Object[]> first = store.rows("SELECT MIN(id) FROM audit_log WHERE " + where, params);
        if (first.isEmpty() || first.get(0)[0] == null) {
            return new long[] {0, 0};
        }
        requireIntact(store, "nothing was deleted; have the log examined before a deletion re-seals it");
        long from = ((Number) first.get(0)[0]).longValue();
        long blanked = store.update("UPDATE audit_log SET subject = '' WHERE " + where, params.toArray());
        reseal(store, from);
        return new long[] {blanked, from};
    }

    /**
     * Writes each student's pseudonym under a new key into the log ({@code tokens}: old to new) and
     * seals the chain again from the first entry that changed. Refuses when the chain is already broken.
     *
     * @return {entries changed, first re-sealed id} ({0, 0} when the log names none of them)
     */
    static long[] rekey(RecordStore store, java.util.Map<String, String> tokens) throws SQLException {
        requireIntact(store, "nothing was re-keyed; have the log examined before a key rotation re-seals it");
        long from = Long.MAX_VALUE;
        long changed = 0;
        for (Object[] r :
                store.rows("SELECT subject, MIN(id) FROM audit_log WHERE subject <> '' GROUP BY subject", List.of())) {
            String now = tokens.get((String) r[0]);
            if (now != null) {
                changed += store.update("UPDATE audit_log SET subject = ? WHERE subject = ?", now, r[0]);
                from = Math.min(from, ((Number) r[1]).longValue());
            }
        }
        if (changed == 0) {
            return new long[] {0, 0};
        }
        reseal(store, from);
        return new long[] {changed, from};
    }

    private static void requireIntact(RecordStore store, String consequence) throws SQLException {
        AuditCheck before = verify(store);
        if (!before.intact()) {
            throw new RecordStoreException("the audit log is broken at entry " + before.firstBroken() + " ("
                    + before.why() + "): " + consequence);
        }
    }

    /** Computes every entry's hash again from entry {@code from} on, after entries were changed on purpose. */
    private static void reseal(RecordStore store, long from) throws SQLException {
        List<Object[]> prev = store.rows("SELECT hash FROM audit_log WHERE id = ?", List.of(from - 1));
        String previous = prev.isEmpty() ? "" : (String) prev.get(0)[0];
        for (Object[] r :
                store.rows("SELECT " + ENTRY + " FROM audit_log WHERE id >= ? ORDER BY" + " id", List.of(from))) {
            long id = ((Number) r[0]).longValue();
            String hash = chained(previous, r);
            store.update("UPDATE audit_log SET hash = ? WHERE id = ?", hash, id);
            previous = hash;
        }
    }

    /** The hash of a stored entry ({@code id, at, principal, role, action, scope, subject, detail}) after {@code previous}. */
    private static String chained(String previous, Object[] r) {
        return sha256(previous + "\n" + line(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]));
    }

    /** An entry's fields as the chain hashes them: tab-separated, the id as a whole number. */
    private static String line(Object... fields) {
        StringBuilder b = new StringBuilder();
        for (Object f : fields) {
            if (b.length() > 0) {
                b.append('\t');
            }
            b.append(f instanceof Number n ? Long.toString(n.longValue()) : (String) f);
        }
        return b.toString();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
