package org.psyscreen.diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An ordered, immutable list of problems. Sorted by file, line, column, then code, so that printed
 * output is stable.
 */
public final class Problems {
    private static final Comparator<Problem> ORDER = Comparator.comparing(
                    (Problem p) -> p.location().file())
            .thenComparingInt(p -> p.location().line())
            .thenComparingInt(p -> p.location().column())
            .thenComparingInt(p -> p.code().number())
            .thenComparing(Problem::field)
            .thenComparing(Problem::message);

    private final List<Problem> list;

    private Problems(List<Problem> list) {
        this.list = list;
    }

    /**
     * Sorts and freezes the given problems.
     *
     * @param problems the problems, in any order
     * @return the problems, sorted by place and frozen
     */
    public static Problems of(List<Problem> problems) {
        List<Problem> copy = new ArrayList<>(problems);
        copy.sort(ORDER);
        return new Problems(List.copyOf(copy));
    }

    /** {@return no problems} */
    public static Problems none() {
        return new Problems(List.of());
    }

    /** {@return all problems, errors and warnings, in stable order} */
    public List<Problem> all() {
        return list;
    }

    /** {@return true when at least one problem is an error} */
    public boolean hasErrors() {
        return list.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    /** {@return number of errors} */
    public long errorCount() {
        return list.stream().filter(p -> p.severity() == Severity.ERROR).count();
    }

    /** {@return every problem in its printed form, one after another, each followed by a newline} */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Problem p : list) {
            sb.append(p.format()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
