package org.psyscreen.definition;

/** Shapes shared by the constraint annotations on definition records. */
public final class Ids {
    /**
     * Identifier shape for items, scales, checks and instruments: a lower-case ASCII letter, then
     * up to 31 lower-case letters, digits or underscores. Keeps look-alike characters (full-width,
     * Cyrillic) out of ids.
     */
    public static final String ID = "[a-z][a-z0-9_]{0,31}";

    /** Semantic version MAJOR.MINOR.PATCH. */
    public static final String VERSION = "(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})";

    /** DOI shape: {@code 10.} registrant, slash, suffix without spaces. */
    public static final String DOI = "10\\.[0-9]{4,9}/\\S+";

    /** Message for {@link #ID}; the loader maps it to a problem code. */
    public static final String ID_MESSAGE =
            "must be a lower-case ASCII id: a letter, then letters, digits or '_'" + " (at most 32 characters)";

    private Ids() {}

    /**
     * {@return the spelling of an enum constant in files and outputs: lower case, hyphens for
     * underscores ({@code NOT_SCORED} is {@code not-scored})}
     *
     * @param e the constant
     */
    public static String word(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
