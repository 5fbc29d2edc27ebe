package org.psyscreen.load;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Severity;
import org.psyscreen.internal.tree.Binder;
import org.psyscreen.internal.tree.MapNode;
import org.psyscreen.internal.tree.Node;

/**
 * Loads a column mapping — how a platform's headers map to psyscreen's column names — as strictly as
 * a definition: YAML or JSON, duplicate keys, unknown fields, a wrong shape, aliases, tags and
 * over-long values are located problems, never a stack trace and never a silently dropped entry.
 *
 * <pre>{@code
 * format: psyscreen-mapping/1      # optional
 * columns:                         # the file's headers (compared as headers are) to psyscreen's names
 *   "学号": student_id
 *   "提交答卷时间": test_date
 *   "1、最近两周心情低落": phqa.q1
 * ignore: ["序号", "来自IP", "姓名"] # platform columns: skipped, never copied to any output
 * values:                          # how a platform wrote answers, to the definition's codes
 *   phqa: {"完全不会": "0", "好几天": "1", "一半以上的天数": "2", "几乎每天": "3"}  # every item of phqa
 *   gad7: {offset: -1}             # options numbered 1..4 where the definition says 0..3
 *   phqa.s_attempt_ever: {"是": "1", "否": "0"}                            # one column
 *   sex: {"1": male, "2": female}  # codes the platform used for sex
 * stage: junior                    # primary, junior, senior or vocational: reads 2024级 cohorts
 * }</pre>
 */
public final class MappingLoader {
    /** The format line, optional in mapping files. */
    public static final String FORMAT = "psyscreen-mapping/1";

    /**
     * A loaded mapping.
     *
     * @param columns file header (as written) to psyscreen column name, in file order
     * @param ignore platform columns skipped, never copied to any output
     * @param values how a platform's values become the definition's codes, by instrument or item
     * @param stage the school stage the file's cohorts are of ({@code primary}, {@code junior}, …), or
     *     {@code null}
     */
    public record HeaderMapping(
            Map<String, String> columns, java.util.List<String> ignore, Map<String, Recode> values, String stage) {
        /**
         * Copies the collections.
         *
         * @param columns file header (as written) to psyscreen column name, in file order
         * @param ignore platform columns skipped, never copied to any output
         * @param values how a platform's values become the definition's codes, by instrument or item
         * @param stage the school stage the file's cohorts are of, or {@code null}
         */
        public HeaderMapping {
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
            ignore = java.util.List.copyOf(ignore);
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /**
         * A mapping that only renames columns.
         *
         * @param columns file header (as written) to psyscreen column name, in file order
         */
        public HeaderMapping(Map<String, String> columns) {
            this(columns, java.util.List.of(), Map.of(), null);
        }
    }

    /**
     * How a platform's values become the definition's codes: a table (text as the platform wrote it,
     * compared half-width and trimmed) or an offset added to whole-number answers.
     *
     * @param table value as written to code; empty when an offset is used
     * @param offset added to a whole-number answer (e.g. -1 for options numbered from 1); 0 with a table
     */
    public record Recode(Map<String, String> table, int offset) {
        /**
         * Copies the table.
         *
         * @param table value as written to code; empty when an offset is used
         * @param offset added to a whole-number answer; 0 with a table
         */
        public Recode {
            table = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(table));
        }
    }

    /** The school stages a mapping may name. */
    public static final java.util.List<String> STAGES = java.util.List.of("primary", "junior", "senior", "vocational");

    private MappingLoader() {}

    /**
     * Loads a mapping file (refused by size before it is read).
     *
     * @param file the mapping file
     * @return the mapping, or the problems that refuse it
     */
    public static LoadResult<HeaderMapping> load(Path file) {
        return Loading.fromFile(file, MappingLoader::load);
    }

    /**
     * Loads a mapping from bytes; {@code name} is used in problem locations ({@code .json}: JSON).
     *
     * @param name the file's name, for problem locations ({@code .json}: read as JSON)
     * @param content the file's bytes
     * @return the mapping, or the problems that refuse it
     */
    public static LoadResult<HeaderMapping> load(String name, byte[] content) {
        return Loading.load(name, content, (b, root, clean, sha) -> bind(b, root));
    }

