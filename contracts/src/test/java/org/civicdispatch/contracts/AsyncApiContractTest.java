package org.civicdispatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.civicdispatch.contract.TopicSpec;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.reference.catalog.CatalogLoader;
import org.civicdispatch.reference.catalog.Department;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The AsyncAPI document is the topic declarations, written for outsiders: it cannot drift from them. */
class AsyncApiContractTest {

    private static final Path DIR = Path.of(System.getProperty("contracts.dir", ".")).toAbsolutePath().normalize();
    private static final Path FILE = DIR.resolve("asyncapi.yaml");
    private static final List<String> DEPARTMENTS = CatalogLoader.bundled().departments().stream()
            .map(Department::code).toList();

    private final AsyncApiDocument document = new AsyncApiDocument(DEPARTMENTS,
            DIR.resolve("../schemas/src/main/avro").normalize());

    @Test
    void shouldBeExactlyWhatTheTopicDeclarationsSay() throws Exception {
        if (Boolean.getBoolean("contracts.regenerate")) {
            Files.writeString(FILE, document.yaml());
        }
        assertThat(Files.readString(FILE)).as("asyncapi.yaml is stale: run ./mvnw -pl contracts test "
                + "-Dcontracts.regenerate=true").isEqualTo(document.yaml());
    }

    @Test
    void shouldDescribeEveryTopicWithItsWriterReadersKeyAndPayload() throws Exception {
        Map<String, Object> doc = new Yaml().load(Files.readString(FILE));
        Map<String, Map<String, Object>> channels = cast(doc.get("channels"));
        Map<String, Map<String, Object>> messages = cast(cast(doc.get("components")).get("messages"));

        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
        for (TopicSpec topic : Topics.all(DEPARTMENTS)) {
            Map<String, Object> channel = topic.name().startsWith(Topics.DEPARTMENT_TASKS_PREFIX)
                    ? channels.get("department-tasks") : channels.get(topic.name());
            assertThat(channel).as(topic.name()).isNotNull();
            assertThat(channel.get("x-writer")).as(topic.name()).isEqualTo(topic.writer().serviceName());
            assertThat(channel.get("x-key")).as(topic.name()).isEqualTo(topic.key());
            assertThat((List<?>) channel.get("x-readers")).as(topic.name()).hasSize(topic.readers().size());
            Map<String, Object> message = messages.get(AsyncApiDocument.messageName(topic));
            assertThat(message).as(topic.name()).isNotNull();
        }
        assertThat(cast(cast(channels.get("department-tasks").get("parameters")).get("department")).get("enum"))
                .isEqualTo(DEPARTMENTS.stream().sorted().toList());
    }

    @Test
    void shouldPointEveryPayloadAtAnAvroSchemaThatExists() throws Exception {
        Map<String, Object> doc = new Yaml().load(Files.readString(FILE));
        Map<String, Map<String, Object>> messages = cast(cast(doc.get("components")).get("messages"));

        messages.forEach((name, message) -> {
            Map<String, Object> payload = cast(message.get("payload"));
            if (name.equals("DeadLetter")) {
                assertThat(payload.get("format")).isEqualTo("binary");
                return;
            }
            assertThat(payload.get("schemaFormat")).isEqualTo(AsyncApiDocument.AVRO);
            String ref = String.valueOf(cast(payload.get("schema")).get("$ref"));
            assertThat(DIR.resolve(ref).normalize()).as(name).exists();
            assertThat(ref).endsWith("/" + name + ".avsc");
        });
    }

    @Test
    void shouldHaveOneSendOperationPerChannelByItsWriter() throws Exception {
        Map<String, Object> doc = new Yaml().load(Files.readString(FILE));
        Map<String, Map<String, Object>> operations = cast(doc.get("operations"));
        Map<String, Map<String, Object>> channels = cast(doc.get("channels"));

        channels.forEach((id, channel) -> assertThat(operations.values())
                .filteredOn(op -> "send".equals(op.get("action")))
                .filteredOn(op -> ("#/channels/" + id).equals(cast(op.get("channel")).get("$ref")))
                .singleElement().satisfies(op -> assertThat(op.get("x-party")).isEqualTo(channel.get("x-writer"))));
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> cast(Object value) {
        return (Map<String, T>) value;
    }
}
