package org.psyscreen.internal;

/**
 * Ids as one shared string per text. Ids are definition text (instrument, scale, item, critical item,
 * norm table ids), never student data. Plans, screeners and policy conditions intern theirs, so that
 * looking a form, a scale or a table up by id for every student compares references, and text only
 * when they differ.
 */
public final class Ids {
    private Ids() {}

    /**
     * {@return the shared string of an id's text ({@code null} stays {@code null})}
     *
     * @param id an id
     */
    public static String of(String id) {
        return id == null ? null : id.intern();
    }
}
