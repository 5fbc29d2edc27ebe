package org.psyscreen.diagnostic;

import java.util.Objects;

/**
 * One thing wrong with an input, with where it is and how to fix it.
 *
 * @param code stable code; see {@link ProblemCode}
 * @param severity error or warning
 * @param location file, line and column
 * @param field path of the field inside the file, e.g. {@code scales[2].items[3]}; empty for the
 *     whole file
 * @param message what is wrong
 * @param fix what to do about it
 */
public record Problem(
        ProblemCode code, Severity severity, SourceLocation location, String field, String message, String fix) {

    /**
     * Checks the parts.
     *
     * @param code stable code; see {@link ProblemCode}
     * @param severity error or warning
     * @param location file, line and column
     * @param field path of the field inside the file, e.g. {@code scales[2].items[3]}; empty for the whole file
     * @param message what is wrong
     * @param fix what to do about it
     */
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /**
     * {@return the two-line printed form used by the command line and the golden tests:
     *
     * <pre>
     * file.yaml:12:7: error PSY-1205 scales[2].items[3]: scale 'total' lists unknown item 'q10'
     * fix: use an item id declared under 'items' (did you mean 'q1'?)
     * </pre>}
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(location).append(": ").append(severity.label()).append(' ').append(code.id());
        if (!field.isEmpty()) {
            sb.append(' ').append(field);
        }
        sb.append(": ").append(message).append("\n    fix: ").append(fix);
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
