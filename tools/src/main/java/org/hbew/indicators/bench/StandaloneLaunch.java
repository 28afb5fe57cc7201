package org.hbew.indicators.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of a standalone child: this JVM's {@code java}, the JVM options {@code ./hbew} would pass
 * (HBEW_JAVA_OPTS, split at white space as the script's unquoted expansion does), this process's class path (the
 * launcher jar and its lib directory when run by {@code ./hbew}), and {@code standalone --no-simulate} on the
 * given data directory and ports.
 */
record StandaloneLaunch(Path javaHome, String javaOptions, String classPath, Path dataDir, int kafkaPort,
                        int ingestPort, int processorsPort) {

    static final String MAIN_CLASS = "org.hbew.indicators.tools.HbewTools";

    static String currentClassPath() {
        return System.getProperty("java.class.path");
    }

    static Path currentJavaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    List<String> command() {
        List<String> command = hbew(javaHome, javaOptions, classPath);
        command.addAll(List.of("standalone", "--no-simulate",
                "--data-dir", dataDir.toString(),
                "--kafka-port", Integer.toString(kafkaPort),
                "--ingest-port", Integer.toString(ingestPort),
                "--processors-port", Integer.toString(processorsPort)));
        return command;
    }

    /** {@code java [options] -cp <class path> HbewTools}, as {@code ./hbew} starts it; the command's words follow. */
    static List<String> hbew(Path javaHome, String javaOptions, String classPath) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        if (!javaOptions.isBlank()) {
            command.addAll(Arrays.asList(javaOptions.strip().split("\\s+")));
        }
        command.addAll(List.of("-cp", classPath, MAIN_CLASS));
        return command;
    }
}
