package org.psyscreen.internal.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.psyscreen.load.DefinitionLoader;
import org.psyscreen.load.LoadResult;

/**
 * Build-time checks of the bundled instrument definitions, so that a run does not repeat them.
 *
 * <p>When the data jar is built, {@link #main} checks every definition its index lists in full (strict
 * syntax, Jakarta Validation, the semantic rules) and writes {@value #STAMPS}: one line per clean file,
 * with the file's SHA-256 and the fingerprint of the engine that checked it. At run time a bundled file
 * whose bytes have that SHA-256, read by an engine with that fingerprint, was checked by the same code
 * on the same bytes, so the result is known: it is bound without running the checks again (the first
 * Jakarta Validation in a JVM costs about half a second). Anything else is checked in full: a user's
 * own file, a file that changed, a jar stamped by another build of the engine, an engine whose class
 * files cannot be read.
 *
 * <p>The fingerprint is the SHA-256 of the name and CRC-32 of every class file of the engine's own
 * packages, the same whether they sit in the engine jar, in a folder or in an application's fat jar.
 */
public final class BundleStamps {
    /** The stamp resource beside the instruments' index. */
    public static final String STAMPS = "META-INF/psyscreen/instruments.checked";

    /** The engine's packages, as folders: the class files the fingerprint covers. */
    static final List<String> PACKAGES = List.of(
            "org/psyscreen/analysis/",
            "org/psyscreen/definition/",
            "org/psyscreen/diagnostic/",
            "org/psyscreen/explain/",
            "org/psyscreen/internal/",
            "org/psyscreen/load/",
            "org/psyscreen/norm/",
            "org/psyscreen/plan/",
            "org/psyscreen/privacy/",
            "org/psyscreen/score/",
            "org/psyscreen/screening/",
            "org/psyscreen/spi/",
            "org/psyscreen/student/",
            "org/psyscreen/tier/",
            "org/psyscreen/version/");

    private static volatile String fingerprint;

    private BundleStamps() {}

    /**
     * {@return the engine's fingerprint, or {@code ""} when its class files cannot be read (then no stamp
     * is trusted)}
     */
    public static String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = compute();
            fingerprint = f;
        }
        return f;
    }

    private static String compute() {
        try {
            URL where = BundleStamps.class.getProtectionDomain().getCodeSource().getLocation();
            Path p = Path.of(where.toURI());
            Map<String, Long> crcs = new TreeMap<>();
            if (Files.isDirectory(p)) {
                for (String pkg : PACKAGES) {
                    Path dir = p.resolve(pkg);
                    if (!Files.isDirectory(dir)) {
                        continue;
                    }
                    try (Stream<Path> files = Files.walk(dir)) {
                        for (Path f : files.filter(x -> x.toString().endsWith(".class"))
                                .toList()) {
                            CRC32 crc = new CRC32();
                            crc.update(Files.readAllBytes(f));
                            crcs.put(p.relativize(f).toString().replace('\\', '/'), crc.getValue());
                        }
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(p.toFile())) {
                    var entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry e = entries.nextElement();
                        String name = e.getName();
                        if (name.startsWith("org/psyscreen/") && name.endsWith(".class") && engines(name)) {
                            crcs.put(name, e.getCrc());
                        }
                    }
                }
            }
            if (crcs.isEmpty()) {
                return "";
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, Long> e : crcs.entrySet()) {
                sha.update((e.getKey() + " " + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | URISyntaxException | RuntimeException | NoSuchAlgorithmException e) {
            return ""; // e.g. a run-time image: every file is then checked in full
        }
    }

    private static boolean engines(String name) {
        for (String pkg : PACKAGES) { // a loop, not a stream: this runs at start-up
            if (name.startsWith(pkg)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@return the SHA-256 of each bundled definition that this engine has stamped as checked, by resource
     * path, from every stamp resource {@code loader} sees}
     *
     * @param loader the class loader whose data jars are read
     */
    public static Map<String, String> trusted(ClassLoader loader) {
        Map<String, String> out = new HashMap<>();
        String mine = fingerprint();
        if (mine.isEmpty()) {
            return out;
        }
        try {
            for (URL url : Collections.list(loader.getResources(STAMPS))) {
                try (InputStream in = url.openStream();
                        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        String[] parts = line.strip().split(" ");
                        if (parts.length == 3 && parts[0].equals(mine)) {
                            out.put(parts[2], parts[1]);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Stamps a data jar's definitions at build time: checks every definition its index lists, in full,
     * and writes {@value #STAMPS} under the classes folder. A definition with an error is not stamped,
     * and the build fails.
     *
     * @param args the module's classes folder (its {@code target/classes})
     * @throws IOException when a file cannot be read or the stamps written
     */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path index = classes.resolve("META-INF/psyscreen/instruments.list");
        List<String> lines = new ArrayList<>();
        int refused = 0;
        for (String path : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            path = path.strip();
            if (path.isEmpty() || path.startsWith("#")) {
                continue;
            }
            byte[] content = Files.readAllBytes(classes.resolve(path));
            LoadResult<?> r = DefinitionLoader.load(path, content);
            if (r.ok()) {
                lines.add(fingerprint() + " " + DefinitionLoader.sha256(content) + " " + path);
            } else {
                refused++;
                r.problems().all().forEach(p -> System.err.println(p.format()));
            }
        }
        if (fingerprint().isEmpty()) {
            throw new IllegalStateException("the engine's class files cannot be read: nothing can be stamped");
        }
        Files.write(classes.resolve(STAMPS), lines, StandardCharsets.UTF_8);
        if (refused > 0) {
            throw new IllegalStateException(refused + " bundled definition(s) have errors: none of them is stamped");
        }
    }
}
