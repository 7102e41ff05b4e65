package org.civicdispatch.intake.http;

import org.civicdispatch.security.EndpointRules;
import org.civicdispatch.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Channel systems (and hotline operators at the console) post complaints with a token. Open311 keeps its own
 * standard: discovery and request status are public, and a POST needs the city-issued {@code api_key}, which the
 * Open311 controller checks.
 */
@Component
public class IntakeEndpointRules implements EndpointRules {

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
                                  requests) {
        requests.requestMatchers(HttpMethod.POST, "/api/incidents").hasAnyRole(Roles.INTAKE_CLIENT, Roles.OPERATOR);
        requests.requestMatchers("/open311/v2/**").permitAll();
    }
}
