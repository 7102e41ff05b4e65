package org.civicdispatch.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicdispatch.contract.Party;
import org.civicdispatch.contract.TopicSpec;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.reference.catalog.Department;
import org.civicdispatch.reference.catalog.MatterCatalog;

/**
 * Writes {@code base/kafka/topics.yaml} and {@code users.yaml} from the topic contract ({@link Topics}): a KafkaTopic
 * per topic, and per party a KafkaUser whose ACLs are exactly what the contract lets it write and read. Each
 * department gets its own user, reading only its own task topic. Regenerate with {@code -Dk8s.regenerate=true}.
 */
final class KafkaResources {

    static final String CLUSTER = "civic-kafka";
    static final int PARTITIONS = 6;
    static final String SCHEMAS_TOPIC = "_schemas";
    private static final List<Party> SERVICES = List.of(Party.INTAKE, Party.DISPATCH, Party.NOTIFICATION,
            Party.AUDIT);

    private final List<TopicSpec> topics;
    private final List<String> departments;

    KafkaResources(MatterCatalog catalog) {
        this.departments = catalog.departments().stream().map(Department::code).sorted().toList();
        this.topics = Topics.all(departments);
    }

    String topicsYaml() {
        StringBuilder out = new StringBuilder(header("One KafkaTopic per topic of the contract (Topics.all), "
                + "owned by Strimzi's topic operator."));
        for (TopicSpec t : topics) {
            boolean transientTopic = t.name().endsWith(Topics.DEAD_LETTER_SUFFIX)
                    || t.name().equals("notification-retries");
            Map<String, String> config = new LinkedHashMap<>();
            config.put("min.insync.replicas", "2");
            // Event topics are the system of record that replays rebuild from: kept for good.
            config.put("retention.ms", transientTopic ? "2592000000" : "-1");
            topic(out, t.name(), t.name(), PARTITIONS, config);
        }
        Map<String, String> registryConfig = new LinkedHashMap<>();
        registryConfig.put("cleanup.policy", "compact");
        registryConfig.put("min.insync.replicas", "2");
        topic(out, "schemas-store", SCHEMAS_TOPIC, 1, registryConfig);
        return out.toString();
    }

    String usersYaml() {
        StringBuilder out = new StringBuilder(header("One KafkaUser (SCRAM-SHA-512) per party, its ACLs derived "
                + "from who writes and reads each topic in Topics."));
        users().forEach((name, acls) -> user(out, name, acls));
        return out.toString();
    }

    /** Every user with its ACLs, in a stable order. */
    Map<String, List<Acl>> users() {
        Map<String, List<Acl>> users = new LinkedHashMap<>();
        for (Party service : SERVICES) {
            List<Acl> acls = contractAcls(service, null);
            acls.add(new Acl("group", service.serviceName(), "literal", "Read"));
            if (service == Party.DISPATCH) {
                // Kafka Streams: internal changelog/repartition topics and EOS transactional ids carry the app id.
                acls.add(new Acl("topic", "dispatch", "prefix", "All"));
                acls.add(new Acl("transactionalId", "dispatch", "prefix", "Write", "Describe"));
            }
            if (service == Party.AUDIT) {
                // Replays go to new topics only, never to live ones.
                acls.add(new Acl("topic", "replay-", "prefix", "Create", "Write", "Describe"));
            }
            users.put(service.serviceName(), acls);
        }
        users.put("channel-systems", contractAcls(Party.CHANNEL_SYSTEMS, null));
        for (String department : departments) {
            List<Acl> acls = contractAcls(Party.DEPARTMENT_SYSTEMS, department);
            acls.add(new Acl("group", "dept-" + department, "prefix", "Read"));
            users.put("dept-" + department, acls);
        }
        users.put("schema-registry", List.of(new Acl("topic", SCHEMAS_TOPIC, "literal", "All"),
                new Acl("group", "schema-registry", "prefix", "Read")));
        users.put("keda", List.of(new Acl("topic", "*", "literal", "Describe"),
                new Acl("group", "*", "literal", "Describe")));
        return users;
    }

    /** What the contract lets a party do; a department reads only its own task topic. */
    private List<Acl> contractAcls(Party party, String department) {
        List<Acl> acls = new ArrayList<>();
        for (TopicSpec t : topics) {
            boolean taskTopic = t.name().startsWith(Topics.DEPARTMENT_TASKS_PREFIX);
            boolean reads = t.readers().contains(party)
                    && (!taskTopic || department == null || t.name().equals(Topics.DEPARTMENT_TASKS_PREFIX + department));
            boolean writes = t.writer() == party;
            if (writes && reads) {
                acls.add(new Acl("topic", t.name(), "literal", "Read", "Write", "Describe"));
            } else if (writes) {
                acls.add(new Acl("topic", t.name(), "literal", "Write", "Describe"));
            } else if (reads) {
                acls.add(new Acl("topic", t.name(), "literal", "Read", "Describe"));
            }
        }
        return acls;
    }

    private static String header(String comment) {
        return "# Generated by k8s/src/test/java/org/civicdispatch/k8s/KafkaResources.java: do not edit.\n# "
                + comment + "\n";
    }

    private static void topic(StringBuilder out, String name, String topicName, int partitions,
                              Map<String, String> config) {
        out.append("---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: ").append(name)
                .append("\n  labels:\n    strimzi.io/cluster: ").append(CLUSTER).append("\nspec:\n");
        if (!name.equals(topicName)) {
            out.append("  topicName: \"").append(topicName).append("\"\n");
        }
        out.append("  partitions: ").append(partitions).append("\n  replicas: 3\n  config:\n");
        config.forEach((k, v) -> out.append("    ").append(k).append(": \"").append(v).append("\"\n"));
    }

    private static void user(StringBuilder out, String name, List<Acl> acls) {
        out.append("---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaUser\nmetadata:\n  name: ").append(name)
                .append("\n  labels:\n    strimzi.io/cluster: ").append(CLUSTER)
                .append("\nspec:\n  authentication:\n    type: scram-sha-512\n  authorization:\n    type: simple\n")
                .append("    acls:\n");
        for (Acl acl : acls) {
            out.append("      - resource:\n          type: ").append(acl.type()).append('\n');
            if (!acl.type().equals("cluster")) {
                out.append("          name: \"").append(acl.name()).append("\"\n          patternType: ")
                        .append(acl.pattern()).append('\n');
            }
            out.append("        operations: [").append(String.join(", ", acl.operations())).append("]\n");
        }
    }

    record Acl(String type, String name, String pattern, String... operations) {
    }
}
