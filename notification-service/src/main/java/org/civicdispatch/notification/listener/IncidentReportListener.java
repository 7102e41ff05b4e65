package org.civicdispatch.notification.listener;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.notification.delivery.NoticeDelivery;
import org.civicdispatch.notification.domain.Notifying;
import org.civicdispatch.registry.wire.AvroCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Accepted reports: the citizen learns the case number. Unreadable records go to notification-dlq. */
@Component
public class IncidentReportListener {

    private final AvroCodec codec;
    private final Notifying notifying;
    private final NoticeDelivery delivery;

    public IncidentReportListener(AvroCodec codec, Notifying notifying, NoticeDelivery delivery) {
        this.codec = codec;
        this.notifying = notifying;
        this.delivery = delivery;
    }

    @KafkaListener(topics = "incident-reports")
    public void onReported(ConsumerRecord<String, byte[]> record) {
        delivery.deliverAll(notifying.onReported(codec.decode(record.value(), IncidentReported.class).value()));
    }
}
