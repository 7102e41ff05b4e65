package org.civicdispatch.audit.replay;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The sidecar {@code <export>.progress}: which export it is, the last row written and the file's length at that
 * checkpoint. Replaced atomically, so it always names a complete checkpoint; deleted when the export completes.
 */
final class ExportProgressFile {

    /** Where an export stands; {@code upToSeq} pins the chain head it started at, so a resume sees the same rows. */
    record Progress(String identity, long upToSeq, long total, long lastSeq, long rows, long bytes) {
    }

    private final Path path;

    ExportProgressFile(Path export) {
        this.path = export.resolveSibling(export.getFileName() + ".progress");
    }

    Path path() {
        return path;
    }

    Optional<Progress> read() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(path)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return Optional.of(new Progress(p.getProperty("export"), Long.parseLong(p.getProperty("upToSeq")),
                Long.parseLong(p.getProperty("total")), Long.parseLong(p.getProperty("lastSeq")),
                Long.parseLong(p.getProperty("rows")), Long.parseLong(p.getProperty("bytes"))));
    }

    void save(Progress progress) throws IOException {
        Properties p = new Properties();
        p.setProperty("export", progress.identity());
        p.setProperty("upToSeq", Long.toString(progress.upToSeq()));
        p.setProperty("total", Long.toString(progress.total()));
        p.setProperty("lastSeq", Long.toString(progress.lastSeq()));
        p.setProperty("rows", Long.toString(progress.rows()));
        p.setProperty("bytes", Long.toString(progress.bytes()));
        Path next = path.resolveSibling(path.getFileName() + ".next");
        try (Writer out = Files.newBufferedWriter(next)) {
            p.store(out, "civic-dispatch audit export in progress: run the same export again to continue");
        }
        Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void delete() throws IOException {
        Files.deleteIfExists(path);
    }
}
