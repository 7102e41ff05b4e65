package org.civicdispatch.audit.timeline;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.civicdispatch.audit.store.AuditLog;
import org.civicdispatch.audit.store.RecordedEvent;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Case timelines for operators and auditors. Errors are {@code application/problem+json}. */
@RestController
public class TimelineController {

    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9:_-]{1,64}");

    private final AuditLog log;

    public TimelineController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/api/audit/incidents/{caseId}")
    public Timeline timeline(@PathVariable String caseId) {
        if (!CASE_ID.matcher(caseId).matches()) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-case-id", "Invalid case id",
                    "A case id is 1 to 64 letters, digits, ':', '_' or '-'.");
        }
        List<RecordedEvent> events = log.timelineOf(caseId);
        if (events.isEmpty()) {
            throw problem(HttpStatus.NOT_FOUND, "unknown-case", "Unknown case",
                    "No event of case " + caseId + " has been recorded.");
        }
        return new Timeline(caseId, events.stream().map(Timeline.Event::of).toList());
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:civic-dispatch:problem:" + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
