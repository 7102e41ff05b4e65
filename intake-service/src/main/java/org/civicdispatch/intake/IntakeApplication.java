package org.civicdispatch.intake;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.civicdispatch.contract.Party;
import org.civicdispatch.intake.domain.CaseNumbers;
import org.civicdispatch.intake.domain.Intake;
import org.civicdispatch.reference.catalog.CatalogLoader;
import org.civicdispatch.reference.catalog.MatterCatalog;
import org.civicdispatch.reference.territory.Territory;
import org.civicdispatch.support.app.ServiceLauncher;
import org.civicdispatch.support.kafka.PlatformKafkaConfiguration;
import org.civicdispatch.support.kafka.PlatformProperties;
import org.civicdispatch.support.kafka.TopicProvisioning;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/** The front door: every channel's reports become validated IncidentReported events. */
@SpringBootApplication
@Import(PlatformKafkaConfiguration.class)
public class IntakeApplication {

    public static void main(String[] args) {
        ServiceLauncher.run(IntakeApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MatterCatalog matterCatalog() {
        return CatalogLoader.bundled();
    }

    @Bean
    Territory territory() {
        return Territory.bundled();
    }

    @Bean
    Intake intake(Clock clock, @Value("${civic.zone:Asia/Shanghai}") String zone, MatterCatalog catalog,
                  Territory territory) {
        return new Intake(clock, new CaseNumbers(ZoneId.of(zone)), catalog, territory);
    }

    @Bean
    KafkaAdmin.NewTopics intakeTopics(PlatformProperties properties) {
        return TopicProvisioning.topicsOf(Party.INTAKE, List.of(), properties);
    }
}
