package org.civicdispatch.console.upstream;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The console's own problem documents for a service that failed it. */
final class UpstreamProblems {

    private UpstreamProblems() {
    }

    static ResponseEntity<ProblemDetail> unavailable(String service, String why) {
        return problem(HttpStatus.BAD_GATEWAY, "upstream-unavailable", service + " is unavailable",
                service + " could not be reached (" + why + "); try again shortly.", service, null);
    }

    static ResponseEntity<ProblemDetail> timedOut(String service, Duration timeout) {
        return problem(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", service + " did not answer in time",
                service + " did not answer within " + timeout.toSeconds() + " s.", service, null);
    }

    /** A failure answered without a problem document: 5xx becomes 502, a 4xx keeps its status. */
    static ResponseEntity<ProblemDetail> failed(String service, int status, byte[] body) {
        String excerpt = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8)
                .replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return problem(Upstream.gatewayStatus(status), "upstream-error", service + " answered " + status,
                excerpt.isEmpty() ? service + " answered " + status + " without details." : excerpt, service,
                status);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
                                                         String service, Integer upstreamStatus) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:civic-dispatch:problem:" + type));
        problem.setTitle(title);
        problem.setProperty("service", service);
        if (upstreamStatus != null) {
            problem.setProperty("upstreamStatus", upstreamStatus);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
