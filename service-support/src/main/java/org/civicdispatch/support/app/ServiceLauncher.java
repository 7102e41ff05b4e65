package org.civicdispatch.support.app;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts a service with the JVM settings every service needs, before Spring or Avro load anything. */
public final class ServiceLauncher {

    /** Avro 1.12 refuses to instantiate classes outside these packages when reading. */
    public static final String AVRO_TRUSTED_PACKAGES =
            "org.civicdispatch.events,java.lang,java.math,java.io,java.net,java.util,org.apache.avro.util";

    private ServiceLauncher() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String[] args) {
        trustAvroPackages();
        return SpringApplication.run(application, args);
    }

    public static void trustAvroPackages() {
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", AVRO_TRUSTED_PACKAGES);
        }
    }
}
