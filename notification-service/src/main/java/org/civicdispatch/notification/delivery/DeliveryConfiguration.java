package org.civicdispatch.notification.delivery;

import java.time.Clock;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.events.NotificationChannel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** The channels notices can travel by. New channels (SMS, e-mail, webhook) are added to the map here. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

    @Bean
    SentNotices sentNotices(KafkaTemplate<String, SpecificRecord> eventTemplate, Clock clock) {
        return new SentNotices(eventTemplate, clock);
    }

    @Bean
    NoticeDelivery noticeDelivery(SentNotices sentNotices) {
        // In-app: the inbox is read from notifications, so recording the notice is delivering it.
        return new NoticeDelivery(Map.of(NotificationChannel.IN_APP, sentNotices::record));
    }
}
