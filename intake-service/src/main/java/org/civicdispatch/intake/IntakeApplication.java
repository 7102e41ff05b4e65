package org.civicdispatch.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** The bundled demo catalog unless {@code civic.catalog} names the city's own file. */
    @Bean
    MatterCatalog matterCatalog(@Value("${civic.catalog:}") String file) throws IOException {
        if (file.isBlank()) {
            return CatalogLoader.bundled();
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return CatalogLoader.load(in, file);
        }
    }

    /** The bundled demo district unless {@code civic.territory} names the city's own GeoJSON file. */
    @Bean
    Territory territory(@Value("${civic.territory:}") String file) throws IOException {
        if (file.isBlank()) {
            return Territory.bundled();
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return Territory.load(in, file);
        }
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
