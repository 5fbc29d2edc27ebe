package org.psyscreen.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * Finds definitions bundled on the class path. Every jar may contribute a resource
 * {@value #INDEX} listing its definition resources, one path per line ({@code #} starts a
 * comment), so a vendor's jar adds instruments without code.
 */
public final class InstrumentCatalog {
    /** The index resource each contributing jar carries. */
    public static final String INDEX = "META-INF/psyscreen/instruments.list";

    /** A bundled definition: its resource path and bytes. */
    public record Entry(String resource, byte[] content) {
        public Entry {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        /** Loads and checks this entry. */
        public LoadResult<org.psyscreen.definition.InstrumentDefinition> load() {
            return DefinitionLoader.load(resource, content);
        }
    }

    private final List<Entry> entries;

    private InstrumentCatalog(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads every index visible to the class loader. */
    public static InstrumentCatalog fromClassPath(ClassLoader loader) {
        List<Entry> out = new ArrayList<>();
        try {
            Enumeration<URL> indexes = loader.getResources(INDEX);
            for (URL url : Collections.list(indexes)) {
                try (InputStream in = url.openStream();
                        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        String path = line.strip();
                        if (path.isEmpty() || path.startsWith("#")) {
                            continue;
                        }
                        try (InputStream def = loader.getResourceAsStream(path)) {
                            if (def == null) {
                                throw new IllegalStateException(
                                        INDEX + " lists " + path + ", which is not on the class path");
                            }
                            out.add(new Entry(path, def.readAllBytes()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InstrumentCatalog(out);
    }

    /** Every bundled definition, in index order. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The bundled definition whose folder is {@code id} (resource path
     * {@code .../<id>/definition.yaml}).
     */
    public Optional<Entry> find(String id) {
        String suffix = "/" + id + "/definition.yaml";
        return entries.stream().filter(e -> e.resource().endsWith(suffix)).findFirst();
    }

    /** Folder ids of the bundled definitions. */
    public List<String> ids() {
        return entries.stream()
                .map(e -> {
                    String[] parts = e.resource().split("/");
                    return parts.length >= 2 ? parts[parts.length - 2] : e.resource();
                })
                .toList();
    }
}
