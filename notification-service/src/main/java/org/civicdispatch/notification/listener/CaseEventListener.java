package org.civicdispatch.notification.listener;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.notification.delivery.NoticeDelivery;
import org.civicdispatch.notification.domain.Notifying;
import org.civicdispatch.registry.wire.AvroCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The case lifecycle after intake: citizen and department staff hear what concerns them. */
@Component
public class CaseEventListener {

    private final AvroCodec codec;
    private final Notifying notifying;
    private final NoticeDelivery delivery;

    public CaseEventListener(AvroCodec codec, Notifying notifying, NoticeDelivery delivery) {
        this.codec = codec;
        this.notifying = notifying;
        this.delivery = delivery;
    }

    @KafkaListener(topics = "case-events")
    public void onCaseEvent(ConsumerRecord<String, byte[]> record) {
        delivery.deliverAll(notifying.onCaseEvent(codec.decode(record.value(), CaseEvent.class).value()));
    }
}
