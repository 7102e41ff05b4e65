package org.civicdispatch.console.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One service behind the console. Answers are passed through as the service gave them (status, body, the headers a
 * client acts on); a service that cannot be reached, times out or fails without a problem document becomes a
 * problem+json from the console naming that service, so the page can always say what went wrong.
 */
public final class Upstream {

    /**
     * Request headers the console passes on: the operator, the caller's token, a resend key, and a preference such
     * as audit's {@code Prefer: respond-async} for replays.
     */
    public static final List<String> FORWARDED_REQUEST_HEADERS = List.of("X-Operator", "Authorization",
            "Idempotency-Key", "Prefer");
    private static final List<String> FORWARDED_RESPONSE_HEADERS = List.of("Location", "Retry-After",
            "Idempotent-Replayed", "Content-Disposition", "Preference-Applied");

    private final String name;
    private final URI base;
    private final Duration timeout;
    private final HttpClient http;
    private final String fallbackAuthorization;

    /**
     * @param fallbackToken sent as the bearer token when the browser sends none (a dev stack's convenience); blank
     *                      for none, so each operator's own token is required
     */
    public Upstream(String name, URI base, Duration timeout, String fallbackToken) {
        this.name = name;
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.timeout = timeout;
        this.fallbackAuthorization = fallbackToken == null || fallbackToken.isBlank() ? null
                : fallbackToken.startsWith("Bearer ") ? fallbackToken : "Bearer " + fallbackToken;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    public String name() {
        return name;
    }

    /** GET {@code pathAndQuery} (starting with '/'). */
    public ResponseEntity<?> get(String pathAndQuery, Map<String, String> headers) {
        return exchange(request(pathAndQuery, headers).GET());
    }

    /** POST a JSON body (an empty body for commands without one). */
    public ResponseEntity<?> post(String pathAndQuery, byte[] json, Map<String, String> headers) {
        return exchange(request(pathAndQuery, headers).header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json == null ? new byte[0] : json)));
    }

    private HttpRequest.Builder request(String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout);
        headers.forEach((header, value) -> {
            if (value != null && FORWARDED_REQUEST_HEADERS.stream().anyMatch(h -> h.equalsIgnoreCase(header))) {
                builder.header(header, value);
            }
        });
        if (fallbackAuthorization != null && headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            builder.header("Authorization", fallbackAuthorization);
        }
        return builder;
    }

    private ResponseEntity<?> exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> passOn = new java.util.LinkedHashMap<>();
            for (String header : FORWARDED_RESPONSE_HEADERS) {
                answer.headers().firstValue(header).ifPresent(v -> passOn.put(header, v));
            }
            return relay(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(null),
                    answer.body(), passOn);
        } catch (IOException e) {
            return failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UpstreamProblems.unavailable(name, "interrupted");
        }
    }

    private ResponseEntity<?> relay(int status, String contentType, byte[] body, Map<String, String> headers) {
        MediaType type = contentType == null ? null : parse(contentType);
        boolean json = type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || type.getSubtype().endsWith("+json"));
        if (status >= 400 && !json) {
            // An HTML error page or an empty body tells an operator nothing: say which service failed and how.
            return UpstreamProblems.failed(name, status, body);
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
        headers.forEach(builder::header);
        if (type != null) {
            builder.contentType(type);
        }
        return builder.body(body);
    }

    private ResponseEntity<?> failure(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return UpstreamProblems.timedOut(name, timeout);
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return UpstreamProblems.unavailable(name, "connection refused");
        }
        return UpstreamProblems.unavailable(name, e.getClass().getSimpleName());
    }

    private static MediaType parse(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static HttpStatus gatewayStatus(int upstreamStatus) {
        return upstreamStatus >= 500 ? HttpStatus.BAD_GATEWAY : HttpStatus.valueOf(upstreamStatus);
    }
}
