package org.civicdispatch.notification.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Settings of notification ({@code civic.notification.*}).
 *
 * @param directory      the recipient directory: staff contacts, webhooks, preferences, quiet hours
 * @param smsGatewayUrl  base URL of the SMS gateway ({@code NOTIFY_SMS_GATEWAY_URL})
 * @param smsApiKey      its API key ({@code NOTIFY_SMS_API_KEY})
 * @param mailFrom       the sender of e-mails
 * @param requestTimeout HTTP request timeout of the SMS gateway and webhooks (Resilience4j's time limiter bounds
 *                       the whole call as well)
 * @param retry          attempts through notification-retries and the delay after each failed one
 * @param resumeEvery    how often deferred and interrupted claims are looked for
 * @param staleClaim     how long a claim may stay CLAIMED before it counts as interrupted by a crash (and a release of
 *                       notices waiting for a report, under way)
 * @param awaitReportFor how long a citizen's notice waits for its case's report before it goes to the inbox only
 */
@ConfigurationProperties("civic.notification")
public record NotificationProperties(Resource directory, URI smsGatewayUrl, String smsApiKey, String mailFrom,
                                     Duration requestTimeout, Retry retry, Duration resumeEvery,
                                     Duration staleClaim, Duration awaitReportFor) {

    public NotificationProperties {
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
        retry = retry == null ? new Retry(null, null, null) : retry;
        resumeEvery = resumeEvery == null ? Duration.ofSeconds(10) : resumeEvery;
        staleClaim = staleClaim == null ? Duration.ofMinutes(2) : staleClaim;
        awaitReportFor = awaitReportFor == null ? Duration.ofDays(1) : awaitReportFor;
    }

    /**
     * @param maxAttempts attempts in all before the DLQ (the first included)
     * @param delays      the delay after the 1st, 2nd, ... failed attempt; the last repeats
     * @param jitter      each delay varies by up to this fraction either way
     */
    public record Retry(Integer maxAttempts, List<Duration> delays, Double jitter) {

        public Retry {
            maxAttempts = maxAttempts == null ? 4 : maxAttempts;
            delays = delays == null || delays.isEmpty()
                    ? List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10)) : delays;
            jitter = jitter == null ? 0.2 : jitter;
        }
    }
}
