package org.civicdispatch.devregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdispatch.devregistry.RegistryHttp.record;
import static org.civicdispatch.devregistry.RegistryHttp.schemaBody;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.civicdispatch.devregistry.RegistryHttp.Answer;
import org.civicdispatch.registry.ErrorCodes;
import org.civicdispatch.registry.SchemaRegistryClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Client mistakes get a 4xx with a Confluent error body, never a 500 or a dropped connection. */
class DevSchemaRegistryHostileInputTest {

    private static final String SUBJECT = "hostile-value";
    private static final String VALID = RegistryHttp.record("Hostile", "{\"name\":\"a\",\"type\":\"string\"}")
            .toString();

    @RegisterExtension
    static final RunningRegistry REGISTRY = new RunningRegistry();
    private static RegistryHttp http;
    private static int registeredId;

    @BeforeAll
    static void startRegistry() {
        http = new RegistryHttp(REGISTRY.url());
        registeredId = new SchemaRegistryClient(REGISTRY.url()).register(SUBJECT, record("Hostile",
                "{\"name\":\"a\",\"type\":\"string\"}"));
    }

    static Stream<Arguments> mistakes() {
        String versions = "/subjects/" + SUBJECT + "/versions";
        return Stream.of(
                Arguments.of("malformed JSON", "POST", versions, "{\"schema\": ", 400, 400),
                Arguments.of("JSON that is not an object", "POST", versions, "[" + schemaBody(VALID) + "]", 400, 400),
                Arguments.of("JSON null", "POST", versions, "null", 400, 400),
                Arguments.of("empty body", "POST", versions, "", 400, 400),
                Arguments.of("no schema", "POST", versions, "{\"schemaType\":\"AVRO\"}", 422,
                        ErrorCodes.INVALID_SCHEMA),
                Arguments.of("schema as a JSON object, not a string", "POST", versions, "{\"schema\":" + VALID + "}",
                        422, ErrorCodes.INVALID_SCHEMA),
                Arguments.of("schema that is not JSON", "POST", versions, schemaBody("not an avro schema"), 422,
                        ErrorCodes.INVALID_SCHEMA),
                Arguments.of("record without a name", "POST", versions,
                        schemaBody("{\"type\":\"record\",\"fields\":[]}"), 422, ErrorCodes.INVALID_SCHEMA),
                Arguments.of("unknown type name", "POST", versions, schemaBody("{\"type\":\"record\",\"name\":\"X\","
                        + "\"fields\":[{\"name\":\"a\",\"type\":\"NoSuchType\"}]}"), 422, ErrorCodes.INVALID_SCHEMA),
                Arguments.of("default of the wrong type", "POST", versions, schemaBody("{\"type\":\"record\","
                        + "\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}"), 422,
                        ErrorCodes.INVALID_SCHEMA),
                Arguments.of("PROTOBUF", "POST", versions,
                        "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}", 422,
                        ErrorCodes.INVALID_SCHEMA),
                Arguments.of("references", "POST", versions, "{\"schema\":" + RegistryHttp.JSON.valueToTree(VALID)
                        + ",\"references\":[{\"name\":\"x\",\"subject\":\"y\",\"version\":1}]}", 422,
                        ErrorCodes.INVALID_SCHEMA),
                Arguments.of("lookup with invalid Avro", "POST", "/subjects/" + SUBJECT, schemaBody("{}"), 422,
                        ErrorCodes.INVALID_SCHEMA),
                Arguments.of("compatibility with malformed JSON", "POST",
                        "/compatibility/subjects/" + SUBJECT + "/versions/latest", "{", 400, 400),
                Arguments.of("unknown path", "GET", "/no/such/path", null, 404, 404),
                Arguments.of("unknown path under a subject", "GET", "/subjects/" + SUBJECT + "/other", null, 404, 404),
                Arguments.of("wrong method", "DELETE", "/schemas/ids/1", null, 405, 405),
                Arguments.of("wrong method on versions", "PUT", versions, schemaBody(VALID), 405, 405),
                Arguments.of("version that is not a number", "GET", versions + "/abc", null, 422,
                        ErrorCodes.INVALID_VERSION),
                Arguments.of("version zero", "GET", versions + "/0", null, 422, ErrorCodes.INVALID_VERSION),
                Arguments.of("negative version", "GET", versions + "/-5", null, 422, ErrorCodes.INVALID_VERSION),
                Arguments.of("version beyond int", "GET", versions + "/99999999999", null, 422,
                        ErrorCodes.INVALID_VERSION),
                Arguments.of("compatibility against version abc", "POST",
                        "/compatibility/subjects/" + SUBJECT + "/versions/abc", schemaBody(VALID), 422,
                        ErrorCodes.INVALID_VERSION),
                Arguments.of("delete version abc", "DELETE", versions + "/abc", null, 422,
                        ErrorCodes.INVALID_VERSION),
                Arguments.of("unknown id", "GET", "/schemas/ids/99999", null, 404, ErrorCodes.SCHEMA_NOT_FOUND),
                Arguments.of("id beyond int", "GET", "/schemas/ids/99999999999", null, 404,
                        ErrorCodes.SCHEMA_NOT_FOUND),
                Arguments.of("subjects of an unknown id", "GET", "/schemas/ids/99999/subjects", null, 404,
                        ErrorCodes.SCHEMA_NOT_FOUND),
                Arguments.of("invalid level", "PUT", "/config", "{\"compatibility\":\"SOMETIMES\"}", 422,
                        ErrorCodes.INVALID_COMPATIBILITY_LEVEL),
                Arguments.of("invalid subject level", "PUT", "/config/" + SUBJECT, "{\"compatibility\":\"\"}", 422,
                        ErrorCodes.INVALID_COMPATIBILITY_LEVEL),
                Arguments.of("level as a number", "PUT", "/config/" + SUBJECT, "{\"compatibility\":3}", 422,
                        ErrorCodes.INVALID_COMPATIBILITY_LEVEL),
                Arguments.of("config body not an object", "PUT", "/config", "\"FULL\"", 400, 400),
                Arguments.of("subject that is not UTF-8", "GET", "/subjects/%FF%FE/versions", null, 404,
                        ErrorCodes.SUBJECT_NOT_FOUND));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void shouldAnswerAClientMistakeWithAClear4xx(String mistake, String method, String path, String body,
            int status, int errorCode) {
        Answer answer = http.send(method, path, body);

        assertThat(answer.status()).as("%s: %s", mistake, answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo(RegistryHttp.CONTENT_TYPE);
        assertThat(answer.errorCode()).as(answer.body()).isEqualTo(errorCode);
        assertThat(answer.message()).isNotBlank();
    }

    @Test
    void shouldRefuseABodyOverOneMebibyteWith413() {
        byte[] body = new byte[2 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        byte[] start = "{\"schema\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);

        Answer answer = http.send("POST", "/subjects/" + SUBJECT + "/versions", body);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).isEqualTo(RegistryHttp.CONTENT_TYPE);
        assertThat(answer.errorCode()).isEqualTo(413);
        assertThat(answer.message()).contains("larger than");
    }

    @Test
    void shouldAnswerALargeBodySentToAnUnknownPathWith404() {
        byte[] body = new byte[2 * 1024 * 1024];
        Arrays.fill(body, (byte) 'x');

        Answer answer = http.send("POST", "/no/such/path", body);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo(404);
    }

    @Test
    void shouldExplainWhyAnInvalidSchemaIsInvalid() {
        Answer answer = http.post("/subjects/" + SUBJECT + "/versions",
                schemaBody("{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"NoSuchType\"}]}"));

        assertThat(answer.message()).startsWith("Invalid schema").contains("NoSuchType");
    }

    @Test
    void shouldKeepServingAfterHostileRequests() {
        mistakes().forEach(m -> http.send((String) m.get()[1], (String) m.get()[2], (String) m.get()[3]));

        Answer registered = http.post("/subjects/" + SUBJECT + "/versions", schemaBody(VALID));

        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.json().path("id").asInt()).isEqualTo(registeredId);
        assertThat(http.get("/subjects/" + SUBJECT + "/versions").json().toString()).isEqualTo("[1]");
        assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }
}
