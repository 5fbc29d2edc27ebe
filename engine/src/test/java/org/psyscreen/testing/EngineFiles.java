package org.psyscreen.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test files of the engine module, found from the engine's own tests and from a sibling module's
 * (the batch module runs its tests in its own folder, next to {@code engine/}).
 */
public final class EngineFiles {
    private EngineFiles() {}

    /** {@code relative} (e.g. {@code src/test/resources/...}) inside the engine module. */
    public static Path path(String relative) {
        Path here = Path.of(relative);
        return Files.exists(here) ? here : Path.of("..", "engine").resolve(relative);
    }
}
