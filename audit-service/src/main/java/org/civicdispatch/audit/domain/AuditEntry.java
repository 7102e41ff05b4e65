package org.civicdispatch.audit.domain;

import java.time.Instant;
import org.civicdispatch.contract.DeadLetterHeaders;
import org.civicdispatch.contract.Topics;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One row of the audit log: the record byte for byte plus what could be read from it.
 *
 * @param caseId      the key, except where the key is not a case id (submissions, and DLQ records that came from
 *                    submissions)
 * @param eventType   full name of the writer schema, null when the value could not be read
 * @param raw         the value as received, null for a tombstone
 * @param headersJson the headers as a JSON object of UTF-8 strings
 * @param payloadJson the value as JSON, null when it could not be read
 */
public record AuditEntry(String topic, int partition, long offset, String recordKey, String caseId,
                         String eventType, Integer schemaId, byte[] raw, String headersJson, String payloadJson,
                         String decodeError, Instant recordedAt) {

    public static AuditEntry of(ObservedRecord record, Decoding decoding) {
        String eventType = null;
        Integer schemaId = null;
        String payload = null;
        String error = null;
        if (decoding instanceof Decoding.Decoded decoded) {
            schemaId = decoded.schemaId();
            eventType = decoded.eventType();
            try {
                payload = AvroJson.toJson(decoded.datum()).toString();
            } catch (RuntimeException e) {
                // Audit keeps everything: a value it cannot render is stored raw with the reason.
                error = "no JSON form: " + e.getMessage();
            }
        } else if (decoding instanceof Decoding.Undecodable undecodable) {
            error = undecodable.reason();
        }
        String key = SafeText.of(record.key());
        return new AuditEntry(record.topic(), record.partition(), record.offset(), key,
                isKeyedByCase(record) ? key : null, eventType, schemaId, record.value(), headersJson(record),
                payload, SafeText.of(error), record.timestamp());
    }

    private static boolean isKeyedByCase(ObservedRecord record) {
        String source = record.topic().endsWith(Topics.DEAD_LETTER_SUFFIX)
                ? record.headers().getOrDefault(DeadLetterHeaders.ORIGINAL_TOPIC, record.topic())
                : record.topic();
        return !Topics.INCIDENT_SUBMISSIONS.name().equals(source);
    }

    private static String headersJson(ObservedRecord record) {
        ObjectNode headers = JsonNodeFactory.instance.objectNode();
        record.headers().forEach((name, value) -> headers.put(SafeText.of(name), SafeText.of(value)));
        return headers.toString();
    }
}
