package org.civicdispatch.intake.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.civicdispatch.intake.domain.FieldError;
import org.civicdispatch.intake.publish.IncidentPublisher.PublishFailedException;
import org.springframework.dao.DataAccessException;
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
 * event log or the ledger cannot take the case (nothing was accepted, so the caller retries), and Spring's own 4xx
 * for bodies that are not JSON or of the wrong media type.
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

    static ResponseEntity<ProblemDetail> keyReused(String caseId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "This Idempotency-Key was used for a different report (case " + caseId + "); use a new key.");
        problem.setType(URI.create("urn:civic-dispatch:problem:idempotency-key-reused"));
        problem.setTitle("Idempotency key reused");
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ResponseEntity<ProblemDetail> badIdempotencyKey() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Idempotency-Key must be 1 to 128 characters.");
        problem.setType(URI.create("urn:civic-dispatch:problem:bad-idempotency-key"));
        problem.setTitle("Bad idempotency key");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler({PublishFailedException.class, DataAccessException.class})
    ResponseEntity<ProblemDetail> eventLogUnavailable(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                (e instanceof DataAccessException ? "the intake ledger is unavailable" : e.getMessage())
                        + "; the report was not accepted, send it again.");
        problem.setType(URI.create("urn:civic-dispatch:problem:event-log-unavailable"));
        problem.setTitle("Intake temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
