package org.hbew.indicators.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaRefusalTest {

    @Test
    void shouldNameWrongCredentialsWhereverTheyAreInTheCauses() {
        Exception failure = new ExecutionException(new SaslAuthenticationException(
                "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512"));

        assertThat(KafkaRefusal.describe(failure)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("Kafka refused the credentials (SaslAuthenticationException: Authentication failed")
                .contains("--kafka-config"));
    }

    @Test
    void shouldNameAMissingAcl() {
        Exception failure = new IllegalStateException("send failed",
                new TopicAuthorizationException(Set.of("hbew.events.raw")));

        assertThat(KafkaRefusal.describe(failure)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("Kafka denied access (TopicAuthorizationException")
                .contains("hbew.events.raw", "./hbew acls"));
    }

    @Test
    void shouldNameTheTopicsWhenTheMessageDoesNot() {
        Exception failure = new ExecutionException(new TopicAuthorizationException("Topic authorization failed.",
                Set.of("hbew.events.raw")));

        assertThat(KafkaRefusal.describe(failure)).hasValueSatisfying(message -> assertThat(message)
                .contains("Topic authorization failed. topics [hbew.events.raw]"));
    }

    @Test
    void shouldLeavePassingFailuresAlone() {
        assertThat(KafkaRefusal.describe(new ExecutionException(new TimeoutException("no leader")))).isEmpty();
        assertThat(KafkaRefusal.isRefusal(new IllegalStateException("x"))).isFalse();
    }
}
