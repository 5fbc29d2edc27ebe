package org.psyscreen.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.Problems;
import org.psyscreen.internal.tree.Binder;
import org.psyscreen.internal.tree.Node;
import org.psyscreen.internal.tree.StrictTreeReader;

/**
 * The one loading sequence every file kind shares: read the bytes, hash them, read the strict
 * tree, bind and check it, and return the value only when there is no error. Each loader supplies
 * only its binding and checks.
 */
final class Loading {
    private Loading() {}

    /** Binds and checks a tree; returns the value, or {@code null} after reporting through the binder. */
    @FunctionalInterface
    interface Bind<T> {
        /**
         * @param treeClean whether reading the tree itself found no problem (duplicate keys, aliases ...)
         * @param sha256 the file's hash, for values that record it
         */
        T bind(Binder binder, Node root, boolean treeClean, String sha256);
    }

    /** Reads a file and loads it; an unreadable file is a problem, not an exception. */
    static <T> LoadResult<T> fromFile(Path file, BiFunction<String, byte[], LoadResult<T>> load) {
        try {
            // Refuse by size before reading: /dev/zero or a 1 GiB file must not be read into memory.
            if (!Files.isRegularFile(file) || Files.size(file) > StrictTreeReader.MAX_BYTES) {
                return LoadResult.tooLarge(file.toString(), Files.isRegularFile(file));
            }
            return load.apply(file.toString(), Files.readAllBytes(file));
        } catch (IOException | OutOfMemoryError e) {
            return LoadResult.unreadable(file.toString(), e);
        }
    }

    /** Loads bytes named {@code name} ({@code .json} selects JSON). */
    static <T> LoadResult<T> load(String name, byte[] content, Bind<T> bind) {
        String sha = DefinitionLoader.sha256(content);
        StrictTreeReader.Result tree = StrictTreeReader.read(name, content);
        List<Problem> problems = new ArrayList<>(tree.problems());
        if (tree.root().isEmpty()) {
            return new LoadResult<>(Optional.empty(), Problems.of(problems), sha);
        }
        Binder binder = new Binder(name);
        T value = bind.bind(binder, tree.root().get(), problems.isEmpty(), sha);
        problems.addAll(binder.problems());
        Problems all = Problems.of(problems);
        return new LoadResult<>(value != null && !all.hasErrors() ? Optional.of(value) : Optional.empty(), all, sha);
    }
}
