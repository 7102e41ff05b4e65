package org.civicdispatch.audit.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A record as audit saw it on the log, free of any Kafka type.
 *
 * @param headers   header name to its value read as UTF-8; the last one wins when a name repeats
 * @param timestamp the record's own timestamp, null when it has none
 */
public record ObservedRecord(String topic, int partition, long offset, String key, byte[] value,
                             Map<String, String> headers, Instant timestamp) {
}
