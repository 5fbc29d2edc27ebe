package org.psyscreen.definition;

import java.util.Objects;

/**
 * The key {@code id@version} by which psyscreen names one version of an instrument definition, a
 * norm table or a policy, in outputs, run files and the records store. Built and split here only.
 *
 * @param id the id
 * @param version the version
 */
public record IdVersion(String id, String version) {
    /**
     * Checks that both parts are present and neither holds an {@code @}.
     *
     * @param id the id
     * @param version the version
     */
    public IdVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        if (id.isEmpty() || version.isEmpty() || id.indexOf('@') >= 0 || version.indexOf('@') >= 0) {
            throw new IllegalArgumentException("an id@version key needs a non-empty id and version");
        }
    }

    /**
     * {@return the key {@code key} splits into}
     *
     * @param key {@code id@version}
     * @throws IllegalArgumentException when {@code key} is not {@code id@version}
     */
    public static IdVersion parse(String key) {
        int at = key.indexOf('@');
        if (at <= 0 || at == key.length() - 1) {
            throw new IllegalArgumentException("not an id@version key");
        }
        return new IdVersion(key.substring(0, at), key.substring(at + 1));
    }

    /**
     * {@return the id part of {@code key}, or {@code key} itself when it names no version}
     *
     * @param key {@code id@version}, or a bare id
     */
    public static String idOf(String key) {
        int at = key.indexOf('@');
        return at < 0 ? key : key.substring(0, at);
    }

    /** {@return {@code id@version}} */
    @Override
    public String toString() {
        return id + "@" + version;
    }
}
