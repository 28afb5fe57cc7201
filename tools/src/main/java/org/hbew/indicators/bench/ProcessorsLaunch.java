package org.hbew.indicators.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The command line of a processors child: {@code hbew processors} as {@link StandaloneLaunch} starts standalone
 * (this JVM's {@code java}, the JVM options of {@code ./hbew}, this class path), against the benchmark's cluster
 * with the operator's client settings file if there is one, with an application id and state directory of its own,
 * its query API on a free port, and the replication factor of the benchmark's other topics for its internal ones.
 *
 * @param kafkaConfig       the operator's client settings, as {@code --kafka-config}
 * @param replicationFactor of the internal topics; -1 lets the brokers decide
 */
record ProcessorsLaunch(Path javaHome, String javaOptions, String classPath, String bootstrapServers,
                        Optional<Path> kafkaConfig, String applicationId, Path stateDir, int httpPort,
                        int streamThreads, int replicationFactor) {

    List<String> command() {
        List<String> command = StandaloneLaunch.hbew(javaHome, javaOptions, classPath);
        command.addAll(List.of("processors",
                "--bootstrap-servers", bootstrapServers));
        kafkaConfig.ifPresent(file -> command.addAll(List.of("--kafka-config", file.toString())));
        command.addAll(List.of(
                "--application-id", applicationId,
                "--state-dir", stateDir.toString(),
                "--http-port", Integer.toString(httpPort),
                "--advertised-host", "127.0.0.1",
                "--threads", Integer.toString(streamThreads),
                "--replication-factor", Integer.toString(replicationFactor)));
        return command;
    }
}
