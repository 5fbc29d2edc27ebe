package org.psyscreen.internal.tree;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Severity;
import org.psyscreen.diagnostic.SourceLocation;

/**
 * Binds a {@link Node} tree to records field by field, collecting every problem instead of
 * stopping at the first, and remembering where each field path was written so that later checks
 * (Jakarta Validation, semantic rules) can point at the line.
 *
 * <p>Field paths use the Jakarta Validation form: {@code scales[2].items[3]}.
 */
public final class Binder {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, SourceLocation> locations = new HashMap<>();

    /** @param file the file name used in locations */
    public Binder(String file) {
        this.file = file;
    }

    /** The file name. */
    public String file() {
        return file;
    }

    /** Problems found so far. */
    public List<Problem> problems() {
        return problems;
    }

    /** Records where a path was written. */
    public void remember(String path, SourceLocation location) {
        locations.putIfAbsent(path, location);
    }

    /**
     * Where a path was written: the path itself if known, else its nearest written ancestor, else
     * the file.
     */
    public SourceLocation locate(String path) {
        String p = path;
        while (true) {
            SourceLocation l = locations.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return SourceLocation.ofFile(file);
            }
            int dot = p.lastIndexOf('.');
            int bracket = p.lastIndexOf('[');
            int cut = Math.max(dot, bracket);
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    /** Adds an error at the place a path was written. */
    public void error(ProblemCode code, String path, String message, String fix) {
        problems.add(new Problem(code, Severity.ERROR, locate(path), path, message, fix));
    }

    /** Adds a problem of the given severity at the place a path was written. */
    public void report(Severity severity, ProblemCode code, String path, String message, String fix) {
        problems.add(new Problem(code, severity, locate(path), path, message, fix));
    }

    /** Adds an error at an explicit location. */
    public void error(ProblemCode code, SourceLocation location, String path, String message, String fix) {
        problems.add(new Problem(code, Severity.ERROR, location, path, message, fix));
    }

    /**
     * Views a node as a mapping with the given known fields; unknown fields are reported. Returns
     * {@code null} (after reporting) when the node is not a mapping.
     */
    public Fields fields(Node node, String path, String... known) {
        remember(path, node.location());
        if (!(node instanceof MapNode map)) {
            error(
                    ProblemCode.WRONG_TYPE,
                    node.location(),
                    path,
                    "expected a mapping (key: value), found " + node.kindName(),
                    "write this as a mapping with the fields " + String.join(", ", known));
            return null;
        }
        Set<String> knownSet = new LinkedHashSet<>(Arrays.asList(known));
        for (Map.Entry<String, SourceLocation> k : map.keyLocations().entrySet()) {
            String key = k.getKey();
            if (!knownSet.contains(key)) {
                error(
                        ProblemCode.UNKNOWN_FIELD,
                        k.getValue(),
                        join(path, key),
                        "unknown field '" + key + "'" + Suggest.hint(key, knownSet),
                        "use one of: " + String.join(", ", knownSet) + "; a misspelt field is not ignored");
            }
        }
        return new Fields(map, path);
    }

    /**
     * Binds every element of an optional list. Absent means empty; elements that fail to bind are
     * left out (their problems are recorded).
     */
    public <T> List<T> list(Fields parent, String key, BiFunction<Node, String, T> element) {
        Node n = parent.node(key);
        String path = join(parent.path(), key);
        if (n == null) {
            return List.of();
        }
        remember(path, n.location());
        if (!(n instanceof ListNode list)) {
            error(
                    ProblemCode.WRONG_TYPE,
                    n.location(),
                    path,
                    "expected a list, found " + n.kindName(),
                    "write '" + key + "' as a list (lines starting with '- ', or [a, b])");
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < list.elements().size(); i++) {
            T t = element.apply(list.elements().get(i), path + "[" + i + "]");
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** Binds a list of strings (ids). */
    public List<String> strings(Fields parent, String key) {
        return list(parent, key, (n, p) -> string(n, p));
    }

    /** A text value; numbers, booleans and nulls are refused so ids are never coerced. */
    public String string(Node n, String path) {
        remember(path, n.location());
        if (n instanceof ScalarNode s && s.type() == ScalarNode.Type.STRING) {
            return s.text();
        }
        error(
                ProblemCode.WRONG_TYPE,
                n.location(),
                path,
                "expected text, found " + n.kindName(),
                "write text; quote values such as \"1.0\" or \"0\" so they stay text");
        return null;
    }

    /**
     * Checks the {@code format} field of a file's root mapping: present, and exactly
     * {@code expected}. Reports and returns false otherwise.
     */
    public boolean requireFormat(Fields root, String expected) {
        String format = root.string("format");
        if (format == null) {
            if (!root.has("format")) {
                error(
                        ProblemCode.MISSING_FIELD,
                        root.location(),
                        "format",
                        "required field 'format' is missing",
                        "start the file with 'format: " + expected + "'");
            }
            return false;
        }
        if (!format.equals(expected)) {
            error(
                    ProblemCode.UNSUPPORTED_FORMAT,
                    "format",
                    "format '" + format + "' is not read by this version",
                    "use 'format: " + expected + "'");
            return false;
        }
        return true;
    }

    /** A required nested mapping; reports and returns {@code null} when absent or not a mapping. */
    public Fields requiredFields(Fields parent, String key, String... known) {
        Node n = parent.node(key);
        if (n == null) {
            missing(parent, key);
            return null;
        }
        return fields(n, join(parent.path(), key), known);
    }

    /** An optional nested mapping; {@code null} when absent (reported only when not a mapping). */
    public Fields optionalFields(Fields parent, String key, String... known) {
        Node n = parent.node(key);
        return n == null ? null : fields(n, join(parent.path(), key), known);
    }

    /** A required, non-blank text field; reports and returns {@code null} otherwise. */
    public String requiredString(Fields f, String key) {
        String v = f.string(key);
        if (v == null && !f.has(key)) {
            missing(f, key);
        } else if (v != null && v.isBlank()) {
            error(
                    ProblemCode.BLANK,
                    join(f.path(), key),
                    "'" + key + "' must not be empty",
                    "give '" + key + "' a value");
            return null;
        }
        return v;
    }

    /** A required {@code {en, zh}} text. */
    public org.psyscreen.definition.LocalizedText text(Fields parent, String key) {
        Fields t = requiredFields(parent, key, "en", "zh");
        if (t == null) {
            return null;
        }
        String en = requiredString(t, "en");
        String zh = requiredString(t, "zh");
        return en == null || zh == null ? null : new org.psyscreen.definition.LocalizedText(en, zh);
    }

    /** Reports a missing required field at the mapping that should hold it. */
    public void missing(Fields f, String key) {
        error(
                ProblemCode.MISSING_FIELD,
                f.location(),
                join(f.path(), key),
                "required field '" + key + "' is missing",
                "add '" + key + "'");
    }

    /** A decimal value (whole numbers accepted); refuses non-finite values and quoted numbers. */
    public Double decimal(Node n, String p) {
        remember(p, n.location());
        if (n instanceof ScalarNode s && (s.type() == ScalarNode.Type.INTEGER || s.type() == ScalarNode.Type.DECIMAL)) {
            try {
                BigDecimal exact = new BigDecimal(s.text());
                double d = exact.doubleValue();
                if (!Double.isFinite(d) || exact.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
                    error(
                            ProblemCode.BAD_NUMBER,
                            n.location(),
                            p,
                            "number is out of range",
                            "use a finite number no larger than 1e9 in size");
                    return null;
                }
                return d;
            } catch (NumberFormatException e) {
                error(
                        ProblemCode.BAD_NUMBER,
                        n.location(),
                        p,
                        "not a number (.nan/.inf are not allowed)",
                        "write a plain decimal number, e.g. 0.2");
                return null;
            }
        }
        error(
                ProblemCode.WRONG_TYPE,
                n.location(),
                p,
                "expected a number, found " + n.kindName(),
                "write a number without quotes, e.g. 0.2");
        return null;
    }

    /** Joins a path and a key. */
    public static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A mapping being bound. */
    public final class Fields {
        private final MapNode map;
        private final String path;

        Fields(MapNode map, String path) {
            this.map = map;
            this.path = path;
        }

        /** Path of this mapping. */
        public String path() {
            return path;
        }

        /** Where the mapping starts. */
        public SourceLocation location() {
            return map.location();
        }

        /** The raw node for a key, or {@code null}; remembers its location. */
        public Node node(String key) {
            Node n = map.entries().get(key);
            if (n != null) {
                remember(join(path, key), n.location());
            }
            return n;
        }

        /** True when the key is present. */
        public boolean has(String key) {
            return map.entries().containsKey(key);
        }

        /** Optional text field; {@code null} when absent. */
        public String string(String key) {
            Node n = node(key);
            return n == null ? null : Binder.this.string(n, join(path, key));
        }

        /** Optional whole-number field; refuses decimals, text and numbers with leading zeros. */
        public Integer integer(String key) {
            Node n = node(key);
            if (n == null) {
                return null;
            }
            String p = join(path, key);
            if (n instanceof ScalarNode s && s.type() == ScalarNode.Type.INTEGER) {
                String t = s.text();
                String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
                if (t.startsWith("+") || (digits.length() > 1 && digits.startsWith("0")) || t.equals("-0")) {
                    error(
                            ProblemCode.BAD_NUMBER,
                            n.location(),
                            p,
                            "number is not written canonically",
                            "write the number without a sign or leading zeros, e.g. 7");
                    return null;
                }
                try {
                    return Integer.valueOf(t);
                } catch (NumberFormatException e) {
                    error(
                            ProblemCode.BAD_NUMBER,
                            n.location(),
                            p,
                            "number is too large",
                            "use a whole number between -2147483648 and 2147483647");
                    return null;
                }
            }
            error(
                    ProblemCode.WRONG_TYPE,
                    n.location(),
                    p,
                    "expected a whole number, found " + n.kindName(),
                    "write a whole number without quotes, e.g. 3");
            return null;
        }

        /** Optional decimal field (whole numbers accepted); refuses non-finite values. */
        public Double decimal(String key) {
            Node n = node(key);
            return n == null ? null : Binder.this.decimal(n, join(path, key));
        }

        /** Optional boolean field with a default; only {@code true} and {@code false} are accepted. */
        public boolean bool(String key, boolean dflt) {
            Node n = node(key);
            if (n == null) {
                return dflt;
            }
            if (n instanceof ScalarNode s && s.type() == ScalarNode.Type.BOOLEAN) {
                return Boolean.parseBoolean(s.text());
            }
            error(
                    ProblemCode.WRONG_TYPE,
                    n.location(),
                    join(path, key),
                    "expected true or false, found " + n.kindName(),
                    "write true or false (yes/no/on/off are not booleans here)");
            return dflt;
        }

        /**
         * Optional enum field written in lower case with hyphens, e.g. {@code half-up} for
         * {@code HALF_UP}.
         */
        public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
            Node n = node(key);
            if (n == null) {
                return null;
            }
            String p = join(path, key);
            String text = Binder.this.string(n, p);
            if (text == null) {
                return null;
            }
            List<String> allowed =
                    Arrays.stream(type.getEnumConstants()).map(Binder::word).collect(Collectors.toList());
            for (E e : type.getEnumConstants()) {
                if (word(e).equals(text)) {
                    return e;
                }
            }
            error(
                    ProblemCode.UNKNOWN_VALUE,
                    n.location(),
                    p,
                    "'" + text + "' is not allowed here" + Suggest.hint(text, allowed),
                    "use one of: " + String.join(", ", allowed));
            return null;
        }
    }

    /** The file spelling of an enum constant: lower case, hyphens. */
    public static String word(Enum<?> e) {
        return org.psyscreen.definition.Ids.word(e);
    }
}
