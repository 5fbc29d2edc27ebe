package org.psyscreen.definition;

/** What an instrument's licence allows, as far as psyscreen can tell. */
public enum LicenceStatus {
    /** In the public domain or released with no permission needed. */
    PUBLIC_DOMAIN,
    /** Free to use with attribution; no formal licence text seen. */
    FREE,
    /** Use needs the owner's permission (e.g. electronic versions). */
    PERMISSION_REQUIRED,
    /** Commercial licence needed. Never bundled. */
    LICENCE_REQUIRED,
    /** Made up for tests or demos; not an instrument. */
    SYNTHETIC;

    /** {@return true when a definition with this status may be shipped in an Apache-2.0 artifact} */
    public boolean bundleable() {
        return this == PUBLIC_DOMAIN || this == FREE || this == SYNTHETIC;
    }
}
