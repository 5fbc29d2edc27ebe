package org.psyscreen.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The engine's build version, recorded in every decision. */
public final class EngineVersion {
    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String VALUE = read();

    private EngineVersion() {}

    private static String read() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("/org/psyscreen/engine.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
