package org.psyscreen.diagnostic;

import java.util.Objects;

/**
 * A place in a file: 1-based line and column. A column or line of 0 means "unknown".
 *
 * @param file the file name as the user gave it
 * @param line 1-based line, 0 if unknown
 * @param column 1-based column, 0 if unknown
 */
public record SourceLocation(String file, int line, int column) {

    /**
     * Checks the parts.
     *
     * @param file the file name as the user gave it
     * @param line 1-based line, 0 if unknown
     * @param column 1-based column, 0 if unknown
     */
    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (!(line >= 0 && column >= 0)) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    /**
     * {@return a location naming only the file}
     *
     * @param file the file's name
     */
    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0);
    }

    /** {@code file:line:column}, dropping the parts that are unknown. */
    @Override
    public String toString() {
        if (line == 0) {
            return file;
        }
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
