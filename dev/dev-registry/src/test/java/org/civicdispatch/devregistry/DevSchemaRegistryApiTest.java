package org.civicdispatch.devregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdispatch.devregistry.RegistryHttp.record;
import static org.civicdispatch.devregistry.RegistryHttp.schemaBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.civicdispatch.devregistry.RegistryHttp.Answer;
import org.civicdispatch.registry.CompatibilityLevel;
import org.civicdispatch.registry.ErrorCodes;
import org.civicdispatch.registry.RegisteredSchema;
import org.civicdispatch.registry.SchemaRegistryClient;
import org.civicdispatch.registry.SchemaRegistryException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Confluent REST API of the dev registry, through our client and through raw HTTP. */
class DevSchemaRegistryApiTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String A = "{\"name\":\"a\",\"type\":\"string\"}";
    private static final String B_REQUIRED = "{\"name\":\"b\",\"type\":\"string\"}";
    private static final String B_DEFAULTED = "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}";

    @RegisterExtension
    static final RunningRegistry REGISTRY = new RunningRegistry();
    private static RegistryHttp http;

    @BeforeAll
    static void startRegistry() {
        http = new RegistryHttp(REGISTRY.url());
    }

    /** A fresh client each time, so nothing comes from a client-side cache. */
    private static SchemaRegistryClient client() {
        return new SchemaRegistryClient(REGISTRY.url());
    }

    private static String uniqueSubject() {
        return "subject-" + SEQUENCE.incrementAndGet() + "-value";
    }

    private static String uniqueName() {
        return "Record" + SEQUENCE.incrementAndGet();
    }

    @Test
    void shouldAnswerTheRootAndListAvroAsTheOnlySchemaType() {
        assertThat(http.get("/").status()).isEqualTo(200);
        assertThat(http.get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void shouldReturnTheSameIdAndNoNewVersionWhenTheSameSchemaIsRegisteredAgain() {
        String subject = uniqueSubject();
        Schema schema = record(uniqueName(), A);

        int id = client().register(subject, schema);
        int again = client().register(subject, schema);
        Answer raw = http.post("/subjects/" + subject + "/versions", schemaBody(schema));

        assertThat(id).isPositive();
        assertThat(again).isEqualTo(id);
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.contentType()).isEqualTo(RegistryHttp.CONTENT_TYPE);
        assertThat(raw.json().path("id").asInt()).isEqualTo(id);
        assertThat(client().versions(subject)).containsExactly(1);
    }

    @Test
    void shouldGiveDifferentSchemasDifferentIds() {
        int first = client().register(uniqueSubject(), record(uniqueName(), A));
        int second = client().register(uniqueSubject(), record(uniqueName(), A));

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void shouldReuseTheIdOfTheSameSchemaUnderAnotherSubject() {
        Schema schema = record(uniqueName(), A);
        String first = uniqueSubject();
        String second = uniqueSubject();

        int id = client().register(first, schema);
        Answer raw = http.post("/subjects/" + second + "/versions", schemaBody(schema));

        assertThat(raw.json().path("id").asInt()).isEqualTo(id);
        assertThat(client().getLatest(second)).isEqualTo(new RegisteredSchema(second, 1, id, schema));
        assertThat(http.get("/schemas/ids/" + id + "/subjects").json().toString())
                .isEqualTo("[\"" + first + "\",\"" + second + "\"]");
        JsonNode versions = http.get("/schemas/ids/" + id + "/versions").json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).path("subject").asText()).isEqualTo(second);
        assertThat(versions.get(1).path("version").asInt()).isEqualTo(1);
    }

    @Test
    void shouldServeASchemaById() {
        Schema schema = record(uniqueName(), A, B_DEFAULTED);
        int id = client().register(uniqueSubject(), schema);

        Answer answer = http.get("/schemas/ids/" + id);
        Answer raw = http.get("/schemas/ids/" + id + "/schema");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(RegistryHttp.CONTENT_TYPE);
        assertThat(new Schema.Parser().parse(answer.json().path("schema").asText())).isEqualTo(schema);
        assertThat(new Schema.Parser().parse(raw.body())).isEqualTo(schema);
        assertThat(client().getById(id)).isEqualTo(schema);
    }

    @Test
    void shouldListSubjectsVersionsAndServeEachVersion() {
        String subject = uniqueSubject();
        String name = uniqueName();
        Schema v1 = record(name, A);
        Schema v2 = record(name, A, B_DEFAULTED);
        int id1 = client().register(subject, v1);
        int id2 = client().register(subject, v2);

        assertThat(client().subjects()).contains(subject);
        assertThat(http.get("/subjects").json().toString()).contains("\"" + subject + "\"");
        assertThat(http.get("/subjects/" + subject + "/versions").json().toString())
                .isEqualTo("[1,2]");

        JsonNode latest = http.get("/subjects/" + subject + "/versions/latest").json();
        assertThat(latest.path("subject").asText()).isEqualTo(subject);
        assertThat(latest.path("version").asInt()).isEqualTo(2);
        assertThat(latest.path("id").asInt()).isEqualTo(id2);
        assertThat(new Schema.Parser().parse(latest.path("schema").asText())).isEqualTo(v2);

        JsonNode first = http.get("/subjects/" + subject + "/versions/1").json();
        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(first.path("id").asInt()).isEqualTo(id1);
        assertThat(new Schema.Parser().parse(first.path("schema").asText())).isEqualTo(v1);

        Answer latestSchema = http.get("/subjects/" + subject + "/versions/latest/schema");
        assertThat(latestSchema.status()).isEqualTo(200);
        assertThat(new Schema.Parser().parse(latestSchema.body())).isEqualTo(v2);
        assertThat(http.get("/subjects/" + subject + "/versions/-1").json().path("version").asInt()).isEqualTo(2);

        assertThat(client().getVersion(subject, "1")).isEqualTo(new RegisteredSchema(subject, 1, id1, v1));
        assertThat(client().getLatest(subject)).isEqualTo(new RegisteredSchema(subject, 2, id2, v2));
    }

    @Test
    void shouldAnswerMissingVersionsAndSubjectsWithTheirErrorCodes() {
        String subject = uniqueSubject();
        client().register(subject, record(uniqueName(), A));

        Answer missingVersion = http.get("/subjects/" + subject + "/versions/7");
        Answer missingSubject = http.get("/subjects/no-such-subject/versions");

        assertThat(missingVersion.status()).isEqualTo(404);
        assertThat(missingVersion.errorCode()).isEqualTo(ErrorCodes.VERSION_NOT_FOUND);
        assertThat(missingSubject.status()).isEqualTo(404);
        assertThat(missingSubject.errorCode()).isEqualTo(ErrorCodes.SUBJECT_NOT_FOUND);
        assertThatThrownBy(() -> client().getLatest("no-such-subject")).isInstanceOfSatisfying(
                SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCodes.SUBJECT_NOT_FOUND));
    }

    @Test
    void shouldLookUpWhetherASchemaIsRegisteredUnderASubject() {
        String subject = uniqueSubject();
        String name = uniqueName();
        Schema registered = record(name, A);
        int id = client().register(subject, registered);

        Answer found = http.post("/subjects/" + subject, schemaBody(registered));
        Answer notFound = http.post("/subjects/" + subject, schemaBody(record(name, A, B_DEFAULTED)));
        Answer unknownSubject = http.post("/subjects/no-such-subject", schemaBody(registered));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("subject").asText()).isEqualTo(subject);
        assertThat(found.json().path("version").asInt()).isEqualTo(1);
        assertThat(found.json().path("id").asInt()).isEqualTo(id);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.errorCode()).isEqualTo(ErrorCodes.SCHEMA_NOT_FOUND);
        assertThat(unknownSubject.status()).isEqualTo(404);
        assertThat(unknownSubject.errorCode()).isEqualTo(ErrorCodes.SUBJECT_NOT_FOUND);
        assertThat(client().lookup(subject, registered)).isEqualTo(id);
        assertThat(client().versions(subject)).as("a lookup registers nothing").containsExactly(1);
    }

    @Test
    void shouldKeepTheGlobalLevelAndLetASubjectOverrideIt() {
        String subject = uniqueSubject();
        String other = uniqueSubject();

        assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        assertThat(client().compatibility(null)).isEqualTo(CompatibilityLevel.BACKWARD);

        Answer put = http.put("/config/" + subject, "{\"compatibility\":\"FULL\"}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().path("compatibility").asText()).isEqualTo("FULL");
        assertThat(http.get("/config/" + subject).json().path("compatibilityLevel").asText()).isEqualTo("FULL");
        assertThat(client().compatibility(subject)).isEqualTo(CompatibilityLevel.FULL);

        Answer notConfigured = http.get("/config/" + other);
        assertThat(notConfigured.status()).isEqualTo(404);
        assertThat(notConfigured.errorCode()).isEqualTo(40408);
        assertThat(http.get("/config/" + other + "?defaultToGlobal=true").json().path("compatibilityLevel")
                .asText()).isEqualTo("BACKWARD");
        assertThat(client().compatibility(other)).isEqualTo(CompatibilityLevel.BACKWARD);

        client().setCompatibility(subject, CompatibilityLevel.FORWARD_TRANSITIVE);
        assertThat(client().compatibility(subject)).isEqualTo(CompatibilityLevel.FORWARD_TRANSITIVE);

        assertThat(http.delete("/config/" + subject).json().path("compatibilityLevel").asText())
                .isEqualTo("FORWARD_TRANSITIVE");
        assertThat(http.get("/config/" + subject).status()).isEqualTo(404);
        assertThat(client().compatibility(subject)).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void shouldChangeTheGlobalLevelForSubjectsWithoutTheirOwn() {
        String subject = uniqueSubject();
        try {
            Answer put = http.put("/config", "{\"compatibility\":\"FULL_TRANSITIVE\"}");
            assertThat(put.status()).isEqualTo(200);
            assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
            assertThat(client().compatibility(subject)).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);

            client().setCompatibility(null, CompatibilityLevel.FORWARD);
            assertThat(client().compatibility(null)).isEqualTo(CompatibilityLevel.FORWARD);
        } finally {
            client().setCompatibility(null, CompatibilityLevel.BACKWARD);
        }
        assertThat(client().compatibility(null)).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void shouldAcceptLevelsInAnyCaseAsTheErrorMessageSuggests() {
        String subject = uniqueSubject();

        Answer put = http.put("/config/" + subject, "{\"compatibility\":\"backward_transitive\"}");

        assertThat(put.status()).isEqualTo(200);
        assertThat(client().compatibility(subject)).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
    }

    @Test
    void shouldTellWhetherASchemaIsCompatibleWithTheLatestVersion() {
        String subject = uniqueSubject();
        String name = uniqueName();
        client().register(subject, record(name, A));
        Schema compatible = record(name, A, B_DEFAULTED);
        Schema incompatible = record(name, A, B_REQUIRED);
        String path = "/compatibility/subjects/" + subject + "/versions/latest";

        assertThat(client().isCompatible(subject, compatible)).isTrue();
        assertThat(client().isCompatible(subject, incompatible)).isFalse();
        assertThat(http.post(path, schemaBody(compatible)).json().toString()).isEqualTo("{\"is_compatible\":true}");

        JsonNode verbose = http.post(path + "?verbose=true", schemaBody(incompatible)).json();
        assertThat(verbose.path("is_compatible").asBoolean(true)).isFalse();
        assertThat(verbose.path("messages")).isNotEmpty();
        assertThat(verbose.path("messages").get(0).asText()).startsWith("BACKWARD")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("b");
        assertThat(http.post(path + "?verbose=true", schemaBody(compatible)).json().path("messages")).isEmpty();
        assertThat(http.post("/compatibility/subjects/" + subject + "/versions/1", schemaBody(incompatible)).json()
                .path("is_compatible").asBoolean(true)).isFalse();
        assertThat(client().versions(subject)).as("a check registers nothing").containsExactly(1);
    }

    @Test
    void shouldCallAnySchemaCompatibleWithTheLatestOfASubjectThatDoesNotExistYet() {
        // Confluent 7+ answers so (confluentinc/schema-registry#2624), which lets CI check a brand-new subject.
        String subject = uniqueSubject();
        Schema schema = record(uniqueName(), A);

        assertThat(client().isCompatible(subject, schema)).isTrue();
        assertThat(http.post("/compatibility/subjects/" + subject + "/versions", schemaBody(schema)).json()
                .path("is_compatible").asBoolean(false)).isTrue();
        Answer numbered = http.post("/compatibility/subjects/" + subject + "/versions/1", schemaBody(schema));
        assertThat(numbered.status()).isEqualTo(404);
        assertThat(numbered.errorCode()).isEqualTo(ErrorCodes.SUBJECT_NOT_FOUND);
        assertThat(client().subjects()).doesNotContain(subject);
    }

    @Test
    void shouldRefuseABackwardIncompatibleSchemaWith409() {
        String subject = uniqueSubject();
        String name = uniqueName();
        client().register(subject, record(name, A));

        Answer refused = http.post("/subjects/" + subject + "/versions", schemaBody(record(name, A, B_REQUIRED)));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).isEqualTo(RegistryHttp.CONTENT_TYPE);
        assertThat(refused.errorCode()).isEqualTo(ErrorCodes.INCOMPATIBLE_SCHEMA);
        assertThat(refused.message()).contains("incompatible").contains(subject).contains("BACKWARD");
        assertThatThrownBy(() -> client().register(subject, record(name, A, B_REQUIRED)))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(ErrorCodes.INCOMPATIBLE_SCHEMA);
                });
        assertThat(client().versions(subject)).containsExactly(1);
    }

    @Test
    void shouldCheckBothDirectionsUnderFull() {
        String subject = uniqueSubject();
        String name = uniqueName();
        client().setCompatibility(subject, CompatibilityLevel.FULL);
        client().register(subject, record(name, A, B_REQUIRED));

        // Dropping a field without default: new readers are fine (BACKWARD), old readers are not (FORWARD).
        assertThatThrownBy(() -> client().register(subject, record(name, A)))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.getMessage()).contains("FORWARD"));
        int v2 = client().register(subject, record(name, A, B_REQUIRED,
                "{\"name\":\"c\",\"type\":[\"null\",\"int\"],\"default\":null}"));

        assertThat(client().getLatest(subject).id()).isEqualTo(v2);
        assertThat(client().versions(subject)).containsExactly(1, 2);
    }

    @Test
    void shouldAcceptTheSameDropUnderBackward() {
        String subject = uniqueSubject();
        String name = uniqueName();
        client().register(subject, record(name, A, B_REQUIRED));

        client().register(subject, record(name, A));

        assertThat(client().versions(subject)).containsExactly(1, 2);
    }

    @Test
    void shouldAcceptAnyChangeUnderNone() {
        String subject = uniqueSubject();
        String name = uniqueName();
        client().setCompatibility(subject, CompatibilityLevel.NONE);
        client().register(subject, record(name, A));

        client().register(subject, record(name, "{\"name\":\"a\",\"type\":\"int\"}"));

        assertThat(client().versions(subject)).containsExactly(1, 2);
        assertThat(client().isCompatible(subject, record(name, "{\"name\":\"z\",\"type\":\"boolean\"}"))).isTrue();
    }

    @Test
    void shouldCheckEveryEarlierVersionOnlyWhenTransitive() {
        String plain = uniqueSubject();
        String transitive = uniqueSubject();
        String name = uniqueName();
        client().setCompatibility(transitive, CompatibilityLevel.BACKWARD_TRANSITIVE);
        for (String subject : new String[] {plain, transitive}) {
            client().register(subject, record(name, A));
            client().register(subject, record(name, A, B_DEFAULTED));
        }
        Schema v3 = record(name, A, B_REQUIRED); // reads v2 data, not v1 data

        client().register(plain, v3);

        assertThatThrownBy(() -> client().register(transitive, v3)).isInstanceOf(SchemaRegistryException.class);
        assertThat(client().versions(plain)).containsExactly(1, 2, 3);
        assertThat(client().versions(transitive)).containsExactly(1, 2);
    }

    @Test
    void shouldSoftDeleteASubjectButKeepItsSchemasReadableById() {
        String subject = uniqueSubject();
        String name = uniqueName();
        Schema v1 = record(name, A);
        int id1 = client().register(subject, v1);
        client().register(subject, record(name, A, B_DEFAULTED));

        Answer deleted = http.delete("/subjects/" + subject);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().toString()).isEqualTo("[1,2]");
        assertThat(client().subjects()).doesNotContain(subject);
        assertThat(http.get("/subjects?deleted=true").json().toString()).contains("\"" + subject + "\"");
        assertThat(http.get("/subjects/" + subject + "/versions").errorCode()).isEqualTo(ErrorCodes.SUBJECT_NOT_FOUND);
        assertThat(http.get("/subjects/" + subject + "/versions/latest").status()).isEqualTo(404);
        assertThat(http.delete("/subjects/" + subject).errorCode()).isEqualTo(ErrorCodes.SUBJECT_NOT_FOUND);
        assertThat(client().getById(id1)).as("data written earlier stays readable").isEqualTo(v1);

        // Registering again after the delete starts from the live versions only, and keeps the id.
        assertThat(client().register(subject, v1)).isEqualTo(id1);
        assertThat(client().versions(subject)).containsExactly(3);
    }

    @Test
    void shouldSoftDeleteOneVersion() {
        String subject = uniqueSubject();
        String name = uniqueName();
        client().register(subject, record(name, A));
        client().register(subject, record(name, A, B_DEFAULTED));

        Answer deleted = http.delete("/subjects/" + subject + "/versions/1");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("1");
        assertThat(client().versions(subject)).containsExactly(2);
        assertThat(http.get("/subjects/" + subject + "/versions/1").errorCode())
                .isEqualTo(ErrorCodes.VERSION_NOT_FOUND);
    }

    @Test
    void shouldHandleSubjectsThatNeedUrlEncoding() {
        String subject = "org.civicdispatch/odd subject+" + SEQUENCE.incrementAndGet();
        Schema schema = record(uniqueName(), A);

        int id = client().register(subject, schema);

        assertThat(client().subjects()).contains(subject);
        assertThat(client().getLatest(subject)).isEqualTo(new RegisteredSchema(subject, 1, id, schema));
        assertThat(client().lookup(subject, schema)).isEqualTo(id);
    }
}
