package org.civicdispatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's backend-for-frontend on a real port, in front of a loopback HTTP server that plays a misbehaving
 * dispatch and audit (HTML error pages, problem documents, a short event stream) and of an intake nobody listens
 * for. The happy path through the real services is {@code devstack}'s ConsoleBrowserTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBackendTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer SERVICES = services();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        String services = "http://127.0.0.1:" + SERVICES.getAddress().getPort();
        registry.add("civic.console.dispatch-url", () -> services);
        registry.add("civic.console.audit-url", () -> services);
        registry.add("civic.console.intake-url", () -> "http://127.0.0.1:" + closedPort());
    }

    @BeforeEach
    void forget() {
        RECEIVED.clear();
    }

    @AfterAll
    static void stop() {
        SERVICES.stop(0);
    }

    @Test
    void shouldAnswerBadGatewayProblemWhenAServiceIsUnreachable() throws Exception {
        HttpResponse<String> answer = post("/api/incidents", "{\"channel\":\"HOTLINE_12345\"}", Map.of());

        assertProblem(answer, 502, "urn:civic-dispatch:problem:upstream-unavailable");
        assertThat(json(answer).path("service").asString()).isEqualTo("intake-service");
    }

    @Test
    void shouldTurnAnHtmlErrorPageIntoAProblemNamingTheService() throws Exception {
        HttpResponse<String> answer = get("/api/catalog");

        assertProblem(answer, 502, "urn:civic-dispatch:problem:upstream-error");
        assertThat(json(answer).path("upstreamStatus").asInt()).isEqualTo(500);
        assertThat(json(answer).path("detail").asString()).contains("catalog file is broken").doesNotContain("<h1>");
    }

    @Test
    void shouldPassAServicesProblemThroughWithItsStatus() throws Exception {
        HttpResponse<String> answer = get("/api/assessment?period=2026-13&by=department");

        assertProblem(answer, 404, "about:blank");
        assertThat(json(answer).path("detail").asString()).isEqualTo("no such endpoint");
        assertThat(RECEIVED).containsExactly("GET /api/assessment?period=2026-13&by=department");
    }

    @Test
    void shouldRefuseAMalformedCaseIdWithoutAskingDispatch() throws Exception {
        HttpResponse<String> answer = get("/api/cases/NG%20x'%3B--");

        assertProblem(answer, 400, "urn:civic-dispatch:problem:invalid-input");
        assertThat(json(answer).path("errors").get(0).path("field").asString()).isEqualTo("caseId");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void shouldRefuseCommandsThatAreUnknownUnsignedOrNotJson() throws Exception {
        Map<String, String> operator = Map.of("X-Operator", "op-7");
        assertThat(json(assertProblem(post("/api/cases/C-1/delete", "{}", operator), 400,
                "urn:civic-dispatch:problem:invalid-input")).path("errors").get(0).path("field").asString())
                .isEqualTo("command");
        assertThat(json(assertProblem(post("/api/cases/C-1/pause", "{\"reason\":\"x\"}", Map.of()), 400,
                "urn:civic-dispatch:problem:invalid-input")).path("errors").get(0).path("field").asString())
                .isEqualTo("X-Operator");
        assertThat(json(assertProblem(post("/api/cases/C-1/pause", "reason=x", operator), 400,
                "urn:civic-dispatch:problem:invalid-input")).path("errors").get(0).path("field").asString())
                .isEqualTo("body");
        assertProblem(get("/api/queues?department=%3Cscript%3E"), 400, "urn:civic-dispatch:problem:invalid-input");
        assertProblem(get("/api/audit/verify%20now"), 400, "urn:civic-dispatch:problem:invalid-input");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void shouldForwardACommandWithItsOperatorAndBody() throws Exception {
        HttpResponse<String> answer = post("/api/cases/C-1/pause", "{\"reason\":\"caller unreachable\"}",
                Map.of("X-Operator", "op-7", "Cookie", "session=secret"));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(json(answer).path("commandId").asString()).isEqualTo("cmd-1");
        assertThat(RECEIVED).containsExactly(
                "POST /api/cases/C-1/pause operator=op-7 cookie=null {\"reason\":\"caller unreachable\"}");
    }

    @Test
    void shouldAskAuditForAnAsyncReplayAndPassOnWhereToFollowIt() throws Exception {
        HttpResponse<String> answer = post("/api/audit/replays",
                "{\"topic\":\"replay-x\",\"from\":\"2026-11-23T00:00:00Z\",\"to\":\"2026-11-23T01:00:00Z\"}",
                Map.of("Prefer", "respond-async"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.headers().firstValue("Location")).hasValue("/api/audit/replays/replay-x");
        assertThat(answer.headers().firstValue("Preference-Applied")).hasValue("respond-async");
        assertThat(json(answer).path("status").asString()).isEqualTo("QUEUED");
        assertThat(RECEIVED).singleElement().asString().startsWith("POST /api/audit/replays prefer=respond-async ");
    }

    @Test
    void shouldPushTheQueueAsServerSentEvents() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/queues/stream?street=NG-S01")).build(),
                HttpResponse.BodyHandlers.ofLines());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (java.util.stream.Stream<String> lines = answer.body()) {
            assertThat(lines.limit(5).toList()).contains("event:queue", "data:[{\"caseId\":\"C-1\"}]");
        }
        assertThat(RECEIVED).first().isEqualTo("GET /api/queues?street=NG-S01");
    }

    @Test
    void shouldServeTheDistrictGridsAsGeoJson() throws Exception {
        HttpResponse<String> answer = get("/api/territory/grids");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode grids = json(answer);
        assertThat(grids.path("features").size()).isEqualTo(586);
        assertThat(grids.path("streets").size()).isEqualTo(8);
        assertThat(grids.path("communities").size()).isEqualTo(58);
        JsonNode first = grids.path("features").get(0);
        assertThat(first.path("geometry").path("type").asString()).isEqualTo("Polygon");
        assertThat(first.path("properties").path("grid").asString()).startsWith("NG-S");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> assertProblem(HttpResponse<String> answer, int status, String type) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(answer).path("type").asString()).isEqualTo(type);
        return answer;
    }

    private static JsonNode json(HttpResponse<String> answer) {
        return JSON.readTree(answer.body());
    }

    private static HttpServer services() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/dispatch/catalog", exchange -> answer(exchange, 500, "text/html",
                    "<html><body><h1>Whitelabel Error Page</h1>catalog file is broken</body></html>"));
            server.createContext("/api/assessment", exchange -> answer(exchange, 404, "application/problem+json",
                    "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no such endpoint\"}"));
            server.createContext("/api/cases/C-1/pause", exchange -> answer(exchange, 202, "application/json",
                    "{\"commandId\":\"cmd-1\",\"caseId\":\"C-1\"}"));
            server.createContext("/api/audit/replays", exchange -> {
                String prefer = exchange.getRequestHeaders().getFirst("Prefer");
                RECEIVED.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " prefer=" + prefer + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.getResponseHeaders().add("Location", "/api/audit/replays/replay-x");
                exchange.getResponseHeaders().add("Preference-Applied", prefer);
                byte[] body = "{\"id\":\"replay-x\",\"status\":\"QUEUED\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders("respond-async".equals(prefer) ? 202 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/api/queues", exchange -> answer(exchange, 200, "application/json",
                    "[{\"caseId\":\"C-1\"}]"));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        if ("POST".equals(exchange.getRequestMethod())) {
            request += " operator=" + exchange.getRequestHeaders().getFirst("X-Operator") + " cookie="
                    + exchange.getRequestHeaders().getFirst("Cookie") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        }
        RECEIVED.add(request);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
