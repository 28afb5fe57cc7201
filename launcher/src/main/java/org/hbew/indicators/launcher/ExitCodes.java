package org.hbew.indicators.launcher;

/** The exit codes of {@code ./hbew}, for scripts and CI. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The command could not do its job (unreachable cluster or ingest, unreadable file, refused token). */
    public static final int FAILED = 1;
    /** Wrong usage: an unknown option, a missing or invalid value (picocli's own code). */
    public static final int USAGE = 2;
    /** {@code import}: the file was imported, but some records were rejected. */
    public static final int SOME_REJECTED = 3;
    /** {@code topics --verify-only}: the topics on the cluster differ from their definitions. */
    public static final int DIFFERENCES = 4;

    private ExitCodes() {
    }
}
