package org.psyscreen.records;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psyscreen.batch.ResponseFile;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.student.Cells;
import org.psyscreen.student.Grade;
import org.psyscreen.student.StudentReaders;

/**
 * A school's roster (花名册) for a wave, read and pseudonymised with the store's key: every student
 * the school has, whether screened or not, so that coverage (普查率) can be counted. The file is a
 * CSV, JSON Lines or .xlsx table, read as response files are (same encodings), with the columns
 * {@code student_id}, {@code grade} and {@code class}, and optionally {@code school} (which must then
 * be the roster's school on every row), {@code dormitory} and declared attributes as
 * {@code attr.<name>} (yes or no: {@code attr.left_behind}, {@code attr.single_parent} …). Any other
 * column, such as {@code name}, is read by no one but {@link #names}: names never enter the store.
 *
 * <p>A roster is refused whole, naming the line and column and never a value, when a column it
 * needs is absent (PSY-3001), a student is on it twice (PSY-3002), a row lacks its id, grade or class
 * or has an unreadable grade or attribute (PSY-3003), or a row is of another school (PSY-3004).
 */
public final class Roster {
    /**
     * One student on the roster.
     *
     * @param token the student's keyed pseudonym
     * @param grade the grade code ({@code 1}..{@code 12}, {@code v1}..{@code v3})
     * @param klass the class, as the roster writes it
     * @param dormitory the dormitory, or {@code ""}
     * @param attributes declared attributes by name (left out when blank: unknown)
     */
    public record Entry(String token, String grade, String klass, String dormitory, Map<String, Boolean> attributes) {
        /**
         * Copies the attributes.
         *
         * @param token the student's keyed pseudonym
         * @param grade the grade code
         * @param klass the class
         * @param dormitory the dormitory, or {@code ""}
         * @param attributes declared attributes by name
         */
        public Entry {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        @Override
        public String toString() {
            return "Roster.Entry[grade " + grade + "]"; // never the token
        }
    }

    private final String region;
    private final String school;
    private final String sha256;
    private final String keyId;
    private final List<Entry> entries;

