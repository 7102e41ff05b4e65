package org.civicdispatch.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicdispatch.registry.RegistryUnavailableException;
import org.civicdispatch.registry.wire.UnreadableRecordException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

class DeadLettersTest {

    @Test
    void shouldRetryWithoutEndWhatFailsBecauseSomethingTheRecordNeedsIsDown() {
        for (Throwable outage : List.of(new RegistryUnavailableException("registry down", null),
                new OutageException("the event log did not acknowledge", null),
                new DataAccessResourceFailureException("database down"))) {
            Throwable thrown = new ListenerExecutionFailedException("listener failed",
                    new BatchListenerFailedException("batch failed", outage, 3));
            BackOff backOff = DeadLetters.backOffFor(thrown);
            assertThat(backOff).as(outage.toString()).isNotNull();
            BackOffExecution execution = backOff.start();
            for (int attempt = 0; attempt < 10_000; attempt++) {
                assertThat(execution.nextBackOff()).isNotEqualTo(BackOffExecution.STOP).isLessThanOrEqualTo(10_000);
            }
        }
    }

    @Test
    void shouldLeaveTheRecordsOwnFaultsToTheDefaultTwoRetriesAndTheDlq() {
        assertThat(DeadLetters.backOffFor(new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("a bug")))).isNull();
        assertThat(DeadLetters.backOffFor(new BatchListenerFailedException("bad record",
                new RejectedRecordException("invalid submission"), 0))).isNull();
        assertThat(DeadLetters.reasonOf(new ListenerExecutionFailedException("listener failed",
                new BatchListenerFailedException("x", new UnreadableRecordException("no magic byte"), 1))))
                .isInstanceOf(UnreadableRecordException.class);
    }
}
