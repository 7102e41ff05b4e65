package org.civicdispatch.audit;

import org.civicdispatch.support.app.ServiceLauncher;
import org.civicdispatch.support.kafka.PlatformKafkaConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The platform's memory: appends every record of every topic to PostgreSQL and serves case timelines. */
@SpringBootApplication
@Import(PlatformKafkaConfiguration.class)
public class AuditApplication {

    public static void main(String[] args) {
        ServiceLauncher.run(AuditApplication.class, args);
    }
}
