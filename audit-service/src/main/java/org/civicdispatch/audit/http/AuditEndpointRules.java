package org.civicdispatch.audit.http;

import org.civicdispatch.security.EndpointRules;
import org.civicdispatch.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Auditors read everything and change nothing (a replay writes only to a new {@code replay-} topic); operators
 * read the timelines of cases in their streets, masked.
 */
@Component
public class AuditEndpointRules implements EndpointRules {

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
                                  requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/audit/incidents/*")
                .hasAnyRole(Roles.AUDITOR, Roles.AUDITOR_PII, Roles.OPERATOR);
        requests.requestMatchers(HttpMethod.GET, "/api/audit/verify", "/api/audit/signing-key")
                .hasAnyRole(Roles.AUDITOR, Roles.AUDITOR_PII);
        requests.requestMatchers(HttpMethod.POST, "/api/audit/replays").hasAnyRole(Roles.AUDITOR, Roles.AUDITOR_PII);
        // a replay's progress, for whoever audits: one auditor may follow what a colleague started
        requests.requestMatchers(HttpMethod.GET, "/api/audit/replays/*").hasAnyRole(Roles.AUDITOR, Roles.AUDITOR_PII);
        // The assessment carries no personal data: operators see how their departments and streets do.
        requests.requestMatchers(HttpMethod.GET, "/api/assessment", "/api/assessment/*")
                .hasAnyRole(Roles.AUDITOR, Roles.AUDITOR_PII, Roles.OPERATOR);
        // Checking the figures against Kafka is the auditors' (and costs a full rebuild, twice).
        requests.requestMatchers(HttpMethod.POST, "/api/assessment/rebuilds")
                .hasAnyRole(Roles.AUDITOR, Roles.AUDITOR_PII);
    }
}
