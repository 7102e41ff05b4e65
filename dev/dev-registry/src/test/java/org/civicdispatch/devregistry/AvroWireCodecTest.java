package org.civicdispatch.devregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.civicdispatch.events.Channel;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.Reporter;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.registry.RegistryUnavailableException;
import org.civicdispatch.registry.SchemaRegistryClient;
import org.civicdispatch.registry.SchemaRegistryException;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.registry.wire.AvroWireDeserializer;
import org.civicdispatch.registry.wire.AvroWireSerializer;
import org.civicdispatch.registry.wire.DecodedRecord;
import org.civicdispatch.registry.wire.UnreadableRecordException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Confluent wire format against a real registry (here, since registry-client cannot depend on it). */
class AvroWireCodecTest {

    private static final String TOPIC = "incident-reports";
    private static final Instant REPORTED = Instant.parse("2025-03-01T08:15:30.123Z");
    private static final Instant ACCEPTED = Instant.parse("2025-03-01T08:16:02.456Z");

    @RegisterExtension
    static final RunningRegistry REGISTRY = new RunningRegistry();
    private static AvroCodec codec;

    @BeforeAll
    static void startRegistry() {
        codec = new AvroCodec(new SchemaRegistryClient(REGISTRY.url()), true);
    }

    private static IncidentReported incident(String caseId) {
        return IncidentReported.newBuilder()
                .setCaseId(caseId)
                .setChannel(Channel.MOBILE_APP)
                .setExternalId("app-4711")
                .setCategory("sanitation.garbage-overflow")
                .setDescription("Bins overflowing at the market, 多日未清")
                .setLocation(Location.newBuilder().setLatitude(31.2304).setLongitude(121.4737)
                        .setAddress("1 Market St").setGridCode("G-17").build())
                .setReporter(Reporter.newBuilder().setName("Li Wei").setPhone("+86 555 0100").build())
                .setUrgency(Urgency.URGENT)
                .setReportedAt(REPORTED)
                .setAcceptedAt(ACCEPTED)
                .build();
    }

    @Test
    void shouldRoundTripAGeneratedClassThroughSerdesConfiguredByProperties() {
        IncidentReported incident = incident("case-1");
        try (AvroWireSerializer<IncidentReported> serializer = new AvroWireSerializer<>();
             AvroWireDeserializer<IncidentReported> deserializer = new AvroWireDeserializer<>()) {
            serializer.configure(Map.of(AvroWireSerializer.REGISTRY_URL, REGISTRY.url()), false);
            deserializer.configure(Map.of(AvroWireSerializer.REGISTRY_URL, REGISTRY.url(),
                    AvroWireDeserializer.VALUE_TYPE, IncidentReported.class.getName()), false);

            byte[] bytes = serializer.serialize(TOPIC, incident);
            IncidentReported read = deserializer.deserialize(TOPIC, bytes);

            int id = new SchemaRegistryClient(REGISTRY.url()).getLatest(TOPIC + "-value").id();
            assertThat(bytes[0]).isEqualTo(AvroCodec.MAGIC_BYTE);
            assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
            assertThat(AvroCodec.schemaId(bytes)).isEqualTo(id);
            assertThat(read).isEqualTo(incident);
            assertThat(read.getReportedAt()).isEqualTo(REPORTED);
            assertThat(serializer.serialize(TOPIC, null)).isNull();
            assertThat(deserializer.deserialize(TOPIC, null)).isNull();
        }
    }

    @Test
    void shouldRegisterKeysUnderTheKeySubject() {
        try (AvroWireSerializer<IncidentReported> serializer = new AvroWireSerializer<>(codec)) {
            serializer.configure(Map.of(), true);

            byte[] bytes = serializer.serialize("keyed-incidents", incident("case-key"));

            assertThat(codec.registry().getLatest("keyed-incidents-key").id()).isEqualTo(AvroCodec.schemaId(bytes));
        }
    }

    @Test
    void shouldDecodeIntoGenericRecordsWithTheWritersSchema() {
        byte[] bytes = codec.encode(TOPIC + "-value", incident("case-2"));

        DecodedRecord<Object> decoded = codec.decodeGeneric(bytes);

        assertThat(decoded.schemaId()).isEqualTo(AvroCodec.schemaId(bytes));
        assertThat(decoded.writerSchema()).isEqualTo(IncidentReported.getClassSchema());
        assertThat(decoded.value()).isInstanceOf(GenericRecord.class).isNotInstanceOf(IncidentReported.class);
        GenericRecord record = (GenericRecord) decoded.value();
        assertThat(record.get("caseId").toString()).isEqualTo("case-2");
        assertThat(record.get("channel").toString()).isEqualTo("MOBILE_APP");
        assertThat(record.get("reportedAt")).isEqualTo(REPORTED.toEpochMilli());
        assertThat(((GenericRecord) record.get("location")).get("gridCode").toString()).isEqualTo("G-17");
    }

