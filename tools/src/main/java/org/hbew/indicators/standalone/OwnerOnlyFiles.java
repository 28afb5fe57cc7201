package org.hbew.indicators.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes standalone's data directory its owner's alone: the directory and every directory below it 0700, every
 * file 0600. The broker's segments hold every city's events and the processors' state their figures, so other
 * users of the machine have no business reading them. Files created later inherit nothing from this: they are
 * unreachable through the 0700 directory, and {@code ./hbew} runs the JVM with {@code umask 077} so that they
 * are 0600 as well. Does nothing where the file system has no POSIX permissions.
 */
final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Creates {@code dataDir} if need be, then restricts it and everything in it. */
    static void restrict(Path dataDir) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.isDirectory(dataDir)) {
                if (posix) {
                    Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(DIRECTORY));
                } else {
                    Files.createDirectories(dataDir);
                }
            }
            if (!posix) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    if (Files.isSymbolicLink(path)) {
                        continue;
                    }
                    Set<PosixFilePermission> wanted = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? DIRECTORY : FILE;
                    if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
                        Files.setPosixFilePermissions(path, wanted);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data directory " + dataDir + " its owner's only", e);
        }
    }
}
