package org.civicdispatch.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.civicdispatch.devinfra.BrokerJvm;
import org.civicdispatch.devinfra.EmbeddedDatabase;
import org.civicdispatch.devstack.DevStack;

/**
 * The broker and PostgreSQL of a chaos run, owned by the run rather than by DevStack so that they can be restarted:
 * the broker in a JVM of its own (the in-JVM test broker cannot restart in place), PostgreSQL on a data directory
 * that outlives it. Both come back on the same ports and with the same data, so the services' settings still hold.
 */
final class ChaosInfrastructure implements AutoCloseable {

    private final BrokerJvm broker;
    private final int postgresPort;
    private final Path postgresData;
    private volatile EmbeddedDatabase postgres;

    private ChaosInfrastructure(BrokerJvm broker, int postgresPort, Path postgresData) {
        this.broker = broker;
        this.postgresPort = postgresPort;
        this.postgresData = postgresData;
    }

    /**
     * Starts both in the run's work folder, before the services' ports are picked (a port picked free stays free
     * only until something else binds it).
     */
    static ChaosInfrastructure start(Path workDir) throws IOException, InterruptedException {
        // the settings of the embedded broker: every topic is declared, none auto-created
        BrokerJvm broker = BrokerJvm.format(Files.createDirectories(workDir.resolve("broker")),
                BrokerJvm.freePort(), "PLAINTEXT", Map.of("auto.create.topics.enable", "false",
                        "num.partitions", "1"), List.of()).start();
        ChaosInfrastructure infra = new ChaosInfrastructure(broker, BrokerJvm.freePort(),
                workDir.resolve("postgres"));
        try {
            infra.startPostgres();
            return infra;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** The options with this broker and these databases in place of DevStack's embedded ones. */
    DevStack.Options options(DevStack.Options options) {
        return options.withInfrastructure(broker.bootstrapServers(), name -> new DevStack.Database(
                postgres.createDatabase(name), EmbeddedDatabase.USER, ""));
    }

    BrokerJvm broker() {
        return broker;
    }

    /** A fast shutdown (pg_ctl stop -m fast): open connections are cut, the data stays. */
    synchronized void stopPostgres() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    synchronized void startPostgres() {
        if (postgres == null) {
            postgres = EmbeddedDatabase.start(postgresPort, postgresData);
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stopPostgres();
        } finally {
            broker.close();
        }
    }
}
