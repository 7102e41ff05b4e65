package org.civicdispatch.intake.publish;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.IncidentReported;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes accepted cases to incident-reports and returns only once the broker has acknowledged (acks=all). The
 * producer's delivery timeout is shorter than the wait here, so a failure is final: the record will not turn up
 * later. While the event log is down a circuit breaker answers at once instead of holding callers for seconds.
 */
@Component
public class IncidentPublisher {

    static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTemplate<String, SpecificRecord> eventTemplate;
    private final CircuitBreaker breaker;

    public IncidentPublisher(KafkaTemplate<String, SpecificRecord> eventTemplate, CircuitBreakerRegistry breakers) {
        this.eventTemplate = eventTemplate;
        this.breaker = breakers.circuitBreaker("event-log");
    }

    public void publish(IncidentReported event) {
        try {
            breaker.executeRunnable(() -> send(event));
        } catch (CallNotPermittedException e) {
            throw new PublishFailedException("the event log is unavailable (circuit open)", e);
        }
    }

    private void send(IncidentReported event) {
        try {
            eventTemplate.send(Topics.INCIDENT_REPORTS.name(), event.getCaseId(), event)
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while writing the case", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new PublishFailedException("the event log did not acknowledge the case", e);
        }
    }

    /** The case was not durably recorded: the caller must be told to retry. */
    public static class PublishFailedException extends RuntimeException {

        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
