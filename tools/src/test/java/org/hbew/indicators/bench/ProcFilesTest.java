package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcFilesTest {

    @Test
    void shouldReadResidentAndPeakMemoryFromProcStatus() {
        String status = """
                Name:\tjava
                VmPeak:\t 9361728 kB
                VmHWM:\t 1048576 kB
                VmRSS:\t  524288 kB
                Threads:\t97
                """;

        ProcFiles.Memory memory = ProcFiles.parseStatus(status);

        assertThat(memory).isEqualTo(new ProcFiles.Memory(512L * 1024 * 1024, 1024L * 1024 * 1024));
    }

    @Test
    void shouldGiveNoMemoryWhenAFieldIsMissing() {
        assertThat(ProcFiles.parseStatus("Name:\tjava\nVmRSS:\t 1 kB\n")).isNull();
    }

    @Test
    void shouldReadTheOneMinuteLoadAverage() {
        assertThat(ProcFiles.parseLoadAverage("1.25 0.80 0.50 2/345 6789\n")).isEqualTo(1.25);
    }
}
