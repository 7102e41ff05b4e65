package org.civicdispatch.audit.timeline;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;
import org.civicdispatch.audit.store.RecordedEvent;

/** The answer to "what happened to this case" (up to {@code asOf}, when given), event by event. */
public record Timeline(String caseId, Instant asOf, List<Event> events) {

    /** Payload and headers are JSON from the log, served as objects rather than as strings. */
    public record Event(String topic, int partition, long offset, String eventType, Integer schemaId,
                        Instant recordedAt, @JsonRawValue String payload, @JsonRawValue String headers,
                        String decodeError) {

        static Event of(RecordedEvent e, String payload) {
            return new Event(e.topic(), e.partition(), e.offset(), e.eventType(), e.schemaId(), e.recordedAt(),
                    payload, e.headersJson(), e.decodeError());
        }
    }
}
