package org.civicdispatch.notification.delivery;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.civicdispatch.events.NotificationChannel;
import org.civicdispatch.notification.directory.Contact;
import org.civicdispatch.notification.domain.Notice;

/**
 * Every outside call of a channel, guarded by Resilience4j with settings named after the channel ({@code sms},
 * {@code email}, {@code webhook}; see application.yml): a thread-pool bulkhead per channel, so one slow channel
 * cannot starve the others (a full one fails at once, and the notice goes to the retry topic); a rate limiter per
 * provider quota; a timeout per call; a circuit breaker per gateway (the SMS gateway, the SMTP server, each
 * department's webhook endpoint); retries with exponential back-off and jitter, outermost. The in-app inbox makes
 * no outside call.
 */
public class ResilientChannels {

    public record Resilience(ThreadPoolBulkheadRegistry bulkheads, CircuitBreakerRegistry breakers,
                             RateLimiterRegistry rateLimiters, TimeLimiterRegistry timeLimiters,
                             RetryRegistry retries, ScheduledExecutorService scheduler) {
    }

    private final Map<NotificationChannel, NoticeChannel> channels;
    private final Resilience resilience;

    public ResilientChannels(Map<NotificationChannel, NoticeChannel> channels, Resilience resilience) {
        this.channels = Map.copyOf(channels);
        this.resilience = resilience;
    }

    public CompletableFuture<Void> deliver(Notice notice, Contact contact) {
        NoticeChannel channel = channels.get(notice.channel());
        if (channel == null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("no channel configured for " + notice.channel()));
        }
        if (notice.channel() == NotificationChannel.IN_APP) {
            return CompletableFuture.runAsync(() -> channel.deliver(notice, contact), Runnable::run);
        }
        String settings = notice.channel().name().toLowerCase(Locale.ROOT);
        String gateway = gatewayOf(notice, settings);
        ThreadPoolBulkhead bulkhead = resilience.bulkheads().bulkhead(settings, settings);
        RateLimiter quota = resilience.rateLimiters().rateLimiter(gateway, settings);
        Runnable call = RateLimiter.decorateRunnable(quota, () -> channel.deliver(notice, contact));
        Supplier<CompletionStage<Void>> guarded = () -> {
            try {
                return bulkhead.executeRunnable(call);
            } catch (BulkheadFullException e) {
                return CompletableFuture.failedFuture(e);
            }
        };
        guarded = TimeLimiter.decorateCompletionStage(resilience.timeLimiters().timeLimiter(gateway, settings),
                resilience.scheduler(), guarded);
        guarded = CircuitBreaker.decorateCompletionStage(
                resilience.breakers().circuitBreaker(gateway, settings), guarded);
        guarded = Retry.decorateCompletionStage(resilience.retries().retry(gateway, settings),
                resilience.scheduler(), guarded);
        return guarded.get().toCompletableFuture();
    }

    /** The provider behind a call: one per channel, except webhooks, where each department runs its own. */
    static String gatewayOf(Notice notice, String settings) {
        return notice.channel() == NotificationChannel.WEBHOOK
                ? "webhook-" + notice.recipientRef().substring(notice.recipientRef().indexOf(':') + 1)
                : settings + "-gateway";
    }
}
