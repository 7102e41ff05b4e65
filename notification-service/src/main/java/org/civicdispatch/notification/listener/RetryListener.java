package org.civicdispatch.notification.listener;

import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicdispatch.events.NotificationRetry;
import org.civicdispatch.notification.delivery.NoticeDelivery;
import org.civicdispatch.notification.delivery.Source;
import org.civicdispatch.registry.wire.AvroCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * notification-retries: each record is tried again once its time has come. A record not yet due is handed back
 * ({@link NotYetDueException}) and its partition waits; delays are the same for every notice at the same attempt,
 * so records fall due roughly in the order they were written.
 */
@Component
public class RetryListener {

    private final AvroCodec codec;
    private final NoticeDelivery delivery;
    private final Clock clock;

    public RetryListener(AvroCodec codec, NoticeDelivery delivery, Clock clock) {
        this.codec = codec;
        this.delivery = delivery;
        this.clock = clock;
    }

    @KafkaListener(topics = "#{T(org.civicdispatch.contract.Topics).NOTIFICATION_RETRIES.name()}",
            containerFactory = "retryListenerContainerFactory")
    public void onRetry(ConsumerRecord<String, byte[]> record) {
        NotificationRetry retry = codec.decode(record.value(), NotificationRetry.class).value();
        if (retry.getNotBefore().isAfter(clock.instant())) {
            throw new NotYetDueException(retry.getNotificationId(), retry.getNotBefore());
        }
        delivery.resume(retry, List.of("RETRYING", "CLAIMED"), Source.of(record));
    }
}
