package org.psyscreen.load;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.psyscreen.diagnostic.ProblemCode;
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
 * columns:
 *   "学号": student_id
 *   "1、最近两周心情低落": phqa.q1
 * }</pre>
 */
public final class MappingLoader {
    /** The format line, optional in mapping files. */
    public static final String FORMAT = "psyscreen-mapping/1";

    /**
     * A loaded mapping.
     *
     * @param columns file header (as written) to psyscreen column name, in file order
     */
    public record HeaderMapping(Map<String, String> columns) {
        public HeaderMapping {
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }
    }

    private MappingLoader() {}

    /** Loads a mapping file (refused by size before it is read). */
    public static LoadResult<HeaderMapping> load(Path file) {
        return Loading.fromFile(file, MappingLoader::load);
    }

    /** Loads a mapping from bytes; {@code name} is used in problem locations ({@code .json}: JSON). */
    public static LoadResult<HeaderMapping> load(String name, byte[] content) {
        return Loading.load(name, content, (b, root, clean, sha) -> bind(b, root));
    }

    private static HeaderMapping bind(Binder b, Node root) {
        Binder.Fields f = b.fields(root, "", "format", "columns");
        if (f == null) {
            return null;
        }
        if (f.has("format")) {
            b.requireFormat(f, FORMAT);
        }
        Node columns = f.node("columns");
        if (columns == null) {
            b.missing(f, "columns");
            return null;
        }
        if (!(columns instanceof MapNode map)) {
            b.error(
                    ProblemCode.WRONG_TYPE,
                    columns.location(),
                    "columns",
                    "expected a mapping of file headers to column names, found " + columns.kindName(),
                    "write 'columns:' as a mapping: \"header in the file\": student_id");
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : map.entries().entrySet()) {
            String path = Binder.join("columns", e.getKey());
            String target = b.string(e.getValue(), path);
            if (target != null && target.isBlank()) {
                b.error(ProblemCode.BLANK, path, "a header is mapped to an empty name", "name a psyscreen column");
            } else if (target != null) {
                out.put(e.getKey(), target);
            }
        }
        return new HeaderMapping(out);
    }
}
