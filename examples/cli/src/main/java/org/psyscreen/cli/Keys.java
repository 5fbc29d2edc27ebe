package org.psyscreen.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Reads a pseudonym key file: 32 or more random bytes, or 64 or more hex characters. Every failure is
 * one sentence naming the problem, never the key.
 */
final class Keys {
    /** A key file is small; anything larger is not a key (and /dev/zero is never read whole). */
    static final int MAX_BYTES = 64 * 1024;

    /** The key bytes, or why there are none. */
    record Read(byte[] bytes, String error) {}

    private Keys() {}

    static Read read(Path file) {
        try {
            if (!Files.exists(file)) {
                return new Read(null, "no such file");
            }
            if (!Files.isRegularFile(file)) {
                return new Read(null, "not a regular file (a folder or a device)");
            }
            if (Files.size(file) > MAX_BYTES) {
                return new Read(null, "larger than " + MAX_BYTES + " bytes: not a key file");
            }
            byte[] raw = Files.readAllBytes(file);
            String text = new String(raw, StandardCharsets.US_ASCII).strip();
            byte[] key = text.length() >= 64 && text.matches("[0-9a-fA-F]+")
                    ? HexFormat.of().parseHex(text)
                    : raw;
            if (key.length < 32) {
                return new Read(
                        null,
                        "too short: a key needs 32 or more random bytes (or 64+ hex characters); make one with"
                                + " 'head -c 32 /dev/urandom > psyscreen.key' and keep it outside the data folder");
            }
            return new Read(key, null);
        } catch (IOException e) {
            return new Read(null, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
