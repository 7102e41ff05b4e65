package org.civicdispatch.audit.replay;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.civicdispatch.audit.access.PersonalData;
import org.civicdispatch.audit.chain.ChainedContent;
import org.civicdispatch.audit.chain.ChainedRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One audit row as an export carries it. A masked record has the personal data of its payload masked and no raw
 * bytes (they hold the same data, unreadable to masking).
 */
public record ExportedRecord(long chainSeq, long eventId, String topic, int partition, long offset, String key,
                             String caseId, String eventType, Integer schemaId, Instant recordTimestamp,
                             Instant appendedAt, SortedMap<String, String> headers, String payloadJson,
                             String decodeError, byte[] raw, byte[] rowHash, boolean masked) {

    /** The export file's own record schema (a file format, not an event on a topic). */
    public static final Schema SCHEMA = SchemaBuilder.record("AuditRecord")
            .namespace("org.civicdispatch.audit.export")
            .doc("One row of the civic-dispatch audit log. Times are epoch milliseconds (record) and microseconds "
                    + "(appended); payloadJson is the decoded value; raw is absent in masked exports.")
            .fields()
            .requiredLong("chainSeq")
            .requiredLong("eventId")
            .requiredString("topic")
            .requiredInt("partition")
            .requiredLong("offset")
            .optionalString("key")
            .optionalString("caseId")
            .optionalString("eventType")
            .optionalInt("schemaId")
            .optionalLong("recordTimestampMillis")
            .requiredLong("appendedAtMicros")
            .name("headers").type().map().values().nullable().stringType().noDefault()
            .optionalString("payloadJson")
            .optionalString("decodeError")
            .optionalBytes("raw")
            .requiredBytes("rowHash")
            .requiredBoolean("masked")
            .endRecord();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static ExportedRecord of(ChainedRow row, boolean unmasked) {
        ChainedContent c = row.content();
        SortedMap<String, String> headers = new TreeMap<>();
        for (Map.Entry<String, JsonNode> header : JSON.readTree(c.headersJson()).properties()) {
            headers.put(header.getKey(), header.getValue().isNull() ? null : header.getValue().asString());
        }
        return new ExportedRecord(c.seq(), row.id(), c.topic(), c.partition(), c.offset(), c.recordKey(), c.caseId(),
                c.eventType(), c.schemaId(), c.recordTimestamp(), c.appendedAt(), headers,
                unmasked ? c.payloadJson() : PersonalData.mask(c.eventType(), c.payloadJson()), c.decodeError(),
                unmasked ? c.raw() : null, row.rowHash(), !unmasked);
    }

    GenericRecord toAvro() {
        GenericData.Record record = new GenericData.Record(SCHEMA);
        record.put("chainSeq", chainSeq);
        record.put("eventId", eventId);
        record.put("topic", topic);
        record.put("partition", partition);
        record.put("offset", offset);
        record.put("key", key);
        record.put("caseId", caseId);
        record.put("eventType", eventType);
        record.put("schemaId", schemaId);
        record.put("recordTimestampMillis", recordTimestamp == null ? null : recordTimestamp.toEpochMilli());
        record.put("appendedAtMicros", ChronoUnit.MICROS.between(Instant.EPOCH, appendedAt));
        record.put("headers", headers);
        record.put("payloadJson", payloadJson);
        record.put("decodeError", decodeError);
        record.put("raw", raw == null ? null : ByteBuffer.wrap(raw));
        record.put("rowHash", ByteBuffer.wrap(rowHash));
        record.put("masked", masked);
        return record;
    }
}
