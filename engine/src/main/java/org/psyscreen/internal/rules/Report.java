package org.psyscreen.internal.rules;

import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Severity;
import org.psyscreen.internal.tree.Binder;

/** Where a rule reports; locations come from the binder's record of where each path was written. */
final class Report {
    private final Binder binder;

    Report(Binder binder) {
        this.binder = binder;
    }

    void error(ProblemCode code, String path, String message, String fix) {
        binder.report(Severity.ERROR, code, path, message, fix);
    }

    void warning(ProblemCode code, String path, String message, String fix) {
        binder.report(Severity.WARNING, code, path, message, fix);
    }
}
