package org.civicdispatch.dispatch.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import org.civicdispatch.dispatch.queues.CaseView;
import org.civicdispatch.dispatch.topology.DispatchStreams;
import org.civicdispatch.security.Forbidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds a case wherever it is held: in this instance's stores, or by asking the instance that owns its partition
 * (with the caller's own token, so that instance checks the caller's scope too).
 */
@Component
public class CaseViews {

    private final DispatchStreams streams;
    private final PeerInstances peers;
    private final Clock clock;
    private final JsonMapper json;

    public CaseViews(DispatchStreams streams, PeerInstances peers, Clock clock, JsonMapper json) {
        this.streams = streams;
        this.peers = peers;
        this.clock = clock;
        this.json = json;
    }

    /** The case held here only; {@code null} location means nobody can answer now (rebalancing). */
    public Optional<CaseView> local(String caseId) {
        DispatchStreams.CaseLocation location = locate(caseId);
        return Optional.ofNullable(location.file()).map(f -> CaseView.of(f, clock.instant()));
    }

    public Optional<CaseView> find(String caseId, String authorization) {
        DispatchStreams.CaseLocation location = locate(caseId);
        if (location.file() != null) {
            return Optional.of(CaseView.of(location.file(), clock.instant()));
        }
        if (location.elsewhere() == null) {
            return Optional.empty();
        }
        try {
            HttpResponse<String> answer = peers.get(location.elsewhere() + "/api/cases/" + caseId + "?scope=local",
                    authorization);
            return switch (answer.statusCode()) {
                case 200 -> Optional.of(json.readValue(answer.body(), CaseView.class));
                case 404 -> Optional.empty();
                case 403 -> throw new Forbidden("case " + caseId + " is outside your streets or department");
                default -> throw unavailable("the instance holding case " + caseId + " answered "
                        + answer.statusCode());
            };
        } catch (IOException e) {
            throw unavailable("the instance holding case " + caseId + " did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    private DispatchStreams.CaseLocation locate(String caseId) {
        DispatchStreams.CaseLocation location = streams.locate(caseId);
        if (location == null) {
            throw unavailable("dispatch is rebalancing; ask again shortly");
        }
        return location;
    }

    static ErrorResponseException unavailable(String detail) {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail), null);
        e.getHeaders().set("Retry-After", "2");
        return e;
    }
}
