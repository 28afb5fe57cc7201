package org.hbew.indicators.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * What Linux tells about the machine and a process through {@code /proc}: the load average and a process's
 * resident memory. Elsewhere the figures are simply missing (null), never guessed.
 */
final class ProcFiles {

    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private ProcFiles() {
    }

    /** The 1-minute load average, or null where there is no {@code /proc/loadavg}. */
    static Double loadAverage() {
        try {
            return parseLoadAverage(Files.readString(LOADAVG));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Double parseLoadAverage(String loadavg) {
        String[] fields = loadavg.strip().split("\\s+");
        return Double.parseDouble(fields[0]);
    }

    /** Resident memory of a process as {@code /proc/<pid>/status} gives it. */
    record Memory(long rssBytes, long peakRssBytes) {
    }

    /** The process's VmRSS and VmHWM, or null if the process is gone or this is not Linux. */
    static Memory memory(long pid) {
        try {
            return parseStatus(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Reads {@code VmRSS:   123456 kB} and {@code VmHWM:} lines; null if either is missing. */
    static Memory parseStatus(String status) {
        OptionalLong rss = kilobytes(status, "VmRSS:");
        OptionalLong hwm = kilobytes(status, "VmHWM:");
        if (rss.isEmpty() || hwm.isEmpty()) {
            return null;
        }
        return new Memory(rss.getAsLong() * 1024, hwm.getAsLong() * 1024);
    }

    private static OptionalLong kilobytes(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field)) {
                String[] parts = line.substring(field.length()).strip().split("\\s+");
                if (parts.length == 2 && parts[1].toLowerCase(Locale.ROOT).equals("kb")) {
                    return OptionalLong.of(Long.parseLong(parts[0]));
                }
            }
        }
        return OptionalLong.empty();
    }
}
