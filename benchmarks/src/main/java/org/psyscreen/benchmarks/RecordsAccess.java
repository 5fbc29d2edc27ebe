package org.psyscreen.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.psyscreen.records.Principal;
import org.psyscreen.records.RecordStore;

/**
 * What row-level security costs on a PostgreSQL records store, for {@code benchmarks/e2e/records.sh}:
 * three queries a school's own tools would run (its open warning cases with their pseudonyms, one
 * student's scale scores, its flagged students per class) as the store's owner with the school named
 * in the query, and as the school's login with the school left to the database's policies; the two
 * alternate, and the rows each returns must be the same. Prints the median and 95th percentile of
 * each and their ratio. Needs an owner who may create a login (the script's throwaway cluster).
 * Usage: {@code java -cp benchmarks.jar org.psyscreen.benchmarks.RecordsAccess URL SCHOOL [ROUNDS]}.
 */
public final class RecordsAccess {
    private static final String LOGIN = "bench_school_login";

    private RecordsAccess() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String school = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        try (Connection owner = DriverManager.getConnection(url);
                var s = owner.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + LOGIN + "') THEN"
                    + " CREATE ROLE " + LOGIN + " LOGIN; END IF; END $$");
        }
        try (RecordStore store = RecordStore.open(url)) {
            store.grant(Principal.school(LOGIN, "", school));
        }
        String asLogin = url.replaceFirst("user=[^&]*", "user=" + LOGIN);
        try (Connection owner = DriverManager.getConnection(url);
                Connection login = DriverManager.getConnection(asLogin)) {
            List<String> tokens = strings(
                    owner,
                    "SELECT DISTINCT st.token FROM student st JOIN screening s ON s.student_id = st.id WHERE s.school"
                            + " = ? ORDER BY st.token",
                    school);
            String c = " AND c.region = '' AND c.school = '" + school.replace("'", "''") + "'";
            String sc = " AND s.region = '' AND s.school = '" + school.replace("'", "''") + "'";
            String cases =
                    "SELECT st.token, c.tier, c.state FROM warning_case c JOIN student st ON st.id = c.student_id"
                            + " WHERE c.state <> 'closed'";
            String scores = "SELECT s.id, sc.scale, sc.value FROM screening s JOIN scale_score sc ON sc.screening_id ="
                    + " s.id JOIN student st ON st.id = s.student_id WHERE st.token = ?";
            String flagged =
                    "SELECT s.class, COUNT(*) FROM screening s JOIN decision d ON d.screening_id = s.id WHERE d.tier IS"
                            + " NOT NULL";
            // name, the owner's query (the school named), the login's (the policies name it)
            String[][] queries = {
                {"open warning cases", cases + c, cases},
                {"one student's scores", scores + sc, scores},
                {"flagged per class", flagged + sc + " GROUP BY s.class", flagged + " GROUP BY s.class"}
            };
            SplittableRandom random = new SplittableRandom(7);
            System.out.printf(
                    Locale.ROOT,
                    "row-level security, school %s (%d students), %d rounds:%n",
                    school,
                    tokens.size(),
                    rounds);
            for (String[] q : queries) {
                String ownerSql = q[1];
                String loginSql = q[2];
                double[] a = new double[rounds];
                double[] b = new double[rounds];
                for (int i = -50; i < rounds; i++) { // 50 warm-up rounds
                    String token = tokens.get(random.nextInt(tokens.size()));
                    long t0 = System.nanoTime();
                    int rowsOwner = run(owner, ownerSql, token);
                    long t1 = System.nanoTime();
                    int rowsLogin = run(login, loginSql, token);
                    long t2 = System.nanoTime();
                    if (rowsOwner != rowsLogin) {
                        throw new IllegalStateException(q[0] + ": the owner's query read " + rowsOwner
                                + " rows, the school's login " + rowsLogin);
                    }
                    if (i >= 0) {
                        a[i] = (t1 - t0) / 1e6;
                        b[i] = (t2 - t1) / 1e6;
                    }
                }
                Arrays.sort(a);
                Arrays.sort(b);
                System.out.printf(
                        Locale.ROOT,
                        "  %-22s owner, school named: median %.2f ms, p95 %.2f ms | school's login, policies: median"
                                + " %.2f ms, p95 %.2f ms | login/owner median %.2f%n",
                        q[0],
                        a[rounds / 2],
                        a[(int) (rounds * 0.95)],
                        b[rounds / 2],
                        b[(int) (rounds * 0.95)],
                        b[rounds / 2] / a[rounds / 2]);
            }
        } finally {
            try (RecordStore store = RecordStore.open(url)) {
                store.revoke(LOGIN);
            }
        }
    }

    /** Runs a query (binding {@code token} when it takes one) and returns how many rows it read. */
    private static int run(Connection c, String sql, String token) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                s.setString(1, token);
            }
            try (ResultSet r = s.executeQuery()) {
                int n = 0;
                while (r.next()) {
                    n++;
                }
                return n;
            }
        }
    }

    private static List<String> strings(Connection c, String sql, String param) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }
}