    private static HeaderMapping bind(Binder b, Node root) {
        Binder.Fields f = b.fields(root, "", "format", "columns", "ignore", "values", "stage");
        if (f == null) {
            return null;
        }
        if (f.has("format")) {
            b.requireFormat(f, FORMAT);
        }
        Map<String, String> columns = new LinkedHashMap<>();
        Node cols = f.node("columns");
        if (cols != null) {
            MapNode map = mapping(b, cols, "columns", "\"header in the file\": student_id");
            if (map != null) {
                for (var e : map.entries().entrySet()) {
                    String path = Binder.join("columns", e.getKey());
                    String target = b.string(e.getValue(), path);
                    if (target != null && target.isBlank()) {
                        b.error(
                                ProblemCode.BLANK,
                                path,
                                "a header is mapped to an empty name",
                                "name a psyscreen column");
                    } else if (target != null) {
                        String first = firstHeaderOf(columns, target);
                        if (first != null) {
                            b.error(
                                    ProblemCode.MAPPING_DUPLICATE_TARGET,
                                    path,
                                    "two headers are mapped to '" + target + "' (the other is the header mapped"
                                            + " before it): which one holds the value cannot be told",
                                    "map one header to '" + target + "' and list the other under 'ignore'");
                        }
                        columns.put(e.getKey(), target);
                        Integer said = ITEM_NUMBER
                                .matcher(e.getKey())
                                .results()
                                .map(m -> Integer.parseInt(m.group(1)))
                                .reduce((x, y) -> y)
                                .orElse(null);
                        var item = ITEM_TARGET.matcher(target);
                        if (said != null && item.matches() && Integer.parseInt(item.group(1)) != said) {
                            b.report(
                                    Severity.WARNING,
                                    ProblemCode.MAPPING_ITEM_NUMBER,
                                    path,
                                    "the header names item " + said + " and is mapped to " + target
                                            + ": two swapped item columns score the wrong answers",
                                    "check this line against the questionnaire");
                        }
                    }
                }
            }
        } else if (!f.has("ignore") && !f.has("values")) {
            b.missing(f, "columns");
            return null;
        }
        java.util.List<String> ignore = b.strings(f, "ignore");
        Map<String, Recode> values = new LinkedHashMap<>();
        Node vals = f.node("values");
        if (vals != null) {
            MapNode map = mapping(b, vals, "values", "phqa: {\"完全不会\": \"0\"}, or gad7: {offset: -1}");
            if (map != null) {
                for (var e : map.entries().entrySet()) {
                    String path = Binder.join("values", e.getKey());
                    MapNode table = mapping(b, e.getValue(), path, "{\"text as written\": \"code\"} or {offset: -1}");
                    if (table == null) {
                        continue;
                    }
                    if (table.entries().containsKey("offset")) {
                        Binder.Fields o = b.fields(table, path, "offset");
                        Integer offset = o == null ? null : o.integer("offset");
                        if (offset != null) {
                            values.put(e.getKey(), new Recode(Map.of(), offset));
                        }
                        continue;
                    }
                    Map<String, String> t = new LinkedHashMap<>();
                    for (var v : table.entries().entrySet()) {
                        String code = b.string(v.getValue(), Binder.join(path, v.getKey()));
                        if (code != null) {
                            t.put(v.getKey(), code);
                        }
                    }
                    values.put(e.getKey(), new Recode(t, 0));
                }
            }
        }
        String stage = f.has("stage") ? f.string("stage") : null;
        if (stage != null && !STAGES.contains(stage)) {
            b.error(
                    ProblemCode.UNKNOWN_VALUE,
                    "stage",
                    "stage '" + stage + "' is not one of " + String.join(", ", STAGES),
                    "name the school stage the file comes from, or leave 'stage' out");
            stage = null;
        }
        return new HeaderMapping(columns, ignore, values, stage);
    }

    /** {@code 第3题}, {@code （第3题）}: the item number a survey platform writes in a matrix row's header. */
    private static final java.util.regex.Pattern ITEM_NUMBER =
            java.util.regex.Pattern.compile("第\\s*([0-9]{1,3})\\s*题");

    /** A target that is a numbered item ({@code phq9.q3}). */
    private static final java.util.regex.Pattern ITEM_TARGET =
            java.util.regex.Pattern.compile("[a-z][a-z0-9_]*\\.q([0-9]{1,3})");

    private static String firstHeaderOf(Map<String, String> columns, String target) {
        for (var c : columns.entrySet()) {
            if (c.getValue().equals(target)) {
                return c.getKey();
            }
        }
        return null;
    }

    private static MapNode mapping(Binder b, Node n, String path, String example) {
        if (n instanceof MapNode map) {
            b.remember(path, n.location());
            return map;
        }
        b.error(
                ProblemCode.WRONG_TYPE,
                n.location(),
                path,
                "expected a mapping, found " + n.kindName(),
                "write '" + path + "' as a mapping, e.g. " + example);
        return null;
    }
}
