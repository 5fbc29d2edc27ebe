package org.psyscreen.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.psyscreen.privacy.OwnerOnly;

/**
 * Reads a pseudonym key file: 32 or more random bytes, or 64 or more hex characters, readable by its
 * owner only. A key that cannot be random (zeros, a repeated pattern, a password) is refused. Every
 * failure is one sentence naming the problem, never the key.
 */
final class Keys {
    /** A key file is small; anything larger is not a key (and /dev/zero is never read whole). */
    static final int MAX_BYTES = 64 * 1024;

    /** The key bytes, or why there are none. */
    record Read(byte[] bytes, String error) {}

    private Keys() {}

    /**
     * Why a key of 32+ bytes cannot be random, or {@code null}. Random bytes have many distinct values
     * (32 random bytes have about 30; fewer than 20 needs 12 or more repeats where about 2 are expected,
     * probability below 1e-7) and are almost never all
     * printable text (a 32-byte random key is printable with probability (95/256)^32, about 1e-14).
     */
    static String weakness(byte[] key, boolean fromHex) {
        boolean[] seen = new boolean[256];
        int distinct = 0;
        boolean printable = true;
        for (byte b : key) {
            int v = b & 0xFF;
            if (!seen[v]) {
                seen[v] = true;
                distinct++;
            }
            printable &= v >= 0x20 && v < 0x7F || v == '\n' || v == '\r';
        }
        if (printable && !fromHex) {
            return "printable text only (a password or a phrase, not random bytes)";
        }
        if (distinct < 20) {
            return "only " + distinct + " different byte values (a repeated pattern or zeros)";
        }
        return null;
    }

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
            boolean hex = text.length() >= 64 && text.matches("[0-9a-fA-F]+");
            if (hex && text.length() % 2 != 0) {
                return new Read(
                        null,
                        "an odd number of hex characters (" + text.length() + "): a hex key writes"
                                + " every byte as two characters");
            }
            byte[] key = hex ? HexFormat.of().parseHex(text) : raw;
            if (key.length < 32) {
                return new Read(
                        null,
                        "too short: a key needs 32 or more random bytes (or 64+ hex characters); make one with"
                                + " 'psyscreen key FILE' and keep it outside the data folder");
            }
            String weak = weakness(key, hex);
            if (weak != null) {
                return new Read(null, weak + ": a key must be random bytes; make one with 'psyscreen key FILE'");
            }
            if (OwnerOnly.readableByOthers(file)) {
                return new Read(
                        null,
                        "readable by other users: a key must be the owner's alone; run" + " 'chmod 600 "
                                + file.getFileName() + "' (and check who has read it)");
            }
            return new Read(key, null);
        } catch (IOException e) {
            return new Read(null, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
