package org.civicdispatch.notification.http;

import org.civicdispatch.security.EndpointRules;
import org.civicdispatch.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The hotline desk (an operator) or a citizen app (an intake client) records a citizen's wishes; nothing else. */
@Component
public class NotificationEndpointRules implements EndpointRules {

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
                                  requests) {
        requests.requestMatchers(HttpMethod.PUT, "/api/preferences/citizen")
                .hasAnyRole(Roles.OPERATOR, Roles.INTAKE_CLIENT);
    }
}
