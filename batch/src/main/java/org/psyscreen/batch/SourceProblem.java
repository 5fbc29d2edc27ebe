package org.psyscreen.batch;

import java.io.IOException;
import org.psyscreen.diagnostic.Problem;

/** A response file that a source cannot read on: the file-level problem that refuses it (place, never value). */
final class SourceProblem extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    SourceProblem(Problem problem) {
        super(problem.code().id() + " at " + problem.location());
        this.problem = problem;
    }

    /** {@return the problem that refuses the file} */
    Problem problem() {
        return problem;
    }
}
