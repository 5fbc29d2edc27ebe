package org.psyscreen.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.psyscreen.privacy.OwnerOnly;
import org.psyscreen.privacy.Pseudonymizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code psyscreen key FILE}: makes a pseudonym key, or keeps the one already there. */
@Command(
        name = "key",
        mixinStandardHelpOptions = true,
        description = "Makes a pseudonym key file (32 random bytes, readable by you only) for --key, and prints its"
                + " public id. An existing key is kept, never replaced: every year's records of a student are linked"
                + " through it, so keep it safe and outside the data folder.",
        footer = {"", "Examples:", "  psyscreen key /secure/psyscreen.key"})
final class KeyCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The key file to make.")
    Path file;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (Files.exists(file)) {
            var k = Keys.read(file);
            if (k.error() != null) {
                err.println("psyscreen key: " + file + " exists and is not a usable key (" + k.error() + "); it is"
                        + " left as it is");
                return 2;
            }
            out.println("kept the existing key " + file + " (id "
                    + Pseudonymizer.of(k.bytes()).keyId() + ")");
            return 0;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            // created owner-only in the same call that creates it: no moment in which others may open it
            OwnerOnly.createFile(file);
            Files.write(file, key, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            err.println("psyscreen key: " + file + " appeared while the key was being made; it is left as it is");
            return 2;
        } catch (IOException e) {
            err.println(
                    "psyscreen key: cannot write " + file + " (" + e.getClass().getSimpleName() + ")");
            return 3;
        }
        out.println("made a new key " + file + " (id " + Pseudonymizer.of(key).keyId() + "); keep it safe: without it"
                + " next year's students cannot be linked to this year's");
        return 0;
    }
}
