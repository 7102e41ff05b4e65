package org.civicdispatch.audit.replay;

import java.net.URI;
import java.util.Arrays;
import org.civicdispatch.audit.access.Caller;
import org.civicdispatch.audit.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replays of a period over HTTP. By default the request waits for the replay and answers its {@link
 * RepublishingAPeriod.Result}; with {@code Prefer: respond-async} (RFC 7240) it answers 202 at once with a {@link
 * ReplayProgress} and its {@code Location}, which {@code GET} follows. Refusals are {@code application/problem+json}
 * either way.
 */
@RestController
public class ReplayController {

    static final String REPLAYS = "/api/audit/replays";

    private final RepublishingAPeriod republishing;
    private final BackgroundReplays background;

    public ReplayController(RepublishingAPeriod republishing, BackgroundReplays background) {
        this.republishing = republishing;
        this.background = background;
    }

    /** Body: {@code {"topic": "replay-…", "from": "2026-11-23T00:00:00Z", "to": "2026-11-24T00:00:00Z"}}. */
    @PostMapping(REPLAYS)
    public ResponseEntity<?> republish(@RequestBody ReplayRequest request,
                                       @RequestHeader(name = "Prefer", required = false) String prefer,
                                       Caller caller) {
        if (respondAsync(prefer)) {
            ReplayProgress started = background.start(caller, request.topic(),
                    Problems.instant("from", request.from()), Problems.instant("to", request.to()));
            return ResponseEntity.accepted().location(URI.create(REPLAYS + "/" + started.id()))
                    .header("Preference-Applied", "respond-async").body(started);
        }
        return ResponseEntity.ok(republishing.republish(caller, request.topic(),
                Problems.instant("from", request.from()), Problems.instant("to", request.to())));
    }

    @GetMapping(REPLAYS + "/{id}")
    public ReplayProgress progress(@PathVariable String id) {
        return background.find(id).orElseThrow(() -> Problems.problem(HttpStatus.NOT_FOUND, "replay-not-found",
                "No such replay", "no replay " + id + " was started since audit-service last started"));
    }

    private static boolean respondAsync(String prefer) {
        return prefer != null && Arrays.stream(prefer.split(","))
                .map(preference -> preference.split(";", 2)[0].trim())
                .anyMatch("respond-async"::equalsIgnoreCase);
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
