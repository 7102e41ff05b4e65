package org.civicdispatch.audit.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.RecordBatch;
import org.civicdispatch.audit.domain.AuditEntry;
import org.civicdispatch.audit.domain.Decoding;
import org.civicdispatch.audit.domain.ObservedRecord;
import org.civicdispatch.audit.store.AuditLog;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.registry.wire.DecodedRecord;
import org.civicdispatch.registry.wire.UnreadableRecordException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Appends every record of every platform topic to the audit log, readable or not. A short metadata age makes the
 * pattern subscription pick up new department topics and DLQs within seconds.
 */
@Component
public class AuditListener {

    private final AvroCodec codec;
    private final AuditLog log;

    public AuditListener(AvroCodec codec, AuditLog log) {
        this.codec = codec;
        this.log = log;
    }

    /**
     * A whole poll (at most {@code civic.audit.max-batch} records) in one transaction. If anything fails the whole
     * batch is retried (see {@link AuditKafkaConfiguration}); what an earlier attempt stored is not appended again.
     */
    @KafkaListener(topicPattern = "#{T(org.civicdispatch.audit.ingest.AuditedTopics).PATTERN}",
            containerFactory = AuditKafkaConfiguration.CONTAINER_FACTORY,
            properties = {ConsumerConfig.METADATA_MAX_AGE_CONFIG + "=5000",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG + "=${civic.audit.max-batch:500}"})
    public void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        List<AuditEntry> entries = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            entries.add(AuditEntry.of(observed(record), decode(record.value())));
        }
        log.appendAll(entries);
    }

    private Decoding decode(byte[] value) {
        if (value == null) {
            return new Decoding.Absent();
        }
        try {
            DecodedRecord<Object> decoded = codec.decodeGeneric(value);
            return new Decoding.Decoded(decoded.schemaId(), decoded.writerSchema().getFullName(), decoded.value());
        } catch (UnreadableRecordException e) {
            return new Decoding.Undecodable(e.getMessage());
        }
    }

    private static ObservedRecord observed(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8));
        }
        Instant timestamp = record.timestamp() == RecordBatch.NO_TIMESTAMP ? null
                : Instant.ofEpochMilli(record.timestamp());
        return new ObservedRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                headers, timestamp);
    }
}
