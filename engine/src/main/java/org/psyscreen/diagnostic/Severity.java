package org.psyscreen.diagnostic;

/** How serious a {@link Problem} is. Only {@link #ERROR} stops a file from being used. */
public enum Severity {
    /** The file cannot be used until this is fixed. */
    ERROR,
    /** The file can be used, but something looks wrong. */
    WARNING;

    /** {@return lower-case label used in printed problems} */
    public String label() {
        return this == ERROR ? "error" : "warning";
    }
}
