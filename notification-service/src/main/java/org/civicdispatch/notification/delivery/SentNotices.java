package org.civicdispatch.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.NotificationSent;
import org.civicdispatch.notification.domain.Notice;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The record of delivered notices on {@code notifications}, keyed by case id. For the in-app inbox this record is
 * the delivery itself; other channels write it after their provider accepted the notice.
 */
public class SentNotices {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTemplate<String, SpecificRecord> eventTemplate;
    private final Clock clock;

    public SentNotices(KafkaTemplate<String, SpecificRecord> eventTemplate, Clock clock) {
        this.eventTemplate = eventTemplate;
        this.clock = clock;
    }

    /** Returns once the broker has acknowledged the record (acks=all). */
    public void record(Notice notice) {
        try {
            eventTemplate.send(Topics.NOTIFICATIONS.name(), notice.caseId(), eventOf(notice))
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording notice " + notice.notificationId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("notifications did not acknowledge notice " + notice.notificationId()
                    + " in time", e);
        }
    }

    private NotificationSent eventOf(Notice notice) {
        return NotificationSent.newBuilder()
                .setNotificationId(notice.notificationId())
                .setCaseId(notice.caseId())
                .setSourceEventId(notice.sourceEventId())
                .setAudience(notice.audience())
                .setRecipientRef(notice.recipientRef())
                .setChannel(notice.channel())
                .setTemplateId(notice.templateId())
                .setLocale(notice.locale())
                .setBody(notice.body())
                .setSentAt(clock.instant())
                .build();
    }
}
