package org.civicdispatch.audit.replay;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.file.SeekableFileInput;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * An Avro object container file, byte for byte the same for the same rows: the sync marker derives from the
 * export's parameters instead of being random, there is no codec (compressors may differ between JDKs), and blocks
 * end at every checkpoint, so a resumed export lays its blocks exactly where an uninterrupted one would.
 */
final class AvroExportWriter implements ExportWriter {

    private final Path file;
    private final FileOutputStream out;
    private final DataFileWriter<GenericRecord> writer;

    private AvroExportWriter(Path file, FileOutputStream out, DataFileWriter<GenericRecord> writer) {
        this.file = file;
        this.out = out;
        this.writer = writer;
    }

    static AvroExportWriter create(Path file, byte[] syncMarker, Map<String, String> metadata) throws IOException {
        DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(ExportedRecord.SCHEMA));
        writer.setCodec(CodecFactory.nullCodec());
        metadata.forEach(writer::setMeta);
        FileOutputStream out = new FileOutputStream(file.toFile(), false);
        writer.create(ExportedRecord.SCHEMA, out, syncMarker);
        return new AvroExportWriter(file, out, writer);
    }

    static AvroExportWriter resume(Path file, long length) throws IOException {
        ExportWriter.truncate(file, length);
        DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(ExportedRecord.SCHEMA));
        FileOutputStream out = new FileOutputStream(file.toFile(), true);
        try (SeekableFileInput existing = new SeekableFileInput(file.toFile())) {
            writer.appendTo(existing, out);
        }
        return new AvroExportWriter(file, out, writer);
    }

    @Override
    public void write(ExportedRecord record) throws IOException {
        writer.append(record.toAvro());
    }

    @Override
    public long checkpoint() throws IOException {
        writer.sync();
        writer.flush();
        out.getFD().sync();
        return Files.size(file);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
