package org.civicdispatch.intake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civicdispatch.reference.territory.GridShape;
import org.civicdispatch.reference.territory.Territory;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.PostgresEndpoint;
import org.civicdispatch.testkit.TestInfrastructure;
import org.civicdispatch.testkit.TestTokens;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Places inside the demo district and the wiring every intake test needs. */
public final class IntakeTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private IntakeTestSupport() {
    }

    public static void infrastructure(DynamicPropertyRegistry registry, String database) {
        // Dispatch provisions the case stream in the platform; intake reads it for status lookups.
        try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafkaBootstrapServers())) {
            kafka.createTopics("case-events");
        }
        TestInfrastructure.kafkaAndRegistry(registry);
        TestTokens.register(registry);
        PostgresEndpoint db = TestInfrastructure.postgres(database);
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }

    /** {"latitude":..,"longitude":..} of the centre of the n-th grid of the demo district. */
    public static String inside(int grid) {
        double[] point = centre(Territory.bundled().grids().get(grid));
        return "{\"latitude\":" + point[1] + ",\"longitude\":" + point[0] + "}";
    }

    public static String gridCode(int grid) {
        return Territory.bundled().grids().get(grid).place().gridCode();
    }

    /** lon, lat: the mean of the ring's corners, inside for the convex cells of the demo district. */
    public static double[] centre(GridShape grid) {
        List<double[]> ring = grid.ring();
        double lon = 0;
        double lat = 0;
        int corners = ring.size() - 1;
        for (double[] p : ring.subList(0, corners)) {
            lon += p[0];
            lat += p[1];
        }
        return new double[] {lon / corners, lat / corners};
    }

    /** The case id of a 202 answer. */
    public static String caseIdOf(HttpResponse<String> response) {
        if (response.statusCode() != 202) {
            throw new AssertionError("expected 202, got " + response.statusCode() + ": " + response.body());
        }
        return response.body().replaceAll(".*\"caseId\":\"([^\"]+)\".*", "$1");
    }

    public static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> post(int port, String contentType, String body, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/incidents"))
                .header("Content-Type", contentType)
                .header("Authorization", TestTokens.intakeClient())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
