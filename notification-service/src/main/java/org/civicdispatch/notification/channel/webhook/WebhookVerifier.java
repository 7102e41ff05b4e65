package org.civicdispatch.notification.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For a department system receiving our webhooks: accepts a request only when its signature matches the body and
 * timestamp under the shared secret, the timestamp lies within the replay window of now, and the same signature was
 * not accepted before within that window. Thread-safe. Receivers should still dedupe on {@code Idempotency-Key}: a
 * notice resent after a crash carries a new timestamp (and signature) but the same key.
 */
public final class WebhookVerifier {

    /** What the receiver answers: only VALID is accepted (2xx), anything else 401. */
    public enum Verdict { VALID, MISSING_HEADERS, OUTSIDE_WINDOW, BAD_SIGNATURE, REPLAYED }

    private final String secret;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    public WebhookVerifier(String secret, Duration window, Clock clock) {
        this.secret = secret;
        this.window = window;
        this.clock = clock;
    }

    public Verdict verify(String timestampHeader, String signatureHeader, byte[] body) {
        if (timestampHeader == null || signatureHeader == null) {
            return Verdict.MISSING_HEADERS;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Verdict.MISSING_HEADERS;
        }
        Instant now = clock.instant();
        Instant sent = Instant.ofEpochSecond(timestamp);
        if (sent.isBefore(now.minus(window)) || sent.isAfter(now.plus(window))) {
            return Verdict.OUTSIDE_WINDOW;
        }
        byte[] expected = WebhookSigning.signature(secret, timestamp, body).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signatureHeader.strip().getBytes(StandardCharsets.UTF_8))) {
            return Verdict.BAD_SIGNATURE;
        }
        seen.values().removeIf(at -> at.isBefore(now.minus(window)));
        return seen.putIfAbsent(signatureHeader.strip(), sent) == null ? Verdict.VALID : Verdict.REPLAYED;
    }
}
