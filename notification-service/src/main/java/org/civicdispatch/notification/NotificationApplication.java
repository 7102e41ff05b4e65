package org.civicdispatch.notification;

import java.time.Clock;
import java.util.List;
import org.civicdispatch.contract.Party;
import org.civicdispatch.notification.domain.NoticeTemplates;
import org.civicdispatch.notification.domain.Notifying;
import org.civicdispatch.support.app.ServiceLauncher;
import org.civicdispatch.support.kafka.PlatformKafkaConfiguration;
import org.civicdispatch.support.kafka.PlatformProperties;
import org.civicdispatch.support.kafka.TopicProvisioning;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/** Tells citizens and department staff what concerns them as a case moves. */
@SpringBootApplication
@Import(PlatformKafkaConfiguration.class)
public class NotificationApplication {

    public static void main(String[] args) {
        ServiceLauncher.run(NotificationApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Notifying notifying() {
        return new Notifying(new NoticeTemplates());
    }

    @Bean
    KafkaAdmin.NewTopics notificationTopics(PlatformProperties properties) {
        return TopicProvisioning.topicsOf(Party.NOTIFICATION, List.of(), properties);
    }
}
