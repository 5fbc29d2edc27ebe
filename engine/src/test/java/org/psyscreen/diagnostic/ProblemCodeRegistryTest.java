package org.psyscreen.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Codes are never reused or renumbered. {@code problem-codes.txt} is the registry of every code
 * ever released; a code may be added to it but an entry may never change or disappear.
 */
class ProblemCodeRegistryTest {
    static final Path REGISTRY = Path.of("src/test/resources/problem-codes.txt");

    @Test
    void everyCodeIsRegisteredUnderItsNameAndNoneIsReused() throws Exception {
        Map<String, String> registry = new LinkedHashMap<>();
        for (String line : Files.readAllLines(REGISTRY)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            assertThat(registry.put(parts[0], parts[1]))
                    .as("registry lists %s once", parts[0])
                    .isNull();
        }
        Map<String, String> current = Arrays.stream(ProblemCode.values())
                .collect(Collectors.toMap(
                        ProblemCode::id,
                        Enum::name,
                        (a, b) -> {
                            throw new AssertionError("two constants share a number: " + a + ", " + b);
                        },
                        LinkedHashMap::new));
        assertThat(registry)
                .as("the registry (append new codes; never edit or delete)")
                .isEqualTo(current);
    }

    @Test
    void printedFormNamesPlaceCodeFieldAndFix() {
        Problem p = new Problem(
                ProblemCode.UNKNOWN_ITEM,
                Severity.ERROR,
                new SourceLocation("a.yaml", 3, 7),
                "scales[0].items[1]",
                "bad",
                "do this");
        assertThat(p.format()).isEqualTo("a.yaml:3:7: error PSY-1205 scales[0].items[1]: bad\n    fix: do this");
        assertThat(SourceLocation.ofFile("f").toString()).isEqualTo("f");
        assertThat(new SourceLocation("f", 2, 0).toString()).isEqualTo("f:2");
    }
}
