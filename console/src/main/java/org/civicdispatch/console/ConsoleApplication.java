package org.civicdispatch.console;

import java.net.URI;
import java.time.Duration;
import org.civicdispatch.console.map.GridMap;
import org.civicdispatch.console.upstream.Upstream;
import org.civicdispatch.reference.territory.Territory;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The operator and auditor console: static pages (ES modules, no bundler) and a backend-for-frontend that forwards
 * to intake, dispatch and audit. It holds no state of its own and reads no topic, so it needs neither Kafka nor
 * Avro (hence no {@code ServiceLauncher}).
 */
@SpringBootApplication
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }

    @Bean
    Upstream intake(@Value("${civic.console.intake-url}") URI url, @Value("${civic.console.upstream-token:}") String token,
                    @Value("${civic.console.upstream-timeout}") Duration timeout) {
        return new Upstream("intake-service", url, timeout, token);
    }

    @Bean
    Upstream dispatch(@Value("${civic.console.dispatch-url}") URI url, @Value("${civic.console.upstream-token:}") String token,
                      @Value("${civic.console.upstream-timeout}") Duration timeout) {
        return new Upstream("dispatch-service", url, timeout, token);
    }

    @Bean
    Upstream audit(@Value("${civic.console.audit-url}") URI url, @Value("${civic.console.upstream-token:}") String token,
                   @Value("${civic.console.upstream-timeout}") Duration timeout) {
        return new Upstream("audit-service", url, timeout, token);
    }

    @Bean
    ApplicationRunner warnAboutSharedToken(@Value("${civic.console.upstream-token:}") String token) {
        return args -> {
            if (!token.isBlank()) {
                LoggerFactory.getLogger(ConsoleApplication.class).warn("CONSOLE_UPSTREAM_TOKEN is set: browsers "
                        + "without a token of their own act with it. For a dev stack only.");
            }
        };
    }

    /** The grid map is drawn from the bundled demo district, the same file intake and dispatch resolve places with. */
    @Bean
    GridMap gridMap() {
        return GridMap.of(Territory.bundled());
    }
}
