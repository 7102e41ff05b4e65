package org.civicdispatch.audit.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicdispatch.audit.access.Caller;
import org.civicdispatch.audit.chain.ChainHash;
import org.civicdispatch.audit.chain.ChainedRow;
import org.civicdispatch.audit.store.ChainRows;
import org.civicdispatch.audit.store.QueryLog;

/**
 * Writes a period's events (record time in [from, to)) in chain order to an Avro or NDJSON file. The same period
 * over the same log gives the same bytes. Every {@code checkpointEvery} rows the file is made durable and a sidecar
 * notes where it stands; run the same export again after an interruption and it continues from there.
 */
public class ExportingAPeriod {

    /** Told after every row written. */
    public interface Progress {
        Progress NONE = (done, total) -> {
        };

        void advanced(long done, long total);
    }

    public record Request(Instant from, Instant to, ExportFormat format, boolean unmasked, Path file) {
    }

    public record Result(Path file, ExportFormat format, long rows, boolean masked, boolean resumed,
                         String sha256) {
    }

    private final ChainRows rows;
    private final QueryLog queries;
    private final int checkpointEvery;

    public ExportingAPeriod(ChainRows rows, QueryLog queries, int checkpointEvery) {
        this.rows = rows;
        this.queries = queries;
        this.checkpointEvery = checkpointEvery;
    }

    public Result export(Caller caller, Request request, Progress progress) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", request.from());
        parameters.put("to", request.to());
        parameters.put("format", request.format());
        parameters.put("unmasked", request.unmasked());
        parameters.put("file", request.file() == null ? null : request.file().toAbsolutePath());
        queries.record(caller, QueryLog.EXPORT, parameters);
        ReplayRefusedException.requirePeriod(request.from(), request.to());
        if (request.unmasked() && !caller.maySeePersonalData()) {
            throw new ReplayRefusedException(ReplayRefusedException.Reason.FORBIDDEN,
                    "an unmasked export needs the role " + Caller.AUDITOR_PII);
        }
        try {
            return run(request, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("export to " + request.file() + " failed", e);
        }
    }

    private Result run(Request request, Progress progress) throws IOException {
        String identity = request.format() + " " + request.from() + " " + request.to()
                + (request.unmasked() ? " unmasked" : " masked");
        ExportProgressFile sidecar = new ExportProgressFile(request.file());
        Optional<ExportProgressFile.Progress> saved = sidecar.read();
        if (saved.isPresent() && !saved.get().identity().equals(identity)) {
            throw new ReplayRefusedException(ReplayRefusedException.Reason.OTHER_EXPORT_IN_PROGRESS,
                    sidecar.path() + " belongs to another export (" + saved.get().identity()
                            + "); finish that one or delete the sidecar");
        }
        ExportProgressFile.Progress at = saved.orElseGet(() -> {
            long upTo = rows.head().lastSeq();
            return new ExportProgressFile.Progress(identity, upTo,
                    rows.countInPeriod(request.from(), request.to(), upTo), 0, 0, 0);
        });
        try (ExportWriter writer = open(request, identity, saved)) {
            if (saved.isEmpty()) {
                at = new ExportProgressFile.Progress(identity, at.upToSeq(), at.total(), 0, 0, writer.checkpoint());
                sidecar.save(at);
            }
            while (true) {
                List<ChainedRow> page = rows.periodPage(request.from(), request.to(), at.lastSeq(), at.upToSeq(),
                        checkpointEvery);
                long done = at.rows();
                for (ChainedRow row : page) {
                    writer.write(ExportedRecord.of(row, request.unmasked()));
                    progress.advanced(++done, at.total());
                }
                if (page.isEmpty()) {
                    break;
                }
                at = new ExportProgressFile.Progress(identity, at.upToSeq(), at.total(),
                        page.get(page.size() - 1).content().seq(), done, writer.checkpoint());
                sidecar.save(at);
                if (page.size() < checkpointEvery) {
                    break;
                }
            }
        }
        sidecar.delete();
        return new Result(request.file(), request.format(), at.rows(), !request.unmasked(), saved.isPresent(),
                sha256(request.file()));
    }

    private static ExportWriter open(Request request, String identity, Optional<ExportProgressFile.Progress> saved)
            throws IOException {
        Path file = request.file();
        if (saved.isPresent()) {
            long bytes = saved.get().bytes();
            return request.format() == ExportFormat.AVRO ? AvroExportWriter.resume(file, bytes)
                    : NdjsonExportWriter.resume(file, bytes);
        }
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        if (request.format() == ExportFormat.NDJSON) {
            return NdjsonExportWriter.create(file);
        }
        // The sync marker derives from what the export is, never from when it ran.
        byte[] sync = Arrays.copyOf(digest().digest(("civic-audit-export " + identity)
                .getBytes(StandardCharsets.UTF_8)), 16);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("civic.audit.from", request.from().toString());
        metadata.put("civic.audit.to", request.to().toString());
        metadata.put("civic.audit.masked", Boolean.toString(!request.unmasked()));
        return AvroExportWriter.create(file, sync, metadata);
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return ChainHash.hex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
