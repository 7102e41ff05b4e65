package org.civicdispatch.audit.domain;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Avro data as plain JSON that any parser (and PostgreSQL jsonb) accepts, unlike {@code GenericData.toString}:
 * unions show the branch's value without a wrapper, enums their symbol, bytes and fixed are Base64, timestamps stay
 * epoch milliseconds as written, and NaN or infinities become strings.
 */
public final class AvroJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {
    }

    public static JsonNode toJson(Object datum) {
        if (datum == null) {
            return NODES.nullNode();
        }
        if (datum instanceof GenericRecord record) {
            ObjectNode node = NODES.objectNode();
            for (Schema.Field field : record.getSchema().getFields()) {
                node.set(SafeText.of(field.name()), toJson(record.get(field.pos())));
            }
            return node;
        }
        if (datum instanceof CharSequence || datum instanceof GenericEnumSymbol<?>) {
            return NODES.stringNode(SafeText.of(datum.toString()));
        }
        if (datum instanceof Enum<?> symbol) {
            return NODES.stringNode(symbol.name());
        }
        if (datum instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (datum instanceof Integer i) {
            return NODES.numberNode(i.intValue());
        }
        if (datum instanceof Long l) {
            return NODES.numberNode(l.longValue());
        }
        if (datum instanceof Float || datum instanceof Double) {
            double d = ((Number) datum).doubleValue();
            return Double.isFinite(d) ? NODES.numberNode(d) : NODES.stringNode(Double.toString(d));
        }
        if (datum instanceof ByteBuffer bytes) {
            return NODES.stringNode(Base64.getEncoder().encodeToString(bytesOf(bytes)));
        }
        if (datum instanceof GenericFixed fixed) {
            return NODES.stringNode(Base64.getEncoder().encodeToString(fixed.bytes()));
        }
        if (datum instanceof Collection<?> items) {
            ArrayNode node = NODES.arrayNode(items.size());
            items.forEach(item -> node.add(toJson(item)));
            return node;
        }
        if (datum instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            map.forEach((key, value) -> node.set(SafeText.of(String.valueOf(key)), toJson(value)));
            return node;
        }
        throw new IllegalArgumentException("no JSON form for Avro datum of " + datum.getClass().getName());
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        // A duplicate, so reading does not move the record's own buffer.
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
