package org.civicdispatch.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

class AuditKafkaConfigurationTest {

    @Test
    void shouldRetryAFailingRecordWithoutEverGivingUpAndAtMostEveryTenSeconds() {
        BackOffExecution execution = AuditKafkaConfiguration.backOff().start();

        assertThat(LongStream.range(0, 10_000).map(attempt -> execution.nextBackOff()))
                .allMatch(wait -> wait != BackOffExecution.STOP && wait <= 10_000)
                .contains(10_000L);
    }
}
