package org.civicdispatch.notification.listener;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicdispatch.events.SlaEvent;
import org.civicdispatch.notification.delivery.NoticeDelivery;
import org.civicdispatch.notification.delivery.Source;
import org.civicdispatch.notification.domain.Notifying;
import org.civicdispatch.registry.wire.AvroCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reminders, urging and escalations fired by dispatch's SLA timers. */
@Component
public class SlaEventListener {

    private final AvroCodec codec;
    private final Notifying notifying;
    private final NoticeDelivery delivery;

    public SlaEventListener(AvroCodec codec, Notifying notifying, NoticeDelivery delivery) {
        this.codec = codec;
        this.notifying = notifying;
        this.delivery = delivery;
    }

    @KafkaListener(topics = "#{T(org.civicdispatch.contract.Topics).SLA_EVENTS.name()}")
    public void onSlaEvent(ConsumerRecord<String, byte[]> record) {
        delivery.deliverAll(notifying.onSlaEvent(codec.decode(record.value(), SlaEvent.class).value()),
                Source.of(record));
    }
}
