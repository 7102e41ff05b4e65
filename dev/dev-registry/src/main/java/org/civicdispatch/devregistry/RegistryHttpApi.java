package org.civicdispatch.devregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.civicdispatch.registry.CompatibilityLevel;
import org.civicdispatch.registry.ErrorCodes;
import org.civicdispatch.registry.SchemaRegistryClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The subset of the Confluent Schema Registry REST API that producers, consumers and tooling use. */
final class RegistryHttpApi implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1 << 20;
    private static final long MAX_DRAIN = 64L << 20;
    private static final String SUBJECT = "/subjects/([^/]+)";

    private final SchemaStore store;
    private final List<Route> routes;

    RegistryHttpApi(SchemaStore store) {
        this.store = store;
        this.routes = routes();
    }

    private List<Route> routes() {
        return List.of(
            route("GET", "/?", (m, x) -> JSON.createObjectNode()),
            route("GET", "/schemas/types", (m, x) -> JSON.createArrayNode().add("AVRO")),
            route("GET", "/mode", (m, x) -> JSON.createObjectNode().put("mode", "READWRITE")),
            route("GET", "/schemas/ids/(\\d+)", (m, x) -> schemaById(m)),
            route("GET", "/schemas/ids/(\\d+)/schema", (m, x) -> raw(schemaOf(m))),
            route("GET", "/schemas/ids/(\\d+)/subjects", (m, x) -> subjectsOfId(m, false)),
            route("GET", "/schemas/ids/(\\d+)/versions", (m, x) -> subjectsOfId(m, true)),
            route("GET", "/subjects", (m, x) -> array(store.subjects(queryFlag(x, "deleted")))),
            route("GET", SUBJECT + "/versions", (m, x) -> versions(subject(m))),
            route("POST", SUBJECT + "/versions", (m, x) -> register(subject(m), x)),
            route("GET", SUBJECT + "/versions/([^/]+)", (m, x) -> version(store.version(subject(m), m.group(2)))),
            route("GET", SUBJECT + "/versions/([^/]+)/schema",
                    (m, x) -> raw(store.version(subject(m), m.group(2)).schema())),
            route("DELETE", SUBJECT + "/versions/([^/]+)",
                    (m, x) -> JSON.getNodeFactory().numberNode(store.deleteVersion(subject(m), m.group(2)))),
            route("POST", SUBJECT, (m, x) -> lookup(subject(m), x)),
            route("DELETE", SUBJECT, (m, x) -> array(store.deleteSubject(subject(m)))),
            route("GET", "/config", (m, x) -> level(store.level(null))),
            route("PUT", "/config", (m, x) -> setLevel(null, x)),
            route("GET", "/config/([^/]+)", (m, x) -> subjectLevel(subject(m), x)),
            route("PUT", "/config/([^/]+)", (m, x) -> setLevel(subject(m), x)),
            route("DELETE", "/config/([^/]+)", (m, x) -> clearLevel(subject(m))),
            route("POST", "/compatibility" + SUBJECT + "/versions", (m, x) -> compatible(subject(m), null, x)),
            route("POST", "/compatibility" + SUBJECT + "/versions/([^/]+)",
                    (m, x) -> compatible(subject(m), m.group(2), x)));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // The exchange is closed after the answer is written, errors included (not by try-with-resources,
        // which would close it before the catch blocks answer).
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            boolean pathKnown = false;
            for (Route route : routes) {
                Matcher matcher = route.pattern().matcher(path);
                if (!matcher.matches()) {
                    continue;
                }
                pathKnown = true;
                if (route.method().equals(method)) {
                    respond(exchange, 200, route.action().apply(matcher, exchange));
                    return;
                }
            }
            throw pathKnown ? new RegistryError(405, 405, "HTTP " + method + " not allowed on " + path)
                    : new RegistryError(404, 404, "HTTP 404 Not Found: " + path);
        } catch (RegistryError e) {
            respond(exchange, e.status, error(e.errorCode, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("registry request failed", e);
            respond(exchange, 500, error(ErrorCodes.STORE_ERROR, "Internal error: " + e.getMessage()));
        } finally {
            exchange.close();
        }
    }

    private JsonNode schemaById(Matcher m) {
        return JSON.createObjectNode().put("schema", schemaOf(m).toString());
    }

    private Schema schemaOf(Matcher m) {
        int id = parseId(m.group(1));
        return store.schemaById(id).orElseThrow(() -> RegistryError.schemaNotFound(String.valueOf(id)));
    }

    private JsonNode subjectsOfId(Matcher m, boolean withVersions) {
        int id = parseId(m.group(1));
        List<SchemaVersion> versions = store.versionsWithId(id);
        if (versions.isEmpty()) {
            throw RegistryError.schemaNotFound(String.valueOf(id));
        }
        ArrayNode result = JSON.createArrayNode();
        versions.forEach(v -> {
            if (withVersions) {
                result.addObject().put("subject", v.subject()).put("version", v.version());
            } else {
                result.add(v.subject());
            }
        });
        return result;
    }

    private JsonNode versions(String subject) {
        List<SchemaVersion> versions = store.live(subject);
        if (versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return array(versions.stream().map(SchemaVersion::version).toList());
    }

    private JsonNode register(String subject, HttpExchange exchange) {
        SchemaVersion registered = store.register(subject, schemaFrom(exchange));
        return JSON.createObjectNode().put("id", registered.id());
    }

    private JsonNode lookup(String subject, HttpExchange exchange) {
        Schema schema = schemaFrom(exchange);
        if (store.live(subject).isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return version(store.lookup(subject, schema).orElseThrow(() -> RegistryError.schemaNotFound("not found")));
    }

    private JsonNode compatible(String subject, String version, HttpExchange exchange) {
        Schema schema = schemaFrom(exchange);
        List<String> problems = store.compatibilityProblems(subject, schema, version);
        ObjectNode result = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
        if (queryFlag(exchange, "verbose")) {
            result.set("messages", array(problems));
        }
        return result;
    }

    private JsonNode subjectLevel(String subject, HttpExchange exchange) {
        CompatibilityLevel level = store.subjectLevel(subject).orElseGet(() -> {
            if (queryFlag(exchange, "defaultToGlobal")) {
                return store.level(null);
            }
            throw new RegistryError(404, 40408,
                    "Subject '" + subject + "' does not have subject-level compatibility configured");
        });
        return level(level);
    }

    private JsonNode setLevel(String subject, HttpExchange exchange) {
        JsonNode body = body(exchange);
        String requested = body.path("compatibility").asText(body.path("compatibilityLevel").asText(""));
        CompatibilityLevel level;
        try {
            level = CompatibilityLevel.valueOf(requested.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RegistryError(422, ErrorCodes.INVALID_COMPATIBILITY_LEVEL,
                    "Invalid compatibility level. Valid values are none, backward, forward, full, "
                            + "backward_transitive, forward_transitive, and full_transitive");
        }
        store.setLevel(subject, level);
        return JSON.createObjectNode().put("compatibility", level.name());
    }

    private JsonNode clearLevel(String subject) {
        CompatibilityLevel previous = store.level(subject);
        store.setLevel(subject, null);
        return level(previous);
    }

    private static JsonNode level(CompatibilityLevel level) {
        return JSON.createObjectNode().put("compatibilityLevel", level.name());
    }

    private static JsonNode version(SchemaVersion v) {
        return JSON.createObjectNode().put("subject", v.subject()).put("version", v.version()).put("id", v.id())
                .put("schema", v.schemaText());
    }

    private static Schema schemaFrom(HttpExchange exchange) {
        JsonNode body = body(exchange);
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw RegistryError.invalidSchema("schemaType " + type + " is not supported here; only AVRO");
        }
        if (body.path("references").size() > 0) {
            throw RegistryError.invalidSchema("schema references are not supported by the dev registry");
        }
        JsonNode schema = body.path("schema");
        if (!schema.isTextual() || schema.asText().isBlank()) {
            throw RegistryError.invalidSchema("the body must be {\"schema\": \"<Avro schema as a JSON string>\"}");
        }
        try {
            return new Schema.Parser().parse(schema.asText());
        } catch (SchemaParseException e) {
            throw RegistryError.invalidSchema(e.getMessage());
        } catch (RuntimeException e) {
            throw RegistryError.invalidSchema(e.toString());
        }
    }

    private static JsonNode body(HttpExchange exchange) {
        try {
            // Not closed here: respond() reads what is left, handle() closes the exchange.
            byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new RegistryError(413, 413, "request body larger than " + MAX_BODY + " bytes");
            }
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw RegistryError.badRequest("the request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw RegistryError.badRequest("malformed JSON in the request body: " + e.getMessage());
        }
    }

    /** Discards what is left of the body, up to {@link #MAX_DRAIN}; beyond that the connection is dropped. */
    private static void drain(InputStream in) {
        long drained = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; drained < MAX_DRAIN && (n = in.read(buffer)) >= 0; ) {
                drained += n;
            }
        } catch (IOException e) {
            // already closed or the client went away: the answer is all that is left to try
        }
    }

    private static String subject(Matcher m) {
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    private static int parseId(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw RegistryError.schemaNotFound(digits);
        }
    }

    private static boolean queryFlag(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        return query != null && List.of(query.split("&")).contains(name + "=true");
    }

    private static JsonNode array(List<?> values) {
        return JSON.valueToTree(values);
    }

    private static JsonNode raw(Schema schema) {
        try {
            return JSON.readTree(schema.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode error(int code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        // Read what is left of the request first (a refused or unread body): a server that answers and closes
        // while the client is still sending resets the connection, and the client never sees the answer.
        drain(exchange.getRequestBody());
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", SchemaRegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Route route(String method, String regex, Action action) {
        return new Route(method, Pattern.compile(regex), action);
    }

    private interface Action {
        JsonNode apply(Matcher matcher, HttpExchange exchange);
    }

    private record Route(String method, Pattern pattern, Action action) {
    }
}
