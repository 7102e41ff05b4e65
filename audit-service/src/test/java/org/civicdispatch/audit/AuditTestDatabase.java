package org.civicdispatch.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.civicdispatch.audit.domain.AuditEntry;
import org.civicdispatch.audit.store.AuditLog;
import org.civicdispatch.audit.store.AuditSchema;
import org.civicdispatch.testkit.PostgresEndpoint;
import org.civicdispatch.testkit.TestInfrastructure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh audit database on the shared test PostgreSQL, migrated by the service's own migrations. */
public record AuditTestDatabase(PostgresEndpoint endpoint, DataSource dataSource, JdbcClient jdbc,
                                DataSourceTransactionManager transactions, AuditLog log) {

    private static final AtomicInteger COUNT = new AtomicInteger();
    public static final Instant AT = Instant.parse("2026-11-23T02:00:00Z");

    public static AuditTestDatabase fresh(String prefix) {
        PostgresEndpoint db = TestInfrastructure.postgres(prefix + "_" + COUNT.incrementAndGet());
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
        AuditSchema.migrate(dataSource);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        return new AuditTestDatabase(db, dataSource, jdbc, transactions,
                new AuditLog(jdbc, new TransactionTemplate(transactions), Clock.systemUTC()));
    }

    /** A decoded case event at the given offset; {@code at} is its record time. */
    public static AuditEntry event(String topic, long offset, String caseId, Instant at, String payloadJson) {
        return new AuditEntry(topic, 0, offset, caseId, caseId, "test.Step", 3, new byte[] {0, 0, 0, 0, 3, (byte) offset},
                "{\"trace\":\"t-" + offset + "\"}", payloadJson, null, at);
    }

    /** Runs SQL as the superuser would, with the append-only triggers of audit_event switched off. */
    public void tamper(String sql, Map<String, ?> params) {
        jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only").update();
        try {
            var statement = jdbc.sql(sql);
            for (var param : params.entrySet()) {
                statement = statement.param(param.getKey(), param.getValue());
            }
            statement.update();
        } finally {
            jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only").update();
        }
    }
}
