package org.civicdispatch.dispatch.http;

import org.civicdispatch.security.EndpointRules;
import org.civicdispatch.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Operators decide on cases and watch queues; departments watch their own queue and cases; auditors read cases.
 * Which street, department or case a caller may touch is checked by the handlers ({@link Scopes}).
 */
@Component
public class DispatchEndpointRules implements EndpointRules {

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
                                  requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/queues", "/api/queues/stream")
                .hasAnyRole(Roles.OPERATOR, Roles.DEPARTMENT);
        requests.requestMatchers(HttpMethod.GET, "/api/cases/*")
                .hasAnyRole(Roles.OPERATOR, Roles.DEPARTMENT, Roles.AUDITOR, Roles.AUDITOR_PII);
        requests.requestMatchers(HttpMethod.POST, "/api/cases/*/*").hasRole(Roles.OPERATOR);
        requests.requestMatchers(HttpMethod.GET, "/api/dispatch/catalog", "/api/dispatch/status").authenticated();
        requests.requestMatchers(HttpMethod.POST, "/api/dispatch/catalog/reload").hasRole(Roles.OPERATOR);
    }
}
