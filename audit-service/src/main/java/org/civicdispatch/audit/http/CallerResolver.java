package org.civicdispatch.audit.http;

import org.civicdispatch.audit.access.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The one place where an HTTP request becomes a {@link Caller}: the verified token's subject, roles and streets. Only a token
 * with {@code auditor-pii} sees personal data; the query log records who asked, in which roles.
 */
public class CallerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        org.civicdispatch.security.Caller token = org.civicdispatch.security.Caller.current();
        return new Caller("http:" + token.subject(), token.roles(), token.streets());
    }
}
