package org.hbew.indicators.bench;

/**
 * The phases of a run that {@code --skip} can leave out. The raw producer and the gateway always run: every
 * later phase works off what they wrote. Leaving out {@link #PROCESSORS} also leaves out {@link #LATENCY}, which
 * loads the same running instance at half the rate it measured.
 */
public enum BenchPhase {
    /** B0: Kafka's ProducerPerformance with the gateway's producer settings, then a consumer read of its topic. */
    BASELINE,
    /** The plain Kafka Streams job over the raw records. */
    PLAIN,
    /** The processors under exactly_once_v2, as standalone runs them. */
    PROCESSORS,
    /** End-to-end latency through the exactly_once_v2 instance. */
    LATENCY,
    /** The processors under at_least_once over the same records. */
    ALOS,
    /** The processors' resident memory, in a child JVM, after the distinct events of the memory phase. */
    MEMORY,
    /** {@code hbew standalone} as a child JVM: start, load, memory, stop, restart. */
    STANDALONE
}
