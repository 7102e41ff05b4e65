package org.civicdispatch.audit.http;

import java.util.regex.Pattern;
import org.civicdispatch.audit.access.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The one place where an HTTP request becomes a {@link Caller}. Until tokens and roles arrive (issue 9) every HTTP
 * caller is a plain auditor, so personal data stays masked; {@code X-Auditor} only names who asked, for the query
 * log, and never grants a role.
 */
public class CallerResolver implements HandlerMethodArgumentResolver {

    static final String AUDITOR_HEADER = "X-Auditor";
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._@:-]{1,64}");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        String named = request.getHeader(AUDITOR_HEADER);
        return Caller.auditor("http:" + (named != null && NAME.matcher(named).matches() ? named : "anonymous"));
    }
}
