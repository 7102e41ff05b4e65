package org.civicdispatch.intake.publish;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.support.kafka.OutageException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes accepted cases to incident-reports; the returned future completes once the broker has acknowledged
 * (acks=all). Callers send a whole batch and then wait, so many cases share one round trip to the broker. The
 * producer's delivery timeout is shorter than the wait here, so a failure is final: the record will not turn up
 * later. While the event log is down a circuit breaker fails at once instead of holding callers for seconds.
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

    /** Completes when the broker has the case; fails with {@link PublishFailedException} otherwise. */
    public CompletableFuture<Void> publish(IncidentReported event) {
        CompletableFuture<Void> acked;
        try {
            acked = breaker.executeCompletionStage(() -> send(event)).toCompletableFuture();
        } catch (RuntimeException e) {
            acked = CompletableFuture.failedFuture(e);
        }
        return acked.exceptionally(e -> {
            throw new CompletionException(failure(e instanceof CompletionException c ? c.getCause() : e));
        });
    }

    private CompletableFuture<Void> send(IncidentReported event) {
        return eventTemplate.send(Topics.INCIDENT_REPORTS.name(), event.getCaseId(), event)
                .orTimeout(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(result -> null);
    }

    private static PublishFailedException failure(Throwable e) {
        if (e instanceof PublishFailedException failed) {
            return failed;
        }
        return e instanceof CallNotPermittedException
                ? new PublishFailedException("the event log is unavailable (circuit open)", e)
                : new PublishFailedException("the event log did not acknowledge the case", e);
    }

    /** The case was not durably recorded: the caller must be told to retry (a submission is read again). */
    public static class PublishFailedException extends OutageException {

        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
