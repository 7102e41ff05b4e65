package org.civicdispatch.intake.publish;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.IncidentReported;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Writes accepted cases to incident-reports and returns only once the broker has acknowledged (acks=all). */
@Component
public class IncidentPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTemplate<String, SpecificRecord> eventTemplate;

    public IncidentPublisher(KafkaTemplate<String, SpecificRecord> eventTemplate) {
        this.eventTemplate = eventTemplate;
    }

    public void publish(IncidentReported event) {
        try {
            eventTemplate.send(Topics.INCIDENT_REPORTS.name(), event.getCaseId(), event)
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while writing the case", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("the event log did not acknowledge the case in time", e);
        }
    }

    /** The case was not durably recorded: the caller must be told to retry. */
    public static class PublishFailedException extends RuntimeException {

        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