    @Test
    void shouldDeserializeIntoGenericRecordsWhenNoTypeIsConfigured() {
        byte[] bytes = codec.encode(TOPIC + "-value", incident("case-3"));
        try (AvroWireDeserializer<Object> deserializer = new AvroWireDeserializer<>()) {
            deserializer.configure(Map.of(AvroWireSerializer.REGISTRY_URL, REGISTRY.url()), false);

            Object read = deserializer.deserialize(TOPIC, bytes);

            assertThat(read).isInstanceOf(GenericRecord.class);
            assertThat(((GenericRecord) read).get("caseId").toString()).isEqualTo("case-3");
        }
    }

    @Test
    void shouldWriteAGenericRecordBackUnchanged() {
        byte[] bytes = codec.encode(TOPIC + "-value", incident("case-4"));
        GenericRecord generic = (GenericRecord) codec.decodeGeneric(bytes).value();

        byte[] again = codec.encode(TOPIC + "-value", generic);

        assertThat(again).isEqualTo(bytes);
        assertThat(codec.decode(again, IncidentReported.class).value()).isEqualTo(incident("case-4"));
    }

    @Test
    void shouldReadDataWrittenWithAnOlderSchemaIntoTheCurrentClass() {
        String subject = "evolving-incidents-value";
        Schema current = IncidentReported.getClassSchema();
        Schema old = without(current, "urgency");
        GenericRecord written = new GenericRecordBuilder(old)
                .set("caseId", "case-old")
                .set("channel", new GenericData.EnumSymbol(current.getField("channel").schema(), "HOTLINE_12345"))
                .set("category", "roads.pothole")
                .set("description", "Pothole")
                .set("location", new GenericRecordBuilder(Location.getClassSchema()).set("address", "2 Bridge Rd")
                        .build())
                .set("reportedAt", REPORTED.toEpochMilli())
                .set("acceptedAt", ACCEPTED.toEpochMilli())
                .build();

        byte[] oldBytes = codec.encode(subject, written);
        byte[] newBytes = codec.encode(subject, incident("case-new"));
        DecodedRecord<IncidentReported> read = codec.decode(oldBytes, IncidentReported.class);

        assertThat(codec.registry().versions(subject)).containsExactly(1, 2);
        assertThat(AvroCodec.schemaId(oldBytes)).isNotEqualTo(AvroCodec.schemaId(newBytes));
        assertThat(read.writerSchema()).isEqualTo(old);
        IncidentReported incident = read.value();
        assertThat(incident.getCaseId()).isEqualTo("case-old");
        assertThat(incident.getChannel()).isEqualTo(Channel.HOTLINE_12345);
        assertThat(incident.getUrgency()).as("default of the field added later").isEqualTo(Urgency.ROUTINE);
        assertThat(incident.getExternalId()).isNull();
        assertThat(incident.getLocation().getAddress()).isEqualTo("2 Bridge Rd");
        assertThat(incident.getReportedAt()).isEqualTo(REPORTED);
        assertThat(((GenericRecord) codec.decodeGeneric(oldBytes).value()).hasField("urgency")).isFalse();
        assertThat(codec.decode(newBytes, IncidentReported.class).value()).isEqualTo(incident("case-new"));

        try (AvroWireDeserializer<IncidentReported> deserializer =
                     new AvroWireDeserializer<>(codec, IncidentReported.class)) {
            assertThat(deserializer.deserialize("evolving-incidents", oldBytes).getUrgency())
                    .isEqualTo(Urgency.ROUTINE);
        }
    }

    @Test
    void shouldRefuseABadMagicByte() {
        byte[] bytes = codec.encode(TOPIC + "-value", incident("case-5"));
        bytes[0] = 0x7b;

        assertThatThrownBy(() -> codec.decode(bytes, IncidentReported.class))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("magic byte 0x7b");
        byte[] json = "{\"caseId\":\"c\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decodeGeneric(json))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("magic byte 0x7b");
    }

    @Test
    void shouldRefuseFewerThanFiveBytes() {
        for (byte[] bytes : List.of(new byte[0], new byte[] {0}, new byte[] {0, 0, 0, 1})) {
            assertThatThrownBy(() -> codec.decode(bytes, IncidentReported.class))
                    .isInstanceOf(UnreadableRecordException.class)
                    .hasMessageContaining(bytes.length + " bytes").hasMessageContaining("5-byte");
        }
        assertThatThrownBy(() -> codec.decodeGeneric(null)).isInstanceOf(UnreadableRecordException.class);
    }

