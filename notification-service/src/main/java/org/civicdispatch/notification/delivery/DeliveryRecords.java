package org.civicdispatch.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.civicdispatch.contract.Party;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.FailureOutcome;
import org.civicdispatch.events.NotificationFailed;
import org.civicdispatch.events.NotificationRetry;
import org.civicdispatch.events.NotificationSent;
import org.civicdispatch.notification.domain.Notice;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.support.kafka.DeadLetters;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * What the rest of the platform sees of each attempt, keyed by case id and acknowledged (acks=all) before this
 * returns: {@code NotificationSent} on notifications (for the in-app inbox this record is the delivery itself),
 * {@code NotificationFailed} on notification-failures, the retry on notification-retries, and a notice given up on
 * in notification-dlq with the reason in the headers.
 */
public class DeliveryRecords {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTemplate<String, SpecificRecord> eventTemplate;
    private final KafkaTemplate<String, byte[]> deadLetterTemplate;
    private final AvroCodec codec;
    private final Clock clock;

    public DeliveryRecords(KafkaTemplate<String, SpecificRecord> eventTemplate,
                           KafkaTemplate<String, byte[]> deadLetterTemplate, AvroCodec codec, Clock clock) {
        this.eventTemplate = eventTemplate;
        this.deadLetterTemplate = deadLetterTemplate;
        this.codec = codec;
        this.clock = clock;
    }

    public void sent(Notice notice) {
        acknowledged(eventTemplate.send(Topics.NOTIFICATIONS.name(), notice.caseId(), NotificationSent.newBuilder()
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
                .build()), notice);
    }

    public void failed(Notice notice, int attempt, String reason, FailureOutcome outcome) {
        acknowledged(eventTemplate.send(Topics.NOTIFICATION_FAILURES.name(), notice.caseId(),
                NotificationFailed.newBuilder()
                        .setNotificationId(notice.notificationId())
                        .setCaseId(notice.caseId())
                        .setSourceEventId(notice.sourceEventId())
                        .setAudience(notice.audience())
                        .setRecipientRef(notice.recipientRef())
                        .setChannel(notice.channel())
                        .setTemplateId(notice.templateId())
                        .setAttempt(attempt)
                        .setReason(reason)
                        .setOutcome(outcome)
                        .setFailedAt(clock.instant())
                        .build()), notice);
    }

    public void retry(NotificationRetry retry) {
        acknowledged(eventTemplate.send(Topics.NOTIFICATION_RETRIES.name(), retry.getCaseId(), retry),
                RetryRecords.notice(retry));
    }

    /** The notice as a retry record in the DLQ, named by the record that last tried it and why it gave up. */
    public void deadLetter(NotificationRetry last, Source source, DeliveryFailure reason) {
        byte[] value = codec.encode(Topics.NOTIFICATION_RETRIES.valueSubject(), last);
        acknowledged(deadLetterTemplate.send(new ProducerRecord<>(Topics.deadLetters(Party.NOTIFICATION).name(),
                null, last.getCaseId(), value, DeadLetters.headers(source.topic(), source.partition(),
                source.offset(), reason, Party.NOTIFICATION.serviceName()))), RetryRecords.notice(last));
    }

    private static void acknowledged(CompletableFuture<?> send, Notice notice) {
        try {
            send.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording notice " + notice.notificationId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the record of notice "
                    + notice.notificationId() + " in time", e);
        }
    }
}
