package org.hbew.indicators.kafka;

import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Tells a refusal by Kafka (wrong credentials, a missing ACL) from the failures that pass (a broker down, a
 * leader moving), and says it in words an operator can act on. A refusal does not go away by waiting: a
 * service answers it with a clear log line and a non-zero exit or a 503, never by retrying in silence.
 */
public final class KafkaRefusal {

    private KafkaRefusal() {
    }

    /** A sentence naming the refusal and what to check, if {@code failure} or one of its causes is one. */
    public static Optional<String> describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationException) {
                return Optional.of("Kafka refused the credentials (" + summary(cause) + "); check the user and "
                        + "password of the Kafka client settings (--kafka-config, HBEW_KAFKA_*)");
            }
            if (cause instanceof AuthorizationException) {
                return Optional.of("Kafka denied access (" + summary(cause) + "); the user of the Kafka client "
                        + "settings lacks an ACL this service needs (see ./hbew acls)");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    public static boolean isRefusal(Throwable failure) {
        return describe(failure).isPresent();
    }

    private static String summary(Throwable cause) {
        String summary = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        if (cause instanceof TopicAuthorizationException topics && !topics.unauthorizedTopics().isEmpty()
                && (cause.getMessage() == null || !cause.getMessage().contains(topics.unauthorizedTopics().iterator().next()))) {
            summary += " topics " + new TreeSet<>(topics.unauthorizedTopics());
        }
        if (cause instanceof GroupAuthorizationException group && group.groupId() != null
                && (cause.getMessage() == null || !cause.getMessage().contains(group.groupId()))) {
            summary += " group " + group.groupId();
        }
        return summary;
    }
}
