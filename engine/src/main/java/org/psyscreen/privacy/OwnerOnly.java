package org.psyscreen.privacy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders that hold students' data or keys are created readable by their owner only, in
 * the same system call that creates them (no window in which another user can open them), and a file
 * that others can read is recognised so that it can be refused. Where the file system has no POSIX
 * permissions (Windows), files are created as that system's defaults and {@link #readableByOthers}
 * answers {@code false}: protect such folders with the system's own access lists.
 */
public final class OwnerOnly {
    private OwnerOnly() {}

    /**
     * Creates a new, empty file readable and writable by its owner only.
     *
     * @param file the file, which must not exist
     * @return the file
     * @throws FileAlreadyExistsException when it exists
     * @throws IOException when it cannot be created
     */
    public static Path createFile(Path file) throws IOException {
        return posix(file) ? Files.createFile(file, attribute("rw-------")) : Files.createFile(file);
    }

    /**
     * Creates a new folder that only its owner can list or enter.
     *
     * @param folder the folder, which must not exist
     * @return the folder
     * @throws FileAlreadyExistsException when it exists
     * @throws IOException when it cannot be created
     */
    public static Path createDirectory(Path folder) throws IOException {
        return posix(folder) ? Files.createDirectory(folder, attribute("rwx------")) : Files.createDirectory(folder);
    }

    /**
     * Whether users other than the owner may read the file (group or others have read permission).
     *
     * @param file an existing file
     * @return {@code true} when others may read it; {@code false} also where permissions are not POSIX
     * @throws IOException when its permissions cannot be read
     */
    public static boolean readableByOthers(Path file) throws IOException {
        if (!posix(file)) {
            return false;
        }
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
        return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(String perms) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms));
    }
}
