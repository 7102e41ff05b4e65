package org.civicdispatch.contract.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Build step: every schema released in {@code src/released/vN} must still be readable by the current schema of
 * the same name (BACKWARD: new readers read old data), checked with Avro's own SchemaCompatibility.
 */
public final class ReleasedSchemaGate {

    private ReleasedSchemaGate() {
    }

    public static void main(String[] args) {
        Path current = Path.of(args[0]);
        Path releasedRoot = Path.of(args[1]);
        Optional<Path> released = latestRelease(releasedRoot);
        if (released.isEmpty()) {
            System.out.println("[schema-gate] no released schemas under " + releasedRoot + ": nothing to check");
            return;
        }
        List<String> problems = check(SchemaFiles.load(released.get()), SchemaFiles.load(current));
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("[schema-gate] " + p));
            throw new IllegalStateException(problems.size() + " schema(s) not BACKWARD compatible with "
                    + released.get().getFileName() + ": " + String.join("; ", problems));
        }
        System.out.println("[schema-gate] all schemas BACKWARD compatible with " + released.get().getFileName());
    }

    /** The problems found, empty when every released schema can be read by its current version. */
    public static List<String> check(Map<String, Schema> released, Map<String, Schema> current) {
        List<String> problems = new ArrayList<>();
        released.forEach((name, writer) -> {
            Schema reader = current.get(name);
            if (reader == null) {
                problems.add(name + " was released but no longer exists");
                return;
            }
            SchemaCompatibility.SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add(name + ": " + result.getResult().getIncompatibilities().stream()
                        .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                        .toList());
            }
        });
        return problems;
    }

    static Optional<Path> latestRelease(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().matches("v\\d+"))
                    .max(Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString().substring(1))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
