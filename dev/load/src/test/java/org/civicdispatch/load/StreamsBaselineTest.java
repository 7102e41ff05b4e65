package org.civicdispatch.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.civicdispatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** The exactly-once pass-through baseline: every record through once, every paced record timed. */
class StreamsBaselineTest {

    @Test
    void shouldPassEveryRecordThroughAndTimeEveryPacedOne() throws Exception {
        StreamsBaseline.Figures figures = new StreamsBaseline(TestInfrastructure.kafkaBootstrapServers(), Map.of())
                .measure(3000, 120, 3, 3);

        assertThat(figures.maxRecordsPerSecond()).isPositive();
        assertThat(figures.atTenth().getTotalCount()).isEqualTo((long) (figures.maxRecordsPerSecond() / 10 * 3));
        assertThat(figures.atHalf().getTotalCount()).isEqualTo((long) (figures.maxRecordsPerSecond() / 2 * 3));
    }
}
