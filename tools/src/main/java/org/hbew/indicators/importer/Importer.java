package org.hbew.indicators.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.hbew.indicators.ingestclient.IngestClient;
import org.hbew.indicators.ingestclient.PostResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backfills a file of events (NDJSON or CSV) through ingest, so that ingest's validation decides what is
 * accepted, exactly as for live events. The file is streamed: at most {@code parallelism} batches are in
 * memory at a time, whatever its size.
 *
 * <p>Ingest takes a batch all or nothing. When it refuses one (400, or 403 for events of another city than
 * the token's), the events it names go to the rejects file with its reasons and the rest of the batch is
 * posted again. A batch too large (413) is halved. 429 and 503 are retried by the {@link IngestClient}. Any
 * other failure stops the import: the summary says how far it got.
 */
public final class Importer {

    private static final Logger log = LoggerFactory.getLogger(Importer.class);

    private final IngestClient client;
    private final ImportConfig config;

    public Importer(IngestClient client, ImportConfig config) {
        this.client = client;
        this.config = config;
    }

    /** Imports the file; never throws for a failed import, the summary says what happened. */
    public ImportSummary run(Path file, ProgressReporter progress) {
        Run run = new Run(file, progress);
        return run.execute();
    }

    /** The state of one import. */
    private final class Run {
        private final Path file;
        private final ProgressReporter progress;
        private final long started = System.nanoTime();
        private final LongAdder read = new LongAdder();
        private final LongAdder accepted = new LongAdder();
        private final LongAdder rejected = new LongAdder();
        private final AtomicReference<String> failure = new AtomicReference<>();
        private final Semaphore inFlight = new Semaphore(config.parallelism());
        private CountingInputStream counting;
        private RejectsFile rejects;
        private long totalBytes;

        Run(Path file, ProgressReporter progress) {
            this.file = file;
            this.progress = progress;
        }

        ImportSummary execute() {
            ExecutorService senders = Executors.newFixedThreadPool(config.parallelism(), r -> {
                Thread t = new Thread(r, "hbew-import-sender");
                t.setDaemon(true);
                return t;
            });
            try {
                totalBytes = Files.size(file);
                rejects = RejectsFile.replacing(config.rejectsFile());
                try {
                    readFile(senders);
                } finally {
                    rejects.close();
                }
            } catch (ImportFailedException e) {
                fail(e.getMessage());
            } catch (IOException e) {
                fail("cannot read " + file + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            } finally {
                senders.shutdownNow();
                progress.finish(snapshot());
            }
            return new ImportSummary(file, read.sum(), accepted.sum(), rejected.sum(), elapsed(),
                    config.rejectsFile(), Optional.ofNullable(failure.get()));
        }

        /** Reads and submits every record, then waits for the batches in flight, whatever happened. */
        private void readFile(ExecutorService senders) throws IOException, InterruptedException {
            counting = new CountingInputStream(Files.newInputStream(file));
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8),
                    1 << 16)) {
                ImportFormat format = config.format().resolve(file, reader);
                log.info("Importing {} as {} ({})", file, format, Sizes.bytes(totalBytes));
                try (RecordSource source = format.open(reader)) {
                    readAll(source, senders);
                }
            } finally {
                senders.shutdown();
                awaitSenders(senders);
            }
        }

        private void readAll(RecordSource source, ExecutorService senders) throws IOException, InterruptedException {
            List<SourceRecord> batch = new ArrayList<>(config.batchSize());
            SourceRecord record;
            while (failure.get() == null && (record = source.next()) != null) {
                read.increment();
                if (!record.usable()) {
                    reject(List.of(Rejection.local(record)));
                    continue;
                }
                batch.add(record);
                if (batch.size() == config.batchSize()) {
                    submit(new Batch(batch), senders);
                    batch = new ArrayList<>(config.batchSize());
                }
            }
            if (!batch.isEmpty() && failure.get() == null) {
                submit(new Batch(batch), senders);
            }
        }

        private void submit(Batch batch, ExecutorService senders) throws InterruptedException {
            inFlight.acquire();
            senders.execute(() -> {
                try {
                    if (failure.get() == null) {
                        post(batch);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                } catch (IOException e) {
                    fail("cannot write the rejects file " + config.rejectsFile() + ": " + e.getMessage());
                } catch (RuntimeException e) {
                    log.error("Import batch failed unexpectedly", e);
                    fail("unexpected failure: " + e);
                } finally {
                    inFlight.release();
                    progress.update(snapshot());
                }
            });
        }

        private void post(Batch batch) throws InterruptedException, IOException {
            Batch pending = batch;
            while (!pending.isEmpty()) {
                PostResult result = client.post(config.token(), pending.jsons());
                if (result instanceof PostResult.Accepted a) {
                    accepted.add(a.accepted());
                    return;
                } else if (result instanceof PostResult.Refused refused) {
                    Batch.Refusal refusal = pending.refuse(refused.problems(), refused.message());
                    reject(refusal.rejected());
                    pending = refusal.remaining();
                } else if (result instanceof PostResult.TooLarge tooLarge) {
                    if (pending.size() == 1) {
                        reject(pending.everythingRefused("too large for ingest: " + tooLarge.message()).rejected());
                        return;
                    }
                    for (Batch half : pending.halves()) {
                        post(half);
                    }
                    return;
                } else {
                    fail("ingest at " + client.eventsUri() + " failed: " + ((PostResult.Failed) result).message());
                    return;
                }
            }
        }

        private void reject(List<Rejection> rejections) throws IOException {
            for (Rejection rejection : rejections) {
                rejects.write(rejection);
            }
            rejected.add(rejections.size());
        }

        private void awaitSenders(ExecutorService senders) throws InterruptedException {
            while (!senders.awaitTermination(1, TimeUnit.SECONDS)) {
                log.debug("Waiting for the last batches of the import");
            }
        }

        private void fail(String why) {
            if (failure.compareAndSet(null, why)) {
                log.debug("Import of {} failed: {}", file, why);
            }
        }

        private ImportProgress snapshot() {
            return new ImportProgress(counting == null ? 0 : counting.count(), totalBytes, read.sum(), accepted.sum(),
                    rejected.sum(), elapsed());
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }
}
