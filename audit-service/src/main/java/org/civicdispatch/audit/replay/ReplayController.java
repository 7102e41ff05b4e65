package org.civicdispatch.audit.replay;

import org.civicdispatch.audit.access.Caller;
import org.civicdispatch.audit.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

/** Replays of a period over HTTP. Refusals are {@code application/problem+json}. */
@RestController
public class ReplayController {

    private final RepublishingAPeriod republishing;

    public ReplayController(RepublishingAPeriod republishing) {
        this.republishing = republishing;
    }

    /** Body: {@code {"topic": "replay-…", "from": "2026-11-23T00:00:00Z", "to": "2026-11-24T00:00:00Z"}}. */
    @PostMapping("/api/audit/replays")
    public RepublishingAPeriod.Result republish(@RequestBody ReplayRequest request, Caller caller) {
        return republishing.republish(caller, request.topic(), Problems.instant("from", request.from()),
                Problems.instant("to", request.to()));
    }

    @ExceptionHandler(ReplayRefusedException.class)
    ErrorResponseException refused(ReplayRefusedException e) {
        return switch (e.reason()) {
            case LIVE_TOPIC -> Problems.problem(HttpStatus.CONFLICT, "live-topic", "Live topic", e.getMessage());
            case TOPIC_EXISTS -> Problems.problem(HttpStatus.CONFLICT, "replay-topic-exists", "Topic exists",
                    e.getMessage());
            case NOT_A_REPLAY_TOPIC -> Problems.problem(HttpStatus.BAD_REQUEST, "not-a-replay-topic",
                    "Not a replay topic", e.getMessage());
            case FORBIDDEN -> Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
            default -> Problems.problem(HttpStatus.BAD_REQUEST, "invalid-replay", "Invalid replay", e.getMessage());
        };
    }

    public record ReplayRequest(String topic, String from, String to) {
    }
}
