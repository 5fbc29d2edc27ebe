package org.psyscreen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's public surface — exported packages and the public types in them — is written down in
 * {@code engine/README.md} between two markers, and this test holds the two together: a type or
 * package that becomes public (or stops being) fails here until the README says so, so the surface
 * only changes on purpose. Regenerate the list with {@code -Dpsyscreen.surface.print=true}.
 */
class ApiSurfaceTest {
    private static final Path CLASSES = Path.of("target/classes");
    private static final Path README = Path.of("README.md");
    private static final String BEGIN = "<!-- api-surface:begin -->";
    private static final String END = "<!-- api-surface:end -->";

    static List<String> surface() throws IOException, ClassNotFoundException {
        ModuleDescriptor module =
                ModuleFinder.of(CLASSES).findAll().iterator().next().descriptor();
        TreeSet<String> lines = new TreeSet<>();
        for (ModuleDescriptor.Exports e : module.exports()) {
            assertThat(e.isQualified())
                    .as("%s is exported to everyone or not at all", e.source())
                    .isFalse();
            Path dir = CLASSES.resolve(e.source().replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String simple = f.getFileName().toString().replace(".class", "");
                    if (simple.equals("package-info") || simple.matches(".*\\$[0-9].*")) {
                        continue;
                    }
                    Class<?> c = Class.forName(e.source() + "." + simple, false, ApiSurfaceTest.class.getClassLoader());
                    if (visible(c)) {
                        lines.add(e.source() + " "
                                + c.getName().substring(e.source().length() + 1).replace('$', '.'));
                    }
                }
            }
        }
        return new ArrayList<>(lines);
    }

    private static boolean visible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theReadmeListsExactlyThePublicSurface() throws Exception {
        List<String> actual = surface();
        if (Boolean.getBoolean("psyscreen.surface.print")) {
            actual.forEach(System.out::println);
        }
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String listed = readme.substring(readme.indexOf(BEGIN) + BEGIN.length(), readme.indexOf(END));
        List<String> documented = listed.lines()
                .map(String::strip)
                .filter(l -> l.startsWith("- `"))
                .flatMap(l -> {
                    String pkg = l.substring(3, l.indexOf('`', 3));
                    String types = l.substring(l.indexOf(':') + 1);
                    return java.util.Arrays.stream(types.split(","))
                            .map(String::strip)
                            .filter(t -> !t.isEmpty())
                            .map(t -> pkg + " " + t);
                })
                .sorted()
                .toList();
        assertThat(documented).as("engine/README.md's API surface").containsExactlyElementsOf(actual);
    }
}
