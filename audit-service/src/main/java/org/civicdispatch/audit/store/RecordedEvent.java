package org.civicdispatch.audit.store;

import java.time.Instant;

/** One event of a case as the log holds it; payload and headers are JSON text. */
public record RecordedEvent(String topic, int partition, long offset, String eventType, Integer schemaId,
                            Instant recordedAt, String payloadJson, String headersJson, String decodeError) {
}
