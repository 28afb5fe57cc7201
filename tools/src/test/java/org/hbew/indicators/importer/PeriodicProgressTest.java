package org.hbew.indicators.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PeriodicProgressTest {

    @Test
    void shouldPrintALineEveryIntervalOnly() {
        StringWriter out = new StringWriter();
        AtomicLong now = new AtomicLong();
        PeriodicProgress progress = new PeriodicProgress(new PrintWriter(out), Duration.ofSeconds(5), now::get);
        ImportProgress halfway = new ImportProgress(50L << 20, 100L << 20, 500_000, 499_990, 10, Duration.ofSeconds(60));

        progress.update(halfway);
        now.set(Duration.ofSeconds(5).toNanos());
        progress.update(halfway);
        now.set(Duration.ofSeconds(6).toNanos());
        progress.update(halfway);

        assertThat(out.toString().lines()).containsExactly(
                "import: 50% of 100.0 MiB, 500,000 read, 499,990 accepted, 10 rejected, 8,333/s, about 1m 00s left");
    }
}
