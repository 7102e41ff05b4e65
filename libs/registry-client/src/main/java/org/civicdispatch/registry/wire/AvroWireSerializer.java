package org.civicdispatch.registry.wire;

import java.time.Duration;
import java.util.Map;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.serialization.Serializer;
import org.civicdispatch.registry.SchemaRegistryClient;

/**
 * Kafka serializer for the Confluent wire format, subjects by TopicNameStrategy ({@code <topic>-value}).
 * Configured with the Confluent property names so department systems can reuse their settings.
 */
public class AvroWireSerializer<T extends GenericContainer> implements Serializer<T> {

    public static final String REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER = "auto.register.schemas";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

    private AvroCodec codec;
    private boolean isKey;

    public AvroWireSerializer() {
    }

    public AvroWireSerializer(AvroCodec codec) {
        this.codec = codec;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (codec == null) {
            codec = codecFrom(configs);
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        return codec.encode(topic + (isKey ? "-key" : "-value"), data);
    }

    static AvroCodec codecFrom(Map<String, ?> configs) {
        Object url = configs.get(REGISTRY_URL);
        if (url == null) {
            throw new IllegalArgumentException(REGISTRY_URL + " must be set");
        }
        Object auth = configs.get(BASIC_AUTH_USER_INFO);
        Object autoRegister = configs.get(AUTO_REGISTER);
        return new AvroCodec(new SchemaRegistryClient(url.toString(), auth == null ? null : auth.toString(),
                Duration.ofSeconds(5)), autoRegister == null || Boolean.parseBoolean(autoRegister.toString()));
    }
}
