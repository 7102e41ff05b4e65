package org.civicdispatch.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.civicdispatch.devinfra.EmbeddedDatabase;

/** Where a test's database is. */
public record PostgresEndpoint(String jdbcUrl, String username, String password, EmbeddedDatabase embedded) {

    /** A database of that name on the same server, created if missing. */
    PostgresEndpoint withDatabase(String database) {
        if (embedded != null) {
            return new PostgresEndpoint(embedded.createDatabase(database), username, password, embedded);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, username, password);
             Statement s = c.createStatement()) {
            if (!s.executeQuery("select 1 from pg_database where datname = '" + database + "'").next()) {
                s.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
        return new PostgresEndpoint(jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + database, username,
                password, null);
    }
}
