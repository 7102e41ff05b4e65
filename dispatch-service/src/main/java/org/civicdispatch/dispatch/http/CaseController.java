package org.civicdispatch.dispatch.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.regex.Pattern;
import org.civicdispatch.dispatch.queues.CaseView;
import org.civicdispatch.dispatch.topology.DispatchStreams;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One case as dispatch holds it: state, tasks, deadlines and the timers still to fire. The instance that owns the
 * case's partition answers; any other instance forwards the question to it.
 */
@RestController
@RequestMapping("/api/cases")
public class CaseController {

    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9:_-]{1,64}");

    private final DispatchStreams streams;
    private final PeerInstances peers;
    private final Clock clock;

    public CaseController(DispatchStreams streams, PeerInstances peers, Clock clock) {
        this.streams = streams;
        this.peers = peers;
        this.clock = clock;
    }

    @GetMapping(path = "/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> caseFile(@PathVariable String caseId,
                                      @RequestParam(defaultValue = "all") String scope) {
        if (!CASE_ID.matcher(caseId).matches()) {
            return problem(HttpStatus.BAD_REQUEST, "caseId is not well-formed");
        }
        DispatchStreams.CaseLocation location = streams.locate(caseId);
        if (location == null) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "dispatch is rebalancing; ask again shortly");
        }
        if (location.file() != null) {
            return ResponseEntity.ok(CaseView.of(location.file(), clock.instant()));
        }
        if (location.elsewhere() != null && !"local".equals(scope)) {
            return forward(location.elsewhere() + "/api/cases/" + caseId + "?scope=local");
        }
        return problem(HttpStatus.NOT_FOUND, "dispatch knows no case " + caseId);
    }

    private ResponseEntity<?> forward(String url) {
        try {
            HttpResponse<String> answer = peers.get(url);
            MediaType type = answer.headers().firstValue("Content-Type").map(MediaType::parseMediaType)
                    .orElse(MediaType.APPLICATION_JSON);
            return ResponseEntity.status(answer.statusCode()).contentType(type).body(answer.body());
        } catch (IOException e) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "the instance holding the case did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "interrupted");
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            builder.header("Retry-After", "2");
        }
        return builder.contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
