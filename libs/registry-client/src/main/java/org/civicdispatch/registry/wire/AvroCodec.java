package org.civicdispatch.registry.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.registry.RegistryUnavailableException;
import org.civicdispatch.registry.SchemaRegistryClient;
import org.civicdispatch.registry.SchemaRegistryException;

/**
 * The Confluent wire format: magic byte 0, the 4-byte big-endian schema id, then the Avro binary body.
 * Writers register under a subject; readers resolve the writer schema by id and read it into their own schema.
 */
public class AvroCodec {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_LENGTH = 5;

    private final SchemaRegistryClient registry;
    private final boolean autoRegister;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    public AvroCodec(SchemaRegistryClient registry, boolean autoRegister) {
        this.registry = registry;
        this.autoRegister = autoRegister;
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    /** Frames the record under the subject's schema id, registering the schema first when allowed. */
    public byte[] encode(String subject, GenericContainer record) {
        Schema schema = record.getSchema();
        int id = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writers.computeIfAbsent(schema, AvroCodec::writerFor).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Reads into the generated class {@code type}, resolving the writer's schema against the class's schema. */
    public <T extends SpecificRecord> DecodedRecord<T> decode(byte[] data, Class<T> type) {
        return decode(data, SpecificData.get().getSchema(type), true);
    }

    /** Reads with the writer's own schema into a GenericRecord: for consumers that handle any topic, like audit. */
    public DecodedRecord<Object> decodeGeneric(byte[] data) {
        return decode(data, null, false);
    }

    /** The schema id in the header, after checking the frame. */
    public static int schemaId(byte[] data) {
        if (data == null || data.length < HEADER_LENGTH) {
            throw new UnreadableRecordException("record of " + (data == null ? 0 : data.length)
                    + " bytes is shorter than the 5-byte Confluent wire-format header");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new UnreadableRecordException(String.format(
                    "unknown magic byte 0x%02x: not in the Confluent wire format (magic byte 0, schema id, Avro)",
                    data[0]));
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }

    @SuppressWarnings("unchecked")
    private <T> DecodedRecord<T> decode(byte[] data, Schema readerSchema, boolean specific) {
        int id = schemaId(data);
        Schema writerSchema;
        try {
            writerSchema = registry.getById(id);
        } catch (SchemaRegistryException e) {
            if (e.status() != 404) {
                // 401, 403, 429, ...: the registry refuses us, the record is not at fault; worth retrying.
                throw new RegistryUnavailableException("schema registry at " + registry.baseUrl()
                        + " refused schema id " + id + ": " + e.getMessage(), e);
            }
            throw new UnreadableRecordException("schema id " + id + " is not in the registry: " + e.getMessage(), e);
        }
        DatumReader<Object> reader = readers.computeIfAbsent(new ReaderKey(id, readerSchema, specific),
                key -> readerFor(writerSchema, key));
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, HEADER_LENGTH, data.length - HEADER_LENGTH,
                null);
        try {
            Object value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new UnreadableRecordException("schema id " + id + ": " + (data.length - HEADER_LENGTH)
                        + "-byte body has bytes left over after the record: corrupt or wrong schema id");
            }
            return new DecodedRecord<>(id, writerSchema, (T) value);
        } catch (UnreadableRecordException | SecurityException e) {
            // A class outside the trusted packages is a misconfiguration of this service, not a bad record.
            throw e;
        } catch (IOException | RuntimeException e) {
            // Corrupt bytes surface as many exception types (EOFException, AvroRuntimeException,
            // IndexOutOfBoundsException, UnsupportedOperationException for absurd string lengths, ...):
            // all of them mean the record cannot be read, however often it is retried.
            throw new UnreadableRecordException("schema id " + id + ": Avro body does not match "
                    + writerSchema.getFullName() + (readerSchema == null ? "" : " as read by "
                    + readerSchema.getFullName()) + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(Schema schema) {
        // Generated classes live in trusted packages; anything else is written generically.
        return SpecificData.get().getClass(schema) != null
                ? (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(schema)
                : (DatumWriter<Object>) (DatumWriter<?>) new GenericDatumWriter<>(schema, GenericData.get());
    }

    @SuppressWarnings("unchecked")
    private static DatumReader<Object> readerFor(Schema writer, ReaderKey key) {
        if (key.specific()) {
            return (DatumReader<Object>) (DatumReader<?>) new SpecificDatumReader<>(writer, key.reader());
        }
        return new GenericDatumReader<>(writer, writer, GenericData.get());
    }

    /**
     * Looked up for every record: an int and the reader's identity (the generated class's own schema instance) keep
     * that cheap. With the writer's Schema in the key and the record's generated equals (method handles, slow under
     * the services' C1-only JIT), the lookup took ~9 % of audit's CPU samples (JFR, BENCHMARKS.md).
     */
    private record ReaderKey(int writerId, Schema reader, boolean specific) {

        @Override
        public boolean equals(Object o) {
            return o instanceof ReaderKey k && writerId == k.writerId && specific == k.specific
                    && reader == k.reader;
        }

        @Override
        public int hashCode() {
            return (31 * writerId + System.identityHashCode(reader)) * 2 + (specific ? 1 : 0);
        }
    }
}
