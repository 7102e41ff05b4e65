package org.civicdispatch.intake.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.civicdispatch.intake.domain.FieldError;
import org.civicdispatch.intake.publish.IncidentPublisher.PublishFailedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as {@code application/problem+json}: field errors for invalid reports, 503 with Retry-After when the
 * event log cannot take the case (nothing was accepted, so the caller retries), and Spring's own 4xx for bodies
 * that are not JSON, the wrong media type, or too large.
 */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {

    static ResponseEntity<ProblemDetail> invalidReport(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The report has " + errors.size() + " invalid field(s).");
        problem.setType(URI.create("urn:civic-dispatch:problem:invalid-report"));
        problem.setTitle("Invalid report");
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(PublishFailedException.class)
    ResponseEntity<ProblemDetail> eventLogUnavailable(PublishFailedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                e.getMessage() + "; the report was not accepted, send it again.");
        problem.setType(URI.create("urn:civic-dispatch:problem:event-log-unavailable"));
        problem.setTitle("Intake temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
