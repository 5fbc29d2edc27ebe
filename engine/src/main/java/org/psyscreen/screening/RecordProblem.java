package org.psyscreen.screening;

import java.util.Objects;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * A problem with one student's record. It names a place — a field or column — never a value: the
 * record holds health data and identities.
 *
 * @param code what is wrong ({@code PSY-21xx}); {@link ProblemCode#makesRecordUnscorable()} says
 *     whether the record's answers could still be read
 * @param field the canonical field it concerns ({@code grade}, {@code attr.left_behind}), or empty
 *     when it concerns the whole record
 * @param detail where, in the front end's words ({@code fields 3-70 absent}), or empty
 */
public record RecordProblem(ProblemCode code, String field, String detail) {
    /**
     * Checks the parts.
     *
     * @param code what is wrong ({@code PSY-21xx}); {@link ProblemCode#makesRecordUnscorable()} says whether the record's answers could still be read
     * @param field the canonical field it concerns ({@code grade}, {@code attr.left_behind}), or empty when it concerns the whole record
     * @param detail where, in the front end's words ({@code fields 3-70 absent}), or empty
     */
    public RecordProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * {@return a problem with the whole record}
     *
     * @param code the problem's code
     */
    public static RecordProblem of(ProblemCode code) {
        return new RecordProblem(code, "", "");
    }

    /** {@return true when the record's forms could not be scored because of it} */
    public boolean unscorable() {
        return code.makesRecordUnscorable();
    }

    @Override
    public String toString() {
        return code.id() + (field.isEmpty() ? "" : " (" + field + ")") + (detail.isEmpty() ? "" : " " + detail);
    }
}
