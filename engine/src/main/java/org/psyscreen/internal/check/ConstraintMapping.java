package org.psyscreen.internal.check;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.Annotation;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.psyscreen.definition.Ids;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.internal.tree.Binder;

/**
 * Runs Jakarta Validation on bound records and turns each violation into a located problem with a
 * stable code. The factory is built once: it is expensive and thread-safe. Messages use the
 * parameter interpolator, so no expression language is on the class path.
 */
public final class ConstraintMapping {
    /**
     * Hibernate Validator announces its version at INFO when the factory is built; a library prints
     * nothing, so that one logger is raised to WARNING (held here: java.util.logging keeps loggers
     * weakly and would forget the level). Applications that route logging elsewhere keep control.
     */
    private static final java.util.logging.Logger VERSION_LOG = quiet("org.hibernate.validator.internal.util.Version");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        if (l.getLevel() == null) {
            l.setLevel(java.util.logging.Level.WARNING);
        }
        return l;
    }

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    private ConstraintMapping() {}

    /** Validates {@code root} and reports each violation not already reported at its path. */
    public static <T> void validate(T root, Binder binder, Set<String> alreadyReported) {
        for (ConstraintViolation<T> v : VALIDATOR.validate(root)) {
            String path = cleanPath(v.getPropertyPath());
            if (alreadyReported.contains(path)) {
                continue;
            }
            Annotation a = v.getConstraintDescriptor().getAnnotation();
            String type = a.annotationType().getSimpleName();
            String leaf = leaf(path);
            boolean absent = v.getInvalidValue() == null;
            ProblemCode code;
            String message;
            String fix;
            if (absent && (type.equals("NotNull") || type.equals("NotEmpty") || type.equals("NotBlank"))) {
                code = ProblemCode.MISSING_FIELD;
                message = "required field '" + leaf + "' is missing";
                fix = "add '" + leaf + "'";
            } else if (type.equals("Pattern")) {
                String regexp = ((jakarta.validation.constraints.Pattern) a).regexp();
                code = regexp.equals(Ids.VERSION)
                        ? ProblemCode.BAD_VERSION
                        : regexp.equals(Ids.DOI) ? ProblemCode.BAD_DOI : ProblemCode.BAD_IDENTIFIER;
                message = "'" + leaf + "' " + v.getMessage();
                fix = code == ProblemCode.BAD_VERSION
                        ? "write a version such as \"1.0.0\" (quoted)"
                        : code == ProblemCode.BAD_DOI
                                ? "write the DOI without a URL prefix, e.g. 10.1001/archinte.166.10.1092"
                                : "rename it, e.g. q1 or total_score; full-width and non-ASCII letters are not allowed";
            } else if (type.equals("NotBlank") || type.equals("NotEmpty")) {
                code = ProblemCode.BLANK;
                message = "'" + leaf + "' must not be empty";
                fix = "give '" + leaf + "' a value";
            } else {
                code = ProblemCode.OUT_OF_RANGE;
                message = "'" + leaf + "' " + v.getMessage();
                fix = "change '" + leaf + "' to an allowed value";
            }
            binder.error(code, path, message, fix);
        }
    }

    /** Jakarta paths name container elements as {@code <list element>}; drop those parts. */
    static String cleanPath(Path path) {
        return path.toString().replace(".<list element>", "").replace("<list element>", "");
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        String last = dot < 0 ? path : path.substring(dot + 1);
        return last.isEmpty() ? "value" : last;
    }
}
