package org.civicdispatch.contract.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** Parses a folder of .avsc files the way the build does: shared types in its subfolders first. */
public final class SchemaFiles {

    private SchemaFiles() {
    }

    /**
     * Every top-level schema in the folder, by full name. A file that names a type defined in a later file is
     * moved behind it and the folder parsed again, as the Avro Maven plugin does.
     */
    public static Map<String, Schema> load(Path dir) {
        List<Path> order = new ArrayList<>();
        subfolders(dir).forEach(sub -> order.addAll(avscFiles(sub)));
        order.addAll(avscFiles(dir));
        for (int pass = 0; pass <= order.size(); pass++) {
            Schema.Parser parser = new Schema.Parser();
            Map<String, Schema> byName = new LinkedHashMap<>();
            Path current = null;
            try {
                for (Path file : order) {
                    current = file;
                    Schema schema = parse(parser, file);
                    byName.put(schema.getFullName(), schema);
                }
                return byName;
            } catch (SchemaParseException | AvroTypeException e) {
                if (!String.valueOf(e.getMessage()).startsWith("Undefined name")
                        && !String.valueOf(e.getMessage()).startsWith("Undefined schema")) {
                    throw new SchemaParseException(current + ": " + e.getMessage());
                }
                order.remove(current);
                order.add(current);
            }
        }
        throw new SchemaParseException("cannot resolve the types named across " + dir);
    }

    private static Schema parse(Schema.Parser parser, Path file) {
        try {
            return parser.parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<Path> subfolders(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> avscFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".avsc")).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
