package org.hbew.indicators.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.apache.kafka.common.utils.internals.Exit;
import org.junit.jupiter.api.Test;

class KafkaExitGuardTest {

    @Test
    void shouldTurnExitAndHaltIntoExceptionsWhileHeld() {
        KafkaExitGuard.acquire();
        try {
            assertThat(KafkaExitGuard.isActive()).isTrue();
            assertThatIllegalStateException().isThrownBy(() -> Exit.exit(1, "log dir failed"))
                    .withMessageContaining("exit").withMessageContaining("log dir failed");
            assertThatIllegalStateException().isThrownBy(() -> Exit.halt(1))
                    .withMessageContaining("halt");
        } finally {
            KafkaExitGuard.release();
        }
        assertThat(KafkaExitGuard.isActive()).isFalse();
    }

    @Test
    void shouldStayActiveUntilTheLastHolderReleases() {
        KafkaExitGuard.acquire();
        KafkaExitGuard.acquire();
        KafkaExitGuard.release();
        try {
            assertThat(KafkaExitGuard.isActive()).isTrue();
            assertThatIllegalStateException().isThrownBy(() -> Exit.exit(1));
        } finally {
            KafkaExitGuard.release();
        }
        assertThat(KafkaExitGuard.isActive()).isFalse();
    }

    @Test
    void shouldRejectAReleaseWithoutAcquire() {
        assertThatIllegalStateException().isThrownBy(KafkaExitGuard::release);
    }
}
