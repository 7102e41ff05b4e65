package org.civicdispatch.notification.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The record a delivery came from, named in the dead-letter headers when the delivery gives up. */
public record Source(String topic, int partition, long offset) {

    public static Source of(ConsumerRecord<?, ?> record) {
        return new Source(record.topic(), record.partition(), record.offset());
    }
}
