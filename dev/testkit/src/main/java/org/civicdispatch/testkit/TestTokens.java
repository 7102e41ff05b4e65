package org.civicdispatch.testkit;

import java.util.List;
import java.util.Map;
import org.civicdispatch.devinfra.DevTokenIssuer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real bearer tokens for tests: one dev token issuer per test JVM, whose JWK set the service under test verifies
 * tokens against, as it would a real identity provider's.
 */
public final class TestTokens {

    private static DevTokenIssuer issuer;

    private TestTokens() {
    }

    public static synchronized DevTokenIssuer issuer() {
        if (issuer == null) {
            issuer = DevTokenIssuer.start(0);
        }
        return issuer;
    }

    /** Points the service's resource server at the test issuer. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> issuer().jwkSetUri());
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer().issuer());
    }

    /** The same as command-line arguments, for tests that start an application themselves. */
    public static List<String> arguments() {
        return List.of("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer().jwkSetUri(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer().issuer());
    }

    /** An {@code Authorization} header value for {@code subject} with {@code role} and extra claims. */
    public static String bearer(String subject, String role, Map<String, Object> claims) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(claims);
        all.put("roles", List.of(role));
        return "Bearer " + issuer().token(subject, all);
    }

    public static String intakeClient() {
        return bearer("hotline-system", "intake-client", Map.of());
    }

    public static String operator(String... streets) {
        return bearer("op-zhang", "operator", Map.of("streets", List.of(streets)));
    }

    public static String districtOperator() {
        return operator("*");
    }

    public static String department(String code) {
        return bearer("staff-" + code, "department", Map.of("department", code));
    }

    public static String auditor() {
        return bearer("auditor-wu", "auditor", Map.of());
    }
}
