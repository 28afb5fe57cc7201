package org.hbew.indicators.importer;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar for a person at a terminal: the bar and the time left follow the bytes of the file
 * read, and the message beside it counts events.
 */
public final class TerminalProgress implements ProgressReporter {

    private static final long MIB = 1024 * 1024;

    private final ProgressBar bar;

    public TerminalProgress(String task, long totalBytes, PrintStream out) {
        this.bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(Math.max(1, totalBytes))
                .setUnit(" MiB", MIB)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .build();
    }

    @Override
    public void update(ImportProgress progress) {
        bar.stepTo(progress.bytesRead());
        bar.setExtraMessage(message(progress));
    }

    @Override
    public void finish(ImportProgress progress) {
        bar.stepTo(Math.max(1, progress.totalBytes()));
        bar.setExtraMessage(message(progress));
    }

    @Override
    public void close() {
        bar.close();
    }

    private static String message(ImportProgress p) {
        return String.format(" %,d read, %,d accepted, %,d rejected, %,.0f/s", p.read(), p.accepted(), p.rejected(),
                p.rate());
    }
}
