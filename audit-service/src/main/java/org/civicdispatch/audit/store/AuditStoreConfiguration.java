package org.civicdispatch.audit.store;

import java.time.Clock;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit tables as beans; the CLI builds the same classes on a plain DataSource. */
@Configuration(proxyBeanMethods = false)
public class AuditStoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FlywayConfigurationCustomizer auditMigrations() {
        return AuditSchema::configure;
    }

    @Bean
    AuditLog auditLog(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        return new AuditLog(jdbc, tx, clock);
    }

    @Bean
    ChainRows chainRows(JdbcClient jdbc) {
        return new ChainRows(jdbc);
    }

    @Bean
    Checkpoints checkpoints(JdbcClient jdbc) {
        return new Checkpoints(jdbc);
    }

    @Bean
    QueryLog queryLog(JdbcClient jdbc, Clock clock) {
        return new QueryLog(jdbc, clock);
    }
}
