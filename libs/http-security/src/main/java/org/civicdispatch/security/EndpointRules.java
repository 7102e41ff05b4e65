package org.civicdispatch.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's list of who may call which endpoint. Whatever no rule names is denied: a new endpoint is closed until
 * someone opens it here.
 */
@FunctionalInterface
public interface EndpointRules {

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
