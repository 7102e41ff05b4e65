package org.civicdispatch.devinfra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The development token issuer of the embedded default and the tests: signs JWTs (RS256) with a key pair made at
 * start and publishes the public key as a JWK set, which the services verify tokens against exactly as they would a
 * real identity provider's. Binds to loopback only; never for production.
 *
 * <p>{@code POST /token} with JSON {@code {"sub": "op-li", "roles": ["operator"], "streets": ["NG-S01"]}} (or
 * {@code "department": "sanitation"}) answers {@code {"access_token": ..., "token_type": "Bearer", "expires_in": ...}}.
 */
public final class DevTokenIssuer implements AutoCloseable {

    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final KeyPair keys;
    private final String keyId = UUID.randomUUID().toString();

    private DevTokenIssuer(HttpServer server, KeyPair keys) {
        this.server = server;
        this.keys = keys;
    }

    public static DevTokenIssuer start(int port) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            DevTokenIssuer issuer = new DevTokenIssuer(server, generator.generateKeyPair());
            server.createContext("/.well-known/jwks.json", issuer::jwks);
            server.createContext("/token", issuer::token);
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
            return issuer;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot start the dev token issuer on port " + port, e);
        }
    }

    /** The {@code iss} of every token, and where the JWK set is ({@link #jwkSetUri()}). */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwkSetUri() {
        return issuer() + "/.well-known/jwks.json";
    }

    /** A signed token for {@code subject} with {@code claims} (roles, streets, department), valid {@link #LIFETIME}. */
    public String token(String subject, Map<String, Object> claims) {
        Instant now = Instant.now();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", issuer());
        payload.put("sub", subject);
        payload.put("iat", now.getEpochSecond());
        payload.put("exp", now.plus(LIFETIME).getEpochSecond());
        payload.putAll(claims);
        String signingInput = B64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT",
                "kid", keyId))) + "." + B64.encodeToString(JSON.writeValueAsBytes(payload));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private void jwks(HttpExchange exchange) throws IOException {
        try (exchange) {
            RSAPublicKey key = (RSAPublicKey) keys.getPublic();
            answer(exchange, 200, Map.of("keys", List.of(Map.of("kty", "RSA", "use", "sig", "alg", "RS256",
                    "kid", keyId, "n", unsigned(key.getModulus()), "e", unsigned(key.getPublicExponent())))));
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, Map.of("error", "POST a JSON body with sub and roles"));
                return;
            }
            Map<String, Object> request;
            try {
                request = JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
            } catch (RuntimeException e) {
                answer(exchange, 400, Map.of("error", "the body is not JSON"));
                return;
            }
            if (!(request.get("sub") instanceof String subject) || !(request.get("roles") instanceof List<?>)) {
                answer(exchange, 400, Map.of("error", "sub (text) and roles (list) are required"));
                return;
            }
            Map<String, Object> claims = new LinkedHashMap<>(request);
            claims.remove("sub");
            answer(exchange, 200, Map.of("access_token", token(subject, claims), "token_type", "Bearer",
                    "expires_in", LIFETIME.toSeconds()));
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64.encodeToString(bytes);
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
