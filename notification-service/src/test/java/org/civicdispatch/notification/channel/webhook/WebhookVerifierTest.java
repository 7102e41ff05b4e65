package org.civicdispatch.notification.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.civicdispatch.notification.channel.webhook.WebhookVerifier.Verdict;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final byte[] BODY = "{\"caseId\":\"C-1\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookVerifier verifier = new WebhookVerifier("secret", Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldAcceptASignedRequestOnceAndRefuseItsReplay() {
        long at = NOW.getEpochSecond() - 10;
        String signature = WebhookSigning.signature("secret", at, BODY);

        assertThat(verifier.verify(String.valueOf(at), signature, BODY)).isEqualTo(Verdict.VALID);
        assertThat(verifier.verify(String.valueOf(at), signature, BODY)).isEqualTo(Verdict.REPLAYED);
    }

    @Test
    void shouldRefuseTamperedOldFutureAndUnsignedRequests() {
        long at = NOW.getEpochSecond();
        String signature = WebhookSigning.signature("secret", at, BODY);

        assertThat(verifier.verify(String.valueOf(at), signature, "{\"caseId\":\"C-2\"}".getBytes(
                StandardCharsets.UTF_8))).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(verifier.verify(String.valueOf(at + 1), signature, BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(verifier.verify(String.valueOf(at), WebhookSigning.signature("other", at, BODY), BODY))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        long old = at - 301;
        assertThat(verifier.verify(String.valueOf(old), WebhookSigning.signature("secret", old, BODY), BODY))
                .isEqualTo(Verdict.OUTSIDE_WINDOW);
        long future = at + 301;
        assertThat(verifier.verify(String.valueOf(future), WebhookSigning.signature("secret", future, BODY), BODY))
                .isEqualTo(Verdict.OUTSIDE_WINDOW);
        assertThat(verifier.verify(null, signature, BODY)).isEqualTo(Verdict.MISSING_HEADERS);
        assertThat(verifier.verify("yesterday", signature, BODY)).isEqualTo(Verdict.MISSING_HEADERS);
    }
}
