package org.civicdispatch.audit.store;

import javax.sql.DataSource;
import org.civicdispatch.audit.store.migration.V4__ChainExistingEvents;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The audit schema's migrations: the SQL scripts in {@code db/migration} and the Java migration that chains rows
 * appended before the chain existed. The Java one is registered explicitly (not scanned) so it is found the same
 * way inside the executable jar.
 */
public final class AuditSchema {

    private AuditSchema() {
    }

    public static FluentConfiguration configure(FluentConfiguration configuration) {
        return configuration.javaMigrations(new V4__ChainExistingEvents());
    }

    public static void migrate(DataSource dataSource) {
        configure(Flyway.configure().dataSource(dataSource)).load().migrate();
    }
}
