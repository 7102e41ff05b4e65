package org.civicdispatch.audit.timeline;

import java.util.regex.Pattern;
import org.civicdispatch.audit.access.Caller;
import org.civicdispatch.audit.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Case timelines for operators and auditors. Errors are {@code application/problem+json}. */
@RestController
public class TimelineController {

    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9:_-]{1,64}");

    private final ReadingTimelines timelines;

    public TimelineController(ReadingTimelines timelines) {
        this.timelines = timelines;
    }

    /** {@code asOf} (ISO-8601) gives the case as it stood then: the events whose own time is not later. */
    @GetMapping("/api/audit/incidents/{caseId}")
    public Timeline timeline(@PathVariable String caseId, @RequestParam(required = false) String asOf,
                             Caller caller) {
        if (!CASE_ID.matcher(caseId).matches()) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-case-id", "Invalid case id",
                    "A case id is 1 to 64 letters, digits, ':', '_' or '-'.");
        }
        return timelines.timeline(caller, caseId, Problems.instant("asOf", asOf))
                .orElseThrow(() -> Problems.problem(HttpStatus.NOT_FOUND, "unknown-case", "Unknown case",
                        "No event of case " + caseId + " has been recorded."));
    }
}
