package org.psyscreen.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.internal.resources.ResourceIndex;

/**
 * Finds definitions bundled on the class path. Every jar may contribute a resource
 * {@value #INDEX} listing its definition resources, one path per line ({@code #} starts a
 * comment), so a vendor's jar adds instruments without code.
 */
public final class InstrumentCatalog {
    /** The index resource each contributing jar carries. */
    static final String INDEX = "META-INF/psyscreen/instruments.list";

    /** A bundled definition: its resource path and bytes. */
    public record Entry(String resource, byte[] content) {
        /**
         * Copies the bytes.
         *
         * @param resource the definition's resource path
         * @param content the file's bytes
         */
        public Entry {
            content = content.clone();
        }

        /** {@return a copy of the file's bytes} */
        @Override
        public byte[] content() {
            return content.clone();
        }

        /**
         * Loads and checks this entry.
         *
         * @return the definition, or the problems that refuse it
         */
        public LoadResult<InstrumentDefinition> load() {
            return DefinitionLoader.load(resource, content);
        }
    }

    private final List<Entry> entries;
    private volatile Map<String, InstrumentDefinition> checked;

    private InstrumentCatalog(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads every index visible to the class loader.
     *
     * @param loader the class loader whose indexes are read
     * @return the catalog of every indexed definition
     */
    public static InstrumentCatalog fromClassPath(ClassLoader loader) {
        return new InstrumentCatalog(ResourceIndex.read(loader, INDEX).stream()
                .map(r -> new Entry(r.path(), r.content()))
                .toList());
    }

    /** {@return every bundled definition, in index order} */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * {@return the bundled definition whose folder is {@code id} (resource path
     * {@code .../<id>/definition.yaml})}
     *
     * @param id the instrument's id (its folder's name)
     */
    public Optional<Entry> find(String id) {
        return entries.stream()
                .filter(e -> ResourceIndex.folderOf(e.resource()).equals(id))
                .findFirst();
    }

    /**
     * Resolves {@code id@version} to a checked bundled definition (for norm and policy loaders).
     * Definitions with errors never resolve. Each definition is loaded and checked once, on the
     * first call, however many tables and policies resolve against it.
     *
     * @param key {@code id@version}
     * @return the checked definition, or empty when none loads cleanly under that key
     */
    public Optional<InstrumentDefinition> resolve(String key) {
        return Optional.ofNullable(checked().get(key));
    }

    private Map<String, InstrumentDefinition> checked() {
        Map<String, InstrumentDefinition> m = checked;
        if (m == null) {
            // Two threads racing here build equal immutable maps; either may win.
            Map<String, InstrumentDefinition> byKey = new HashMap<>();
            for (Entry e : entries) {
                LoadResult<InstrumentDefinition> loaded = e.load();
                if (loaded.ok()) {
                    loaded.value().ifPresent(d -> byKey.putIfAbsent(d.key(), d));
                }
            }
            checked = m = Map.copyOf(byKey);
        }
        return m;
    }

    /** {@return folder ids of the bundled definitions} */
    public List<String> ids() {
        return entries.stream().map(e -> ResourceIndex.folderOf(e.resource())).toList();
    }
}
