package org.civicdispatch.audit.replay;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.civicdispatch.audit.chain.ChainHash;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One JSON object per line, fields in a fixed order, so the same rows give the same bytes. */
final class NdjsonExportWriter implements ExportWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final FileOutputStream fileOut;
    private final BufferedOutputStream out;

    private NdjsonExportWriter(Path file, boolean append) throws IOException {
        this.file = file;
        this.fileOut = new FileOutputStream(file.toFile(), append);
        this.out = new BufferedOutputStream(fileOut, 64 * 1024);
    }

    static NdjsonExportWriter create(Path file) throws IOException {
        return new NdjsonExportWriter(file, false);
    }

    static NdjsonExportWriter resume(Path file, long length) throws IOException {
        ExportWriter.truncate(file, length);
        return new NdjsonExportWriter(file, true);
    }

    @Override
    public void write(ExportedRecord r) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("chainSeq", r.chainSeq());
        line.put("eventId", r.eventId());
        line.put("topic", r.topic());
        line.put("partition", r.partition());
        line.put("offset", r.offset());
        line.put("key", r.key());
        line.put("caseId", r.caseId());
        line.put("eventType", r.eventType());
        line.put("schemaId", r.schemaId());
        line.put("recordTimestamp", r.recordTimestamp() == null ? null : r.recordTimestamp().toString());
        line.put("appendedAt", r.appendedAt().toString());
        ObjectNode headers = line.putObject("headers");
        r.headers().forEach(headers::put);
        line.set("payload", r.payloadJson() == null ? null : JSON.readTree(r.payloadJson()));
        line.put("decodeError", r.decodeError());
        line.put("raw", r.raw() == null ? null : Base64.getEncoder().encodeToString(r.raw()));
        line.put("rowHash", ChainHash.hex(r.rowHash()));
        line.put("masked", r.masked());
        out.write(JSON.writeValueAsString(line).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    @Override
    public long checkpoint() throws IOException {
        out.flush();
        fileOut.getFD().sync();
        return Files.size(file);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
