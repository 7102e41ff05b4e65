package org.civicdispatch.dispatch.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlaTimerStoreTest {

    @Test
    void shouldPadDueTimesAsTheKeysWrittenBeforeSoStoredTimersStillSortAndMatch() {
        for (long millis : List.of(0L, 7L, 1_795_385_027_722L, 9_999_999_999_999_999L)) {
            assertThat(SlaTimerStore.zeroPadded(millis)).isEqualTo(String.format("%016d", millis));
        }
        assertThat(SlaTimerStore.zeroPadded(999_999_999_999L)).isLessThan(SlaTimerStore.zeroPadded(1_000_000_000_000L));
    }
}
