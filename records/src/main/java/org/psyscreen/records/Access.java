package org.psyscreen.records;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * Registers the server's logins as a store's principals (schema 7 on PostgreSQL): the row-level
 * security policies read the {@code principal} table, and the login is made a member of its level's
 * group role, which may SELECT the students' tables and nothing else.
 */
final class Access {
    private final RecordStore store;

    Access(RecordStore store) {
        this.store = store;
    }

    void grant(Principal p) throws SQLException {
        requireServer();
        List<Object[]> login = store.rows(
                "SELECT rolcanlogin, rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = ?", List.of(p.login()));
        if (login.isEmpty() || !Boolean.TRUE.equals(login.get(0)[0])) {
            throw refused(
                    ProblemCode.PRINCIPAL_NOT_A_LOGIN,
                    "the server has no login role " + p.login() + ": have its administrator create it (CREATE ROLE "
                            + p.login() + " LOGIN PASSWORD …)");
        }
        if (Boolean.TRUE.equals(login.get(0)[1])) {
            throw refused(
                    ProblemCode.PRINCIPAL_NOT_A_LOGIN,
                    p.login() + " is a superuser or bypasses row-level"
                            + " security, so it would read every row: a principal needs a plain login role");
        }
        if (store.rows("SELECT 1 FROM pg_roles WHERE rolname = ?", List.of(p.groupRole()))
                .isEmpty()) {
            throw refused(
                    ProblemCode.PRINCIPAL_NOT_A_LOGIN,
                    "the server has no role " + p.groupRole()
                            + " (the store's owner may not create roles): have its administrator run CREATE ROLE "
                            + p.groupRole() + " NOLOGIN, then grant again");
        }
        // {may manage roles, may grant the group role}: the owner's rights, read once
        Object[] owner = store.rows(
                        "SELECT r.rolsuper OR r.rolcreaterole, pg_has_role(current_user, ?, 'MEMBER WITH ADMIN"
                                + " OPTION') FROM pg_roles r WHERE r.rolname = current_user",
                        List.of(p.groupRole()))
                .get(0);
        boolean managesRoles = Boolean.TRUE.equals(owner[0]);
        if (!managesRoles && !Boolean.TRUE.equals(owner[1])) {
            throw refused(
                    ProblemCode.PRINCIPAL_NOT_A_LOGIN,
                    "the store's owner may not grant " + p.groupRole()
                            + ": have the server's administrator run GRANT " + p.groupRole() + " TO " + p.login()
                            + ", or give the owner that role WITH ADMIN OPTION");
        }
        store.rows("SELECT psyscreen_grant_reads()", List.of()); // the group roles' reads, once they exist
        if (p.level() != Principal.Level.PROVINCE && !holds(p)) {
            throw refused(
                    ProblemCode.PRINCIPAL_OUTSIDE_STORE,
                    "the store holds nothing of " + p.scope()
                            + ": a misspelt code would grant nothing; import its screenings or roster first");
        }
        store.update("DELETE FROM principal WHERE login = ?", p.login());
        store.update(
                "INSERT INTO principal (login, level, region, school, granted_at, granted_by) VALUES (?, ?, ?, ?, ?, ?)",
                p.login(),
                p.level().word(),
                p.region(),
                p.school(),
                store.now(),
                store.principal());
        for (Principal.Level l : Principal.Level.values()) {
            String group = "psyscreen_" + l.word();
            if (!store.rows("SELECT 1 FROM pg_roles WHERE rolname = ?", List.of(group))
                    .isEmpty()) {
                store.update("REVOKE " + group + " FROM " + quoted(p.login()));
            }
        }
        store.update("GRANT " + p.groupRole() + " TO " + quoted(p.login()));
        if (managesRoles) {
            // A principal's queries are short lookups, but the policies' subqueries inflate their cost
            // estimates past jit_above_cost: EXPLAIN ANALYZE of a school's warning list on the store of
            // benchmarks/README.md spent 0.50 s compiling (JIT) and 0.10 s running (0.83 s in all).
            store.update("ALTER ROLE " + quoted(p.login()) + " SET jit = off");
        }
    }

    /** Removes a principal: its login reads nothing of the store from the next query on. */
    boolean revoke(String login) throws SQLException {
        requireServer();
        List<Principal> known =
                principals().stream().filter(p -> p.login().equals(login)).toList();
        if (known.isEmpty()) {
            return false;
        }
        store.update("DELETE FROM principal WHERE login = ?", login);
        store.update(
                "REVOKE " + known.get(0).groupRole() + " FROM " + known.get(0).login());
        return true;
    }

    List<Principal> principals() throws SQLException {
        if (store.dialect() != RecordStore.Dialect.POSTGRESQL) {
            return List.of();
        }
        List<Principal> out = new ArrayList<>();
        for (Object[] r : store.rows("SELECT login, level, region, school FROM principal ORDER BY login", List.of())) {
            out.add(new Principal(
                    (String) r[0],
                    Principal.Level.valueOf(((String) r[1]).toUpperCase(java.util.Locale.ROOT)),
                    (String) r[2],
                    (String) r[3]));
        }
        return out;
    }

    /** Whether the store holds any row of the principal's school or region. */
    private boolean holds(Principal p) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT 1 FROM screening s WHERE " + p.scope().where("s", params)
                + " UNION SELECT 1 FROM roster_entry r WHERE " + p.scope().where("r", params);
        return !store.rows(sql, params).isEmpty();
    }

    /** A login as an SQL identifier: {@link Principal} allows only {@code [a-z0-9_]}, so quoting is exact. */
    private static String quoted(String login) {
        return '"' + login + '"';
    }

    private void requireServer() {
        if (store.dialect() != RecordStore.Dialect.POSTGRESQL) {
            throw refused(
                    ProblemCode.ACCESS_NEEDS_SERVER,
                    store.label() + " is a SQLite file, which has no users:"
                            + " the file is the boundary (readable by its owner only, PSY-3201); keep one file per school,"
                            + " or use PostgreSQL for principals");
        }
    }

    private static RecordStoreException refused(ProblemCode code, String what) {
        return new RecordStoreException(code.id() + " " + what + "; nothing was granted");
    }
}
