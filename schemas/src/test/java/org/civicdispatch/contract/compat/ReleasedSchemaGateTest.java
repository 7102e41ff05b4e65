package org.civicdispatch.contract.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleasedSchemaGateTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path RELEASED_ROOT = Path.of("src/released");
    private static final Path RELEASED_V1 = RELEASED_ROOT.resolve("v1");

    @TempDir
    Path temp;

    @Test
    void shouldAcceptTheCurrentSchemasAgainstTheLatestRelease() {
        Map<String, Schema> released = SchemaFiles.load(RELEASED_V1);
        Map<String, Schema> current = SchemaFiles.load(CURRENT);

        assertThat(released).containsKeys("org.civicdispatch.events.IncidentReported",
                "org.civicdispatch.events.DepartmentTask", "org.civicdispatch.events.Channel");
        assertThat(ReleasedSchemaGate.check(released, current)).isEmpty();
        assertThatCode(() -> ReleasedSchemaGate.main(new String[] {CURRENT.toString(), RELEASED_ROOT.toString()}))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldLoadSchemasThatNameTypesDefinedInLaterFiles() {
        Map<String, Schema> current = SchemaFiles.load(CURRENT);

        // CaseEvent.avsc names IncidentDispatched, a file that sorts after it.
        assertThat(current.get("org.civicdispatch.events.CaseEvent").getField("payload").schema().getTypes())
                .extracting(Schema::getFullName).startsWith("org.civicdispatch.events.IncidentDispatched");
    }

    @Test
    void shouldAcceptANewOptionalFieldWithDefault() {
        Path edited = copyOfCurrent();
        edit(edited.resolve("IncidentReported.avsc"), "{\"name\": \"caseId\", \"type\": \"string\"},",
                "{\"name\": \"caseId\", \"type\": \"string\"},\n  {\"name\": \"priorityNote\", "
                        + "\"type\": [\"null\", \"string\"], \"default\": null},");

        assertThat(ReleasedSchemaGate.check(SchemaFiles.load(RELEASED_V1), SchemaFiles.load(edited))).isEmpty();
    }

    @Test
    void shouldRejectANewRequiredFieldWithoutDefault() {
        Path edited = copyOfCurrent();
        edit(edited.resolve("IncidentReported.avsc"), "{\"name\": \"caseId\", \"type\": \"string\"},",
                "{\"name\": \"caseId\", \"type\": \"string\"},\n  {\"name\": \"priorityNote\", \"type\": \"string\"},");

        List<String> problems = ReleasedSchemaGate.check(SchemaFiles.load(RELEASED_V1), SchemaFiles.load(edited));

        assertThat(problems).singleElement().asString()
                .startsWith("org.civicdispatch.events.IncidentReported")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("priorityNote");
    }

    @Test
    void shouldRejectARemovedEnumSymbolOfAnEnumWithoutDefault() {
        Path edited = copyOfCurrent();
        edit(edited.resolve("DepartmentResponse.avsc"), "\"ACCEPTED\", \"RETURNED\", ", "\"ACCEPTED\", ");

        List<String> problems = ReleasedSchemaGate.check(SchemaFiles.load(RELEASED_V1), SchemaFiles.load(edited));

        assertThat(problems).singleElement().asString()
                .startsWith("org.civicdispatch.events.DepartmentResponse")
                .contains("MISSING_ENUM_SYMBOLS").contains("RETURNED");
    }

    @Test
    void shouldRejectARemovedSymbolOfASharedEnumInEverySchemaThatUsesIt() {
        // Tier without its default: old data naming STREET cannot be read by any schema that embeds Tier.
        Path edited = copyOfCurrent();
        edit(edited.resolve("common/Tier.avsc"), "\"symbols\": [\"GRID\", \"COMMUNITY\", \"STREET\", \"DISTRICT\"],\n"
                + " \"default\": \"DISTRICT\"", "\"symbols\": [\"GRID\", \"COMMUNITY\", \"DISTRICT\"]");

        List<String> problems = ReleasedSchemaGate.check(SchemaFiles.load(RELEASED_V1), SchemaFiles.load(edited));

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("org.civicdispatch.events.Tier:")
                .contains("MISSING_ENUM_SYMBOLS").contains("STREET"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("org.civicdispatch.events.DepartmentTask:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("org.civicdispatch.events.SlaEvent:"));
    }

    @Test
    void shouldAcceptARemovedSymbolOfAnEnumWithADefault() {
        // Avro reads an unknown symbol as the reader's default, so this is BACKWARD compatible by Avro's rules.
        Path edited = copyOfCurrent();
        edit(edited.resolve("common/Urgency.avsc"), "[\"ROUTINE\", \"URGENT\", \"EMERGENCY\"]",
                "[\"ROUTINE\", \"EMERGENCY\"]");

        assertThat(ReleasedSchemaGate.check(SchemaFiles.load(RELEASED_V1), SchemaFiles.load(edited))).isEmpty();
    }

    @Test
    void shouldRejectAChangedFieldType() {
        Path edited = copyOfCurrent();
        edit(edited.resolve("IncidentReported.avsc"), "{\"name\": \"category\", \"type\": \"string\"}",
                "{\"name\": \"category\", \"type\": \"int\"}");

        List<String> problems = ReleasedSchemaGate.check(SchemaFiles.load(RELEASED_V1), SchemaFiles.load(edited));

        assertThat(problems).singleElement().asString()
                .startsWith("org.civicdispatch.events.IncidentReported").contains("TYPE_MISMATCH")
                .contains("/fields/3/type");
    }

    @Test
    void shouldRejectAReleasedSchemaThatNoLongerExists() throws IOException {
        Path edited = copyOfCurrent();
        Files.delete(edited.resolve("NotificationSent.avsc"));

        List<String> problems = ReleasedSchemaGate.check(SchemaFiles.load(RELEASED_V1), SchemaFiles.load(edited));

        assertThat(problems).containsExactly(
                "org.civicdispatch.events.NotificationSent was released but no longer exists");
    }

    @Test
    void shouldRejectARenamedRecordWhoseOldNameIsOnlyAnAlias() {
        Path edited = copyOfCurrent();
        edit(edited.resolve("SlaEvent.avsc"), "\"name\": \"SlaEvent\",",
                "\"name\": \"SlaNotice\", \"aliases\": [\"SlaEvent\"],");

        assertThat(ReleasedSchemaGate.check(SchemaFiles.load(RELEASED_V1), SchemaFiles.load(edited)))
                .containsExactly("org.civicdispatch.events.SlaEvent was released but no longer exists");
    }

    @Test
    void shouldFailTheBuildStepWithEveryProblemInTheMessage() {
        Path edited = copyOfCurrent();
        edit(edited.resolve("IncidentReported.avsc"), "{\"name\": \"category\", \"type\": \"string\"}",
                "{\"name\": \"category\", \"type\": \"int\"}");
        edit(edited.resolve("DepartmentResponse.avsc"), "\"ACCEPTED\", \"RETURNED\", ", "\"ACCEPTED\", ");

        assertThatThrownBy(() -> ReleasedSchemaGate.main(new String[] {edited.toString(), RELEASED_ROOT.toString()}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("2 schema(s) not BACKWARD compatible with v1")
                .hasMessageContaining("IncidentReported").hasMessageContaining("DepartmentResponse");
    }

    @Test
    void shouldCheckAgainstTheHighestNumberedReleaseOnly() throws IOException {
        Path root = temp.resolve("released");
        copy(CURRENT, root.resolve("v2"));
        copy(CURRENT, root.resolve("v10"));
        Files.createDirectories(root.resolve("v9-draft"));
        Files.delete(root.resolve("v2/NotificationSent.avsc")); // v2 would pass, v10 must not

        Path edited = copyOfCurrent();
        Files.delete(edited.resolve("NotificationSent.avsc"));

        assertThat(ReleasedSchemaGate.latestRelease(root)).contains(root.resolve("v10"));
        assertThatThrownBy(() -> ReleasedSchemaGate.main(new String[] {edited.toString(), root.toString()}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("v10");
    }

    @Test
    void shouldPassWhenNothingWasReleasedYet() {
        assertThat(ReleasedSchemaGate.latestRelease(temp.resolve("missing"))).isEmpty();
        assertThatCode(() -> ReleasedSchemaGate.main(
                new String[] {CURRENT.toString(), temp.resolve("missing").toString()})).doesNotThrowAnyException();
    }

    private Path copyOfCurrent() {
        Path target = temp.resolve("avro");
        copy(CURRENT, target);
        return target;
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces one exact occurrence, failing when the text is not there, so an edit never silently misses. */
    private static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).as("text to edit in %s", file).contains(from);
            Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
