package org.civicdispatch.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.random.RandomGenerator;
import org.civicdispatch.events.FailureOutcome;
import org.civicdispatch.events.NotificationRetry;
import org.civicdispatch.notification.directory.Recipients;
import org.civicdispatch.notification.domain.DeliveryPlanning;
import org.civicdispatch.notification.domain.Notice;
import org.civicdispatch.notification.domain.PersonalData;
import org.civicdispatch.notification.domain.PlannedDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the notices of one event: plans each onto its recipient's channels, claims each (event, recipient,
 * channel) once, sends on all channels at the same time, and records the outcome of every attempt. A failed attempt
 * goes to notification-retries after a delay ({@code retryDelays}, with jitter), until {@code maxAttempts}, then to
 * notification-dlq with the reason. Returns once every attempt's outcome is recorded, so the source record's offset
 * is committed only then.
 */
public class NoticeDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeDelivery.class);

    /** How failed attempts are retried through the retry topic. */
    public record RetryPolicy(int maxAttempts, List<Duration> delays, double jitter) {

        Duration delayAfter(int attempt, RandomGenerator random) {
            Duration base = delays.get(Math.min(attempt, delays.size()) - 1);
            return Duration.ofMillis(Math.round(base.toMillis() * (1 + jitter * (2 * random.nextDouble() - 1))));
        }
    }

    private final Recipients recipients;
    private final DeliveryClaims claims;
    private final ResilientChannels channels;
    private final DeliveryRecords records;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();

    public NoticeDelivery(Recipients recipients, DeliveryClaims claims, ResilientChannels channels,
                          DeliveryRecords records, RetryPolicy retryPolicy, Clock clock) {
        this.recipients = recipients;
        this.claims = claims;
        this.channels = channels;
        this.records = records;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
    }

    /** The notices of a source event, fanned out to their recipients' channels. */
    public void deliverAll(List<Notice> notices, Source source) {
        List<CompletableFuture<Void>> attempts = new ArrayList<>();
        Instant now = clock.instant();
        for (Notice notice : notices) {
            for (PlannedDelivery planned : DeliveryPlanning.plan(notice, recipients.recipient(notice.recipientRef()),
                    now)) {
                DeliveryClaims.Claim claim = claims.claim(planned.notice(), planned.notBefore());
                if (planned.deferred()) {
                    LOG.info("notice {} deferred to {} (quiet hours)", planned.notice().notificationId(),
                            planned.notBefore());
                }
                if (claim.send()) {
                    attempts.add(attempt(planned.notice(), claim.attempt(), source));
                }
            }
        }
        awaitAll(attempts);
    }

    /**
     * A notice from the retry topic or a resumed claim, on its own channel. {@code fromStates} says which claims
     * this driver may take: a retry takes its RETRYING claim, the resumer deferred and interrupted ones.
     */
    public void resume(NotificationRetry retry, List<String> fromStates, Source source) {
        DeliveryClaims.Claim claim = claims.resume(retry.getNotificationId(), fromStates);
        if (claim.send()) {
            awaitAll(List.of(attempt(RetryRecords.notice(retry), claim.attempt(), source)));
        }
    }

    private CompletableFuture<Void> attempt(Notice notice, int attempt, Source source) {
        return channels.deliver(notice, recipients.contact(notice.recipientRef()))
                .handle((ok, failure) -> failure)
                .thenAccept(failure -> {
                    if (failure == null) {
                        records.sent(notice);
                        claims.markSent(notice.notificationId());
                    } else {
                        failed(notice, attempt, reasonOf(failure), source);
                    }
                });
    }

    private void failed(Notice notice, int attempt, DeliveryFailure reason, Source source) {
        Instant now = clock.instant();
        if (!(reason instanceof PermanentDeliveryFailure) && attempt < retryPolicy.maxAttempts()) {
            Instant notBefore = now.plus(retryPolicy.delayAfter(attempt, random));
            LOG.warn("notice {} attempt {} failed, retrying after {}: {}", notice.notificationId(), attempt,
                    notBefore, reason.getMessage());
            // Marked first: should the retry record be lost to a crash, the resumer picks the claim up.
            claims.markRetrying(notice.notificationId(), notBefore);
            records.retry(RetryRecords.of(notice, attempt + 1, notBefore, reason.getMessage()));
            records.failed(notice, attempt, reason.getMessage(), FailureOutcome.RETRY_SCHEDULED);
        } else {
            LOG.error("notice {} given up after attempt {}: {}", notice.notificationId(), attempt,
                    reason.getMessage());
            records.deadLetter(RetryRecords.of(notice, attempt, now, reason.getMessage()), source, reason);
            records.failed(notice, attempt, reason.getMessage(), FailureOutcome.DEAD_LETTERED);
            claims.markFailed(notice.notificationId());
        }
    }

    /** The failure as a masked DeliveryFailure, below the future's wrappers. */
    static DeliveryFailure reasonOf(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof DeliveryFailure known) {
            return known;
        }
        return new DeliveryFailure(t.getClass().getSimpleName() + ": " + PersonalData.scrub(t.getMessage()));
    }

    private static void awaitAll(List<CompletableFuture<Void>> attempts) {
        // Every attempt is bounded by its timeouts and retries; an error here is in recording, not delivering.
        CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new)).join();
    }
}
