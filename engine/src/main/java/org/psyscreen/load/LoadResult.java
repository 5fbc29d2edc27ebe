package org.psyscreen.load;

import java.util.Objects;
import java.util.Optional;
import org.psyscreen.diagnostic.DefinitionException;
import org.psyscreen.diagnostic.Problems;

/**
 * What loading a file produced: the value when the file had no errors, every problem found, and
 * the SHA-256 of the file's bytes (recorded in audit trails).
 *
 * @param value the loaded value, empty when there were errors
 * @param problems errors and warnings, in stable order
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param <T> the loaded type
 */
public record LoadResult<T>(Optional<T> value, Problems problems, String sha256) {

    /**
     * Checks that a value is present exactly when there are no errors.
     *
     * @param value the loaded value, empty when there were errors
     * @param problems errors and warnings, in stable order
     * @param sha256 lower-case hex SHA-256 of the file's bytes
     */
    public LoadResult {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(sha256, "sha256");
        if (value.isPresent() == problems.hasErrors()) {
            throw new IllegalArgumentException("a value is present exactly when there are no errors");
        }
    }

    /**
     * {@return the result for a file that could not be read at all}
     *
     * @param file the file's name, as problems name it
     * @param cause why it could not be read (only its type is named, never its message)
     * @param <T> the type the file would have loaded as
     */
    public static <T> LoadResult<T> unreadable(String file, Throwable cause) {
        org.psyscreen.diagnostic.Problem p = new org.psyscreen.diagnostic.Problem(
                org.psyscreen.diagnostic.ProblemCode.FILE_UNREADABLE,
                org.psyscreen.diagnostic.Severity.ERROR,
                org.psyscreen.diagnostic.SourceLocation.ofFile(file),
                "",
                "cannot read the file (" + cause.getClass().getSimpleName() + ")",
                "check that the path exists and is readable");
        return new LoadResult<>(Optional.empty(), Problems.of(java.util.List.of(p)), "");
    }

    /** A path that is not a regular file, or a file over the size any psyscreen file may have. */
    static <T> LoadResult<T> tooLarge(String file, boolean regular) {
        org.psyscreen.diagnostic.Problem p = new org.psyscreen.diagnostic.Problem(
                regular
                        ? org.psyscreen.diagnostic.ProblemCode.FILE_TOO_LARGE
                        : org.psyscreen.diagnostic.ProblemCode.FILE_UNREADABLE,
                org.psyscreen.diagnostic.Severity.ERROR,
                org.psyscreen.diagnostic.SourceLocation.ofFile(file),
                "",
                regular
                        ? "the file is larger than " + org.psyscreen.internal.tree.StrictTreeReader.MAX_BYTES
                                + " bytes; it was not read"
                        : "not a regular file (a folder, a device or missing)",
                regular ? "a definition, norm table or policy is a small text file: check the path" : "give a file");
        return new LoadResult<>(Optional.empty(), Problems.of(java.util.List.of(p)), "");
    }

    /** {@return true when the file had no errors} */
    public boolean ok() {
        return value.isPresent();
    }

    /** {@return the value, or a {@link DefinitionException} listing every problem} */
    public T orThrow() {
        return value.orElseThrow(() -> new DefinitionException(problems));
    }
}
