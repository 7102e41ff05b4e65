package org.civicdispatch.intake.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.civicdispatch.intake.publish.IncidentPublisher.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the Open311 channel in the GeoReport v2 error format, in the format the path asked for. Ordered
 * before the service-wide problem+json handlers, so an Open311 client never has to read problem+json: an event log
 * or ledger outage is a 503 with Retry-After here too.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    private static final Logger LOG = LoggerFactory.getLogger(Open311Errors.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(Open311Refusal.class)
    ResponseEntity<byte[]> refused(Open311Refusal refusal) {
        return Open311Document.errors(Open311Representations.errors(refusal.status().value(), refusal.descriptions()))
                .respond(refusal.status(), refusal.format());
    }

    @ExceptionHandler({PublishFailedException.class, DataAccessException.class})
    ResponseEntity<byte[]> unavailable(RuntimeException e, HttpServletRequest request) {
        LOG.warn("Open311 {} {} answered 503: {}", request.getMethod(), request.getRequestURI(), e.toString());
        String what = e instanceof DataAccessException ? "the case ledger is unavailable"
                : "the event log is unavailable";
        String description = "POST".equals(request.getMethod())
                ? what + "; the request was not accepted, send it again in a few seconds"
                : what + "; try again in a few seconds";
        ResponseEntity<byte[]> body = error(HttpStatus.SERVICE_UNAVAILABLE, description, request);
        return ResponseEntity.status(body.getStatusCode()).headers(body.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(body.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> failed(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse known) {
            String detail = known.getBody().getDetail();
            return error(known.getStatusCode(), detail == null ? known.getBody().getTitle() : detail, request);
        }
        LOG.error("Open311 {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the request may be retried", request);
    }

    private static ResponseEntity<byte[]> error(HttpStatusCode status, String description,
                                                HttpServletRequest request) {
        return Open311Document.errors(Open311Representations.errors(status.value(), List.of(description)))
                .respond(status, Open311Format.ofPath(request.getRequestURI()));
    }
}
