package org.civicdispatch.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.civicdispatch.events.Audience;
import org.civicdispatch.events.NotificationChannel;
import org.civicdispatch.notification.channel.sms.HttpSmsGateway;
import org.civicdispatch.devinfra.DevSmsGateway;
import org.civicdispatch.devinfra.DevSmsGateway.Answer;
import org.civicdispatch.notification.directory.Contact;
import org.civicdispatch.notification.domain.Notice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guards around the SMS gateway against a real HTTP gateway on loopback that errs, stalls and throttles. */
class ResilientChannelsTest {

    private static final Contact PHONE = new Contact(List.of("+86 138 0000 0000"), List.of(), null);

    private final DevSmsGateway gateway = DevSmsGateway.start(0, "key");
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(Map.of("sms",
            CircuitBreakerConfig.custom().slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
                    .waitDurationInOpenState(Duration.ofMillis(500)).permittedNumberOfCallsInHalfOpenState(1)
                    .ignoreExceptions(PermanentDeliveryFailure.class).build()));
    private final ResilientChannels channels = new ResilientChannels(
            Map.of(NotificationChannel.SMS, new HttpSmsGateway(HttpClient.newHttpClient(), URI.create(gateway.url()),
                    "key", Duration.ofSeconds(5))),
            new ResilientChannels.Resilience(
                    ThreadPoolBulkheadRegistry.of(Map.of("sms", ThreadPoolBulkheadConfig.custom().coreThreadPoolSize(4)
                            .maxThreadPoolSize(4).queueCapacity(10).build())), breakers,
                    RateLimiterRegistry.of(Map.of("sms", RateLimiterConfig.ofDefaults())),
                    TimeLimiterRegistry.of(Map.of("sms", TimeLimiterConfig.custom()
                            // generous: a busy 2-core CI machine must not turn an ordinary answer into a timeout
                            .timeoutDuration(Duration.ofSeconds(1)).build())),
                    RetryRegistry.of(Map.of("sms", RetryConfig.custom().maxAttempts(3)
                            .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(20), 2, 0.5))
                            .ignoreExceptions(PermanentDeliveryFailure.class, CallNotPermittedException.class)
                            .build())),
                    scheduler));

    @AfterEach
    void stop() {
        gateway.close();
        scheduler.shutdownNow();
    }

    @Test
    void shouldRetryThrottlingErrorsAndTimeoutsUntilTheGatewayAccepts() {
        gateway.script(new Answer(429, 0), new Answer(503, 0));

        channels.deliver(notice("C-1"), PHONE).join();

        assertThat(gateway.requests()).isEqualTo(3);
        assertThat(gateway.messages()).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("text of C-1"));

        breakers.circuitBreaker("sms-gateway", "sms").reset(); // this test is about retries, not the circuit
        gateway.script(new Answer(0, 3_000));
        channels.deliver(notice("C-2"), PHONE).join();
        assertThat(gateway.messages()).as("stalled once, resent with the same key, kept once").hasSize(2);
    }

    @Test
    void shouldNotRetryARefusalForGood() {
        gateway.script(new Answer(400, 0));

        assertThatThrownBy(() -> channels.deliver(notice("C-3"), PHONE).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(PermanentDeliveryFailure.class);
        assertThat(gateway.requests()).isEqualTo(1);
    }

    @Test
    void shouldOpenTheCircuitWhenTheGatewayKeepsFailingAndCloseItWhenItRecovers() {
        gateway.script(new Answer(500, 0), new Answer(500, 0), new Answer(500, 0), new Answer(500, 0),
                new Answer(500, 0), new Answer(500, 0));
        CircuitBreaker breaker = breakers.circuitBreaker("sms-gateway", "sms");

        assertThatThrownBy(() -> channels.deliver(notice("C-4"), PHONE).join()).hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> channels.deliver(notice("C-5"), PHONE).join())
                .hasCauseInstanceOf(CallNotPermittedException.class);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int requestsWhileOpen = gateway.requests();
        assertThatThrownBy(() -> channels.deliver(notice("C-6"), PHONE).join())
                .hasCauseInstanceOf(CallNotPermittedException.class);
        assertThat(gateway.requests()).as("an open circuit spares the gateway").isEqualTo(requestsWhileOpen);

        gateway.script(); // the remaining scripted errors are used up below, then the gateway accepts
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try {
                channels.deliver(notice("C-7"), PHONE).join();
            } catch (CompletionException ignored) {
                // half-open probes may still meet the last scripted errors
            }
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        });
        assertThat(gateway.messages()).extracting(DevSmsGateway.Message::text).contains("text of C-7");
    }

    private static Notice notice(String caseId) {
        return new Notice(caseId + "/e/CITIZEN/citizen-of:" + caseId + "/SMS", caseId, caseId + "/e",
                Audience.CITIZEN, "citizen-of:" + caseId, NotificationChannel.SMS, "citizen.received", "en",
                "text of " + caseId, false);
    }
}
