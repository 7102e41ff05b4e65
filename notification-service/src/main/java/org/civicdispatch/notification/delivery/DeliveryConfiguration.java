package org.civicdispatch.notification.delivery;

import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.events.NotificationChannel;
import org.civicdispatch.notification.channel.email.SmtpEmailChannel;
import org.civicdispatch.notification.channel.sms.HttpSmsGateway;
import org.civicdispatch.notification.channel.webhook.WebhookChannel;
import org.civicdispatch.notification.directory.CaseContacts;
import org.civicdispatch.notification.directory.CitizenPreferences;
import org.civicdispatch.notification.directory.RecipientDirectory;
import org.civicdispatch.notification.directory.Recipients;
import org.civicdispatch.notification.domain.NoticeTemplates;
import org.civicdispatch.notification.domain.Notifying;
import org.civicdispatch.registry.wire.AvroCodec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The channels notices travel by, their guards, the claims that keep delivery exactly once, and the resumer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class DeliveryConfiguration {

    @Bean
    RecipientDirectory recipientDirectory(NotificationProperties properties, Environment environment) {
        return RecipientDirectory.load(properties.directory(), environment);
    }

    @Bean
    CaseContacts caseContacts(JdbcClient jdbc, Clock clock) {
        return new CaseContacts(jdbc, clock);
    }

    @Bean
    CitizenPreferences citizenPreferences(JdbcClient jdbc, Clock clock) {
        return new CitizenPreferences(jdbc, clock);
    }

    @Bean
    Recipients recipients(RecipientDirectory directory, CaseContacts contacts, CitizenPreferences preferences) {
        return new Recipients(directory, contacts, preferences);
    }

    @Bean
    DeliveryClaims deliveryClaims(JdbcClient jdbc, Clock clock) {
        return new DeliveryClaims(jdbc, clock);
    }

    @Bean
    DeliveryRecords deliveryRecords(KafkaTemplate<String, SpecificRecord> eventTemplate,
                                    KafkaTemplate<String, byte[]> deadLetterTemplate, AvroCodec codec, Clock clock) {
        return new DeliveryRecords(eventTemplate, deadLetterTemplate, codec, clock);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService resilienceScheduler() {
        return Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "notification-resilience");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    HttpClient outboundHttp(NotificationProperties properties) {
        return HttpClient.newBuilder().connectTimeout(properties.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Bean
    ResilientChannels resilientChannels(NotificationProperties properties, HttpClient outboundHttp,
                                        JavaMailSender mail, NoticeTemplates templates, Clock clock,
                                        ThreadPoolBulkheadRegistry bulkheads, CircuitBreakerRegistry breakers,
                                        RateLimiterRegistry rateLimiters, TimeLimiterRegistry timeLimiters,
                                        RetryRegistry retries, ScheduledExecutorService resilienceScheduler) {
        return new ResilientChannels(Map.of(
                // In-app: the inbox is read from notifications, so recording the notice is delivering it.
                NotificationChannel.IN_APP, (notice, contact) -> { },
                NotificationChannel.SMS, new HttpSmsGateway(outboundHttp, properties.smsGatewayUrl(),
                        properties.smsApiKey(), properties.requestTimeout()),
                NotificationChannel.EMAIL, new SmtpEmailChannel(mail, properties.mailFrom(), templates),
                NotificationChannel.WEBHOOK, new WebhookChannel(outboundHttp, clock, properties.requestTimeout())),
                new ResilientChannels.Resilience(bulkheads, breakers, rateLimiters, timeLimiters, retries,
                        resilienceScheduler));
    }

    @Bean
    NoticeDelivery noticeDelivery(Recipients recipients, DeliveryClaims claims, ResilientChannels channels,
                                  DeliveryRecords records, NotificationProperties properties, Clock clock) {
        NotificationProperties.Retry retry = properties.retry();
        return new NoticeDelivery(recipients, claims, channels, records,
                new NoticeDelivery.RetryPolicy(retry.maxAttempts(), retry.delays(), retry.jitter()), clock);
    }

    @Bean
    ClaimResumer claimResumer(DeliveryClaims claims, NoticeDelivery delivery, NotificationProperties properties,
                              TaskScheduler claimResumerScheduler) {
        ClaimResumer resumer = new ClaimResumer(claims, delivery, properties.staleClaim());
        claimResumerScheduler.scheduleWithFixedDelay(resumer::resumeDue, properties.resumeEvery());
        return resumer;
    }

    @Bean
    AwaitedNotices awaitedNotices(JdbcClient jdbc, Clock clock) {
        return new AwaitedNotices(jdbc, clock);
    }

    @Bean
    HoldingNoticesForTheReport holdingNoticesForTheReport(CaseContacts contacts, AwaitedNotices awaited,
                                                          NoticeDelivery delivery, Notifying notifying,
                                                          AvroCodec codec, NotificationProperties properties,
                                                          TaskScheduler claimResumerScheduler) {
        HoldingNoticesForTheReport holding = new HoldingNoticesForTheReport(contacts, awaited, delivery, notifying,
                codec, properties.staleClaim(), properties.awaitReportFor());
        claimResumerScheduler.scheduleWithFixedDelay(holding::releaseDue, properties.resumeEvery());
        return holding;
    }

    @Bean
    ThreadPoolTaskScheduler claimResumerScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("claim-resumer-");
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        return scheduler;
    }
}
