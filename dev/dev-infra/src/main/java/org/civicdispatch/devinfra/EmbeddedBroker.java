package org.civicdispatch.devinfra;

import java.util.HashMap;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft, combined controller and broker) in this JVM, from the Apache Kafka jars. Used by the
 * embedded default and by tests where Docker is absent. Topics are never auto-created: every topic is declared.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final String OVERRIDE = "civic.broker.";

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedBroker(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts one broker on a free port (the KRaft test kit binds its own ports): see {@link #bootstrapServers()}.
     * System properties {@code civic.broker.<name>} override or add broker settings (for benchmarks).
     */
    public static EmbeddedBroker start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        Map<String, String> settings = new HashMap<>(Map.of(
                "auto.create.topics.enable", "false",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0",
                "num.partitions", "1"));
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith(OVERRIDE))
                .forEach(n -> settings.put(n.substring(OVERRIDE.length()), System.getProperty(n)));
        broker.brokerProperties(settings);
        broker.afterPropertiesSet();
        return new EmbeddedBroker(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
