package org.hbew.indicators.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.hbew.indicators.kafka.KafkaRefusal;
import org.hbew.indicators.kafka.TopicSpec;
import org.hbew.indicators.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the benchmark leaves on an external cluster, and its removal. Before anything is written, {@link #claim}
 * makes sure the cluster holds none of the product's topics (the benchmark would write test events into a live
 * product's input and then delete its topics) and nothing of an earlier benchmark (whose records and committed
 * offsets would distort this run's figures); it refuses otherwise, naming what it found. Closing removes every
 * topic and consumer group the benchmark may have made ({@link BenchNames}): since none existed when it claimed
 * the cluster, all that match are its own. Closing runs at the end of the run, after a failed phase too, and from
 * a shutdown hook when the JVM is stopped (Ctrl-C, SIGTERM): the hook first interrupts the benchmark, so that its
 * phases stop their clients before their topics go, and removes them itself only if that takes too long.
 */
final class BenchFootprint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchFootprint.class);
    /** How long the shutdown hook lets the interrupted benchmark close its clients and clean up by itself. */
    private static final Duration UNWIND_PATIENCE = Duration.ofSeconds(30);
    /**
     * A group whose member was killed (the memory phase's child on Ctrl-C) cannot be deleted until the broker
     * drops the member after its session timeout, 45 s by default.
     */
    private static final Duration GROUP_PATIENCE = Duration.ofSeconds(60);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String bootstrapServers;
    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private final Thread benchmark;
    private final Thread hook;
    private final CountDownLatch removed = new CountDownLatch(1);
    private boolean closed;
    private List<String> leftBehind = List.of();

    private BenchFootprint(String bootstrapServers, Map<String, Object> adminConfig, Duration timeout,
                           Thread benchmark) {
        this.bootstrapServers = bootstrapServers;
        this.adminConfig = Map.copyOf(adminConfig);
        this.timeout = timeout;
        this.benchmark = benchmark;
        this.hook = new Thread(this::onShutdown, "hbew-bench-remove-from-cluster");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Checks that the cluster answers, accepts the credentials and holds nothing of the product or of an earlier
     * benchmark; from then on, until closed, removes what the calling thread's benchmark creates there.
     *
     * @param adminConfig settings of an admin client of the cluster, security included
     * @throws IllegalStateException saying why the benchmark will not run there, before anything was written
     */
    static BenchFootprint claim(String bootstrapServers, Map<String, Object> adminConfig, Duration timeout) {
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> topics = new TreeSet<>(await(admin.listTopics().names(), bootstrapServers, timeout));
            topics.addAll(existingProductTopics(admin, bootstrapServers, timeout));
            Set<String> groups = await(admin.listGroups().all(), bootstrapServers, timeout).stream()
                    .map(GroupListing::groupId)
                    .collect(Collectors.toCollection(TreeSet::new));
            refusal(bootstrapServers, topics, groups).ifPresent(why -> {
                throw new IllegalStateException(why);
            });
        }
        log.info("The cluster at {} holds none of the product's topics: the benchmark creates them and its own, "
                + "and removes all of them at the end", bootstrapServers);
        return new BenchFootprint(bootstrapServers, adminConfig, timeout, Thread.currentThread());
    }

    /**
     * The product's topics that exist, asked one by one: a topic its user may not describe is missing from a
     * listing, and a user allowed to create a topic it cannot see would be told it exists and write into it.
     * So a topic the user may not describe counts as a reason to stop, not as absent.
     */
    private static Set<String> existingProductTopics(Admin admin, String bootstrapServers, Duration timeout) {
        List<String> names = Topics.all().stream().map(TopicSpec::name).toList();
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(names).topicNameValues();
        Set<String> existing = new TreeSet<>();
        for (String name : names) {
            try {
                await(described.get(name), bootstrapServers, timeout);
                existing.add(name);
            } catch (IllegalStateException e) {
                if (e.getCause() instanceof ExecutionException failed
                        && failed.getCause() instanceof UnknownTopicOrPartitionException) {
                    continue;
                }
                Optional<String> refusal = KafkaRefusal.describe(e);
                if (refusal.isPresent()) {
                    throw new IllegalStateException("cannot tell whether the product's topic " + name + " exists on "
                            + bootstrapServers + ", so the benchmark stops before writing anything: " + refusal.get()
                            + "; the benchmark's user needs the ACLs of ./hbew acls --bench-user", e);
                }
                throw e;
            }
        }
        return existing;
    }

    /**
     * Why the benchmark must not run on a cluster with these topics and groups, if it must not: the product's
     * topics are there, or an earlier benchmark's.
     */
    static Optional<String> refusal(String bootstrapServers, Collection<String> topics, Collection<String> groups) {
        List<String> product = topics.stream().filter(BenchNames::isProductTopic).sorted().toList();
        if (!product.isEmpty()) {
            return Optional.of("refusing to run on " + bootstrapServers + ": the product's topics "
                    + String.join(", ", product) + " already exist there. The benchmark writes test events into "
                    + "the product's topics and deletes them at the end, so it runs only on a cluster the product "
                    + "does not use yet, or on a test cluster (see docs/benchmarks.md). Nothing was written.");
        }
        List<String> leftTopics = topics.stream().filter(BenchNames::isBenchTopic).sorted().toList();
        List<String> leftGroups = groups.stream().filter(BenchNames::isBenchGroup).sorted().toList();
        if (!leftTopics.isEmpty() || !leftGroups.isEmpty()) {
            return Optional.of("refusing to run on " + bootstrapServers + ": an earlier benchmark left "
                    + describe(leftTopics, leftGroups) + " there, whose records and offsets would distort this "
                    + "run. Delete them (kafka-topics.sh --delete --topic ..., kafka-consumer-groups.sh --delete "
                    + "--group ...) and run again. Nothing was written.");
        }
        return Optional.empty();
    }

    /**
     * Deletes every topic and consumer group of the product and of the benchmark on the cluster, and waits until
     * they are gone. Once only; later calls return at once. What could not be removed is logged as an error and
     * kept for the report ({@link #leftBehind()}): the run's figures are worth writing even then.
     */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; remove() below is shared with it and runs once.
        }
        remove();
    }

    private synchronized void remove() {
        if (closed) {
            return;
        }
        closed = true;
        // An interrupted benchmark comes here with its flag possibly set; the admin calls below must not fail on it.
        boolean interrupted = Thread.interrupted();
        List<String> left = new ArrayList<>();
        try (Admin admin = Admin.create(adminConfig)) {
            List<String> topics = deleteTopics(admin, left);
            List<String> groups = deleteGroups(admin, left);
            if (left.isEmpty()) {
                log.info("Removed from {}: topics {}; consumer groups {}", bootstrapServers, topics, groups);
            }
        } catch (RuntimeException e) {
            left.add("everything (the cluster could not be asked: " + e.getMessage() + ")");
        } finally {
            leftBehind = List.copyOf(left);
            removed.countDown();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (!left.isEmpty()) {
            log.error("The benchmark could not remove everything it created on {}; delete by hand: {}",
                    bootstrapServers, String.join("; ", left));
        }
    }

    /** What {@link #close()} could not remove, each with the reason; empty when everything is gone. */
    synchronized List<String> leftBehind() {
        return leftBehind;
    }

    private void onShutdown() {
        if (removed.getCount() == 0) {
            return;
        }
        log.warn("Stopping: the benchmark closes its clients, then removes its topics and groups from {}",
                bootstrapServers);
        benchmark.interrupt();
        try {
            if (removed.await(UNWIND_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        remove();
    }

    /** Deletes the topics of the product and of the benchmark; returns them, and adds those still there to left. */
    private List<String> deleteTopics(Admin admin, List<String> left) {
        List<String> ours = await(admin.listTopics().names(), bootstrapServers, timeout).stream()
                .filter(t -> BenchNames.isProductTopic(t) || BenchNames.isBenchTopic(t))
                .sorted()
                .toList();
        if (ours.isEmpty()) {
            return ours;
        }
        try {
            admin.deleteTopics(ours).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                left.add("topics " + ours + " (" + describeFailure(e) + ")");
                return ours;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            left.add("topics " + ours + " (interrupted)");
            return ours;
        } catch (TimeoutException e) {
            left.add("topics " + ours + " (no answer within " + text(timeout) + ")");
            return ours;
        }
        awaitGone(admin, ours, left);
        return ours;
    }

    /** A deleted topic leaves the metadata a moment later; until then a new run would call it a leftover. */
    private void awaitGone(Admin admin, List<String> deleted, List<String> left) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Set<String> present = await(admin.listTopics().names(), bootstrapServers, timeout);
            List<String> still = deleted.stream().filter(present::contains).toList();
            if (still.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline || !pause()) {
                left.add("topics " + still + " (still listed " + text(timeout) + " after their deletion)");
                return;
            }
        }
    }

    /** Deletes the benchmark's consumer groups; returns them, and adds those still there to left. */
    private List<String> deleteGroups(Admin admin, List<String> left) {
        List<String> ours = await(admin.listGroups().all(), bootstrapServers, timeout).stream()
                .map(GroupListing::groupId)
                .filter(BenchNames::isBenchGroup)
                .sorted()
                .toList();
        List<String> pending = new ArrayList<>(ours);
        long deadline = System.nanoTime() + GROUP_PATIENCE.toNanos();
        while (!pending.isEmpty()) {
            Map<String, KafkaFuture<Void>> deletions = admin.deleteConsumerGroups(pending).deletedGroups();
            List<String> notEmpty = new ArrayList<>();
            for (String group : List.copyOf(pending)) {
                try {
                    deletions.get(group).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    pending.remove(group);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof GroupIdNotFoundException) {
                        pending.remove(group);
                    } else if (e.getCause() instanceof GroupNotEmptyException) {
                        notEmpty.add(group);
                    } else {
                        left.add("consumer group " + group + " (" + describeFailure(e) + ")");
                        pending.remove(group);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    left.add("consumer group " + group + " (interrupted)");
                    pending.remove(group);
                } catch (TimeoutException e) {
                    left.add("consumer group " + group + " (no answer within " + text(timeout) + ")");
                    pending.remove(group);
                }
            }
            if (!notEmpty.isEmpty() && (System.nanoTime() > deadline || !pause())) {
                notEmpty.forEach(g -> left.add("consumer group " + g + " (still has members after "
                        + text(GROUP_PATIENCE) + ")"));
                return ours;
            }
        }
        return ours;
    }

    /** Waits a moment between retries; false if interrupted, which ends the retries. */
    private static boolean pause() {
        try {
            Thread.sleep(RETRY.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(List<String> topics, List<String> groups) {
        List<String> parts = new ArrayList<>();
        if (!topics.isEmpty()) {
            parts.add("the topics " + String.join(", ", topics));
        }
        if (!groups.isEmpty()) {
            parts.add("the consumer groups " + String.join(", ", groups));
        }
        return String.join(" and ", parts);
    }

    /** 30 s, 500 ms: as the operator wrote it on the command line, not ISO-8601. */
    static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String describeFailure(ExecutionException e) {
        return KafkaRefusal.describe(e).orElse(String.valueOf(e.getCause()));
    }

    /**
     * The answer of a request to the cluster, or a failure an operator can act on: a refusal said as such (a wrong
     * password, a missing ACL), silence as silence, within the timeout either way.
     */
    static <T> T await(KafkaFuture<T> future, String bootstrapServers, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the Kafka cluster at " + bootstrapServers, e);
        } catch (ExecutionException e) {
            Optional<String> refusal = KafkaRefusal.describe(e);
            if (refusal.isPresent()) {
                throw new IllegalStateException("cannot use the Kafka cluster at " + bootstrapServers + ": "
                        + refusal.get(), e);
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw noAnswer(bootstrapServers, timeout, e);
            }
            throw new IllegalStateException("the Kafka cluster at " + bootstrapServers + " failed a request: "
                    + e.getCause(), e);
        } catch (TimeoutException e) {
            throw noAnswer(bootstrapServers, timeout, e);
        }
    }

    private static IllegalStateException noAnswer(String bootstrapServers, Duration timeout, Exception cause) {
        return new IllegalStateException("the Kafka cluster at " + bootstrapServers + " did not answer within "
                + text(timeout) + "; check --bootstrap-servers, that this machine reaches it, and "
                + "security.protocol (a TLS or SASL listener does not answer a client that speaks PLAINTEXT)",
                cause);
    }
}
