package org.civicdispatch.console.http;

import jakarta.servlet.http.HttpServletRequest;
import org.civicdispatch.console.upstream.Upstream;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The hotline desk's complaint form posts here; intake validates and answers 202 with the case id. */
@RestController
public class IncidentApi {

    private final Upstream intake;

    public IncidentApi(@Qualifier("intake") Upstream intake) {
        this.intake = intake;
    }

    @PostMapping("/api/incidents")
    public ResponseEntity<?> report(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        return intake.post("/api/incidents", Requests.jsonObject(body, true), Requests.forwardedHeaders(request));
    }
}
