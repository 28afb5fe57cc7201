package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class AccountingProbeTest {

    @Test
    void shouldReadTheAccountingAnswer() throws IOException {
        BenchReport.Accounting accounting = AccountingProbe.parse("""
                {"received":1000,"deadLettered":2,"duplicates":10,"late":5,"counted":983,"balanced":true,"partitions":4}
                """);

        assertThat(accounting).isEqualTo(new BenchReport.Accounting(1000, 983, 10, 5, 2));
        assertThat(accounting.balanced()).isTrue();
    }

    @Test
    void shouldNotBalanceWhileARecordIsUnaccounted() {
        assertThat(new BenchReport.Accounting(1000, 982, 10, 5, 2).balanced()).isFalse();
    }
}
