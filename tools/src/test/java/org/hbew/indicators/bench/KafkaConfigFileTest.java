package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.hbew.indicators.kafka.KafkaClientProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaConfigFileTest {

    private static final KafkaClientProperties SETTINGS = KafkaClientProperties.of(Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                    + "username=\"hbew-bench\" password=\"pässwörd=密码\";"));

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheSettingsForItsOwnerAloneAndDeleteThemWhenClosed() throws IOException {
        Path path = dir.resolve("b0-producer.properties");

        try (KafkaConfigFile file = KafkaConfigFile.write(path, SETTINGS)) {
            assertThat(file.path()).isEqualTo(path);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
            assertThat(file.properties()).containsExactlyInAnyOrder("security.protocol", "sasl.mechanism",
                    "sasl.jaas.config");
        }

        assertThat(path).doesNotExist();
    }

    @Test
    void shouldBeReadAlikeByKafkasToolsAndByHbew() throws IOException {
        try (KafkaConfigFile file = KafkaConfigFile.write(dir.resolve("child.properties"), SETTINGS)) {
            Properties asKafkaToolsReadIt = new Properties();
            try (InputStream in = Files.newInputStream(file.path())) {
                asKafkaToolsReadIt.load(in);
            }
            KafkaClientProperties asHbewReadsIt = KafkaClientProperties.load(Optional.of(file.path()), Map.of());

            assertThat(asHbewReadsIt.asMap()).isEqualTo(SETTINGS.asMap());
            assertThat(asKafkaToolsReadIt).containsAllEntriesOf(SETTINGS.asMap()).hasSize(3);
        }
    }
}
