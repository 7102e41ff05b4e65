package org.civicdispatch.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.civicdispatch.contract.DeadLetterHeaders;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    private static final Instant AT = Instant.parse("2026-11-23T02:00:00Z");
    private static final byte[] BYTES = {0, 0, 0, 0, 7, 2};

    @Test
    void shouldTakeTheCaseIdFromTheKeyAndTheJsonFromTheDecodedValue() {
        Schema schema = Schema.createRecord("Ping", null, "test", false,
                List.of(new Schema.Field("n", Schema.create(Schema.Type.INT))));
        GenericRecord ping = new GenericData.Record(schema);
        ping.put("n", 1);

        AuditEntry entry = AuditEntry.of(record("case-events", "C-1", Map.of("trace", "t-1")),
                new Decoding.Decoded(7, "test.Ping", ping));

        assertThat(entry.caseId()).isEqualTo("C-1");
        assertThat(entry.eventType()).isEqualTo("test.Ping");
        assertThat(entry.schemaId()).isEqualTo(7);
        assertThat(entry.payloadJson()).isEqualTo("{\"n\":1}");
        assertThat(entry.headersJson()).isEqualTo("{\"trace\":\"t-1\"}");
        assertThat(entry.decodeError()).isNull();
        assertThat(entry.raw()).isEqualTo(BYTES);
        assertThat(entry.recordedAt()).isEqualTo(AT);
    }

    @Test
    void shouldKeepUndecodableBytesWithTheReason() {
        AuditEntry entry = AuditEntry.of(record("intake-dlq", "C-2", Map.of()),
                new Decoding.Undecodable("unknown magic byte 0x7b"));

        assertThat(entry.caseId()).isEqualTo("C-2");
        assertThat(entry.eventType()).isNull();
        assertThat(entry.payloadJson()).isNull();
        assertThat(entry.decodeError()).isEqualTo("unknown magic byte 0x7b");
        assertThat(entry.raw()).isEqualTo(BYTES);
    }

    @Test
    void shouldNotTakeASubmissionKeyForACaseIdEvenFromADeadLetterTopic() {
        AuditEntry submission = AuditEntry.of(record("incident-submissions", "OPEN311:42", Map.of()),
                new Decoding.Undecodable("bad"));
        AuditEntry deadSubmission = AuditEntry.of(record("intake-dlq", "OPEN311:42",
                Map.of(DeadLetterHeaders.ORIGINAL_TOPIC, "incident-submissions")), new Decoding.Undecodable("bad"));

        assertThat(submission.caseId()).isNull();
        assertThat(deadSubmission.caseId()).isNull();
        assertThat(deadSubmission.recordKey()).isEqualTo("OPEN311:42");
    }

    @Test
    void shouldRecordATombstoneWithoutPayloadOrError() {
        AuditEntry entry = AuditEntry.of(new ObservedRecord("case-events", 0, 1, "C-3", null, Map.of(), null),
                new Decoding.Absent());

        assertThat(entry.raw()).isNull();
        assertThat(entry.payloadJson()).isNull();
        assertThat(entry.decodeError()).isNull();
        assertThat(entry.recordedAt()).isNull();
    }

    private static ObservedRecord record(String topic, String key, Map<String, String> headers) {
        return new ObservedRecord(topic, 0, 5, key, BYTES, headers, AT);
    }
}
