package org.civicdispatch.testkit;

import org.civicdispatch.devinfra.EmbeddedBroker;
import org.civicdispatch.devinfra.EmbeddedDatabase;
import org.civicdispatch.devregistry.DevSchemaRegistry;
import org.civicdispatch.registry.SchemaRegistryClient;
import org.civicdispatch.registry.wire.AvroCodec;
import org.slf4j.Logger;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real broker and database for tests, one of each per test JVM: containers where a Docker engine answers
 * (a developer's or CI's machine with Docker), the in-process KRaft broker and embedded PostgreSQL where none
 * does. Set {@code civicdispatch.test.infra=embedded} to skip the Docker probe.
 */
public final class TestInfrastructure {

    private static final Logger LOG = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final String KAFKA_IMAGE = "apache/kafka:4.2.0";
    private static final String POSTGRES_IMAGE = "postgres:17-alpine";

    private static String kafka;
    private static DevSchemaRegistry registry;
    private static AvroCodec codec;
    private static KafkaTestClient client;
    private static PostgresEndpoint postgres;
    private static Boolean docker;

    private TestInfrastructure() {
    }

    /** Bootstrap servers of the shared test broker, started on first use. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            if (dockerAvailable()) {
                KafkaContainer container = new KafkaContainer(KAFKA_IMAGE)
                        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
                container.start();
                kafka = container.getBootstrapServers();
            } else {
                kafka = EmbeddedBroker.start().bootstrapServers();
            }
            LOG.info("test Kafka at {}", kafka);
        }
        return kafka;
    }

    /** URL of the shared dev schema registry (Confluent REST API), backed by the test broker's _schemas topic. */
    public static synchronized String schemaRegistryUrl() {
        if (registry == null) {
            registry = DevSchemaRegistry.start(kafkaBootstrapServers(), "127.0.0.1", 0);
        }
        return registry.url();
    }

    /** A plain client of the shared broker, open for the whole test JVM. */
    public static synchronized KafkaTestClient kafka() {
        if (client == null) {
            client = new KafkaTestClient(kafkaBootstrapServers());
        }
        return client;
    }

    /** A codec on the shared registry, registering schemas as a producing department system would. */
    public static synchronized AvroCodec codec() {
        if (codec == null) {
            codec = new AvroCodec(new SchemaRegistryClient(schemaRegistryUrl()), true);
        }
        return codec;
    }

    /** Points a service under test at the shared broker and registry. */
    public static void kafkaAndRegistry(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("civic.schema-registry-url", TestInfrastructure::schemaRegistryUrl);
    }

    /** The shared test PostgreSQL server, with a fresh database of the given name. */
    public static synchronized PostgresEndpoint postgres(String database) {
        if (postgres == null) {
            if (dockerAvailable()) {
                PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
                container.start();
                postgres = new PostgresEndpoint(container.getJdbcUrl(), container.getUsername(),
                        container.getPassword(), null);
            } else {
                EmbeddedDatabase db = EmbeddedDatabase.start(0, null);
                postgres = new PostgresEndpoint(db.jdbcUrl("postgres"), EmbeddedDatabase.USER, "", db);
            }
        }
        return postgres.withDatabase(database);
    }

    static synchronized boolean dockerAvailable() {
        if (docker == null) {
            docker = !"embedded".equals(System.getProperty("civicdispatch.test.infra"))
                    && probeDocker();
            LOG.info("test infrastructure: {}", docker ? "Testcontainers (Docker found)" : "in-JVM broker and "
                    + "embedded PostgreSQL (no Docker engine)");
        }
        return docker;
    }

    private static boolean probeDocker() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
