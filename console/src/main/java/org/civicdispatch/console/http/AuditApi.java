package org.civicdispatch.console.http;

import jakarta.servlet.http.HttpServletRequest;
import org.civicdispatch.console.upstream.Upstream;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audit's own API under {@code /api/audit/**} and its KPIs under {@code /api/kpi/**}, passed through as they are
 * (verification, replays, exports, indicators): audit owns those parameters, the console only checks their form.
 */
@RestController
public class AuditApi {

    private final Upstream audit;

    public AuditApi(@Qualifier("audit") Upstream audit) {
        this.audit = audit;
    }

    @GetMapping({"/api/audit/**", "/api/assessment/**", "/api/assessment"})
    public ResponseEntity<?> read(HttpServletRequest request) {
        return audit.get(upstreamPath(request) + Requests.anyQuery(request), Requests.forwardedHeaders(request));
    }

    @PostMapping("/api/audit/**")
    public ResponseEntity<?> act(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        return audit.post(upstreamPath(request) + Requests.anyQuery(request), Requests.jsonObject(body, false),
                Requests.forwardedHeaders(request));
    }

    private static String upstreamPath(HttpServletRequest request) {
        String prefix = request.getRequestURI().startsWith(request.getContextPath() + "/api/assessment")
                ? "/api/assessment" : "/api/audit";
        return prefix + Requests.subPath(request, prefix);
    }
}
