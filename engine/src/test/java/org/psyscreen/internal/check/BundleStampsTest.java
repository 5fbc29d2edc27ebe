package org.psyscreen.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.load.Bundle;
import org.psyscreen.load.DefinitionLoader;
import org.psyscreen.testing.EngineFiles;

/**
 * A bundled definition skips the checks only when this very engine stamped these very bytes: the
 * fingerprint covers exactly the engine's packages, and a stamp of another engine or of other bytes
 * is ignored, so the file is checked in full.
 */
class BundleStampsTest {
    @Test
    void theFingerprintCoversExactlyTheEnginesPackages() {
        // the packages of the engine's own module descriptor that hold classes (not resource folders)
        Path classes = Path.of("target/classes");
        List<String> packages =
                java.lang.module.ModuleFinder.of(classes).findAll().iterator().next().descriptor().packages().stream()
                        .map(p -> p.replace('.', '/') + "/")
                        .filter(p -> {
                            try (var files = Files.list(classes.resolve(p))) {
                                return files.anyMatch(f -> f.toString().endsWith(".class"));
                            } catch (java.io.IOException e) {
                                return false;
                            }
                        })
                        .sorted()
                        .toList();
        assertThat(packages).hasSizeGreaterThan(15);
        assertThat(packages)
                .allSatisfy(p -> assertThat(BundleStamps.PACKAGES)
                        .anySatisfy(prefix -> assertThat(p).startsWith(prefix)));
        assertThat(BundleStamps.PACKAGES)
                .allSatisfy(prefix ->
                        assertThat(packages).anySatisfy(p -> assertThat(p).startsWith(prefix)));
        assertThat(BundleStamps.fingerprint()).matches("[0-9a-f]{64}");
    }

    @Test
    void aDefinitionSkipsTheChecksOnlyUnderThisEnginesStampOnTheseBytes(@TempDir Path dir) throws Exception {
        // A definition that parses and binds but breaks a semantic rule (a scale names an undeclared item):
        // only a stamp could let it through, so whether it loads shows whether the stamp was trusted.
        byte[] bad = Files.readAllBytes(
                EngineFiles.path("src/test/resources/definitions/bad/d03-unknown-item/definition.yaml"));
        String path = "META-INF/psyscreen/instruments/demo/definition.yaml";
        Files.createDirectories(dir.resolve(path).getParent());
        Files.write(dir.resolve(path), bad);
        Files.writeString(dir.resolve("META-INF/psyscreen/instruments.list"), path + "\n");
        String sha = DefinitionLoader.sha256(bad);

        // no stamp, another engine's stamp, a stamp of other bytes: checked in full, refused
        for (String stamp : List.of(
                "",
                "0".repeat(64) + " " + sha + " " + path + "\n",
                BundleStamps.fingerprint() + " " + "1".repeat(64) + " " + path + "\n")) {
            Files.writeString(dir.resolve(BundleStamps.STAMPS), stamp);
            Bundle b = bundle(dir);
            assertThat(b.instruments()).as(stamp).isEmpty();
            assertThat(b.problems().all())
                    .anySatisfy(p -> assertThat(p.format()).contains("PSY-1205"));
        }
        // this engine's stamp on these bytes: bound as the build's full check found it
        Files.writeString(dir.resolve(BundleStamps.STAMPS), BundleStamps.fingerprint() + " " + sha + " " + path + "\n");
        assertThat(bundle(dir).instruments()).hasSize(1);
    }

    private static Bundle bundle(Path dir) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            return Bundle.classPath(loader);
        }
    }

    @Test
    void theStampsAreWrittenOnlyForCleanFilesAndABadOneFailsTheBuild(@TempDir Path dir) throws Exception {
        byte[] good = Files.readAllBytes(EngineFiles.path("src/test/resources/definitions/good/demo.yaml"));
        byte[] bad = Files.readAllBytes(
                EngineFiles.path("src/test/resources/definitions/bad/d03-unknown-item/definition.yaml"));
        Files.createDirectories(dir.resolve("META-INF/psyscreen/instruments/a"));
        Files.createDirectories(dir.resolve("META-INF/psyscreen/instruments/b"));
        Files.write(dir.resolve("META-INF/psyscreen/instruments/a/definition.yaml"), good);
        Files.writeString(
                dir.resolve("META-INF/psyscreen/instruments.list"),
                "# the module's definitions\nMETA-INF/psyscreen/instruments/a/definition.yaml\n",
                StandardCharsets.UTF_8);
        BundleStamps.main(new String[] {dir.toString()});
        assertThat(Files.readString(dir.resolve(BundleStamps.STAMPS)))
                .isEqualTo(BundleStamps.fingerprint() + " " + DefinitionLoader.sha256(good)
                        + " META-INF/psyscreen/instruments/a/definition.yaml\n");

        Files.write(dir.resolve("META-INF/psyscreen/instruments/b/definition.yaml"), bad);
        Files.writeString(
                dir.resolve("META-INF/psyscreen/instruments.list"),
                "META-INF/psyscreen/instruments/a/definition.yaml\nMETA-INF/psyscreen/instruments/b/definition.yaml\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BundleStamps.main(new String[] {dir.toString()}))
                .hasMessageContaining("1 bundled definition(s) have errors");
        assertThat(Files.readString(dir.resolve(BundleStamps.STAMPS))).doesNotContain("/b/");
    }
}
