package org.civicdispatch.devinfra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A development SMS gateway speaking the protocol of notification-service's {@code HttpSmsGateway}: it stores what
 * it is sent (deduped by {@code Idempotency-Key}) instead of sending it, and serves the inbox as JSON at
 * {@code GET /v1/messages}. For the embedded default and for tests, it can be told to answer the next requests with errors, 429s or delays
 * ({@link #script}), or every request for a while with an error ({@link #failFor}). Binds to loopback only.
 */
public final class DevSmsGateway implements AutoCloseable {

    /** The headers of the gateway protocol; notification's client sends these. */
    public static final String API_KEY_HEADER = "X-Api-Key";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    /**
     * One scripted answer: an HTTP status after a delay; status 0 accepts (and stores) the message as usual but
     * answers only after the delay, as a gateway that sent the SMS and then stalled.
     */
    public record Answer(int status, long delayMillis) {

        public static Answer accept() {
            return new Answer(0, 0);
        }
    }

    /** A message as the gateway took it. */
    public record Message(String idempotencyKey, String to, String text, long receivedAt) {
    }

    /** A webhook call as a department system would have received it, signature headers included. */
    public record WebhookCall(String path, String signature, String timestamp, String body, long receivedAt) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String apiKey;
    private final Map<String, Message> inbox = new LinkedHashMap<>();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile long failingUntil;
    private volatile int failingStatus;
    private final List<WebhookCall> webhookCalls = new ArrayList<>();

    private DevSmsGateway(HttpServer server, String apiKey) {
        this.server = server;
        this.apiKey = apiKey;
    }

    public static DevSmsGateway start(int port, String apiKey) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            DevSmsGateway gateway = new DevSmsGateway(server, apiKey);
            server.createContext("/v1/messages", gateway::handle);
            server.createContext("/dev/webhooks/", gateway::receiveWebhook);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the dev SMS gateway on port " + port, e);
        }
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8085;
        DevSmsGateway gateway = start(port, System.getenv().getOrDefault("NOTIFY_SMS_API_KEY", "dev-sms-key"));
        System.out.println("dev SMS gateway at " + gateway.url() + "/v1/messages");
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next requests get these answers, in order; after them the gateway accepts again. */
    public void script(Answer... answers) {
        script.addAll(List.of(answers));
    }

    /**
     * A provider outage: until {@code period} has passed, every message request is answered with {@code status}
     * and nothing is stored.
     */
    public void failFor(Duration period, int status) {
        failingStatus = status;
        failingUntil = Clock.systemUTC().millis() + period.toMillis();
    }

    /** Message requests answered with an error by {@link #failFor}. */
    public int failed() {
        return failed.get();
    }

    public synchronized List<Message> messages() {
        return List.copyOf(new ArrayList<>(inbox.values()));
    }

    /** Every request that reached the gateway, accepted, refused or repeated. */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                answer(exchange, 200, JSON.writeValueAsBytes(messages()));
                return;
            }
            requests.incrementAndGet();
            if (Clock.systemUTC().millis() < failingUntil) {
                failed.incrementAndGet();
                answer(exchange, failingStatus, "{\"error\":\"outage\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Answer scripted = script.poll();
            if (scripted != null && scripted.status() != 0) {
                Thread.sleep(scripted.delayMillis());
                answer(exchange, scripted.status(), "{\"error\":\"scripted\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!apiKey.equals(exchange.getRequestHeaders().getFirst(API_KEY_HEADER))) {
                answer(exchange, 401, "{\"error\":\"bad api key\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY_HEADER);
            Map<?, ?> body = JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
            if (key == null || !(body.get("to") instanceof String to) || !(body.get("text") instanceof String text)) {
                answer(exchange, 400, "{\"error\":\"to, text and Idempotency-Key are required\"}"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            boolean duplicate;
            synchronized (this) {
                duplicate = inbox.putIfAbsent(key, new Message(key, to, text,
                        Clock.systemUTC().millis())) != null;
            }
            if (scripted != null) {
                Thread.sleep(scripted.delayMillis());
            }
            answer(exchange, 202, JSON.writeValueAsBytes(Map.of("messageId", key, "duplicate", duplicate)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stands in for the department systems that asked for webhooks in the embedded default: keeps each call, and
     * lists them on GET. (Real receivers check the signature with notification's {@code WebhookVerifier}.)
     */
    private void receiveWebhook(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                synchronized (this) {
                    answer(exchange, 200, JSON.writeValueAsBytes(webhookCalls));
                }
                return;
            }
            WebhookCall call = new WebhookCall(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Civic-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Civic-Timestamp"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    Clock.systemUTC().millis());
            synchronized (this) {
                webhookCalls.add(call);
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
