package org.civicdispatch.console.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.civicdispatch.console.upstream.Upstream;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One case: dispatch's view (state, tasks, timers), audit's timeline, and the operator's commands, which dispatch
 * accepts with 202 and applies in order with the case's other events.
 */
@RestController
@RequestMapping("/api/cases/{caseId}")
public class CaseApi {

    /** The commands dispatch takes, and whether each needs a body. */
    private static final Map<String, Boolean> COMMANDS = Map.of("reroute", true, "extension", true, "escalation",
            true, "merge", true, "pause", true, "resume", false, "rating", true);
    private static final Set<String> TIMELINE_PARAMS = Set.of("asOf");

    private final Upstream dispatch;
    private final Upstream audit;

    public CaseApi(@Qualifier("dispatch") Upstream dispatch, @Qualifier("audit") Upstream audit) {
        this.dispatch = dispatch;
        this.audit = audit;
    }

    @GetMapping
    public ResponseEntity<?> caseFile(@PathVariable String caseId, HttpServletRequest request) {
        return dispatch.get("/api/cases/" + Requests.caseId(caseId), Requests.forwardedHeaders(request));
    }

    @GetMapping("/timeline")
    public ResponseEntity<?> timeline(@PathVariable String caseId, HttpServletRequest request) {
        return audit.get("/api/audit/incidents/" + Requests.caseId(caseId)
                + Requests.codeQuery(request, TIMELINE_PARAMS), Requests.forwardedHeaders(request));
    }

    @PostMapping("/{command}")
    public ResponseEntity<?> command(@PathVariable String caseId, @PathVariable String command,
                                     @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        Requests.caseId(caseId);
        Boolean needsBody = COMMANDS.get(command);
        if (needsBody == null) {
            throw new InvalidInput("command", "must be one of " + new java.util.TreeSet<>(COMMANDS.keySet()));
        }
        String operator = request.getHeader("X-Operator");
        if (operator == null || operator.isBlank()) {
            throw new InvalidInput("X-Operator", "header is required: who gives the command");
        }
        return dispatch.post("/api/cases/" + caseId + "/" + command, Requests.jsonObject(body, needsBody),
                Requests.forwardedHeaders(request));
    }
}