    @Test
    void shouldRefuseAnUnknownSchemaId() {
        byte[] bytes = codec.encode(TOPIC + "-value", incident("case-6"));
        ByteBuffer.wrap(bytes).putInt(1, 99999);

        assertThatThrownBy(() -> codec.decode(bytes, IncidentReported.class))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("schema id 99999")
                .hasMessageContaining("not in the registry");
        ByteBuffer.wrap(bytes).putInt(1, -1);
        assertThatThrownBy(() -> codec.decodeGeneric(bytes))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("schema id -1");
    }

    @Test
    void shouldRefuseATruncatedBody() {
        byte[] bytes = codec.encode(TOPIC + "-value", incident("case-7"));

        for (int length = AvroCodec.HEADER_LENGTH; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> codec.decode(truncated, IncidentReported.class)).as("%d bytes", length)
                    .isInstanceOf(UnreadableRecordException.class)
                    .hasMessageContaining("schema id " + AvroCodec.schemaId(bytes));
            assertThatThrownBy(() -> codec.decodeGeneric(truncated)).isInstanceOf(UnreadableRecordException.class);
        }
    }

    @Test
    void shouldRefuseTrailingGarbage() {
        byte[] bytes = codec.encode(TOPIC + "-value", incident("case-8"));
        byte[] padded = Arrays.copyOf(bytes, bytes.length + 3);

        assertThatThrownBy(() -> codec.decode(padded, IncidentReported.class))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("left over");
        assertThatThrownBy(() -> codec.decodeGeneric(padded))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("left over");
    }

    @Test
    void shouldRefuseCorruptBodiesOnlyWithUnreadableRecordException() {
        byte[] bytes = codec.encode(TOPIC + "-value", incident("case-9"));
        List<String> unexpected = new ArrayList<>();

        for (int position = AvroCodec.HEADER_LENGTH; position < bytes.length; position++) {
            for (int value : new int[] {0x00, 0x01, 0x7f, 0x80, 0xff, bytes[position] ^ 0x55}) {
                byte[] corrupt = bytes.clone();
                corrupt[position] = (byte) value;
                for (boolean generic : new boolean[] {false, true}) {
                    try {
                        if (generic) {
                            codec.decodeGeneric(corrupt);
                        } else {
                            codec.decode(corrupt, IncidentReported.class);
                        }
                    } catch (UnreadableRecordException expected) {
                        // the record belongs in the DLQ
                    } catch (RuntimeException e) {
                        unexpected.add("byte " + position + " = " + value + (generic ? " generic: " : ": ") + e);
                    }
                }
            }
        }

        assertThat(unexpected).isEmpty();
    }

    @Test
    void shouldSayTheRegistryIsUnavailableWhenItCannotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AvroCodec offline = new AvroCodec(new SchemaRegistryClient("http://127.0.0.1:" + closedPort), true);
        byte[] bytes = codec.encode(TOPIC + "-value", incident("case-10"));

        assertThatThrownBy(() -> offline.decode(bytes, IncidentReported.class))
                .isInstanceOf(RegistryUnavailableException.class).isNotInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort);
        assertThatThrownBy(() -> offline.decodeGeneric(bytes)).isInstanceOf(RegistryUnavailableException.class);
        assertThatThrownBy(() -> offline.encode(TOPIC + "-value", incident("case-10")))
                .isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void shouldSayTheRegistryIsUnavailableWhenItRefusesUsRatherThanBlameTheRecord() throws IOException {
        HttpServer refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        refusing.createContext("/", exchange -> {
            byte[] body = "{\"error_code\":40101,\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", RegistryHttp.CONTENT_TYPE);
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        refusing.start();
        try {
            AvroCodec unauthorized = new AvroCodec(new SchemaRegistryClient("http://127.0.0.1:"
                    + refusing.getAddress().getPort()), true);
            byte[] bytes = codec.encode(TOPIC + "-value", incident("case-11"));

            assertThatThrownBy(() -> unauthorized.decode(bytes, IncidentReported.class))
                    .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("Unauthorized");
        } finally {
            refusing.stop(0);
        }
    }

    @Test
    void shouldNotRegisterWhenAutoRegisterIsOff() {
        try (AvroWireSerializer<GenericRecord> serializer = new AvroWireSerializer<>()) {
            serializer.configure(Map.of(AvroWireSerializer.REGISTRY_URL, REGISTRY.url(),
                    AvroWireSerializer.AUTO_REGISTER, "false"), false);
            Schema schema = RegistryHttp.record("NeverRegistered", "{\"name\":\"a\",\"type\":\"int\"}");
            GenericRecord record = new GenericRecordBuilder(schema).set("a", 1).build();

            assertThatThrownBy(() -> serializer.serialize("unregistered", record))
                    .isInstanceOf(SchemaRegistryException.class);
            assertThat(codec.registry().subjects()).doesNotContain("unregistered-value");
        }
    }

    private static Schema without(Schema schema, String field) {
        List<Schema.Field> fields = schema.getFields().stream().filter(f -> !f.name().equals(field))
                .map(f -> new Schema.Field(f, f.schema())).toList();
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
