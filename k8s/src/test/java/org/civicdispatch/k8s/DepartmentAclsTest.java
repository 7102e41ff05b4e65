package org.civicdispatch.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civicdispatch.reference.catalog.CatalogLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ACLs the manifests deploy, applied to a real broker configured as the Strimzi cluster is (SCRAM, no access
 * without an ACL): a department reads its own tasks and writes responses, and nothing else.
 */
class DepartmentAclsTest {

    private static final List<String> DEPARTMENTS = List.of("sanitation", "water-utility");
    private static final Map<String, List<KafkaResources.Acl>> USERS =
            new KafkaResources(CatalogLoader.bundled()).users();

    @TempDir
    static Path dir;
    private static ScramBroker broker;

    @BeforeAll
    static void startBrokerWithTheDeployedAcls() throws Exception {
        Map<String, String> passwords = new java.util.LinkedHashMap<>();
        DEPARTMENTS.forEach(d -> passwords.put("dept-" + d, ScramBroker.password("dept-" + d)));
        broker = ScramBroker.start(dir, passwords);
        try (Admin admin = Admin.create(broker.admin())) {
            admin.createTopics(List.of(new NewTopic("department-tasks-sanitation", 1, (short) 1),
                    new NewTopic("department-tasks-water-utility", 1, (short) 1),
                    new NewTopic("department-responses", 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
            List<AclBinding> bindings = new ArrayList<>();
            DEPARTMENTS.forEach(d -> bindings.addAll(bindingsOf("dept-" + d)));
            admin.createAcls(bindings).all().get(60, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, byte[]> dispatch = producer(broker.admin())) {
            for (String d : DEPARTMENTS) {
                dispatch.send(new ProducerRecord<>("department-tasks-" + d, "C-1", ("task for " + d)
                        .getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
            }
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldLetADepartmentReadItsOwnTasks() {
        assertThat(read("dept-sanitation", "department-tasks-sanitation")).containsExactly("task for sanitation");
    }

    @Test
    void shouldRefuseADepartmentAnotherDepartmentsTasks() {
        assertThatThrownBy(() -> read("dept-sanitation", "department-tasks-water-utility"))
                .isInstanceOf(TopicAuthorizationException.class)
                .hasMessageContaining("department-tasks-water-utility");
    }

    @Test
    void shouldLetADepartmentWriteResponsesButNotTasks() throws Exception {
        Properties sanitation = broker.client("dept-sanitation", ScramBroker.password("dept-sanitation"));
        try (KafkaProducer<String, byte[]> producer = producer(sanitation)) {
            producer.send(new ProducerRecord<>("department-responses", "C-1", new byte[] {0})).get(30,
                    TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, byte[]> producer = producer(sanitation)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("department-tasks-sanitation", "C-1",
                    new byte[] {0})).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void shouldRefuseAWrongPassword() {
        assertThatThrownBy(() -> readAs(broker.client("dept-sanitation", "guess"), "dept-sanitation-reader",
                "department-tasks-sanitation")).hasMessageContaining("Authentication failed");
    }

    @Test
    void shouldRefuseAConsumerGroupOutsideTheDepartmentsPrefix() {
        assertThatThrownBy(() -> readAs(broker.client("dept-sanitation", ScramBroker.password("dept-sanitation")),
                "dept-water-utility-reader", "department-tasks-sanitation"))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    private static List<AclBinding> bindingsOf(String user) {
        List<AclBinding> bindings = new ArrayList<>();
        for (KafkaResources.Acl acl : USERS.get(user)) {
            ResourcePattern pattern = new ResourcePattern(ResourceType.fromString(acl.type().toUpperCase(Locale.ROOT)
                    .replace("TRANSACTIONALID", "TRANSACTIONAL_ID")), acl.name(),
                    acl.pattern().equals("prefix") ? PatternType.PREFIXED : PatternType.LITERAL);
            for (String operation : acl.operations()) {
                bindings.add(new AclBinding(pattern, new AccessControlEntry("User:" + user, "*",
                        AclOperation.fromString(operation), AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    private static List<String> read(String user, String topic) {
        return readAs(broker.client(user, ScramBroker.password(user)), user + "-reader", topic);
    }

    private static List<String> readAs(Properties client, String group, String topic) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500))
                        .forEach(r -> values.add(new String(r.value(), StandardCharsets.UTF_8)));
            }
        }
        return values;
    }

    private static KafkaProducer<String, byte[]> producer(Properties client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put("max.block.ms", "15000");
        props.put("delivery.timeout.ms", "20000");
        props.put("request.timeout.ms", "10000");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
