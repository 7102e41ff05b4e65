package org.civicdispatch.registry.wire;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for the Confluent wire format into one generated class, or into GenericRecords when no
 * class is configured ({@code avro.value.type}). Unreadable bytes raise {@link UnreadableRecordException}.
 */
public class AvroWireDeserializer<T> implements Deserializer<T> {

    public static final String VALUE_TYPE = "avro.value.type";

    private AvroCodec codec;
    private Class<? extends SpecificRecord> type;

    public AvroWireDeserializer() {
    }

    public AvroWireDeserializer(AvroCodec codec, Class<? extends SpecificRecord> type) {
        this.codec = codec;
        this.type = type;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (codec == null) {
            codec = AvroWireSerializer.codecFrom(configs);
        }
        Object configured = configs.get(VALUE_TYPE);
        if (type == null && configured != null) {
            try {
                type = configured instanceof Class<?> c ? (Class<? extends SpecificRecord>) c
                        : (Class<? extends SpecificRecord>) Class.forName(configured.toString());
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException(VALUE_TYPE + " names no class: " + configured, e);
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        return (T) (type == null ? codec.decodeGeneric(data).value() : codec.decode(data, type).value());
    }
}