    private Roster(String region, String school, String sha256, String keyId, List<Entry> entries) {
        this.region = region;
        this.school = school;
        this.sha256 = sha256;
        this.keyId = keyId;
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads a school's roster, each id turned into its keyed pseudonym.
     *
     * @param file the roster file
     * @param keys the store's pseudonym key
     * @param region the school's region ({@code ""} when the data has none)
     * @param school the school, as its screenings name it
     * @return the roster
     * @throws RecordStoreException when the roster is refused (with its problem code, line and column)
     */
    public static Roster read(Path file, Pseudonymizer keys, String region, String school) {
        String name = file.getFileName().toString();
        Reader reader = new Reader(name, keys, school);
        String sha;
        try {
            sha = ResponseFile.of(file).read(reader);
        } catch (IOException e) {
            throw refused(ProblemCode.ROSTER_UNREADABLE, name + " cannot be read: " + e.getMessage());
        }
        if (reader.columns == null) {
            throw refused(ProblemCode.ROSTER_UNREADABLE, name + " has no header");
        }
        return new Roster(region, school, sha, keys.keyId(), reader.entries);
    }

    /**
     * A student as the school's own roster file names them.
     *
     * @param id the student id, as the roster writes it
     * @param name the name
     */
    public record Named(String id, String name) {
        @Override
        public String toString() {
            return "Roster.Named[…]"; // never printed by accident
        }
    }

    /**
     * Reads the {@code student_id} and {@code name} columns of a roster file, locally, for a school
     * turning its own lists into named students: by pseudonym, the student. Nothing of it is kept;
     * the store never sees it.
     *
     * @param file the school's roster file (with a {@code name} column)
     * @param keys the key the store's pseudonyms were made with
     * @return each pseudonym's student
     * @throws RecordStoreException when the file cannot be read or has no {@code name} column
     */
    public static Map<String, Named> names(Path file, Pseudonymizer keys) {
        String fileName = file.getFileName().toString();
        Map<String, Named> names = new HashMap<>();
        int[] at = {-1, -1};
        try {
            ResponseFile.of(file).read(new ResponseFile.Visitor() {
                @Override
                public void header(List<String> columns) {
                    for (int c = 0; c < columns.size(); c++) {
                        String h = Cells.header(columns.get(c));
                        if (h.equals("student_id")) {
                            at[0] = c;
                        } else if (h.equals("name")) {
                            at[1] = c;
                        }
                    }
                    if (at[0] < 0 || at[1] < 0) {
                        throw refused(
                                ProblemCode.ROSTER_UNREADABLE,
                                fileName + " needs the columns student_id and name to name students");
                    }
                }

                @Override
                public void record(long line, List<String> cells) {
                    String id = at[0] < cells.size() ? cells.get(at[0]) : "";
                    if (!Pseudonymizer.canonical(id).isEmpty()) {
                        names.put(
                                keys.token(id),
                                new Named(
                                        Pseudonymizer.canonical(id),
                                        at[1] < cells.size() ? Cells.normalise(cells.get(at[1])) : ""));
                    }
                }
            });
        } catch (IOException e) {
            throw refused(ProblemCode.ROSTER_UNREADABLE, fileName + " cannot be read: " + e.getMessage());
        }
        return names;
    }

    /**
     * Reads the {@code student_id} column of any table a school exports (a roster, a screened file), as
     * the scorer reads ids: for a key rotation ({@link RecordStore#rotateKey}), which needs the ids the
     * store's pseudonyms were made from. Nothing of it is kept.
     *
     * @param file a CSV, JSON Lines or .xlsx file with a {@code student_id} column
     * @return the ids, as written (blank ones left out)
     * @throws RecordStoreException when the file cannot be read or has no {@code student_id} column
     */
    public static List<String> ids(Path file) {
        String fileName = file.getFileName().toString();
        List<String> ids = new ArrayList<>();
        int[] at = {-1};
        try {
            ResponseFile.of(file).read(new ResponseFile.Visitor() {
                @Override
                public void header(List<String> columns) {
                    at[0] = columns.stream().map(Cells::header).toList().indexOf("student_id");
                    if (at[0] < 0) {
                        throw new RecordStoreException(
                                ProblemCode.ROSTER_UNREADABLE.id() + " " + fileName + " has no student_id column");
                    }
                }

                @Override
                public void record(long line, List<String> cells) {
                    if (at[0] < cells.size()
                            && !Pseudonymizer.canonical(cells.get(at[0])).isEmpty()) {
                        ids.add(cells.get(at[0]));
                    }
                }
            });
        } catch (IOException e) {
            throw new RecordStoreException(
                    ProblemCode.ROSTER_UNREADABLE.id() + " " + fileName + " cannot be read: " + e.getMessage());
        }
        return ids;
    }

    /** {@return the school's region} */
    public String region() {
        return region;
    }

    /** {@return the school} */
    public String school() {
        return school;
    }

    /** {@return the file's SHA-256} */
    public String sha256() {
        return sha256;
    }

    /** {@return the public id of the key the ids were pseudonymised with} */
    public String keyId() {
        return keyId;
    }

    /** {@return the students, in file order} */
    public List<Entry> entries() {
        return entries;
    }

    @Override
    public String toString() {
        return "Roster[" + school + ", " + entries.size() + " students]";
    }

    static RecordStoreException refused(ProblemCode code, String what) {
        return new RecordStoreException(code.id() + " " + what + "; nothing was imported");
    }

    /** Reads the header, then each row, refusing the first row that is not a student of the school. */
    private static final class Reader implements ResponseFile.Visitor {
        private final String name;
        private final Pseudonymizer keys;
        private final String school;
        private final List<Entry> entries = new ArrayList<>();
        private final Map<String, Long> lineOf = new HashMap<>();
        private List<String> columns;
        private final Map<String, Integer> at = new HashMap<>();
        private final Map<String, Integer> attributes = new LinkedHashMap<>();

        Reader(String name, Pseudonymizer keys, String school) {
            this.name = name;
            this.keys = keys;
            this.school = school;
        }

        @Override
        public void header(List<String> header) {
            columns = header;
            for (int c = 0; c < header.size(); c++) {
                String h = Cells.header(header.get(c));
                if (h.startsWith("attr.") && h.length() > 5) {
                    attributes.put(h.substring(5), c);
                } else {
                    at.putIfAbsent(h, c);
                }
            }
            for (String needed : List.of("student_id", "grade", "class")) {
                if (!at.containsKey(needed)) {
                    throw refused(ProblemCode.ROSTER_UNREADABLE, name + " has no column " + needed);
                }
            }
        }

        @Override
        public void record(long line, List<String> cells) {
            String id = cell(cells, "student_id");
            String canonical = Pseudonymizer.canonical(id);
            if (canonical.isEmpty()) {
                throw bad(line, "student_id", "is empty");
            }
            if (at.containsKey("school")
                    && !Cells.normalise(cell(cells, "school")).equals(school)) {
                throw refused(
                        ProblemCode.ROSTER_OTHER_SCHOOL,
                        name + " line " + line + ", column school: the row is of another school than the roster's");
            }
            Grade grade = StudentReaders.grade(cell(cells, "grade"));
            if (grade == null) {
                throw bad(line, "grade", "is not a grade");
            }
            String klass = Cells.normalise(cell(cells, "class"));
            if (klass.isEmpty()) {
                throw bad(line, "class", "is empty");
            }
            Map<String, Boolean> attrs = new LinkedHashMap<>();
            for (var a : attributes.entrySet()) {
                String raw = a.getValue() < cells.size() ? cells.get(a.getValue()) : "";
                if (Cells.normalise(raw).isEmpty()) {
                    continue; // blank: unknown
                }
                Boolean v = StudentReaders.yesNo(raw);
                if (v == null) {
                    throw bad(line, "attr." + a.getKey(), "is neither yes nor no");
                }
                attrs.put(a.getKey(), v);
            }
            String token = keys.tokenOfCanonical(canonical);
            Long first = lineOf.putIfAbsent(token, line);
            if (first != null) {
                throw refused(
                        ProblemCode.ROSTER_DUPLICATE_ID,
                        name + " lines " + first + " and " + line + ", column student_id: the same student twice");
            }
            String dormitory = at.containsKey("dormitory") ? Cells.normalise(cell(cells, "dormitory")) : "";
            entries.add(new Entry(token, grade.code(), klass, dormitory, attrs));
        }

        private String cell(List<String> cells, String column) {
            int c = at.getOrDefault(column, -1);
            return c >= 0 && c < cells.size() && cells.get(c) != null ? cells.get(c) : "";
        }

        private RecordStoreException bad(long line, String column, String what) {
            return refused(ProblemCode.ROSTER_BAD_ROW, name + " line " + line + ", column " + column + " " + what);
        }
    }
}
