package org.civicdispatch.notification;

import java.time.Clock;
import java.util.List;
import org.civicdispatch.contract.Party;
import org.civicdispatch.notification.domain.NoticeTemplates;
import org.civicdispatch.notification.domain.Notifying;
import org.civicdispatch.notification.listener.RetryListenerConfiguration;
import org.civicdispatch.support.app.ServiceLauncher;
import org.civicdispatch.support.kafka.PlatformKafkaConfiguration;
import org.civicdispatch.support.kafka.PlatformProperties;
import org.civicdispatch.support.kafka.TopicProvisioning;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/** Tells citizens, department staff, grid workers and department systems what concerns them as a case moves. */
@SpringBootApplication
@Import({PlatformKafkaConfiguration.class, RetryListenerConfiguration.class})
public class NotificationApplication {

    public static void main(String[] args) {
        ServiceLauncher.run(NotificationApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NoticeTemplates noticeTemplates() {
        return new NoticeTemplates();
    }

    @Bean
    Notifying notifying(NoticeTemplates templates) {
        return new Notifying(templates);
    }

    /** notifications, notification-failures, notification-retries and notification-dlq. */
    @Bean
    KafkaAdmin.NewTopics notificationTopics(PlatformProperties properties) {
        return TopicProvisioning.topicsOf(Party.NOTIFICATION, List.of(), properties);
    }
}
