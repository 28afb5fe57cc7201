package org.hbew.indicators.processors.query;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/**
 * What was logged (at the levels the test configuration lets through) by the threads whose name starts with
 * a prefix, from the moment it is opened until it is closed: an appender on log4j's root logger. Threads of
 * other components (Kafka clients retrying a broker that is not there) do not disturb what a test counts.
 */
final class CapturedLog implements AutoCloseable {

    private static int opened;

    private final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final LoggerContext context;
    private final AbstractAppender appender;

    private CapturedLog(String threadPrefix) {
        context = (LoggerContext) LogManager.getContext(false);
        appender = new AbstractAppender(name(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getThreadName() != null && event.getThreadName().startsWith(threadPrefix)) {
                    events.add(event.toImmutable());
                }
            }
        };
        appender.start();
        Configuration config = context.getConfiguration();
        config.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
    }

    /** Captures what the threads named {@code threadPrefix...} log, such as a query server's HTTP threads. */
    static CapturedLog ofThreads(String threadPrefix) {
        return new CapturedLog(threadPrefix);
    }

    private static synchronized String name() {
        return "captured-log-" + ++opened;
    }

    /** Everything captured so far, in order. */
    List<LogEvent> events() {
        return List.copyOf(events);
    }

    /** Forgets what was captured so far. */
    void clear() {
        events.clear();
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
