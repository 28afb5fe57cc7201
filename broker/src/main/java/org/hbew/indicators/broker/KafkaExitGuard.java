package org.hbew.indicators.broker;

import org.apache.kafka.common.utils.internals.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an embedded Kafka broker from terminating the JVM it shares with the application or the test run.
 *
 * <p>On fatal errors (a failed log directory, a metadata fault, a dying request handler) the Kafka server calls
 * {@code Exit.exit} or {@code Exit.halt}, which by default end the process. That suits a dedicated broker process
 * but would take {@code ./hbew standalone} down without its shutdown hooks, or kill a test JVM mid-run. Kafka lets
 * the embedding process replace both procedures; while at least one broker is running we install procedures that
 * log the request at ERROR and throw instead, which ends the Kafka thread that asked (the same thing Kafka's own
 * test harness does). The broker is then unreliable and should be closed.
 *
 * <p>Caveats: the procedures are JVM-wide, so they also cover any other Kafka server code in the JVM, and when the
 * last broker stops they are reset to Kafka's defaults, replacing anything another component may have installed.
 * {@code Exit} lives in the {@code internals} package of kafka-clients since Kafka 4.x; expect to revisit this on
 * upgrades.
 */
final class KafkaExitGuard {

    private static final Logger log = LoggerFactory.getLogger(KafkaExitGuard.class);

    private static int holders;

    private KafkaExitGuard() {
    }

    static synchronized void acquire() {
        if (holders++ == 0) {
            Exit.setExitProcedure((statusCode, message) -> refuse("exit", statusCode, message));
            Exit.setHaltProcedure((statusCode, message) -> refuse("halt", statusCode, message));
        }
    }

    static synchronized void release() {
        if (holders == 0) {
            throw new IllegalStateException("KafkaExitGuard released more often than acquired");
        }
        if (--holders == 0) {
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
        }
    }

    static synchronized boolean isActive() {
        return holders > 0;
    }

    private static void refuse(String action, int statusCode, String message) {
        IllegalStateException refusal = new IllegalStateException(
                "Embedded Kafka broker requested JVM " + action + " with status " + statusCode + ": " + message);
        log.error("Refused to {} the JVM on behalf of the embedded Kafka broker (status {}, reason: {}); "
                + "the broker is no longer reliable and should be closed", action, statusCode, message, refusal);
        throw refusal;
    }
}
