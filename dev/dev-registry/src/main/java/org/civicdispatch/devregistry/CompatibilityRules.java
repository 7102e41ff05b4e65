package org.civicdispatch.devregistry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.civicdispatch.registry.CompatibilityLevel;

/** Compatibility levels applied with Avro's own SchemaCompatibility, as the Confluent registry does. */
final class CompatibilityRules {

    private CompatibilityRules() {
    }

    /**
     * Messages describing why {@code candidate} may not follow {@code existing} (oldest first); empty if it may.
     * Non-transitive levels compare with the latest version only.
     */
    static List<String> problems(CompatibilityLevel level, Schema candidate, List<Schema> existing) {
        List<String> problems = new ArrayList<>();
        if (level == CompatibilityLevel.NONE || existing.isEmpty()) {
            return problems;
        }
        List<Schema> against = level.isTransitive() ? existing : List.of(existing.get(existing.size() - 1));
        for (Schema previous : against) {
            if (level.checksBackward()) {
                describe(candidate, previous, "BACKWARD: the new schema cannot read data written with an earlier one",
                        problems);
            }
            if (level.checksForward()) {
                describe(previous, candidate, "FORWARD: an earlier schema cannot read data written with the new one",
                        problems);
            }
        }
        return problems;
    }

    private static void describe(Schema reader, Schema writer, String rule, List<String> problems) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            result.getResult().getIncompatibilities().forEach(i -> problems.add(rule + ": " + i.getType()
                    + " at " + i.getLocation() + ": " + i.getMessage()));
        }
    }
}
