package org.psyscreen.diagnostic;

import java.util.Objects;

/** Thrown when something that must be valid is not; carries every problem found. */
public final class DefinitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Not serialised: problems are for printing, not for shipping between JVMs. */
    private final transient Problems problems;

    /** @param problems the problems, at least one an error */
    public DefinitionException(Problems problems) {
        super(Objects.requireNonNull(problems, "problems").errorCount() + " error(s):\n" + problems.format());
        this.problems = problems;
    }

    /** {@return the problems found} */
    public Problems problems() {
        return problems;
    }
}
