package org.hbew.indicators.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time the stream threads of one Kafka Streams application in this JVM have used, read from the JVM's
 * thread clock. Per event worked off, it is a figure that a busy machine changes far less than a rate: a
 * neighbour's build takes the threads off the CPU, which lowers their rate, not the CPU each event costs. Kafka
 * Streams names its threads {@code <application id>-<process id>-StreamThread-<n>}; the producers' network threads
 * ({@code kafka-producer-network-thread | ...}) are not counted.
 */
final class StreamThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StreamThreadCpu() {
    }

    /** Nanoseconds of CPU of the application's live stream threads, or null where the JVM cannot tell. */
    static Long nanos(String applicationId) {
        if (!THREADS.isThreadCpuTimeSupported() || !THREADS.isThreadCpuTimeEnabled()) {
            return null;
        }
        long total = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith(applicationId + "-")
                    && thread.getThreadName().contains("-StreamThread-")) {
                long cpu = THREADS.getThreadCpuTime(thread.getThreadId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }

    /** Microseconds of stream-thread CPU per event between two readings, or null if either is missing. */
    static Double microsPerEvent(Long before, Long after, long events) {
        if (before == null || after == null || events <= 0) {
            return null;
        }
        return (after - before) / 1_000.0 / events;
    }
}
