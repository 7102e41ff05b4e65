package org.civicdispatch.devregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.civicdispatch.registry.CompatibilityLevel;
import org.civicdispatch.registry.ErrorCodes;

/**
 * The registry's state, rebuilt from and written through a log of key/value JSON records in the layout of the
 * Confluent {@code _schemas} topic. Writes are serialized: one instance assigns ids.
 */
final class SchemaStore {

    /** Durable append of one record; a null value deletes the key (a compaction tombstone). */
    interface Log {
        void append(String key, String value);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Log log;
    private final Map<String, List<SchemaVersion>> subjects = new TreeMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByText = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    SchemaStore(Log log, CompatibilityLevel defaultLevel) {
        this.log = log;
        this.globalLevel = defaultLevel;
    }

    /** Applies one record of the log: at start-up for each record read, and after each write. */
    synchronized void apply(String key, String value) {
        JsonNode k = read(key);
        JsonNode v = value == null ? null : read(value);
        switch (k.path("keytype").asText()) {
            case "SCHEMA" -> applySchema(k.path("subject").asText(), k.path("version").asInt(), v);
            case "CONFIG" -> {
                String subject = k.path("subject").isNull() || k.path("subject").isMissingNode() ? null
                        : k.path("subject").asText();
                CompatibilityLevel level = v == null ? null
                        : CompatibilityLevel.valueOf(v.path("compatibilityLevel").asText());
                if (subject == null) {
                    globalLevel = level == null ? CompatibilityLevel.BACKWARD : level;
                } else if (level == null) {
                    subjectLevels.remove(subject);
                } else {
                    subjectLevels.put(subject, level);
                }
            }
            default -> {
                // NOOP and other key types of the Confluent layout carry nothing this registry needs.
            }
        }
    }

    private void applySchema(String subject, int version, JsonNode v) {
        List<SchemaVersion> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        versions.removeIf(sv -> sv.version() == version);
        if (v != null) {
            Schema schema = new Schema.Parser().parse(v.path("schema").asText());
            int id = v.path("id").asInt();
            versions.add(new SchemaVersion(subject, version, id, schema, v.path("deleted").asBoolean(false)));
            versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
            schemasById.putIfAbsent(id, schema);
            idsByText.putIfAbsent(schema.toString(), id);
            maxId = Math.max(maxId, id);
        }
        if (versions.isEmpty()) {
            subjects.remove(subject);
        }
    }

    /** Registers the schema under the subject, or returns the existing version holding it. */
    synchronized SchemaVersion register(String subject, Schema schema) {
        Optional<SchemaVersion> existing = lookup(subject, schema);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<String> problems = CompatibilityRules.problems(level(subject), schema, liveSchemas(subject));
        if (!problems.isEmpty()) {
            throw new RegistryError(409, ErrorCodes.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\" (" + level(subject) + "): " + String.join("; ", problems));
        }
        int id = idsByText.getOrDefault(schema.toString(), maxId + 1);
        int version = subjects.getOrDefault(subject, List.of()).stream().mapToInt(SchemaVersion::version).max()
                .orElse(0) + 1;
        SchemaVersion registered = new SchemaVersion(subject, version, id, schema, false);
        write(schemaKey(subject, version), schemaValue(registered));
        return registered;
    }

    synchronized Optional<SchemaVersion> lookup(String subject, Schema schema) {
        return live(subject).stream().filter(v -> v.schema().equals(schema)).findFirst();
    }

    synchronized List<String> compatibilityProblems(String subject, Schema schema, String version) {
        List<Schema> against = liveSchemas(subject);
        if (version != null && against.isEmpty() && ("latest".equals(version) || "-1".equals(version))) {
            // As the Confluent registry (since 7.0) answers: nothing registered, nothing to be incompatible with.
            return List.of();
        }
        if (version != null) {
            against = List.of(version(subject, version).schema());
        }
        CompatibilityLevel level = level(subject);
        if (version != null && level.isTransitive()) {
            level = CompatibilityLevel.valueOf(level.name().replace("_TRANSITIVE", ""));
        }
        return CompatibilityRules.problems(level, schema, against);
    }

    synchronized Optional<Schema> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    synchronized List<SchemaVersion> versionsWithId(int id) {
        return subjects.values().stream().flatMap(List::stream).filter(v -> v.id() == id && !v.deleted()).toList();
    }

    synchronized List<String> subjects(boolean includeDeleted) {
        return subjects.entrySet().stream()
                .filter(e -> includeDeleted || e.getValue().stream().anyMatch(v -> !v.deleted()))
                .map(Map.Entry::getKey).toList();
    }

    synchronized List<SchemaVersion> live(String subject) {
        return subjects.getOrDefault(subject, List.of()).stream().filter(v -> !v.deleted()).toList();
    }

    /** A version by number, or "latest" / -1. */
    synchronized SchemaVersion version(String subject, String version) {
        List<SchemaVersion> versions = live(subject);
        if (versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        if ("latest".equals(version) || "-1".equals(version)) {
            return versions.get(versions.size() - 1);
        }
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number <= 0) {
            throw new RegistryError(422, ErrorCodes.INVALID_VERSION, "The specified version '" + version
                    + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }
        int wanted = number;
        return versions.stream().filter(v -> v.version() == wanted).findFirst()
                .orElseThrow(() -> RegistryError.versionNotFound(subject, version));
    }

    /** Soft-deletes every version of the subject; returns the version numbers deleted. */
    synchronized List<Integer> deleteSubject(String subject) {
        List<SchemaVersion> versions = live(subject);
        if (versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        versions.forEach(v -> write(schemaKey(subject, v.version()), schemaValue(v.asDeleted())));
        return versions.stream().map(SchemaVersion::version).toList();
    }

    synchronized int deleteVersion(String subject, String version) {
        SchemaVersion v = version(subject, version);
        write(schemaKey(subject, v.version()), schemaValue(v.asDeleted()));
        return v.version();
    }

    synchronized CompatibilityLevel level(String subject) {
        return subject == null ? globalLevel : subjectLevels.getOrDefault(subject, globalLevel);
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized void setLevel(String subject, CompatibilityLevel level) {
        ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG").put("magic", 0);
        if (subject == null) {
            key.putNull("subject");
        } else {
            key.put("subject", subject);
        }
        write(key.toString(), level == null ? null
                : JSON.createObjectNode().put("compatibilityLevel", level.name()).toString());
    }

    private List<Schema> liveSchemas(String subject) {
        return live(subject).stream().map(SchemaVersion::schema).toList();
    }

    private void write(String key, String value) {
        log.append(key, value);
        apply(key, value);
    }

    private static String schemaKey(String subject, int version) {
        return JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject).put("version", version)
                .put("magic", 1).toString();
    }

    private static String schemaValue(SchemaVersion v) {
        return JSON.createObjectNode().put("subject", v.subject()).put("version", v.version()).put("id", v.id())
                .put("schema", v.schemaText()).put("deleted", v.deleted()).toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
