package org.psyscreen.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison. With {@code -Dpsyscreen.updateGolden=true} the expected file is
 * rewritten from the actual output instead (then review the diff before committing).
 */
public final class Golden {
    private Golden() {}

    /** True when golden files are being regenerated. */
    public static boolean updating() {
        return Boolean.getBoolean("psyscreen.updateGolden");
    }

    /** Asserts that {@code actual} equals the content of {@code expectedFile}, or rewrites it. */
    public static void assertMatches(Path expectedFile, String actual) {
        try {
            if (updating()) {
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(expectedFile)
                    .as("golden file %s (regenerate with -Dpsyscreen.updateGolden=true and review)", expectedFile)
                    .exists();
            assertThat(actual)
                    .as("output compared with %s", expectedFile)
                    .isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
