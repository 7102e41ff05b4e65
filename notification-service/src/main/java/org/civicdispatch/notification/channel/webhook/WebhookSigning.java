package org.civicdispatch.notification.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How webhook requests are signed: {@code X-Civic-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>">} with
 * the department's shared secret, and {@code X-Civic-Timestamp: <epoch seconds>}. Signing the timestamp with the
 * body lets a receiver refuse an old request replayed by someone who recorded it ({@link WebhookVerifier}).
 */
public final class WebhookSigning {

    public static final String SIGNATURE_HEADER = "X-Civic-Signature";
    public static final String TIMESTAMP_HEADER = "X-Civic-Timestamp";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final String VERSION = "v1=";

    private WebhookSigning() {
    }

    public static String signature(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return VERSION + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
