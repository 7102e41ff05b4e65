package org.civicdispatch.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AvroJsonTest {

    private static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type": "record", "name": "Sample", "namespace": "test",
             "fields": [
              {"name": "id", "type": "string"},
              {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B"]}},
              {"name": "note", "type": ["null", "string"], "default": null},
              {"name": "place", "type": ["null", {"type": "record", "name": "Place",
                                                  "fields": [{"name": "lat", "type": "double"}]}]},
              {"name": "tags", "type": {"type": "array", "items": "string"}},
              {"name": "counts", "type": {"type": "map", "values": "int"}},
              {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "blob", "type": "bytes"},
              {"name": "ratio", "type": "double"},
              {"name": "done", "type": "boolean"}
             ]}""");

    private final JsonMapper strictParser = JsonMapper.builder().build();

    @Test
    void shouldRenderAGenericRecordAsValidJsonWithUnionsEnumsArraysAndTimestamps() {
        GenericRecord place = new GenericData.Record(SCHEMA.getField("place").schema().getTypes().get(1));
        place.put("lat", 43.88);
        GenericRecord record = new GenericRecordBuilder(SCHEMA)
                .set("id", "C-1 \"quoted\"\n")
                .set("kind", new GenericData.EnumSymbol(SCHEMA.getField("kind").schema(), "B"))
                .set("note", null)
                .set("place", place)
                .set("tags", List.of("x", "y"))
                .set("counts", Map.of("k", 2))
                .set("at", 1_795_000_000_000L)
                .set("blob", ByteBuffer.wrap(new byte[] {1, 2, (byte) 255}))
                .set("ratio", Double.NaN)
                .set("done", true)
                .build();

        JsonNode json = strictParser.readTree(AvroJson.toJson(record).toString());

        assertThat(json.get("id").asString()).isEqualTo("C-1 \"quoted\"\n");
        assertThat(json.get("kind").asString()).isEqualTo("B");
        assertThat(json.get("note").isNull()).isTrue();
        assertThat(json.get("place").get("lat").asDouble()).isEqualTo(43.88);
        assertThat(json.get("tags").get(1).asString()).isEqualTo("y");
        assertThat(json.get("counts").get("k").asInt()).isEqualTo(2);
        assertThat(json.get("at").asLong()).isEqualTo(1_795_000_000_000L);
        assertThat(json.get("blob").asString()).isEqualTo("AQL/");
        assertThat(json.get("ratio").asString()).isEqualTo("NaN");
        assertThat(json.get("done").asBoolean()).isTrue();
    }

    @Test
    void shouldNotMoveTheRecordsByteBufferWhenRendering() {
        ByteBuffer bytes = ByteBuffer.wrap("abc".getBytes(StandardCharsets.UTF_8));

        AvroJson.toJson(bytes);

        assertThat(bytes.remaining()).isEqualTo(3);
    }

    @Test
    void shouldReplaceNulCharactersThatPostgresCannotStore() {
        assertThat(AvroJson.toJson("a\u0000b").asString()).isEqualTo("a\uFFFDb");
    }
}
