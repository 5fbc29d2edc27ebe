package org.psyscreen.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.psyscreen.student.Cells;

/**
 * Keyed pseudonyms for student ids: {@code ps1.<keyId>.<32 hex>} = HMAC-SHA256 over the canonical
 * id, truncated to 128 bits (collisions negligible at national scale). A plain hash of a 学籍号 can
 * be reversed by enumeration in seconds; a keyed MAC cannot without the key. The key id in the token
 * shows which key made it; the key itself is never logged, stored or printed.
 *
 * <p>Canonical id: trimmed, full-width characters mapped to ASCII, upper case, so {@code Ｇ1101…}
 * and {@code g1101…} give one token. Thread-safe: a new {@link Mac} per call is cheap next to I/O.
 */
public final class Pseudonymizer {
    private final SecretKey key;
    private final String keyId;

    private Pseudonymizer(SecretKey key) {
        this.key = key;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            this.keyId = HexFormat.of().formatHex(d, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@return a pseudonymizer over raw key bytes (at least 32, e.g. from a key file the controller keeps)}
     *
     * @param keyBytes the key, at least 32 bytes
     * @throws IllegalArgumentException when the key is shorter than 256 bits
     */
    public static Pseudonymizer of(byte[] keyBytes) {
        if (keyBytes.length < 32) {
            throw new IllegalArgumentException("the key must have at least 32 bytes (256 bits)");
        }
        return new Pseudonymizer(new SecretKeySpec(keyBytes.clone(), "HmacSHA256"));
    }

    /** {@return a short public id of the key (first 4 bytes of its SHA-256), safe to print} */
    public String keyId() {
        return keyId;
    }

    /**
     * {@return the token for a raw id}
     *
     * @param rawId a student's id as written
     */
    public String token(String rawId) {
        return tokenOfCanonical(canonical(rawId));
    }

    /**
     * {@return the token for an id already in its {@linkplain #canonical canonical form}}: for a caller
     * that canonicalised the id once for every use of it (the batch compares ids in that form too)
     *
     * @param canonicalId {@code canonical(rawId)}
     */
    public String tokenOfCanonical(String canonicalId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] h = mac.doFinal(canonicalId.getBytes(StandardCharsets.UTF_8));
            return "ps1." + keyId + "." + HexFormat.of().formatHex(h, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }

    /**
     * {@return the canonical form ids are compared and tokenised in: invisible characters (BOM, zero-width,
     * NUL) removed, half-width, trimmed, upper case}
     *
     * @param rawId a student's id as written
     */
    public static String canonical(String rawId) {
        return Cells.normalise(Cells.withoutInvisibles(rawId)).toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Pseudonymizer[key " + keyId + "]";
    }
}
