package org.civicdispatch.console.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.civicdispatch.console.upstream.Upstream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the console checks before forwarding: ids, codes, query parameters, paths and bodies. */
final class Requests {

    static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9:_-]{1,64}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9:_.-]{1,128}");
    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,40}");
    private static final Pattern SUB_PATH = Pattern.compile("(/[A-Za-z0-9_.:-]+)*/?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Requests() {
    }

    static String caseId(String caseId) {
        if (caseId == null || !CASE_ID.matcher(caseId).matches()) {
            throw new InvalidInput("caseId", "must be 1 to 64 letters, digits, ':', '_' or '-'");
        }
        return caseId;
    }

    /** A query string of the named code-like parameters that were given ({@code limit} must be a number). */
    static String codeQuery(HttpServletRequest request, Collection<String> names) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : names) {
            String value = request.getParameter(name);
            if (value == null || value.isEmpty()) {
                continue;
            }
            Pattern rule = name.equals("limit") ? Pattern.compile("[0-9]{1,4}") : CODE;
            if (!rule.matcher(value).matches()) {
                throw new InvalidInput(name, "is not well-formed");
            }
            given.put(name, value);
        }
        return query(given);
    }

    /** Any parameters, names checked and values encoded: for services whose parameters the console does not own. */
    static String anyQuery(HttpServletRequest request) {
        Map<String, String> given = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!PARAM_NAME.matcher(name).matches()) {
                throw new InvalidInput(name, "is not a parameter name");
            }
            if (values.length > 0 && values[0].length() > 256) {
                throw new InvalidInput(name, "is longer than 256 characters");
            }
            given.put(name, values.length == 0 ? "" : values[0]);
        });
        return query(given);
    }

    /** The part of the request path after {@code prefix}, refused if it could leave the service's API. */
    static String subPath(HttpServletRequest request, String prefix) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String rest = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
        if (!SUB_PATH.matcher(rest).matches() || rest.contains("..")) {
            throw new InvalidInput("path", "is not well-formed");
        }
        return rest;
    }

    /** The body must be one JSON object when given; an empty body is fine for commands without one. */
    static byte[] jsonObject(byte[] body, boolean required) {
        if (body == null || body.length == 0) {
            if (required) {
                throw new InvalidInput("body", "is required: a JSON object");
            }
            return new byte[0];
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new InvalidInput("body", "must be a JSON object");
            }
        } catch (JacksonException e) {
            throw new InvalidInput("body", "is not valid JSON");
        }
        return body;
    }

    static Map<String, String> forwardedHeaders(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Upstream.FORWARDED_REQUEST_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private static String query(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((name, value) -> out.append(out.length() == 0 ? '?' : '&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
