package org.civicdispatch.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The caller's role allows the endpoint, but not this case, street or department: 403 as problem+json with the
 * reason (services run with {@code spring.mvc.problemdetails.enabled}).
 */
public class Forbidden extends ErrorResponseException {

    public Forbidden(String reason) {
        super(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, reason), null);
    }
}
