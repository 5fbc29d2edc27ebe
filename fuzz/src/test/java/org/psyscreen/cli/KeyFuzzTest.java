package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.psyscreen.privacy.OwnerOnly;

/** Key files: any bytes give a key of 32+ bytes or one sentence of refusal, never an exception or the key. */
class KeyFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void anyBytesAreAKeyOrARefusal(byte[] input) throws IOException {
        Path dir = Files.createTempDirectory("psyscreen-fuzz-key");
        Path file = OwnerOnly.createFile(dir.resolve("k.key"));
        try {
            Files.write(file, input);
            Keys.Read r = Keys.read(file);
            assertThat(r.bytes() == null).isEqualTo(r.error() != null);
            if (r.bytes() != null) {
                assertThat(r.bytes().length).isGreaterThanOrEqualTo(32);
            } else {
                String text = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
                if (text.length() >= 8) {
                    assertThat(r.error())
                            .as("the refusal never quotes the file")
                            .doesNotContain(text);
                }
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
