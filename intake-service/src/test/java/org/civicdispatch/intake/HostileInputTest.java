package org.civicdispatch.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import org.civicdispatch.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A seeded generator of hostile requests over the REST front door: every answer is a 4xx problem or, for the
 * mutations that leave a valid report, a 202. Never a 5xx, never an accepted report that should have been refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputTest {

    private static final long SEED = 20261122L;
    private static final int CASES = 250;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.infrastructure(registry, "intake_hostile");
    }

    /** A way to spoil (or keep valid) a good report; {@code stillValid} says which. */
    record Mutation(String name, boolean stillValid, Function<Random, byte[]> body, String contentType) {
    }

    @Test
    void shouldNeverAnswer5xxNorAcceptGarbageOverTheRestApi() throws Exception {
        assertThat(run("/api/incidents", restMutations(), 202,
                type -> type.startsWith("application/problem+json"))).as("seed " + SEED).isEmpty();
    }

    @Test
    void shouldNeverAnswer5xxNorAcceptGarbageOverOpen311() throws Exception {
        assertThat(run("/open311/v2/requests.json", open311Mutations(), 200,
                type -> type.startsWith("application/json") || type.startsWith("application/problem+json")))
                .as("seed " + SEED).isEmpty();
    }

    /** The failures, one line each: a valid report not accepted, or an invalid one not refused with a 4xx. */
    private List<String> run(String path, List<Mutation> mutations, int acceptedStatus,
                             Predicate<String> errorContentType) throws Exception {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Mutation m = mutations.get(random.nextInt(mutations.size()));
            byte[] body = m.body().apply(random);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path))
                    .header("Content-Type", m.contentType())
                    .header("Authorization", TestTokens.intakeClient())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            boolean ok = m.stillValid() ? status == acceptedStatus
                    : status >= 400 && status < 500 && response.headers().firstValue("Content-Type")
                    .map(errorContentType::test).orElse(false);
            if (!ok) {
                failures.add(m.name() + " -> " + status + " " + abbreviate(response.body()) + " for "
                        + abbreviate(new String(body, StandardCharsets.UTF_8)));
            }
        }
        return failures;
    }

    private static List<Mutation> open311Mutations() {
        String form = "application/x-www-form-urlencoded";
        return List.of(
                new Mutation("valid", true, r -> form(validForm(r)), form),
                new Mutation("missing service_code", false, r -> form(validForm(r)
                        .replaceAll("service_code=[^&]*&", "")), form),
                new Mutation("unknown service_code", false, r -> form(validForm(r)
                        .replaceAll("service_code=[^&]*", "service_code=x" + r.nextInt(1000))), form),
                new Mutation("latitude not a number", false, r -> form(validForm(r)
                        .replaceAll("lat=[^&]*", "lat=north")), form),
                new Mutation("latitude out of range", false, r -> form(validForm(r)
                        .replaceAll("lat=[^&]*", "lat=" + (91 + r.nextInt(1000)))), form),
                new Mutation("point outside the district", false, r -> form(validForm(r)
                        .replaceAll("lat=[^&]*", "lat=39.9").replaceAll("long=[^&]*", "long=116.4")), form),
                new Mutation("no location", false, r -> form(validForm(r)
                        .replaceAll("&lat=[^&]*", "").replaceAll("&long=[^&]*", "")), form),
                new Mutation("invalid UTF-8 in description", false, r -> form(validForm(r)
                        .replaceAll("description=[^&]*", "description=%C3%28bad")), form),
                new Mutation("NUL in description", false, r -> form(validForm(r)
                        .replaceAll("description=[^&]*", "description=a%00b")), form),
                new Mutation("huge description", false, r -> form(validForm(r)
                        .replaceAll("description=[^&]*", "description=" + "x".repeat(5000))), form),
                new Mutation("missing api_key", false, r -> form(validForm(r)
                        .replaceFirst("^api_key=[^&]*&", "")), form),
                new Mutation("JSON instead of a form", false, r -> json("{\"service_code\":\"sanitation\"}"),
                        "application/json"),
                new Mutation("random bytes", false, r -> {
                    byte[] b = new byte[1 + r.nextInt(2000)];
                    r.nextBytes(b);
                    return b;
                }, form),
                new Mutation("broken percent escapes", false, r -> form("service_code=%ZZ&lat=%&long=%%%"), form),
                new Mutation("bad media URL", false, r -> form(validForm(r) + "&media_url=javascript:alert(1)"),
                        form));
    }

    private static String validForm(Random r) {
        String[] point = IntakeTestSupport.inside(r.nextInt(586)).replaceAll("[{}\"a-z:]", "").split(",");
        return "api_key=dev&service_code=sanitation.street-cleaning&lat=" + point[0] + "&long=" + point[1]
                + "&description=" + java.net.URLEncoder.encode("报告 " + r.nextInt(1_000_000), StandardCharsets.UTF_8);
    }

    private static byte[] form(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static List<Mutation> restMutations() {
        String json = "application/json";
        return List.of(
                new Mutation("valid", true, r -> report(r, IntakeTestSupport.inside(r.nextInt(586)), "\"sanitation\""),
                        json),
                new Mutation("unknown extra field", true, r -> json(validJson(r).replaceFirst("\\{",
                        "{\"x-extra\":[1,2,{\"a\":null}],")), json),
                new Mutation("missing description", false, r -> json(validJson(r)
                        .replaceAll("\"description\":\"[^\"]*\",", "")), json),
                new Mutation("wrong type for description", false, r -> json(validJson(r)
                        .replaceAll("\"description\":\"[^\"]*\"", "\"description\":{\"nested\":true}")), json),
                new Mutation("huge description", false, r -> json(validJson(r)
                        .replaceAll("\"description\":\"[^\"]*\"", "\"description\":\"" + "问".repeat(5000) + "\"")),
                        json),
                new Mutation("control characters", false, r -> json(validJson(r)
                        .replaceAll("\"description\":\"[^\"]*\"", "\"description\":\"a\\\\u0000b\\\\u001b\"")), json),
                new Mutation("lone surrogate", false, r -> json(validJson(r)
                        .replaceAll("\"description\":\"[^\"]*\"", "\"description\":\"x\\\\ud800y\"")), json),
                new Mutation("invalid UTF-8 bytes", false, r -> invalidUtf8(validJson(r)), json),
                new Mutation("point outside the district", false, r -> report(r,
                        "{\"latitude\":" + (r.nextDouble() * 170 - 85) + ",\"longitude\":" + (r.nextDouble() * 60 - 30)
                                + "}", "\"sanitation\""), json),
                new Mutation("coordinates as strings", false, r -> report(r,
                        "{\"latitude\":\"north\",\"longitude\":\"east\"}", "\"sanitation\""), json),
                new Mutation("NaN coordinates", false, r -> report(r, "{\"latitude\":NaN,\"longitude\":1}",
                        "\"sanitation\""), json),
                new Mutation("unknown category", false, r -> report(r, IntakeTestSupport.inside(1),
                        "\"c" + Long.toHexString(r.nextLong()) + "\""), json),
                new Mutation("category injection", false, r -> report(r, IntakeTestSupport.inside(1),
                        "\"sanitation'; drop table intake_case; --\""), json),
                new Mutation("truncated JSON", false, r -> {
                    byte[] full = validJson(r).getBytes(StandardCharsets.UTF_8);
                    byte[] cut = new byte[1 + r.nextInt(full.length - 2)];
                    System.arraycopy(full, 0, cut, 0, cut.length);
                    return cut;
                }, json),
                new Mutation("deeply nested", false, r -> json("{\"location\":" + "[".repeat(5000) + "]".repeat(5000)
                        + "}"), json),
                new Mutation("random bytes", false, r -> {
                    byte[] b = new byte[r.nextInt(2000)];
                    r.nextBytes(b);
                    return b;
                }, json),
                new Mutation("not JSON at all", false, r -> json("channel=HOTLINE_12345&description=x"),
                        "application/x-www-form-urlencoded"),
                new Mutation("XML body", false, r -> json("<report><description>x</description></report>"),
                        "application/xml"),
                new Mutation("body too large", false, r -> json("{\"description\":\"" + "x".repeat(70_000) + "\"}"),
                        json),
                new Mutation("empty body", false, r -> new byte[0], json),
                new Mutation("null body", false, r -> json("null"), json),
                new Mutation("number overflow", false, r -> report(r,
                        "{\"latitude\":1e400,\"longitude\":-1e400}", "\"sanitation\""), json));
    }

    private static String validJson(Random r) {
        return new String(report(r, IntakeTestSupport.inside(r.nextInt(586)), "\"sanitation.street-cleaning\""),
                StandardCharsets.UTF_8);
    }

    private static byte[] report(Random r, String location, String category) {
        return json("{\"channel\":\"MOBILE_APP\",\"category\":" + category + ",\"description\":\"报告 "
                + r.nextInt(1_000_000) + "\",\"location\":" + location + "}");
    }

    private static byte[] invalidUtf8(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int at = json.indexOf("报告");
        bytes[at] = (byte) 0xC3;
        bytes[at + 1] = (byte) 0x28;
        return bytes;
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
