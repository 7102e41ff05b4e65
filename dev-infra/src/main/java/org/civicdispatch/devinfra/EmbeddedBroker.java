package org.civicdispatch.devinfra;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft, combined controller and broker) in this JVM, from the Apache Kafka jars. Used by the
 * embedded default and by tests where Docker is absent. Topics are never auto-created: every topic is declared.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedBroker(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /** Starts one broker on a free port (the KRaft test kit binds its own ports): see {@link #bootstrapServers()}. */
    public static EmbeddedBroker start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0",
                "num.partitions", "1"));
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
