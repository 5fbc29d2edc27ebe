package org.psyscreen.load;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.internal.resources.ResourceIndex;
import org.psyscreen.norm.NormTable;

/**
 * Finds norm tables bundled on the class path through the index {@value #INDEX} (one resource
 * path per line), as {@link InstrumentCatalog} does for definitions.
 */
public final class NormCatalog {
    /** The index resource each contributing jar carries. */
    static final String INDEX = "META-INF/psyscreen/norms.list";

    private final List<ResourceIndex.Resource> resources;

    private NormCatalog(List<ResourceIndex.Resource> resources) {
        this.resources = resources;
    }

    /**
     * Reads every index visible to the class loader.
     *
     * @param loader the class loader whose indexes are read
     * @return the catalog of every indexed norm table
     */
    public static NormCatalog fromClassPath(ClassLoader loader) {
        return new NormCatalog(ResourceIndex.read(loader, INDEX));
    }

    /** {@return folder ids of the bundled tables, in index order} */
    public List<String> ids() {
        return resources.stream().map(r -> ResourceIndex.folderOf(r.path())).toList();
    }

    /**
     * Loads the bundled table in folder {@code id}, checking it against {@code instruments}.
     *
     * @param id the table's id (its folder's name)
     * @param instruments finds a checked instrument definition by {@code id@version}
     * @return the loaded table or its problems; empty when no bundled table has that id
     */
    public Optional<LoadResult<NormTable>> load(
            String id, Function<String, Optional<InstrumentDefinition>> instruments) {
        return resources.stream()
                .filter(r -> ResourceIndex.folderOf(r.path()).equals(id))
                .findFirst()
                .map(r -> NormTableLoader.load(r.path(), r.content(), instruments));
    }
}
