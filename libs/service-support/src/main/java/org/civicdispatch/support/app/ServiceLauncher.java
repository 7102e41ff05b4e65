package org.civicdispatch.support.app;

import org.civicdispatch.registry.wire.AvroTrust;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts a service with the JVM settings every service needs, before Spring or Avro load anything. */
public final class ServiceLauncher {

    private ServiceLauncher() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String[] args) {
        AvroTrust.trustContractPackages();
        return SpringApplication.run(application, args);
    }
}
