package org.civicdispatch.audit.http;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Errors as {@code application/problem+json}, typed {@code urn:civic-dispatch:problem:<type>}. */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:civic-dispatch:problem:" + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    /** An ISO-8601 instant parameter, or a 400 problem naming it; null stays null. */
    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-instant", "Invalid time",
                    name + " must be an ISO-8601 instant such as 2026-11-23T02:00:00Z, not '" + value + "'.");
        }
    }
}
