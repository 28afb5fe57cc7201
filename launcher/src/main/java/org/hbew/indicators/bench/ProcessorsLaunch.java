package org.hbew.indicators.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line of a processors child: {@code hbew processors} as {@link StandaloneLaunch} starts standalone
 * (this JVM's {@code java}, the JVM options of {@code ./hbew}, this class path), against the benchmark's broker,
 * with an application id and state directory of its own and its query API on a free port.
 */
record ProcessorsLaunch(Path javaHome, String javaOptions, String classPath, String bootstrapServers,
                        String applicationId, Path stateDir, int httpPort, int streamThreads) {

    List<String> command() {
        List<String> command = StandaloneLaunch.hbew(javaHome, javaOptions, classPath);
        command.addAll(List.of("processors",
                "--bootstrap-servers", bootstrapServers,
                "--application-id", applicationId,
                "--state-dir", stateDir.toString(),
                "--http-port", Integer.toString(httpPort),
                "--advertised-host", "127.0.0.1",
                "--threads", Integer.toString(streamThreads),
                "--replication-factor", "1"));
        return command;
    }
}
